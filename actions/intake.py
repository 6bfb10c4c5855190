"""The intake flow: start from the first description, fill the form, change one answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import knowledge
from actions.closing import acknowledges
from actions.common import (
    ALL_INTAKE_SLOTS,
    INTERRUPTIONS,
    entity_values,
    first_normalised,
    intake_slots,
    latest_intent,
    latest_text,
)
from actions.messages import (
    ERASE_WORDS,
    GOING_ON,
    HUMAN_BUTTONS,
    HUMAN_WORDS,
    changed_text,
    human_text,
    meeting_text,
    other_service_text,
    summary_lines,
    wijk_question,
)
from actions.process import asked_topics, asks, process_topics, statement_part
from actions.settings import get_settings
from actions.slots import (
    CONTACT_SLOTS,
    EMAIL,
    FORM_UNDER_WAY,
    GOES_ON_TO,
    INTAKE_SLOTS,
    PHONE,
    RETRACTED,
    SIGNED,
    UNKNOWN,
    WHOLE_CITY,
    adds_a_need,
    asks_by_lacking,
    before_doubt,
    business_not_social,
    catalogue_choices,
    done_at_set_times,
    doubts_between,
    doubts_between_forms,
    field_slot,
    group_does_now,
    grows,
    in_own_name,
    is_meaningful_goal,
    lacks,
    lives_there,
    mentions_not_knowing,
    name_from,
    names_whole_city,
    needs_in_answer,
    needs_in_text,
    needs_meant_otherwise,
    needs_taken_back,
    normalise_needs,
    normalise_organisation,
    normalise_stage,
    normalise_wijk,
    only_introduces_a_business,
    organisation_in_answer,
    parse_contact,
    planned_form,
    plans_to_make,
    residents_act,
    residents_in_passing,
    residents_own_plan,
    running_stage,
    says_unknown,
    says_who_they_are,
    sent_to_this_chat,
    speaks_as_residents,
    speaks_for_residents,
    started_now,
    story_organisation,
    story_stage,
    sure_part,
    types_for_a_relative,
    types_for_another,
    wijk_meant,
    wijken_named,
    wishes_or_plans,
    wishes_to_begin,
    without_form_made_later,
    without_negated,
    without_planned_form,
    without_served,
    without_typing_for,
    works_at_care,
)
from actions.wordpatterns import (
    NEGATED,
    TURNS_TO_NO,
    TURNS_TO_YES,
    WANTING,
    as_corrected,
    correction_start,
    sentences,
    words,
)
from routing import Analysis, Catalogue
from routing.dutch import need_label
from routing.text import fold, function_words

MAX_GOAL_CHARS = 2000


def typed_text(tracker: Tracker) -> str:
    """The message as typed; a button payload ("/inform_need{...}") is no text."""
    text = latest_text(tracker).strip()
    return "" if text.startswith("/") else text


# What an initiative does or wants: a message with none of these words only says who is
# writing ("ik ben bestuurslid van een moskee", "ik heb een vraag over een project"), and the
# goal question is asked instead of storing the introduction as the goal.
_ACTIVITY = words(
    rf"{WANTING}|gaan|gaat|plan|plannen|idee\s+(om|voor|is)|"
    r"organiser\w*|beginnen|begin|starten|start|opzetten|opstarten|openen|open|openstellen|"
    r"maken|bouwen|aanleggen|planten|neerzetten|houden|geven|geef|bieden|bied|aanbieden|"
    r"run|runnen|runt|beheer|beheren|beheert|koppel|koppelen|koppelt|draaien|draait|doe|doen|"
    r"verkopen|leveren|helpt|helpen|zoeken|zoek|koken|"
    # what their organisation does ("Onze stichting geeft al zeven jaar huiswerkbegeleiding")
    r"geeft|biedt|organiseert|verzorgt|begeleidt|ondersteunt|levert|verkoopt|kookt|"
    r"verduurzamen|opknappen|vervangen|vernieuwen|repareren|dachten|bedacht|bezig|richten|oprichten|opgericht|"
    # what was begun ("Wij zijn net begonnen met een mantelzorgcafé")
    r"begonnen\s+met|gestart\s+met|"
    # a verb that splits: "ik zet een sociale onderneming op", "we richten een stichting op"
    r"(zet|zetten|richt|bouw|bouwen)\s+(?!(me|mij|mezelf|ons|onszelf)\b)(\w+\s+){1,6}op|"
    # "ik ruim met mijn vrienden zwerfafval op", "we knappen het pleintje op", "we zamelen … in"
    r"(ruim|ruimen|ruimt|knap|knappen|knapt|zamel|zamelen|zamelt)\s+(\w+\s+){1,8}(op|in)\b|"
    # what is missed ("ik mis een bankje in het park"): what they want there
    r"(ik|we|wij)\s+(mis|missen)\s+(hier\s+|echt\s+|nog\s+)?(een|de|het)\b|"
    r"lekt|kapot|gesloopt|opgezegd|niet\s+meer\s+te\s+betalen|"
    # teaching, and having a place of one's own that says what it does ("ik heb een
    # naaiatelier, daar leer ik vrouwen naaien"; not "ik heb een project")
    r"leer|leren|lesgeven|les\s+geven|(heb|hebben)\s+(een|ons|onze|mijn|m['’]?n)\s+"
    r"(eigen\s+|kleine?\s+)?\w{3,}(atelier|winkel|zaak|bedrijf|bedrijfje|werkplaats|club|clubje|"
    r"caf[eé]|restaurant|salon|praktijk|boerderij|tuin|koor)\b|"
    # the aim named as such ("Doel: zonnepanelen op de daken", "ons doel is …"), or what is
    # made for it ("we hebben een app gemaakt waarmee …", "… zodat er minder weggegooid wordt")
    r"doel(?=\s*:)|(doel|bedoeling|streven|droom|wens)\s+is|gemaakt|ontwikkeld|gebouwd|zodat|"
    # a project named by what it is for ("we hebben een project tegen eenzaamheid")
    r"(project|projectje|initiatief|programma)\s+(tegen|voor|om|waarin|waarbij)\b"
)
# "Ik wil iets maken voor vrouwen": wanting something, but not yet what.
_SOMETHING_VAGUE = (
    r"((iets|wat|dingen)\s+(\w+\s+)?(maken|doen|organiseren|beginnen|starten|opzetten|voorleggen|"
    r"vragen|bespreken|voorstellen|melden|vertellen)|"
    # "… wil ik graag een vraag voorleggen." with nothing after it
    r"een\s+(vraag|vraagje)\s+(\w+\s+)?(voorleggen|stellen)\b(?=[\s.!?]*$))"
)
_VAGUE = words(_SOMETHING_VAGUE)
# The same with its wanting word ("wil iets beginnen"): what is left must still say what.
_WANTS_SOMETHING_VAGUE = words(rf"(({WANTING})\s+(\w+\s+)?)?{_SOMETHING_VAGUE}")


# Words of an introduction: who is writing, for whom, in what role (also what a farewell that
# introduces someone is not, actions.goodbye).
INTRODUCTION = words(
    r"ik\s+ben|ik\s+heet|mijn\s+naam|ik\s+werk|wij\s+zijn|we\s+zijn|is\s+een\s+stichting|ik\s+typ|"
    r"ik\s+schrijf|namens|een\s+vraag\s+over|ik\s+heb\s+een\s+vraag|bestuurslid|directeur|"
    r"voorzitter|secretaris|penningmeester"
)


def another_service(text: str, tracker: Tracker | None) -> bool:
    """Whether a message is about another municipal service (a passport, parking, waste) and
    not an initiative: a story that does something with such a word ("we willen een
    parkeerplaats ombouwen tot geveltuin") is an initiative; a question about it is not."""
    analysis = knowledge.analyse(text, tracker)
    if analysis.out_of_scope is None:
        return False
    initiative = bool(analysis.themes) and bool(_MAKING.search(text))
    return asks(text) or not initiative


# Asking to meet someone ("kan ik langskomen?", "kan ik een afspraak maken met iemand?").
_TO_MEET = words(
    r"afspraak\s+(\w+\s+){0,4}(maken|inplannen|plannen)|een\s+afspraak|langs\s*komen|langskomen|"
    r"persoonlijk\s+(spreken|langs\w*|uitleggen|vertellen)|(even\s+)?afspreken|face\s+to\s+face|"
    r"op\s+gesprek"
)


def asks_to_meet(text: str, tracker: Tracker | None) -> bool:
    """Whether a question asks to meet someone of the municipality about the plan, and names
    no other service ("kan ik een afspraak maken voor mijn paspoort?" is one)."""
    if not asks(text) or not _TO_MEET.search(text):
        return False
    return knowledge.analyse(text, tracker).out_of_scope in (None, "algemeen")


# What an initiative does, unlike applying for a service ("ik wil een afvalpas aanvragen").
_MAKING = words(
    r"organiser\w*|opzetten|opgezet|oprichten|opgericht|beginnen|begonnen|starten|gestart|"
    r"ombouwen|omtoveren|aanleggen|bouwen|maken|opknappen|vergroenen|opruimen|runnen|"
    r"draaien|houden|bieden|helpen|koken|inzamelen|ophalen\s+voor|verkopen|delen|ruilen|"
    r"repareren"
)


# Words that say there is an initiative but not what it is: "ik heb een idee voor de buurt",
# "een plannetje voor onze straat", "iets leuks voor de wijk".
_GENERIC_WORDS = (
    "idee ideetje ideeën ideeen plan plannetje plannen initiatief initiatiefje project projectje "
    "vraag vraagje buurt buurtje wijk wijkje straat straatje stad dorp mensen bewoners "
    "buurtbewoners buren gemeente hulp help hallo hoi hey hee hi hai yo hello goedendag dag "
    "goedemiddag goedemorgen goedenavond "
    # who is behind it, how far and how big say nothing of what it is
    "sociale onderneming ondernemingen bv stichting vereniging cooperatie coöperatie zzp zzper "
    "eenmanszaak groeien uitbreiden opschalen bestaan bestaat jaar jaren flink sinds "
    "wil wilt willen zou zouden gaan gaat paar paartje stel groepje twee drie vier vijf zes "
    "zeven acht negen tien twintig dertig veertig vijftig honderd "
    "beste graag leuk leuks mooi moois goed goeds nieuw nieuws organiseren starten beginnen "
    "opzetten maken helpen bedacht bedenken samen"
)
_GENERIC = frozenset(fold(word) for word in _GENERIC_WORDS.split())


def names_something(text: str) -> bool:
    """Whether a text has a word that says what the initiative is, beyond words that only say
    there is one ("ik heb een idee voor de buurt" names nothing; "buurtfeest" does)."""
    fillers = function_words()
    return any(
        fold(word) not in fillers and fold(word) not in _GENERIC
        for word in re.findall(r"[^\W\d_]{2,}", text or "")
    )


def without_how_sent(text: str) -> str:
    """A message without its sentences that only tell how the inwoner was sent to this chat
    ("Mijn juf van de taalles zegt ik moet hier schrijven."): they tell nothing of the
    initiative, and their words must not route it."""
    told = sentences(text)
    kept = [s for s in told if not sent_to_this_chat(s)]
    return text if len(kept) == len(told) else " ".join(kept).strip()


# Introducing the initiative itself, not a role in it: "we zijn een schoonmaakbedrijf met
# mensen met afstand tot werk", "wij zijn een kleine kwekerij die …".
_WE_ARE_A_VENTURE = words(
    r"(ik\s+heb|wij\s+hebben|we\s+hebben|wij\s+zijn|we\s+zijn)\s+een\s+(\w+\s+){0,2}"
    r"\w*(bedrijf|bedrijfje|onderneming|winkel|winkeltje|zaak|zaakje|co[öo]peratie|caf[eé]|"
    r"restaurant|werkplaats|kwekerij|bakkerij|atelier|collectief|webshop)\s+"
    r"(met|voor|die|dat|waar|waarin|in)\b"
)


# What a message says of the writer or their Dutch, not of the initiative: "mijn naam doet er
# nog niet toe", "ik leer Nederlands, sorry voor fouten".
_NOT_ABOUT_IT = words(
    r"mijn\s+naam\s+doet\s+er\s+(\w+\s+){0,3}(niet|niks|niets)\s+toe|"
    # how long being sent around has lasted ("En zo gaat het al maanden.")
    r"(en\s+)?zo\s+gaat\s+(het|dat)\s+(nu\s+)?(al\s+)?(\w+\s+)?(weken|maanden|jaren|een\s+tijd)|"
    r"sorry\s+voor\s+(de\s+|mijn\s+)?(fouten|taal|typfouten|spelfouten|taalfouten)|"
    r"(ik\s+|wij\s+|we\s+)?(leer|leren)\s+(nog\s+|net\s+)?(nederlands|de\s+taal)|"
    r"mijn\s+nederlands\s+is\s+(nog\s+)?(niet\s+)?(zo\s+|heel\s+)?(goed|slecht)|"
    # not knowing where to go ("maar weet niet waar ik moet beginnen", "ik wil gewoon weten
    # bij wie ik moet zijn"): what they ask of Loket, not what the initiative is
    r"(maar\s+)?(ik\s+|we\s+|wij\s+)?(weet|weten)\s+(\w+\s+)?(niet|nie)\s+(goed\s+|zo\s+)?"
    r"(waar|hoe|bij\s+wie|met\s+wie|wat)\s+(\w+\s+){0,4}(beginnen|starten|moet|moeten|zijn|"
    r"aankloppen|heen)|"
    r"(ik\s+|we\s+|wij\s+)?(wil|willen)\s+(gewoon\s+)?weten\s+(bij\s+wie|waar|met\s+wie)\s+"
    r"(\w+\s+){0,3}(moet|moeten)\s+(zijn|wezen|aankloppen)|"
    # where the writer volunteers ("ik doe vrijwilligerswerk bij onze kerk"): who writes
    r"(ik|wij|we)\s+(doe|doen)\s+(al\s+(\w+\s+)?jaren\s+|al\s+\w+\s+jaar\s+)?vrijwilligerswerk"
    r"(\s+(bij|voor|in|op)\s+(\w+\s+){0,2}\w+)?"
)


def only_complains(text: str) -> bool:
    """Whether a message complains of being sent around and tells nothing the initiative does
    ("Ik ben nu al drie keer doorgestuurd. … Ik wil gewoon weten bij wie ik moet zijn."): no
    goal and no stage in it; the questions ask them."""
    told = _NOT_ABOUT_IT.sub(" ", text)
    return (
        "rondgestuurd" in process_topics(text)
        and not _ACTIVITY.search(told)
        and not _WE_ARE_A_VENTURE.search(told)
    )


def tells_what_it_is(text: str) -> bool:
    """Whether a message says what the initiative does or wants, so it can be the goal: not
    an introduction alone ("ik ben bestuurslid van een moskee"), not a vague wish alone ("ik
    wil iets maken voor vrouwen", "ik heb een idee voor de buurt")."""
    # How they were sent here, and that they type it for someone ("zet het even in de chat",
    # "ik doe het voor haar"), tell nothing of the initiative.
    if only_complains(text):
        return False
    introduces = INTRODUCTION.search(text)
    typing_for = types_for_another(text)
    text = _NOT_ABOUT_IT.sub(" ", text)
    text = without_how_sent(text)
    text = without_typing_for(text)
    told = " ".join(s for s in sentences(text) if not s.rstrip().endswith("?")) or text
    if (
        _VAGUE.search(told)
        and len(told.split()) < 12
        and not any(
            names_an_initiative(sentence, None)
            for sentence in sentences(told)
            if not _VAGUE.search(sentence)
        )
    ):
        # "… wil ik iets voorleggen. Maar eerst: wie ziet dit?"; not "Ik wil iets doen tegen
        # eenzaamheid. Een maandelijkse buurtmaaltijd of zo.", whose other sentence names it.
        return False
    if (
        typing_for
        and _VAGUE.search(told)
        and not _ACTIVITY.search(_WANTS_SOMETHING_VAGUE.sub(" ", told))
    ):
        # "mijn moeder wil iets beginnen maar de computer is niks voor haar, dus ik typ het
        # voor haar": who it is for and why someone else types, and a vague wish
        return False
    if not names_something(text):
        return False
    if _WE_ARE_A_VENTURE.search(told):
        return True  # "we zijn een schoonmaakbedrijf met mensen met afstand tot werk"
    # "ik ben 16 en ik ruim elke zaterdag zwerfafval op": what one does at set times
    return bool(_ACTIVITY.search(text)) or not introduces or done_at_set_times(text)


def greets_and_tells(text: str, tracker: Tracker | None) -> bool:
    """Whether a message the classifier heard as a greeting also tells of an initiative
    ("Goedemorgen, ik beheer sinds vorig jaar vijf minibiebs"): more than a greeting of a few
    words, and it says what the initiative does or wants, or that it runs ("Hallo, ik heb
    misschien een idee" and "ik wil iets maken voor vrouwen" do not)."""
    if len(text.split()) < _FEW_WORDS or _VAGUE.search(text) or not tells_what_it_is(text):
        return False
    catalogue = knowledge.catalogue(tracker)
    return bool(_ACTIVITY.search(text) or running_stage(text, catalogue) or done_at_set_times(text))


# Stepping away for a moment ("ben zo terug", "momentje", "ik moet even de deur opendoen").
_STEPS_AWAY = words(
    r"ben\s+(zo|zometeen|zo\s+meteen|even|ff)\s+(terug|weg)|kom\s+(zo|zometeen|straks)\s+terug|"
    r"(een\s+)?momentje|moment\s+(graag|aub|alstublieft)|even\s+(wachten|geduld)|"
    r"wacht\s+(even|ff|u\s+even)|ff\s+(wachten|weg)|brb|(moet|ga)\s+(even|ff)\s+(weg|de\s+deur|"
    r"opendoen|ophangen|opnemen|bellen|koken)|"
    # "ik moet nu weg, ik kom later terug": the answers wait for them
    r"(kom|ben)\s+(\w+\s+)?(later|straks|morgen|vanavond|vanmiddag|een\s+andere\s+keer)\s+"
    r"(\w+\s+)?terug|(ga|ga\s+ik)\s+(\w+\s+)?(later|straks|morgen)\s+(\w+\s+)?verder"
)
WAITING = "Geen probleem, ik wacht. Typ gewoon verder als u terug bent."
TAKE_YOUR_TIME = "Geen probleem, neem gerust de tijd."
# What is kept of what one types ("Slaan jullie dit allemaal op?"): Loket's own matter.
_ONES_DATA = words(r"gegevens|opslaan|opgeslagen|slaan\s+(\w+\s+){0,3}op|bewaren|bewaard")
_JOKE_WORDS = r"ha(ha)+|hihi\w*|grapje"
# A kind word or a doubt about the process ("fijn dat dit kan", "eerlijk gezegd weet ik niet
# of de gemeente hier iets mee kan"): heard, no answer.
_KIND_WORDS = (
    r"(fijn|goed|leuk|mooi|prettig|handig|top)\s+dat\s+(dit|het|jullie|u|je|er)\b|"
    r"weet\s+(ik\s+)?(eigenlijk\s+)?(niet|nie)\s+of\s+(de\s+gemeente|jullie|u|je|dit|het)\s+"
    r"(hier\s+|daar\s+)?(wel\s+)?(iets|wat)\s+(mee|aan)\s+(kan|kunnen|kunt|doet|doen)"
)
# A remark about how one types or where one is ("sorry als ik traag typ, ik zit in de bus",
# "het was een lange week"): no answer to the question.
_ASIDE = words(
    r"sorry\s+(als|dat|voor)\s+(\w+\s+){0,4}(traag|langzaam|slordig|fout\w*|typ\w*|spel\w*|"
    r"reageer|reageren|antwoord|ratel\w*|kwebbel\w*|doorheen|zoveel|zo\s+veel|lang)|ik\s+zit\s+(nu\s+|net\s+)?in\s+de\s+(bus|trein|tram|auto|"
    r"wachtkamer|pauze)|(een\s+)?lange\s+(dag|week)|vrijdagmiddag|mijn\s+(bril|batterij)\b|"
    # someone at home who called, and not being handy with computers
    r"(mijn|de|onze)\s+(kind|kinderen|zoon|dochter|man|vrouw|hond|kat|telefoon|deurbel|bel)\s+"
    r"(riep|roept|belde|ging|huilde|blafte)|niet\s+(zo\s+)?(goed|handig|sterk|snel)\s+(met|in)\s+"
    r"(computers?|de\s+computer|internet|typen|telefoons?|mijn\s+telefoon|chatten|dit\s+soort)|"
    rf"{_KIND_WORDS}|{_JOKE_WORDS}"
)
_JOKE = words(_JOKE_WORDS)
_KIND = words(_KIND_WORDS)
HEARD_KINDLY = "Dank u. Ik help u graag verder."
# Thinking aloud about the question ("goede vraag", "hmm, even denken", "daar moet ik even over
# nadenken", "wat een vragen allemaal"): the answer is still to come.
_THINKS_IT_OVER = words(
    r"(goede|goeie|lastige|moeilijke|pittige|mooie|interessante)\s+vraag|"
    r"laat\s+me\s+(even\s+|ff\s+)?(denken|nadenken|kijken)|"
    r"(moet|wil)\s+(ik\s+)?(even|ff|eerst)\s+(over\s+)?(denken|nadenken|overleggen|navragen|"
    r"opzoeken|nakijken)|"
    r"(pak|zoek)\s+(ik\s+)?(even|ff)\s+(mijn|m'n|mn|de|onze)\s+(papieren|aantekeningen|"
    r"spullen|map|agenda|gegevens)|"
    r"wat\s+een\s+(hoop\s+|boel\s+|berg\s+|lijst\s+|heleboel\s+)?vragen|(veel|zoveel|zo\s+veel)\s+vragen"
)
# Only in a message of a few words: "even kijken hoor", not "we willen even kijken of het lukt".
_SHORT_THINKING = words(r"(even|ff)\s+(denken|nadenken|kijken|zien|nakijken)")
# … or at the start of a message ("Ff kijken hoor, ik sta met mijn handen in de olie.").
_THINKING_FIRST = re.compile(
    r"^\W*((hm+|eh+|uh+m*|oke|ok|ja|nou)\W+)*(even|ff)\s+(denken|nadenken|kijken|zien)\b",
    re.IGNORECASE,
)
# A message of hesitation sounds alone ("Eh...", "Hmm", "Pfoe, lastig").
_ONLY_HESITATING = re.compile(
    r"^\W*((h+m+|e+h*m+|e+h+|u+h+m*|pf+|pfoe+|poe+h|tja+|goh|jeetje|oei|lastig|moeilijk|"
    r"dat\s+is\s+(best\s+|wel\s+)?(veel|lastig|moeilijk))\W*)+$",
    re.IGNORECASE,
)


def thinks_it_over(text: str) -> bool:
    """Whether a short message thinks aloud about the question and asks nothing: no answer
    yet, and none to be noted as not known ("lastig te zeggen" is an answer: not known)."""
    return (
        len(text.split()) <= 14
        and bool(
            _THINKS_IT_OVER.search(text)
            or _ONLY_HESITATING.match(text)
            or (len(text.split()) <= 5 and _SHORT_THINKING.search(text))
            or _THINKING_FIRST.match(text)
        )
        and not asks(text)
    )


def an_aside(text: str) -> bool:
    """Whether a short message is a remark about the inwoner's moment, a joke or thinking
    aloud, asking nothing."""
    return (len(text.split()) <= 25 and bool(_ASIDE.search(text)) and not asks(text)) or (
        thinks_it_over(text)
    )


JOKE_HEARD = "Haha, leuk gezegd. Dan ga ik verder met de vraag."


_SORRY = words(r"sorry|excuus|excuses|sry")


def answers_beside_an_aside(slot: str, text: str, tracker: Tracker) -> bool:
    """Whether a message with an aside in it answers the open question too ("Fijn dat dit kan.
    We zoeken een ruimte." does); a doubt whether the municipality can help ("ik weet niet of
    de gemeente hier iets mee kan") is no "weet ik niet" answer."""
    if slot == "goal" and thinks_it_over(text):
        return False  # "wat een hoop vragen zeg 😅" tells no goal
    answered = answer_to(slot, text, tracker)
    if _KIND.search(text) and all(value in (UNKNOWN, []) for value in answered.values()):
        return False
    return bool(answered)


def aside_reply(text: str) -> str:
    """The reply to an aside: a laugh for a joke, time for the rest ("sorry dat ik zo
    doorratel, haha" is an apology)."""
    if _JOKE.search(text) and not _SORRY.search(text):
        return JOKE_HEARD
    return HEARD_KINDLY if _KIND.search(text) else TAKE_YOUR_TIME


def asks_what_help_there_is(requested: Any, topics: list[str]) -> bool:
    """Whether a message at the needs question asks what help there is ("weet ik niet, wat
    kunnen jullie?"): not knowing it yet is no answer; the question comes again after the
    answer."""
    return requested == "needs" and "mogelijkheden" in topics


def steps_away(text: str) -> bool:
    """Whether a short message says the inwoner steps away for a moment and asks nothing: no
    answer."""
    if asks(text) or asked_topics(text):
        return False  # "Momentje, praat ik nu met een robot?" asks something
    return len(text.split()) <= 14 and bool(_STEPS_AWAY.search(text))


# A first message of fewer words than this is a keyword typed into the chat box, not a story.
_FEW_WORDS = 6


def names_an_initiative(text: str, tracker: Tracker | None) -> bool:
    """Whether a message of a few words names an initiative the text analysis knows, as people
    type a keyword or a short noun phrase into a chat box ("buurtbarbecue", "iets met
    ouderen", "repair cafe in tanthof", "skatebaan?"): not a question (a question mark after a
    name asks nothing yet), not an introduction ("ik ben mantelzorger"), not a vague wish, not
    a matter of another municipal service ("paspoort", "afval ophalen")."""
    text = (text or "").strip()
    if not text or text.startswith("/") or len(text.split()) >= _FEW_WORDS:
        return False
    if asks(text.replace("?", " ")) or asked_topics(text):
        return False
    if INTRODUCTION.search(text) or _VAGUE.search(text) or not names_something(text):
        return False
    if another_service(text, tracker):
        return False
    analysis = knowledge.analyse(text, tracker)
    # "een ruimte", "subsidie?": only the help wanted (a need starts the intake on its own).
    return bool(analysis.themes) and not names_only_its_help(text, analysis)


def only_names_it(text: str, tracker: Tracker | None) -> bool:
    """Whether a first message of a few words names what the initiative is without saying
    what it does or wants ("straatspeeldag", "een moestuin bij school", not "samen koken voor
    de buurt"): it is noted (`goal_hint`), and the goal question asks what it should achieve."""
    return names_an_initiative(text, tracker) and not _ACTIVITY.search(text)


# A greeting that opens a message ("Goedemiddag, ik ben kapper en heb een plan."): no part of
# what the initiative is.
_OPENING_GREETING = re.compile(
    r"^\W*(hallo|hoi|hey|hee|hi|yo|goedemorgen|goedemiddag|goedenavond|goedendag|dag)\b[\s,.!]*",
    re.IGNORECASE,
)


def goal_with_hint(hint: str, text: str, tracker: Tracker | None) -> str | None:
    """The goal from the answer to the goal question after a first message that only named
    the initiative: both, so the keyword is not lost ("moestuin: gezond eten voor de
    kinderen"); the keyword alone when the answer says nothing more about it (only the help
    wanted, "weet ik niet"); None when the text is no answer ("ja", "hoi")."""
    hint = _OPENING_GREETING.sub("", hint.strip()).rstrip("?!.,: ")
    text = (text or "").strip()
    if not text:
        return None
    if (says_unknown(text) and len(text.split()) <= 6) or names_only_its_help(
        text, knowledge.analyse(text, tracker)
    ):
        return hint[:MAX_GOAL_CHARS]
    if not answers_the_goal(text, tracker):
        return None
    if fold(hint) in fold(text):
        return text[:MAX_GOAL_CHARS]
    return f"{hint}: {text}"[:MAX_GOAL_CHARS]


# A problem in the street or the wijk, told before any plan ("het pleintje ligt vol troep",
# "de ouderen in onze flat spreken bijna nooit iemand").
# What is wrong with a place or people ("eenzaam", "overlast", "kapot"); "niet eenzaam" or
# "minder overlast" is what an initiative should achieve (`_LESS_OF_IT`).
_PROBLEM_STATES = (
    r"eenzaam\w*|overlast|onveilig\w*|vies|kapot|vervuild|verloeder\w*|"
    # heat, stone and empty buildings ("niet te harden, 38 graden binnen", "alleen stenen en
    # auto's", "staat al twee jaar een winkelpand leeg")
    r"niet\s+(te\s+harden|uit\s+te\s+houden)|snikheet|bloedheet|hittestress|"
    # what heat or boredom does to people ("lag bijna flauw door de hitte", "verveelt zich")
    r"flauw\s*(gevallen|viel|vallen)|(lag|ligt|lagen)\s+(\w+\s+){0,2}flauw|onwel|uitgedroogd|"
    r"(door|van)\s+de\s+hitte|(verveelt|vervelen|verveel)\s+(zich|ze|ons|me|mij)\b|"
    r"(geen|nergens\s+een)\s+(boom|bomen|groen|schaduw)\b|alleen\s+(maar\s+)?(stenen|tegels|"
    r"beton|steen)\b|(staat|staan)\s+(\w+\s+){0,5}leeg\b|leegstand"
)
_PROBLEM = words(
    rf"(niks|niets|weinig)\s+(\w+\s+)?te\s+doen|(bijna\s+)?nooit\s+iemand|{_PROBLEM_STATES}|"
    r"ligt\s+(\w+\s+)?vol|vol\s+(met\s+)?(troep|afval|rommel|zwerfvuil|zwerfafval)|"
    # "ik erger me al jaren aan de troep bij het speeltuintje"
    r"(erger|ergeren|ergert)\s+(me|mij|ons|zich)\b|"
    # "een veldje waar alleen maar troep en hondenpoep ligt"
    r"(alleen\s+maar|overal|allemaal)\s+(\w+\s+)?(troep|afval|rommel|zwerfvuil|zwerfafval|"
    r"honden?poep|poep|glas|onkruid)|"
    r"hangen\s+(\w+\s+){0,3}(rond|bij|op|voor)|hangjongeren|"
    r"versleten|is\s+(er\s+)?niks\s+voor|er\s+is\s+(hier\s+)?(niks|niets|geen)|"
    # what one thinks of it, said after what one sees ("… wordt steeds kort gemaaid. Zonde.")
    r"(doods?)?zonde|jammer|"
    # what others do not manage ("in je eentje volhouden lukt de meesten niet")
    r"(lukt|lukken)\s+(\w+\s+){0,3}(niet|nie)\b(?!\s+(alleen|zelf|zonder))"
)


PROBLEM_HEARD = "Dank u, dan weet ik wat er speelt."


def _said_before_asking(text: str) -> str:
    """The sentences before a message's first question: an answer given first ("Een ruimte,
    en advies. Moet ze zich bij de KVK inschrijven?"), not a remark after it ("Wat is een
    prestatieverklaring? Dat zag ik op jullie website.")."""
    said: list[str] = []
    for sentence in sentences(text):
        if asks(sentence):
            break
        said.append(sentence)
    return " ".join(said).strip()


_LESS_OF_IT = words(rf"(niet|minder|geen|tegen(\s+de)?)\s+(meer\s+|zo\s+)?({_PROBLEM_STATES})")


def with_problem(hint: Any, text: str) -> str:
    """The problem told so far ("goal_hint") with more of it, within the goal's length."""
    return (f"{hint} {text}" if hint else text)[:MAX_GOAL_CHARS]


# Saying there is a wish or an idea without what it is: "ik wil iets doen tegen eenzaamheid",
# "iets met afval", "iets maatschappelijks", "ik heb een plan", "een idee voor het park" (an
# idea for something that is there: the park, the jongeren, our plein; "een idee voor een
# moestuin" names it).
_FOR_WHAT_IS_THERE = (
    r"\s+(voor|over|met|in|op|bij|rond)\s+(het|de|ons|onze|mijn|m['’]?n|die|dat|deze|dit|hun)\s+"
    r"([\w'’-]+\s*){1,4}"
)
_PLACEHOLDER = words(
    # a project named and nothing of it ("ik ben student aan de TU en doe een project")
    r"(doe|doen|doet|heb|hebben|werk\s+aan|werken\s+aan)\s+(een|n|['’]n)\s+(school\w*\s+|studie\w*\s+)?"
    r"(project|projectje|opdracht)(?=\s*([.!?]|$|voor\s+(school|mijn\s+studie|de\s+studie|de\s+uni)))|"
    r"iets\s+(\w+\s+){0,5}?(doen|maken|organiseren|betekenen|beginnen|starten|opzetten)"
    r"(\s+(tegen|voor|met|rond|aan|in|op|bij)\s+((?!een\b)[\w'’-]+\s*){1,5})?|"
    r"(iets|wat)\s+(wil|wilt|willen)\b|"
    # something put before the municipality, and nothing of it ("wil ik u graag iets voorleggen")
    r"iets\s+(\w+\s+){0,3}?(voorleggen|voor\s+te\s+leggen|voorstellen|voor\s+te\s+stellen|vragen)"
    r"(\s+namens\s+(\w+\s+){0,3}\w+)?(?=\s*([.!?]|$))|"
    r"(wil|wilt|willen)\s+(graag\s+)?wat\s+(doen|organiseren|betekenen)\b|"
    r"iets\s+(met|voor|tegen|rond|rondom|aan)\s+([\w'’-]+\s*){1,5}|"
    r"iets\s+(maatschappelijks|sociaals|leuks|moois|goeds|nuttigs)|"
    # an idea one has or brings, or one for something that is there
    r"(heb|hebben|heeft|had|hadden|met)\s+(\w+\s+)?(een|n|['’]n)\s+(idee|ideetje|plan|plannetje|"
    rf"wens|wensje|probleem|initiatief|voorstel|suggestie|tip)\b(?!\s+(voor|over|met|om)\s+(een|n|['’]n)\b)"
    rf"({_FOR_WHAT_IS_THERE})?|"
    r"(een|n|['’]n)\s+(idee|ideetje|plan|plannetje|wens|wensje|probleem|initiatief)"
    rf"{_FOR_WHAT_IS_THERE}|"
    # an idea passed on, not yet told ("Ik wil alleen een idee doorgeven", "een voorstel doen")
    r"(een|n|['’]n|mijn|ons|onze)\s+(idee|ideetje|plan|plannetje|voorstel|suggestie|tip)\s+"
    r"(doorgeven|geven|melden|voorleggen|delen|kwijt|insturen|indienen|aandragen|inbrengen|"
    r"doen|opperen)\b"
)
# Who is writing, said of oneself ("ik zit in de ouderraad", "wij als winkeliers", "ik heb een
# bakkerij", "ik werk bij de bieb"): not what the initiative is.
_OF_ONESELF = words(
    r"(ik|wij|we)\s+(zit|zitten)\s+(in|bij|op)|(wij|we|ik)\s+als\s+\w+|"
    r"(ik|wij|we)\s+(studeer|studeren)\s+(aan|op|in|bij)\b|"
    r"(ik|wij|we)\s+(werk|werken)\s+(bij|in|als|voor)|"
    r"(ik|wij|we)\s+(heb|hebben|run|runnen)\s+(een|ons|onze|mijn)\s+(eigen\s+|kleine?\s+)?\w+\s*$|"
    # a letter's salutation ("Geachte medewerker")
    r"^\W*(geachte|beste)\s+(\w+\s+)?(heer|mevrouw|medewerker|medewerkers|mensen|team)\b"
)
# Writing in one's role, and nothing more ("als directeur van een basisschool wil ik u graag"):
# who writes, whatever the role names.
_IN_ROLE = re.compile(
    r"^\W*als\s+(\w+\s+){1,5}(wil|wilt|willen|schrijf|schrijven)\s+(ik|we|wij)\s+(u\s+|jullie\s+)?"
    r"(graag\s+|even\s+)?\W*$",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r"[.,;:!?\n]+|\b(?:en|maar)\b", re.IGNORECASE)


def only_a_placeholder(text: str) -> bool:
    """Whether a first message says that there is a wish, an idea or a plan, and not what it
    is ("Goedemorgen. Ik wil iets doen tegen eenzaamheid in mijn straat.", "ik ben kapper en
    heb een plan"): what is left besides it only greets, says who is writing or asks."""
    if not _PLACEHOLDER.search(text or ""):
        return False
    rest = _PLACEHOLDER.sub(" . ", text)
    for clause in _CLAUSES.split(rest):
        if not clause or not names_something(clause) or asks(clause) or YES.fullmatch(clause):
            continue
        if _IN_ROLE.match(clause):
            continue
        if (INTRODUCTION.search(clause) or _OF_ONESELF.search(clause.strip())) and not (
            _ACTIVITY.search(clause)
        ):
            continue
        return False
    return True


def only_a_vague_wish(sentence: str) -> bool:
    """Whether a sentence only wishes to do something, not what or what for ("Kunnen we daar
    niet wat van maken?"; not "Ik wil iets doen om het plein weer veilig te maken")."""
    return bool(_VAGUE.search(sentence)) and not names_something(
        _WANTS_SOMETHING_VAGUE.sub(" ", sentence)
    )


def tells_only_a_problem(text: str) -> bool:
    """Whether a message tells a problem and no plan yet: no doing or wanting, no question."""
    # A vague wish beside it ("Kunnen we daar niet wat van maken?", "Ik wil iets doen.") says
    # that they want to act, not yet what: still only the problem.
    plain = [s for s in sentences(text) if not (only_a_vague_wish(s) or only_a_placeholder(s))]
    if not plain:
        return False
    text = " ".join(plain)
    # "zo zijn ze niet eenzaam", "minder overlast" is what it should achieve, not the problem
    told = _LESS_OF_IT.sub(" ", text)
    return (
        bool(_PROBLEM.search(told))
        and not _ACTIVITY.search(_PROBLEM.sub(" ", text))
        and not _NAMED_FOR.match(text)
        # (what the group behind it does is a plan at work: "Ons koor zingt elk jaar in december
        # in verzorgingshuizen. Nu is ons busbedrijf failliet …"; not "ik zie het elke week")
        and not group_does_now(text)
        # (a tag that asks agreement asks nothing: "Zonde, toch?")
        and not asks(_AGREEMENT_TAG.sub(".", text))
    )


# A tag that asks the reader to agree ("Zonde, toch?", "raar hè?").
_AGREEMENT_TAG = re.compile(
    r"[,\s]+(toch|hè|he|h[eè]h|niet\s*dan|nietwaar|of\s+niet)\s*\?+", re.IGNORECASE
)


# What it is, named for whom it is ("Een wandelgroep voor mensen die eenzaam zijn."): a plan.
_NAMED_FOR = re.compile(
    r"^\W*(een|n|['’]n)\s+(\w+\s+)?(?!(probleem|gevaar|ramp|schande|zooitje|puinhoop)\b)\w+\s+"
    r"(voor|met|waar|waarin|waarbij)\b",
    re.IGNORECASE,
)


# Words that ask for help without saying for what ("wil graag", "zoek hulp bij", "dringend,
# voor volgend jaar"), and words that say only what kind of organisation writes ("een sociale
# onderneming", "zzp'er").
_ASKING_WORDS = frozenset(
    fold(word)
    for word in (
        "graag", "zoek", "zoeken", "zoekt", "hulp", "nodig", "willen", "wil", "wilt", "vraag",
        "stichting", "vereniging", "coöperatie", "cooperatie", "onderneming", "ondernemer",
        "ondernemers", "sociale", "maatschappelijke", "bedrijf", "bedrijfje", "bv", "zzp",
        "zzper", "zzp'er", "eenmanszaak", "organisatie", "inwoner", "inwoners", "jaar", "maand",
        "maanden", "week", "weken", "volgend", "volgende", "komend", "komende", "binnenkort",
        "snel", "dringend",
    )
)  # fmt: skip


def names_only_its_help(text: str, analysis: Analysis) -> bool:
    """Whether a first message says only what kind of organisation writes and what help it
    wants ("Ik heb een sociale onderneming en wil graag sparren over groei", "wij zijn een
    stichting en zoeken subsidie"): it names a need, and nothing else it says tells what the
    initiative does ("een ruimte voor onze breiclub" does)."""
    if not any(key.startswith("behoefte:") for key in analysis.signals):
        return False
    told = {
        fold(word)
        for key, terms in analysis.signals.items()
        if key.startswith(("behoefte:", "fase:"))
        for term in terms
        for word in term.split()
    }
    rest = [
        word
        for word in re.findall(r"[^\W\d_]{2,}", text)
        if fold(word) not in told and fold(word) not in _ASKING_WORDS
    ]
    return not names_something(" ".join(rest))


def answers_the_goal(text: str, tracker: Tracker | None) -> bool:
    """Whether an answer to the goal question says what the initiative is: a few words ("Eten
    uitdelen."), or one word the text analysis knows as a theme ("buurtfeest", "moestuin");
    not "ja", "hoi" or "weet ik niet"."""
    if not tells_what_it_is(text) or (says_unknown(text) and len(text.split()) <= 6):
        return False  # "weet ik niet"; not "weet niet precies hoe, maar ik wil …"
    if is_meaningful_goal(text):
        return True
    if YES.match(text) or NO.match(text):
        return False
    words_ = re.findall(r"[^\W\d_]{2,}", text)
    return len(words_) >= 2 or bool(knowledge.analyse(text, tracker).themes)


def prefill_from_message(tracker: Tracker) -> dict[str, Any]:
    """Slot values the first message already gives: entities first, then the text analysis."""
    catalogue = knowledge.catalogue(tracker)
    text = typed_text(tracker)
    analysis = knowledge.analyse(text, tracker) if text else None
    values: dict[str, Any] = {}

    named = bool(text) and not tracker.get_slot("goal") and names_an_initiative(text, tracker)
    only_a_problem = bool(text) and tells_only_a_problem(text)
    if named and not _ACTIVITY.search(text):
        # "buurtbarbecue", "iets met ouderen": what it is, not yet what it should achieve.
        values["goal_hint"] = text[:MAX_GOAL_CHARS]
    elif text and not tracker.get_slot("goal") and only_a_placeholder(text):
        # "Ik wil iets doen tegen eenzaamheid in mijn straat", "wij hebben een idee voor het
        # park": that there is a wish, not yet what it is; the goal question asks it, and keeps
        # this with it.
        values["goal_hint"] = text[:MAX_GOAL_CHARS]
    elif only_a_problem and not tracker.get_slot("goal"):
        # "Er is hier niks te doen voor de jongeren": the problem, not yet the plan; the goal
        # question asks what they want to do about it, and keeps the problem with it.
        values["goal_hint"] = text[:MAX_GOAL_CHARS]
    elif (
        not tracker.get_slot("goal")
        and text
        and (latest_intent(tracker) == "describe_initiative" or len(text.split()) >= 6 or named)
        and tells_what_it_is(without_wijken(text, catalogue))
        and not (analysis and names_only_its_help(text, analysis))
    ):
        kept = without_how_sent(text)
        values["goal"] = (kept if names_something(kept) else text)[:MAX_GOAL_CHARS]

    # A story names needs only when it asks for something ("we zoeken een ruimte"); "we willen
    # het gebouw verduurzamen" asks nothing yet, so the needs question is still asked.
    # A place in a story is often where it happens, not what is needed ("we willen het gebouw
    # verduurzamen"): the need for a space counts only when the story asks for something.
    # (The classifier's "inform_need" counts for a short message; in a long story that asks
    # nothing, "verdeelt via de voedselbank en het buurthuis" names no space wanted.)
    said_words = len(text.split())
    asking = (
        (latest_intent(tracker) == "inform_need" and said_words < 25)
        or said_words < 6
        or _asks(text)
    )
    needs = [n for n in needs_from_message(tracker, text) if asking or n != "locatie"]
    # A place in the clause that states what is needed is read as in an answer to the needs
    # question ("heb geld nodig voor de koffie en koekjes en een zaaltje": a hall too). (Only
    # the place: an answer reads "gezinnen met weinig geld" as a lack of money; and only that
    # clause: "de beheerder van de sporthal vindt het prima, maar we weten niet welke
    # vergunning we nodig hebben" needs no hall.)
    if "locatie" not in needs and any(
        "locatie"
        in needs_in_answer(
            before_doubt(clause), knowledge.catalogue(tracker), knowledge.analyser(tracker)
        )
        for sentence in sentences(text)
        if not asks(sentence)
        for clause in [_need_clause(sentence) or _place_wanted(sentence)]
        if clause
    ):
        needs.append("locatie")
    counted_at_distance = _STAFF_COUNT.search(text) and _DISTANCE_WORDS.search(text)
    if "personeel" in needs and latest_intent(tracker) != "inform_need" and not counted_at_distance:
        # "Een winkel (bv, 3 medewerkers)" says how big it is, "we maken meubels met collega's
        # met een afstand tot de arbeidsmarkt" who works there: staff is a need when a sentence
        # asks, wants or offers it ("we bieden leerwerkplekken", "plek voor twee stagiairs"),
        # or when the story counts its staff at a distance from work ("22 medewerkers, de helft
        # met een arbeidsbeperking"): a company built on such work.
        wanted = {
            need
            for sentence in sentences(_STAFF_COUNT.sub(" ", text))
            if _asks(sentence) or _WANTS.search(sentence) or _OFFERS.search(sentence)
            for need in needs_in_text(sentence, catalogue, knowledge.analyser(tracker))
        }
        needs = [need for need in needs if need != "personeel" or need in wanted]
    counted = any(_COUNTED_ITEM.search(sentence) for sentence in sentences(text))
    if len(text.split()) > _LONG_STORY_WORDS or counted:
        # A long story tells much that is no request ("we draaien op vrijwilligers"): the
        # needs are what its asking sentences name ("we zoeken dus een groter pand"), and so
        # are those of a shorter story that counts what it asks ("1) een werkplaats 2) …").
        catalogue_ = knowledge.catalogue(tracker)
        needs = list(
            dict.fromkeys(
                need
                for sentence in _asking_sentences(_LIST_ITEM.sub(" • ", text))
                for need in needs_in_answer(sentence, catalogue_, knowledge.analyser(tracker))
            )
        )
        if not needs:
            # "Wij weten alleen niet of dat zomaar mag, en of er een potje voor is": what a
            # long story wonders about is noted, and the needs question asks what else. (An
            # asking sentence named none: needs_in_answer reads all that needs_in_text reads.)
            wondered = [
                need
                for sentence in sentences(text)
                if _WONDERS.search(sentence)
                for need in needs_in_text(sentence, catalogue_, knowledge.analyser(tracker))
            ]
            if wondered:
                values["needs_hint"] = list(dict.fromkeys(wondered))
    if needs and not tracker.get_slot("needs"):
        # One need named in passing is rarely all: it is noted, and the needs question asks
        # what else is needed ("Ik noteer al: … Zoekt u nog andere hulp?"). A story that
        # names several needs has said what it needs, and so has a story whose whole
        # request is to supply the municipality or to offer work placements.
        direct = latest_intent(tracker) == "inform_need" and len(text.split()) < 6
        whole_request = set(needs) <= _REQUEST_NEEDS and any(
            _WANTS.search(sentence)
            and set(needs_in_text(sentence, catalogue, knowledge.analyser(tracker)))
            & _REQUEST_NEEDS
            for sentence in sentences(text)
        )
        # So has a story that states its need as the request, not as a question ("We zoeken
        # daarvoor een locatie.", "We hebben een vergunning nodig en …").
        # (The need in the clause that states it: "Vrijwilligers fietsen met ouderen …, zodat
        # de taxi niet nodig is" states no need of volunteers.)
        stated = any(
            sure
            and (not asks(sentence) or _WHAT_IS_NEEDED.search(sentence))
            and set(needs_in_answer(sure, catalogue, knowledge.analyser(tracker))) & set(needs)
            for sentence in sentences(text)
            for sure in [_need_clause(before_doubt(sentence))]
        )
        # So has a message whose request is that help: "Kunnen jullie me aan vrijwilligers
        # helpen?", "ik heb een vraag over een locatie", "hoeveel subsidie kan ik krijgen",
        # "we hebben te weinig begeleiders", "mag ik een boekenkastje in mijn straat zetten?".
        # (A lack told on the way to an open request, "de keuken is te klein … We willen
        # groeien. Wie kan ons daarbij helpen?", is one need of more: the needs question asks
        # what else.)
        open_request = any(_OPEN_REQUEST.match(sentence) for sentence in sentences(text))
        requested = any(
            (
                _REQUESTS_HELP.search(sentence)
                or _ASKS_PERMISSION.match(sentence)
                or (asks_by_lacking(sentence) and not open_request)
            )
            and set(needs_in_text(sentence, catalogue, knowledge.analyser(tracker))) & set(needs)
            for sentence in sentences(text)
        )
        # Working together with the municipality says how, not with what ("ik zoek een manier
        # om dit samen met de gemeente op te zetten"): as the only need it is noted, and the
        # needs question asks what help they look for.
        # Several needs count as said only in a story that asks or wants something: "We zijn
        # net gestart met energiecoaches: vrijwilligers die buren helpen met …" tells what it
        # does, and the needs question asks what help they look for.
        several = len(needs) >= 2 and (
            latest_intent(tracker) == "inform_need"
            or len(text.split()) < 6
            or any(
                _asks_in_story(sentence) or _WANTS.search(_RELATIVE_CLAUSE.sub(" ", sentence))
                for sentence in sentences(text)
            )
        )
        said = (whole_request or stated or requested or several) and not (
            set(needs) <= _HOW_NOT_WHAT
        )
        values["needs" if direct or said else "needs_hint"] = needs

    story = len(text.split()) >= 6
    for slot, normalise in (
        ("stage", story_stage),
        ("organisation", story_organisation if story else normalise_organisation),
    ):
        if tracker.get_slot(slot) or (slot == "stage" and (only_a_problem or only_complains(text))):
            # (a problem told before any plan says nothing of how far the plan is: "ik zie
            # het elke week" is no initiative that runs)
            continue
        # The whole text, not only the analysis: "bestaat al 10 jaar" is running; but not
        # what it says it does not know ("ik weet niet of het een stichting moet worden").
        analyse = knowledge.analyser(tracker)
        # (the clause before "maar weet niet hoe" is sure: "ik wil eigen bedrijf beginnen maar
        # weet niet hoe" says who)
        told = sure_part(text, unsure_how=True) if story else text
        if slot == "organisation":
            told = without_form_made_later(told)
        read = normalise(told, catalogue, analyse) if told.strip() else None
        tagged = first_normalised(tracker, slot, normalise, catalogue, analyse)
        if story and slot == "stage" and tagged != read:
            # In a story a tagged word is often about something else ("kinderen groeien zo
            # snel"): the stage counts only when the words of the story say it.
            tagged = None
        if slot == "organisation" and tagged != read and planned_form(text):
            tagged = None  # "advies of we een stichting moeten oprichten": not what they are
        if (
            slot == "organisation"
            and story
            and tagged != read
            and read != normalise_organisation(told, catalogue, analyse)
        ):
            # A word the story names but that is not who is behind it: the children's school,
            # or the workplace of someone who types for another person.
            tagged = None
        if told != text and tagged != read:
            tagged = None  # a tagged word in what the story says it does not know
        if slot == "organisation" and story and tagged == "bewoner" and read not in (None, tagged):
            tagged = None  # the legal form the story names, not the neighbours it began with
        if slot == "organisation" and story and read and _LEGAL_FORM.search(told):
            # The legal form the story names ("namens Volkstuinvereniging De Tuinbonen"), not a
            # word tagged in it ("de basisschool om de hoek", "maak er een bedrijf van").
            tagged = None
        if slot == "organisation" and tagged != read and without_served(told) != told:
            tagged = None  # a business the story serves ("verhuren aan een sociale onderneming")
        if slot == "organisation" and read == "sociale-onderneming":
            tagged = None  # more telling than the legal form tagged ("een stichting met een …")
        found = tagged or read
        if slot == "organisation" and story and not types_for_another(text):
            # A long story mixes many people and places; the sentence in which the writer
            # says who they are ("Ik heb een kapsalon …", "Zorggroep De Linde biedt …") tells;
            # one that says it is a social enterprise says more than one that names the trade
            # ("Wij hebben een fietsenmakerij … We zijn een sociale onderneming.").
            self_told = [
                read_here
                for sentence in sentences(told)
                if _WE_ARE_AN_ORGANISATION.search(sentence)
                for read_here in [story_organisation(sentence, catalogue, analyse)]
                if read_here
            ]
            found = (
                "sociale-onderneming"
                if "sociale-onderneming" in self_told
                else next(iter(self_told), found)
            )
        if (
            slot == "organisation"
            and len(text.split()) > _LONG_STORY_WORDS
            and not _LEGAL_FORM.search(told)
            and not _WE_ARE_AN_ORGANISATION.search(told)
            and not (
                found == "bewoner"
                and (
                    speaks_as_residents(told)
                    or residents_own_plan(told)
                    or speaks_for_residents(told)
                )
            )
            and not (found == "maatschappelijke-organisatie" and works_at_care(told))
        ):
            # A long story mentions many people and businesses ("de boer stopt met zijn
            # bedrijf"): only a legal form it names, or residents it speaks for ("met onze
            # bewonersgroep"), tells how the initiative is organised.
            found = None
        if (
            found == "ondernemer"
            and _WORKS_WITH_DISTANCE.search(told)
            and not _PLACE_TO_BEGIN.search(told)
            and not _LEGAL_FORM.search(without_negated(told))
        ):
            # "Ik heb een cateringbedrijf waar statushouders in de keuken werken": a business
            # or a social enterprise; which one, the inwoner says ("Ik heb een eenmanszaak in
            # catering … ik werk met mensen die lang thuis hebben gezeten" said it).
            found = None
        if found is None and slot == "organisation" and business_not_social(told):
            found = "ondernemer"  # "een gewoon mkb-bedrijf, geen sociale onderneming"
        if found is None and story and slot == "organisation" and residents_act(told):
            found = "bewoner"  # "ik wil met een paar buren …", also typed for a resident
        if (
            story
            and found == "bewoner"
            and not says_residents_do_it(told)
            and not speaks_for_residents(told)
            and not lives_there(told, catalogue)
        ):
            # "Met een paar buren willen we …" tells who is involved, not how they are
            # organised: the question is asked; "wij zijn een paar buren" or "de
            # bewonerscommissie" says it.
            found = None
        if (
            slot == "organisation"
            and story
            and doubts_between_forms(text)
            and not (found and _LEGAL_FORM.search(told))
        ):
            # "we twijfelen tussen een bv en een stichting" (a sentence unsure), also after
            # "ik wil er een bedrijfje van maken, maar ik weet niet of dat een stichting of
            # een bv moet worden"
            found = UNKNOWN
        if found:
            values[slot] = found

    if (
        story
        and "stage" not in values
        and not tracker.get_slot("stage")
        and "idee" in catalogue.stages
        and wishes_to_begin(sure_part(text), catalogue)
    ):
        values["stage_hint"] = "idee"  # the stage question checks it ("Klopt dat?")

    if not tracker.get_slot("wijk"):
        wijk = first_normalised(tracker, "wijk", lambda v: normalise_wijk(v, catalogue))
        if not wijk and analysis is not None and analysis.wijk:
            wijk = catalogue.wijk_name(analysis.wijk)
        if not wijk and names_whole_city(text, catalogue):
            wijk = WHOLE_CITY  # "in buurthuizen door heel Delft"
        elif wijk and wijk_meant(text, catalogue) == WHOLE_CITY:
            wijk = WHOLE_CITY  # "Ik woon in Tanthof, maar het is voor heel Delft"
        wijken = wijken_named(text, catalogue)
        if (
            wijk
            and len(wijken) > 1
            and (as_corrected(text) != text or takes_back_a_wijk(text, wijken))
        ):
            # "… in tanthof, nee wacht, het is niet Tanthof maar Buitenhof": the one it means
            # ("in Tanthof en Voorhof" names both, and the first tagged stays).
            wijk = wijk_meant(text, catalogue) or wijk
        if wijk:
            values["wijk"] = wijk
    if text and not tracker.get_slot("contact_wanted"):
        # "… Ik ben Piet de Vries, 06-12345678": the way to reach them is not asked again.
        values.update(contact_values(text))
        if "contact_wanted" not in values and _NO_CONTACT_WISH.search(text):
            # "Ik wil niet gebeld of gemaild worden, mijn gegevens geef ik liever niet."
            values.update(not_known("contact_wanted"))
    return values


# Not wanting to be contacted, said in a story.
_NO_CONTACT_WISH = words(
    r"(wil|willen)\s+(\w+\s+)?(niet|geen)\s+(\w+\s+){0,2}(gebeld|gemaild|benaderd|contact)|"
    r"(gegevens|nummer|naam|mailadres)\s+(\w+\s+){0,2}(geef|geven)\s+(ik|we|wij)\s+(liever\s+)?"
    r"(niet|geen)|(hoeft|hoeven)\s+(\w+\s+)?geen\s+contact|geen\s+contact\s+(nodig|graag)"
)


# A long story that says what the writers are ("wij zijn Zorgboerderij De Vlinderhof, een
# kleine zorginstelling"): who is behind it, among the many people and businesses it names.
_WE_ARE_AN_ORGANISATION = words(
    # "Namens Zorggroep De Linde schrijf ik u", "vanuit onze stichting"
    r"(namens|vanuit)\s+(de\s+|onze\s+|ons\s+)?(\w+\s+)?\w*(zorggroep|organisatie|instelling|stichting|"
    r"vereniging|aanbieder|co[öo]peratie)\b|"
    r"(wij|we)\s+zijn\s+([^.,;!?]{0,40},\s*)?(een|de)\s+(\w+\s+){0,2}[\w-]*(instelling|organisatie|"
    r"aanbieder|onderneming|bedrijf|stichting|vereniging|club|co[öo]peratie)\b|"
    # "Wij zijn een bv met een maatschappelijk doel" (a legal form alone, "Wij zijn een B.V.",
    # is read with the rest of the story)
    r"(wij|we)\s+zijn\s+(een|de)\s+(bv|vof|eenmanszaak)\s+(met|,)\s+(een\s+)?(sociaal|sociale|"
    r"maatschappelijke?)\s+(doel|missie|doelstelling)\b|"
    # "ik heb een installatiebedrijf met 8 monteurs", "wij hebben een eigen praktijk"
    # (A2 Dutch leaves the article out: "ik heb boksschool in Schieoevers")
    r"(ik|wij|we)\s+(heb|hebben|run|runnen)\s+(met\s+z['’]?n\s+\w+\s+|samen\s+)?((een|mijn|ons|"
    r"onze)\s+)?(eigen\s+|kleine?\s+)?"
    r"(\w*(bedrijf|zaak|winkel|praktijk|bureau|onderneming|salon|atelier|studio|erij|restaurant|"
    r"lunchroom|kapsalon|webshop)|"
    r"(boks|dans|sport|rij|yoga)school)\b|"
    # "Als aannemer (familiebedrijf, veertig man personeel)", "ik ben ondernemer"
    r"als\s+(aannemer|ondernemer|zzp\w*|eigenaar|winkelier)\b|(ik|wij|we)\s+(ben|zijn)\s+"
    r"(\w+\s+)?(ondernemer|ondernemers|aannemer|zzp\w*)\b|familiebedrijf|"
    # "Wij zijn buurtwerkers van welzijnsorganisatie Buurtwerk Delft", "Zorggroep De Linde
    # biedt dagbesteding", "ik ben docent bij het mbo", "ik ben docent op een vmbo-school"
    r"(wij|we|ik)\s+(zijn|ben)\s+(\w+\s+){1,3}(van|bij|op)\s+(de\s+|het\s+|een\s+)?(\w+-)?"
    r"(welzijnsorganisatie|zorgorganisatie|zorginstelling|mbo|vmbo|hbo|basisschool|school|hogeschool|"
    r"universiteit|organisatie\s+voor)\b|"
    r"\w*(zorggroep|zorgorganisatie|welzijnsorganisatie)\s+(\w+\s+){0,3}(biedt|bieden|"
    r"organiseert|helpt|werkt)"
)


# "… of is dat …?", "of toch …?": a second wijk said as a doubt, not as a correction.
_OR_IS_IT = words(r"of\s+(is\s+(dat|het)|hoort\s+(dat|het)\s+bij|toch|misschien)")


def hesitates_between_wijken(text: str, catalogue: Catalogue) -> bool:
    """Whether an answer names two wijken and doubts which one it is ("ik denk Voorhof, of is
    dat Buitenhof?"), without settling it with a correction."""
    named = wijken_named(text, catalogue)
    return (
        len(named) > 1
        and bool(_OR_IS_IT.search(text))
        and as_corrected(text) == text
        and not takes_back_a_wijk(text, named)
    )


def without_wijken(text: str, catalogue: Catalogue) -> str:
    """A text without the catalogue's wijk names ("… een bv, in Schieoevers"): where it is
    says nothing of what it is."""
    for wijk in wijken_named(text, catalogue):
        text = re.sub(rf"\b{re.escape(wijk)}\b", " ", text, flags=re.IGNORECASE)
    return text


def takes_back_a_wijk(text: str, named: list[str]) -> bool:
    """Whether a text says it is not one of the wijken it names ("niet Tanthof maar …")."""
    return any(
        re.search(rf"\b(niet|geen)\s+(in\s+)?{re.escape(wijk)}\b", text, re.IGNORECASE)
        for wijk in named
    )


# A wish to talk to a person inside a story.
WANTS_A_PERSON = words(
    r"(liever|graag|wil|wil\s+ik|kan\s+ik)\b[^.?!]{0,40}\b(echt\s+mens|een\s+mens|medewerker|"
    r"persoon\s+spreken|iemand\s+spreken)"
)


def person_first(text: str) -> list[EventType]:
    """A wish for a person inside a story or a question ("… dat bespreek ik liever met een echt
    mens. Kan dat?") is honoured before anything else: the one way every action hands such a
    turn on is the person offer (`action_offer_human`). Empty when the text asks no person."""
    if text and WANTS_A_PERSON.search(text):
        return [FollowupAction("action_offer_human")]
    return []


# Intents that leave the question, even when worded as a statement.
_WAY_OUT = frozenset({"request_human", "request_callback", "start_over", "request_erasure"})
# Words of a correction ("o wacht, het is eigenlijk in Ruiven").
_CORRECTING = words(
    r"eigenlijk|aanpassen|wacht|ik\s+bedoel|verkeerd|klopt\s+niet|sorry|niet\s+\w+\s+maar"
)
# Saying that an earlier answer was wrong ("ik moet iets verbeteren", "ik zei net stichting,
# maar dat klopt niet", "we zijn wél een stichting").
_CORRECTS_WHAT_WAS_SAID = words(
    r"verbeter\w*|klopt\s+niet|ik\s+bedoel|ik\s+zei\s+(net|eerder|daarnet)|w[eé]l\s+een|toch\s+wel"
)
# "Dat heb ik al gezegd": what was said before stands.
_SAID = words(
    r"al\s+gezegd|zei\s+ik\s+al|staat\s+(hier)?boven|al\s+verteld|(al|net|zojuist|daarnet|"
    r"hierboven)\s+(allemaal\s+|alles\s+)?(uitgelegd|beschreven|geschreven|getypt|genoemd|"
    r"aangegeven|verteld|gezegd)"
)
# "Nee, dat is alles": nothing more than what was noted.
_THAT_IS_ALL = words(
    r"dat\s+is\s+(het|alles)|verder\s+(niets|niks)|niks\s+meer|niets\s+meer|alleen\s+dat|"
    r"klopt\s+zo|dat\s+was\s+het"
)
# Hesitations that open an answer without being it ("Hmm, nee.", "ehm ja"). Before a yes
# only these: "o ja, nog iets" and "nou ja" are no yes; before a no also "oh", "nou".
_HESITATIONS = r"h+m+|e+h*m+|e+h+|u+h+m*|tja|ach|och"
_OPENERS = rf"(({_HESITATIONS})\W+)*"
YES = re.compile(
    r"^\W*"
    + _OPENERS
    + r"(ja+|jawel|jazeker|graag|gaarne|ja\s+gaarne|ja\s+graag|prima|ok[eé]e?|ok|okay|goed|zeker|"
    r"doe\s+maar(?!\s+niet)|is\s+goed|jep|yes|yep|ja\s+hoor|klopt|correct|akkoord|accoord|juist|precies|tuurlijk|"
    r"natuurlijk|uiteraard|sowieso|top|in\s+orde|dat\s+(is|klopt)\s+(goed|correct|juist|prima|zo)|"
    r"dat\s+klopt|dat\s+is\s+een\s+(correcte|juiste|goede)\b)\b",
    re.IGNORECASE,
)
NO = re.compile(
    r"^\W*"
    + rf"(({_HESITATIONS}|nou|oh|o)\W+)*"
    + r"(nee|neen|nope|liever\s+niet|hoeft\s+niet|niet\s+nodig|nee\s+dank|geen\s+contact|"
    r"nah|nee\s+hoor|niet\s+doen)\b",
    re.IGNORECASE,
)


# The names of a legal form, also in a compound ("Speeltuinvereniging Het Zonnetje").
_FORM_NAMES = (
    r"(\w*stichting|\w*vereniging|\w*co[öo]peratie|sociale\s+onderneming|eenmanszaak|b\.?v\.?)"
)
_LEGAL_FORM = words(rf"{_FORM_NAMES}|zzp\w*")
# A business that already works with people at a distance from work ("we werken met mensen
# met een beperking", "waar statushouders in de keuken werken").
_DISTANCE = (
    r"(beperking|afstand\s+tot\s+(de\s+)?(arbeidsmarkt|werk)|statushouders|bijstand|zonder\s+diploma|"
    r"thuis\s+zitte?n?|arbeidsbeperking|nieuwkomers|vluchtelingen|kwetsba\w*|psychisch\w*|ggz|"
    r"verstandelijke|ex-gedetineerden|langdurig\s+werkloz\w*|werkloz\w*|werkzoekend\w*|uitkering|"
    r"zonder\s+(een\s+)?(werk|baan)|"
    # "vrouwen die lang niet gewerkt hebben", "mensen die lang thuis hebben gezeten"
    r"(lang|jaren|lange\s+tijd)\s+(niet|nie)\s+(meer\s+)?gewerkt|"
    r"(lang|jaren|lange\s+tijd)\s+(\w+\s+){0,2}thuis\s+(\w+\s+)?(gezeten|zaten|zitten|zat))"
)
_DISTANCE_WORDS = words(_DISTANCE)
# A count of the staff a business has ("3 medewerkers", "12 fte").
_STAFF_COUNT = words(r"\d+\s+(medewerkers|werknemers|personeelsleden|man\s+personeel|fte)")
_WORKS_WITH_DISTANCE = words(
    rf"(werk|werken|werke|werkt)\s+(\w+\s+){{0,2}}met\s+[^.!?]{{0,80}}{_DISTANCE}|"
    # "Bij ons werken mensen die jaren thuis hebben gezeten"
    rf"bij\s+(ons|mij)\s+(\w+\s+)?(werken|werkt|leren|leert)\s+[^.!?]{{0,60}}{_DISTANCE}|"
    rf"waar\s+[^.!?]{{0,60}}{_DISTANCE}[^.!?]{{0,40}}\b(werken|werkt|leren|meedraaien|"
    rf"opleiden|opleidt|begeleiden|begeleidt|trainen|traint|aan\s+de\s+slag|opdoen|opdoet|"
    rf"meewerken|meewerkt)|"
    # "een kringloopwinkel waar mensen werken die lang thuis hebben gezeten"
    rf"waar\s+(\w+\s+){{1,3}}(werken|werkt|leren|leert|meedraaien)\s+(\w+\s+){{0,2}}die\s+"
    rf"[^.!?]{{0,40}}{_DISTANCE}|"
    # who its workers are ("onze koeriers komen uit de bijstand", "al ons personeel zijn
    # statushouders", "met mensen uit de bijstand als personeel")
    rf"(onze|ons|mijn|m['’]?n)\s+(\w+\s+)?(\w+ers|\w+sters|medewerkers|werknemers|personeel|"
    rf"mensen|collega['’]?s|krachten)\s+(komen|kwamen|komt|zijn|waren|is)\s+(\w+\s+){{0,3}}"
    rf"{_DISTANCE}|met\s+[^.!?]{{0,60}}{_DISTANCE}[^.!?]{{0,20}}\s+als\s+(personeel|medewerkers|"
    rf"werknemers|koks|koeriers)\b|"
    # "Mensen zonder werk leren koken, en wij verkopen eten.": the people who work in it say
    # what it is (not "ik wil jongeren zonder diploma het vak leren", a business that trains)
    rf"(^|[.!?]\s*)(mensen|jongeren|vrouwen|mannen|jongens|meiden)\s+[^.!?]{{0,30}}{_DISTANCE}\s+"
    rf"(\w+\s+){{0,2}}(leren|werken|opleiden|aan\s+de\s+slag|meedraaien)\b"
)


# A new place the business wants to begin, where such people will learn ("ik heb een
# cateringbedrijf en wil een lunchroom beginnen waar jongeren zonder diploma het vak leren"):
# the entrepreneur's plan; the blind writers read the entrepreneur as who is behind it.
_PLACE_TO_BEGIN = words(
    rf"({WANTING}|gaan|ga)\s+[^.!?]{{0,60}}\b(beginnen|starten|openen|opzetten)\s+waar\b"
)


# Above this many words a first message is a long story.
_LONG_STORY_WORDS = 60
# Needs that are the request itself, not one resource among others: selling to the
# municipality, offering work placements.
_REQUEST_NEEDS = frozenset({"inkoop", "personeel"})
# A need that says how the initiative wants to work, not what help it needs.
_HOW_NOT_WHAT = frozenset({"samenwerking"})
# A sentence that states a need as the request ("we zoeken een locatie", "… is nodig").
# Having to find something ("dus we moeten een nieuwe ruimte vinden"): a need stated.
_MUST_FIND = r"(moet|moeten)\s+(\w+\s+){0,4}(vinden|zoeken|regelen)"
# "Wat nu nog ontbreekt is een grotere keuken", "Wat we nodig hebben: …": a statement.
_WHAT_IS_NEEDED = re.compile(
    r"^\W*wat\s+(\w+\s+){0,3}(ontbreekt|ontbreken|nodig\s+(is|hebben)|zoeken)\b[^?]*$",
    re.IGNORECASE,
)
_STATES_NEED = words(rf"zoek\w*|nodig|op\s+zoek\s+naar|{_MUST_FIND}|ontbreekt|ontbreken")
# A place wanted, said plainly ("Wij willen zaal.", "We willen naar een centrale plek in de
# stad"): the place is read, but as one need said in passing (not a second location opened:
# "een tweede locatie in Delft openen" grows).
_WANTS_A_PLACE = words(
    r"(wil|willen|wilt)\s+(graag\s+)?(naar\s+)?(een\s+)?(?!(tweede|derde|nieuwe|extra)\b)(\w+\s+)?"
    r"(zaal|zaaltje|ruimte|plek|pand|locatie|lokaal|sporthal|gymzaal)"
    r"(?=\s*([.,!?]|$)|\s+(voor|om|waar|binnen|in|bij|dichtbij)\b)|"
    # somewhere to go, wished ("als wij eventueel ergens binnen terecht zouden kunnen")
    r"(ergens|binnen)\s+(\w+\s+)?terecht\s+(\w+\s+)?(kunnen|kan|zouden|zou)\b|"
    # help with a place ("Misschien kan de gemeente helpen met een plekje")
    r"helpen\s+(met|aan)\s+(een\s+)?(\w+\s+)?(zaal|zaaltje|ruimte|plek|plekje|pand|locatie|lokaal)\b"
)
# A sentence that asks for or wants something ("ik wil brood verkopen aan de gemeente").
# (an idea or plan to do it is a wish too: "ik loop al een tijdje rond met het idee om iemand …
# het vak te leren")
_WANTS = words(r"wil|wilt|willen|graag|zoek\w*|nodig|kan\s+dat|(het|een)\s+(idee|plan)\s+om")
_ASKS = words(
    rf"{_MUST_FIND}|"
    # "ook kunnen we wat jongere vrijwilligers gebruiken"
    r"(kunnen|kan)\s+(we|wij|ik)\s+(\w+\s+){0,4}gebruiken|"
    # what they do want, after what they do not ("Geld is niet het probleem … Wel willen we in
    # contact komen met de ouderenbond")
    r"wel\s+(wil|willen)\s+(we|wij|ik)\b|"
    # a wish for it ("Liefst zouden we een pand hebben waar mensen langslopen")
    r"(liefst|het\s+liefst|graag)\s+(zouden|zou)\s+(we|wij|ik)\b|"
    r"zoek\w*|nodig|hulp|helpen|vraag|vragen|kunnen\s+jullie|kan\s+de\s+gemeente|ontbreekt|"
    r"ontbreken|"
    r"(wil|willen)\s+(\w+\s+)?graag|op\s+zoek|tekort|missen|mis|aanvragen|krijgen|"
    # wanting to know is asking ("ik wil weten wie er over dat pand gaat"), and so is naming
    # the problem ("probleem is dat we daar geen ruimte hebben", "ons probleem: …")
    r"(wil|wilt|willen)\s+(\w+\s+)?weten|probleem(?=\s*(is\b|:))|knelpunt\w*|"
    # and so is asking who knows a way, and not knowing where or how to go on ("wij weten niet
    # waar wij dan naartoe moeten")
    r"(wie|weet\s+u|weet\s+iemand)\s+(\w+\s+)?raad|"
    # a wish, said the other way round or as what would be nice ("Ook willen wij graag dat …",
    # "ik zou het mooi vinden als de gemeente …")
    r"(wil|wilt|willen)\s+(ik|we|wij)\s+(ook\s+|heel\s+)?graag|(zou|zouden)\s+(het\s+)?(\w+\s+)?"
    r"(mooi|fijn|leuk|geweldig|prettig|top)\s+(vinden|zijn)|"
    # a hedged wish ("Het zou ons zeer verheugen als …", "Zou top zijn als de gemeente …",
    # "Als het kan zouden we ergens een lokaal willen hebben")
    r"(zou|zouden)\s+(\w+\s+){0,3}(verheugen|helpen|schelen)\s+(\w+\s+)?als\b|"
    r"(zou|zouden)\s+(\w+\s+){0,2}(mooi|fijn|leuk|geweldig|prettig|top|handig|fantastisch)\s+"
    r"(\w+\s+)?als\b|als\s+het\s+(even\s+)?kan\s+(zou|zouden|wil|willen)\b|"
    # a wish told after what comes first ("als het loopt, willen we natuurlijk dat mensen het
    # weten")
    r"(wil|willen)\s+(ik|we|wij)\s+(\w+\s+){0,2}dat\s+|"
    # what they want the municipality to do ("Ik wil dat de gemeente dit gewoon inkoopt")
    r"(wil|willen|wilt)\s+(\w+\s+)?dat\s+(de\s+gemeente|jullie|u)\b|"
    # "Wij zouden daarom graag leverancier worden", "en horen graag hoe …"
    r"(zou|zouden)\s+(\w+\s+){0,2}graag|(horen|weten)\s+(\w+\s+)?graag|graag\s+(horen|weten)|"
    # a wish for more or better of something ("wij willen onze impact beter meten")
    r"(wil|willen)\s+(\w+\s+){0,3}(meer|beter)\b|"
    r"(weet|weten)\s+((ik|we|wij)\s+)?(echt\s+|nog\s+|alleen\s+)?niet\s+(goed\s+|precies\s+)?(waar|hoe)\b"
)


# Being sent from desk to desk, told as the way it went.
_SENT_TO = words(
    r"stuur\w*|stuurde\w*|gestuurd|doorgestuurd|doorverwezen|verwezen|(eerst|toen|daarna|weer)\s+"
    r"(terug\s+)?naar|terug\s+naar|loket\w*|afdeling\w*"
)


def _place_wanted(sentence: str) -> str:
    """The part of a sentence from a place wanted on (`_WANTS_A_PLACE`); empty when none."""
    found = _WANTS_A_PLACE.search(sentence)
    return sentence[found.start() :] if found else ""


def _need_clause(sentence: str) -> str:
    """The clause of a sentence that states a need, from its start (after the last comma or
    "maar" before the need word) to the sentence's end; empty when it states none."""
    found = _STATES_NEED.search(sentence)
    if not found:
        return ""
    before = re.split(r"[,;:]|\bmaar\b", sentence[: found.start()], flags=re.IGNORECASE)[-1]
    return f"{before}{sentence[found.start() :]}".strip()


def _asks(text: str) -> bool:
    """Asking words, or a lack: a lack is a need ("we hebben geen veldje", `lacks`)."""
    return bool(_ASKS.search(text)) or lacks(text)


# A sentence that offers work or a place to learn ("we bieden twee leerwerkplekken").
_OFFERS = words(
    r"\w*plek\w*\s+voor|(bied|bieden|biedt|aanbieden|geven|geeft)\b[^.!?]{0,60}\b(\w*plek\w*|"
    r"kans\w*|baan|banen|werk)|(\w*plek\w*|kans\w*|baan|banen|werk)\s+(\w+\s+){0,3}(bieden|aanbieden|"
    r"geven)|in\s+dienst\s+nemen|aannemen|opleiden"
)
# A relative clause describes ("buren die nieuwkomers wilden helpen"), it asks nothing.
_RELATIVE_CLAUSE = re.compile(r"(?<=[\w'’])\s+die\s+[^,.;:!?]*", re.IGNORECASE)


# The items of a list, one a line ("We willen nu groeien:\n- een tweede locatie\n- …"): read as
# part of the sentence that opens the list (joined with " • ").
_LIST_ITEM = re.compile(r"[ \t]*\n[ \t]*(?:[-•*–]|\d+[.)])[ \t]+")


def _wants_a_list(sentence: str) -> bool:
    """Whether a sentence opens a list of what is wanted ("We willen nu groeien: • een
    tweede locatie • leerwerkplekken")."""
    opening, _, items = sentence.partition(" • ")
    return bool(items) and bool(_WANTS.search(opening))


# A request for help that names none ("Wie kan ons daarbij helpen?", "Kunnen jullie ons
# hiermee helpen?").
_OPEN_REQUEST = re.compile(
    r"\W*((en\s+)?(wie|wat)\s+(kan|kunnen)|(kunnen|kan|kunt)\s+(jullie|u|de\s+gemeente))\s+"
    r"(ons|mij|me)\s+(daarbij|daarmee|hierbij|hiermee|verder|mee)?\s*(helpen|verder\s+helpen)\W*$",
    re.IGNORECASE,
)
# A sentence whose request is help with something, question or not (see prefill_from_message).
_REQUESTS_HELP = words(
    r"(kunnen|kan|kunt)\s+(jullie|u|de\s+gemeente)\s+(me|mij|ons)\s+(\w+\s+){0,2}(helpen|aan)|"
    r"(heb|hebben)\s+een\s+vraag\s+over|hoeveel\s+(subsidie|geld|euro)|"
    # wanting to raise money for it, not raising money for a good cause as the activity ("een
    # loop om geld op te halen voor het hospice")
    r"(wil|willen|moet|moeten|gaan)\s+(\w+\s+)?(geld|subsidie|fondsen|centen)\s+(ophalen|"
    r"inzamelen|aanvragen)|te\s+weinig|tekort\s+aan|gebrek\s+aan|"
    # "hoe worden we leverancier van de gemeente?", "hoe komen we aan vrijwilligers?"
    r"hoe\s+(kom|komen|kan|kunnen|word|worden|vraag|vragen|krijg|krijgen|vind|vinden)\s+"
    r"(ik|we|wij|je)\b|"
    # asking how to make or set it up, or which form to take ("welke rechtsvorm past daarbij,
    # en hoe maak ik een verdienmodel dat klopt?")
    # ("hoe regel ik dat?" asks how, of no help in particular)
    r"welke\s+(rechtsvorm|vorm)|hoe\s+(maak|maken|schrijf|schrijven|zet|zetten)\s+"
    r"(ik|we|wij|je)\b|"
    # losing what it runs on ("we komen geld tekort", "onze subsidie stopt volgend jaar", "we
    # raken ons lokaal kwijt"); a plain lack ("we hebben geen plek") is `asks_by_lacking`
    r"(kom|komen|komt)\s+(\w+\s+){0,3}tekort|(subsidie|financiering|bijdrage|sponsoring|"
    r"huurcontract|contract)\s+(stopt|vervalt|loopt\s+(\w+\s+)?af|houdt\s+op)|"
    r"(raken|raak|raakt)\s+(\w+\s+){0,3}kwijt|"
    # whether a permit is needed ("moet ik daar n vergunning voor??", "is daar een vergunning
    # voor nodig?")
    r"(moet|moeten|heb|hebben)\s+(ik|we|wij|je|u)\s+((daar|daarvoor|hiervoor|er|hier|dan|ook|wel|"
    r"nog|eigenlijk)\s+)*(een\s+|n\s+)?(vergunning|toestemming)|(is|zijn)\s+((daar|daarvoor|"
    r"hiervoor|er|hier|dan|ook|wel|nog|eigenlijk)\s+)*(een\s+)?(vergunning|toestemming)\s+"
    r"(\w+\s+)?nodig|"
    # wanting to know whether ("we willen alleen weten of we bankjes mogen zetten")
    r"(wil|wilt|willen)\s+(\w+\s+){0,2}weten\s+of\b|"
    # what is not allowed, or not known to be ("Maar we mogen niet zomaar op het plein", "we
    # weten niet of dat mag")
    r"((mogen|mag)\s+(we|wij|ik|je|u)|(we|wij|ik|je|u)\s+(mogen|mag))\s+(\w+\s+)?niet\s+(zomaar|"
    r"zo\s+maar|zonder\s+(vergunning|toestemming))|(weten|weet)\s+(\w+\s+){0,2}niet\s+of\s+(dat|"
    r"het|dit|we|wij|ik|je)\s+(\w+\s+){0,4}(mag|mogen)\b|"
    # asking whether there is money for it ("Kan je bij de gemeente geld krijgen voor een
    # wormenhotel?", "is daar subsidie voor?", "hebben jullie een potje voor …?")
    r"(kan|kun|kunt|kunnen)\s+(je|ik|we|wij|u|men)\s+(\w+\s+){0,4}(geld|subsidie|een\s+bijdrage|"
    r"sponsoring)\s+(\w+\s+){0,2}krijgen|(is|zijn)\s+(daar|daarvoor|hiervoor|er)\s+(\w+\s+)?"
    r"(geld|subsidie|een\s+potje|budget)\b|(hebben|heeft)\s+(jullie|de\s+gemeente)\s+(ook\s+)?"
    r"(geld|subsidie|een\s+potje|budget)\b"
)
# Asking for leave anywhere in a message ("Vooral toestemming: mogen wij zelf de tegels eruit
# halen? En wie moet dat regelen?").
_ASKS_LEAVE = re.compile(r"\b(mag|mogen)\s+(ik|we|wij|je|u|dat|het|er|men)\b[^?]*\?", re.IGNORECASE)
# A question for leave ("mag ik een boekenkastje in mijn straat zetten?", "mogen we op het
# grasveld bbqen?"): the permission is the request.
_ASKS_PERMISSION = re.compile(
    r"\W*((hallo|hoi|dag|en|maar|dus)\W+)*(mag|mogen)\s+(ik|we|wij|je|dat|het|er|men)\b([^?]*\?|"
    # asked without a question mark ("boekenruilkastje op de hoek van mijn straat. mag dat.")
    r"\s*[.!]*\s*$)|"
    # also after what they do, in the same sentence ("ik geef bootcamp in het park, mag dat
    # zomaar?"; not "Goedendag, mag ik u iets voorleggen?")
    r"[^.!?]*,\s*(en\s+)?(mag|mogen)\s+(dat|dit|het)\b[^?]*\?",
    re.IGNORECASE,
)
# Not knowing whether, where or how ("we weten alleen niet of dat zomaar mag").
_WONDERS = words(r"(weet|weten)\s+(\w+\s+){0,3}niet\s+(of|waar|hoe)\b")
# "Ten eerste een ruimte …", "Als laatste: …": an item of a list of what is asked.
_COUNTED_ITEM = words(
    r"^\W*(ten\s+(eerste|tweede|derde|vierde|vijfde|zesde|slotte)|"
    r"als\s+(eerste|tweede|derde|laatste)|op\s+de\s+eerste\s+plaats|tot\s+slot|"
    r"(en\s+)?(een\s+)?(tweede|derde|vierde)(\s+punt)?(?=\s*:)|"
    # counted by number ("Eén: hulp bij … Twee: … Drie: …", "2) een ruimte")
    r"(één|eén|twee|drie|vier|vijf|[1-9])(?=\s*[:)]))"
)


def _asking_sentences(text: str) -> list[str]:
    """The sentences of a long story that ask for something: those that ask or open a list
    of what is wanted, and, once one asked, the counted items that follow ("Daarvoor hebben
    we een paar dingen nodig. Ten eerste een ruimte, …. Ten tweede geld: …")."""
    asking: list[str] = []
    for sentence in sentences(text):
        if (
            _asks_in_story(sentence)
            or _wants_a_list(sentence)
            or (asking and _COUNTED_ITEM.search(sentence))
        ):
            asking.append(sentence)
    return asking


def _asks_in_story(sentence: str) -> bool:
    """Whether a sentence of a long story asks for something: a question, or asking words
    outside the clauses that describe someone ("we zoeken mensen die …" asks)."""
    return sentence.rstrip().endswith("?") or _asks(_RELATIVE_CLAUSE.sub(" ", sentence))


def _about_another_service(text: str) -> bool:
    from actions.interpret import about_another_service

    return about_another_service(text, asked_topics(text))


def needs_from_message(tracker: Tracker, text: str, since: int = 0) -> list[str]:
    """Every need the message gives: the entities (from character `since` on) and the text
    analysis together, without what the text negates ("geen geld nodig, wel een plek")."""
    catalogue = knowledge.catalogue(tracker)
    from_text = needs_in_text(text, catalogue, knowledge.analyser(tracker)) if text else []
    analysis = knowledge.analyse(text, tracker) if text else None
    if analysis is not None and from_text != [n for n in analysis.needs if n in catalogue.needs]:
        # The text negates a need: an entity the tagger found there may be that need.
        return from_text
    from_entities = normalise_needs(
        entity_values(tracker, "need", since), catalogue, knowledge.analyser(tracker)
    )
    if analysis is not None:
        # A word the rules read in another sense here ("ons gebouw … verduurzamen" seeks no
        # place): a tag on it is no need either.
        other_sense = needs_meant_otherwise(analysis)
        from_entities = [n for n in from_entities if n not in other_sense or n in from_text]
    return list(dict.fromkeys([*from_entities, *from_text]))


def _split_at_last_message(tracker: Tracker) -> tuple[list[Any], list[Any]]:
    """The conversation's events up to and including the inwoner's last message, and after."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    return events[: last_user + 1], events[last_user + 1 :]


def _value_in(events: list[Any], slot: str, valid: Callable[[Any], bool] = lambda v: True) -> Any:
    """The last valid value `slot` was set to in `events` (None if never)."""
    value = None
    for event in events:
        if event.get("event") == "slot" and event.get("name") == slot and valid(event["value"]):
            value = event.get("value")
    return value


# "Ik begrijp het niet", "kan het makkelijker?", "wat bedoel je?": the question was not
# understood (not the inwoner's own plan: "we begrijpen niet waarom het niet mag" answers).
_NOT_UNDERSTOOD = words(
    r"^\W*(sorry\W+)?(ik\s+)?(begrijp|snap|versta)\s+(het\s+|dat\s+|u\s+|je\s+|jou\s+|de\s+vraag\s+|"
    r"deze\s+vraag\s+)?(niet|nie)(\s+(alles|goed|helemaal))?\b|"
    r"(kan|kunt|kun)\s+(het|dat|u|je)?\s*(\w+\s+)?(makkelijker|simpeler|eenvoudiger|duidelijker)|"
    r"(in\s+)?(makkelijke|simpele|eenvoudige)\s+(woorden|taal)|"
    # "Wat bedoel je precies?", "hoe bedoelt u dat?", "wat wordt daarmee bedoeld?"
    r"^\W*(wat|hoe)\s+(bedoel|bedoelt)\s+(je|u|jij|jullie)(\s+(daarmee|precies|eigenlijk|hiermee|"
    r"nou|dan|dat|met\s+(die|deze|de)\s+vraag))*(?=\W*$)|"
    r"^\W*wat\s+(wordt|word)\s+(er\s+)?(daarmee\s+|hiermee\s+)?bedoeld(?=\W*$)|"
    r"te\s+moeilijk"
)
# The intake questions in easier words (A2), said before the question is asked again.
SIMPLER = {
    "goal": "Ik zeg het makkelijker. Wat wilt u doen? En voor wie?",
    "needs": (
        "Ik zeg het makkelijker. Wat heeft u nodig? Bijvoorbeeld: geld, een ruimte, "
        "toestemming, of mensen die helpen."
    ),
    "stage": "Ik zeg het makkelijker. Bent u al begonnen? Of is het nog een plan?",
    "organisation": (
        "Ik zeg het makkelijker. Wie doet het? Alleen u, u met buren, of een club, stichting "
        "of bedrijf?"
    ),
    "wijk": "Ik zeg het makkelijker. In welk deel van de stad is het? Welke wijk?",
    "contact_wanted": (
        "Ik zeg het makkelijker. Wilt u dat iemand van de gemeente u belt of mailt? Ja of nee?"
    ),
    "contact": "Ik zeg het makkelijker. Wat is uw naam? En uw telefoonnummer of e-mailadres?",
}
SIMPLER_ANY = "Ik zeg het makkelijker. U mag kort antwoorden, in uw eigen woorden."


# "Wat als ik het niet weet?", "moet ik dat nu al weten?": whether not knowing is fine.
_IF_NOT_KNOWN = words(
    r"(wat|en)\s+(als|indien|nou\s+als)\s+(ik|we|wij)\s+(het|dat|dit)\s+(nog\s+)?(niet|niet\s+zo)\s+"
    r"(weet|weten)|moet(en)?\s+(ik|we|wij)\s+(dat|dit|het)\s+(nu\s+)?(al\s+)?weten|"
    r"mag\s+(ik|ook)\s+(ook\s+)?(zeggen\s+dat\s+ik\s+het\s+niet\s+weet|weet\s+ik\s+niet\s+zeggen)"
)
NOT_KNOWING_IS_FINE = (
    "Dat geeft niet. Weet u het niet, zeg dan 'weet ik niet'. Dan vraagt het team ernaar."
)


def asks_if_not_knowing_is_fine(text: str) -> bool:
    """Whether a short question asks if one may not know the answer ("Wat als ik het niet
    weet?"): a question about the intake, not an answer."""
    return len(text.split()) <= 14 and asks(text) and bool(_IF_NOT_KNOWN.search(text))


# Not knowing what to say or ask ("Ik weet niet goed wat ik moet vragen", "ik snap niet wat ik
# moet kiezen"): confusion about the question, not an answer that one does not know.
_CONFUSED = words(
    r"(weet|snap|begrijp)\s+(ik\s+)?(het\s+)?(niet|nie)\s+(zo\s+)?(goed\s+|precies\s+)?(wat|hoe)\s+"
    r"(ik\s+)?(\w+\s+)?(moet|kan|zal)?\s*(\w+\s+)?(vragen|zeggen|antwoorden|kiezen|invullen|typen|"
    r"aanklikken)\b|"
    # "Dat begrijp ik niet zo goed", "die vraag snap ik niet helemaal"
    r"^\W*(dat\s+|dit\s+|het\s+|die\s+vraag\s+|deze\s+vraag\s+)?(begrijp|snap|versta)\s+ik\s+(het\s+|"
    r"dat\s+|echt\s+)?(niet|nie)\b"
)


# Asking what the question means ("Wat bedoelt u met organisatie?"), not what an item is ("Wat
# is dat wijkbudget?" is answered as such).
_WHAT_YOU_MEAN = words(
    r"(wat|hoe)\s+bedoel(t|en)?\s+(u|je|jij|jullie)|"
    # the question itself, no item named ("Wat betekent dat? Ik begrijp niet.")
    r"wat\s+betekent\s+(dat|dit|die\s+vraag|deze\s+vraag)(?!\s*\w)"
)


def _names_a_choice(text: str) -> bool:
    """Whether a text names a stage or kind of organisation ("wat bedoel je met opschalen?"
    asks about a choice, perhaps of another question, not what this question means)."""
    catalogue, analyse = knowledge.catalogue(None), knowledge.analyser(None)
    return bool(
        normalise_stage(text, catalogue, analyse)
        or normalise_organisation(text, catalogue, analyse)
    )


def only_confused(text: str) -> bool:
    """Whether every sentence of a message says the question is not understood, asks what a
    word of it means, or says one does not know what to say ("Wat bedoelt u met organisatie?
    Dat begrijp ik niet zo goed.")."""
    said = [s for s in sentences(text) if re.search(r"\w", s)]

    def confused(part: str) -> bool:
        return bool(_NOT_UNDERSTOOD.search(part) or _CONFUSED.search(part))

    return bool(said) and all(
        (_WHAT_YOU_MEAN.search(s) and not _names_a_choice(s))
        if asks(s)
        # every clause of a statement: "weet niet wat ik moet kiezen, we zijn gewoon
        # vrienden" answers after all
        else all(confused(c) for c in re.split(r"[,;:]", s) if re.search(r"\w", c))
        for s in said
    )


def asks_it_simpler(text: str) -> bool:
    """Whether a short message says the question was not understood, and asks nothing else
    ("Ik begrijp niet alles. Moet ik geld betalen?" asks what it costs; "Wat bedoelt u met
    fase? Dat snap ik niet." asks it simpler)."""
    if asked_topics(text):
        return False
    if len(text.split()) <= 12 and _NOT_UNDERSTOOD.search(text):
        return True
    return len(text.split()) <= 24 and only_confused(text)


def nothing_taken(tracker: Tracker) -> list[EventType]:
    """The validation's events for a turn that answers nothing: a slot event that changes
    nothing keeps the form from being rejected, so it asks its open question again; a word
    that Rasa's entity mappings took for an answer ("zo'n coöperatie") is taken back."""
    return [
        SlotSet("misunderstandings", tracker.get_slot("misunderstandings") or 0.0),
        *(SlotSet(name, value) for name, value in before_this_turn(tracker).items()),
    ]


def waits_with(
    dispatcher: CollectingDispatcher, tracker: Tracker, *replies: str
) -> list[EventType]:
    """A turn that answers nothing: its replies, said in the form's own run only (Rasa runs the
    validation twice a turn, and what its slot extraction says is not sent), then the form
    asks its open question again."""
    if tracker.latest_action_name != "action_listen":
        for reply in replies:
            dispatcher.utter_message(text=reply)
    return nothing_taken(tracker)


def questions_stopped(tracker: Tracker) -> list[EventType]:
    """The validation's events for a turn that stops the questions (a wish for a person, a
    request to erase): nothing of it is taken as an answer, and no question is asked next."""
    return [
        *(SlotSet(name, value) for name, value in before_this_turn(tracker).items()),
        SlotSet("requested_slot", None),
    ]


def before_this_turn(tracker: Tracker) -> dict[str, Any]:
    """The intake slots set since the inwoner's last message, with their values before it."""
    before, after = _split_at_last_message(tracker)
    changed = {
        str(e.get("name"))
        for e in after
        if e.get("event") == "slot" and e.get("name") in INTAKE_SLOTS
    }
    return {name: _value_in(before, name) for name in changed}


def _previous_value(tracker: Tracker, slot: str) -> Any:
    """The value `slot` had before the inwoner's last message (None if never set)."""
    return _value_in(_split_at_last_message(tracker)[0], slot)


def last_valid(tracker: Tracker, slot: str, normalise: Callable[..., Any]) -> Any:
    """The latest value of `slot` in this conversation that is a valid answer, else None."""
    catalogue = knowledge.catalogue(tracker)
    for event in reversed(list(tracker.events)):
        if event.get("event") == "slot" and event.get("name") == slot:
            value = event.get("value")
            if value == UNKNOWN or (
                value and normalise(value, catalogue, knowledge.analyser(tracker))
            ):
                return value
    return None


# How many answers to one question may stay unclear before it is noted as not known. One:
# asking the same question again reads as not listening (issue #12: "loop, ignored
# information"); the summary shows what was noted and the inwoner can correct it there.
# (Until the fifth round this was written as "asked twice", but Rasa sets requested_slot
# twice per question, so the first unclear answer already counted as the second.)
ANSWERS_BEFORE_UNKNOWN = 1


def times_asked(tracker: Tracker, slot: str) -> int:
    """How often the inwoner answered the form's question for `slot` in this conversation,
    the message being read included. Counted by the messages that came while the question
    was open: Rasa sets `requested_slot` more than once per question (in the form's own run
    too), so counting those events would take a first answer for a second."""
    asked = 0
    open_question = None
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            open_question = event.get("value")
        elif event.get("event") == "user" and open_question == slot:
            asked += 1
    return asked


def contact_values(text: str) -> dict[str, Any]:
    """The contact slots of a message that gives a way to reach the inwoner, else {}."""
    details = parse_contact(text)
    if not details.reachable:
        return {}
    return {
        "contact_wanted": True,
        "contact": text.strip()[:500],
        "contact_name": details.name,
        "contact_email": details.email,
        "contact_phone": details.phone,
        "contact_time": details.preferred_time,
    }


# A yes or a no at the start of what counts ("eigenlijk wel", "toch maar niet", "laat maar").
_TURNS_TO_YES = re.compile(rf"\W*({TURNS_TO_YES})\b", re.IGNORECASE)
_TURNS_TO_NO = re.compile(rf"\W*({TURNS_TO_NO})\b", re.IGNORECASE)
# Hesitations that open the last clause without being its answer ("… ach, doe maar wel").
_CLAUSE_OPENERS = re.compile(rf"^((ach|och|nou|ok|oke|{_HESITATIONS})\b\W*)+", re.IGNORECASE)


# A yes said with a doubt ("denk het wel ja", "lijkt me wel handig"): to being contacted, a
# yes (the person can still say no then); never a yes to sending.
_HEDGED_YES = re.compile(
    r"^\W*((ik|dat)\s+)?(denk|geloof)\s+(het|ik|van)\s+wel\b|^\W*lijkt\s+me\s+(wel\s+)?(handig|goed|"
    r"fijn|prima)\b|^\W*waarschijnlijk\s+wel\b|^\W*misschien\s+wel\s+handig\b",
    re.IGNORECASE,
)


def yes_or_no(text: str) -> bool | None:
    """A yes (True) or a no (False) to a yes-or-no question, read from the answer's last
    correction on ("Nee, hoeft niet. O wacht, eigenlijk wel" is a yes; "ja graag… ach nee,
    laat maar" a no); a hesitation counts by the clause it ends with ("Weet ik nog niet… ach,
    doe maar wel"). None when it says neither."""
    said = as_corrected(text)
    clauses = [c.strip() for c in re.split(r"[.,;!?…]+", said) if c.strip()]
    last = _CLAUSE_OPENERS.sub("", clauses[-1]) if clauses else said
    # "Hm, eigenlijk liever niet": the hesitation opens the answer without being it
    opened = _CLAUSE_OPENERS.sub("", said.lstrip())
    for part in dict.fromkeys((said, opened, last)):
        if _TURNS_TO_NO.match(part):
            return False
        if _TURNS_TO_YES.match(part) or (YES.match(part) and not NO.match(part)):
            return True
        if NO.match(part):
            return False
    return None


# A way to be reached, said as the answer to whether they want contact ("alleen mail",
# "liefst per telefoon", "bellen mag"); not one taken back alone ("niet bellen").
_A_WAY_TO_REACH = words(
    r"^\W*((alleen|liefst|liever|graag|het\s+liefst|wel)\s+)?(per\s+|via\s+(de\s+)?)?"
    r"(e-?mail\w*|mail\w*|telefoon\w*|telefonisch|bellen|whatsapp\w*|appen|sms)\b"
    r"(?!\s+(\w+\s+)?(niet|liever\s+niet|nee))"
)
# As a short answer only: "bellen vind ik lastig, mijn gehoor is slecht" says no yes.
_A_WAY_TO_REACH_WORDS = 5
# "Alleen bellen", "geen e-mail", "mail liever niet": a way of reaching that is taken back.
_NO_EMAIL = words(
    r"geen\s+(e-?)?mail\w*|(e-?)?mail\w*\s+(liever\s+)?niet|niet\s+(e-?)?mailen|"
    r"alleen\s+(bellen|telefonisch|per\s+telefoon|(mijn\s+)?(telefoon)?nummer)"
)
_NO_PHONE = words(
    r"geen\s+telefoon\w*|niet\s+bellen|bel\s+(me\s+|mij\s+)?liever\s+niet|"
    r"alleen\s+(mailen|per\s+(e-?)?mail|(via\s+)?(de\s+)?(e-?)?mail)"
)


# What a message says the name is ("mijn achternaam is Brouwer, niet Bruin", "ik heet Jaap").
_NAME_IS = re.compile(
    r"\b((voor|achter)?naam\s*(is|moet\s+(\w+\s+)?zijn|schrijf\s+je|wordt)\s*[:=]?|"
    r"(voor|achter)?naam\s*[:=]|ik\s+heet|heet\s+ik)\s*",
    re.IGNORECASE,
)
_PARTICLE = r"(van|de|der|den|ter|ten|het|'t|in|op)"
_NEGATED_NAME = re.compile(
    rf"\b(niet|geen)\s+({_PARTICLE}\s+)*[A-ZÀ-Þ][\w'’-]*(\s+{_PARTICLE}\b)*(\s+[A-ZÀ-Þ][\w'’-]*)?"
)


def corrected_name(text: str, tracker: Tracker) -> str | None:
    """The name a message corrects once contact details were given ("mijn achternaam is
    Brouwer, niet Bruin", "ik heet Jaap, niet Jan"), else None; the name it takes back is not
    read as the new one, and a first or last name alone changes only that part."""
    old = str(tracker.get_slot("contact_name") or "")
    if not (tracker.get_slot("contact_email") or tracker.get_slot("contact_phone")):
        return None
    said = _NAME_IS.search(text)
    parts = old.split()
    taken_back = [
        part
        for part in parts
        if len(part.strip(".")) >= 3
        and not re.fullmatch(_PARTICLE, part, re.I)
        and re.search(rf"\bniet\s+({_PARTICLE}\s+)*{re.escape(part)}\b", text, re.I)
    ]
    if not (said or taken_back):
        return None
    told = _NEGATED_NAME.sub(" ", text[said.end() :] if said else text)
    name = parse_contact(told).name
    if not name or name.islower():
        return None
    # "van Damme": the tussenvoegsel that opens the new surname belongs to it.
    before = re.search(rf"\b(({_PARTICLE}\s+)+){re.escape(name)}", told, re.I)
    if before:
        name = f"{before.group(1)}{name}"
    if len(parts) > 1 and len(name.split()) <= len(parts) - 1:
        if re.search(r"voornaam", text, re.I):
            name = " ".join([name, *parts[1:]])
        elif taken_back and len(name.split()) == 1 and not before:
            # "Brouwer, niet Bruin": that part of "M. Bruin"
            name = " ".join(name if part == taken_back[0] else part for part in parts)
        elif re.search(r"achternaam", text, re.I) or taken_back:
            name = " ".join([parts[0], name])
    return name if name != old else None


def _doubtful_name(name: str, text: str) -> bool:
    """A name in a correction that may be no name: in lower case, or one word that only opens
    the message ("Ow wacht, mijn mail is …"); the name given before stays then."""
    return name.islower() or (" " not in name and text.lstrip(" \"'(").startswith(name))


# Words of being called: a time said with them is a time to call.
_CALL_WORDS = words(r"bel|belt|bellen|gebeld|terugbellen|opbellen|bereikbaar|telefonisch")


def changed_contact(text: str, tracker: Tracker) -> dict[str, Any]:
    """The contact slots of a message that changes the way to reach the inwoner ("het nummer
    klopt niet, het is 06-…"): what it gives, and what was given before where it gives none
    (the name, e-mail address, phone number and call time); a word like "klopt" is no name.
    "Alleen bellen" or "geen e-mail" drops the address, and the other way round."""
    given = contact_values(text)
    if not given:
        name = corrected_name(text, tracker)
        if name:
            return {"contact_name": name}
        # "Ja, en bel me na 17 uur" at the summary or consent: a time to call, said with a
        # word of calling (not "ik hoor het morgen wel").
        time = parse_contact(text).preferred_time if _CALL_WORDS.search(text) else None
        return {"contact_time": time} if time else {}
    for key in ("contact_name", "contact_email", "contact_phone", "contact_time"):
        value = given.get(key)
        if not value or (key == "contact_name" and _doubtful_name(str(value), text)):
            given[key] = tracker.get_slot(key) or value
    if not given.get("contact_name"):
        # "Mijn naam is Henk Brouwer" in the first message, then only a number: the name
        # they gave goes with it.
        given["contact_name"] = name_told_before(tracker)
    name = corrected_name(text, tracker)
    if name:
        given["contact_name"] = name
    if _NO_EMAIL.search(text) and not EMAIL.search(text):
        given["contact_email"] = None
    if _NO_PHONE.search(text) and not PHONE.search(text):
        given["contact_phone"] = None
    return given


# The inwoner says their own name ("Mijn naam is Henk Brouwer.", "Ik heet Amal.").
# "Mijn naam is Yousef", "ik heet Els", and "ik ben" before a first and a last name with
# capitals ("Ik ben Rachid Bouzid van …"; "ik ben Syrische" names no one).
_GIVES_OWN_NAME = re.compile(
    r"\b(mijn\s+naam\s+is|ik\s+heet)\s+[A-ZÀ-Þ]|"
    r"\bik\s+ben\s+(?-i:(?=[A-ZÀ-Þ][^\W\d_]+\s+((van|de|der|den|el|al)\s+)*[A-ZÀ-Þ][^\W\d_]))[A-ZÀ-Þ]",
    re.IGNORECASE,
)


def name_told_before(tracker: Tracker) -> str | None:
    """The name the inwoner gave of themselves in an earlier message of this initiative, or
    None."""
    current = latest_text(tracker)
    for event in reversed(_this_initiative(tracker)):
        text = str(event.get("text") or "") if event.get("event") == "user" else ""
        if not text or text == current:
            continue
        found = _GIVES_OWN_NAME.search(text)
        if found and text[found.end() - 1].isupper():
            clause = re.split(r"(?<=[^\W\d_]{2})[.!?]\s|[,;:\n]", text[found.start() :])[0]
            name = parse_contact(clause).name
            if name:
                return name
        # A letter signed under it ("Groet,\nPieter Kuipers").
        signed = SIGNED.search(text)
        name = name_from(signed.group("signature")) if signed else None
        if name:
            return name
    return None


def new_contact_details(tracker: Tracker, text: str) -> bool:
    """Whether a message gives contact details that differ from those noted ("ja klopt, alleen
    mijn mail is nu …", "mijn achternaam schrijf je met een d: Smid"): then that correction
    comes first, whatever else the message was taken for."""
    if not text or text.startswith("/") or tracker.latest_action_name == "action_apply_correction":
        return False
    changes = changed_contact(text, tracker)
    return any(changes.get(key) != tracker.get_slot(key) for key in changes if key != "contact")


# A matter of one's own with another service ("mijn container is niet geleegd", "ik wil mijn
# paspoort verlengen"), unlike an initiative that names such a word.
_SERVICE_VERBS = words(
    r"aanvragen|aanvraag|verlengen|verlopen|verloopt|kwijt|gestolen|afspraak\s+maken|"
    r"niet\s+(geleegd|opgehaald)|boete|bekeuring"
)


def own_matter(text: str, tracker: Tracker) -> bool:
    """Whether a message is about one's own business with another service: a service word
    after "mijn" ("mijn container", not "mijn idee … de container") or a service verb."""
    if _SERVICE_VERBS.search(text):
        return True
    said = [
        word
        for label, found in knowledge.analyse(text, tracker).signals.items()
        if label.startswith("buiten:")
        for word in found
    ]
    return any(
        re.search(rf"\b(mijn|m'n|mn)\s+(\w+\s+)?{re.escape(word)}", text, re.IGNORECASE)
        for word in said
    )


def told_before(slot: str, tracker: Tracker) -> dict[str, Any]:
    """The value for `slot` that the inwoner's earlier messages give, newest first ({} when
    none does): read when they answer a question with "dat heb ik al gezegd"."""
    hinted = tracker.get_slot("stage_hint") if slot == "stage" else None
    if hinted:
        # "Ik lees dat het nog een idee is. Klopt dat?" answered with "dat heb ik al gezegd":
        # what was read is what they said.
        return {slot: hinted}
    current = latest_text(tracker)
    earlier = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    told = [t for t in earlier if t and t != current and not t.startswith("/")]
    for text in reversed(told):
        value = value_told(slot, text, tracker)
        if value:
            return {slot: value}
    if slot in ("stage", "organisation"):
        # No story says it in passing, but they say they told it ("Ik ben coördinator van een
        # basisschool …"): their earlier messages read as answers to this question.
        for text in reversed(told):
            if _SAID.search(text):
                continue
            value = answer_to(slot, text, tracker).get(slot)
            if value and value != UNKNOWN:
                return {slot: value}
    catalogue = knowledge.catalogue(tracker)
    if (
        slot == "organisation"
        and "bewoner" in catalogue.organisations
        and any(map(types_for_a_relative, told))
        and not any(_LEGAL_FORM.search(t) for t in told)
    ):
        # "Ik typ dit voor mijn moeder. Zij heeft een initiatief", then "dat heb ik al gezegd":
        # a private person, a resident, is behind it.
        return {slot: "bewoner"}
    if slot == "stage" and "lopend" in catalogue.stages and any(map(tells_what_it_does, told)):
        # They say they told how far it is, and the story tells what they do now ("We gaan
        # bij mensen langs en helpen met tochtstrips"): it runs.
        return {slot: "lopend"}
    return {}


# What an initiative does now, in the present tense ("we helpen met tochtstrips", "wij koken
# elke week"), and words of a plan or wish that would make it a plan instead.
_DOES_NOW = words(
    r"(we|wij|ik)\s+(\w+\s+){0,10}?(helpen|help|geven|geef|organiseren|organiseer|bieden|bied|"
    r"koken|kook|begeleiden|begeleid|bezoeken|bezoek|repareren|repareer|verzorgen|verzorg|"
    r"trainen|train|draaien|draai|ontvangen|ontvang|verkopen|verkoop|maken|maak)\b"
)
_PLANS = words(rf"{WANTING}|graag|plan\w*|idee\w*|starten|beginnen|begin|opzetten|oprichten|hopen")


def tells_what_it_does(text: str) -> bool:
    """Whether a story tells what the initiative does now and names no plan or wish."""
    return bool(_DOES_NOW.search(text)) and not _PLANS.search(text)


def says_residents_do_it(text: str) -> bool:
    """Whether a story says residents are behind it ("wij zijn een paar buren", "ik wil met een
    paar buren …", "het is hun eigen plan"), not only that residents are involved or served
    ("… zodat buren zonder geschikt dak groene stroom krijgen")."""
    return says_who_they_are(text) or residents_act(text) or residents_own_plan(text)


def value_told(slot: str, text: str, tracker: Tracker) -> Any:
    """The value for `slot` that a message tells in passing (a story, not an answer to that
    question), or None."""
    catalogue = knowledge.catalogue(tracker)
    analyse = knowledge.analyser(tracker)
    if slot == "goal":
        return text[:MAX_GOAL_CHARS] if tells_what_it_is(text) and not _SAID.search(text) else None
    if slot == "needs":
        return needs_in_text(text, catalogue, analyse) or None
    if slot == "stage":
        return story_stage(text, catalogue, analyse)
    if slot == "organisation":
        # not a form taken back or planned ("ik zei net stichting, maar dat klopt niet. We
        # willen een stichting worden")
        text = without_planned_form(RETRACTED.sub(" ", text))
        found = story_organisation(text, catalogue, analyse)  # not a form it doubts
        if found == "bewoner" and not (says_residents_do_it(text) or residents_in_passing(text)):
            # "… zodat buren zonder geschikt dak toch groene stroom krijgen": who it is for,
            # not who is behind it.
            return None
        return found
    if slot == "wijk":
        return wijk_meant(text, catalogue) or (
            WHOLE_CITY if names_whole_city(text, catalogue) else None
        )
    return None


# Asking what a word means ("Wat bedoelt u precies met opschalen?", "wat is een stichting?").
_MEANING = words(
    r"wat\s+(bedoel\w*|betekent|betekenen|verstaat|verstaan)\b|wat\s+(is|zijn)\s+(dat|dit|een|"
    r"het\s+verschil)\b"
)


def asks_meaning(text: str) -> bool:
    """Whether a message asks what a word of the question means (an answer names no choice)."""
    return bool(text) and asks(text) and bool(_MEANING.search(text))


# "Alles eigenlijk", "van alles": every kind of help, an answer to the needs question.
# (not "alles wat we verdienen gaat terug in het café", which says what they do with it)
_EVERYTHING = words(r"alles(?!\s+wat\b)|van\s+alles|overal\s+(mee|bij)")

# How many answers to one question may tell something else before an unclear one is noted as
# not known: someone who types in short bursts is still telling ("hoi, heb een bloemenwinkel",
# "wil met andere winkeliers de straat opfleuren", "in hof van delft").
_STILL_TELLING = 3


def needs_added(text: str, tracker: Tracker, noted: list[str] | None) -> list[str]:
    """The needs with those a message at another question says come on top ("O wacht, we
    zoeken ook vrijwilligers", "ik wil ook graag in contact komen met de voedselbank"), or []
    when it adds none."""
    if not text or not adds_a_need(text) or asks(text):
        return []
    noted = list(noted or [])
    found = needs_in_answer(text, knowledge.catalogue(tracker), knowledge.analyser(tracker))
    new = [need for need in found if need not in noted]
    return [*noted, *new] if new else []


def corrects_an_earlier_answer(slot: str, text: str) -> bool:
    """Whether a message at another question corrects the answer given for `slot`: how far it
    is, by a correction ("o wacht, over dat het nog een idee is: eigenlijk zijn we al bezig");
    who is behind it, only by saying the earlier answer was wrong ("ik moet iets verbeteren:
    we zijn wél een stichting"; a plain "eigenlijk" there does not undo an answer)."""
    if slot == "stage":
        return correction_start(text) is not None
    return slot == "organisation" and bool(_CORRECTS_WHAT_WAS_SAID.search(text))


# Saying that something said before was wrong, besides `_CORRECTS_WHAT_WAS_SAID` ("Sorry, ik
# vergis me.", "foutje", "verkeerd getypt").
_MISTAKE = words(
    r"vergis\w*|foutje|verkeerd\s+(gezegd|getypt|geschreven|opgeschreven)|correctie|"
    r"bedoel(de)?\s+ik"
)
# "niet voor kinderen maar voor ouderen": what was said, and what is meant instead; "niet
# alleen voor studenten, maar ook voor de buren" adds to it.
_NOT_BUT = re.compile(
    r"\bniet\s+(?P<only>(alleen|enkel|uitsluitend)\s+)?(?P<was>[^.,;:!?]+?)\s*,?\s+maar\s+"
    r"(?P<also>ook\s+)?(?P<meant>[^.;:!?]+)",
    re.IGNORECASE,
)
# Words that open a correction and say nothing of it ("Oh wacht,", "Sorry,").
_OPENS_CORRECTION = re.compile(r"^\W*((o+h?|ow|oeps|ach|och|nou|sorry|wacht|even|nee)\b\W*)+", re.I)


def _says_a_mistake(text: str) -> bool:
    return bool(_MISTAKE.search(text) or _CORRECTS_WHAT_WAS_SAID.search(text))


def _phrase(said: str) -> re.Pattern[str]:
    """A phrase found whatever its case and spacing ("voor  Kinderen")."""
    return re.compile(r"\b" + r"\s+".join(map(re.escape, said.split())) + r"\b", re.IGNORECASE)


# Said by the way ("… trouwens", "overigens …"): a remark beside the question, not an answer.
_BY_THE_WAY = words(r"trouwens|overigens|btw")


def goal_corrected(text: str, goal: str) -> str | None:
    """What the initiative wants after a message that corrects it, typed at another question
    ("Sorry, ik vergis me. Het is niet voor kinderen maar voor ouderen."): the words taken back
    replaced by the words meant, when the goal has them; otherwise the correction added to it,
    so nothing said is lost. None when the message corrects nothing of the goal: no "niet …
    maar …" about words of the goal, and no word that something said was wrong."""
    text, goal = (text or "").strip(), (goal or "").strip()
    if not text or not goal or asks(text):
        return None
    contrast = next(
        (m for m in _NOT_BUT.finditer(text) if _phrase(m["was"].strip()).search(goal)), None
    )
    if contrast is None and not _says_a_mistake(text):
        return None
    # what is said besides the words that only say there is a mistake
    told = []
    for sentence in sentences(text):
        head, colon, tail = sentence.partition(":")
        if colon and _says_a_mistake(head):
            sentence = tail  # "ik moet iets verbeteren: de moestuin is …"
        elif _says_a_mistake(sentence) and not _NOT_BUT.search(sentence):
            continue  # "Sorry, ik vergis me."
        sentence = _OPENS_CORRECTION.sub("", sentence).strip()
        if sentence:
            told.append(sentence[0].upper() + sentence[1:])
    if contrast is not None and not contrast["only"] and not contrast["also"]:
        meant = contrast["meant"].strip()
        replaced = _phrase(contrast["was"].strip()).sub(lambda _m: meant, goal, count=1)
        corrected = " ".join([replaced, *(s for s in told if contrast.group(0) not in s)])
    else:
        said = " ".join(told)
        if not said or not tells_what_it_is(said):
            return None
        corrected = f"{goal}{'' if goal.endswith(('.', '!', '?')) else '.'} {said}"
    return corrected[:MAX_GOAL_CHARS] if fold(corrected) != fold(goal) else None


def told_for_other_questions(slot: str, text: str, tracker: Tracker) -> dict[str, Any]:
    """What an answer that does not answer `slot` tells for the intake's other questions that
    are still open: the wijk, how far it is or who is behind it, and then the message as more
    of what the initiative is (added to the goal). The question for `slot` is then asked again,
    not noted as not known: the inwoner was still telling, not refusing an answer. More of the
    story alone may be an answer not read ("we testen nu met 20 mensen"): it is no reason to
    ask again."""
    values: dict[str, Any] = {}
    if mentions_not_knowing(text) or (slot == "needs" and _EVERYTHING.search(text)):
        # "dat weet ik nog niet, we zoeken juist een plek", "alles eigenlijk, we beginnen net":
        # an answer after all
        return values
    corrected_before = False
    for other in ("stage", "organisation", "wijk"):
        if other == slot:
            continue
        # open before this message (Rasa may already have set a tagged wijk from it), or who is
        # behind it only noted from the story when this message says plainly what it is ("wij
        # zijn een sociale onderneming" after a story of "onze webshop")
        previous = _previous_value(tracker, other)
        # or one answered before that this message corrects
        if (
            not previous
            or (other == "organisation" and restates_form(tracker, text))
            or corrects_an_earlier_answer(other, text)
        ):
            value = value_told(other, text, tracker)
            if value and value not in (UNKNOWN, previous):
                values[other] = value
                corrected_before = corrected_before or bool(previous)
    corrected = wijk_corrected(tracker, text) if slot != "wijk" else None
    if corrected:
        # "o ja, het is Voordijkshoorn, niet Vrijenban": the wijk noted is corrected; the
        # message is no more of the story.
        values["wijk"] = corrected
    goal = str(tracker.get_slot("goal") or "")
    if not values and slot != "goal" and goal:
        fixed = goal_corrected(text, goal)
        if fixed:
            # "Sorry, ik vergis me. Het is niet voor kinderen maar voor ouderen.": the goal
            # changes as said (the changed line is shown by `validate_goal`).
            return {"goal": fixed}
        if _BY_THE_WAY.search(text) and not asks(text) and fold(text) not in fold(goal):
            # "Mijn buurman doet ook mee trouwens": more of the story, said by the way; kept
            # with what they want, and the question is asked again.
            return {"goal": f"{goal} {text}"[:MAX_GOAL_CHARS]}
    if (
        values
        and not corrected
        and not corrected_before
        and goal
        and len(text.split()) >= _STORY_WORDS // 2
        and fold(text) not in fold(goal)
        and tells_what_it_is(text)
    ):
        values["goal"] = f"{goal} {text}"[:MAX_GOAL_CHARS]
    elif (
        slot == "needs"
        and not values
        and goal
        and not corrected
        and wishes_or_plans(text)
        and not wishes_or_plans(goal)
        and fold(text) not in fold(goal)
    ):
        # "plein bij ons is alleen maar tegels", then at the needs question "wil er groen van
        # maken met de buurt": the aim, told in the next message (typed in bursts); kept in
        # the goal, and the needs question is asked again.
        values["goal"] = f"{goal} {text}"[:MAX_GOAL_CHARS]
    elif (
        slot in ("needs", "organisation")
        and not values
        and goal
        and _ONLY_WHEN.match(text)
        and fold(text) not in fold(goal)
    ):
        # "in de zomervakantie" at the needs question: when it is to happen, kept with what
        # they want; the question is asked again (it is no "no help needed").
        values["goal"] = f"{goal.rstrip()} ({text.strip()})"[:MAX_GOAL_CHARS]
    return values


# A message that only says when ("in de zomervakantie", "volgend voorjaar", "begin maart").
_ONLY_WHEN = re.compile(
    r"^\W*((in|op|na|voor|rond|tijdens|vanaf|begin|eind|half|medio|komende|komend|volgende|"
    r"volgend|deze|dit|over|ergens\s+in)\s+)*((de|het|een)\s+)?(\w+\s+)?(zomer\w*|winter\w*|"
    r"herfst\w*|lente|voorjaar|najaar|\w*vakantie|kerst\w*|pasen|januari|februari|maart|april|mei|"
    r"juni|juli|augustus|september|oktober|november|december|jaar|maand|maanden|week|weken|"
    r"weekend)(\s+\d{4})?\W*$",
    re.IGNORECASE,
)


def wijk_corrected(tracker: Tracker, text: str) -> str | None:
    """The wijk a message puts in place of the one noted before it ("het is Voordijkshoorn,
    niet Vrijenban"), or None."""
    noted = _previous_value(tracker, "wijk")
    catalogue = knowledge.catalogue(tracker)
    if noted not in wijken_named(text, catalogue):
        return None
    meant = wijk_meant(text, catalogue, noted)
    if not meant or meant == noted:
        return None
    where = re.search(rf"\b{re.escape(meant)}\b", text, re.IGNORECASE)
    if where and GOES_ON_TO.search(text[: where.start()]):
        # "We willen later ook naar Tanthof en Voorhof" (Tanthof noted): every wijk named is
        # where it goes next (`wijk_meant` then keeps them all), so none corrects the one noted
        return None
    return meant


def restates_form(tracker: Tracker, text: str) -> bool:
    """Whether a message says plainly what it is ("wij zijn een sociale onderneming") while
    who is behind it was only noted from the story (its question never asked)."""
    return times_asked(tracker, "organisation") == 0 and bool(_STATES_FORM.search(text))


# Saying what one is ("we zijn een sociale onderneming", "eigenlijk zijn we een coöperatie"),
# not a form one considers or someone else's ("moet ik een stichting worden?", "de
# winkeliersvereniging").
_STATES_FORM = words(
    rf"(wij|we|ik)\s+(zijn|ben)\s+(\w+\s+){{0,2}}?(een\s+)?(\w+\s+)?{_FORM_NAMES}|"
    rf"(zijn|ben)\s+(wij|we|ik)\s+(\w+\s+){{0,2}}?(een\s+)?(\w+\s+)?{_FORM_NAMES}"
)


# An earlier message this long tells a story (more than a greeting or a word).
_STORY_WORDS = 8


def with_story_told(answer: str, tracker: Tracker) -> str:
    """The answer to the goal question with the story the inwoner told before it ("Wij zijn
    zes moeders en we wandelen elke woensdag …" then "Meer moeders erbij"): the story says what
    the initiative does, the answer what it should achieve, and neither is lost."""
    if _goal_given_before(tracker):
        return answer[:MAX_GOAL_CHARS]  # a goal asked again is being changed: only the new one
    stories = stories_told(tracker)
    if not stories or fold(stories[0]) in fold(answer):
        return answer[:MAX_GOAL_CHARS]
    return f"{stories[0]} Doel: {answer}"[:MAX_GOAL_CHARS]


def told_in_the_stories(tracker: Tracker) -> dict[str, Any]:
    """Who is behind it and the wijk, when not known yet, from what the inwoner told before
    the goal question ("Goedemiddag, ik ben fysiotherapeut met een eigen praktijk." was a
    greeting to the classifier): not asked again."""
    values: dict[str, Any] = {}
    if _goal_given_before(tracker):
        return values
    stories = stories_told(tracker)
    for slot in ("organisation", "wijk"):
        if tracker.get_slot(slot):
            continue
        found = next(filter(None, (value_told(slot, story, tracker) for story in stories)), None)
        if found:
            values[slot] = found
    return values


def _this_initiative(tracker: Tracker) -> list[dict[str, Any]]:
    """The conversation's events since the last case was made (or the last restart): what
    comes after a case is another initiative."""
    events: list[dict[str, Any]] = []
    for event in tracker.events:
        if event.get("event") in ("restart", "session_started") or (
            event.get("event") == "slot"
            and event.get("name") == "phase"
            and event.get("value") == "done"
        ):
            events = []
        else:
            events.append(event)
    return events


def _goal_given_before(tracker: Tracker) -> bool:
    """Whether a goal was kept before the message being read (Rasa sets the answer read now
    as a candidate after it, which does not count)."""
    events = _this_initiative(tracker)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    before = events[: users[-1]] if users else events
    return any(
        e.get("event") == "slot" and e.get("name") == "goal" and e.get("value") for e in before
    )


def goal_told_before(tracker: Tracker) -> dict[str, Any]:
    """The goal when the inwoner says they told it already: what the earlier messages tell,
    else the longest story they told (they say it was the goal; asking a third time would be
    a dead end); {} without one."""
    return told_before("goal", tracker) or _longest_story(tracker)


def _longest_story(tracker: Tracker) -> dict[str, Any]:
    """The longest story the inwoner told, as the goal ({} when they told none)."""
    stories = stories_told(tracker)
    return {"goal": max(stories, key=len)[:MAX_GOAL_CHARS]} if stories else {}


def _named_before(tracker: Tracker) -> str | None:
    """The latest earlier message of this initiative that names something, however short ("ik
    heb een vraag over een buurtbbq"): not a button, a yes or no, "weet ik niet", a remark
    that it was said, or a matter for another service; None without one."""
    for text in reversed(_earlier_messages(tracker)):
        if (
            YES.match(text)
            or NO.match(text)
            or says_unknown(text)
            or another_service(text, tracker)
        ):
            continue
        if len(text.split()) >= 2 and names_something(text):
            return text.strip().rstrip(".!?")
    return None


def _earlier_messages(tracker: Tracker) -> list[str]:
    """What the inwoner typed before the message being read, in this initiative, in order:
    not a button, not a remark that it was said already."""
    current = latest_text(tracker)
    told = [str(e.get("text") or "") for e in _this_initiative(tracker) if e.get("event") == "user"]
    return [
        text
        for text in told
        if text and text != current and not text.startswith("/") and not remarks_told_already(text)
    ]


def stories_told(tracker: Tracker) -> list[str]:
    """The inwoner's earlier messages of this initiative (since the last case made) that tell
    of it, in order: not the message being read, a button, a remark that it was said, a matter
    for another service, a vague wish ("ik wil iets organiseren") or how they were sent here;
    the questions in them left out."""
    stories = []
    for text in _earlier_messages(tracker):
        if another_service(text, tracker) or _VAGUE.search(text):
            continue
        # (a question Loket answered outside the process topics too: "ben ik met een chatbot
        # aan het praten?")
        text = statement_part(text) if asked_topics(text) or asks(text) else text
        story = without_how_sent(text)
        if len(story.split()) >= _STORY_WORDS and names_something(story):
            stories.append(story)
    return stories


# A remark this short that it was said already is no answer of its own.
_REMARK_WORDS = 10


def remarks_told_already(text: str) -> bool:
    """Whether a short answer only says it was told already ("Dat heb ik toch net uitgelegd?")."""
    return bool(_SAID.search(text)) and len(text.split()) <= _REMARK_WORDS


ASK_MORE = "Kunt u iets meer vertellen? Bijvoorbeeld: wat wilt u doen, en voor wie?"
# After "ik heb een idee voor het park": what the idea is.
ASK_WHAT_IT_IS = (
    "Vertel eens: wat wilt u precies gaan doen, en voor wie? Een paar zinnen is genoeg."
)


def not_known(slot: str) -> dict[str, Any]:
    """What an answer that does not say (or a question passed over) sets: not known; no
    needs for the needs, no contact for the contact questions."""
    if slot in ("contact_wanted", "contact"):
        return {"contact_wanted": False, **{name: None for name in CONTACT_SLOTS}}
    return {slot: [] if slot == "needs" else UNKNOWN}


# Where one saw or heard of something ("Ik zag op jullie site iets over een social handprint."),
# said before asking what it is: a need of theirs only when they also say they want it.
_HEARD_OF = words(
    r"(zag|zie|las|lees|hoorde|hoor)\s+(\w+\s+){0,6}over|(gelezen|gehoord|gezien)\s+(\w+\s+){0,4}over|"
    r"over\s+(\w+\s+){1,5}(gelezen|gehoord|gezien)"
)
_WANTS_IT = words(rf"{WANTING}|nodig|zoek|zoeken|graag|aanvragen|krijgen")


def only_heard_of(text: str) -> bool:
    """Whether a message asks something and what else it says only tells where one saw or
    heard of it ("Ik zag op jullie site iets over … Wat is dat precies?"): no answer."""
    told = statement_part(text)
    return (
        asks(text)
        and bool(told)
        and len(sentences(told)) == 1
        and bool(_HEARD_OF.search(told))
        and not _WANTS_IT.search(told)
    )


def told_beside_question(text: str) -> str:
    """What the sentences beside a question say ("Wat is dat? Ik ben alleen."), as an answer to
    the open question; nothing when they only say where it was seen, or that the question is
    not understood ("Wat betekent dat? Ik begrijp niet.")."""
    told = statement_part(text)
    return "" if only_heard_of(text) or (told and only_confused(told)) else told


def _said_with_the_yes(text: str) -> dict[str, Any]:
    """A time to call, and a name said as one's own ("ik ben Emre"), in a yes to being
    contacted ("Ja, bel maar. Liefst na 17 uur"): kept for the contact question."""
    given = parse_contact(text)
    kept: dict[str, Any] = {}
    if given.preferred_time:
        kept["contact_time"] = given.preferred_time
    if given.name and _GIVES_OWN_NAME.search(text):
        kept["contact_name"] = given.name
    return kept


def answer_to(slot: str, text: str, tracker: Tracker) -> dict[str, Any]:
    """The slot values a typed answer to the question for `slot` gives ({} when it gives none).

    One reading for the form's own extraction and for turns the classifier was unsure of.
    "weet ik niet", "maakt niet uit", "nog niet" answer every question: the value is
    `UNKNOWN` (no needs for the needs, no contact for contact), so it is not asked again.
    An answer that corrects itself counts from its last correction ("Voorhof, nee sorry,
    Tanthof", "een stichting, nee eigenlijk gewoon buren"); when that part answers nothing
    ("… o wacht, dat zei ik al"), the whole answer is read.
    """
    text = (text or "").strip()
    whole = text
    if text and only_heard_of(text):
        return {}
    topics = asked_topics(text) if text else []
    if slot == "needs" and topics == ["rondgestuurd"] and not asks(text):
        # "we lopen steeds vast op de regels. elke keer is er weer een ander loket dat nee
        # zegt": a complaint beside the answer; the sentences that do not complain answer. (Not
        # the desks one was sent to: "Eerst naar subsidies, toen naar de wijkmanager, en die
        # stuurde me weer terug" names no help wanted.)
        text = " ".join(
            s for s in sentences(text) if not process_topics(s) and not _SENT_TO.search(s)
        ).strip()
        topics = []
    if text and topics:
        # "Nog een idee. Kost het iets?": the question is answered elsewhere; the sentences
        # that ask nothing still answer the open question, and so does the clause before a
        # question at the end ("Ik zoek een stukje grond, wie gaat daarover bij jullie?").
        text = statement_part(text, clause_before_question=True)
        if text and only_confused(text):
            return {}  # "… Ik weet niet goed wat ik moet vragen.": the question again after it
        if slot == "stage" and text:
            # Beside a question only a plain stage counts: "hoe lang duurt zoiets? we willen
            # het voor de zomer" tells when, not that it is an idea.
            stage = story_stage(text, knowledge.catalogue(tracker), knowledge.analyser(tracker))
            return {"stage": stage} if stage else {}
    if (
        slot == "contact_wanted"
        and (YES.match(whole) or _HEDGED_YES.match(whole))
        and "?" not in whole
        and yes_or_no(text) is not False
    ):
        # "Ja, maar bel mijn moeder niet, liever mij": a yes that says how, asking nothing. A
        # name or a time to call said with it ("Ja, bel maar. Liefst na 17 uur") is kept for
        # the contact question.
        return contact_values(whole) or {"contact_wanted": True, **_said_with_the_yes(whole)}
    if not text:
        if slot in ("needs", "stage", "organisation", "wijk") and says_unknown(whole):
            # "Dat zeg ik later wel, eerst wil ik weten of het kan": not said now, and a
            # question (answered elsewhere)
            return not_known(slot)
        return {}
    if slot in ("contact_wanted", "contact"):
        # Contact details in the whole answer (a later number corrects an earlier one:
        # `parse_contact`), else its yes or no.
        values = contact_values(text)
        if values:
            return values
        if wijk_taken_back(text, tracker):
            return {}  # its "nee" takes back the wijk: the question is asked again
        wants = yes_or_no(text)
        if (
            slot == "contact_wanted"
            and wants is None
            and _A_WAY_TO_REACH.search(text)
            and len(text.split()) <= _A_WAY_TO_REACH_WORDS
            and not asks(text)
        ):
            # "alleen mail", "bellen is prima": how to be reached is a yes to being reached
            wants = True
        if slot == "contact_wanted" and wants is True:
            return {"contact_wanted": True}
        if wants is False or (wants is None and says_unknown(text) and "?" not in text):
            # (not a question beside a doubt: "Mijn Nederlands is niet zo goed. Is dat erg?")
            return not_known(slot)
        return {}
    said = as_corrected(text)
    # A story that corrects a detail ("… in tanthof, nee wacht, het is Buitenhof …") is all
    # the goal: only the other questions count from the correction.
    if said != text and slot != "goal" and not (slot == "needs" and corrects_who(text)):
        since = correction_start(typed_text(tracker))  # the tagged words that count
        values = _read_answer(slot, said, tracker, since)
        if values:
            return values
    return _read_answer(slot, text, tracker)


# A closing sentence that concludes not knowing ("Weet ik dus niet.", "Dus geen idee eigenlijk.").
_CONCLUDES_UNKNOWN = re.compile(
    r"\W*(dus\s+(ik\s+)?(weet\s+(ik\s+)?(het\s+)?niet|geen\s+idee)|(ik\s+)?weet\s+(ik\s+)?(het\s+)?"
    r"dus\s+(eigenlijk\s+)?niet|geen\s+idee\s+dus)(\s+eigenlijk)?\W*",
    re.IGNORECASE,
)


def _read_answer(slot: str, text: str, tracker: Tracker, since: int = 0) -> dict[str, Any]:
    """`answer_to` for the questions answered in words: the goal, needs, stage, who is behind
    it and the wijk (the needs tagged from character `since` on)."""
    catalogue = knowledge.catalogue(tracker)
    hint = tracker.get_slot("goal_hint") if slot == "goal" else None
    if slot == "goal" and tells_only_a_problem(text):
        # More of the problem, or the problem told at the goal question ("Ze hangen elke avond
        # bij de supermarkt"): kept, and the question asks what they want to do about it.
        return {"goal_hint": with_problem(hint, text)}
    if slot == "goal" and not hint and only_a_placeholder(text):
        # "ik wil iets met energie in mijn straat": kept, and the question asks what it is.
        return {"goal_hint": text[:MAX_GOAL_CHARS]}
    if hint and not (another_service(text, tracker) and (asks(text) or own_matter(text, tracker))):
        # After "buurtbarbecue": "weet ik niet" or "we zoeken geld" keep the keyword as the
        # goal; what it should achieve is kept with it.
        goal = goal_with_hint(str(hint), text, tracker)
        return {"goal": goal, "goal_hint": None} if goal else {}
    if slot == "goal" and remarks_told_already(text):
        # "Dat heb ik toch net al uitgelegd?": the goal is what the earlier messages told, never
        # the remark (`goal_told_before`); asked again only when they told no story.
        return goal_told_before(tracker)
    if slot == "goal":
        if not tells_what_it_is(text) or (
            another_service(text, tracker) and (asks(text) or own_matter(text, tracker))
        ):
            # Only who is writing, or a question about a passport or one's own bin, is no
            # goal; "minder groente-afval in de container" answers what the initiative is for.
            return {}
        return {"goal": with_story_told(text, tracker)} if answers_the_goal(text, tracker) else {}
    if slot == "needs":
        # A need noted from the story that the answer takes back ("Geld hoeven we niet") goes.
        taken_back = needs_taken_back(text, catalogue, knowledge.analyser(tracker))
        noted = [n for n in tracker.get_slot("needs_hint") or [] if n not in taken_back]
        found = [
            *needs_from_message(tracker, text, since),
            *needs_in_answer(text, catalogue, knowledge.analyser(tracker)),
        ]
        if found:
            values: dict[str, Any] = {"needs": list(dict.fromkeys([*noted, *found]))}
            goal = str(tracker.get_slot("goal") or "")
            if (
                goal
                and only_introduces_a_business(goal)
                and plans_to_make(text)
                and fold(text) not in fold(goal)
            ):
                # After "Ik heb een fietsenmakerij, draai al 6 jaar", "Ik wil 2 werkplekken
                # maken voor jongens die moeilijk aan werk komen" is the plan too: kept in
                # the goal, not only read for its needs.
                values["goal"] = f"{goal} {text}"[:MAX_GOAL_CHARS]
            return values
        if _SAID.search(text):
            told = told_before("needs", tracker).get("needs") or []
            if not told and not noted:
                # They say they told what help they seek, and a story's reading found none:
                # their earlier messages read as answers to this question ("we komen mensen
                # tekort: trainers, … allemaal onbetaald").
                catalogue = knowledge.catalogue(tracker)
                analyse = knowledge.analyser(tracker)
                told = [
                    need
                    for earlier in stories_told(tracker)
                    for need in needs_in_answer(earlier, catalogue, analyse)
                ]
            return {"needs": list(dict.fromkeys([*noted, *told]))}
        if wijk_corrected(tracker, text):
            return {}  # "ach nee, het is Tanthof, niet Voorhof": no answer to this question
        if says_unknown(text) or NO.match(text) or _THAT_IS_ALL.search(text):
            return {"needs": noted}
        return {}
    if slot in ("stage", "organisation", "wijk") and _SAID.search(text):
        # "Dat heb ik al gezegd": what the earlier messages say; else not known (the team
        # asks when they call), never the same question a third time.
        return told_before(slot, tracker) or {slot: UNKNOWN}
    if slot == "organisation" and doubts_between(text):
        return {slot: UNKNOWN}  # "we twijfelen nog tussen een stichting of een bv"
    hinted = tracker.get_slot("stage_hint") if slot == "stage" else None
    if (
        hinted
        and yes_or_no(text) is True
        and not normalise_stage(text, catalogue, knowledge.analyser(tracker))
        # (a goal corrected, ending "Juist zodat …", is no yes to it)
        and not goal_corrected(text, str(tracker.get_slot("goal") or ""))
    ):
        return {"stage": hinted, "stage_hint": None}  # "ja, klopt" to "nog een idee?"
    if slot == "stage" and "idee" in catalogue.stages and not_started_yet(text):
        return {"stage": "idee"}  # "Nog niet, ik heb het alleen met twee families besproken."
    if slot == "wijk" and hesitates_between_wijken(text, catalogue):
        return {"wijk": UNKNOWN}  # "ik denk Tanthof, of is dat Voorhof?": the team asks
    if slot == "wijk" and len(wijken_named(text, catalogue)) > 1:
        # "Op het plein in Tanthof. Zelf woon ik in Voorhof.": the one the words mean.
        meant = wijk_meant(text, catalogue)
        if meant:
            return {"wijk": meant}
    if slot in ("stage", "organisation", "wijk") and _CONCLUDES_UNKNOWN.fullmatch(
        (sentences(text) or [text])[-1]
    ):
        # "Mijn compagnon zegt dat we al draaien, ik vind van niet. Weet ik dus niet.": what it
        # concludes, whatever the doubt before it names
        return {slot: UNKNOWN}
    if slot in ("stage", "organisation", "wijk"):
        normalise = {
            "stage": normalise_stage,
            "organisation": organisation_in_answer,
            "wijk": normalise_wijk,
        }[slot]
        answer = normalise(text, catalogue, knowledge.analyser(tracker))
        if answer:
            return {slot: answer}
        if slot == "organisation" and planned_form(text):
            return {slot: UNKNOWN}  # "we weten niet of we een stichting moeten worden"
        return {slot: UNKNOWN} if says_unknown(text) or (NO.match(text) and slot == "wijk") else {}
    return {}


# "Nog niet" to how far they are: nothing started yet, an idea ("nee, nog niet, alleen
# besproken"); not what is not known yet ("nog niet bekend", "weet ik nog niet").
_NOT_STARTED_YET = words(
    r"^\W*(nee\W+|neen\W+|nope\W+)?(nog\s+(niet|niks|niets|nergens)|helemaal\s+nog\s+niet)"
    r"(?!\s+(\w+\s+)?(bekend|zeker|duidelijk|besloten|beslist|gekozen|weten|geregeld))"
)


# Wanting to know first whether it may ("we willen eerst weten of het mag"): why nothing has
# started yet, not a question put to the assistant.
_KNOW_FIRST = words(r"(wil|willen|moet|moeten)\s+eerst\s+weten\s+of")


def not_started_yet(text: str) -> bool:
    """Whether an answer to how far they are says nothing has started yet."""
    return (
        bool(_NOT_STARTED_YET.search(text))
        and not asks(_KNOW_FIRST.sub(" ", text))
        and not FORM_UNDER_WAY.search(text)
    )


# A plan of one's own ("we willen …", "mijn idee is …"): an initiative, whatever service it
# also names.
_A_PLAN = words(rf"(we|wij|ik)\s+({WANTING})|({WANTING})\s+(we|wij)|plan|plannen|idee|initiatief")


def own_service_matter(text: str, tracker: Tracker) -> bool:
    """Whether a story is one's own matter with another municipal service and no plan ("Mijn
    dochter moet parkeergeld betalen als ze voor mij zorgt … Kan ik die vergunning bij u
    aanvragen?"): it gets the general number, not the intake."""
    return another_service(text, tracker) and own_matter(text, tracker) and not _A_PLAN.search(text)


class ActionStartIntake(Action):
    """Begins (or, after a finished one, restarts) the intake with what the text tells."""

    def name(self) -> str:
        return "action_start_intake"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        events: list[EventType] = []
        if tracker.get_slot("phase") == "done":
            # A new initiative after a finished one: forget the previous answers.
            events += [SlotSet(name, None) for name in ALL_INTAKE_SLOTS]
            events += [SlotSet("phase", None), SlotSet("idempotency_key", None)]
            for name in ALL_INTAKE_SLOTS:
                tracker.slots[name] = None
        text = typed_text(tracker)
        person = person_first(text)
        if person:
            return [*events, *person]
        if text and own_service_matter(text, tracker):
            return [*events, FollowupAction("action_interpret_turn")]  # the general number
        topics = asked_topics(text)
        if topics:
            # "… Maar eerst: ben ik nu met een robot aan het praten?": answered first.
            from actions.interpret import answer_process

            await answer_process(dispatcher, tracker, topics, go_on=False)
        values = prefill_from_message(tracker)
        if (values.get("needs") or values.get("needs_hint")) and not topics and asks(text):
            # "Moet je daar een vergunning voor hebben?", "Is er subsidie voor?": a question
            # about the help itself is for the team that gets the request; said, not ignored.
            dispatcher.utter_message(text=QUESTION_TAKEN_ALONG)
        elif values.get("goal") or values.get("goal_hint"):
            dispatcher.utter_message(text="Dank u. Ik stel u nog een paar korte vragen.")
        events += [SlotSet(name, value) for name, value in values.items()]
        return events


QUESTION_TAKEN_ALONG = (
    "Dank u. Uw vraag neem ik mee in uw aanvraag. Eerst stel ik een paar korte vragen. Dan "
    "zoek ik het team dat u daarmee verder helpt."
)


# Growing said in a goal ("dat de tuin groter wordt", "meer mensen mee laten doen").
_GROWING_NOW = words(
    r"groter\s+(wordt|worden|maken)|uitbreiden|meer\s+(buren|mensen|deelnemers|"
    r"plekken)\s+(mee|kunnen|laten)|naar\s+\w+\s+(keer|locaties|plekken)"
)


def keeps_details_back(tracker: Tracker, text: str) -> dict[str, Any]:
    """The no-contact answer of a no to the contact questions that says what to leave out
    ("eigenlijk liever niet, laat mijn gegevens maar weg"): no contact, not a request to erase
    what was given ({} when it is none). A word of erasing ("verwijder mijn gegevens") is still
    asked about. (The rule for an erase request closes the form first: the question open
    before this message counts.)"""
    requested = tracker.get_slot("requested_slot") or _previous_value(tracker, "requested_slot")
    if requested not in ("contact_wanted", "contact") or ERASE_WORDS.search(text or ""):
        return {}
    values = answer_to(str(requested), text, tracker)
    return values if values.get("contact_wanted") is False else {}


def stops_for_a_person(tracker: Tracker, text: str, details: dict[str, Any] | None = None) -> bool:
    """Whether the intake's questions stop for a wish to speak to a person: not when the same
    message gives contact details ("Jan Smit, jan@example.nl, maar bel me liever"), which are
    kept and the intake goes on to its summary. `details`: the message's `contact_values`,
    when the caller has them already."""
    given = contact_values(text) if details is None else details
    return not given and wants_a_person(tracker, text)


def wants_a_person(tracker: Tracker, text: str) -> bool:
    """A request to speak to a person (the classifier's intent, said in words of a person);
    not a yes to being contacted that says how ("Ja graag, maar liever bellen"), nor a
    question whether they will call ("bellen jullie dan?")."""
    return (
        latest_intent(tracker) == "request_human"
        and bool(HUMAN_WORDS.search(text))
        and not yes_to_contact(tracker, text)
        and not asks_whether_called(text)
        and not takes_back_a_person(text)
    )


# Going on after all ("ach nee, laat maar, ga maar door").
_GO_ON = words(
    r"laat\s+maar|ga\s+(maar\s+|u\s+maar\s+|gerust\s+)?(door|verder)|toch\s+(maar\s+)?niet|"
    r"hoeft\s+(toch\s+)?niet|doe\s+maar\s+(hier|verder|gewoon)"
)


def takes_back_a_person(text: str) -> bool:
    """Whether a message asks for a person and takes it back in the same breath ("Kan ik niet
    beter iemand spreken? Ach nee, laat maar, ik heb geen tijd. Ga maar door.")."""
    said = as_corrected(text)
    return said != text and bool(_GO_ON.search(said)) and not HUMAN_WORDS.search(said)


# Words that ask to be called ("kunt u mij bellen?", "ik wil graag gebeld worden"); "bellen ze
# mij?" without them asks how it goes, and is answered.
CALL_REQUEST = words(
    rf"{WANTING}|kunt|kan|kunnen|graag|liever|svp|aub|alstublieft|"
    r"bel\s+(mij|me)|belt\s+u\s+(mij|me)"
)


def asks_whether_called(text: str) -> bool:
    """Whether a message asks if they will be called, and asks for no call or person ("bellen
    jullie dan? ik neem niet op als ik het nummer niet ken")."""
    return (
        "bellen" in asked_topics(text)
        and not CALL_REQUEST.search(text)
        and not WANTS_A_PERSON.search(text)
    )


def yes_to_contact(tracker: Tracker, text: str) -> bool:
    """At the question whether (or how) to be contacted, a yes that names a way to be reached
    ("Ja graag, maar liever bellen, want ik kijk nooit in de e-mail") answers it, whatever
    the classifier heard in "bellen": it is no wish for a person or a call-back request."""
    asked = tracker.get_slot("requested_slot") in ("contact_wanted", "contact")
    return asked and bool(YES.match(text or "")) and not NO.match(text or "")


# Words that take back an earlier answer inside the answer to another question ("o, en wat ik
# net zei klopt niet: we draaien al sinds maart", "ik heb me vergist, het is in Tanthof").
_TAKES_BACK_EARLIER = words(
    r"(wat|dat)\s+ik\s+(net|eerder|daarnet|daarstraks|zonet|zojuist|hiervoor)\s+(zei|zeg|"
    r"schreef|typte|antwoordde)|klopt(e)?\s+(toch\s+)?niet|(heb|had)\s+(me|mij)\s+vergist|"
    r"vergissing|was\s+(fout|verkeerd)|verkeerd\s+(gezegd|getypt|ingevuld|geantwoord)|"
    # "het is eigenlijk geen idee meer: we zijn al aan het opstarten"
    r"(is|zijn)\s+(\w+\s+){0,2}geen\s+(idee|plan|plannetje|ideetje)\s+meer"
)


def corrects_who(text: str) -> bool:
    """Whether an answer takes back an earlier answer about who is behind it ("ik zei net dat
    we een stichting zijn maar dat klopt niet"): a correction of that question, not of what
    this answer names before it."""
    correction = corrected_earlier(text)
    return bool(correction) and bool(
        _LEGAL_FORM.search(correction) or speaks_as_residents(correction)
    )


def corrected_earlier(text: str) -> str:
    """The part of an answer from where it takes back an earlier answer ("" when it does not)."""
    found = _TAKES_BACK_EARLIER.search(text or "")
    if not found:
        return ""
    start = max(text.rfind(mark, 0, found.start()) for mark in (".", "!", "?", "\n"))
    return text[start + 1 :]


def wijk_taken_back(text: str, tracker: Tracker) -> str | None:
    """The wijk an answer to a yes-or-no question puts in place of the one noted: its "nee"
    takes back the wijk, not what was asked ("Oh wacht: nee, het is in Voorhof, niet
    Buitenhof" at the contact question). None when it takes no wijk back."""
    # (Rasa may have set the wijk it tagged already: the one noted is the one before this turn)
    noted = _previous_value(tracker, "wijk") or tracker.get_slot("wijk")
    if not noted or noted in (UNKNOWN, WHOLE_CITY):
        return None
    meant = wijk_meant(text, knowledge.catalogue(tracker), noted=noted)
    if not meant or meant == noted:
        return None
    said = as_corrected(text)
    first_clause = re.split(r"[.;!?]", said, maxsplit=1)[0]
    not_noted = re.search(rf"\b(niet|geen)\s+(in\s+)?{re.escape(noted)}\b", text, re.IGNORECASE)
    no_then_wijk = NO.match(said) and meant.casefold() in first_clause.casefold()
    return meant if not_noted or no_then_wijk else None


def told_in_passing(
    tracker: Tracker, requested: str, text: str, events: list[EventType]
) -> list[EventType]:
    """What an answer to one question says plainly about another ("Nog een idee, we zitten in
    Tanthof" at the stage question), kept so it is not asked again; only for empty slots,
    and only words that cannot mean something else: a wijk by its name (at the needs question
    the place they look for, where it will happen), a stage by years or a start, a legal form."""
    given = {e["name"] for e in events if e.get("event") == "slot"}
    catalogue = knowledge.catalogue(tracker)
    values: dict[str, Any] = {}
    if requested != "wijk":
        values["wijk"] = wijk_meant(text, catalogue)  # not one it takes back ("niet Voorhof")
    if requested != "stage":
        values["stage"] = (
            running_stage(text, catalogue)
            or ("opschalen" if grows(text) and "opschalen" in catalogue.stages else None)
            # "Wij doen nu inschrijving KVK": a start said plainly
            or ("opstart" if started_now(text, catalogue) else None)
        )
    if requested != "organisation" and not planned_form(text):
        # (not a business they serve or buy from: "of een sociale onderneming waar we iets
        # kunnen inkopen")
        own = without_served(text)
        # (a form asked about is none they have: "… hoe je zoiets officieel maakt, stichting
        # ofzo?")
        own = " ".join(s for s in sentences(own) if not s.rstrip().endswith("?"))
        # ("nog idee, met 3 buren": the residents who do it, said with the stage)
        stated = (
            _LEGAL_FORM.search(without_negated(own))
            or says_who_they_are(own)
            or (len(own.split()) <= _REMARK_WORDS and residents_act(own))
            # ("We spelen al twee jaar samen. We zijn geen vereniging, gewoon vijf vrienden.")
            or residents_in_passing(own)
        )
        values["organisation"] = (
            normalise_organisation(own, catalogue, knowledge.analyser(tracker)) if stated else None
        )
    if tracker.get_slot("stage") == "lopend" and "stage" not in given and grows(text):
        values["stage"] = "opschalen"  # running, and now it says it wants to grow
        return [SlotSet("stage", "opschalen")] + [
            SlotSet(name, value)
            for name, value in values.items()
            if value and name != "stage" and name not in given and not tracker.get_slot(name)
        ]
    # An earlier answer taken back in this one ("wat ik net zei klopt niet: het loopt al sinds
    # maart") is changed to what the words after it say plainly.
    correction = corrected_earlier(text)
    changed: dict[str, Any] = {}
    if correction:
        changed = {
            "wijk": wijk_meant(correction, catalogue, noted=tracker.get_slot("wijk")),
            "stage": running_stage(correction, catalogue)
            or ("opschalen" if grows(correction) and "opschalen" in catalogue.stages else None)
            # "… klopt niet helemaal: we zijn eigenlijk al aan het opstarten"
            or story_stage(correction, catalogue, knowledge.analyser(tracker)),
        }
        taken_back = _TAKES_BACK_EARLIER.search(correction)
        after = correction[taken_back.end() :] if taken_back else correction
        if speaks_as_residents(after) and not _LEGAL_FORM.search(without_negated(after)):
            # "ik zei net dat we een stichting zijn maar dat klopt niet. Nu zijn we gewoon vier
            # bewoners": residents, not the form taken back
            changed["organisation"] = "bewoner"
        elif _LEGAL_FORM.search(without_negated(correction)):
            changed["organisation"] = normalise_organisation(
                correction, catalogue, knowledge.analyser(tracker)
            )
    needs_changed = needs_told_in_passing(tracker, requested, text)
    return (
        [
            SlotSet(name, value)
            for name, value in values.items()
            if value and name not in given and not tracker.get_slot(name)
        ]
        + needs_changed
        + [
            # After the validation's own events: Rasa may have filled the slot from a tagged word
            # and the validation put the old value back; what the words take back wins.
            SlotSet(name, value)
            for name, value in changed.items()
            for earlier in [_previous_value(tracker, name) or tracker.get_slot(name)]
            if value and name != requested and earlier and value != earlier
        ]
    )


# "o, en geld hoeft toch niet": a need noted before, taken back in passing.
_TOOK_BACK_IN_PASSING = words(
    r"hoeft\s+toch\s+niet|hoeven\s+(we|wij)\s+toch\s+niet|toch\s+niet\s+nodig"
)


def needs_told_in_passing(tracker: Tracker, requested: str, text: str) -> list[EventType]:
    """The needs changed by an answer to another question ("we zijn het nu aan het opzetten.
    o, en geld hoeft toch niet … we zoeken wel vrijwilligers"): a noted need it takes back
    ("… toch niet") goes, and what a sentence then says it seeks is added."""
    # What was noted before this turn (Rasa may have filled the slot from a word in it).
    noted = list(_previous_value(tracker, "needs") or tracker.get_slot("needs") or [])
    if requested == "needs" or not noted or not _TOOK_BACK_IN_PASSING.search(text):
        return []
    catalogue = knowledge.catalogue(tracker)
    analyse = knowledge.analyser(tracker)
    dropped = {
        need
        for part in re.split(r"[.,;!?]+", text)
        if _TOOK_BACK_IN_PASSING.search(part)
        for need in needs_taken_back(part.strip(), catalogue, analyse)
    } & set(noted)
    if not dropped:
        return []
    sought = [
        need
        for sentence in sentences(text)
        if _STATES_NEED.search(sentence) and not _TOOK_BACK_IN_PASSING.search(sentence)
        for need in needs_in_answer(sentence, catalogue, analyse)
    ]
    kept = [n for n in noted if n not in dropped]
    return [SlotSet("needs", list(dict.fromkeys([*kept, *sought])))]


# What a question reads as when its third answer still gives none (`ValidateIntakeForm.run`).
_MOST_TIMES_ASKED = 3


def asked_enough(tracker: Tracker, slot: str) -> bool:
    """Whether the form's question for `slot` has had its third answer (this one included),
    so it is passed over rather than asked a fourth time."""
    return slot in PASSED_OVER and times_asked(tracker, slot) >= _MOST_TIMES_ASKED


_SKIP = "Ik begrijp uw antwoord nog niet goed. Ik sla deze vraag over: het team vraagt het u later."
PASSED_OVER = {
    **{slot: _SKIP for slot in ("needs", "stage", "organisation", "wijk")},
    **dict.fromkeys(
        ("contact_wanted", "contact"),
        "Ik begrijp uw antwoord nog niet goed. Ik ga verder zonder contactgegevens. Na het "
        "doorsturen volgt u uw vraag met uw kenmerk.",
    ),
}


# "Kan de gemeente daar iets bij doen?", "kunnen jullie ons daarbij helpen?" in the story.
_HELP_WITH_IT = words(
    r"(kan|kunnen|wil|willen|zou|zouden)\s+(de\s+gemeente|jullie|u)\s+(\w+\s+){0,3}(helpen|"
    r"bij\s+doen|mee\s+helpen|bijdragen|ondersteunen|betekenen)"
)
HELP_WITH_IT = (
    "Daarvoor ben ik er: ik help u de juiste hulp bij de gemeente en haar partners te vinden. "
    "Eerst nog een paar korte vragen."
)


def asks_for_help_with_it(text: str) -> bool:
    """Whether a story asks whether the municipality can help with it."""
    return any(
        sentence.rstrip().endswith("?") and _HELP_WITH_IT.search(sentence)
        for sentence in sentences(text or "")
    )


class ValidateIntakeForm(FormValidationAction):
    """Normalises every answer to catalogue IDs and asks only what is still missing."""

    def name(self) -> str:
        return "validate_intake_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """The turn validated (`_validated`); then no word the tagger took for a choice that is
        none stays, whichever way the turn went: "3 als leerling aannemen" at the needs
        question once left "leerling" as who is behind it, unasked, and the case was refused."""
        events = await self._validated(dispatcher, tracker, domain)
        return [*events, *self._tagged_words_undone(tracker, events)]

    def _tagged_words_undone(self, tracker: Tracker, events: list[EventType]) -> list[EventType]:
        """A value the tagger set this turn for stage, organisation or wijk that is no choice
        of the catalogue and that the validation left alone: back to what it was."""
        handled = {e.get("name") for e in events if e.get("event") == "slot"}
        undone: list[EventType] = []
        for slot, ids in catalogue_choices(knowledge.catalogue(tracker)).items():
            value = tracker.get_slot(slot)
            if slot in handled or value in (None, UNKNOWN) or value in ids:
                continue
            before = _previous_value(tracker, slot)
            undone.append(SlotSet(slot, before if before in (*ids, UNKNOWN) else None))
        return undone

    async def _validated(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """A process question the classifier took for an answer ("Hoeveel subsidie kan een
        buurthuis krijgen?" at the needs question) is answered here, and the same question
        is asked again: it is never stored as the answer."""
        text = typed_text(tracker)
        requested = tracker.get_slot("requested_slot")
        if not requested and text and latest_intent(tracker) == "greet":
            # "Goedemorgen, ik beheer sinds vorig jaar vijf minibiebs in Tanthof": the greeting
            # opens the intake, and what the rest of the message tells is kept as a story's is.
            # A greeting that tells only who writes or where ("Goedendag, ik schrijf namens onze
            # energiecoöperatie") keeps that, and the intake asks what the initiative is; a
            # club names no legal form ("namens onze club"): who is behind it is asked.
            greeted = prefill_from_message(tracker)
            tells = greets_and_tells(text, tracker)
            if not tells:
                greeted = {
                    slot: greeted[slot]
                    for slot in ("organisation", "wijk")
                    if greeted.get(slot) and (slot != "organisation" or _LEGAL_FORM.search(text))
                }
            if tells or greeted:
                opened = [SlotSet(name, value) for name, value in greeted.items()]
                tracker.add_slots(opened)
                first = await self.next_requested_slot(dispatcher, tracker, domain)
                return [*opened, first] if first else opened
        details = contact_values(text) if text else {}
        if (
            requested
            and text
            and not details
            and an_aside(text)
            and not answers_beside_an_aside(str(requested), text, tracker)
            # an aside waits once; said again, it is read as an answer (thinking aloud then
            # gives nothing, and the question never goes round in a loop)
            and times_asked(tracker, str(requested)) <= 1
        ):
            # "Sorry als ik traag typ, ik zit in de bus": no answer, and none to be noted as
            # not known; the question waits.
            return waits_with(dispatcher, tracker, aside_reply(text))
        if (
            requested
            and text
            and not details
            and asks_to_meet(text, tracker)
            and not answer_to(str(requested), text, tracker)
        ):
            # "Kan ik ook langskomen op het stadskantoor?": about this plan, not another
            # service; how to reach the team, and the intake goes on with the same question.
            meeting = meeting_text(knowledge.catalogue(tracker), get_settings().team_hours)
            return waits_with(dispatcher, tracker, meeting, GOING_ON)
        if (
            requested
            and text
            and not details
            and another_service(text, tracker)
            and (asks(text) or own_matter(text, tracker))
            and (not asked_topics(text) or _about_another_service(text))
            and not ERASE_WORDS.search(text)
            and not _ONES_DATA.search(text)
            and not answer_to(str(requested), statement_part(text), tracker)
        ):
            # "… de lantaarnpaal ernaast is kapot. Kunnen jullie daar ook iets aan doen?": the
            # general number for that, and the intake goes on with the same question.
            other = other_service_text(knowledge.catalogue(tracker), get_settings().website)
            return waits_with(dispatcher, tracker, other, GOING_ON)
        if requested and text and not details and steps_away(text):
            # "Sorry, ik moet even de deur opendoen, ben zo terug": no answer; the question waits.
            return waits_with(dispatcher, tracker, WAITING)
        if requested and text and not details and asks_if_not_knowing_is_fine(text):
            # "Wat als ik het niet weet?": that is fine, and how to say so; the question waits.
            return waits_with(dispatcher, tracker, NOT_KNOWING_IS_FINE)
        if requested and text and not details and asks_it_simpler(text):
            # "Sorry ik begrijp niet alles. Kan makkelijker?": the question in easier words,
            # then the form asks it again; nothing is taken as the answer.
            return waits_with(dispatcher, tracker, SIMPLER.get(str(requested), SIMPLER_ANY))
        if requested and stops_for_a_person(tracker, text, details):
            # "Dan wil ik graag een mens spreken": the questions stop; how to reach a person
            # and the call-back button instead (said in the form's own run, see below).
            if tracker.latest_action_name == "action_listen":
                return [SlotSet("misunderstandings", tracker.get_slot("misunderstandings") or 0.0)]
            dispatcher.utter_message(
                text=human_text(knowledge.catalogue(tracker), get_settings().team_hours, True),
                buttons=HUMAN_BUTTONS,
            )
            return questions_stopped(tracker)
        from actions.erasure import asks_to_erase_what_was_given  # it reads this module

        if requested and not details and asks_to_erase_what_was_given(text):
            # "Kunt u alles wat ik net heb geschreven weer verwijderen?" at the needs question:
            # no answer, and the questions stop for the question to confirm the erasure (asked
            # by action_show_summary, which the form's end leads to; "nee" goes on here).
            return questions_stopped(tracker)
        if requested and details:
            # Contact details are kept whatever the classifier made of the turn ("Bel me op
            # 06-…" is no request for a call-back at the contact question). Given while another
            # question is open ("Ik ben Frank, 06-12341456" at the needs question), they are
            # kept too, with what the turn answers; else that question is asked again.
            # What the turn does not give (the name, in the answer before) is kept.
            values = {**details, **changed_contact(text, tracker)}
            if requested not in ("contact_wanted", "contact", "goal"):
                answered = answer_to(str(requested), text, tracker)
                values.update({k: v for k, v in answered.items() if k not in details})
                if not answered and tracker.latest_action_name != "action_listen":
                    # (said in the form's own run: see the process question below)
                    dispatcher.utter_message(text="Dank u, ik heb uw contactgegevens genoteerd.")
            events: list[EventType] = [SlotSet(name, value) for name, value in values.items()]
            # The next question as `required_slots` has it (a call-back needs no more once the
            # contact details are there), as the SDK's own run would set it.
            tracker.add_slots(events)
            next_slot = await self.next_requested_slot(dispatcher, tracker, domain)
            return [*events, next_slot] if next_slot else events
        from actions.interpret import answer_process, item_asked

        # "Wat doet de Vrijwilligerscentrale precies? We kunnen wel wat extra handen gebruiken":
        # a question about a partner that also names a need reaches the form (the need filled a
        # slot, so the form did not give the turn to the question's rule): answered here.
        topics = asked_topics(text)
        about_process = bool(topics) and not _about_another_service(text)
        if requested and (about_process or (text and item_asked(text, tracker))):
            # What a question about a partner or instrument names is not taken as an answer
            # ("Wat is dat wijkbudget precies en hoe kom je daaraan?" names no need yet).
            # Beside a question about a partner, only what the other sentences say counts ("Een
            # ruimte, en advies. Moet ze zich bij de KVK inschrijven?").
            told_too = (
                ""
                if only_heard_of(text)
                else (text if about_process else _said_before_asking(text))
            )
            answered = (
                answer_to(str(requested), told_too, tracker)
                if told_too and not asks_what_help_there_is(requested, topics)
                else {}
            )
            if tracker.latest_action_name != "action_listen":
                # Rasa runs this action twice a turn: in its slot extraction (right after the
                # message; what it says there is not sent) and in the form's own validation,
                # where the answer is given.
                await answer_process(dispatcher, tracker, topics, go_on=not answered)
            if answered:
                # An answer with a question in it: both count.
                return [SlotSet(name, value) for name, value in answered.items()]
            if asked_enough(tracker, str(requested)):
                return await self._passed_over(dispatcher, tracker, domain, str(requested))
            return nothing_taken(tracker)
        if (
            requested in ("goal", "needs", "stage", "organisation", "wijk")
            and text
            and not details
            and asks(text)
            # (an interruption's own rule answers it: "ben jij een robot?")
            and latest_intent(tracker) not in INTERRUPTIONS
            and tracker.get_slot(str(requested)) is None
            and not answer_to(str(requested), text, tracker)
            and not told_for_other_questions(str(requested), text, tracker)
        ):
            # A question of their own that none of the above knows ("Moet ik daar een
            # verzekering voor hebben?", "krijg ik dat op papier?"), whatever the classifier
            # heard in it: no answer that gives nothing, noted as not known and the question
            # skipped; said honestly that it goes along, and the same question again.
            from actions.interpret import answer_process, question_taken_along

            kept = question_taken_along(tracker, text)
            passed_over = asked_enough(tracker, str(requested))
            if tracker.latest_action_name != "action_listen":
                said = "eigen vraag" if kept else "eigen vraag open"
                await answer_process(dispatcher, tracker, [said], go_on=not passed_over)
            if passed_over:
                # The third turn at it that only asks: never a fourth time.
                return [
                    *kept,
                    *await self._passed_over(dispatcher, tracker, domain, str(requested)),
                ]
            return [*nothing_taken(tracker), *kept]
        events = await super().run(dispatcher, tracker, domain)
        took_answer = any(
            e.get("event") == "slot" and e.get("name") == requested and e.get("value") is not None
            for e in events
        )
        told: list[EventType] = []
        if requested == "goal" and text:
            told = self._told_with_the_goal(tracker, events)
            goal_taken = any(
                e.get("event") == "slot" and e.get("name") == "goal" and e.get("value")
                for e in events
            )
            if (
                goal_taken
                and asks_for_help_with_it(text)
                and tracker.latest_action_name != "action_listen"
            ):
                # "… Kan de gemeente daar iets bij doen?": said that that is what this is for
                dispatcher.utter_message(text=HELP_WITH_IT)
        elif requested in ("needs", "stage", "organisation", "wijk") and text and took_answer:
            # (only beside an answer: a turn given away to a question keeps nothing of it here,
            # or the form would go on and ask the same question again)
            told = told_in_passing(tracker, str(requested), text, events)
        elif requested == "contact_wanted" and text and (wijk := wijk_taken_back(text, tracker)):
            # "nee, het is in Voorhof, niet Buitenhof": the wijk changes, whatever the
            # classifier made of the "nee"; the changed line is shown and the contact question
            # is asked again.
            if tracker.latest_action_name != "action_listen":
                catalogue = knowledge.catalogue(tracker)
                line = summary_lines({**intake_slots(tracker), "wijk": wijk}, catalogue)["wijk"]
                dispatcher.utter_message(text=changed_text([line]))
            told = [SlotSet("wijk", wijk), SlotSet("contact_wanted", None)]
        # Details given at the contact_wanted question ("Ja, Gijs Verschoor, 06-…") set the
        # `contact` text before `contact` is a required slot, so its validation (which splits
        # it into name, e-mail, phone and time) did not run: split it here.
        given = {e["name"]: e["value"] for e in [*events, *told] if e.get("event") == "slot"}
        if given.get("contact") and "contact_name" not in given:
            extra = contact_values(str(given["contact"]))
            told += [SlotSet(k, v) for k, v in extra.items() if k not in given]
        if given.get(str(requested)) is None and asked_enough(tracker, str(requested)):
            # The third answer to the same question still reads as none: not asked a fourth
            # time; noted as not known (no contact, for the contact questions) and said so.
            if tracker.latest_action_name != "action_listen":
                dispatcher.utter_message(text=PASSED_OVER[str(requested)])
            told += [SlotSet(name, value) for name, value in not_known(str(requested)).items()]
        if not told:
            return events
        return await self._then_next_question(dispatcher, tracker, domain, events, told)

    async def _passed_over(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
        requested: str,
    ) -> list[EventType]:
        """The question is not asked a fourth time (never a loop): noted as not known, said
        so, and the next question."""
        if tracker.latest_action_name != "action_listen":
            dispatcher.utter_message(text=PASSED_OVER[requested])
        skipped: list[EventType] = [
            SlotSet(name, value) for name, value in not_known(requested).items()
        ]
        tracker.add_slots(skipped)
        next_slot = await self.next_requested_slot(dispatcher, tracker, domain)
        return [*skipped, next_slot] if next_slot else skipped

    async def _then_next_question(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
        events: list[EventType],
        told: list[EventType],
    ) -> list[EventType]:
        """The validation's events with what the answer also told, and the next question
        chosen after that: the SDK chose it before, so "Nog een idee, we zijn met de
        bewonerscommissie" at the stage question would still ask who is behind it."""
        tracker.add_slots(told)
        next_slot = await self.next_requested_slot(dispatcher, tracker, domain)
        if next_slot is None:
            # Rasa's form chooses the next question itself, from every slot set this turn.
            return [*events, *told]
        chosen = [
            e for e in events if e.get("event") == "slot" and e.get("name") == "requested_slot"
        ]
        return [*(e for e in events if e not in chosen), *told, next_slot]

    def _told_with_the_goal(self, tracker: Tracker, events: list[EventType]) -> list[EventType]:
        """What the answer to the goal question also tells (a wijk, a need, a stage, who is
        behind it), kept so that it is not asked again; only for slots still empty."""
        given = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
        if not given.get("goal"):
            return []
        values = prefill_from_message(tracker)
        values.pop("goal", None)
        values.pop("goal_hint", None)
        text = typed_text(tracker)
        events = [
            SlotSet(name, value)
            for name, value in values.items()
            if name not in given and not tracker.get_slot(name)
        ]
        if tracker.get_slot("stage") == "lopend" and (grows(text) or _GROWING_NOW.search(text)):
            events.append(SlotSet("stage", "opschalen"))  # "… en graag wat groter wordt"
        return events

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("callback"):
            # A call-back needs only what it is about and how to reach the inwoner.
            return ["goal", "contact"]
        if tracker.get_slot("contact_wanted") is not True:
            return [s for s in domain_slots if s != "contact"]
        return list(domain_slots)

    # -- custom extraction: answers in words, read as an answer to the open question ------

    def _answer_text(self, tracker: Tracker, slot: str) -> str:
        if tracker.get_slot("requested_slot") != slot:
            return ""
        text = typed_text(tracker)
        if asks_meaning(text):
            # "Wat bedoelt u met opschalen?" names an option, and chooses none; what the other
            # sentences say still answers ("Wat is dat? Ik ben alleen."), unless they only say
            # where it was seen ("Ik zag op jullie site iets over …").
            return told_beside_question(text)
        intent = latest_intent(tracker)
        # (a person heard where no word asks for one, "gwn ik met me boys", is an answer)
        way_out = intent in _WAY_OUT and not (
            intent == "request_human" and not HUMAN_WORDS.search(text)
        )
        leaves = intent in INTERRUPTIONS and (way_out or asks(text))
        if (
            leaves
            and slot == "needs"
            and not way_out
            and _ASKS_LEAVE.search(text)
            and not asked_topics(text)
        ):
            # "Vooral toestemming: mogen wij zelf de tegels eruit halen?" at the needs question:
            # asking for leave is the help they need (a permit), whatever else it asks.
            return text
        if leaves and not yes_to_contact(tracker, text):
            return ""
        if acknowledges(text):
            # "ok", "helder", "👍" only say "heard it": no answer, not even "not known"
            # (actions/interpret.py replies and the question is asked again).
            return ""
        # Read first as an answer to the open question: "En hulp met de regels, want er moet
        # iets met een vergunning" is an answer, whatever the classifier heard in it.
        return text

    def _extract(self, tracker: Tracker, slot: str) -> dict[str, Any]:
        text = self._answer_text(tracker, slot)
        if not text:
            return {}
        if slot in ("stage", "organisation", "wijk"):
            added = needs_added(text, tracker, _previous_value(tracker, "needs"))
            if added:
                # "O wacht, we zoeken ook vrijwilligers" at the stage question: kept with the
                # needs (said by `validate_needs`), and this question is asked again unless the
                # message says its answer plainly too.
                told = value_told(slot, text, tracker)
                return {"needs": added, **({slot: told} if told else {})}
        values = answer_to(slot, text, tracker)
        if (
            slot in ("needs", "stage", "wijk")
            and values.get(slot)
            and not _previous_value(tracker, "organisation")
            and residents_in_passing(text)
        ):
            # "nog niks, is een idee van mij en mn vrienden" answers how far, and who.
            values["organisation"] = "bewoner"
        if (
            slot in ("stage", "organisation", "wijk")
            and entity_values(tracker, slot)
            and not (values.get(slot) and (NEGATED.search(text) or correction_start(text)))
            and values.get(slot) != "sociale-onderneming"
            and not (slot == "organisation" and in_own_name(text))
            and not (slot == "stage" and values.get(slot) not in (None, UNKNOWN))
        ):
            # The entity (from the domain's mapping) wins over the text reading, except when
            # the text takes a word back ("geen stichting, gewoon bewoners") or corrects
            # itself ("een stichting, o wacht, gewoon buren") or says it acts in its own name
            # ("als particulier, mijn bedrijf is verkocht"): then the reading of the answer
            # counts. So does a stage the whole answer says: a tagged word is one word of it
            # ("we beginnen volgende maand" is being set up, not an idea, whatever "beginnen"
            # was tagged as).
            values.pop(slot, None)
            return values
        if values or asked_topics(text):
            return values
        asked = times_asked(tracker, slot)
        if asked <= _STILL_TELLING:
            elsewhere = told_for_other_questions(slot, text, tracker)
            if elsewhere:
                return elsewhere  # kept; the question is asked again
        if asked >= ANSWERS_BEFORE_UNKNOWN:
            # Still not clear: note it as not known rather than ask again; the team asks it
            # when they call.
            noted = tracker.get_slot("needs_hint") or []
            values = {slot: list(noted) if slot == "needs" else UNKNOWN}
        return values

    async def extract_goal(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A story at the goal question that the classifier took for another service ("ik wil
        met vriendinnen elke maand afval prikken in buitenhof"): the domain's mapping skips
        it, so it is offered here; `validate_goal` judges it as any answer."""
        text = typed_text(tracker)
        if (
            tracker.get_slot("requested_slot") != "goal"
            or latest_intent(tracker) != "out_of_scope"
            or not text
            or asks(text)
            or (another_service(text, tracker) and own_matter(text, tracker))
        ):
            return {}
        return {"goal": text}

    async def extract_needs(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._extract(tracker, "needs")

    async def extract_stage(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._extract(tracker, "stage")

    async def extract_organisation(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._extract(tracker, "organisation")

    async def extract_wijk(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._extract(tracker, "wijk")

    async def extract_contact_wanted(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Contact details, "weet ik niet" or a yes in words at the contact question: "ja,
        Noor Bakker, noor@example.nl" and a bare e-mail address answer both questions."""
        if tracker.get_slot("requested_slot") != "contact_wanted":
            return {}
        values = answer_to("contact_wanted", typed_text(tracker), tracker)
        if "contact" not in values:
            # A time or a name said with the yes is kept by `validate_contact_wanted` (a slot
            # outside the form's questions set here would be dropped by the SDK's validation).
            for key in ("contact_time", "contact_name"):
                values.pop(key, None)
        return values

    # -- validation --------------------------------------------------------------------------

    def validate_goal(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "").strip()
        if (
            tracker.get_slot("requested_slot") != "goal"
            and (previous := _previous_value(tracker, "goal"))
            and text == goal_corrected(typed_text(tracker), str(previous))
        ):
            # corrected at another question: the changed line, and that question again
            lines = summary_lines(
                {**intake_slots(tracker), "goal": text}, knowledge.catalogue(tracker)
            )
            dispatcher.utter_message(text=changed_text([lines["goal"]]))
            return {"goal": text}
        if remarks_told_already(text):
            # "Dat heb ik toch net al uitgelegd?": what the earlier messages told, or asked again.
            told = goal_told_before(tracker)
            if told:
                return told
            dispatcher.utter_message(text=ASK_MORE)
            return {"goal": None}
        said = as_corrected(text)
        if (
            said != text
            and answers_the_goal(said, tracker)
            and len(text.split()) <= _REMARK_WORDS * 2
            and not takes_back_a_wijk(text, wijken_named(text, knowledge.catalogue(tracker)))
        ):
            # "Een rommelmarkt. Nee wacht, een ruilmiddag": what it ends with is the goal; a
            # story that corrects its wijk on the way stays whole.
            text = said
        hint = tracker.get_slot("goal_hint")
        if tells_only_a_problem(text) and times_asked(tracker, "goal") <= ANSWERS_BEFORE_UNKNOWN:
            # "In onze flat spreken de ouderen bijna nooit iemand": what is wrong, not yet what
            # they want to do; kept, and the goal question asks that (once).
            dispatcher.utter_message(text=PROBLEM_HEARD)
            return {"goal": None, "goal_hint": with_problem(hint, text)}
        if (
            only_a_placeholder(text)
            and not hint
            and times_asked(tracker, "goal") <= ANSWERS_BEFORE_UNKNOWN
        ):
            # "ik heb een idee voor de jongeren in mijn wijk": that there is one, not yet what;
            # kept, and the question asks what it is (once, `ActionAskGoal`).
            return {"goal": None, "goal_hint": text[:MAX_GOAL_CHARS]}
        if hint:
            # The first message named it ("buurtbarbecue"): the answer is kept with it, and a
            # second unclear answer leaves the keyword as the goal.
            goal = goal_with_hint(str(hint), text, tracker)
            if goal is None and times_asked(tracker, "goal") > ANSWERS_BEFORE_UNKNOWN:
                goal = str(hint)[:MAX_GOAL_CHARS]
            if goal:
                return {"goal": goal, "goal_hint": None}
        catalogue = knowledge.catalogue(tracker)
        if wijken_named(text, catalogue) and not tells_what_it_is(without_wijken(text, catalogue)):
            # "is in wippolder" after "ik heb een vraag over een buurtbbq": where, not what; the
            # goal is what they named before it with the place (the wijk is read as its answer).
            named = _named_before(tracker)
            if named:
                return {"goal": f"{named} ({text})"[:MAX_GOAL_CHARS]}
            dispatcher.utter_message(text=ASK_MORE)
            return {"goal": None}
        # "Eten uitdelen." or "buurtfeest" answers "Waar gaat uw initiatief over?"; "ja" or
        # "hoi" does not. After one "Kunt u iets meer vertellen?", a word that names something
        # ("breiclub", "bingo") stands: asking a third time reads as not listening.
        second_answer = (
            times_asked(tracker, "goal") > ANSWERS_BEFORE_UNKNOWN
            and names_something(text)
            and not (YES.match(text) or NO.match(text) or says_unknown(text) or asks(text))
        )
        if not (answers_the_goal(text, tracker) or second_answer):
            dispatcher.utter_message(text=ASK_MORE)
            return {"goal": None}
        return {"goal": with_story_told(text, tracker), **told_in_the_stories(tracker)}

    def validate_needs(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == []:
            return {"needs": []}  # "weet ik niet": no need named, and not asked again
        needs = normalise_needs(value, knowledge.catalogue(tracker), knowledge.analyser(tracker))
        text = typed_text(tracker)
        requested = tracker.get_slot("requested_slot")
        if text and requested in ("stage", "organisation", "wijk"):
            previous = _previous_value(tracker, "needs") or []
            added = needs_added(text, tracker, previous)
            if added:
                catalogue = knowledge.catalogue(tracker)
                labels = "; ".join(need_label(catalogue, n) for n in added if n not in previous)
                dispatcher.utter_message(text=f"Dank u, ik heb erbij gezet: {labels}.")
                return {"needs": added}
        if text and requested != "needs":
            # A need tagged in a message that answers something else (the first story: "ons
            # pand wordt gesloopt"): the same judgement as for the first message, so a need
            # named in passing is noted and the needs question still asks what else.
            previous = _previous_value(tracker, "needs")
            candidate = tracker.slots.get("needs")
            tracker.slots["needs"] = previous  # judge the message as if not yet applied
            try:
                told = prefill_from_message(tracker)
            finally:
                tracker.slots["needs"] = candidate
            if told.get("needs"):
                return {"needs": told["needs"]}
            # Only a tagged need the words of the message do not take back: not what it has
            # ("geld hebben we genoeg"), nor a word in another sense ("onze fondsen vragen om
            # cijfers"); a place named in passing is still noted.
            said = needs_from_message(tracker, text)
            kept = [need for need in needs if need in said]
            hint = list(dict.fromkeys([*(tracker.get_slot("needs_hint") or []), *kept]))
            return {"needs": previous, "needs_hint": hint or None}
        if text and tracker.get_slot("requested_slot") == "needs":
            # A tagged word is one need; the words of the answer may name more ("leerwerkplekken
            # en de gemeente als klant"). A value no word of this answer gave (Rasa keeps an
            # earlier one as the candidate) is no answer.
            read = answer_to("needs", text, tracker).get("needs") or []
            tagged = needs if entity_values(tracker, "need") else []
            since = correction_start(text)
            if since and not corrects_who(text):
                # "Geld om te beginnen. Nee wacht, een ruimte": only what is tagged after
                # the correction counts.
                tagged = normalise_needs(
                    entity_values(tracker, "need", since),
                    knowledge.catalogue(tracker),
                    knowledge.analyser(tracker),
                )
            needs = list(dict.fromkeys([*read, *tagged]))
            if (
                not needs
                and _CORRECTING.search(text)
                and wijken_named(text, knowledge.catalogue(tracker))
            ):
                # "O wacht, het is in Tanthof, niet Voorhof": a correction of the wijk, no
                # answer to this question, which is asked again.
                return {"needs": None}
        if not needs:
            dispatcher.utter_message(
                text="Dat heb ik niet goed begrepen. Kies een van de knoppen, of zeg het anders."
            )
            return {"needs": None}
        return {"needs": needs}

    def _validate_choice(
        self,
        slot: str,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        not_understood: str,
    ) -> dict[str, Any]:
        """A catalogue ID (or 'not known') for `slot`; otherwise empty, with a word to the
        inwoner only when they were answering this question (a word tagged elsewhere in a
        story that does not fit is simply not used)."""
        if value == UNKNOWN:
            return {slot: UNKNOWN}
        # The question open when the inwoner answered: a rule that stopped the form this turn
        # (a turn taken for "start again", read again as an answer) has cleared it.
        requested = tracker.get_slot("requested_slot") or _previous_value(tracker, "requested_slot")
        text = typed_text(tracker)
        if requested == slot and asks_meaning(text):
            # "Wat bedoelt u met opschalen?": no choice, whatever was tagged; "Wat is dat? Ik
            # ben alleen.": what the other sentences say, not a tagged word of the question.
            told = told_beside_question(text)
            return {slot: answer_to(slot, told, tracker).get(slot) if told else None}
        if (
            requested == slot
            and text
            and needs_added(text, tracker, _previous_value(tracker, "needs"))
            and not value_told(slot, text, tracker)
        ):
            # "O wacht, we zoeken ook vrijwilligers": the needs get it (`validate_needs`); no
            # answer to this question, whatever word of it was tagged, so it is asked again.
            return {slot: None}
        if requested == slot and correction_start(text):
            # "Binnenstad, of eigenlijk door heel Delft": an answer that corrects itself is
            # read from its correction on, whatever word of it was tagged.
            read = answer_to(slot, text, tracker).get(slot)
            if read:
                return {slot: read}
        if (
            slot == "wijk"
            and requested == "needs"
            and not _CORRECTING.search(text)
            and answer_to("needs", text, tracker).get("needs")
        ):
            # "Een pand in Tanthof" at the needs question changes no wijk told before; with
            # none told, the place they look for is where it happens ("een rustige ruimte, bij
            # voorkeur in de Binnenstad"), so the wijk question is not asked.
            previous = _previous_value(tracker, "wijk")
            if previous:
                return {slot: previous}
            return {slot: wijk_meant(text, knowledge.catalogue(tracker))}
        if slot == "wijk" and text and wijken_named(text, knowledge.catalogue(tracker)):
            # "Het is in Tanthof, niet Voorhof": the tagger may take either name; the words
            # say which one is meant.
            meant = wijk_meant(text, knowledge.catalogue(tracker), _previous_value(tracker, "wijk"))
            return {slot: meant or _previous_value(tracker, "wijk")}
        if (
            slot == "organisation"
            and requested != slot
            and _previous_value(tracker, slot)
            and restates_form(tracker, text)
        ):
            # "Wij zijn een sociale onderneming" after a story of "onze webshop": said plainly.
            told = value_told(slot, text, tracker)
            if told and told != UNKNOWN:
                return {slot: told}
        if (
            slot == "organisation"
            and requested in ("needs", "stage", "wijk")
            and value == "bewoner"
            and residents_in_passing(text)
        ):
            return {slot: value}  # "een idee van mij en mn vrienden", told at another question
        if (
            requested != slot
            and corrects_an_earlier_answer(slot, text)
            and (slot == "stage" or _previous_value(tracker, slot))
        ):
            # At another question: "o wacht, over dat het een idee is: eigenlijk zijn we al
            # begonnen" corrects how far it is; "ik zei net stichting, maar dat klopt niet:
            # gewoon ik en twee vrienden" who is behind it.
            told = value_told(slot, text, tracker)
            if told and told != UNKNOWN:
                return {slot: told}
        if slot in ("stage", "organisation") and requested != slot and len(text.split()) >= 6:
            # A word tagged in a story ("kinderen groeien", "bestaat al 30 jaar" before "we
            # willen een restaurant beginnen"): the reading of the whole story stands.
            ids = getattr(knowledge.catalogue(tracker), f"{slot}s")
            known = _value_in(_split_at_last_message(tracker)[0], slot, lambda v: v in ids)
            if known or _previous_value(tracker, slot) == UNKNOWN:
                return {slot: known or UNKNOWN}
            candidate = tracker.slots.get(slot)
            tracker.slots[slot] = None  # judge the story as if the tagged word were not applied
            try:
                return {slot: prefill_from_message(tracker).get(slot)}
            finally:
                tracker.slots[slot] = candidate
        normalise = {
            "stage": normalise_stage,
            "organisation": normalise_organisation,
            "wijk": normalise_wijk,
        }[slot]
        found = normalise(value, knowledge.catalogue(tracker), knowledge.analyser(tracker))
        if found:
            return {slot: found}
        if tracker.get_slot("requested_slot") == slot:
            # A word the tagger took for the answer did not fit ("Idee-fase"): read the whole
            # answer; still unclear, it is not known.
            text = typed_text(tracker)
            read = answer_to(slot, text, tracker).get(slot) if text else None
            if read:
                return {slot: read}
            if times_asked(tracker, slot) >= ANSWERS_BEFORE_UNKNOWN:
                return {slot: UNKNOWN}
            dispatcher.utter_message(text=not_understood)
            return {slot: None}
        # A word tagged elsewhere in a story: keep what the story already gave.
        return {slot: last_valid(tracker, slot, normalise)}

    def validate_stage(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate_choice(
            "stage",
            value,
            dispatcher,
            tracker,
            "Dat heb ik niet goed begrepen. Kies een van de knoppen.",
        )

    def validate_organisation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate_choice(
            "organisation",
            value,
            dispatcher,
            tracker,
            "Dat heb ik niet goed begrepen. Kies een van de knoppen.",
        )

    def validate_wijk(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate_choice(
            "wijk",
            value,
            dispatcher,
            tracker,
            "Die wijk ken ik niet. Kies een wijk hieronder, of 'De hele stad'.",
        )

    def validate_contact_wanted(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is False:
            return not_known("contact_wanted")
        text = typed_text(tracker)
        kept: dict[str, Any] = {}
        if value and text and tracker.get_slot("requested_slot") == "contact_wanted":
            # "Ja, bel maar. Liefst na 17 uur": the time to call (and a name) said with the
            # yes is kept for the contact question.
            kept = {
                key: found
                for key, found in _said_with_the_yes(text).items()
                if not _previous_value(tracker, key)
            }
        return {"contact_wanted": bool(value), **kept}

    def validate_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        details = parse_contact(str(value or ""))
        text = typed_text(tracker)
        whole = parse_contact(text) if not details.reachable and text and text != value else None
        if whole and whole.reachable:
            # A word of the message was taken for the contact slot ("J. de Boer, secretaris"
            # under a letter that gives the address above it): the whole message has it.
            value, details = text, whole
        if not details.reachable:
            # A name or a time to call, with the address or number still to come: kept, so the
            # next answer ("petra@example.nl") adds to it instead of replacing it.
            kept = {
                key: given
                for key, given in (
                    ("contact_name", details.name),
                    ("contact_time", details.preferred_time),
                )
                if given
            }
            # The form asks again (action_ask_contact); this says why, and the way out.
            noted = "Dank u, dat heb ik genoteerd. " if kept else ""
            dispatcher.utter_message(
                text=(
                    f"{noted}Ik zie nog geen e-mailadres of telefoonnummer. Wilt u toch geen "
                    "contact? Zeg dan 'nee'."
                )
            )
            return {"contact": None, **kept}
        values = changed_contact(str(value), tracker)
        values.pop("contact_wanted", None)
        return values


class ActionStartChange(Action):
    """Clears the answer the inwoner wants to change, so the form asks it again."""

    def name(self) -> str:
        return "action_start_change"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        from actions.review import changed_lines, corrections

        changes = corrections(tracker) if typed_text(tracker) else {}
        lines = changed_lines(tracker, changes) if changes else []
        if lines:
            # "Het telefoonnummer klopt niet, het is 06-…": the new value is in the message, so
            # it is applied (the form then finds every answer and shows the summary).
            dispatcher.utter_message(text=changed_text(lines))
            return [SlotSet(k, v) for k, v in changes.items()]
        field = first_normalised(tracker, "field", field_slot) or field_slot(typed_text(tracker))
        if field is None:
            dispatcher.utter_message(response="utter_ask_what_to_change")
            return []
        if field == "contact":
            return [SlotSet(name, None) for name in ("contact_wanted", *CONTACT_SLOTS)]
        return [SlotSet(field, None)]


class ActionAskNeeds(Action):
    """The needs question; after a story that named one need: "Ik noteer al: … Zoekt u nog
    andere hulp?" with the same buttons."""

    def name(self) -> str:
        return "action_ask_needs"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        noted = tracker.get_slot("needs_hint") or []
        if not noted:
            dispatcher.utter_message(response="utter_ask_needs")
            return []
        catalogue = knowledge.catalogue(tracker)
        labels = "; ".join(need_label(catalogue, need) for need in noted)
        responses = (domain.get("responses") or {}).get("utter_ask_needs") or [{}]
        dispatcher.utter_message(
            text=(
                f"Ik noteer al: {labels}. Zoekt u nog andere hulp? Kies of typ het, of zeg "
                "'nee, dat is alles'."
            ),
            buttons=responses[0].get("buttons") or [],
        )
        return []


class ActionAskStage(Action):
    """The stage question; after a story that only wished to begin something: "Ik lees dat
    het nu nog een idee is. Klopt dat? Of bent u al begonnen?" with the same buttons."""

    def name(self) -> str:
        return "action_ask_stage"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        hinted = tracker.get_slot("stage_hint")
        if hinted != "idee" or times_asked(tracker, "stage"):
            # Asked once already ("nee" to the check): the plain question.
            dispatcher.utter_message(response="utter_ask_stage")
            return []
        responses = (domain.get("responses") or {}).get("utter_ask_stage") or [{}]
        dispatcher.utter_message(
            text="Ik lees dat het nu nog een idee is. Klopt dat? Of bent u al begonnen?",
            buttons=responses[0].get("buttons") or [],
        )
        return []


class ActionAskWijk(Action):
    """The wijk question, with the wijken of the conversation's municipality as buttons."""

    def name(self) -> str:
        return "action_ask_wijk"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text, buttons = wijk_question(knowledge.catalogue(tracker))
        dispatcher.utter_message(text=text, buttons=buttons)
        return []


class ActionAskContact(Action):
    """The contact question; when the name is given but no address or number yet, it asks only
    for those."""

    def name(self) -> str:
        return "action_ask_contact"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("contact_name"):
            dispatcher.utter_message(
                text="Op welk e-mailadres of telefoonnummer kunnen we u bereiken?"
            )
        else:
            dispatcher.utter_message(response="utter_ask_contact")
        return []


class ActionAskGoal(Action):
    """The goal question. Before anything is known it is the question about the initiative
    ("Waar gaat uw initiatief over?"), asked by the form so that the answer, in whatever
    words ("Eten uitdelen."), is read as the goal; after a story that did not say what the
    initiative wants, it asks that."""

    def name(self) -> str:
        return "action_ask_goal"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        hint = tracker.get_slot("goal_hint")
        if hint and only_a_placeholder(str(hint)):
            # "Wij hebben een idee voor het park": what the idea is.
            dispatcher.utter_message(text=ASK_WHAT_IT_IS)
            return []
        told = any(tracker.get_slot(name) for name in (*INTAKE_SLOTS, "needs_hint", "goal_hint"))
        dispatcher.utter_message(response="utter_ask_goal" if told else "utter_ask_initiative")
        return []
