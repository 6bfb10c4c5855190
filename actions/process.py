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
from actions.wordpatterns import QUESTION_WORDS, sentences, words
from routing import Catalogue, Route
from routing.dutch import dutch_date

# Topic -> words that ask it. Order matters: the first topic that matches is answered first.
# Each pattern names the thing asked about in the words people use for it (kosten: "betalen",
# "gratis", "dokken"; bellen: "gebeld", "een telefoontje"), not one way of asking; that a
# message asks at all is judged separately (`asks`).
_PERSON = (
    r"(buurman|buurvrouw|buren|bewoners|omwonenden|iedereen|moeder|vader|ouders?|oma|opa|"
    r"tante|oom|zoon|dochter|vriend\w*|hij|zij|hem|haar|zelf|persoon|iemand\s+anders|"
    r"een\s+ander|de\s+ander|"
    # who may have to agree to the plan itself: the school, the owner, the landlord
    r"directeur|directie|school\w*|bestuur|eigenaar|verhuurder|huisbaas|\w*corporatie|vve|"
    r"werkgever|baas)"
)
# What "voor mijn …" names when it is no person one types for.
_NOT_A_PERSON = (
    r"(wijk|buurt|straat|stad|dorp|flat|plan|idee|initiatief|project|bedrijf|zaak|onderneming|"
    r"organisatie|vereniging|stichting|club|klas|kinderen|gezin|werk|vraag)\b"
)
# One's own contact details, for the question what happens without them.
_OWN = r"mijn\s+|m['’]?n\s+|mn\s+"
_DETAILS = r"(naam|nummer|telefoonnummer|06|e-?mail\w*|mailadres|gegevens|contactgegevens)"
# One person to talk to, or every department apart ("krijgen we een vaste contactpersoon, of
# moeten we met elke afdeling apart praten?"): how it goes on, not a wish for a person now.
_ONE_POINT_OF_CONTACT = (
    r"vaste?\s+(contactpersoon|aanspreekpunt)|(één|een)\s+aanspreekpunt|(iedere|elke)\s+"
    r"afdeling\s+(\w+\s+){0,2}(afzonderlijk|apart|los)"
)
ONE_POINT_OF_CONTACT = words(_ONE_POINT_OF_CONTACT)
TOPIC_WORDS: dict[str, re.Pattern[str]] = {
    "subsidie": re.compile(
        r"\bhoe\s*veel\b.{0,40}\b(subsidie|geld|bijdrage|budget|euro|krijg\w*|aanvragen|"
        r"vragen|ontvangen)|\b\w*(subsidie|bijdrage|budget|potje|fonds)\w*\b.{0,40}\b(hoeveel|"
        r"bedrag|hoog|groot|maximaal|max|maximum)\b|\b(hoe\s+(hoog|groot)|maximale?|"
        r"maximum)\b.{0,30}\b(subsidie|bedrag|bijdrage|budget)|\b(krijg|kan|kunnen|"
        r"krijgen)\b.{0,30}\b(\d[\d.]*|duizend|honderd)\s*(euro|€)|€\s*\d|"
        # whether there is any ("Krijg ik dan ook subsidie voor die jongens?", "is daar
        # subsidie voor?")
        r"\b(krijg|krijgen|krijgt|is\s+er|zijn\s+er|is\s+daar|bestaat\s+er|kan\s+ik|kunnen\s+we|"
        r"kunnen\s+wij|hebben\s+jullie|heeft\s+de\s+gemeente|heb\s+je|geven\s+jullie)\s+"
        r"(\w+\s+){0,3}(subsidie|\w+subsidie|een\s+(subsidie|vergoeding|bijdrage|"
        r"potje))\b|"
        # money for what they do, asked ("Krijgt mijn vader ook geld als hij die jongeren
        # aanneemt?")
        r"\b(krijg|krijgen|krijgt)\s+(ik|we|wij|hij|zij|ze|mijn\s+\w+|ons\s+\w+|onze\s+\w+)\s+"
        r"(\w+\s+){0,2}(geld|een\s+vergoeding|een\s+bijdrage|vergoeding)\b(?=[^.!]*\?)",
        re.IGNORECASE,
    ),
    "kosten": words(
        r"kost(?!\s+(het|dat|dit)?\s*(veel\s+)?tijd)|kosten|kosteloos|gratis|betalen|betaal|"
        r"prijs(?!jes\b)\w*|tarief|leges|rekening|eigen\s+bijdrage|dokken|aftikken|"
        # "is het duur?", not what the plan costs ("zo'n kooi is duur")
        r"(is|wordt|worden|zijn)\s+(het|dit|dat|jullie|uw\s+hulp)\s+(\w+\s+){0,4}duur|duur\s+voor\s+"
        r"(mij|ons)\s*\?|"
        r"(rekenen|vragen)\s+(jullie|u|ze)\s+(er\s+|daar\s+)?(iets|wat|geld)|"
        r"iets\s+aan\s+kwijt|geld\s+kwijt",
    ),
    "toestemming": re.compile(
        rf"\b(toestemming|goedkeuring|akkoord|instemming|goed\s*vinden|goedvindt|"
        rf"ermee\s+eens|ja\s+zeggen|ondertekenen|tekenen|instemmen|goedkeuren)\b.{{0,60}}"
        rf"\b{_PERSON}\b|\b{_PERSON}\b.{{0,60}}\b(toestemming|akkoord|goedkeuren|tekenen|"
        rf"zelf\s+(ja\s+)?zeggen|ja\s+zeggen|mee\s+eens|goed\s*vinden|goedvindt|instemmen)|"
        rf"\b(moet|moeten|hoeft|hoeven)\b.{{0,40}}\b(toestemming|akkoord|tekenen|instemmen)\b|"
        # "voor mijn buurvrouw … mag dat?", not "een idee voor mijn wijk … of ik hier goed zit"
        rf"\b(namens|voor)\s+(mijn\s+(?!{_NOT_A_PERSON})\w+|iemand\s+anders|een\s+ander|hem|haar)\b"
        rf".{{0,40}}"
        rf"\b(mag|mogen|invullen|typen|doen|erg|goed)\b|\b(mag|kan|is\s+het\s+erg)\b.{{0,40}}"
        rf"\b(namens|voor\s+(iemand\s+anders|een\s+ander|mijn\s+(buurman|buurvrouw|moeder|"
        rf"vader|oma|opa|tante|oom)))\b|\b(eerst|zelf)\s+(aan\s+)?(hem|haar)\s+vragen\b|"
        rf"\b(hem|haar)\s+(eerst\s+)?(iets\s+)?vragen\b|"
        # "Moet de directeur dit gesprek zelf voeren, of is het goed dat ik het doe?"
        rf"\b(moet|moeten)\s+(de|mijn|onze|hij|zij|ze)\s+(\w+\s+)?(dit|het)\s+(gesprek\s+|zelf\s+)*"
        rf"(zelf\s+)?(voeren|doen|invullen|typen|aanvragen)\b|\bis\s+het\s+(goed|ok[eé]?|prima|"
        rf"erg)\s+dat\s+ik\s+(het|dit)\s+(\w+\s+){{0,3}}(doe|invul|typ|regel)\b",
        re.IGNORECASE,
    ),
    "doorlooptijd": words(
        r"hoe\s*lang|hoelang|wanneer|termijn|binnen\s+hoeveel|hoe\s+snel|sneller|snel|"
        r"dringend|haast|spoed|urgent|duurt|duren|wachten|wachttijd|tijd\s+kost|"
        r"(kost|kosten)\s+(het|dat|dit)?\s*(veel\s+)?tijd|hoeveel\s+tijd|weken|maanden|"
        r"(voor|na)\s+de\s+(zomer|vakantie|kerst)|op\s+tijd|"
        # whether it is done in time ("Het feest is op 5 december. Redden jullie dat nog?")
        r"(redden|halen|red|haal|lukt)\s+(jullie|u|je|het|dat)\s+(\w+\s+)?(nog|op\s+tijd)\b|"
        r"(is|ben)\s+(het|dat|ik|we)\s+(nog\s+)?(niet\s+)?te\s+laat",
    ),
    "bellen": words(
        r"gebeld|teruggebeld|opgebeld|terugbellen|terug\s+bellen|opbellen|telefoontje|belletje|"
        r"telefonisch|bellen|belt|bel|"
        r"neemt\s+(er\s+)?iemand\s+contact|nemen\s+(jullie|ze|zij)\s+contact|"
        r"contact\s+(met\s+(mij|me)\s+)?op(nemen)?\??$|"
        r"hoor\s+ik\s+(\w+\s+){0,2}(nog\s+)?(iets|wat)|krijg\s+ik\s+(nog\s+)?(een\s+)?(reactie|antwoord|"
        r"bericht|mail)|(mailen|mailt)\s+(jullie|ze|zij|u)|(word|wordt)\s+ik\s+\w*\s*gemaild",
    ),
    # what happens without contact details ("wat gebeurt er als ik mijn nummer niet geef?",
    # "moet ik mijn echte naam geven?", "kan het ook zonder e-mail?")
    "zonder_contact": words(
        rf"(als|wat\s+als)\s+(ik|we|wij)\s+({_OWN}|onze\s+|geen\s+)?(echte\s+)?{_DETAILS}\s+"
        r"(\w+\s+)?(niet|nie)\s+(\w+\s+)?(geef|geven|invul|invullen|opgeef|opgeven)|"
        rf"(als|wat\s+als)\s+(ik|we|wij)\s+geen\s+(echte\s+)?{_DETAILS}\s+(\w+\s+)?(geef|geven|invul|"
        r"invullen|opgeef|opgeven)|"
        rf"zonder\s+({_OWN}|een\s+)?(echte\s+)?{_DETAILS}|"
        rf"(moet|hoef)\s+ik\s+(echt\s+)?({_OWN})?(echte\s+)?{_DETAILS}\s+(\w+\s+)?"
        r"(geven|opgeven|invullen|noemen)|"
        rf"(wil|hoef)\s+((ik|we|wij)\s+)?(liever\s+)?geen\s+{_DETAILS}\s+(te\s+)?"
        r"(geven|opgeven|achterlaten)|"
        # "Als ik geen contact wil, kan er dan nog wel iets gebeuren?"
        r"(als|wat\s+als|zonder\s+dat)\s+(ik|we|wij)\s+(\w+\s+)?geen\s+contact\s+(wil|willen|wilt|"
        r"hoef|hoeven|neem|nemen|opneem|opnemen)|zonder\s+contact(?!\s+met)|"
        # "hoe hoor ik dan iets, als ik niks achterlaat?"
        r"(als|wat\s+als)\s+(ik|we|wij)\s+(niks|niets|geen\s+gegevens)\s+(\w+\s+)?(achterlaat|achterlaten|"
        r"geef|geven|invul|invullen|opgeef|opgeven)\b"
    ),
    "teams": re.compile(
        r"\bwelke\s+(andere\s+|teams?\s+|afdelingen\s+)*(teams?|afdelingen|partners|"
        r"organisaties)\b|\bwie\s+(kijken|kijkt|krijgen|krijgt)\s+(er\s+)?(nog\s+)?mee\b|"
        r"\bwie\s+nog\s+meer\b|\b(naar\s+wie|wie\s+(krijgt|krijgen|ontvangt|ontvangen)\s+"
        r"(het|dit|dat|mijn|m'n|de|die|alles))\b|"
        # "Waarom moet dit naar al die partijen?": each one's reason
        r"\b(al\s+die|zoveel|zo\s+veel|alle|die\s+andere)\s+(partijen|teams|afdelingen|organisaties|"
        r"instanties|partners)\b",
        re.IGNORECASE,
    ),
    # why the intake asks this ("waarom vraag je dat allemaal?", "hoezo moet ik dat zeggen?")
    "waarom_vragen": words(
        r"(waarom|hoezo|waarvoor)\s+(vraag|vraagt|wil|wilt|moet)\s+(je|jij|u|jullie|ik)\s+"
        r"(dat|dit|het|dat\s+allemaal|dit\s+allemaal|zoveel|zo\s+veel|dat\s+weten|dat\s+zeggen|"
        r"dat\s+vertellen)\b"
    ),
    "waarom": words(
        r"waarom|hoezo|waarvoor\s+is\s+(dat|die|dit)|wat\s+moet\s+ik\s+met|"
        r"wat\s+heb\s+ik\s+(er\s+)?aan|wat\s+(heeft|hebben)\s+(\w+\s+){1,4}(er|daar)\s*mee\s+te\s+maken",
    ),
    "privacy": re.compile(
        r"\b(gegevens|mail\s*adres|e-?mailadres|adres|telefoonnummer|nummer|naam|namen|privacy|"
        r"persoonsgegevens|dit\s+gesprek|wat\s+ik\s+(hier\s+)?(typ|schrijf|invul|vertel))\b.{0,60}"
        r"\b(doen|doet|gebeurt|zien|ziet|bewaren|bewaard|bewaart|delen|gedeeld|krijgt|krijgen|"
        r"gebruiken|gebruikt|veilig|opgeslagen|opslaan|lezen|leest|doorgegeven|doorgeven|"
        r"doorgestuurd|verkocht|openbaar|nodig|geven|opgeven|invullen|noemen|erbij)\b|"
        # the verb first ("Krijgen al die partijen dan ook mijn telefoonnummer?")
        r"\b(krijgen|krijgt|zien|ziet|ontvangen|ontvangt)\b.{0,60}\b(mijn|m['’]n|onze)\s+(gegevens|"
        r"telefoonnummer|nummer|e-?mailadres|mailadres|adres|naam|contactgegevens)\b|"
        r"\b(wie|wat)\b.{0,40}\b(zien|ziet|krijgt|krijgen|doen|doet|gebeurt|leest|lezen)\b.{0,40}"
        r"\b(gegevens|mail\s*adres|e-?mailadres|telefoonnummer|nummer|privacy|ingevuld|"
        r"ingetypt|verteld|opgeschreven|typ|schrijf|invul|intyp|intik|tik|vertel|zeg|"
        r"samenvatting|onder\s+ogen)\b|"
        # "wordt dit ergens opgeslagen?", "blijft alles bewaard?"
        r"\b(wordt|worden|blijft|blijven)\s+(dit|dat|het|alles|dit\s+gesprek|mijn\s+\w+)\s+"
        r"(\w+\s+)?(opgeslagen|bewaard|gedeeld|vastgelegd|doorgegeven|geregistreerd)\b|"
        r"\b(anoniem|privé|prive|vertrouwelijk|meelezen|meelezen|leest\s+(er\s+)?(iemand\s+|dit\s+|dat\s+|het\s+)?mee|"
        r"lezen\s+(er\s+)?(\w+\s+)?mee|kan\s+\w+(\s+\w+)?\s+(dit|dat|het)\s+(lezen|zien)|"
        r"(is|blijft)\s+(dit|dat|het)\s+(wel\s+)?(veilig|geheim)|bewaren\s+jullie|"
        r"hoe\s+lang\s+bewaren|avg|gdpr)\b|"
        # "wie krijgt dit allemaal te zien?", "wie leest dit?": who sees what one typed
        r"\bwie\s+(krijgt|krijgen)\s+(\w+\s+){0,3}te\s+(zien|lezen)\b|"
        r"\bwie\s+(ziet|zien|leest|lezen)\s+(\w+\s+)?(dit|dat|het|mijn|m['’]n|alles)\b|"
        # "slaan jullie dit allemaal op?", "slaat de gemeente mijn gegevens op?"
        r"\b(slaan|slaat)\s+(jullie|je|jij|u|ze|zij|de\s+gemeente|loket)\s+(\w+\s+){0,4}op\b|"
        # "waarom wil je mijn nummer?": why one's own details are asked
        r"\bwaarom\s+(wil|wilt|willen|heb|hebben|moet|moeten|vraag|vraagt|vragen)\s+(je|jij|u|jullie|"
        r"ik|ze)\s+(\w+\s+)?(mijn|m['’]?n|mn)\s+(nummer|telefoonnummer|naam|adres|e-?mail\w*|"
        r"gegevens|06)\b|"
        # "wat doen jullie met mn mail?", "… met m'n 06?": one's own address or number
        r"\bmet\s+(mijn|mn|m['’]n|me)\s+(e-?)?(mail|nummer|telefoonnummer|06|naam|adres|gegevens)\b|"
        # who gets to see it: "Krijgt mijn werkgever dit te zien?", "wat krijgen die partijen
        # dan precies van ons te zien?"
        r"\b(krijgt|krijgen|ziet|zien|leest|lezen)\s+(mijn|m['’]?n|mn|onze|de|die|deze|zij|ze)\s+"
        r"(\w+\s+)?(dit|dat|het|deze\s+chat|dit\s+gesprek)\s+(\w+\s+)?(te\s+(zien|lezen)|ook)\b|"
        r"\bwat\s+(krijgen|krijgt|zien|ziet|ontvangen|ontvangt)\s+((die|de|deze)\s+(partijen|teams|"
        r"partners|organisaties|instanties|afdelingen)|zij|ze)\b.{0,40}"
        r"\b(te\s+zien|van\s+(ons|mij|me)|precies)\b|"
        # "Wat krijgt het Werkgeversservicepunt dan van ons te zien?": a party by name
        r"\bwat\s+(krijgen|krijgt|ziet|zien|ontvangt|ontvangen)\s+([\w'’-]+\s+){1,4}(dan\s+)?"
        r"(precies\s+)?van\s+(ons|mij|me)\s+te\s+zien\b",
        re.IGNORECASE,
    ),
    "uitleg": re.compile(
        r"\bverschil\s+tussen\b|\bwat\s+(is|zijn|bedoel\w*|betekent)\s+(je\s+|u\s+)?(met\s+)?"
        r"(een\s+|de\s+)?(team|teams|partner|partners|regie|instrument|regeling)\b",
        re.IGNORECASE,
    ),
    "robot": re.compile(
        r"\b(robot|chatbot|bot|computer|automaat|echt\s+mens|een\s+mens|ai)\b[^.!]{0,30}\?|"
        r"\b(ben|is)\s+(jij|je|u|dit|het)\s+(nou\s+|nu\s+|een\s+|wel\s+)*(robot|bot|chatbot|"
        r"computer|mens|echt)\b|\b(praat|chat|spreek)\s+ik\s+(nu\s+)?(met\s+)?(een\s+)?(mens|"
        r"computer|robot|bot)\b|\bzit\s+(daar|er)\s+(wel\s+)?(een\s+)?(mens|iemand)\s+achter\b",
        re.IGNORECASE,
    ),
    "status": words(
        r"status|hoe\s+staat\s+het|stand\s+van\s+zaken|al\s+iets\s+bekend|al\s+verder|"
        r"al\s+nieuws|nieuws|hoe\s+ver\s+(het\s+)?(is|staat)|al\s+(gelezen|bekeken|opgepakt)|"
        r"mijn\s+(aanvraag|kenmerk|referentie)|waar\s+staat|hoe\s+het\s+(er\s*)?(voor|mee)\s+"
        r"staat|ervoor\s+staat|(kan|kun)\s+ik\s+(\w+\s+){0,3}(volgen|zien|nakijken|checken)|"
        # "Hoe kan ik de voortgang van mijn verzoek volgen?"
        r"voortgang|(mijn|de)\s+(aanvraag|verzoek|vraag|melding)\s+(\w+\s+){0,2}volgen|"
        # "hoe zie ik later of er iets mee gedaan is?", "hoe weet ik of er al wat mee gebeurt?"
        r"(hoe|waar)\s+(zie|weet|merk|volg|check)\s+ik\s+(\w+\s+){0,2}of\s+(er\s+)?(al\s+)?"
        r"(iets|wat|niks|niets)\s+(mee\s+)?(gedaan|gebeurt|gebeurd|gedaan\s+wordt)",
    ),
    "vervolg": words(
        rf"{_ONE_POINT_OF_CONTACT}|"
        # whether anything will really come of it ("helpt de gemeente echt of is dit alleen een
        # formulier?", "heeft dit wel zin?")
        r"helpt\s+(de\s+gemeente|jullie|iemand|het|dit)\s+(\w+\s+)?(echt|wel|eigenlijk)|"
        r"heeft\s+(dit|dat|het)\s+(wel\s+|eigenlijk\s+|ook\s+|nog\s+)*zin|"
        r"is\s+(dit|het)\s+(alleen|maar|gewoon)\s+(een\s+)?(formulier|chat|enquête|enquete)|"
        r"(wordt|gebeurt)\s+er\s+(ook\s+)?(echt|wel)\s+(iets|wat)|"
        r"wat\s+gebeurt|wat\s+nu|en\s+nu|en\s+(wat\s+)?dan|wat\s+is\s+de\s+volgende|"
        r"volgende\s+stap|hoe\s+gaat\s+het\s+(nu\s+)?verder|wie\s+(\w+\s+){0,6}(beslist|besluit\s+neemt|"
        r"beslissing\s+neemt|bepaalt|beslissen|pakt\s+het\s+(\w+\s+){0,2}op)|wie\s+(beslist|besluit|bepaalt|"
        r"gaat|pakt|krijgt)|wat\s+(doen|gaan)\s+(jullie|ze|zij)|wat\s+moet\s+ik\s+(nu|dan|"
        r"hierna|daarna)\s*(\w+\s+)?doen|hierna|daarna|wat\s+gaat\s+er\s+gebeuren|hoe\s+werkt\s+"
        r"(het|dit|dat)|wat\s+(is|zijn)\s+de\s+stappen|"
        # how one hears the outcome, and whether one must tell it all again
        r"hoe\s+(weet|hoor)\s+(ik|we|wij)\s+(dan\s+|straks\s+|later\s+)?(of|wat|wanneer)"
        r"(?!\s+er\s+(al\s+)?(iets|wat|niks|niets)\s+mee)|"
        r"(nog\s+een\s+keer|opnieuw|nog\s+eens|weer)\s+(\w+\s+){0,4}(vertellen|uitleggen|"
        r"invullen|doen|aanvragen)",
    ),
    "mogelijkheden": re.compile(
        r"\bwat\s+(kun|kan|kunt|kunnen|doe|doet|doen)\s+(jij|je|u|jullie|de\s+gemeente)\s+(\w+\s+){0,4}"
        r"(voor\s+(mij|me|ons)|betekenen|allemaal|doen|precies)\b|\bwaar\s*(voor|mee)\s+kan\s+ik\s+"
        r"(bij\s+)?(jou|u|jullie)\b|"
        # "wat voor hulp hebben jullie?", "welke ondersteuning biedt de gemeente?"
        r"\b(wat\s+voor|welke)\s+(soort\s+)?(hulp|ondersteuning|steun|mogelijkheden|dingen|"
        r"regelingen)\s+(\w+\s+){0,2}(hebben|hebt|heeft|bieden|biedt|geven|geeft|doen|doet)\s+"
        r"(jullie|u|je|jij|de\s+gemeente)\b|"
        # what help there is at all ("wat kan er allemaal dan?", "wat voor hulp is er eigenlijk
        # allemaal?", "wat zijn de mogelijkheden?")
        r"\bwat\s+(kan|kun|is)\s+er\s+(\w+\s+)?(allemaal|zoal|mogelijk)\b|"
        # the question alone, at the end ("weet ik niet wat kunnen jullie", "geen idee, wat
        # kan de gemeente dan?")
        # (what the assistant itself can do, "wat kun jij?", is its own answer)
        r"\bwat\s+(kun|kan|kunt|kunnen)\s+(jullie|de\s+gemeente)\s*((dan|eigenlijk|wel|"
        r"zoal|zo)\s*)?(\?+|[.!]*\s*$)|"
        r"\bwat\s+zijn\s+(de|mijn|onze)\s+(mogelijkheden|opties)\b|"
        r"\b(wat\s+voor|welke)\s+(soort\s+)?(hulp|ondersteuning|steun|mogelijkheden)\s+(is|zijn)\s+er\b",
        re.IGNORECASE,
    ),
    # "Krijg ik een bevestiging?", "krijg ik dit ook op papier?"
    "bevestiging": words(
        r"bevestiging\w*|ontvangstbevestiging|(krijg|krijgen|krijgt)\s+(ik|we|wij)\s+(\w+\s+){0,3}"
        r"(kopie|bewijs\w*|op\s+papier|per\s+(mail|e-mail|post)|in\s+(mijn|de)\s+mail|"
        r"mail(tje)?\s+(\w+\s+)?(thuis|toegestuurd|gestuurd))"
    ),
    # "Mag ik meerdere dingen kiezen?", "kan ik meer dan één aanklikken?"
    "meerdere": words(
        r"(mag|kan|kun|kunt|moet)\s+(ik|we|wij|je|u)\s+(ook\s+)?(meerdere|meer\s+dan\s+(een|één|1)|"
        r"alle|er\s+meer|twee|meer)\s+(\w+\s+)?(kiezen|aanklikken|aanvinken|noemen|opgeven|"
        r"antwoorden|dingen|opties|keuzes)|meerdere\s+(opties|keuzes|antwoorden)\s+(\w+\s+)?"
        r"(mogelijk|kiezen|aanklikken)|maar\s+(een|één|1)\s+(kiezen|keuze|antwoord|ding)"
    ),
    # one's own Dutch ("Mijn Nederlands is nog niet zo goed. Is dat erg?")
    "taal": words(
        r"(mijn|m['’]?n|mn|ons|onze)\s+nederlands\s+(is\s+)?(nog\s+)?(niet|nie|slecht|matig)\b|"
        r"(spreek|schrijf|praat|typ)\s+(ik\s+|we\s+|wij\s+)?(nog\s+)?(niet|nie|slecht)\s+(zo\s+|heel\s+)?"
        r"(goed\s+)?nederlands|(ik|we|wij)\s+(\w+\s+)?(nog\s+)?(niet|nie)\s+(zo\s+)?goed\s+(in\s+)?nederlands"
    ),
    "rondgestuurd": words(
        # falling between desks, and promises not kept ("we vallen altijd tussen twee
        # loketten", "de gemeente heeft al eens beloofd iets te doen")
        r"tussen\s+(twee\s+|de\s+|alle\s+)?(loketten|afdelingen|wal\s+en\s+schip)|"
        r"iedereen\s+stuurt\s+(ons|me|mij)\s+(\w+\s+)?door|"
        r"(al\s+(eens|vaker|eerder|zo\s+vaak)|eerder|vaker)\s+(\w+\s+){0,3}(beloofd|toegezegd)|"
        r"verwacht\s+(er\s+|ik\s+|we\s+)?(\w+\s+){0,2}(niet\s+(zo\s+)?veel|weinig|niks|niets)\s+van|"
        # "ik hoop niet dat we weer een half jaar moeten wachten"
        r"(hoop|hopen)\s+(\w+\s+){0,3}niet\s+(\w+\s+){0,3}(weer|opnieuw)\s+(\w+\s+){0,5}wachten|"
        # asked before and never heard back ("ik heb dit al eens gemaild, maar nooit iets
        # gehoord")
        r"(al|eerder|vorig\w*|een\s+keer|eens)\s+(\w+\s+){0,3}(gemaild|gebeld|gevraagd|geschreven|"
        r"aangevraagd|ingediend|gemeld)\b[^.?!]{0,40}\b(nooit|niks|niets|geen)\s+(\w+\s+){0,2}"
        r"(gehoord|antwoord|reactie|bericht|teruggehoord)|"
        # sent on oneself ("ik ben al drie keer doorgestuurd", "ze hebben ons doorgestuurd"); not
        # leave to send on ("Ja, mag doorgestuurd worden") or a question about it
        r"(ik|wij|we)\s+(ben|word|werd|werden|zijn|worden)\s+(\w+\s+){0,8}doorgestuurd"
        r"(?!\s+(wordt|worden))|"
        r"(heeft|hebben|hadden|had)\s+(me|mij|ons)\s+(\w+\s+){0,4}doorgestuurd|"
        r"(steeds|telkens|weer|alleen\s+maar)\s+doorgestuurd|rondgestuurd|van\s+het\s+kastje|kastje\s+naar|van\s+loket\s+naar|"
        # "klaar met het rondsturen", "X zegt: ga naar Economie"
        r"rond\s*sturen|rondsturerij|van\s+de\s+een\s+naar\s+de\s+ander|"
        r"(zegt|zeggen|zei|zeiden)\s*:?\s*(ga|je\s+moet|u\s+moet)\s+(maar\s+)?(naar|bij)\b|"
        r"niemand\s+(voelt|is|pakt|weet(?!\s+(dat|van)\b))|weer\s+(naar\s+)?(een\s+)?ander|"
        # "steeds naar een ander loket", not "daar vragen fondsen steeds naar"
        r"steeds\s+(weer\s+)?(naar|door)\s+(een\s+|de\s+|het\s+)?(ander\w*|volgende|iemand|afdeling\w*|"
        r"loket\w*|team\w*|balie)|steeds\s+weer\s+(verwezen|gestuurd)|"
        r"(stuurt|sturen|stuurde|stuurden)\s+(\w+\s+){0,2}steeds\s+(weer\s+)?door|"
        # "ik kan nergens terecht met mijn vraag"; not a group without a place ("we kunnen
        # nergens terecht": `actions.slots` reads a place needed), nor the people the initiative
        # is for ("mensen die … nergens terecht kunnen")
        r"(ik|je)\s+(kan|kon|kun)\s+(\w+\s+){0,3}nergens\s+terecht"
        r"(?!\s+(om|voor|met\s+(de|onze|ons)\s+(club|groep|koor|vereniging|team)))|"
        r"nergens\s+terecht\s+met\s+(mijn|m['’]n|ons|onze|deze|dit|het)\s+(\w+\s+)?"
        r"(vraag|aanvraag|verhaal|idee|plan|initiatief)|"
        # "al drie keer gebeld", "al twee keer langs geweest": times of asking; "al twee keer
        # vergaderd", "al drie keer georganiseerd" tell how far the initiative is
        r"al\s+(\w+\s+){0,3}(keer|maal)\s+(\w+\s+){0,4}(gebeld|gemaild|doorgestuurd|"
        r"doorverwezen|verwezen|gestuurd|gevraagd|aangevraagd|aanvraag|ingediend|ingevuld|"
        r"geprobeerd|geweest|langs\w*|geschreven|gezegd|verteld|uitgelegd|gesproken|contact|"
        r"aan\s+de\s+lijn|aan\s+de\s+balie)",
    ),
}


