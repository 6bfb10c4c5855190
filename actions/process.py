"""Questions about the process, answered truthfully from the catalogue, the route and the case.

"Kost het iets?", "Hoe lang duurt het?", "Wat gebeurt er nu?", "Waarom dit team?", "Hoeveel
subsidie krijg ik?", "Moet mijn buurman toestemming geven?", "Word ik gebeld?", "Hoe staat
het ervoor?": the topic is read from the words (pure functions here), the answer uses what
the conversation knows so far, and the intake then goes on where it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from actions.messages import lead_reason, reason_for, team_email, team_name
from routing import Catalogue, Route
from routing.dutch import dutch_date

# Topic -> words that ask it. Order matters: the first topic that matches is answered first.
TOPIC_WORDS: dict[str, re.Pattern[str]] = {
    "subsidie": re.compile(
        r"\bhoeveel\b.{0,40}\b(subsidie|geld|bijdrage|budget|euro)|\b(subsidie|bijdrage|budget)"
        r"\w*\b.{0,40}\b(hoeveel|bedrag|hoog|maximaal|max)\b|\bhoe\s*veel\s+(krijg|kan)",
        re.IGNORECASE,
    ),
    "kosten": re.compile(
        r"\b(kost|kosten|kosteloos|gratis|betalen|betaal|prijs|tarief|leges|rekening|"
        r"moet\s+ik\s+(iets\s+)?(be)?talen|iets\s+aan\s+kwijt)\b",
        re.IGNORECASE,
    ),
    "toestemming": re.compile(
        r"\b(toestemming|goedkeuring|akkoord|instemming|goedvinden|goed\s+vinden|ermee\s+eens)\b"
        r".{0,60}\b(buurman|buurvrouw|buren|bewoners|omwonenden|iedereen|moeder|vader|oma|opa|"
        r"hij|zij|hem|haar|zelf|persoon)\b|"
        r"\b(buurman|buurvrouw|buren|bewoners|omwonenden|iedereen|moeder|vader|oma|opa|hij|zij)\b"
        r".{0,60}\b(toestemming|akkoord|goedkeuren|tekenen|zelf\s+(ja\s+)?zeggen|mee\s+eens)|"
        r"\b(moet|moeten|hoeft|hoeven)\b.{0,40}\b(toestemming|akkoord|tekenen|instemmen)\b",
        re.IGNORECASE,
    ),
    "doorlooptijd": re.compile(
        r"\b(hoe\s*lang|hoelang|wanneer|termijn|binnen\s+hoeveel|hoe\s+snel|sneller|snel|"
        r"dringend|haast|spoed|urgent|duurt|wachten|wachttijd)\b",
        re.IGNORECASE,
    ),
    "bellen": re.compile(
        r"\b(gebeld|bellen\s+jullie|belt\s+(er\s+)?(iemand|u|jullie)|word\s+ik\s+(ge)?bel|"
        r"neemt\s+(er\s+)?iemand\s+contact|contact\s+(met\s+mij\s+)?op(nemen)?\??$|"
        r"hoor\s+ik\s+(nog\s+)?(iets|wat)|krijg\s+ik\s+(nog\s+)?(een\s+)?(reactie|antwoord|bericht)|"
        r"(gaan|gaat|zullen|zal)\s+(jullie|u|iemand|er\s+iemand)\s+(mij|me)\s+(op\s*)?(bellen|mailen)|"
        r"moet\s+ik\s+(dan\s+)?(zelf\s+)?(bellen|mailen))",
        re.IGNORECASE,
    ),
    "teams": re.compile(
        r"\bwelke\s+(andere\s+|teams?\s+|afdelingen\s+)*(teams?|afdelingen|partners)\b|"
        r"\bwie\s+(kijken|kijkt|krijgen|krijgt)\s+(er\s+)?(nog\s+)?mee\b|\bwie\s+nog\s+meer\b",
        re.IGNORECASE,
    ),
    "waarom": re.compile(
        r"\bwaarom\b.{0,60}\b(team|afdeling|partner|die|deze|dat|zij|hun|jullie|gemeente)\b|"
        r"\bwat\s+moet\s+ik\s+met\b|\bwat\s+heb\s+ik\s+aan\b",
        re.IGNORECASE,
    ),
    "privacy": re.compile(
        r"\b(gegevens|mail\s*adres|e-?mailadres|adres|telefoonnummer|nummer|naam|privacy|"
        r"persoonsgegevens)\b.{0,60}\b(doen|doet|gebeurt|zien|ziet|bewaren|bewaard|bewaart|"
        r"delen|gedeeld|krijgt|krijgen|gebruiken|gebruikt|veilig|opgeslagen|opslaan|lezen)\b|"
        r"\b(wie|wat)\b.{0,40}\b(zien|ziet|krijgt|krijgen|doen|doet|gebeurt)\b.{0,40}"
        r"\b(gegevens|mail\s*adres|e-?mailadres|telefoonnummer|nummer|privacy|ingevuld|"
        r"ingetypt|verteld|opgeschreven)\b",
        re.IGNORECASE,
    ),
    "uitleg": re.compile(
        r"\bverschil\s+tussen\b|\bwat\s+(is|zijn|bedoel\w*|betekent)\s+(je\s+|u\s+)?(met\s+)?"
        r"(een\s+|de\s+)?(team|teams|partner|partners|regie)\b",
        re.IGNORECASE,
    ),
    "robot": re.compile(
        r"\b(robot|chatbot|bot|computer|automaat|echt\s+mens|een\s+mens)\b[^.!]{0,30}\?|"
        r"\b(ben|is)\s+(jij|u|dit|het)\s+(nou\s+|nu\s+|een\s+)*(robot|bot|computer|mens)\b",
        re.IGNORECASE,
    ),
    "status": re.compile(
        r"\b(status|hoe\s+staat\s+het|stand\s+van\s+zaken|al\s+iets\s+bekend|al\s+verder|"
        r"mijn\s+(aanvraag|kenmerk|referentie)|waar\s+staat|hoe\s+het\s+(er\s*)?(voor|mee)\s+"
        r"staat|ervoor\s+staat|(kan|kun)\s+ik\s+(\w+\s+){0,3}(volgen|zien|nakijken|checken))\b",
        re.IGNORECASE,
    ),
    "vervolg": re.compile(
        r"\b(wat\s+gebeurt|wat\s+nu|en\s+nu|wat\s+is\s+de\s+volgende|volgende\s+stap|hoe\s+gaat\s+"
        r"het\s+(nu\s+)?verder|wie\s+beslist|wie\s+besluit|wie\s+gaat|wie\s+pakt|wie\s+krijgt|"
        r"wat\s+doen\s+jullie|daarna|wat\s+gaat\s+er\s+gebeuren|hoe\s+werkt\s+het)\b",
        re.IGNORECASE,
    ),
    "rondgestuurd": re.compile(
        r"\b(doorgestuurd|rondgestuurd|van\s+het\s+kastje|kastje\s+naar|van\s+loket\s+naar|"
        r"niemand\s+(voelt|is|pakt|weet)|weer\s+(naar\s+)?(een\s+)?ander|al\s+(\w+\s+){0,3}"
        r"(keer|maal)|steeds\s+(weer|naar)|nergens\s+terecht)\b",
        re.IGNORECASE,
    ),
}


# A question mark or a question word at the start: "kost het iets" asks, "de energierekening is
# niet meer te betalen" tells.
_QUESTION = re.compile(
    r"\?|^\W*(hoe|wat|wanneer|waarom|wie|welke|kost|kan|kunnen|moet|moeten|mag|krijg|krijgen|"
    r"word|worden|is|zijn|gaan|gaat|hoeveel|hoelang)\b",
    re.IGNORECASE,
)


def asked_topics(text: str) -> list[str]:
    """The process topics a message asks about: only a question asks (a complaint about being
    sent around counts without one)."""
    topics = process_topics(text)
    if _QUESTION.search(text or "") or "rondgestuurd" in topics:
        return topics
    return []


def process_topics(text: str) -> list[str]:
    """The process topics a message asks about, most specific first (may be empty)."""
    found = [topic for topic, pattern in TOPIC_WORDS.items() if pattern.search(text or "")]
    if "subsidie" in found and "kosten" in found:
        found.remove("kosten")
    for specific in ("privacy", "status"):
        # "Wat doen jullie met mijn mailadres?" asks about privacy, not about what happens next.
        if specific in found and "vervolg" in found:
            found.remove("vervolg")
    return found


@dataclass(frozen=True)
class Known:
    """What the conversation knows when the question comes."""

    route: Route | None = None
    reply_by: tuple[int, date] | None = None
    reference: str | None = None
    has_contact: bool = False
    callback: bool = False
    before_consent: bool = True
    phase: str | None = None


def _lead_name(known: Known, catalogue: Catalogue) -> str:
    if known.route is not None and known.route.lead:
        return catalogue.name_of(known.route.lead)
    return team_name(catalogue)


def answer(topic: str, known: Known, catalogue: Catalogue) -> str:
    """One short B1 answer to a process question; never a promise the case cannot keep."""
    lead = _lead_name(known, catalogue)
    general = catalogue.general_contact
    if topic == "kosten":
        return (
            f"Deze chat en de hulp van {team_name(catalogue)} zijn gratis. Soms kost iets "
            "wel geld, bijvoorbeeld leges voor een vergunning. Dat hoort u dan vooraf van "
            "het team, voordat u iets aanvraagt."
        )
    if topic == "subsidie":
        return (
            "Hoeveel subsidie u kunt krijgen, kan ik niet zeggen. Dat hangt af van de regeling "
            "en van uw plan. Het team Subsidies kijkt met een subsidiescan welke regelingen bij "
            "u passen en wat u kunt aanvragen. Ik noem geen bedragen die ik niet zeker weet."
        )
    if topic == "toestemming":
        return (
            "Typt u voor iemand anders? Vraag dan eerst of die persoon het goed vindt dat u "
            "de vraag en de contactgegevens doorgeeft. Geef alleen gegevens door als hij of "
            "zij dat goed vindt. Moeten buren of anderen ergens mee instemmen, bijvoorbeeld "
            "bij een vergunning? Dat hangt af van wat u precies wilt doen. Het team zoekt "
            "dat met u uit."
        )
    if topic == "doorlooptijd":
        if known.reference and known.reply_by and known.has_contact:
            day = known.reply_by[1]
            return (
                f"{lead} neemt uiterlijk op {dutch_date(day)} contact met u op. Het is "
                f"dringend? Mail dan {team_email(catalogue)} met uw kenmerk {known.reference}."
            )
        if known.reference:
            return (
                "U heeft geen contactgegevens gegeven. Het team kan u dus niet zelf bereiken. "
                f"Kijk met de link bij uw kenmerk {known.reference} hoe het ervoor staat, of "
                f"mail {team_email(catalogue)} of bel {general} en noem uw kenmerk."
            )
        days_text = (
            f"binnen {known.reply_by[0]} werkdagen"
            if known.reply_by
            else "binnen een paar werkdagen"
        )
        return (
            f"Als u uw vraag doorstuurt en zegt hoe we u kunnen bereiken, reageert {lead} "
            f"{days_text}. Aan het eind zie ik de precieze datum. Het is dringend? Zeg het "
            f"gerust, of bel {general}."
        )
    if topic == "bellen":
        if known.reference and known.has_contact:
            how = "belt" if known.callback else "neemt contact met u op"
            return f"Ja. {lead} {how} via de gegevens die u gaf."
        if known.reference:
            return (
                "Nee, u gaf geen contactgegevens. Wilt u toch gebeld worden? Bel zelf "
                f"{general} of mail {team_email(catalogue)} met uw kenmerk {known.reference}."
            )
        return (
            "Alleen als u dat wilt. Straks vraag ik of u contact wilt, en hoe: telefoon of "
            "e-mail. U kunt ook vragen om teruggebeld te worden."
        )
    if topic == "waarom":
        if known.route is not None and known.route.lead:
            lines = [f"{lead} pakt uw vraag op en houdt het overzicht."]
            reason = lead_reason(known.route)
            if reason:
                lines.append(f"Waarom: {reason}")
            else:
                lines.append(
                    "Dat team past bij de kern van uw vraag en betrekt de andere "
                    "teams die nodig zijn, zodat u niet zelf langs alle afdelingen hoeft."
                )
            return " ".join(lines)
        return (
            "Welk team en welke partners passen, hangt af van uw antwoorden. Aan het eind "
            "zeg ik wie uw vraag oppakt, en waarom. U kunt dan ook zeggen naar wie het niet mag."
        )
    if topic == "teams":
        if known.route is not None and known.route.departments:
            lines = ["Deze teams kijken mee:"]
            for department in known.route.departments:
                why = reason_for(known.route, department)
                lines.append(f"- {catalogue.name_of(department)}" + (f": {why}" if why else ""))
            if known.route.partners:
                names = ", ".join(catalogue.name_of(p) for p in known.route.partners)
                lines.append(f"Partners: {names}.")
            return "\n".join(lines)
        return "Welke teams meekijken, zeg ik als ik uw antwoorden heb."
    if topic == "privacy":
        who = (
            "zijn alleen gestuurd naar de teams en partners waar u ja op zei"
            if known.reference
            else "gaan alleen naar de teams en partners die ik u noem, en alleen als u daar ja "
            "op zegt"
        )
        return (
            f"Uw naam, e-mailadres of telefoonnummer {who}. Zij gebruiken ze alleen om u over "
            "deze vraag te bereiken. U kunt alles laten wissen: typ 'wis mijn gegevens' of klik "
            "op 'Wis gesprek'. Meer leest u in de privacyverklaring: /privacy"
        )
    if topic == "uitleg":
        return (
            "Een team is een afdeling van de gemeente. Een partner is een organisatie buiten de "
            "gemeente die kan helpen, zoals een fonds, de Vrijwilligerscentrale of de KVK. Het "
            "team met de regie houdt het overzicht. Wilt u weten wat een partner doet? Vraag "
            "het gerust, bijvoorbeeld 'wat is MAEX?'."
        )
    if topic == "robot":
        return (
            "Ik ben een computer, geen mens: de digitale assistent van de gemeente. Ik zoek met "
            "u uit welk team uw vraag oppakt. Daar werken mensen, en die nemen het van mij "
            "over. Wilt u nu liever een mens spreken? Typ dan 'medewerker'."
        )
    if topic == "status":
        if known.reference:
            return (
                f"Uw kenmerk is {known.reference}. Met de link die u kreeg, ziet u hoe het "
                "ervoor staat en wie uw vraag heeft."
            )
        return (
            "U heeft nog geen vraag doorgestuurd. Als u de vragen afmaakt en ja zegt, krijgt "
            "u een kenmerk en een link waarmee u ziet hoe het ervoor staat."
        )
    if topic == "rondgestuurd":
        return (
            "Dat is vervelend. Daarom pakt één team uw vraag op en houdt het de regie: "
            f"{lead}. U hoeft niet zelf langs alle afdelingen."
        )
    # vervolg
    if known.phase in ("summary", "consent") and not known.reference:
        return (
            "Als u ja zegt, krijgen de teams en partners die ik noemde uw samenvatting. "
            f"{lead} houdt de regie en beslist samen met u wat er nodig is. Over geld "
            "beslist wie het geeft: de gemeente bij een subsidie, een fonds bij een aanvraag "
            "daar."
        )
    if known.reference:
        return (
            f"{lead} heeft uw samenvatting en bekijkt uw vraag. Het team beslist samen met u "
            "wat er nodig is en brengt u in contact met de partners die u koos."
        )
    return (
        "Zo gaat het verder: ik stel nog een paar vragen en laat een samenvatting zien. Dan "
        "zeg ik welk team uw vraag oppakt en welke partners passen. Alleen als u ja zegt, "
        f"stuur ik het door. Daarna beslist {lead} samen met u wat er nodig is."
    )