# The one question detector of the actions: whether a message asks something. A question mark
# asks; so does, at the start of a sentence or after a filler ("o wacht, hoe lang duurt het"),
# a question word or a verb before its subject ("Bellen ze mij", "Kost het iets"); and,
# anywhere, a word that only asks ("binnen hoeveel werkdagen krijg ik antwoord", "ik wil
# weten of het gratis is"). An answer does not: "wat" that means "some" ("Wat geld voor
# gereedschap"), a verb first without a question ("Weet ik niet", "Heb ik al gezegd") or not
# knowing something ("we weten nog niet hoeveel mensen komen").
_FILLER = (
    r"((en|maar|dus|o|oh|nou|trouwens|eh|wacht|he|hé|hey|yo|oke|ok|zeg|even|sorry|hmm|huh|ff|"
    r"ja|nee|goed|prima|alvorens\s+verder\s+te\s+gaan)\W+)*"
)
_START = r"(^|[.!;:]\s*)\W*" + _FILLER
# The verbs that ask when they come first ("Kost het iets"), bare alternatives: wrapped as a
# group where a verb starts a question, and in the look-ahead after "wat" ("wat kost dat").
_VERBS_THAT_ASK = (
    r"is|zijn|kost|kosten|kan|kun|kunt|kunnen|moet|moeten|mag|mogen|krijg|krijgt|krijgen|word|"
    r"wordt|worden|gaat|gaan|zal|zullen|heb|hebt|heeft|hebben|hoef|hoeft|hoeven|bel|belt|bellen|"
    r"neemt|nemen|hoor|hoort|horen|rekenen|zit|zitten|blijft|blijven|weet|weten|ziet|zien|leest|"
    r"lezen|betaal|betaalt|betalen|duurt|duren|komt|komen|staat|doe|doet|doen|mailen|mailt|praat|"
    r"spreek|ben|bent|zou|zouden|wil|wilt|willen|snap|begrijp"
)
_VERB_FIRST = rf"({_VERBS_THAT_ASK})"
_SUBJECT = (
    r"(ik|je|jij|u|we|wij|ze|zij|hij|het|er|dat|dit|jullie|men|iemand|mijn|m'n|mn|de|die|daar|"
    r"hier)"
)
# "wat" asks when a verb or "voor" follows ("wat kost dat", "wat voor hulp"), not "wat geld".
_WAT_ASKS = (
    r"wat\s+(?=(" + _VERBS_THAT_ASK + r"|gebeurt|gebeuren|betekent|betekenen|bedoel\w*|houdt|"
    r"vind\w*|denk\w*|raad|levert|bied\w*|zeg\w*|vraag\w*|voor|als|nu|dan|precies|eigenlijk|"
    r"allemaal|moet|heeft|was|waren)\b)"
)
_NOT_A_QUESTION = r"(?!\s+(niet|nie|wel|geen|zelf|al\s+(gezegd|verteld|gedaan|genoemd|gegeven))\b)"
_QUESTION = re.compile(
    r"\?|"
    + _START
    + r"("
    + rf"({QUESTION_WORDS})"
    + r"\b|"
    + _WAT_ASKS
    + r")|"
    + _START
    + _VERB_FIRST
    + r"\s+"
    + _SUBJECT
    + r"\b"
    + _NOT_A_QUESTION
    + r"|"
    r"(?<!weet\s)(?<!weten\s)(?<!niet\s)(?<!idee\s)(?<!zeker\s)"
    r"\b(hoeveel|hoelang|hoe\s+(lang|snel|veel|vaak|laat|hoog|groot)|waarom|hoezo)\b|"
    r"\b((wil|willen|zou|zouden)\s+(\w+\s+)?(graag\s+)?weten|(vraag|vroeg)\s+(me|mij|ik\s+me)\s+af|"
    r"ben\s+(benieuwd|nieuwsgierig)|benieuwd|"
    # what Loket can do, asked in the middle ("weet ik niet wat kunnen jullie")
    r"wat\s+(kun|kan|kunt|kunnen)\s+(jij|u|jullie)\s*((dan|eigenlijk|wel|zoal|zo)\s*)?[.!?]*\s*$|"
    # a question asked for someone else ("Amina vraagt of ze gebeld wordt"; "we vragen of de
    # gemeente een ruimte heeft" tells what they want)
    # ("mijn buurman vraagt of ik het typ" asks the writer to type, nothing of Loket)
    r"vraagt\s+(\w+\s+)?(of|wanneer|hoe|wat|waar|wie|hoeveel)\b(?!\s+(ik|we|wij)\b))\b",
    re.IGNORECASE,
)


def asks(text: str) -> bool:
    """Whether a message asks something (a question mark is not needed); "Welke wijk dat is,
    weet ik niet." says what the inwoner does not know, and "Waar de ruimte is maakt niet uit."
    what does not matter to them: neither asks anything."""
    return bool(_QUESTION.search(_YOU_KNOW_WHAT.sub(" ", _NOT_KNOWING_WHICH.sub(" ", text or ""))))


# "Weet je wat" as a turn of speech before what one decides ("nee weet je wat, laat maar"): no
# question.
_YOU_KNOW_WHAT = re.compile(r"\b(weet\s+je|weet\s+u|weetje)\s+wat\s*[,.!:]", re.IGNORECASE)


# A sentence that opens with a question word and ends in not knowing or not minding, without a
# question mark: what the inwoner does not know ("Hoe dat heet weet ik niet.") or does not mind
# ("Waar de ruimte is maakt niet uit, als het maar met de bus bereikbaar is."), not a question.
_NOT_KNOWING_WHICH = re.compile(
    r"(?:^|(?<=[.!;:]))\s*(welke|welk|hoe|wat|waar|wie|wanneer)\b[^.?!;]*?\b((weet|weten)\s+"
    r"(ik|we|wij)\s+(\w+\s+){0,2}?(niet|nie)|maakt\s+(\w+\s+){0,2}?(niet|niks|niets)\s+(\w+\s+)?uit|"
    r"doet\s+er\s+(\w+\s+)?(niet|niks|niets)\s+toe)\b[^.?!;]*(?=[.!;]|$)",
    re.IGNORECASE,
)


def statement_part(text: str, *, clause_before_question: bool = False) -> str:
    """The sentences of a message that ask nothing: "Nog een idee. Kost het iets?" answers the
    open question with "Nog een idee."; empty when every sentence asks, and for a complaint
    about being sent around (its story names teams and needs, but answers nothing). With
    `clause_before_question`, also the clause before a process question that ends a sentence
    ("Ik zoek een stukje grond, wie gaat daarover bij jullie?" says "Ik zoek een stukje
    grond")."""
    if "rondgestuurd" in process_topics(text):
        return ""
    kept = []
    for sentence in sentences(text):
        if not sentence.strip():
            continue
        if not asks(sentence):
            kept.append(sentence.strip())
        elif clause_before_question and (found := _CLAUSE_QUESTION.search(sentence)):
            said = sentence[: found.start()].strip()
            if said and not asks(said) and process_topics(sentence[found.end() :]):
                kept.append(said)
    return " ".join(kept)


# A question that ends the sentence after a comma ("Ik zoek een stukje grond voor een pluktuin,
# wie gaat daarover bij jullie?").
_CLAUSE_QUESTION = re.compile(
    r",\s*(?=(wie|wat|waar|waarom|hoe|wanneer|welke|welk|kan|kunnen|kunt|mag|mogen|moet|moeten|"
    r"krijg|krijgen|hoeveel)\b[^,.!?]*\?\s*$)",
    re.IGNORECASE,
)


def question_part(text: str) -> str:
    """The sentences of a message that ask ("… viel van de bank. Kost dit mij iets?" asks
    "Kost dit mij iets?"); the whole message when no sentence asks on its own."""
    asking = [s for s in sentences(text) if s.strip() and asks(s)]
    return " ".join(s.strip() for s in asking) or (text or "")


def asked_topics(text: str) -> list[str]:
    """The process topics a message asks about: only a question asks (a complaint about being
    sent around counts without one). Being called is asked only in a sentence that asks ("Bel
    me maar: Jan Smit 06-…" says how, in a message whose question is another)."""
    topics = process_topics(text)
    if not asks(text):
        return ["rondgestuurd"] if "rondgestuurd" in topics else []
    if "teams" in topics and "waarom" in topics:
        # "Waarom al die partijen?": who leads, and each other party's reason
        topics = ["waarom_teams" if t == "teams" else t for t in topics if t != "waarom"]
    if "bellen" in topics and not any(
        asks(sentence) for sentence in sentences(text) if TOPIC_WORDS["bellen"].search(sentence)
    ):
        topics.remove("bellen")
    # In a story with questions, what its questions name ("… durven de huisarts te bellen. Hoe
    # meet je zoiets?" asks nothing about being called); only a short question that names no
    # topic of its own ("Ik wil weten wat het kost. Kan dat?") asks about what the story says.
    parts = [part for part in sentences(text) if part.strip()]
    questions = [part for part in parts if asks(part)]
    if questions and all(_GUESS.match(part) for part in questions) and len(parts) > 1:
        # "Ik loop al een paar weken met twee buurvrouwen, dus... het is begonnen?": a guess at
        # its own answer, said with a question mark, asks nothing of the process
        return ["rondgestuurd"] if "rondgestuurd" in topics else []
    if len(text.split()) > _STORY_WORDS and len(parts) > 1 and questions:
        asked = {topic for part in questions for topic in process_topics(part)}
        refers_back = any(len(part.split()) <= _BACK_REFERRING_WORDS for part in questions)
        if asked or not refers_back:
            return [topic for topic in topics if topic in asked or topic == "rondgestuurd"]
    return topics


# A statement with a question mark, guessing at its own answer ("dus het is begonnen?", "dat is
# dan een idee?"): word order of a statement, no question word.
_GUESS = re.compile(
    r"^\W*(dus\W+|dan\W+)?(het|dat|dit|we|wij|ik)\s+(is|zijn|ben|heet|heten|noem\w*)\s+"
    r"(\w+\s+){0,4}\w+\W*\?\W*$",
    re.IGNORECASE,
)
# A question this short asks about what the sentences before it say ("Kan dat?", "Hoe werkt
# dat dan?").
_BACK_REFERRING_WORDS = 4
# A message this long tells a story around its questions; a shorter one ("Kan ik vandaag nog
# iemand spreken? Dit kan echt niet wachten.") is one request, read whole.
_STORY_WORDS = 25


# What the plan cannot pay ("dat kan ik niet helemaal zelf betalen", "niet op te brengen"), and
# a question whether there is support for it ("Is daar iets voor?", "is er een regeling?").
_CANNOT_PAY_IT = words(
    r"(kan|kunnen|kon|konden)\s+(ik|we|wij|ze|zij|hij)\s+(\w+\s+){0,3}(niet|nie)\s+(\w+\s+){0,2}"
    r"(betalen|opbrengen)|(niet|nie)\s+(zelf\s+)?(te\s+)?(betalen|op\s+te\s+brengen)"
)
_IS_THERE_SUPPORT = words(
    r"(is|zijn)\s+(daar|er|hier)\s+(ook\s+)?(\w+\s+)?(iets|wat|een\s+regeling|regelingen|potje|"
    r"steun|hulp|mogelijkheden)\b"
)


# Permission from the municipality or for a place: a permit, not a person's consent.
_FROM_THE_MUNICIPALITY = words(
    r"(toestemming|goedkeuring|akkoord)\s+(\w+\s+){0,4}(van|bij)\s+(de\s+)?(gemeente|eigenaar|"
    r"corporatie|verhuurder|politie)|(van|bij)\s+de\s+gemeente\s+(\w+\s+){0,2}(toestemming|"
    r"goedkeuring)|mag\s+(dat|het|dit)\s+(\w+\s+){0,2}op\s+(het|dat|dit|de|die)\s+\w+|vergunning\w*|"
    # leave to do something to the street ("Vooral toestemming: mogen wij zelf de tegels langs
    # de gevel eruit halen?")
    r"(mag|mogen)\s+(ik|we|wij|je|u)\s+(zelf\s+)?(\w+\s+){0,8}(halen|zetten|plaatsen|leggen|"
    r"aanleggen|bouwen|weghalen|neerzetten|ophangen|verwijderen|planten|zaaien|schilderen)\b|"
    # whether they must ask leave for what they plan ("moeten we ergens toestemming voor vragen
    # als we de straat dicht willen doen?"); not leave asked of a person ("aan mijn buurvrouw")
    r"(moet|moeten|hoef|hoeft|hoeven)\s+(ik|we|wij|je)\s+(\w+\s+){0,3}(toestemming|goedkeuring)\s+"
    r"(\w+\s+){0,2}(vragen|aanvragen|hebben|krijgen|regelen)\b(?!\s+(aan|van)\s+(mijn|haar|hem|"
    r"zijn|de\s+(buurvrouw|buurman)))"
)


# Why these parties ("waarom juist deze partijen onze gegevens krijgen"): why the route, even
# when it asks about the data too.
_WHY_THESE_PARTIES = words(
    r"waarom\s+(\w+\s+){0,2}(deze|die|al\s+die|zoveel|zo\s+veel|juist\s+deze|juist\s+die)\s+"
    r"(partijen|teams|organisaties|partners|afdelingen|instanties|clubs)"
)


def process_topics(text: str) -> list[str]:
    """The process topics a message asks about, most specific first (may be empty)."""
    found = [topic for topic, pattern in TOPIC_WORDS.items() if pattern.search(text or "")]
    if "subsidie" in found and "kosten" in found:
        found.remove("kosten")
    if "waarom_vragen" in found and "waarom" in found:
        found.remove("waarom")  # why the questions, not why the team
    if "privacy" in found and "waarom" in found and not _WHY_THESE_PARTIES.search(text or ""):
        found.remove("waarom")  # "waarom moet ik mijn naam geven?" asks why the data, not the team
    if "privacy" in found and "teams" in found and (_SEEING.search(text) or _OWN_DATA.search(text)):
        # "wie krijgt dit allemaal te zien?", "krijgen al die partijen mijn telefoonnummer?":
        # who sees what one typed or gave
        found.remove("teams")
    if "privacy" in found and "vervolg" in found:
        # "Wat doen jullie met mijn mailadres?" asks about privacy, not about what happens next.
        found.remove("vervolg")
    if "kosten" in found and _TIME_NOT_MONEY.search(text) and not _MONEY.search(text):
        found.remove("kosten")  # "hoeveel tijd kost dat?"
    if "kosten" in found and _A_THING_COSTS.search(text) and not _ASKS_OWN_COST.search(text):
        found.remove("kosten")  # "zo'n hotel kost geld toch?": what the plan costs, a need
    if "kosten" in found and _CANNOT_PAY_IT.search(text) and not _ASKS_OWN_COST.search(text):
        # "… maar dat kan ik niet helemaal zelf betalen. Is daar iets voor?": money the plan
        # lacks, and whether there is support for it, not what Loket costs.
        found.remove("kosten")
        if _IS_THERE_SUPPORT.search(text) and "subsidie" not in found:
            found.insert(0, "subsidie")
    if "privacy" in found and "doorlooptijd" in found and _KEEPING.search(text):
        found.remove("doorlooptijd")  # "hoe lang bewaren jullie dit?"
    if "zonder_contact" in found:
        # "Wat gebeurt er als ik mijn nummer niet geef?" asks what happens without it: one
        # answer for what is shared and what happens next.
        found = [t for t in found if t not in ("privacy", "vervolg", "bellen")]
    if "toestemming" in found and _FROM_THE_MUNICIPALITY.search(text):
        # "moet je daar toestemming voor hebben van de gemeente?", "mag dat op het plein?": a
        # permit for the plan, not whether the person one types for must agree
        found.remove("toestemming")
    if "bellen" in found and len(found) > 1 and not _CALLING.search(text):
        found.remove("bellen")  # "wanneer hoor ik iets?" asks when, not how
    return found


_TIME_NOT_MONEY = re.compile(r"\btijd\b", re.IGNORECASE)
_SEEING = words(r"te\s+(zien|lezen)|ziet|zien|leest|lezen")
# One's own details named ("mijn telefoonnummer en e-mailadres").
_OWN_DATA = words(
    r"(mijn|m['’]n|onze|ons)\s+(gegevens|telefoonnummer|nummer|e-?mailadres|mailadres|mail|adres|"
    r"naam|contactgegevens|persoonsgegevens)"
)
# A thing of the plan that costs money ("zo'n hotel kost geld toch?", "een springkussen kost
# al gauw 200 euro"), not Loket's help.
_A_THING_COSTS = words(
    r"(zo['’]?n|een|die|deze|ons|onze)\s+(?!(hulp|chat|gesprek|aanvraag|intake)\b)[a-zà-ÿ]{3,}\s+"
    r"(kost|kosten)\b"
)
# Asking what Loket's help or the request costs the inwoner.
_ASKS_OWN_COST = words(
    r"(kost|kosten)\s+(het|dit|dat)\s+(mij|ons|me)|moet\s+(ik|we|wij)\s+(\w+\s+)?betalen|"
    r"(is|zijn)\s+(het|dit|dat|uw\s+hulp|jullie\s+hulp|de\s+hulp|deze\s+chat)\s+(\w+\s+)?gratis|"
    r"wat\s+kost\s+(het|dit|uw|jullie)"
)
_MONEY = words(r"geld|betal\w*|gratis|prijs|euro|leges|rekening")
_KEEPING = re.compile(r"\bbewa\w*", re.IGNORECASE)
_CALLING = words(r"\w*bel\w*|telefo\w*|mail\w*|contact")


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
    contact_wanted: bool = False
    municipality: str = ""
    asking: str | None = None  # the intake question that is open, if any


def privacy_page(municipality: str) -> str:
    """The municipality's own privacy statement (handoff/web/pages.py serves it)."""
    return f"/{municipality}/privacy" if municipality else "/privacy"


def _lead_name(known: Known, catalogue: Catalogue) -> str:
    if known.route is not None and known.route.lead:
        return catalogue.name_of(known.route.lead)
    return team_name(catalogue)


def _team_lines(
    route: Route, departments: list[str], catalogue: Catalogue, partners_label: str
) -> list[str]:
    """A line per team with its reason, and one naming the partners."""
    lines = []
    for department in departments:
        why = reason_for(route, department)
        lines.append(f"- {catalogue.name_of(department)}" + (f": {why}" if why else ""))
    if route.partners:
        names = ", ".join(catalogue.name_of(p) for p in route.partners)
        lines.append(f"{partners_label}: {names}.")
    return lines


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
        # The team from the municipality's catalogue, not a name written here.
        team = catalogue.departments.get("subsidies")
        who = f"Het team {team.name}" if team else "Het team dat over subsidies gaat"
        return (
            "Of u subsidie kunt krijgen en hoeveel, kan ik niet zeggen. Dat hangt af van de "
            f"regeling en van uw plan. {who} kijkt met een subsidiescan welke regelingen bij u "
            "passen en wat u kunt aanvragen. Ik noem geen bedragen die ik niet zeker weet."
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
                f"{lead} neemt uiterlijk op {dutch_date(day)} contact met u op. Is het "
                f"dringend? Mail dan {team_email(catalogue)} met uw kenmerk {known.reference}."
            )
        if known.reference:
            # How long it takes still holds (the team looks at it by then); only the reply
            # cannot come to them.
            by = (
                f"{lead} bekijkt uw vraag uiterlijk op {dutch_date(known.reply_by[1])}. "
                if known.reply_by
                else ""
            )
            return (
                f"{by}U heeft geen contactgegevens gegeven. Het team kan u dus niet zelf "
                f"bereiken. Kijk met de link bij uw kenmerk {known.reference} hoe het ervoor "
                f"staat, of mail {team_email(catalogue)} of bel {general} en noem uw kenmerk."
            )
        days_text = (
            f"binnen {known.reply_by[0]} werkdagen"
            if known.reply_by
            else "binnen een paar werkdagen"
        )
        if known.phase in ("summary", "consent") or known.route is None:
            return (
                f"Als u uw vraag doorstuurt en zegt hoe we u kunnen bereiken, reageert {lead} "
                f"{days_text}. Aan het eind zie ik de precieze datum. Is het dringend? Zeg het "
                f"gerust, of bel {general}."
            )
        # Inside the intake the lead may still change with the next answers: say so, rather
        # than promise one team's days that the summary may contradict.
        return (
            f"Zoals het nu lijkt, pakt {lead} uw vraag op. Dat team reageert {days_text} als u "
            "zegt hoe we u kunnen bereiken. Met uw volgende antwoorden kan het ook een ander "
            "team worden. Aan het eind ziet u welk team het wordt en de precieze datum. Is het "
            f"dringend? Zeg het gerust, of bel {general}."
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
        if known.asking in ("contact_wanted", "contact"):
            return (
                "Alleen als u dat wilt, en zoals u wilt. Geeft u een telefoonnummer, dan belt "
                f"{lead} u; zeg er gerust bij wanneer het u uitkomt. Liever niet gebeld? Geef "
                "dan alleen uw e-mailadres. U hoeft ook helemaal geen contact te willen."
            )
        if known.contact_wanted:
            return (
                f"Ja, {lead} neemt contact met u op: per telefoon als u een nummer geeft, anders "
                "per e-mail. Zeg er gerust bij wanneer het u uitkomt, bijvoorbeeld 'liefst na "
                "15 uur'."
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
    if topic == "waarom_teams":
        others = (
            [d for d in known.route.departments if d != known.route.lead] if known.route else []
        )
        if known.route is not None and known.route.lead and others:
            lines = [
                f"{lead} pakt uw vraag op en is uw aanspreekpunt. De andere teams kijken mee, "
                "elk met een eigen reden:"
            ]
            lines += _team_lines(known.route, others, catalogue, "Partners die kunnen helpen")
            return "\n".join(lines)
        return answer("waarom", known, catalogue)  # one team only: why that one
    if topic == "teams":
        if known.route is not None and known.route.departments:
            lines = ["Deze teams kijken mee:"]
            lines += _team_lines(known.route, known.route.departments, catalogue, "Partners")
            return "\n".join(lines)
        return "Welke teams meekijken, zeg ik als ik uw antwoorden heb."
    if topic == "waarom_vragen":
        return (
            "Ik vraag dit omdat ik met uw antwoorden het team zoek dat u het best helpt. Dan "
            "hoeft u uw verhaal niet bij elke afdeling opnieuw te vertellen. U zegt alleen wat "
            "u zelf wilt: 'weet ik niet' is ook goed."
        )
    if topic == "zonder_contact":
        if known.reference and not known.has_contact:
            return (
                "U gaf geen e-mailadres of telefoonnummer. Dat mag. Het team bekijkt uw vraag "
                "wel, maar kan u niet zelf bereiken. Met de link bij uw kenmerk "
                f"{known.reference} ziet u hoe het ervoor staat. U kunt ook zelf mailen naar "
                f"{team_email(catalogue)} of bellen met {general}."
            )
        return (
            "Dat hoeft niet: u geeft alleen de gegevens die u zelf wilt. Zonder e-mailadres of "
            "telefoonnummer bekijkt het team uw vraag wel, maar kan het u niet zelf bereiken. "
            "U krijgt dan een kenmerk en een link. Daarmee ziet u hoe het ervoor staat, en "
            "u kunt zelf contact opnemen."
        )
    if topic == "privacy":
        who = (
            "Een samenvatting van uw vraag en de contactgegevens die u gaf, zijn alleen gestuurd "
            "naar de teams en partners waar u ja op zei."
            if known.reference
            else "Ik stuur een samenvatting van uw vraag alleen naar de teams en partners die ik "
            "u noem, met de naam, het e-mailadres of het telefoonnummer dat u gaf. En alleen als "
            "u daar eerst ja op zegt."
        )
        return (
            f"{who} Verder stuur ik het naar niemand. Zij gebruiken uw gegevens alleen om u "
            "over deze vraag te bereiken. Een gesprek wordt na een tijd gewist. Wilt u alles nu "
            "wissen? Typ 'wis mijn gegevens' of klik op de knop 'Wis gesprek'. Dan wis ik het "
            "gesprek, en ook uw aanvraag als u die al had gedaan. Meer leest u in de "
            f"privacyverklaring: {privacy_page(known.municipality)}"
        )
    if topic == "uitleg":
        return (
            "Een team is een afdeling van de gemeente. Een partner is een organisatie buiten de "
            "gemeente die kan helpen, zoals een fonds, de Vrijwilligerscentrale of de KVK. Het "
            "team met de regie houdt het overzicht. Wilt u weten wat een partner doet? Vraag "
            "het gerust, bijvoorbeeld 'wat is MAEX?'."
        )
    if topic == "mogelijkheden":
        return (
            "Ik help als u een initiatief of sociale onderneming heeft. Ik vraag wat u wilt doen "
            "en waar u hulp bij zoekt. Dan vertel ik welk team het oppakt en welke partners en "
            "regelingen passen. Als u dat wilt, stuur ik uw vraag door. U kunt mij ook vragen "
            "wat een regeling of partner is, bijvoorbeeld 'wat is MAEX?'."
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
    if topic == "eigen vraag":
        # A question about the plan itself ("zijn we verzekerd als …?", "mag je zelf tegels uit
        # de stoep halen?"): no answer Loket can be sure of, and none invented.
        if known.reference and known.has_contact:
            return (
                f"Daar kan ik geen zeker antwoord op geven. {lead} bekijkt uw aanvraag en neemt "
                "contact met u op: stel uw vraag dan. Eerder nodig? Mail "
                f"{team_email(catalogue)} en noem uw kenmerk {known.reference}."
            )
        if known.reference:
            return (
                f"Daar kan ik geen zeker antwoord op geven. {lead} bekijkt uw aanvraag. Stel uw "
                f"vraag aan het team: mail {team_email(catalogue)} of bel {general} en noem uw "
                f"kenmerk {known.reference}."
            )
        return (
            "Daar kan ik geen zeker antwoord op geven. Ik zet uw vraag bij uw aanvraag. Na het "
            "doorsturen bekijkt het team dat uw vraag oppakt hem, en beslist het samen met u wat "
            "er nodig is."
        )
    if topic == "eigen vraag open":
        # The same, when the question could not be kept with the goal (none told yet, or no
        # room left): said so, and how it still reaches the team.
        return (
            "Daar kan ik geen zeker antwoord op geven. Noem uw vraag in uw antwoorden, dan staat "
            "hij in de samenvatting. Het team dat uw vraag oppakt, bekijkt hem na het doorsturen "
            "en beslist samen met u wat er nodig is."
        )
    if topic == "bevestiging":
        return (
            "Aan het eind krijgt u hier in de chat een kenmerk: een nummer van uw aanvraag. "
            "Met de link erbij ziet u op een pagina wat u vertelde en hoe het ervoor staat. "
            "Bewaar het kenmerk goed."
        )
    if topic == "meerdere":
        return "Ja, dat mag. Noem gerust alles wat bij u past."
    if topic == "taal":
        return (
            "Dat is niet erg. Schrijf gewoon in uw eigen woorden, korte zinnen zijn goed. "
            "Begrijpt u een vraag niet? Zeg het, dan zeg ik het makkelijker."
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
    if known.reference and known.has_contact:
        return (
            f"{lead} heeft uw samenvatting en bekijkt uw vraag. Dat team is uw vaste "
            "aanspreekpunt en houdt de regie: u hoeft niet zelf met elke afdeling te praten. "
            "Het team beslist samen met u wat er nodig is en brengt u in contact met de "
            "partners die u koos."
        )
    if known.reference:
        # Without contact details the team cannot tell them what comes of it: the link can.
        return (
            f"{lead} heeft uw samenvatting, bekijkt uw vraag en houdt de regie. U gaf geen "
            "contactgegevens, dus het team kan u niet zelf laten weten wat eruit komt. Dat "
            f"ziet u met de link bij uw kenmerk {known.reference}, of mail "
            f"{team_email(catalogue)} en noem uw kenmerk."
        )
    return (
        "Zo gaat het verder: ik stel nog een paar vragen en laat een samenvatting zien. Dan "
        "zeg ik welk team uw vraag oppakt en welke partners passen. Alleen als u ja zegt, "
        f"stuur ik het door. Daarna beslist {lead} samen met u wat er nodig is."
    )
