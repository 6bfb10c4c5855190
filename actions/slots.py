"""Pure helpers that turn what the inwoner typed into catalogue IDs and an Intake.

No Rasa, no I/O: each function takes the catalogue and, where it needs one, the text
analysis as arguments, so the unit tests call them directly.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from actions.calltime import HOURS, as_said, time_spans
from actions.wordpatterns import NEGATIONS, QUESTION_WORDS, as_corrected, sentences, words
from routing import Analysis, Catalogue, Intake
from routing.models import MAX_TEXT_LENGTH
from routing.text import fold, function_words

Analyse = Callable[[str], Analysis]

INTAKE_SLOTS = ("goal", "needs", "stage", "organisation", "wijk", "contact_wanted", "contact")
CONTACT_SLOTS = ("contact", "contact_name", "contact_email", "contact_phone", "contact_time")
# The slot value for "not one wijk": the whole city, or the inwoner does not know yet.
WHOLE_CITY = "hele stad"
_WHOLE_CITY_WORDS = (
    "hele stad",
    "hele gemeente",
    "overal",
    "geen specifieke wijk",
    "geen wijk",
    "niet aan een wijk",
    "meerdere wijken",
    "alle wijken",
    "door de hele",
    "stadsbreed",
)
# The slot value of an answer the inwoner does not know or does not mind ("weet ik niet",
# "maakt niet uit", "nog niet"): the question counts as answered and is not asked again; the
# case gets no value for it. For the needs the value is an empty list.
UNKNOWN = "onbekend"
_UNKNOWN = words(
    r"weet\s+(ik\s+)?(het\s+|dat\s+|dit\s+)?(eigenlijk\s+|echt\s+|ook\s+|nou\s+|zo\s+|dus\s+)?(nog\s+)?(niet|nie)|"
    r"weet\s+niet|geen\s+(flauw\s+)?(idee|benul|"
    r"voorkeur)|maakt\s+(het\s+)?(me|mij|ons)?\s*(niet|niks|geen\s+bal)\s+(zoveel\s+|veel\s+)?uit|"
    r"nog\s+niet\s+(bekend|duidelijk|zeker)|nog\s+onbekend|onbekend|geen\s+idee|idk|"
    r"moeten\s+we\s+nog\s+(bekijken|zien|uitzoeken)|nog\s+geen\s+idee|n\.?v\.?t\.?|weetniet|"
    r"wee\s+ik\s+nie|boeit\s+niet|om\s+het\s+even|"
    # (not how well: "Mijn Nederlands is nog niet zo goed")
    r"nog\s+niet(?!\s+(zo|goed|erg|veel|lang|echt|heel)\b)|"
    r"weten\s+(we|wij)\s+(nog\s+|eigenlijk\s+|echt\s+|ook\s+)?(niet|nie)|"
    # not saying it now ("dat zeg ik later wel", "vertel ik liever niet"): not known here
    r"(zeg|vertel|noem)\s+ik\s+(\w+\s+)?(later|straks|liever\s+niet|niet)|"
    r"hoeft\s+(u|je|jij|jullie)\s+niet\s+te\s+weten"
)
# Negation that takes the words after it back ("geen stichting", "geld hebben we niet nodig").
_NEGATION = words(
    rf"{NEGATIONS}|hoeft|hoeven|behalve|niks|niets|hebben\s+(we|wij)\s+(zelf|al)|"
    r"is\s+(al\s+)?geregeld|regelen\s+(we|wij)\s+zelf|al\s+geregeld|"
    r"(kunnen|kan|doen|regel|regelen)\s+(we|wij|ik)\s+(\w+\s+)?zelf"
)
# Where what a negation takes back ends: punctuation, a contrast ("maar", "wel"), a clause
# that asks whether ("advies of we niet beter een bv kunnen worden": the advice is wanted), or
# a new clause joined by "en", "want", "omdat", "dus" ("we hebben een vergunning nodig en
# weten niet waar we moeten beginnen": the "niet" is about knowing, not about the permit).
# "Zonder" and a clause of purpose or circumstance ("zodat", "waardoor", "terwijl") take back
# only what follows them: "advies hoe hij kan starten zonder dat hij zijn uitkering kwijtraakt"
# asks for advice, "een ruimte zodat we niet meer thuis hoeven te werken" for a space.
_CLAUSE_BREAK = re.compile(
    r"[.,;:!?\n]+|\b(?:maar|wel|alleen(?!\s+(?:nog\s+)?geen\b)|vooral|wat\s+we\s+wel)\b|"
    r"(?=\b(?:zonder|zodat|waardoor|terwijl)\b)|"
    r"(?=\bof\s+(?:we|wij|ik|het|je|ze|zij|dat|dit|er)\b)|"
    # a relative clause says who it is for, its negation takes back nothing before it ("geld
    # voor de mensen die niks kunnen betalen" asks money); "geld, die hebben we niet" is no
    # relative clause (a pronoun follows)
    r"(?<=\w)\s+(?=(?:die|wie)\s+(?!(?:\w+\s+)?(?:we|wij|ik|je|u|ze|zij|hij)\b))|"
    # a reason always opens a new clause ("geld voor de soep, want die mensen zitten niet op
    # insta"); "en" does when a subject or a "dat" clause follows ("en dat de buurt het weet")
    r"\b(?:want|omdat|aangezien)\b|"
    r"\b(?:en|dus)\s+(?=(?:ik|we|wij|ze|zij|hij|het|er|weet|weten|heb|hebben|hebt|"
    r"ben|zijn|is|wil|willen|zoek|zoeken|moet|moeten|kan|kunnen|ga|gaan|doe|doen|dat|die)\b)",
    re.IGNORECASE,
)
# Nobody who helps ("niemand die ons helpt met opbouwen"): a lack (`_LACK`), of volunteers.
_NOBODY_HELPS = r"niemand\s+die\s+(ons\s+|me\s+|mij\s+)?(\w+\s+)?(helpt|helpen|meehelpt|meedoet)"
# Not having something is needing it ("ik heb geen ruimte", "er is nog geen plek"), unless
# it is not needed ("we hebben geen geld nodig").
_LACK = words(
    r"(ik|we|wij|ze|zij|hij)\s+(heb|hebben|hebbe|hebbn|hebt|heeft)\s+((nog|helemaal|echt|ook|maar|"
    r"alleen|zelf|dus|eigenlijk|gewoon|nu|momenteel)\s+){0,2}geen|"
    r"(heb|hebben)\s+(ik|we|wij)\s+((nog|helemaal|echt|ook|maar|alleen|zelf|dus|eigenlijk|gewoon|nu|"
    r"momenteel)\s+){0,2}geen|"
    r"er\s+(is|zijn)\s+(nog\s+|helemaal\s+|echt\s+)?geen|"
    # having nothing at all ("eerlijk gezegd hebben we niks: geen plek, geen geld")
    r"((ik|we|wij)\s+(heb|hebben)|(heb|hebben)\s+(ik|we|wij))\s+((eigenlijk|helemaal|echt|nog|nu|"
    r"gewoon)\s+){0,2}(niks|niets|nog\s+niks|nog\s+niets)(?!\s+(nodig|meer\s+nodig|van|met|aan|"
    r"gedaan|gekocht|geregeld))\b|"
    # "daar is geen geld voor"
    r"(daar|hier)\s+(is|zijn)\s+(nog\s+|helemaal\s+|echt\s+|ook\s+)?geen|"
    # the thing first ("Geld heb ik ook niet."; not "dat heb ik niet", which points back)
    r"(?<!\bdat\s)(?<!\bdie\s)(?<!\bdit\s)(?<!\bhet\s)(heb|hebben)\s+(ik|we|wij)\s+(ook\s+|nog\s+|helemaal\s+)?(niet|nie)(?=\s*([.,;!?]|$))|"
    # what was just named, lacked ("Onze fondsen willen harde cijfers …, en die hebben we niet")
    r"(en|maar)\s+die\s+(heb|hebben)\s+(ik|we|wij)\s+(nog\s+|helemaal\s+|ook\s+)?(niet|nie)(?=\s*([.,;!?]|$))|"
    # not enough of it ("we hebben niet genoeg geld", "onvoldoende vrijwilligers")
    r"(niet|nie)\s+(genoeg|voldoende)|onvoldoende|"
    # too few of it ("wij hebben te weinig mensen om koffie te schenken")
    r"(heb|hebben|hebt|heeft|is|zijn|er)\s+(\w+\s+){0,2}te\s+weinig\b|"
    # too small ("mijn garage is te klein")
    r"(is|zijn|wordt|worden)\s+(\w+\s+)?(te\s+klein|niet\s+groot)|"
    # not managing to find or fill it ("we vinden geen vrijwilligers", "ik krijg de plekken
    # niet gevuld", "het lukt niet om een ruimte te vinden")
    r"(vind|vinden|vond|vonden)\s+((we|wij|ik|ze|zij|er)\s+)?(nog\s+|maar\s+|echt\s+)?geen|"
    r"(krijg|krijgen|kreeg|kregen)\s+(\w+\s+){0,3}(niet|nie)\s+(gevuld|vol|rond|bij\s+elkaar)|"
    r"(kan|kunnen|kon|konden)\s+(\w+\s+){0,3}(geen|niet|nie)\s+(\w+\s+){0,3}(vinden|krijgen|"
    r"vullen)|lukt\s+(\w+\s+)?(niet|nie)\s+om|"
    # "dat lukt ons niet goed": not managing it
    r"lukt\s+(ons|me|mij|het)\s+(nog\s+|ook\s+)*(niet|nie)(\s+(goed|echt|zo\s+goed|helemaal))?(?=\s*([.,;!?]|$))|"
    # not able to work it out ("de bank wil een ondernemingsplan zien en daar komt ze niet uit",
    # "we komen niet verder met de regels")
    r"(kom|komt|komen|kwam|kwamen)\s+(\w+\s+){0,2}(niet|nie)\s+uit(?=\s*([.,;!?]|$))|"
    r"(kom|komt|komen|kwam|kwamen)\s+(\w+\s+){0,2}(niet|nie)\s+verder\b|"
    rf"{_NOBODY_HELPS}|"
    # no longer welcome where it was ("per september kunnen we niet meer in het lokaal terecht")
    # (the place itself stays, to be read)
    r"(kan|kunnen|kon|konden|mag|mogen|mocht|mochten)\s+(\w+\s+){0,4}(niet|nie)\s+meer"
    r"(?=\s+(\w+\s+){0,5}terecht)"
)


# A need said to be missing or to come on top ("er mist nog iets", "vergeet niet", "ik wil ook
# graag in contact komen met …", "we zoeken trouwens ook vrijwilligers", "dat vergat ik te
# zeggen").
_ALSO_NEEDED = re.compile(
    r"\b(er\s+)?mist\s+(nog\s+)?(iets|wat)|\bvergeet\s+niet|\bvergeten\b|\bvergat\b|"
    r"\book\s+(\w+\s+){0,5}(nodig|zoeken|zoek|willen|graag)\b|\bnog\s+(\w+\s+){0,4}nodig\b|"
    r"\b(zoek|zoeken|willen|wil)\s+(\w+\s+){0,2}ook\b",
    re.IGNORECASE,
)


def adds_a_need(text: str) -> bool:
    """Whether a message says a need is missing or comes on top (a statement, no question)."""
    return bool(_ALSO_NEEDED.search(text or "")) and "?" not in (text or "")


# Too dear: what costs far more than before, or costs gone up ("een nieuwe bus kost het
# drievoudige", "de stookkosten van de zaal zijn enorm gestegen"). A lack of money; unlike
# `_LACK`, its words are what names the need, so they are not taken out. (Not "te duur": "voor
# veel ouders is een zwemles te duur" is whom it is for.)
_TOO_DEAR = words(
    r"kost\w*\s+(\w+\s+)?(het\s+)?(dubbele|drievoudige|driedubbele|een\s+vermogen)|"
    r"\w*(kosten|huur|prijzen|prijs|rekening)\s+(\w+\s+){0,4}(zijn|is)\s+(\w+\s+)?(gestegen|"
    r"omhooggegaan|omhoog\s+gegaan|verdubbeld)"
)


def lacks(text: str) -> bool:
    """Not having something, not enough of it, or not managing to find or fill it: the one
    spelling of a lack, for every reading that takes a lack as asking. Having nowhere to go
    ("we moeten ergens anders heen") is lacking a place, and what is too dear lacks money."""
    return bool(_LACK.search(text) or _NOWHERE_TO_GO.search(text) or _TOO_DEAR.search(text))


_NOT_NEEDED = words(r"nodig|behoefte|hoeft|hoeven")


def asks_by_lacking(text: str) -> bool:
    """A lack told as the problem ("we hebben geen plek", "geen trainer en geen geld"): it
    asks for what it lacks; not "we hebben geen geld nodig"."""
    return lacks(text) and not _NOT_NEEDED.search(text or "")


# More of what is lacked, after a lack: "… en (ook) (nog) geen vrijwilligers".
_MORE_LACKED = words(r"(en\s+|of\s+)?(ook\s+)?(nog\s+)?geen")
# "… of niet?", "… of geen?": asking whether, not taking back.
_WHETHER_OR_NOT = words(r"of\s+(niet|nie|geen|nee)(?=\s*([?!.,]|$))")
# What becomes of a place they have ("… maar die is te klein", "we moeten eruit"): it is still
# wanted.
_PLACE_LOST = (
    r"\b(te\s+klein|niet\s+groot|te\s+duur|gaat\s+dicht|gaan\s+dicht|eruit|opgezegd|gesloopt|"
    r"verkocht|kwijt|past\s+niet|te\s+krap)"
)
# A place they have ("we hebben al een ruimte beneden in de flat", "wij hebben een leegstaand
# verzorgingshuis"), unless the same sentence says they lose it or it does not do: no space
# wanted.
_HAS_A_PLACE = words(
    r"(ik|we|wij)\s+(heb|hebben)\s+((al|wel|gelukkig|inmiddels|zelf|nu)\s+){1,2}(een|de|het|ons|onze|"
    r"mijn)\s+(\w+\s+)?(ruimte|plek|locatie|pand|zaal|zaaltje|lokaal|gebouw|werkplaats|terrein|"
    rf"veld|tuin|keuken|loods|schuur|kantine)\b(?![^.!?]*{_PLACE_LOST})|"
    r"(heb|hebben|hebt|heeft)\s+(\w+\s+)?(een|ons|onze|mijn)\s+(leegstaand|leegstaande|leeg|lege|"
    rf"eigen)\s+\w+(?![^.!?]*{_PLACE_LOST})"
)
# Having enough of something, or having it, is not needing it ("geld hebben we genoeg",
# "we krijgen donaties genoeg", "een pand hebben we"); "niet genoeg" is a lack (read first).
_HAS_IT = words(
    # found already ("een pand hebben we al op het oog")
    r"(heb|hebben)\s+(ik|we|wij)\s+(al\s+|inmiddels\s+)?(\w+\s+){0,2}op\s+het\s+oog|"
    r"(heb|hebben|hebt|heeft|krijg|krijgen|krijgt)\s+(\w+\s+){0,3}(?<!niet\s)(?<!nie\s)"
    r"(genoeg|voldoende)|er\s+(is|zijn)\s+(\w+\s+)?(genoeg|voldoende)|"
    r"(is|zijn)\s+er\s+(\w+\s+)?(?<!niet\s)(genoeg|voldoende)|"
    # enough of it, said without a verb at the start ("Handjes genoeg hoor, we hebben er 60!")
    r"^\W*\w+\s+(meer\s+dan\s+)?genoeg\b|"
    # there already ("de werkplaats is er dus al")
    r"(is|zijn)\s+er\s+((dus|toch|gewoon|gelukkig|nu)\s+)*al(?=\s*([.,;:!]|$))|"
    r"(heb|hebben)\s+(ik|we|wij)(\s+(al|reeds|wel|zelf|gelukkig|eigenlijk|inmiddels|gewoon|nu))*"
    r"\s*(?=[.,;:!]|$)|(heb|hebben)\s+(ik|we|wij)\s+(gelukkig|inmiddels)|"
    # permission given already ("heb al toestemming van de beheerder", "de vergunning is binnen")
    r"(heb|hebben|hebt|heeft)\s+((ik|we|wij)\s+)?(al|inmiddels|gelukkig|nu)\s+(\w+\s+)?"
    r"(toestemming|vergunning|goedkeuring)|(toestemming|vergunning|goedkeuring)\s+(\w+\s+){0,4}"
    r"gekregen|"
    # money arranged already ("de financiering is rond via een fonds", "de lening is al
    # toegezegd")
    r"(financiering|geld|subsidie|budget|bekostiging|lening)\s+(is|zijn)\s+(al\s+|inmiddels\s+|nu\s+)?"
    r"(rond|geregeld|binnen|toegezegd)|"
    # where they have it from, said after a need not wanted ("Geld niet, dat hebben we van een
    # fonds.")
    r"(dat|die|dit|het)\s+(hebben|heb|krijgen|krijg|kregen|kreeg)\s+(we|wij|ik)\s+(al\s+|toch\s+|"
    r"gewoon\s+)?(van|via|uit|bij)\b|"
    # how it is paid now ("nu draaien we volledig op subsidie")
    r"(draaien|draait|drijven|drijft|leven|leeft|bestaan|bestaat)\s+((we|wij|het|ze)\s+)?(nu\s+)?"
    r"(\w+\s+)?op\s+(subsidie|subsidies|fondsen|giften|donaties)"
)
# Not knowing which, how or whether is asking for it ("we weten niet welke vergunningen nodig
# zijn", "geen idee hoe dat met de regels zit"): the words after it are wanted, "nodig" or not.
_NOT_KNOWING = words(
    r"(weet|weten|wist|wisten)\s+(ik\s+|we\s+|wij\s+|ze\s+|zij\s+|hij\s+)?(nog\s+|ook\s+|"
    r"eigenlijk\s+|echt\s+|gewoon\s+)?(niet|nie)\s+(goed\s+|precies\s+|zo\s+goed\s+)?|"
    r"(heb|hebben)\s+(ik\s+|we\s+|wij\s+)?(nog\s+|echt\s+)?geen\s+(flauw\s+)?(idee|benul)\s+|"
    r"geen\s+(flauw\s+)?(idee|benul)\s+|niet\s+zeker\s+"
)
# Not knowing which, whether or what ("weten niet of", "geen idee wat").
_ASKING_WORD = words(rf"{QUESTION_WORDS}|wat|of")
# Words for people without an organisation form ("gewoon buren", "ik en mijn buurvrouw").
_RESIDENTS = words(
    r"buren|burren|buuren|buurtbewoners?|bewoners?|bewoonsters?|buurvrouw(en)?|buurm(an|"
    r"annen)|vrienden|vriend(in|innen)?|vrouwen|mannen|moeders|vaders|ouders|gezinnen|"
    r"(gewoon|gwn)\s+(ik|hij|zij|wij|we|een\s+paar|met)|(ik|hij|zij|wij|we)\s+(alleen|zelf)|"
    r"alleen\s+(ik|wij|we)|(ik|hij|zij)\s+en\s+(mijn|mn|m'n|me|z'n|zijn|haar|twee|drie|een|de)|"
    r"particulier|privé|prive|als\s+(bewoner|inwoner|burger)|geen\s+(organisatie|club|"
    r"stichting)|met\s+z['’]?n\s+(tweeën|drieën|vieren|vijven|zessen|\w+en|allen)|inwoners?|"
    r"mensen\s+uit\s+de\s+(straat|buurt|wijk|flat|portiek|galerij)|groepje|een\s+stel\s+\w+|"
    r"^\W*(de\s+|onze\s+)?(buurt|straat|wijk)\W*$|(doe|doen)\s+(het|"
    r"dit)\s+(alleen|zelf|in\s+mijn\s+eentje)"
)
# People without an organisation, said plainly: "ik met twee moeders", "alleen ikzelf".
_ONLY_PEOPLE = re.compile(
    r"^\W*(gewoon\s+|alleen\s+)?(ik|wij|we|zij|hij)\s+(met|en)\b|\b(ikzelf|mijzelf|mezelf|"
    # family ("Gewoon mijn zoons. Met mij als moeder erachter", "mijn dochter en haar vriendin")
    r"^\W*(gewoon\s+|alleen\s+)?(mijn|m['’]?n|onze|ons)\s+(\w+\s+)?(zoon|zoons|zonen|dochter|"
    r"dochters|kinderen|kids|tweeling|gezin|familie|zus|zussen|broer|broers)\b"
    r"(?!\s+(heeft|hebben|heb|hun|haar|zijn|gaat|gaan|wil|willen|doet|doen|werkt|werken|zit|zitten|"
    r"op|van|bij|uit|in)\b)|"
    r"in\s+mijn\s+(eentje|uppie)|alleen\s+ik|gewoon\s+(ik|wij|we)\s+(met|en)|"
    r"gewoon\s+(ik|wij|we|buren|burren|bure|bewoners|een\s+(paar|"
    r"groep|stel)))\b|"
    # "geen stichting of zo, gewoon een bewoner"
    r"\bgewoon\s+(een\s+)?(bewoner|bewoonster|buurtbewoner|inwoner|burger|particulier|"
    r"buurvrouw|buurman)\b",
    re.IGNORECASE,
)
# Words that name an organisation form (read on the words that are not negated).
_FORM_WORDS = words(
    r"stichting|vereniging|co[öo]peratie|onderneming|zzp\w*|eenmanszaak|bedrijf|b\.?v\.?|"
    r"(onze|mijn|de)\s+school|welzijnsorganisatie|zorgorganisatie|kerk\w*|moskee"
)
_SOCIAL_ENTERPRISE = words(
    r"(sociale?|soc\.?)\s+onderneming|social\s+enterprise|"
    # a trade called social ("directeur van een sociale cateraar", "onze sociale bakkerij")
    r"sociale\s+(cateraar|catering|bakkerij|koffiebar|drukkerij|brouwerij|kapsalon|webshop|"
    r"fietsenmaker\w*|klussendienst|schoonmaakbedrijf|\w*bedrijf|\w*winkel|start-?up)\b|(bv|onderneming|"
    r"bedrijf)\s+met\s+(een\s+)?(sociaal|maatschappelijk)\w*\s+(doel|missie)|"
    # a business with a social mission that puts its profit back into it ("een bv, maar wel
    # met een sociale missie", "de winst gaat terug naar het project", "we steken onze winst
    # in de buurt"): the catalogue's social enterprise, whatever its legal form
    r"(sociale|maatschappelijke)\s+(missie|doelstelling)|winst\s+(\w+\s+){0,3}(terug|"
    # "de winst gaat naar de buurt", "deel van winst gaat naar de cursus" (not to the owners)
    r"gaat\s+naar\s+(de|het|een|onze|ons)\s+(\w*(buurt|wijk)\w*|goede\s+doel\w*|\w*project\w*|stichting|"
    r"cursus\w*|maatschappelijke\s+\w+|bewoners|kinderen|jongeren|vrouwen|ouderen|minima)|"
    r"geherinvesteerd|opnieuw\s+geïnvesteerd)|(investeren|steken|stoppen)\s+(\w+\s+){0,2}winst\s+"
    r"(\w+\s+){0,2}(terug\s+)?(in|naar)|"
    # "een stichting met een verdienmodel": the catalogue's words for a social enterprise
    r"(stichting|vereniging|co[öo]peratie)\s+met\s+(een\s+)?(eigen\s+)?verdienmodel|"
    # "alles wat we verdienen gaat terug in het café"
    r"wat\s+(we|wij)\s+verdienen\s+(gaat|steken|stoppen)\s+(\w+\s+){0,3}(terug|in)\b"
)
# No dividend, or the mission in the statutes (read on the whole text: "geen" is the point
# here, no negation that takes anything back).
_NO_DIVIDEND = words(
    r"geen\s+(\w+\s+)?dividend|missie\s+(\w+\s+){0,3}statuten|statuten\s+(\w+\s+){0,4}missie"
)
# Residents who say that is who they are ("wij zijn een paar buren uit …", "wij als bewoners
# van de flat") or who speak as a residents' body ("de bewonerscommissie", "ons buurtcomité").
# Unlike "met een paar buren willen we …", this tells who is behind the initiative.
_AS_RESIDENTS = words(
    # "wij (paar moeders) doen al een jaar …"
    r"(wij|we)\s*\(\s*(een\s+)?(paar|twee|drie|vier|vijf|\d+)?\s*(buren|bewoners|buurtbewoners|moeders|"
    r"vaders|ouders|vrienden|vriendinnen|vrouwen|mannen)(?=[^()]{0,40}\))|"
    r"(wij|we)\s+zijn\s+(\w+\s+){0,4}(buren|bewoners|buurtbewoners|buurtgenoten|straatgenoten|"
    r"flatbewoners|omwonenden|moeders|vaders|ouders|buurvrouwen|vriendinnen|vrienden|echtpaar)|"
    # "wij zijn een groepje jongeren uit Ruiven"
    r"(wij|we)\s+zijn\s+(een\s+)?(groepje|stel|paar|groep|band|bandje)\s+(\w+\s+){0,3}(jongeren|"
    r"vrienden|vriendinnen|tieners|meiden|meisjes|jongens|gasten|gozers|moeders|vaders|ouders|ouderen|"
    r"vrouwen|mannen|buurtbewoners|bewoners|buren)\s+uit\s+\w+|"
    # "we zijn gewoon jongens uit de buurt"
    r"(wij|we)\s+zijn\s+(gewoon\s+|allemaal\s+)?(jongens|meiden|jongeren|bewoners|buren|"
    r"buurtbewoners|moeders|ouders)\s+uit\s+(de|onze|het|deze)\s+(buurt|wijk|straat|flat)|"
    # "Wij zijn vijf vrouwen uit Polen", "we zijn drie vaders van school": people counted
    r"(wij|we)\s+zijn\s+(met\s+)?(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|\d+)\s+(\w+\s+)?"
    r"(vrouwen|mannen|moeders|vaders|ouders|vrienden|vriendinnen|meiden|jongeren|ouderen|"
    r"gepensioneerden|mensen)\b|"
    r"(wij|we)\s+als\s+(\w+\s+)?(buren|bewoners|buurtbewoners|ouders)|"
    # "dus wij ouders willen …", "ik ben een van de ouders van groep 8": parents doing it
    # themselves, not the school
    r"(wij|we)\s+(ouders|moeders|vaders)\s+(willen|gaan|doen|organiseren|hebben)\b|"
    r"(ik\s+ben\s+)?(een\s+)?van\s+de\s+ouders\s+van\s+(groep|klas)\s+\w+|"
    # "nu zijn we gewoon vier bewoners"
    r"zijn\s+(wij|we)\s+(\w+\s+){0,4}(buren|bewoners|buurtbewoners|buurtgenoten|straatgenoten|"
    r"flatbewoners|omwonenden)\b|"
    # "Wij (een stel buren uit onze straat) willen …", "wij, een paar bewoners van de flat, …"
    r"(wij|we)\s*[(,–]\s*(een\s+)?(\w+\s+){0,2}(buren|bewoners|buurtbewoners|buurtgenoten|"
    r"straatgenoten|flatbewoners|omwonenden)\b|"
    r"bewonerscommissie\w*|bewonersgroep\w*|bewonersinitiatie\w*|bewonersraad|buurtcomit[eé]\w*|"
    r"straatcommissie\w*|bewonersplatform\w*"
)
# Residents who do it together, named as the ones who act in a story ("met een paar buren",
# "me buurvrouw en ik", "een idee van een paar buren", "met andere ouderen uit mijn flat", "de
# bewoners willen …"): a citizens' initiative. Residents whom it is for ("voor de bewoners",
# "waar buren hun afval kwijt kunnen") are not who is behind it.
_NEIGHBOURS = (
    r"(buren|burren|buurtgenoten|straatgenoten|flatgenoten|medebewoners|buurtbewoners|bewoners|"
    r"buurvrouw(en)?|buurm(an|annen)|huishoudens|overburen|overbuurvrouw|overbuurman)"
)
_RESIDENTS_ACT = words(
    # "met een paar vaders uit Voorhof", "samen met wat moeders van de straat"
    r"(met|samen\s+met)\s+(een\s+)?(paar|aantal|groepje|stel|wat|enkele)\s+(andere\s+)?(vaders|"
    r"moeders|ouders|vrienden|vriendinnen|vrouwen|mannen|jongeren|ouderen|gepensioneerden)\s+"
    r"(uit|van|in)\s+(de\s+|onze\s+|ons\s+|het\s+)?\w+|"
    # "We zijn met een stuk of zes buren", "wij zijn met z'n vieren, allemaal bewoners"
    rf"\b(wij|we)\s+zijn\s+(nu\s+)?met\s+((een\s+)?stuk\s+of\s+|ongeveer\s+|zo['’]?n\s+)?(\d+|twee|drie|"
    rf"vier|vijf|zes|zeven|acht|negen|tien|twaalf|twintig|een\s+paar|wat)\s+{_NEIGHBOURS}\b|"
    # "Wij, een paar ouders uit de buurt, willen …", "we zijn een groepje moeders van school"
    r"\b(wij|we)\s*(,\s*|zijn\s+)(gewoon\s+|allemaal\s+)?(een\s+)?(paar|aantal|groepje|stel|enkele)\s+"
    r"(vaders|moeders|ouders|vrienden|vriendinnen|vrouwen|mannen|ouderen|gepensioneerden|"
    r"buren|bewoners|buurtbewoners)\s+(uit|van|in|op)\s+(de\s+|onze\s+|ons\s+|het\s+)?\w+|"
    # "Wij (3 huisgenoten) willen …", "we zijn drie huisgenoten"
    r"\b(wij|we)\s*(\(\s*|,\s*|zijn\s+)(\d+|twee|drie|vier|vijf|zes|een\s+paar)\s+(huisgenoten|"
    r"huisgenootjes|studiegenoten|vrienden|vriendinnen)\b|"
    # "Met de hele straat willen wij …", "Wij willen met onze straat meedoen aan …"
    r"\bmet\s+(de\s+|onze\s+|ons\s+)?(hele\s+)?(straat|portiek|flat|hofje|galerij)\s+(willen|gaan|"
    r"zijn|hebben)\b|"
    r"\b(wij|we)\s+(willen|gaan)\s+met\s+(onze|ons|de)\s+(hele\s+)?(straat|portiek|flat|hofje|galerij)\b|"
    # "willen we met zes gezinnen samen een bakfiets kopen" (not the families it serves)
    r"(met|samen\s+met)\s+(\d+|twee|drie|vier|vijf|zes|zeven|acht|tien|een\s+paar|wat)\s+(andere\s+)?"
    r"gezinnen\b(?!\s+(die|met|uit\s+de\s+bijstand)\b)|"
    # something of their own at their home ("een minibiebkastje voor mijn huis gezet")
    r"(voor|bij|naast)\s+(mijn|m['’]?n|ons|onze)\s+(huis|deur|voordeur|woning)\b|"
    rf"(met|samen\s+met)\s+(een\s+)?(paar|aantal|groepje|stel|andere|wat|enkele|mijn|onze|me|m['’]?n|"
    rf"\w+\s+van\s+(\w+\s+)?)?\s*(\w+\s+)?{_NEIGHBOURS}\b(?!\s+(hun|die\s+hun))|"
    rf"{_NEIGHBOURS}\s+(en\s+ik|willen|wil|hebben|zijn\s+(begonnen|gestart))|"
    # "Een paar ouders en skaters willen hem opknappen": people counted who want to do it
    r"\b(een\s+paar|enkele|wat|twee|drie|vier|vijf|\d+)\s+(ouders|moeders|vaders|buren|bewoners|"
    r"buurtbewoners|vrienden|vriendinnen)(\s+(en|of)\s+\w+)?\s+(willen|gaan|hebben|zijn\s+"
    r"(begonnen|gestart))\b|"
    rf"(willen|wil|gaan)\s+(de|onze|wat|een\s+paar)\s+{_NEIGHBOURS}\b|"
    # "in onze straat willen een stuk of tien huishoudens …" (not "we willen tien gezinnen
    # helpen": there the residents are whom it is for)
    r"(?<!\bwe\s)(?<!\bwij\s)(?<!\bik\s)(willen|gaan)\s+((een\s+)?stuk\s+of\s+)?(\d+|twee|drie|vier|"
    rf"vijf|zes|zeven|acht|negen|tien|twaalf|twintig|enkele)\s+{_NEIGHBOURS}\b|"
    rf"(idee|plan|initiatief)\s+van\s+(een\s+paar\s+|wat\s+|enkele\s+)?(\w+\s+)?{_NEIGHBOURS}|"
    # (young people or people "uit de buurt" without "andere" are whom it is for: "een
    # muurschildering met jongeren uit de buurt")
    r"(met|samen\s+met)\s+((\w+\s+){0,2}(ouderen|moeders|vaders|ouders|vrouwen)|"
    r"(\w+\s+)?(andere|een\s+paar|wat|enkele)\s+(mensen|jongeren))\s+(uit|van|"
    r"in)\s+(mijn|onze|ons|de|het)\s+(flat|straat|buurt|portiek|complex|hofje|blok)|"
    # "met een paar vrienden uit de buurt", "mijn man en ik", "ik en mijn buurvrouw"
    r"(met|samen\s+met)\s+(een\s+paar\s+|wat\s+|twee\s+|drie\s+)?(vrienden|vriendinnen)\s+uit\s+"
    r"(de|onze|ons|mijn)\s+(buurt|straat|wijk|"
    r"flat)|(mijn|m['’]?n|me)\s+(man|vrouw|partner)\s+en\s+ik|ik\s+en\s+(mijn|m['’]?n|me|twee|"
    rf"drie|een\s+paar)\s+(man|vrouw|partner|{_NEIGHBOURS}|vriend\w*)\b|"
    # The writer and their friends or former colleagues ("ik wil met wat vrienden een buurtbbq
    # organiseren", "met enkele oud-collega's houd ik …", "Met twee vriendinnen wij doen …"), or
    # others of their kind counted ("ik organiseer met een paar andere moeders …"): people who
    # do it together. Mothers or women without a count are often whom it is for.
    r"(ik|wij|we)[\s,]+([\w'’-]+[\s,]+){0,6}(met|samen\s+met)\s+((een\s+paar|wat|enkele|twee|drie|"
    r"vier|vijf|mijn|m['’]?n|me|een)\s+)?(andere\s+)?(vrienden|vriendinnen|vriend|vriendin|"
    r"oud-collega['’]?s|oud-collega)\b|"
    r"\bmet\s+(een\s+paar|wat|enkele|twee|drie|vier|vijf|mijn|m['’]?n|een)\s+(vrienden|vriendinnen|"
    r"vriend|vriendin|oud-collega['’]?s)\s*,?\s+(\w+\s+)?(wij|we|ik)\b|"
    r"(ik|wij|we)\s+([\w'’-]+\s+){0,6}(met|samen\s+met)\s+(een\s+paar|wat|enkele|twee|drie|vier|"
    r"vijf|\d+)\s+andere\s+(moeders|vaders|ouders|mannen|vrouwen)\b|"
    r"(met|samen\s+met)\s+(andere\s+)?(mannen|vrouwen)\s+uit\s+(mijn|onze|ons|de)\s+(flat|"
    r"straat|buurt|portiek|wijk)\b|"
    # "bellen wij met zes ouderen uit Hof van Delft elkaar op": we, so many people
    r"(wij|we)\s+met\s+(z['’]?n\s+)?(\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|"
    r"twintig)\s+(ouderen|senioren|gepensioneerden|buren|bewoners|buurtbewoners|vrienden|"
    r"vriendinnen|moeders|vaders|ouders)\b"
)


# A clause that describes the activity or someone ("waar nieuwkomers oefenen met
# buurtbewoners", "die met de buren praat"): the residents in it take part, they do not run it.
_DESCRIBING_CLAUSE = re.compile(r",?\s+\b(waar|waarbij|waarin|die)\b\s+[^,.;:!?]*", re.IGNORECASE)


# A room of one's home where it happens ("vanuit mijn garage", "in onze woonkamer"): no business.
# Others the initiative works with ("ik wil met bewoners en winkeliers iets doen", "samen met
# scholen en bedrijven"): who is involved, not who is behind it.
_WITH_OTHERS = re.compile(
    r"\b(samen\s+)?met\s+((de|andere|een\s+paar|wat|lokale|onze|een)\s+)?(\w+\s+(en|of)\s+)?"
    r"(winkeliers|ondernemers|"
    r"bedrijven|scholen|school|zorgorganisaties?|welzijnsorganisaties?|verenigingen|stichtingen|"
    r"buurthuis|buurthuizen)"
    r"(\s+(en|of)\s+(\w+\s+)?\w+)?\b",
    re.IGNORECASE,
)
# Whom one wants to meet or work with ("contact met de bewonersvereniging in de buurt",
# "samenwerken met een stichting"): not who is behind the initiative.
_CONTACT_WITH = re.compile(
    r"\b(contact|contacten|samenwerking|samenwerken|samen\s+werken|in\s+gesprek|koppel\w*|"
    r"verbinding|aansluiten|aansluiting)\s+(\w+\s+){0,2}(met|aan|bij|tussen)\s+((de|het|een|onze|"
    r"andere|lokale)\s+)?[\w-]+",
    re.IGNORECASE,
)
_AT_HOME = re.compile(
    r"\b(vanuit|in|uit|achter|naast)\s+(mijn|m['’]?n|onze|ons)\s+(garage|schuur|huis|woonkamer|"
    r"tuin|keuken|kelder|zolder|schuurtje)\b",
    re.IGNORECASE,
)


# Who does it, said in passing in an answer to another question ("nog niks, een idee van mij
# en mn vrienden", "alleen idee in mijn hoofd. ik en mijn vriend."): residents.
_RESIDENTS_IN_PASSING = words(
    r"(ik|wij|we)\s+en\s+(mijn|m['’]?n|mn|een|twee|drie)\s+(\w+\s+)?(vriend\w*|buurvrouw\w*|buurm\w+|"
    r"buren|zus\w*|broer\w*|neef|neven|nicht\w*|huisgeno\w+|partner|man|vrouw)|"
    r"van\s+(mij|ons)\s+en\s+(mijn|m['’]?n|mn)\s+(\w+\s+)?(vriend\w*|buurvrouw\w*|buurm\w+|buren|zus\w*|"
    r"broer\w*|neef|neven|huisgeno\w+)|"
    # "We zijn geen vereniging, gewoon vijf vrienden."
    r"gewoon\s+(een\s+paar\s+|wat\s+|\d+\s+|twee\s+|drie\s+|vier\s+|vijf\s+|zes\s+)(vrienden|"
    r"vriendinnen|buren|buurtbewoners|bewoners)\b|"
    # "Ze doet het samen met twee buurvrouwen", "Ik doe dit met drie vrouwen van mijn taalles"
    r"(doe|doet|doen)\s+(het|dit|dat)\s+(samen\s+)?met\s+(een\s+paar\s+|wat\s+|\d+\s+|twee\s+|drie\s+|"
    r"vier\s+|vijf\s+|zes\s+)(andere\s+)?(buurvrouw\w*|buren|buurm\w+|vrienden|vriendinnen|vrouwen|"
    r"moeders|vaders|ouders|mannen|bewoners|buurtgenoten)\b|"
    # "we zijn een groepje van 5 uit de buurt", "wij wonen allemaal hier"
    r"(we|wij)\s+zijn\s+(een\s+)?(groepje|groep|clubje|stel)\s+(van\s+)?(\d+\s+|twee\s+|drie\s+|vier\s+|"
    r"vijf\s+|zes\s+|zeven\s+|acht\s+)?(\w+\s+)?uit\s+de\s+(buurt|wijk|straat|flat)\b|"
    r"(we|wij)\s+wonen\s+(hier\s+)?allemaal\s+(hier|in\s+de\s+(buurt|wijk|straat|flat))\b"
)


def residents_in_passing(text: str) -> bool:
    """Whether an answer to another question says in passing that the writer does it with
    friends or neighbours ("een idee van mij en mn vrienden"), and names no organisation."""
    wanted = without_negated(text or "")
    return bool(
        _RESIDENTS_IN_PASSING.search(wanted)
        and not (_CLUB.search(wanted) or _OWN_BUSINESS.search(wanted) or _FORM_WORDS.search(wanted))
    )


def residents_act(text: str) -> bool:
    """Whether a story names residents as the ones who do it ("ik wil met een paar buren …")
    and no club or business of theirs (a legal form the story names is read before this)."""
    wanted = without_negated(_AT_HOME.sub(" ", text or ""))
    return bool(
        _RESIDENTS_ACT.search(_DESCRIBING_CLAUSE.sub(" ", text or ""))
        and not (_CLUB.search(wanted) or _OWN_BUSINESS.search(wanted))
    )


# A club of a few people who do something together ("onze kookclub", "de breiclub"): a name
# for the activity, not an association with members and a board.
_HOBBY_STEMS = (
    r"(kook|brei|haak|lees|boeken|naai|eet|kaart|spelletjes|knutsel|klus|huiswerk|wandel|koffie|"
    r"taal|puzzel|film|moestuin)"
)
_HOBBY_CLUB = rf"(?!{_HOBBY_STEMS}club\b)"
_HOBBY_CLUB_WORD = words(rf"{_HOBBY_STEMS}club(je)?")
# (Who says they are one, "We zijn een leesclub", answers with their club.)
_WE_ARE_A_CLUB = r"(wij|we)\s+(zijn|als)\s+(een|de)\s+(\w+\s+)?\w*club"
# A club the writer belongs to or speaks for ("onze voetbalclub", "ik ben secretaris van een
# hockeyclub", "namens de scouting", "penningmeester bij de tennisclub"): a club with members
# and a board is an association.
_CLUB = words(
    rf"(onze|ons|mijn|m['’]?n)\s+(\w+\s+)?{_HOBBY_CLUB}\w*club|{_WE_ARE_A_CLUB}|"
    r"(namens|vanuit)\s+(de|een|onze|ons)\s+(\w+\s+)?(\w*club|scouting\w*)|"
    r"scoutinggroep\w*|(secretaris|penningmeester|voorzitter|bestuurslid|bestuursleden|"
    r"bestuurder|bestuur)\s+(van|bij)\s+(een|de|het|onze|ons)\s+(\w+\s+){0,2}\w*(club|"
    r"vereniging|stichting|scouting)"
)
# Above this many words a text is a story, not an answer: the patterns below that read who is
# behind an initiative from everyday words are only used on answers.
_ANSWER_WORDS = 40
# A running initiative: "draait al 10 jaar", "sinds 2019", "bestaat 30 jaar".
_NUMBER = (
    r"(\d+|een|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|"
    r"dertig|veertig|vijftig|vele|enkele|een\s+paar|paar|een\s+aantal|meerdere)"
)
_BEGUN = r"(begonnen|gestart|opgericht|geopend|opgezet|open\s*gegaan|ingeschreven)"
# A little while ago: "vorige week", "een paar weken geleden".
_LATELY = (
    r"((vorige|afgelopen|deze)\s+(week|maand)|(een|\d+|twee|drie|vier|een\s+paar|enkele)\s+"
    r"(week|weken|maand)\s+geleden)"
)
# A while that something has run, as people say it: "twee jaar", "een half jaar", "anderhalf
# jaar", "ruim een jaar", "een paar maanden", "een aantal jaren", "een jaartje" (a month or
# weeks is a start).
_WHILE = (
    rf"((ruim|bijna|ongeveer|zo['’]?n|pakweg|meer\s+dan|een\s+kleine?|zeker|wel)\s+)?"
    rf"({_NUMBER}\s+(en\s+een\s+half\s+)?(jaar|jaren|jaartjes?|maanden)|((een|n|['’]n)\s+)?half\s+jaar|"
    rf"anderhalf\s+jaar|een\s+jaartje)"
)
# Done before, more than once: "al drie keer georganiseerd", "de vierde editie", "vorig jaar
# voor het eerst".
_DONE_BEFORE = (
    rf"al\s+(({_NUMBER}|zo\s+vaak)\s+keer|vaker|vaak|eerder)\s+(\w+\s+){{0,3}}(georganiseerd|"
    rf"gehouden|gedraaid|plaatsgevonden|gespeeld|gekookt|gegeven|geopend|open\s+geweest)|"
    rf"(tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|\d+e|\d+ste)\s+"
    rf"(editie|keer\s+dat|jaar\s+dat|seizoen)|"
    rf"(vorig|verleden|vorige)\s+(jaar|zomer|voorjaar|najaar|winter)\s+(\w+\s+){{0,3}}voor\s+het\s+"
    rf"eerst|voor\s+het\s+eerst\s+(\w+\s+){{0,2}}(vorig|verleden)\s+jaar"
)
_RUNNING = re.compile(
    rf"\b(al\s+{_WHILE}|al\s+(jaren|jaaaren|(heel\s+|zo\s+|best\s+|erg\s+)?lang|een\s+tijd(je)?|"
    rf"een\s+hele\s+tijd|maanden)|"
    # "in de jaren 90 mee begonnen", "ik heb het van mijn moeder overgenomen"
    rf"(in|sinds)\s+de\s+jaren\s+(['’]?\d0|\w+tig)\s+(\w+\s+){{0,3}}{_BEGUN}|"
    rf"(heb|hebben|heeft)\s+(het|dit|dat|de\s+\w+|ons\s+\w+)\s+(\w+\s+){{0,3}}overgenomen|"
    # "ik heb catering bedrijf, nu 1 jaar" (not "nu twee jaar geleden")
    rf"[,;]\s*(nu|inmiddels)\s+(al\s+|ruim\s+|bijna\s+)?{_WHILE}(?!\s+(geleden|later|verder))|"
    # "We rijden nu twee jaar rond.": doing it for a while (not "we willen nu twee jaar …")
    rf"\b(we|wij|ik|ze|zij)\s+(?!(wil|willen|gaan|ga|moet|moeten|hebben|heb|zoeken|zoek|krijgen|"
    rf"kunnen|kan)\b)\w+\s+(nu|inmiddels)\s+(al\s+|ruim\s+|bijna\s+)?{_WHILE}(\s+rond)?(\s+met\s+[^.!?,]{{1,40}})?\s*(?=[.!?]|$)|"
    # "… bij ouderen in Tanthof, twee jaar nu"
    rf"[,;]\s*(al\s+|ruim\s+|bijna\s+)?{_WHILE}\s+(nu|inmiddels|al)\s*(?=[.!?]|$)|"
    rf"sinds\s+(19|20)\d\d|sinds\s+{_WHILE}|sinds\s+vorig\s+jaar|"
    # "de speeltuin is er al sinds de jaren tachtig", "dus die draait gewoon"
    rf"sinds\s+de\s+jaren\s+\w+|(is|zijn)\s+er\s+al\s+(sinds|jaren|lang|{_WHILE})|"
    rf"(draait|draaien|loopt|lopen)\s+(gewoon|prima|goed|lekker)\b(?!\s+(als|wanneer|zodra))|"
    # "het loopt nog steeds", "het atelier draait nog altijd"
    rf"(draait|draaien|loopt|lopen|bestaat|bestaan)\s+nog\s+(steeds|altijd)\b|"
    # "sinds de coronatijd", "we hebben nu een half jaar een ruilkast staan"
    rf"sinds\s+(de\s+)?(corona\w*|lockdown\w*)|(heb|hebben)\s+(nu\s+)?(al\s+)?{_WHILE}\s+"
    rf"(\w+\s+){{1,4}}(staan|hangen|liggen|lopen|draaien)|"
    rf"(bestaat|bestaan|draait|draaien|loopt|lopen)\s+(nu\s+)?(al|sinds)|"
    rf"(draai\w*|bestaa?n?t?|loopt|lopen|doen|doe|doet|bezig)\s+((we|wij|het|ze|zij|dit|dat)\s+)?"
    rf"(nu\s+)?(al\s+)?{_WHILE}|{_WHILE}\s+(bezig|actief|open|aan\s+de\s+gang)|{_DONE_BEFORE}|"
    rf"(van|bestaat|bestaan)\s+((dit|deze|volgend|volgende)\s+(jaar|najaar|voorjaar|zomer|winter|"
    rf"herfst|maand)\s+|nu\s+|"
    rf"inmiddels\s+)?{_NUMBER}\s+jaar|(?<!als\s)\d+[-\s]?jarige?|{_NUMBER}\s+jaar\s+(oud|bestaan|"
    rf"actief)|{_WHILE}\s+geleden\s+(begonnen|gestart|opgericht)|we\s+zijn\s+al\s+\d+|"
    rf"{_BEGUN}\s+((het|dit|dat|ermee|er\s+mee)\s+)?(in|sinds)\s+(19|20)\d\d|(in|sinds|vanaf)\s+(19|20)\d\d\s+(\w+\s+){{0,2}}{_BEGUN}|"
    rf"(vorig|verleden|vorige)\s+(jaar|zomer|voorjaar|najaar)\s+(\w+\s+){{0,2}}{_BEGUN}|"
    rf"{_BEGUN}\s+(\w+\s+){{0,2}}(vorig|verleden)\s+jaar|"
    rf"(al\s+)?sinds\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    rf"november|december|de\s+zomer|het\s+voorjaar|het\s+najaar|de\s+winter|de\s+herfst|de\s+"
    rf"lente|(de\s+)?kerst|pasen|de\s+(zomer)?vakantie|vorig\s+\w+)|"
    # a business counted by its staff ("een schoonmaakbedrijf in Voordijkshoorn met 40
    # medewerkers", "een drukkerij met 15 man personeel")
    rf"\w*(bedrijf|zaak|winkel|erij|werkplaats|onderneming)\s+"
    rf"((?:(?!beginnen|starten|oprichten|opzetten|openen)[^.!?,]){{0,30}}\s)?"
    rf"met\s+(ruim\s+|zo['’]?n\s+|bijna\s+)?\d+\s+(medewerkers|werknemers|man|personeelsleden|"
    rf"mensen\s+in\s+dienst|fte)|"
    # "we doen het nu voor het derde jaar", "dit is onze vijfde editie"
    rf"(voor\s+)?(het|ons|onze|de)\s+(tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|"
    rf"tiende|\d+(e|de|ste))\s+(jaar|seizoen|editie|keer))\b",  # not "bestaat als"
    re.IGNORECASE,
)
# Words that mean "add to what you have" in a correction ("we zoeken ook vrijwilligers").
_ADDING_WORDS = words(r"ook|daarnaast|bovendien|nog|tevens|en")

EMAIL = re.compile(r"[^@\s<>,;:()]+@[^@\s<>,;:()]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w@])(\+?\d[\d ()-]{5,18}\d)(?![\w@])")


def normalise_need(value: Any, catalogue: Catalogue, analyse: Analyse) -> list[str]:
    """Catalogue need IDs for one entity value or button payload ('geld' → financiering)."""
    text = str(value or "").strip()
    if not text:
        return []
    if text in catalogue.needs:
        return [text]
    if text.casefold() in catalogue.needs:
        return [text.casefold()]
    return [n for n in analyse(text).needs if n in catalogue.needs]


def normalise_needs(values: Any, catalogue: Catalogue, analyse: Analyse) -> list[str]:
    """All catalogue need IDs for a list of values, in order, without duplicates."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    found: list[str] = []
    for value in values:
        for need in normalise_need(value, catalogue, analyse):
            if need not in found:
                found.append(need)
    return found


def merge_needs(current: Iterable[str] | None, new: list[str], text: str) -> list[str]:
    """Add `new` to `current` when the text says so ("ook", "daarnaast"), else replace."""
    current = list(current or [])
    if not new:
        return current
    if _ADDING_WORDS.search(text or ""):
        return current + [n for n in new if n not in current]
    return list(dict.fromkeys(new))


def _id_or_none(value: Any, table: dict[str, str]) -> str | None:
    text = str(value or "").strip()
    if text in table:
        return text
    if text.casefold() in table:
        return text.casefold()
    return None


# Growing: "willen groeien", "een tweede vestiging", "uitbreiden" (also misspelt).
# Bigger than it is, or in more places than where it runs ("we moeten groter", "we willen het
# ook in andere wijken gaan doen", "naar meer buurten").
_BIGGER_OR_ELSEWHERE = (
    r"(moeten|willen|moet|wil|gaan)\s+(\w+\s+){0,2}groter\b(?!\s+(dan|maken))|groter\s+worden|"
    r"(ook|groeien|uitbreiden)\s+(\w+\s+){0,2}(naar|in)\s+(\w+\s+)?(andere|meer)\s+(wijken|"
    r"buurten|locaties|plekken|steden|scholen)|naar\s+(andere|meer)\s+(wijken|buurten|locaties)|"
    # more of what stands or runs in more places ("we willen er in meer straten eentje
    # neerzetten"; after something done once, "Nu willen we een bloemenlint door heel Vrijenban")
    r"(willen|wil|gaan)\s+(\w+\s+){0,3}in\s+(meer|alle|andere)\s+(straten|buurten|wijken|flats|"
    r"scholen)\b|"
    # others want one too, and places are sought for new ones ("nu willen drie andere straten
    # er ook een", "ik zoek plekken voor nieuwe wormenhotels")
    r"(andere|meer)\s+(straten|buurten|wijken|scholen|flats)\s+(\w+\s+){0,3}ook\s+(een|zo['’]?n|er\s+een)|"
    r"(plekken|locaties|ruimtes)\s+voor\s+(nieuwe|meer|nog\s+meer|extra)\s+\w+|"
    # others who want to join ("nu willen andere straten ook meedoen"; not the wish "dat meer
    # scholen meedoen")
    r"(willen|wil)\s+(nu\s+|ook\s+)*(andere|meer)\s+(straten|buurten|wijken|scholen|flats)\s+"
    r"(\w+\s+)?(ook\s+)?(mee\s*doen|aansluiten)\b|(andere|meer)\s+(straten|buurten|wijken|"
    r"scholen|flats)\s+(willen|wil)\s+(\w+\s+)?(ook\s+)?(mee\s*doen|aansluiten)\b|"
    # "het werkt, en andere wijken willen het ook"
    r"(andere|meer)\s+(straten|buurten|wijken|scholen|gemeenten|steden)\s+(willen|wil)\s+"
    r"(het|dat|dit)\s+ook\b|(willen|wil)\s+(nu\s+)?(andere|meer)\s+(straten|buurten|wijken|scholen|"
    r"gemeenten|steden)\s+(het|dat|dit)\s+ook\b|"
    # more people taken on ("dat we er graag nog vijf bij willen nemen")
    r"(nog\s+)?(\w+\s+)?(bij\s+(willen|gaan|kunnen)\s+nemen|erbij\s+(willen|gaan)\s+nemen)\b|"
    # outgrowing what it has ("het wordt te klein", "we zijn uit ons lokaal gegroeid")
    r"(wordt|worden|werd|raakt|raken)\s+(\w+\s+){0,2}te\s+klein|uit\s+(ons|onze|het|de)\s+"
    r"(\w+\s+)?(jasje|pand|ruimte|lokaal|zaal|huis|schuur)\s+gegroeid|groeien\s+er\s*uit|"
    # from a pilot to the whole city ("De pilot is klaar, nu willen we naar heel Delft")
    r"(wil|willen|gaan)\s+(we\s+|wij\s+|ik\s+)?(\w+\s+)?(naar|over)\s+(heel|de\s+hele)\s+\w+|"
    r"(pilot|proef)\s+(is|was)\s+(\w+\s+)?(klaar|afgerond|voorbij|geslaagd)"
)
_GROWING = words(
    rf"{_BIGGER_OR_ELSEWHERE}|"
    # "we wille groter, meer tuinen, meer mensen"
    r"(wil|willen|wille|wilen|gaan)\s+(\w+\s+){0,2}groter\b(?!\s+(\w+\s+)?(ruimte|plek|zaal|pand|"
    r"locatie|keuken|lokaal)\b)|"
    # more where some stand already ("Wij hebben al 4 wormenhotels staan en willen er in nog
    # 10 straten eentje neerzetten")
    rf"\bal\s+{_NUMBER}\s+[^.!?]{{0,40}}\b(willen|wil|gaan)\s+(we\s+|wij\s+)?er\s+(\w+\s+){{0,3}}nog\s+"
    rf"({_NUMBER}|meer)\b|"
    # more days or evenings than it runs now ("Dit jaar willen we twee avonden doen", "willen wij
    # ook op zaterdag open", "een extra middag")
    r"(wil|willen|gaan)\s+(we\s+|wij\s+)?(dit\s+jaar\s+|nu\s+|graag\s+)?(twee|drie|vier|vijf)\s+"
    r"(avonden|dagen|middagen|ochtenden|keer)\b|(wil|willen)\s+(we|wij)\s+(nu\s+)?ook\s+op\s+"
    r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\w*\s+(open|draaien)\b|"
    r"(een\s+)?(extra|tweede)\s+(avond|dag|middag|ochtend|dagdeel)\s+(erbij|bij)\b|"
    # more of what stands ("we willen er graag meer neerzetten in andere straten")
    r"(wil|willen|gaan)\s+(we\s+|wij\s+)?er\s+(graag\s+|nog\s+|ook\s+)*meer\s+(\w+\s+)?"
    r"(neerzetten|plaatsen|maken|bouwen|openen|ophangen|aanleggen)\b|"
    # more of what runs now ("we hebben nu 1 meidenteam, volgend seizoen willen we er 3")
    r"\bnu\s+(\w+\s+){0,2}(\d+|één|een|twee|drie)\s+\w+[^.!?]{0,40}\b(willen|gaan)\s+(we|wij)\s+er\s+"
    r"(\d+|twee|drie|vier|vijf|zes|meer)\b|"
    r"(wil|willen|wilen|gaan|kunnen|blijven|om\s+te|we|wij|juist)\s+(\w+\s+){0,3}(groe?ien|"
    r"groeie|groeijen|groijen)|groeien\s+naar|uitbreiden|groter\s+(wordt|worden|maken)|"
    r"uit\s+te\s+breiden|uitbreiding|opschalen|(willen|wil)\s+(er\s+|het\s+)?(nog\s+)?(meer|"
    # more of a kind of help is a need, not growing ("we willen meer opdrachten van de gemeente")
    r"vaker)\b(?!\s+(opdrachten|klanten|bekendheid|naamsbekendheid|publiciteit|vrijwilligers|"
    r"geld|subsidie|contact|contacten|hulp|steun|ruimte|aandacht)\b)|(door|verder)\s+naar\s+meer|vaker\s+(doen|organiseren|houden)|"
    r"meer\s+(deelnemers|locaties|plekken|daken)|op\s+te\s+schalen|groter\s+worden|"
    r"groter\s+maken|professionaliser\w*|(een\s+)?(echte|grotere|professionele)\s+(organisatie|"
    r"onderneming|bedrijf)\s+(te\s+)?worden|"
    # what works in one place brought to more ("we willen het naar alle basisscholen brengen")
    r"(wil|willen|gaan)\s+(het\s+|dit\s+|dat\s+)?(\w+\s+)?(naar|op|in|over)\s+(alle|meer|andere)\s+(\w+\s+)?"
    r"(scholen|basisscholen|wijken|buurten|locaties|plekken)\s+(\w+\s+){0,2}(brengen|uitrollen|doen)\b|"
    r"(twee?de|2e|2de)\s+(vestiging|winkel|locatie|pand|zaak|filiaal|plek|ruimte|"
    r"werkplaats|keuken|boerderij)\b|"
    r"meer\s+vestigingen|nieuwe\s+vestiging|verdubbel\w*|verdrievoudig\w*|"
    # a second one of what they run, a place added, more neighbourhoods ("een tweede werkplaats
    # openen", "er een winkel bij openen", "ook in andere wijken"); not a second try or edition
    r"twee?de\s+(?!(keer|kans|poging|ronde|editie|seizoen|stap|deel|helft|jaar|leven)\b)"
    r"(\w+\s+){1,2}(te\s+)?(openen|beginnen|starten|opzetten|erbij)|"
    r"er\s+(nog\s+)?(een|\w+)\s+(\w+\s+){0,2}bij\s+(te\s+)?(openen|beginnen|starten|nemen)|"
    r"(wil|willen)\s+er\s+(nog\s+)?(een|\w+)\s+(tweede|derde|extra|nieuwe?)\s+\w+\s+bij\b|"
    # "nu willen we er een tweede dak bij", "ik wil er in de wijk nog vijf bij zetten"
    r"(wil|willen)\s+(we|wij|ik)\s+er\s+(nog\s+)?(een\s+)?(tweede|derde|extra|nieuwe?)\s+(\w+\s+)?bij\b|"
    r"(wil|willen)\s+(\w+\s+){0,2}er\s+(\w+\s+){0,4}(nog\s+)?(\d+|twee|drie|vier|vijf|zes|tien|meer|"
    r"een\s+paar)\s+(\w+\s+)?bij\s+(zetten|plaatsen|maken|bouwen|openen|hangen|leggen)\b|"
    r"((wil|willen|gaan)\s+(\w+\s+){0,4}in|naar|uitrollen\s+(naar|over))\s+(meer|andere|alle|"
    r"nog\s+meer|nieuwe|elke|iedere)\s+(wijken|buurten|steden|scholen|gemeenten|locaties|wijk|"
    r"buurt|stad|school|gemeente)|"
    # on to other towns ("we willen door naar Rijswijk"), a waiting list they want to serve
    r"(wil|willen|gaan)\s+(\w+\s+){0,2}door\s+naar\s+(?-i:[A-Z])\w*|wachtlijst\w*|"
    # "we hebben er één en willen naar vijf", "van 8 naar 15 plekken"; "we willen naar een
    # ander pand" is a move, not a count
    rf"(wil|willen|gaan)\s+(\w+\s+)?naar\s+(?!een\b){_NUMBER}\b|"
    # the verb last ("de vraag is zo groot dat we naar drie dagen willen")
    rf"naar\s+(?!een\b){_NUMBER}\s+(\w+\s+)?(willen|wil|gaan)\b|"
    rf"van\s+{_NUMBER}\s+naar\s+{_NUMBER}\b"
)
# Someone with a business of their own: "ik heb een fietsenwinkel", "onze bakkerij", "ik heb
# een kleine koeriersdienst", "mijn fietsenmakerij", "ik werk voor mezelf". A café that is a
# meeting of people ("ons taalcafé", "een repaircafé", "het digicafé") is no business.
_MEETING_CAFE = (
    r"(taal|repair|reparatie|digi|energie|alzheimer|dementie|rouw|klimaat|buurt|wijk|praat|"
    r"huiswerk|samen|filosofie|kinder|ouder|mantelzorg|naai|brei|haak|knutsel|spelletjes|"
    r"kook)\w*[\s-]?(cafe|café)\b"
)
# Places that are a business ("een bakkerij", "haar kapsalon"), also as a compound's tail.
_BUSINESS_NOUNS = (
    r"winkel|winkeltje|zaak|zaakje|bedrijf|bedrijfje|bakkerij|kapsalon|restaurant|eetcafé|"
    r"lunchroom|slagerij|drukkerij|praktijk|webshop|salon|atelier|kwekerij|brouwerij|studio|"
    r"drogisterij|apotheek|supermarkt|snackbar|sportschool|stomerij|wasserij|bloemist\w*|kiosk|"
    r"reisbureau|kinderopvang|(?<!kinder)boerderij|boksschool|dansschool|rijschool|yogaschool"
)
_OWN_BUSINESS = words(
    # ("mijn man en ik hebben een zorgboerderij")
    r"(ik\s+heb|ik\s+hebben|wij\s+hebben|we\s+hebben|mijn|m['’]?n|onze|ons|eigen|ik\s+run|ik\s+ben\s+"
    # (also "we hebben met z'n tweeën een klein bedrijf")
    r"eigenaar\s+van|(wij|we)\s+hebben\s+(met\s+z['’]?n\s+\w+|samen))\s+((een|eigen|kleine?|nieuwe?|"
    r"goedlopende?|bekende?)\s+){0,3}"
    # a compound written apart, as in A2 Dutch ("ik heb catering bedrijf")
    rf"(?!{_MEETING_CAFE})(\w+\s+)?(?!{_MEETING_CAFE})\w*({_BUSINESS_NOUNS}|cafe|café|garage|makerij|handel|"
    r"bureau|bureautje)|"
    r"(ik\s+heb|wij\s+hebben|we\s+hebben|mijn|m['’]?n|onze|ik\s+run)\s+((een|eigen|kleine?|"
    r"nieuwe?)\s+){0,3}\w+(dienst|service)|"
    r"eenmanszaak|zzp['’]?er|zzp|ondernemer|b\.?v\.?|vof|v\.o\.f\.|eigen\s+baas|"
    # "Wij zijn een IT-bedrijf met zo'n 40 medewerkers", "we zijn een klein installatiebedrijf"
    # (not one that tells it works with people far from work: a business or a social
    # enterprise, which one the inwoner says)
    r"(wij|we)\s+zijn\s+(ook\s+)?een\s+((klein|kleine|groot|grote|middelgroot|middelgrote|gewoon|"
    r"gewone)\s+)?[\w-]*(bedrijf|bedrijfje)\b(?![^.!?]{0,80}\b(afstand|bijstand|beperking|"
    r"statushouders?|uitkering|wajong)\b)|"
    # a trade that is a business ("als aannemer", "ons familiebedrijf")
    # (a "schilder" among artists paints pictures: "Ik ben schilder. Wij zijn 6 kunstenaars")
    r"(als|ik\s+ben)\s+(\w+\s+)?(aannemer|installateur|loodgieter|hovenier|"
    r"schilder(?![^!?]{0,120}\bkunst)|kapper)|"
    r"familiebedrijf|"
    # saying whose it is ("de zaak is van mij", "het bedrijf is van ons tweeën")
    rf"\w*({_BUSINESS_NOUNS}|caf[eé]|garage)\s+is\s+van\s+(mij|mezelf|ons|mijn\s+man|mijn\s+vrouw)\b|"
    # the owner of one ("café-eigenaar", "eigenares van een kapsalon" above)
    r"\w*(winkel|zaak|caf[eé]|restaurant|bakkerij|salon|bedrijf|lunchroom|garage|praktijk|"
    r"atelier|studio|shop|kapper)[-\s]?eigena(a)?r\w*|"
    # the owner of the business just named ("Onze lunchroom draait al vijf jaar. Ik ben de
    # eigenaar"); not of a building or land
    r"ik\s+ben\s+(de\s+)?eigena(a)?r(es|esse)?\b(?!\s+van\s+(het|de|een)\s+(\w+\s+)?(pand|"
    r"gebouw|grond|terrein|huis|woning))|"
    r"(werk|werken)\s+voor\s+(mezelf|mijzelf|onszelf)|(ik\s+ben|als)\s+zelfstandige?|"
    # a business that introduces itself by its name and size ("Installatiebedrijf Smit,
    # Schieoevers, 25 man"), and a trade of one's own ("ik ben bakker in Schieoevers")
    r"^\W*\w*(bedrijf|winkel|bakkerij|kapsalon|garage|drukkerij|kwekerij)\s+[A-Z]\w+[^.!?]{0,40}?\b"
    r"\d+\s+(man|medewerkers|werknemers|mensen\s+in\s+dienst)\b|"
    r"^\W*(\w+\W+){0,2}?ik\s+ben\s+(zelf\s+)?(bakker|kapper|fietsenmaker|slager|"
    r"schilder(?![^!?]{0,120}\bkunst)|timmerman|"
    r"loodgieter|installateur|hovenier|fotograaf|kok|caterer|webdesigner|zzp['’]?er)\s+"
    r"(in|met|uit|bij\s+mij)\b"
)


def says_unknown(text: Any) -> bool:
    """A short answer that says the inwoner does not know or does not mind, or one that opens
    with it ("Maakt niet uit eigenlijk, als het maar aan de rand van de stad is")."""
    text = str(text or "")
    words = text.split()
    first = re.split(r"[,.;:!?]", text, maxsplit=1)[0]
    return len(words) > 0 and (
        (len(words) <= 12 and bool(_UNKNOWN.search(text)))
        or (len(first.split()) <= 6 and bool(_UNKNOWN.search(first)))
    )


# Not big enough, said as "niet groot": too small.
_NOT_BIG = words(r"niet\s+(zo\s+|erg\s+|heel\s+|echt\s+)?groot(\s+genoeg)?")
# A clause that only names one more thing had, after one that says they have something
# ("ruimte hebben we, geld ook").
_HAD_TOO = re.compile(r"\W*(en\s+)?(\w+\s+){1,2}(ook|eveneens|trouwens\s+ook)\W*", re.IGNORECASE)
# A clause that says how they have what the clause before says they have.
_HOW_HAD = re.compile(r"\W*(via|van|door|uit|bij|met)\b", re.IGNORECASE)
# A clause that names only what is not there ("… maar geen veld"), after one that says what is
# (or, after a lack, "En geen geld voor pannen.": lacking that too).
_NONE_OF_IT = re.compile(r"\W*(en\s+)?(nog\s+|ook\s+)?geen\b", re.IGNORECASE)


_WITHOUT_WORK = re.compile(
    r"\b(mensen|iemand|jongeren|vrouwen|mannen|inwoners|bewoners)\s+zonder\s+(werk|baan)\b",
    re.IGNORECASE,
)


# Another party that will not (or no longer) pay: "de corporatie … wil niets betalen aan de
# inrichting", "de gemeente betaalt niet meer mee", "het fonds wil niet verder betalen".
_PAYER = (
    r"(?P<who>\b(de\s+|het\s+|onze\s+|ons\s+)?(woning)?(corporatie|bouwvereniging|gemeente|"
    r"eigenaar|verhuurder|huisbaas|fonds|sponsor|werkgever|verzekeraar|zorgverzekeraar|school|kerk|"
    r"subsidiegever)\b)(?P<mid>[^.!?]{0,60}?)"
)
_OTHERS_WONT_PAY = re.compile(
    _PAYER + r"\b((wil|willen|kan|kunnen|gaat|gaan)\s+)?(niets|niks|niet|geen\s+geld)\s+"
    r"((\w+\s+){0,2}?)(betalen|bijdragen|vergoeden|meebetalen|mee\s+betalen)\b|"
    + _PAYER.replace("who>", "who2>").replace("mid>", "mid2>")
    + r"\b(betaalt|betalen|vergoedt|vergoeden)\s+(\w+\s+){0,3}?(niet|niets|niks)\b(\s+meer)?"
    r"(\s+mee)?",
    re.IGNORECASE,
)


def without_negated(text: str, lack_is_need: bool = False) -> str:
    """The text without the clauses a negation takes back ("geen geld, wel een plek" keeps
    "een plek"); the words the analysis should read as wanted. With `lack_is_need` (reading
    needs), what one does not have is wanted ("ik heb geen ruimte"). People without work are
    whom it is for, no negation ("mensen zonder werk een werkplek geven")."""
    text = _WITHOUT_WORK.sub(r"\1 werkloos", text or "")
    if lack_is_need:
        # "De corporatie vindt het goed, maar wil niets betalen aan de inrichting": what
        # another party will not pay for is money the initiative lacks.
        text = _OTHERS_WONT_PAY.sub(
            lambda m: f"{m['who'] or m['who2']}{m['mid'] or m['mid2'] or ''} betalen ", text
        )
    parts = [part for part in _CLAUSE_BREAK.split(text) if part and part.strip()]
    has_it = lack_is_need and any(_HAS_IT.search(part.strip()) for part in parts)
    if not _NEGATION.search(text) and not has_it:
        return text
    kept = []
    had = False
    lacked = False
    for part in parts:
        chained = False
        if lack_is_need and lacked and _NONE_OF_IT.match(part) and not _NOT_NEEDED.search(part):
            # "Ik heb geen plek om te koken. En geen geld voor pannen.": lacking that too, and
            # what follows in the same list ("we hebben niks, geen ruimte, geen geld")
            part = _MORE_LACKED.sub(" ", part)
            chained = True
        lacked = chained
        if lack_is_need and had and _HOW_HAD.match(part):
            continue  # how they have it ("geld hebben we al, via een lening van de bank")
        if lack_is_need and had and _HAD_TOO.fullmatch(part):
            continue  # "ruimte hebben we, geld ook": had as well
        if lack_is_need and had and _NONE_OF_IT.match(part):
            # "bal hebben we, maar geen veld en geen mensen die helpen": what they have, then
            # what they lack
            part = _MORE_LACKED.sub(" ", part)
        had = False
        if lack_is_need:
            # "moet je daar een vergunning voor hebben of niet?" asks whether: no negation
            part = _without_not_knowing(_WHETHER_OR_NOT.sub(" ", part))
            part = _NOT_BIG.sub(" te klein", part)  # "mijn huiskamer is niet groot"
        if lack_is_need and not _NOT_NEEDED.search(part) and _LACK.search(part):
            # the lack holds for all it names ("we hebben geen ruimte en ook geen geld"); a
            # place too small stays one ("mijn garage is te klein" asks for a space)
            part = _MORE_LACKED.sub(
                " ", _LACK.sub(lambda m: " te klein " if "klein" in m.group(0) else " ", part)
            )
            lacked = True
        elif lack_is_need and _HAS_IT.search(part.strip()):
            had = True
            continue  # "geld hebben we genoeg", "pand hebben we"
        if not _NEGATION.search(part):
            kept.append(part)
    return " ".join(p.strip() for p in kept)


def _without_not_knowing(part: str) -> str:
    """The clause without the words that say it does not know which, how or whether ("weten
    we niet welke vergunningen nodig zijn" asks which permits)."""
    for found in reversed(list(_NOT_KNOWING.finditer(part))):
        if _ASKING_WORD.match(part, found.end()):
            part = part[: found.start()] + " " + part[found.end() :]
    return part


_START_VERB = r"(beginnen|begin|starten|start|openen|open|gaan\s+(\w+\s+)?van\s+start)"
# When a start is set: "in maart", "na de zomer", "eind september", "per 1 april".
_START_DATE = (
    r"(in|na|vanaf|per|rond|begin|eind|half|medio)\s+(januari|februari|maart|april|mei|juni|juli|"
    r"augustus|september|oktober|november|december|de\s+zomer(vakantie)?|het\s+voorjaar|"
    r"het\s+najaar|de\s+herfst|de\s+winter|de\s+lente|de\s+kerst(vakantie)?|\d)"
)
# Just started: "sinds vorige maand", "in oprichting", "net begonnen".
# Since when the inwoner lives here ("in Delft woon ik pas sinds kort"): not since when the
# initiative runs.
_LIVES_HERE_SINCE = words(
    r"(woon|woont|wonen)\s+(\w+\s+){0,3}sinds\s+\w+|sinds\s+\w+\s+(\w+\s+){0,3}(woon|woont|wonen)\b|"
    # "ik woon al veertig jaar in Voorhof"
    r"(woon|woont|wonen)\s+(hier\s+|er\s+)?al\s+(\w+\s+){0,2}(jaar|jaren|jaartjes)\b"
)
# Costs that rose ("nu is de huur van dat zaaltje verdubbeld"): a problem, not growing.
_COSTS_ROSE = words(
    r"(huur|huurprijs|kosten|prijs|prijzen|rekening|energierekening|lasten|premie|tarief|"
    r"tarieven)\s+(\w+\s+){0,5}(is|zijn|wordt|worden)?\s*(\w+\s+)?(verdubbeld|verdrievoudigd|"
    r"gestegen|omhoog\s+gegaan)"
)
# Demand that rose ("de vraag is deze winter verdubbeld", "de wachtlijst groeit"): busier, not an
# initiative that sets out to grow.
_DEMAND_ROSE = words(
    r"(de\s+)?(vraag|vraag\s+naar\s+\w+|wachtlijst|wachtlijsten)\s+(is|zijn|wordt|worden|neemt)?\s*"
    r"(\w+\s+){0,3}(verdubbeld|verdrievoudigd|gestegen|gegroeid|toegenomen|groter\s+geworden|"
    r"groeit|groeien|stijgt|toe)\b"
)
# A place that became too small ("mijn woonkamer wordt te klein", "de zaal is te klein
# geworden"), told by the way: the blind writers read it as running as often as growing, so
# in a story it settles no stage (asked as the answer to the stage question, it still grows).
_OUTGROWN_PLACE = words(
    r"(wordt|worden|werd|raakt|raken)\s+(\w+\s+){0,2}te\s+klein|te\s+klein\s+geworden|"
    r"uit\s+(ons|onze|het|de|mijn)\s+(\w+\s+)?(jasje|pand|ruimte|lokaal|zaal|huis|schuur|woonkamer)\s+"
    r"gegroeid|groeien\s+er\s*uit"
)
# Trying it out ("we hebben het twee keer geprobeerd", "uitgeprobeerd"): one of `_STARTED`'s
# readings, and `_TRIED` tells it apart.
_TRIED_WORDS = r"(keer|maal)\s+(\w+\s+)?(geprobeerd|uitgeprobeerd)|uitgeprobeerd"
# The legal form applied for or just made ("de stichting is aangevraagd", "de vereniging is net
# opgericht"): setting it up, even when "nog niet echt gestart" goes with it.
_FORM_UNDER_WAY = (
    r"(stichting|vereniging|co[öo]peratie|bv|kvk-inschrijving|inschrijving)\s+(is|wordt)\s+"
    r"(\w+\s+)?(aangevraagd|opgericht|aangemeld|geregeld)\b|"
    # being founded ("We zitten in de oprichtingsfase, de statuten liggen bij de notaris")
    r"oprichtingsfase|(statuten|akte)\s+(\w+\s+){0,3}(bij\s+de\s+notaris|opgesteld|getekend)"
)
FORM_UNDER_WAY = words(_FORM_UNDER_WAY)
_STARTED = words(
    rf"{_FORM_UNDER_WAY}|"
    # ready to go ("de offertes liggen klaar", "het plan is rond", "we staan in de startblokken")
    r"(offertes?|plannen|plan|tekeningen|begroting|contracten|contract|alles)\s+(\w+\s+)?(ligt|"
    r"liggen|is|zijn|staat|staan)\s+(al\s+)?(klaar|rond)\b|in\s+de\s+startblokken|"
    r"klaar\s+om\s+te\s+(beginnen|starten|openen)|"
    # a first piece made, not yet out ("de eerste aflevering is opgenomen", "nog niet online")
    r"eerste\s+(\w+\s+){0,2}(is|zijn)\s+(al\s+)?(opgenomen|gemaakt|gebouwd|geschreven|gedraaid|"
    r"gegeven|gehouden|geweest|klaar|af)\b|(staat|staan|is|zijn|gaat|gaan)\s+(\w+\s+)?nog\s+niet\s+(online|live)|"
    # a date to open ("volgende maand wil ik open")
    r"(volgende|komende)\s+(maand|week)\s+(\w+\s+){0,3}(open|opengaan|starten|beginnen|"
    r"van\s+start)|"
    # the first one planned, approved ("de eerste wandeling staat gepland voor volgende maand",
    # "intern is het goedgekeurd")
    r"eerste\s+(\w+\s+){0,2}(staat|staan|is|zijn)\s+(al\s+)?(gepland|ingepland|vastgelegd)\b|"
    r"(is|zijn)\s+(het\s+|al\s+)*(goedgekeurd|toegezegd)\b(?!\s+als)|"
    # "de directie heeft ja gezegd", "het bestuur heeft al akkoord gegeven"
    r"(heeft|hebben)\s+(\w+\s+)?(al\s+)?(ja\s+gezegd|akkoord\s+gegeven|toestemming\s+gegeven|"
    r"groen\s+licht\s+gegeven)|"
    # building it now ("we bouwen de app nu", "momenteel aan het ontwikkelen")
    r"(we|wij|ik)\s+(bouwen|bouw|ontwikkelen|ontwikkel|testen|test)\s+(\w+\s+){0,3}(nu|op\s+dit\s+"
    r"moment|momenteel)\b(?!\s+al\b)|(nu|momenteel)\s+(aan\s+het\s+)?(bouwen|ontwikkelen|testen)\b|"
    # "het prototype bouwen we nu"
    r"(bouwen|bouw|ontwikkelen|ontwikkel|testen|test)\s+(we|wij|ik)\s+(nu|op\s+dit\s+moment|momenteel)\b|"
    # not others who joined lately ("sinds kort ook een paar vrouwen"), nor the one writing
    # ("ik ben sinds kort met pensioen")
    r"sinds\s+(vorige\s+(maand|week)|kort(?!\s+(ook|met\s+pensioen|gepensioneerd|weduwe|weduwnaar|"
    r"alleen|thuis|werkloos|moeder|vader|oma|opa|hier|in)\b)|een\s+paar\s+(weken|maanden)|deze\s+maand)|"
    r"net\s+(begonnen|begonen|begone|begonne|gestart|opgericht|ingeschreven)|in\s+oprichting|opstartfase|(is|zijn|"
    r"we|wij)\s+(\w+\s+)?al\s+(gestart|begon\w*|begone)|(zijn|"
    # (not others at work: "wie er in de wijk al mee bezig is", "clubs die ermee bezig zijn")
    r"is)\s+(we\s+)?(aan\s+het\s+)?(opzetten|oprichten)|(?<!niet\s)(?<!nog\sniet\s)\bbezig"
    r"(?!\s+(is|zijn)\b)|"
    r"eerste\s+(\w+\s+){0,3}(plannen|gesprekken|afspraken)|aan\s+het\s+(opzetten|opstarten|"
    r"verbouwen|voorbereiden|regelen|oprichten|inrichten)|eerste\s+(afspraken|stappen|"
    r"gesprekken|open\s+\w+|actie|prikactie|bijeenkomst)|nog\s+niet\s+open|(draait|"
    r"loopt)\s+nog\s+niet|opstart\w*|"
    # the first time was (not "het is de eerste keer": it is new)
    r"eerste\s+keer\s+(was|is\s+(al\s+)?geweest|hebben|hadden|kwamen|deden|gedaan|gehouden|"
    r"georganiseerd|gedraaid)|(opent|openen)\s+(over|binnenkort|volgende)|"
    # "de datum staat", not "datum staat nog niet (eens) vast"
    r"net\s+(begonnen|gestart|open)|datum\s+staat(?!\s+(\w+\s+){0,2}(niet|nie)\b)|"
    # "er net mee begonnen", "net pas gestart"
    r"net\s+([\w'’-]+\s+){1,2}(begonnen|gestart|opgericht|geopend|open\s*gegaan)|"
    # starting it now ("ik start een meubelmakerij", "wij doen nu inschrijving KVK")
    r"(ik|we|wij)\s+(start|starten|begin|beginnen)\s+(nu\s+)?(een|met\s+een|met\s+ons|met\s+mijn)\b|"
    r"(doen|doe|zijn|ben)\s+(nu\s+|net\s+)?(\w+\s+){0,2}(de\s+)?(inschrijving|inschrijven)\b|"
    # begun, plainly or a few weeks ago ("het is begonnen", "ik loop al een paar weken met de
    # buurvrouwen")
    r"(het|we|wij|ik)\s+(is|zijn|ben)\s+(nu\s+|dus\s+|wel\s+)?(begonnen|gestart)\b|"
    r"(ik|we|wij)\s+(\w+\s+){0,4}?al\s+(een\s+paar|enkele|twee|drie|een\s+aantal)\s+weken\b"
    r"(?!\s+(\w+\s+)?(niet|nie|geen)\b)|"
    # the first things made for it, people signed up ("we hebben al een flyer gemaakt en 6
    # kinderen willen komen")
    r"(hebben|heb)\s+(nu\s+)?al\s+(een\s+|de\s+)?(flyer|flyers|poster|posters|website|logo|"
    r"appgroep|groepsapp|inschrijflijst|facebookpagina|instagram\w*)\s+(\w+\s+)?(gemaakt|gedrukt|"
    r"opgezet|aangemaakt|verspreid|rondgedeeld|opgehangen)|"
    r"(hebben|heeft)\s+zich\s+(\w+\s+){0,3}(aan)?gemeld|"
    # signatures gathered ("we hebben al handtekeningen opgehaald, 60 ofzo")
    r"(hebben|heb)\s+(nu\s+)?al\s+(\w+\s+)?handtekeningen\s+(\w+\s+)?(opgehaald|verzameld|"
    r"gehaald)|"
    # the preparations under way ("We hebben de subsidie aangevraagd en zijn nu vrijwilligers
    # aan het werven. De opening is na de zomer.")
    # ("we zijn met de klas nu een schooltuin aan het aanleggen")
    r"(zijn|ben|is)\s+(nu\s+|al\s+)?(\w+\s+){0,6}aan\s+het\s+(werven|verbouwen|inrichten|voorbereiden|"
    r"klussen|timmeren|bouwen|opbouwen|aanleggen|opknappen|beplanten|aanplanten)\b|(de\s+)?opening\s+is\s+(al\s+)?(na|in|op|over|volgende|"
    r"deze|begin|eind)\b|"
    # a first version made ("We hebben al een prototype van de Markt gemaakt")
    r"(hebben|heb)\s+(nu\s+)?al\s+(een\s+|de\s+|het\s+)?(eerste\s+)?(prototype|proefversie|"
    r"testversie|versie|proefmodel)\s+(\w+\s+){0,4}(gemaakt|gebouwd|getest|ontworpen|geprint|"
    r"geprogrammeerd)\b|"
    # begun this year, in a month named, or in the middle of preparing ("Het project is in
    # september gestart, we zitten nu midden in de voorbereiding")
    r"(is|zijn|ben)\s+(in|sinds|vanaf)\s+(januari|februari|maart|april|mei|juni|juli|augustus|"
    r"september|oktober|november|december)\s+(\w+\s+)?(begonnen|gestart|opgestart)\b|"
    r"(zitten|zit|zijn|ben)\s+(nu\s+)?(midden\s+|volop\s+)?in\s+de\s+voorbereiding\w*|"
    # the preparations begun ("in januari zijn we begonnen met de voorbereiding")
    r"(begonnen|gestart)\s+met\s+(de\s+|het\s+)?(voorbereiding\w*|opbouw|inrichten|inrichting|"
    r"werving|verbouwing)|"
    # the first customers or orders ("we hebben een prototype en een eerste klant")
    r"(eerste|1e)\s+(\w+\s+)?(klant|klanten|opdracht|opdrachten|bestelling|bestellingen|"
    r"opdrachtgever|afnemer|afnemers|verkopen)\b|"
    # "het loopt net" (it has just got going), "we hebben het twee keer geprobeerd" (tried out)
    rf"(loopt|draait)\s+(pas\s+)?net\b|{_TRIED_WORDS}|"
    # "we zijn er vorige week mee gestart", "een paar weken geleden begonnen"
    rf"{_LATELY}\s+(\w+\s+){{0,5}}{_BEGUN}|{_BEGUN}\s+(\w+\s+){{0,3}}{_LATELY}|"
    # "we starten over twee weken", "we beginnen volgende maand": a start that is near is being
    # prepared ("we willen volgend jaar beginnen" is a wish)
    r"(?<!wil\s)(?<!willen\s)(?<!zou\s)(?<!zouden\s)\b(beginnen|begin|starten|start|openen|"
    r"gaan\s+(\w+\s+)?van\s+start)\s+((we|wij|ik|het|dat)\s+)?((al|pas)\s+)?(over|binnenkort|"
    r"volgende|deze|komende|nu)\b|\bnu\s+(beginnen|starten|openen)\s+(we|wij|ik)\b|"
    # "volgende maand gaan we open", "komende week beginnen we"
    r"(volgende|komende|deze)\s+(week|maand)\s+((gaan|gaat)\s+(we|wij|ik|het)\s+(open|beginnen|"
    r"starten|van\s+start)|(openen|beginnen|starten|begin|start|open)\s+(we|wij|ik))\b|"
    # "we starten in maart", "eind september openen we": a start with a date is being prepared
    rf"(?<!wil\s)(?<!willen\s)(?<!zou\s)(?<!zouden\s)\b{_START_VERB}\s+((we|wij|ik|het|dat)\s+)?"
    rf"((al|pas)\s+)?{_START_DATE}|{_START_DATE}\s+{_START_VERB}\s+(we|wij|ik)\b|"
    # "ik zet een sociale onderneming op", "we richten nu een stichting op": setting it up now,
    # in the present of a verb that splits ("we willen … opzetten" is a wish; "wij zetten elk
    # jaar een feest op" is no start, "ik zet me in" no setting up)
    # (or with the verb first: "met mijn klas zetten we op dit moment een klusdienst op")
    r"((ik|we|wij)\s+(zet|zetten|richt|richten|bouw|bouwen)|(?<!jaar\s)(?<!keer\s)(?<!week\s)"
    r"(?<!maand\s)(?<!zomer\s)(?<!altijd\s)(?<!vaak\s)(zet|zetten|richt|richten|bouw|bouwen)"
    r"\s+(ik|we|wij))\s+(?!(me|mij|mezelf|ons|onszelf)\b)"
    r"(?!([\w'’]+\s+){0,5}?(elk|elke|ieder|iedere|jaarlijks|altijd|vaak|weer|al)\b)"
    r"([\w'’]+\s+){1,7}op(?=\s*([.,;:!?(]|$|\s+(voor|met|in|om|samen|waar|dat|die|en|zodat|"
    r"want|omdat|bij)\b))|"
    # a trial run done or going on ("ik heb het vier keer als proef gedaan", "we zijn met een
    # pilot begonnen", "we hebben een proefochtend gehouden"): starting up
    r"(als\s+(proef|test|pilot)|proef\w*|pilot\w*|test\w*)\s+(\w+\s+){0,3}(gedaan|gehouden|"
    r"gedraaid|georganiseerd|begonnen|gestart|gelopen|gehad)|(gedaan|gehouden|gedraaid|begonnen|gestart)"
    r"\s+(\w+\s+){0,2}(als\s+)?(proef|test|pilot)\w*|"
    # "we beginnen net", "net aan het starten": a start in any tense or order
    r"(begin\w*|start\w*|open\w*)\s+(\w+\s+)?net|net\s+(aan\s+het\s+)?(begin\w*|start\w*)|"
    # "we zijn volop aan het organiseren": busy making it happen (thinking about it is an idea)
    r"(we|wij|ik)\s+(zijn|ben)\s+(\w+\s+){0,2}aan\s+het\s+(?!(na)?denken|dromen|overwegen|kijken|"
    r"uitzoeken|onderzoeken|bedenken|brainstormen|praten|sparren)\w+en|"
    r"(zijn|ben)\s+(we|wij|ik)\s+(\w+\s+){0,2}aan\s+het\s+(?!(na)?denken|dromen|overwegen|kijken|"
    r"uitzoeken|onderzoeken|bedenken|brainstormen|praten|sparren)\w+en|"
    # "volgende week is de eerste keer", "komende zaterdag is de eerste ochtend"
    r"(volgende|komende)\s+(week|maand|zaterdag|zondag)\s+(is|wordt)\s+(de|het|onze)\s+"
    r"eerste\b|"
    # "de eerste avond is over twee weken": the first time is coming
    r"eerste\s+\w+\s+(is|wordt|komt|begint|start|gaat)\s+(\w+\s+)?(over|volgende|binnenkort|"
    r"deze|in|op)|eerste\s+(\w+\s+){0,2}(moet|moeten)\s+(\w+\s+)?nog\s+(komen|plaatsvinden|"
    r"beginnen|starten|gebeuren)|"
    # "we zijn in maart begonnen met het opzetten", "in januari begint het echt", "we hebben er
    # twee keer over vergaderd": getting it going, the real start still to come
    r"begonnen\s+met\s+(het\s+|de\s+)?(opzetten|voorbereiden|voorbereidingen|organiseren|"
    r"regelen|oprichten|opstarten|inrichten)|(begint|beginnen|start|starten)\s+(het|we|wij|ik)\s+"
    r"(pas\s+)?(echt|officieel)\b|(keer|paar\s+keer)\s+(\w+\s+){0,4}(vergaderd|overlegd|"
    r"bij\s+elkaar\s+gezeten|om\s+tafel\s+gezeten)|(zijn|ben|zitten|zit)\s+(nu\s+|ongeveer\s+)?"
    r"halverwege|^\W*halverwege\b"
)
# An idea is only an idea when the words say so ("we willen" alone says nothing of a stage).
_IDEA = words(
    r"idee|ideeën|ideetje|plan|plannen|plannetje|(nog\s+)?(maar\s+)?een\s+gedachte|"
    # English beside Dutch, as students and expats type ("just an idea nog")
    r"(just\s+|only\s+|still\s+)?an\s+idea|"
    r"in\s+(mijn|m['’]?n|ons|onze)\s+(hoofd|hoofden|kop)|"
    r"nog\s+niet\s+((er\s+)?mee\s+)?(begon\w*|begin\w*|gestart|"
    r"start\w*)|nog\s+niets|nadenken|droom|dromen|overwegen|denken\s+erover|idee-?fase|"
    r"ideefase|niks\s+gedaan|niets\s+gedaan|nog\s+niks|schetsen|moodboard|"
    # only a name or a sketch made so far ("we hebben alleen nog een naam bedacht")
    r"alleen\s+(nog\s+)?(maar\s+)?een\s+(naam|logo|schets|tekening)\s+(\w+\s+)?(bedacht|verzonnen|gemaakt|"
    r"getekend)"
)


# In a story, an idea or a plan is often what they bring, not how far they are ("we hebben een
# idee voor een app", "ik ben van plan een repaircafé te beginnen"): a story tells the stage
# 'idee' only when it says it is no more than that ("nog maar een idee", "er is nog niets").
_ONLY_AN_IDEA = words(
    r"(nog|alleen|slechts|pas|gewoon|gwn|enkel)\s+(\w+\s+)?(een\s+|het\s+)?(idee|ideetje|ideeën|"
    r"plan|plannetje|plannen|gedachte|gedachtes|wens)|maar\s+een\s+(idee|ideetje|plan|plannetje|"
    r"gedachte|wens)|(het|dit)\s+is\s+(nog\s+)?(maar\s+)?een\s+(idee|plan)\b|kinderschoenen|"
    r"(just|only|still)\s+an\s+idea|"
    r"nog\s+niet\s+((er\s+)?mee\s+)?(begon\w*|"
    r"begin\w*|gestart|start\w*|open|opgericht)|nog\s+(niets|niks)|(niks|niets)\s+(\w+\s+)?"
    r"(gedaan|gebouwd|gestart|geregeld)|idee-?fase|ideefase|planfase|op\s+papier|droom|dromen|"
    r"nadenken|(denk|denken)\s+(erover|er\s+over|eraan|er\s+aan)|overwegen|schetsen|moodboard|"
    r"(nog|alleen|pas)\s+(\w+\s+)?in\s+(mijn|m['’]?n|ons|onze)\s+(hoofd|hoofden|kop)"
)
# Who opens with the idea they have ("ik heb een idee voor een ruilwinkel", "mijn buurvrouw
# heeft een goed idee: …") is at that idea, unless the story says more (it runs, it is being set
# up). A plan is not: who is "van plan" to begin is often setting it up already. Nor is the idea
# for something that is built and tried out, an app or a platform: "een idee voor een app" is
# the name of the product, which may well have a first version.
_HAS_AN_IDEA = re.compile(
    r"\b(heb|hebben|heeft|had|hadden)\s+(nu\s+|dus\s+|zo['’]?n\s+)?(een|n|'n|’n|het)\s+(\w+\s+)?"
    r"(idee|ideetje)(\s+(voor|om|over)\b|\s*[:,.!-]|\s*$)|"
    # the plan as a heading ("Plannetje: overgebleven eten ophalen en …")
    r"(^|[.!?]\s*)(plannetje|ideetje|mijn\s+idee|ons\s+idee)\s*:|"
    # an idea handed in as such ("Idee voor de gemeente. Bij hittegolven …", "Een idee: …")
    r"^\W*(een\s+)?(idee|ideetje|suggestie|tip)\s*(voor\s+(de\s+)?(gemeente|stad|wijk|buurt)\b|:)|"
    # a plan formed ("mijn buurvrouw en ik hebben het plan opgevat om …")
    r"\bplan\s+(\w+\s+)?opgevat\b",
    re.IGNORECASE,
)
_BUILT_PRODUCT = words(
    r"\w*app|apps|website|webshop|platform|software|tool|game|prototype|product|systeem"
)
# A wish for more people ("we willen meer leden", "ik zoek meer spelers voor ons team") in a
# story is a need of what is there (volunteers, publicity), not a plan to grow.
_MORE_PEOPLE = words(
    r"(wil|willen|zoek|zoeken)\s+(er\s+|graag\s+)?(nog\s+)?meer\s+(\w+\s+)?(mensen|leden|"
    r"deelnemers|vrijwilligers|bezoekers|spelers|kinderen|jongeren|ouderen|bekendheid|"
    r"aanmeldingen|klanten|publiek)"
    # (not more people served: "wij willen meer mensen helpen" is growing)
    r"(?!\s+(te\s+)?(helpen|bereiken|bedienen|ondersteunen|voorzien|laten\s+mee\s*doen)\b)"
)
# Something done now, however long ("wij doen het al", "we geven al les"): it runs ("we doen
# al het werk zelf" is "all", not "already").
_ALREADY_DOING = words(
    # results counted so far ("we hebben al vijftien huizen geholpen"); not a plan made
    r"(hebben|heb)\s+(nu\s+|inmiddels\s+|intussen\s+)?al\s+(\d+|twee|drie|vier|vijf|zes|zeven|acht|"
    r"negen|tien|elf|twaalf|vijftien|twintig|dertig|veertig|vijftig|honderd|tientallen|"
    r"honderden|heel\s+wat|best\s+veel|veel)\s+(\w+\s+){0,2}(geholpen|bereikt|bezocht|verkocht|"
    r"gerepareerd|opgeknapt|geplaatst|aangelegd|georganiseerd|gehouden|begeleid|bezorgd)\b|"
    r"(doen|doe|geven|geef|organiseren|organiseer|houden|runnen|draaien|draai)\s+"
    r"((het|dit|dat|we|wij|ik|ze|zij)\s+){0,2}(nu\s+)?al\b(?!\s+(een\s+)?(idee|plan))"
    r"(?!\s+(het|de|die|dat|deze|dit|ons|onze|mijn|hun|zijn|haar)\b)|"
    # "Ik beheer een ruilkast op de hoek", "wij runnen het buurthuis": it exists and runs
    r"(ik|we|wij)\s+(beheer|beheren|run|runnen)\s+(nu\s+|al\s+)?(een|de|het|ons|onze|mijn|drie|twee|"
    r"vier|vijf|\d+)\b|"
    # "Op dit moment draaien we drie dagen per week", "momenteel bieden wij …"
    r"(op\s+dit\s+moment|momenteel|op\s+het\s+moment)\s+(draaien|doen|geven|organiseren|houden|"
    r"bieden|runnen|hebben)\s+(we|wij)\b|"
    # playing or training now ("Wij spelen nu op het veld van de voetbalclub")
    r"(wij|we)\s+(spelen|trainen|koken|zingen|sporten|repeteren|oefenen|dansen|tuinieren)\s+nu\b|"
    # members counted ("We hebben 120 leden", "de club telt tachtig leden"): a club that runs
    r"(hebben|heeft|tellen|telt)\s+(nu\s+|al\s+|ruim\s+|bijna\s+|zo['’]?n\s+|inmiddels\s+)*(\d+|"
    r"twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd\w*)\s+(\w+\s+)?"
    r"(leden|abonnees|donateurs)\b"
)


# Something done at a set time, again and again ("ze heeft een breiclub, elke
# donderdagmiddag", "we koken twee keer per maand"): it runs, when the same sentence says they
# do it and wishes nothing ("we willen elke week koken" is a plan; "elke week zie ik eenzame
# ouderen" says what they see, not what they do).
_HABITUAL = words(
    r"(elke|iedere|ieder|elk)\s+(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    r"\w+dag(ochtend|middag|avond)|week|maand|ochtend|middag|avond|weekend|zomer|jaar)|"
    r"wekelijks|maandelijks|tweewekelijks|om\s+de\s+(week|twee\s+weken|maand)|"
    r"(een|één|twee|drie|vier|\d+)\s+keer\s+(per|in\s+de|per\s+de)\s+(week|maand)|"
    r"\d+\s*x\s+(per|in\s+de|p\.?)\s*(week|maand|w\b|m\b)"
)
_DOING_NOW = words(
    r"(ik|we|wij|ze|zij|hij)\s+(\w+\s+)?(kom|komen|komt|kook|koken|kookt|brei|breien|breit|"
    r"geef|geven|geeft|organiseer|organiseren|organiseert|houd|hou|houden|houdt|doe|doen|doet|"
    r"speel|spelen|speelt|eten|eet|draai|draaien|draait|wandel|wandelen|wandelt|sport|sporten|"
    r"train|trainen|traint|zing|zingen|zingt|naai|naaien|naait|repareer|repareren|repareert|"
    r"deel|delen|deelt|ruil|ruilen|ruilt|lees|lezen|leest|run|runnen|runt|zitten|zit|ruim|ruimen|"
    r"ruimt|prik|prikken|prikt|loop|lopen|loopt|tuinier|tuinieren|tuiniert|bak|bakken|bakt|help|"
    r"helpen|helpt|"
    # what a group does together ("we handwerken elke dinsdag samen in het buurthuis")
    r"handwerk|handwerken|haak|haken|knutsel|knutselen|teken|tekenen|schilder|schilderen|dans|"
    r"dansen|zwem|zwemmen|fiets|fietsen|klus|klussen|kaart|kaarten|biljart|biljarten|schaak|"
    r"schaken|oefen|oefenen|ontmoet|ontmoeten|drink|drinken|musiceer|musiceren|tuinier)|"
    # "we hebben met de straat elk jaar een straatfeest"
    r"(hebben|houden|heb|hou|houd)\s+(\w+\s+){0,4}?(elk|elke|ieder|iedere)\s+(jaar|week|maand|zomer)\s+"
    r"(een|ons|onze)\b|"
    # the verb first ("elke woensdag houden wij een inloop", "sinds drie jaar help ik …")
    r"(komen|koken|geven|organiseren|houden|doen|spelen|draaien|wandelen|sporten|trainen|zingen|"
    r"repareren|delen|ruilen|lezen|runnen|ruimen|prikken|lopen|tuinieren|bakken|helpen)\s+(we|wij)\b|"
    r"(kom|kook|geef|organiseer|houd|hou|doe|speel|draai|wandel|train|zing|repareer|lees|run|ruim|"
    r"prik|loop|bak|help|naai|brei)\s+ik\b|"
    r"(heeft|hebben|heb|organiseert|geeft|houdt|runt|leidt|beheert|beheer)\s+(\w+\s+){0,2}"
    r"(een|ons|onze|haar|zijn|mijn|m['’]?n)\b|"
    # who comes ("nu komen 4 vrouwen bij mij thuis", "er komen zo'n twintig mensen")
    r"(?<!\bik\s)(?<!\bwe\s)(?<!\bwij\s)\b(komen|komt)\s+(er\s+)?(nu\s+)?(\w+['’]?\w*\s+){0,2}"
    r"(\d+|mensen|vrouwen|mannen|"
    r"kinderen|ouderen|jongeren|buren|bewoners|deelnemers|bezoekers)"
)
# A time said on its own after the sentence it belongs to ("Nu komen 4 vrouwen bij mij thuis.
# Elke dinsdag.").
_TIME_ON_ITS_OWN = re.compile(
    r"[.!]\s+((?:elke|iedere|ieder|elk|om\s+de)\s+\w+(?:\s+\w+)?|wekelijks|maandelijks)\s*(?=[.!,]|$)",
    re.IGNORECASE,
)
_WISH_OR_PLAN = words(
    r"wil|willen|wilt|zou|zouden|gaan|gaat|ga|plan\w*|idee\w*|graag|hoop\w*|hopelijk|straks|droom\w*|"
    r"kunnen|kan|mogen|mag|moet|moeten|beginnen|starten|opzetten|lijkt"
)


# A group that says what it does, in the present ("wij zijn een vrijwilligersclub die laptops
# opknapt", "we zijn een stichting die taalles geeft"): it runs; not "… die een moestuin wil
# beginnen".
_GROUP_DOES = words(
    r"(wij|we|ik)\s+(zijn|ben)\s+(een|de)\s+(\w+\s+){0,2}\w*(club|clubje|groep|groepje|"
    r"vereniging|stichting|collectief|team|werkplaats|co[öo]peratie|koor|ploeg)\s+die\s+"
    r"(\w+\s+){0,6}\w+(t|en)\b|"
    # "Wij zijn een zorginstelling … en we organiseren uitjes voor onze cliënten"
    r"(wij|we)\s+zijn\s+(een|de)\s+(\w+\s+){0,2}\w*(instelling|organisatie|stichting|vereniging|"
    r"onderneming|aanbieder)\b[^.!?]{0,60}?\ben\s+(we|wij)\s+(organiseren|geven|bieden|helpen|"
    r"begeleiden|runnen|verzorgen|doen)\b|"
    # the group named, and what it does ("Ons koor (40 leden) zingt elk jaar in december …")
    r"(ons|onze)\s+(\w+\s+){1,2}(zingt|speelt|kookt|geeft|organiseert|houdt|draait|wandelt|traint|"
    r"repareert|bakt|treedt|bezoekt|ruimt|deelt)\b"
)


def only_introduces_a_business(text: str) -> bool:
    """Whether a text says whose business it is and nothing they want or plan ("ik heb een
    fietsenmakerij in Voorhof, draai al zes jaar")."""
    return bool(_OWN_BUSINESS.search(text or "")) and not _WISH_OR_PLAN.search(text or "")


def wishes_or_plans(text: str) -> bool:
    """Whether a text says what someone wants, hopes or plans ("wil er groen van maken"), not
    only what there is ("plein bij ons is alleen maar tegels")."""
    return bool(_WISH_OR_PLAN.search(text or ""))


def plans_to_make(text: str) -> bool:
    """Whether a text wants to begin or make something ("ik wil 2 werkplekken maken voor
    jongens die moeilijk aan werk komen"), not only asks for help ("geld graag")."""
    return bool(_WISH_TO_BEGIN.search(text or ""))


def _said_as_done(text: str, *patterns: re.Pattern[str]) -> bool:
    """Whether one sentence, or the part of one before or after a "maar", no question and no
    wish or plan, has every pattern ("we koken 2x per week in een kerkje, maar dat gaat
    dicht")."""
    parts = [part for s in sentences(text) for part in (s, *_BUT_CLAUSE.split(s)) if part]
    return any(
        all(p.search(s) for p in patterns) and not _WISH_OR_PLAN.search(s) and "?" not in s
        for s in parts
    )


_BUT_CLAUSE = re.compile(r",?\s+\bmaar\b\s+", re.IGNORECASE)


def group_does_now(text: str) -> bool:
    """Whether a sentence says what the group behind it does now (`_GROUP_DOES`)."""
    plain = re.sub(r"\s*\([^()]*\)", "", text or "")  # "Ons koor (40 leden) zingt …"
    return _said_as_done(plain, _GROUP_DOES)


def done_at_set_times(text: str) -> bool:
    """Whether a sentence says the initiative is done at set times now (`_HABITUAL`)."""
    plain = re.sub(r"\s*\([^()]*\)", "", text or "")  # "Wij (twee zussen) houden elke maand …"
    plain = _TIME_ON_ITS_OWN.sub(r", \1", plain)
    return _said_as_done(plain, _HABITUAL, _DOING_NOW)


# A new plan of a running organisation ("het bedrijf draait al 20 jaar; dit met die jongens is
# nieuw, nog niks mee gedaan"): the request is about what is new, and that is still an idea.
_NEW_PART = words(
    r"(dit|dat|deze|het\s+(plan|idee|project))\b[^.!?]{0,40}\b(is|zijn)\s+(nog\s+)?"
    r"(helemaal\s+|echt\s+|wel\s+)?nieuw|(is|zijn)\s+(helemaal\s+)?nieuw\s+voor\s+(ons|mij)|"
    # "De club bestaat al veertig jaar, maar dit G-team is nog een idee"
    r"maar\s+(dit|dat|deze|het|ons|onze|de)\s+([\w-]+\s+){0,3}(is|zijn)\s+nog\b|"
    # "… draait al jaren, maar dat circulaire deel zit nog in de ideefase"
    r"maar\s+(dit|dat|deze|het|ons|onze|de)\s+([\w-]+\s+){0,3}(zit|zitten|staat|staan)\s+nog\s+"
    r"(maar\s+)?(in|op)\b|"
    # a new wish after what runs, then said to be only an idea ("Ik heb al vijf jaar een
    # eenmanszaak … Nu wil ik graag … Het is nog maar een idee")
    r"\bnu\s+(wil|willen)\s+(ik|we|wij)\b[^.!?]*[.!?]\s*(het|dit|dat)\s+is\s+nog\s+(maar\s+)?een\s+"
    r"(idee|plan)\b|"
    # "Wat dit betreft is het nog een idee. De bakkerij zelf draait al vijftien jaar.": this
    # plan against what already runs
    r"(wat\s+(dit|dat|dat\s+deel|dit\s+deel)\s+betreft|hiervoor|voor\s+(dit|dat)\s+(deel|stuk))\b|"
    r"\b(de|het|ons|onze|mijn|m['’]?n)\s+[\w-]+\s+zelf\s+(draait|loopt|bestaat|is\s+er)\b"
)


# The clauses of an answer, split at punctuation only.
_PUNCTUATION = re.compile(r"[.,;:!?\n]+")

# A start that says nothing of how long ("al bezig", "al gestart"): the time it names decides.
_JUST_BUSY = re.compile(r"(\w+\s+){0,3}(bezig|al\s+(gestart|begon\w*|begone))", re.IGNORECASE)
_NO_IDEA = words(r"(geen|nog\s+geen)\s+(flauw\s+)?(idee|benul)")


# A sentence that says what the inwoner does not know ("ik weet niet of het een stichting moet
# worden"): the words in it (a legal form, a stage) are no statement of what is.
_UNSURE = words(
    r"weet\s+(ook\s+|nog\s+|eigenlijk\s+|echt\s+)?(niet|nie)|weten\s+(nog\s+)?niet|"
    r"geen\s+(flauw\s+)?(idee|benul)\s+(of|wat|welke|hoe)|twijfel\w*|niet\s+zeker\s+of|"
    r"(vraag|vroeg)\s+(me|mij|ik\s+me)\s+af"
)


def mentions_not_knowing(text: str) -> bool:
    """Whether a text says anywhere that the inwoner does not know or it does not matter."""
    return bool(_UNKNOWN.search(text or "") or _UNSURE.search(text or ""))


def before_doubt(sentence: str) -> str:
    """The part of a sentence before it says what the inwoner does not know ("we hebben een
    vergunning nodig en weten niet waar we moeten beginnen" is sure of the permit; "ik weet
    niet of we een vergunning nodig hebben" of nothing)."""
    doubt = _UNSURE.search(sentence or "")
    return (sentence or "")[: doubt.start()] if doubt else (sentence or "")


# "…, maar ik weet niet waar ik moet beginnen": what comes before it is said for sure.
_BUT = re.compile(r"\s*,?\s+\b(?:maar|alleen)\s+(?=(?:ik|we|wij)\b)", re.IGNORECASE)
# For the stage, also a doubt without its subject ("heb een idee voor iets met werk, maar geen
# idee hoe je dat opzet": how is not known, the idea is).
_BUT_UNSURE_HOW = re.compile(
    r"\s*,?\s+\b(?:maar|alleen)\s+(?=(?:ik|we|wij)\b|(?:geen\s+(?:flauw\s+)?idee|weet|weten)\s+"
    r"(?:\w+\s+)?hoe\b)",
    re.IGNORECASE,
)


# A start that is only a trial, and saying plainly that it is an idea ("Nog echt een idee.",
# "Het is nog maar een idee"), a sentence of its own.
_TRIED = words(_TRIED_WORDS)
_SAYS_IDEA = re.compile(
    r"(?:^|(?<=[.!;:]))\s*(het\s+is\s+|is\s+|dit\s+is\s+)?nog\s+(echt\s+|maar\s+|steeds\s+|gewoon\s+)?"
    r"(een\s+)?idee\s*(?=[.!;]|$)",
    re.IGNORECASE,
)


def _started(text: str) -> re.Match[str] | None:
    """Where the text says it has just started: a plain start before a "bezig" ("een half
    jaar bezig, het loopt net" has just started)."""
    found = list(_STARTED.finditer(text))
    plain = (m for m in found if not _JUST_BUSY.fullmatch(m.group(0)))
    return next(plain, found[0] if found else None)


def sure_part(text: str, *, unsure_how: bool = False) -> str:
    """The sentences of a story, and the clauses before a "maar", that do not say what the
    inwoner does not know; with `unsure_how` also before "maar geen idee hoe …" (for the
    stage)."""
    but = _BUT_UNSURE_HOW if unsure_how else _BUT
    return " ".join(
        clause
        for sentence in sentences(text)
        for clause in but.split(sentence)
        if clause and not _UNSURE.search(clause)
    )


# Being set up now, said plainly (not "advies hoe je zoiets opstart").
_STARTING_NOW = words(
    r"(ik|we|wij)\s+(start|starten|begin|beginnen)\s+(nu\s+)?(een|met)\b|"
    r"(doen|doe|zijn|ben)\s+(nu\s+|net\s+)?(\w+\s+){0,2}(de\s+)?(inschrijving|inschrijven)\b|"
    r"(zijn|ben|is)\s+(nu\s+|net\s+|nog\s+)?(aan\s+het\s+)(opzetten|opstarten|oprichten)\b|"
    r"net\s+([\w'’-]+\s+){0,2}(begonnen|gestart|opgericht)|in\s+oprichting"
)


def started_now(text: str, catalogue: Catalogue) -> bool:
    """Whether a sentence says plainly, and wishes nothing, that the initiative is being set
    up now ("wij doen nu inschrijving KVK", "ik start een meubelmakerij")."""
    return "opstart" in catalogue.stages and _said_as_done(text or "", _STARTING_NOW)


def story_stage(text: str, catalogue: Catalogue, analyse: Analyse) -> str | None:
    """The stage a story states plainly, or None: read from a story, a weak cue ("we willen")
    is no answer, and the question is asked instead. So is a story that tells of something
    running and of a dream or plan ("ik geef al jaren les … mijn droom is een galerie"): which
    of the two the request is about, the inwoner says."""
    text = _LIVES_HERE_SINCE.sub(
        " ", _MORE_PEOPLE.sub(" ", sure_part(_FORMAL_AL.sub("al", text), unsure_how=True))
    )
    said = as_corrected(text)
    if said != text and normalise_stage(said, catalogue, analyse):
        text = said  # "Het draait al. Nou ja, eigenlijk hebben we alleen een plan"
    started = _started(text)
    if (
        started
        and "opstart" in catalogue.stages
        # "We zijn al bezig sinds vorig jaar": busy for years is running
        and not (_JUST_BUSY.fullmatch(started.group(0)) and running_stage(text, catalogue))
    ):
        return "opstart"
    stage = normalise_stage(text, catalogue, analyse)
    if stage == "opschalen" and _OUTGROWN_PLACE.search(text):
        stage = normalise_stage(_OUTGROWN_PLACE.sub(" ", text), catalogue, analyse)
    has_an_idea = _HAS_AN_IDEA.search(text) and not _BUILT_PRODUCT.search(text)
    if stage == "idee" and not (_ONLY_AN_IDEA.search(text) or has_an_idea or _MULLING.search(text)):
        return None
    if stage == "lopend" and _IDEA.search(_OTHERS_PLANS.sub(" ", text)):
        return None
    return stage


# Plans of others ("omdat er plannen zijn voor het gebied", "de gemeente heeft andere plannen met
# het pand"): no plan of the initiative's own.
_OTHERS_PLANS = words(
    r"er\s+(zijn|is|waren|was|liggen|ligt)\s+(\w+\s+)?(plannen|plan|ideeën)|"
    r"er\s+(\w+\s+)?(plannen|plan|ideeën)\s+(zijn|is|waren|was|liggen|ligt)|"
    r"(gemeente|eigenaar|corporatie|verhuurder|verhuurders|projectontwikkelaar)\s+(\w+\s+){0,3}"
    r"(plannen|plan)|"
    # what a landlord or the municipality wants ("nu wil de woningcorporatie de hal niet meer
    # beschikbaar stellen")
    r"(wil|willen|wilde|wilden)\s+(de|het|die|onze)\s+(\w+\s+)?(\w*corporatie|gemeente|eigenaar|"
    r"verhuurder|huisbaas)|(\w*corporatie|gemeente|eigenaar|verhuurder|huisbaas)\s+(wil|willen|"
    r"wilde|wilden)\b"
)


# It works and runs now: "het loopt prima", "werkt super!", "dat gaat heel goed".
_RUNS_WELL = words(
    r"(loopt|lopen|werkt|werken|gaat|draait|draaien)\s+(\w+\s+)?(heel\s+|erg\s+|echt\s+|"
    r"super\s+)?(goed|prima|super|lekker|top|fantastisch|geweldig)|"
    r"(loopt|lopen|draait|draaien)\s+als\s+een\s+(trein|tierelier|zonnetje)"
)
# A story that only wishes to begin something ("ik wil voetbaltraining geven", "we zouden graag
# een muurschildering maken", "wij, stichting X, willen er een buurthuis van maken"): probably
# an idea, when nothing in it runs, has started or was done before. Not certain (who "wil
# beginnen" may be setting it up already), so it is asked as a check, never taken as the answer.
_WISH_TO_BEGIN = words(
    r"(ik|we|wij)\b[^.?!]{0,40}?\b(wil|willen|zou|zouden|ben\s+van\s+plan|zijn\s+van\s+plan)\s+"
    r"(\w+\s+|,\s*){0,10}(beginnen|starten|opzetten|oprichten|organiseren|maken|aanleggen|openen|"
    r"geven|doen|houden|koken|opstarten|bouwen)\b|"
    # the verb first ("Nu wil ik een sociale onderneming starten")
    r"\b(wil|willen|zou|zouden)\s+(ik|we|wij)\s+(\w+\s+|,\s*){0,10}(beginnen|starten|opzetten|"
    r"oprichten|organiseren|aanleggen|openen|opstarten)\b"
)
# Done once before ("een tweede keer", "het was zo leuk", "vorig jaar ook"): not only an idea.
_DONE_ONCE = words(
    r"(tweede|derde|volgende)\s+(keer|editie)|nog\s+een\s+keer|opnieuw|weer\s+(een|zo['’]?n)|"
    r"vorige\s+keer|vorig\s+jaar|het\s+was\s+(zo|heel|erg|echt|super)|"
    r"(hebben|heb|hadden|had)\s+(\w+\s+){0,5}(gedaan|georganiseerd|gehouden|gemaakt|opgezet)"
)


# Also to another place ("willen we ook naar Voorhof en Tanthof"): the place is read from the
# catalogue.
_ALSO_TO = words(r"(willen|wil|gaan)\s+(\w+\s+){0,2}ook\s+(naar|in)\s+[^.!?]{1,60}")
# Now wider than before ("Nu willen we … door heel Vrijenban").
_WIDER_NOW = words(
    r"(nu|straks|dit\s+jaar|volgend\s+jaar)\s+(willen|gaan)\s+(we|wij|ik)\s+(\w+\s+){0,4}(door|in|over)\s+"
    r"(heel|de\s+hele|het\s+hele)\b"
)


def wishes_to_begin(text: str, catalogue: Catalogue) -> bool:
    """Whether a story only wishes to begin something: nothing in it runs, has started, grows,
    was done before or is a business already (`_WISH_TO_BEGIN`)."""
    return bool(
        _WISH_TO_BEGIN.search(text or "")
        and not (
            running_stage(text, catalogue)
            or _RUNNING_WORDS.search(text)
            or _ALREADY_DOING.search(text)
            or _started(text)
            or _RUNS_WELL.search(text)
            or done_at_set_times(text)
            or group_does_now(text)
            or _GROWING.search(text)
            or _OWN_BUSINESS.search(text)
            or _DONE_ONCE.search(text)
        )
    )


_SOMETHING_NEW = words(
    r"(wil|willen)\s+(\w+\s+){0,6}(beginnen|starten|opzetten|openen|erbij\s+\w+)|"
    # "we willen er graag een huiswerkklas bij"
    r"(wil|willen)\s+(we\s+|wij\s+|ik\s+)?er\s+(graag\s+|ook\s+|nog\s+|nu\s+)*(een|\w+)\s+(\w+\s+)?[\w-]+\s+bij\b|"
    # "Dat doen we nu drie jaar. Volgende stap: …"
    r"(de\s+|onze\s+)?volgende\s+(stap|fase)|"
    # more of what runs, somewhere or for someone new ("we willen nu ook online en in meer
    # talen", "ook in Tanthof"; not "we willen ook een ruimte")
    r"(wil|willen|gaan)\s+(nu\s+|straks\s+|graag\s+)?ook\s+(online|digitaal|in|naar|voor|op)\b"
)
_GROWTH_WORDS = words(
    r"opschal\w*|uitbrei\w*|doorgroei\w*|vestiging\w*|extra\s+locatie|meer\s+locaties|"
    r"verdubbel\w*|verdrievoudig\w*|vaker\s+open|"
    # more days, groups or places for what runs ("we willen het naar meer dagen")
    r"(naar|op|in)\s+meer\s+(dagen|avonden|groepen|wijken|plekken|scholen|buurten)|"
    r"(in|naar)\s+(nog\s+)?(meer\s+)?andere\s+(straten|wijken|buurten|scholen|locaties|steden)\b|"
    r"(meer|extra)\s+(dagen|avonden|groepen)\s+(per\s+week\s+)?(erbij|bij)|"
    # from a trial to production ("Nu willen we naar echte productie")
    r"naar\s+(echte|grote|grotere|volledige|volle)\s+(productie|schaal)|"
    rf"{_BIGGER_OR_ELSEWHERE}|"
    # a second place of what runs ("een tweede ruimte zodat we vaker open kunnen")
    r"(twee?de|2e|2de)\s+(ruimte|locatie|pand|winkel|filiaal|werkplaats|keuken|kraam|vestiging|groep|team|"
    r"zaak)\b|"
    # the same somewhere new ("we willen een tweede kraam in een andere wijk")
    r"(willen|wil|gaan)\s+(\w+\s+){0,4}(in|naar)\s+(een\s+)?andere\s+(wijk|buurt|stad|straat)\b"
)
# Done once so far ("een keer opgeruimd", "de eerste keer was leuk"), and wanting it more often.
_ONCE_SO_FAR = words(
    r"(een|één|1)\s+keer\s+(\w+\s+){0,4}(gedaan|opgeruimd|georganiseerd|gehouden|geprobeerd|"
    r"gespeeld|gekookt|gewandeld|gemaakt|geweest)\b|(de\s+)?eerste\s+keer\s+(was|is\s+geweest)|"
    # tried at a few places or for a few people ("We hebben bij vijf huizen geholpen")
    r"(hebben|heb)\s+(al\s+)?(bij|met|voor)\s+(een\s+paar|enkele|wat|\d+|twee|drie|vier|vijf|zes|"
    r"zeven|acht|negen|tien)\s+(\w+\s+){0,2}(geholpen|gedaan|gewerkt|geprobeerd|getest|geklust)\b"
)
_MORE_OFTEN = words(
    r"vaker|elke\s+(week|maand)\s+(doen|willen)|vast\s+(iets\s+)?van\s+maken|"
    # now for real ("nu willen we het echt opzetten")
    r"(willen|gaan)\s+(we|wij|ik)\s+(het|dit)\s+(nu\s+)?(echt|goed|officieel|serieus)\s+(opzetten|"
    r"starten|beginnen|organiseren|aanpakken|oppakken)"
)
# Outgrown its place ("de zaal is te klein geworden"): growing, when what it is for runs
# already. (Only looking for a bigger place, "ik zoek een grotere keuken", the blind writers
# read both as running and as growing: it says nothing of the stage.)
_OUTGROWN = words(r"te\s+klein\s+geworden|uit\s+(\w+\s+)?jasje\s+gegroeid")
_RUNNING_WORDS = words(
    rf"draai\w*\s+(al|sinds|nu)|bestaa?t?n?\s+(al|sinds)|actief|inmiddels|doen\s+al|nu\s+al|"
    rf"bestaa?t?n?\s+(\w+\s+){{0,3}}{_NUMBER}\s+jaar"
)
# A business with people working in it ("Ik heb een schoonmaakbedrijf met twaalf mensen", "8
# medewerkers in dienst"): it runs.
_HAS_STAFF = words(
    rf"(heb|hebben|run|runnen)\s+(een\s+)?(\w+\s+)?\w*({_BUSINESS_NOUNS})\s+met\s+({_NUMBER}|\d+)\s+"
    rf"(mensen|medewerkers|werknemers|man|personeelsleden|fte)\b|"
    rf"({_NUMBER}|\d+)\s+(medewerkers|werknemers|personeelsleden|fte)\s+in\s+dienst"
)
# "Er ligt al jaren een grasveld", "we wonen hier al 20 jaar": years of something else.
_NOT_THE_INITIATIVE = words(
    r"ligt|liggen|lag|staat|staan|stond|leeg|dicht|gesloten|gestopt|overleden|weg|"
    r"woon(?!kamer|ruimte)\w*|"
    r"wonen|gewoond|wacht\w*|ken\w*|zit|zitten|werk\s+\w+\s+bij|zeuren|praten|erover|"
    r"bezuinig\w*|"
    # years of caring for one's own family ("ik zorg al vier jaar voor mijn man")
    r"(zorg|zorgen|verzorg|verzorgen|mantelzorger)\s+(\w+\s+){0,2}(voor\s+)?(mijn|m['’]?n|onze)\s+"
    r"(man|vrouw|partner|moeder|vader|ouders|zoon|dochter|kind|kinderen|broer|zus|oma|opa|"
    r"schoonmoeder|schoonvader)"
)

# Years that something has decayed ("is al jaren aan het verloederen") or that the inwoner has
# looked or tried ("we hebben al een jaar gezocht"): the problem, not the initiative.
_DECAYED_OR_SOUGHT = words(
    r"verslonz\w*|verloeder\w*|vervall\w*|in\s+verval|verwaarloo\w*|verpauper\w*|rommel\w*|"
    r"rotzooi|troep|puinhoop|zooitje|bende|"
    r"achteruit\w*|gezocht|geprobeerd|gewacht|kapot|stuk|defect|versleten|onbruikbaar"
)
# "We zoeken al een jaar", "ik probeer het al maanden": the years are the search.
_SEARCHING_SO_LONG = re.compile(
    r"\b(zoek\w*|probeer\w*|proberen|wacht\w*)\s+(\w+\s+){0,2}$", re.IGNORECASE
)
_EACH_OTHER = words(r"elkaar")
# The same, the verb after the years ("Al 5 maanden probeer ik iemand te spreken").
_SO_LONG_SEARCHING = re.compile(
    r"^\W*(zoek\w*|probeer\w*|proberen|wacht\w*|bel\w*|mail\w*)\b", re.IGNORECASE
)


def grows(text: str) -> bool:
    """Words that can only mean growing ("een tweede vestiging", "uitbreiden"); a place
    outgrown or demand that rose, told by the way, is not only that (`_OUTGROWN_PLACE`)."""
    text = _OUTGROWN_PLACE.sub(" ", _DEMAND_ROSE.sub(" ", _COSTS_ROSE.sub(" ", text or "")))
    return bool(_GROWTH_WORDS.search(text))


_ENDS_BEGUN = re.compile(rf"{_BEGUN}$", re.IGNORECASE)


def running_stage(text: str, catalogue: Catalogue) -> str | None:
    """'lopend' when the text says the initiative has existed for a while (not a field that
    has lain empty for years, or a street one has lived in)."""
    if "lopend" not in catalogue.stages:
        return None
    text = text or ""
    for found in _RUNNING.finditer(text):
        # The words around it in the same sentence, and after it in the same clause ("al 25
        # jaar draait. Door bezuinigingen …" is a running theatre: the cuts are another
        # sentence; "draaien 2 jaar, zitten in Schieoevers" runs).
        before = re.split(r"[.!?\n]", text[max(0, found.start() - 35) : found.start()])[-1]
        if _ENDS_BEGUN.search(found.group(0)):
            # what was begun is named before the verb; after it comes where ("vorig voorjaar
            # een pluktuin begonnen op een verwaarloosd stukje grond")
            after = ""
        else:
            # (to the end of the word the window ends in: "stukje" is not "stuk")
            end = found.end() + 25
            while end < len(text) and text[end].isalnum():
                end += 1
            after = re.split(r"[.,;!?\n]", text[found.end() : end])[0]
        around = before + after
        if (
            _SEARCHING_SO_LONG.search(before)
            # (calling each other is the activity, to the end of the sentence: "Sinds de
            # coronatijd bellen wij met zes ouderen elkaar iedere ochtend op")
            or (
                _SO_LONG_SEARCHING.search(after)
                and not _EACH_OTHER.search(re.split(r"[.!?\n]", text[found.end() :])[0])
            )
            or _DECAYED_OR_SOUGHT.search(after)
        ):
            continue
        if not _NOT_THE_INITIATIVE.search(around):
            return "lopend"
    return None


# A plan that is ready ("het ontwerp is klaar"): being set up, unless it says it is still an
# idea ("Het ontwerp is klaar, maar er is nog niets gebouwd. Een idee dus.").
_PLAN_READY = words(
    r"(ontwerp|plan|businessplan|ondernemingsplan|tekening\w*|begroting)\s+(is|zijn|ligt|liggen)\s+"
    r"(al\s+)?(klaar|af|rond)|"
    # a design made by someone, or approved ("Er ligt een ontwerp van een hovenier")
    r"er\s+(ligt|liggen)\s+(al\s+)?(een\s+)?(\w+\s+)?(ontwerp|ontwerpen|bouwtekening\w*|"
    r"businessplan|ondernemingsplan)\b"
)
# A running initiative said in a word or two ("loopt", "draait al", "het bestaat gewoon").
_BRIEF_RUNNING = re.compile(
    r"\W*((het|dat|we|wij|ze|zij|(de\s+|ons\s+|mijn\s+|onze\s+)?(bedrijf|zaak|winkel|"
    r"stichting|project|initiatief))\s+)?(loopt|lopen|draait|draaien|bestaat|bestaan|lopend|gaande)"
    r"(\s+(al|nu|gewoon|dus|wel|echt))*\W*"
    # with its size after it ("Bedrijf draait. 12 man.")
    r"(\d+\s+(man|mensen|medewerkers|werknemers)\W*)?",
    re.IGNORECASE,
)


# Turning an idea over for a while ("ik speel al een tijdje met het idee om …", "ik loop al jaren
# rond met dit plan"): the years are the thinking's, it is an idea.
_MULLING = words(
    r"(speel|spelen|speelt|loop|lopen|loopt)\s+(\w+\s+){0,4}met\s+(het|een|dit|dat|mijn|ons)\s+"
    r"(idee|plan|gedachte)|(denk|denken|denkt)\s+(er\s+)?(al\s+)?(\w+\s+){0,3}over\s+na|"
    r"(speel|spelen|speelt|loop|lopen|loopt)\s+(er\s+|ermee\s+)(\w+\s+){0,3}(mee\s+)?rond|"
    # "ik loop al een tijdje rond met iets met muziek en kinderen"
    r"(loop|lopen|loopt)\s+(\w+\s+){0,4}rond\s+met\s+(iets|een|het|dit|dat|zo['’]?n)\b"
)


# Made and registered, but earning nothing yet ("prototype klaar, pre-revenue").
_NO_TURNOVER_YET = words(
    r"pre[-\s]?revenue|nog\s+geen\s+(omzet|inkomsten|betalende\s+klanten)|"
    r"prototype\s+(is\s+)?(klaar|af|gereed|getest)"
)


# Formal words for "al" ("Wij zijn reeds begonnen"): read as "al".
_FORMAL_AL = words(r"reeds|inmiddels\s+al")


def normalise_stage(value: Any, catalogue: Catalogue, analyse: Analyse) -> str | None:
    found = _id_or_none(value, catalogue.stages)
    if found or not value:
        return found
    value = _FORMAL_AL.sub("al", str(value))
    if _BRIEF_RUNNING.fullmatch(str(value)) and "lopend" in catalogue.stages:
        return "lopend"
    text = _NO_IDEA.sub(" ", str(value))  # "geen idee hoe dat heet" names no stage
    text = _DEMAND_ROSE.sub(" ", _COSTS_ROSE.sub(" ", _LIVES_HERE_SINCE.sub(" ", text)))
    derived = _id_or_none(analyse(text).stage, catalogue.stages)
    if derived == "opschalen" and not (_GROWING.search(text) or _GROWTH_WORDS.search(text)):
        derived = None  # "kinderen groeien zo snel" is not an initiative that grows
    if derived == "lopend" and not (running_stage(text, catalogue) or _RUNNING_WORDS.search(text)):
        derived = None  # "er ligt al jaren een grasveld" is not a running initiative
    if _ONCE_SO_FAR.search(text) and _MORE_OFTEN.search(text) and "opstart" in catalogue.stages:
        # "we hebben een keer opgeruimd, dat was leuk; ze willen het vaker doen": tried once,
        # now getting it going, not a running initiative that grows
        return "opstart"
    if _GROWING.search(text) and "opschalen" in catalogue.stages:
        return "opschalen"
    also_to = _ALSO_TO.search(text)
    if (
        also_to
        and wijken_named(also_to.group(0), catalogue)
        and (running_stage(text, catalogue) or _RUNNING_WORDS.search(text))
        and "opschalen" in catalogue.stages
    ):
        # "Het draait al drie jaar in Buitenhof, volgend jaar willen we ook naar Voorhof"
        return "opschalen"
    if _DONE_ONCE.search(text) and _WIDER_NOW.search(text) and "opschalen" in catalogue.stages:
        # "Vorig jaar hebben we tien bloembakken gezet. Nu willen we een bloemenlint door heel
        # Vrijenban.": what was done, now wider
        return "opschalen"
    started = _started(text)
    if _MULLING.search(text) and not started and "idee" in catalogue.stages:
        return "idee"
    doing = (
        # "Het draait, maar we willen er …": running, said in a clause of its own
        _BRIEF_RUNNING.fullmatch(_PUNCTUATION.split(text)[0])
        or _ALREADY_DOING.search(text)
        or _RUNS_WELL.search(text)
        or _HAS_STAFF.search(text)
        or done_at_set_times(text)
        or group_does_now(text)
    )
    running = running_stage(text, catalogue) or (
        "lopend" if doing and "lopend" in catalogue.stages else None
    )
    new_part = running and _NEW_PART.search(text) and _ONLY_AN_IDEA.search(text)
    if new_part and not started and "idee" in catalogue.stages:
        return "idee"
    if started and running and _JUST_BUSY.fullmatch(started.group(0)):
        return running  # "we zijn al bezig, sinds maart komen er elke week acht vrouwen"
    if started and _TRIED.fullmatch(started.group(0)) and _SAYS_IDEA.search(text):
        # "Nog echt een idee. We hebben alleen in ons eigen huis wat uitgeprobeerd.": their own
        # word for it, beside a trial they make little of
        return "idee" if "idee" in catalogue.stages else None
    if started and "opstart" in catalogue.stages:
        return "opstart"
    if (
        (running or derived == "lopend")
        and _OUTGROWN.search(text)
        and "opschalen" in catalogue.stages
    ):
        return "opschalen"  # "ons repaircafé draait al jaren, de zaal is te klein geworden"
    if running and _SOMETHING_NEW.search(text) and "opschalen" in catalogue.stages:
        # "Het buurthuis bestaat 30 jaar; we willen een buurtrestaurant beginnen": a running
        # initiative that adds something grows.
        return "opschalen"
    if (
        _NO_TURNOVER_YET.search(text)
        and not _OUTGROWN.search(text)
        and "opstart" in catalogue.stages
    ):
        # "Prototype klaar, pre-revenue. KvK sinds maart.": registered a while ago, but it
        # earns nothing yet; starting up, not running
        return "opstart"
    if running and _GROWTH_WORDS.search(text) and "opschalen" in catalogue.stages:
        # "dat doen we nu elke woensdag al, maar we willen het naar meer dagen": what runs grows
        return "opschalen"
    # "Het draait al tien jaar, we willen groeien" is growing; otherwise years mean running.
    if running and derived in (None, "idee", "opstart"):
        return running
    if derived is None and _IDEA.search(text) and "idee" in catalogue.stages:
        return "idee"  # "Idee-fase, we hebben alleen een prototype"
    if (
        derived is None
        and _PLAN_READY.search(text)
        and not _ONLY_AN_IDEA.search(text)
        and "opstart" in catalogue.stages
    ):
        return "opstart"  # "Het ontwerp is klaar; nu zoeken we het geld om het aan te leggen"
    if derived is None:
        # A clause about something else ("het pand staat sinds februari leeg, ik kan per direct
        # beginnen") hides what the next one says: each clause is read on its own.
        parts = [part for part in _PUNCTUATION.split(text) if part.strip()]
        for part in parts if len(parts) > 1 else ():
            found = normalise_stage(part, catalogue, analyse)
            if found:
                return found
    return derived


# A legal form that is a plan, not what they are ("we willen een stichting oprichten", "of we
# een vereniging moeten worden"): read like a negated one.
_PLANNED_FORM = words(
    r"(of\s+(we|wij|ik)\s+)?(een\s+)?(stichting|vereniging|co[öo]peratie|bv|b\.v\.|"
    r"onderneming|eenmanszaak)\s+(\w+\s+){0,3}(op\s*te\s*richten|oprichten|worden|beginnen|"
    r"starten|moeten|zouden)|of\s+(we|wij|ik)\s+(een\s+)?(stichting|vereniging|"
    r"co[öo]peratie|bv)|"
    # a form asked about ("weten niet hoe, stichting? vereniging?", "een stichting of een
    # vereniging?")
    r"(een\s+)?(stichting|vereniging|co[öo]peratie|bv|b\.v\.|eenmanszaak)(?=\s*\?)|"
    r"(een\s+)?(stichting|vereniging|co[öo]peratie|bv|eenmanszaak)\s+of\s+(een\s+)?(stichting|"
    r"vereniging|co[öo]peratie|bv|eenmanszaak)(?=\s*\?)|"
    # a form thought of ("we denken aan een cooperatie")
    r"(denk|denken|denkt|dachten|dacht)\s+(\w+\s+)?aan\s+(een\s+)?(\w*stichting|\w*vereniging|"
    r"\w*co[öo]peratie|bv|b\.v\.|eenmanszaak)|"
    # "misschien later een stichting"
    r"(later|ooit|straks|in\s+de\s+toekomst)\s+(\w+\s+)?(een\s+)?(stichting|vereniging|co[öo]peratie|"
    r"bv|b\.v\.)|"
    # how one would start a business ("ik wil leren hoe ik een bedrijf begin")
    r"hoe\s+(ik|we|wij|je|u)\s+(\w+\s+)?(een\s+)?(eigen\s+)?\w*bedrijf\w*\s+(kan\s+|moet\s+)?(begin|"
    r"beginnen|start|starten|opzet|opzetten|op\s+te\s+zetten)\b"
)
# A form the initiative may be made into later ("hoe je daar later een bedrijfje van maakt",
# "er misschien ooit een stichting van maken"): not who is behind it now, nor the form it
# starts as ("ik wil een sociale onderneming starten" is one), nor one it was made into
# ("vorig jaar hebben we er een stichting van gemaakt").
_MADE_INTO_FORM = words(
    r"(een\s+)?(stichting|vereniging|co[öo]peratie|bv|\w*bedrijf\w*|onderneming|zaak|zaakje)\s+"
    r"van\s+(te\s+)?(maakt|maken|maak)|"
    # the verb first ("hoe maken we er een echt bedrijfje van")
    r"(maken|maak|maakt)\s+(we|wij|ik|je)\s+(er|het|dit|dat)\s+(\w+\s+)?(een\s+)?(echt\w*\s+|eigen\s+)?"
    r"(stichting|vereniging|co[öo]peratie|bv|\w*bedrijf\w*|onderneming|zaak|zaakje)\s+van"
)
# A care or welfare provider ("Stichting Zorgcirkel, werkzaam in de ouderenzorg").
_CARE = words(
    r"\w*zorg|zorg(instelling|aanbieder|organisatie|verlener|groep)\w*|welzijns\w*|hulpverlen\w*"
)
# A social worker, writing from the team they work in ("ik ben sociaal werker in het wijkteam en
# wil vanuit ons team …"): read in a story (`story_organisation`), after typing for a group
# whose own plan it is. Without the team ("ik ben jongerenwerker. sinds de coronatijd doen we
# …") it may be their own club: the question asks.
_SOCIAL_WORKER = words(
    r"(ik\s+ben|als)\s+(\w+\s+){0,2}(sociaal\s+werker|maatschappelijk\s+werker|jongerenwerker|"
    r"opbouwwerker|welzijnswerker|buurtwerker|ouderenwerker)\s+(\w+\s+){0,2}(in|bij|van|vanuit)\s+"
    r"(het|de|een|ons|onze)\s+(\w+\s+)?(wijkteam|buurtteam|welzijnsteam|\w*welzijn\w*|\w*organisatie)|"
    r"(vanuit|namens)\s+(ons|onze|het|de)\s+(sociaal\s+)?(wijkteam|buurtteam|welzijnsteam)"
)
# The plan is another's, someone beside the writer ("ik zit hier met een cliënt. Zij wil een
# kookclub beginnen").
_THEIR_PLAN = words(
    r"(zij|hij|ze)\s+(wil|heeft|gaat|zoekt|organiseert|begint|start)\b|"
    r"(zit|ben)\s+(hier\s+)?(met|naast|bij)\s+(een|mijn)\s+(\w+\s+)?(cli[eë]nt\w*|bewoner\w*|"
    r"deelnemer\w*|mevrouw|meneer)"
)
# Someone writing from where they work in care or welfare ("maatschappelijk werker bij
# Welzijnspunt Delft", "ik werk als begeleider bij een zorgorganisatie"): a care or welfare
# organisation, whatever its legal form.
_WORKS_AT_CARE = words(
    r"(\w*werk\w*|werkzaam|actief)\s+(\w+\s+){0,3}(bij|voor)\s+(een\s+|de\s+|het\s+)?(\w*(zorg|welzijn)\w*|"
    r"ggz[\w-]*|verpleeghuis|verzorgingshuis|hospice)|"
    # a care provider that names itself ("Zorggroep De Linde biedt dagbesteding")
    r"\w*(zorggroep|zorginstelling|zorgorganisatie|welzijnsorganisatie)\s+(\w+\s+){0,3}(biedt|"
    r"bieden|organiseert|helpt|werkt)|"
    # "vanuit het verpleeghuis waar ik werk"
    r"(\w*(zorg|welzijn)\w*|verpleeghuis|verzorgingshuis|hospice|dagbesteding)\s+(\w+\s+){0,2}waar\s+"
    r"(ik|we|wij)\s+(\w+\s+)?(werk|werken)\b"
)
# Faith communities and their buildings are organisations of their own.
_FAITH = words(r"kerk\w*|moskee\w*|parochie|synagoge|tempel|gemeente\s+van")
_STUDENTS = words(
    r"student\w*|scholier\w*|leerlingen|klas|hogeschool|universiteit|mbo|hbo|studeer|studeren|"
    r"minor|afstudeer\w*|(aan|op|van)\s+de\s+tu"
)
# A word the inwoner said before and takes back now ("ik zei net stichting, maar dat klopt
# niet"): no longer what they say.
RETRACTED = words(
    r"(ik\s+(zei|schreef|typte|noemde)|ik\s+had\s+(\w+\s+)?(gezegd|geschreven)|er\s+staat)\s+"
    r"(net\s+|eerder\s+|daarnet\s+|net\s+nog\s+)?[^.;!?]{0,40}?(,\s*)?(maar\s+)?(dat|het)\s+(klopt|is)\s+"
    r"(niet|nie|fout|verkeerd)"
)
# "Niks officieels", "geen rechtsvorm": people without an organisation form.
_NO_FORM = words(
    r"(geen|zonder)\s+(offici[eë]le\s+|echte\s+|formele\s+|eigen\s+)?(rechtsvorm|organisatie|club|"
    r"stichting|vereniging|bv|kvk|bedrijf|onderneming|"
    r"inschrijving)\w*|ni(ks|ets)\s+officieel\w*|nog\s+niet\s+(officieel|ingeschreven)"
)


# Parents named by the school of their children ("twee andere moeders van school").
_PARENTS_OF_A_SCHOOL = re.compile(
    r"\b(moeders|vaders|ouders|moeder|vader)\s+(van|op|bij|via)\s+(de\s+|onze\s+|ons\s+|hun\s+)?"
    r"(\w+)?school\b",
    re.IGNORECASE,
)


def organisation_in_answer(text: str, catalogue: Catalogue, analyse: Analyse) -> str | None:
    """Who is behind it, read from an answer to that question: besides the words of
    `normalise_organisation`, a faith community ("een project van de kerk") and students. In
    a story these words are often whom it is for ("een huiswerkklas voor scholieren")."""
    text = RETRACTED.sub(" ", text or "")  # "ik zei net stichting, maar dat klopt niet"
    found = normalise_organisation(text, catalogue, analyse)
    if found == "onderwijs" and _PARENTS_OF_A_SCHOOL.search(text):
        # "Ik doe het samen met twee andere moeders van school": parents, who know each other
        # from the school; the school itself is behind it only when said otherwise.
        found = normalise_organisation(
            _PARENTS_OF_A_SCHOOL.sub(lambda m: m.group(1), text), catalogue, analyse
        ) or ("bewoner" if residents_act(text) and "bewoner" in catalogue.organisations else None)
    if (
        "sociale-onderneming" in catalogue.organisations
        and _SOCIAL_AIM.search(text)
        and (
            (found is None and _EARNS.search(text))
            or (found == "stichting-vereniging" and _PROFIT.search(text))
        )
    ):
        # "we hebben een kvk-nummer, verkopen soep, en de statushouders in de keuken doen er
        # werkervaring op", "een stichting met een webwinkel, de winst gaat naar ons
        # leerwerkproject": earning for a social aim, the catalogue's social enterprise
        return "sociale-onderneming"
    if found and found != "bewoner":
        return found  # a group of students is students, not residents
    if (
        found in (None, "bewoner")
        and _NO_FORM.search(text)
        and not _STUDENTS.search(text)  # students without a form are students (below)
        and "bewoner" in catalogue.organisations
    ):
        # "een clubje van de kerk, maar geen officiële stichting; gewoon acht vrijwilligers":
        # people without a form of their own
        return "bewoner"
    if found == "bewoner" and _IN_OWN_NAME.search(text or ""):
        return found  # "student, maar dit doe ik privé"; "uit onze kerk, niet de kerk zelf"
    wanted = without_negated(_PLANNED_FORM.sub(" ", text or ""))
    if _FAITH.search(wanted) and "maatschappelijke-organisatie" in catalogue.organisations:
        return "maatschappelijke-organisatie"
    if _STUDENTS.search(wanted) and "onderwijs" in catalogue.organisations:
        return "onderwijs"
    if found is None and wanted != (text or "") and in_own_name(wanted):
        return "bewoner"  # "later een stichting, maar nu ben ik het gewoon, alleen"
    if found is None and _FROM_THE_AREA.search(wanted) and "bewoner" in catalogue.organisations:
        return "bewoner"  # "ik ben gewoon een oude dame uit de buurt"
    if (
        found is None
        and _OUR_BUSINESS.search(wanted)
        and not _SOCIAL_CORE.search(text or "")
        and "ondernemer" in catalogue.organisations
    ):
        # "Wij zijn een installatiebedrijf" as the answer to who is behind it: an entrepreneur.
        # (In a first message such a company is often what they hold a social enterprise: it
        # is asked there, not read.)
        return "ondernemer"
    return found


# Earning its own money ("we verkopen soep", "een webwinkel", "een kvk-nummer"), a profit
# made, and a social aim it is made for ("werkervaring", "de winst gaat naar …").
_EARNS = words(
    r"verkoop|verkopen|verkoopt|verkochten|webwinkel|webshop|omzet|winst|verdienmodel|"
    r"kvk[-\s]?nummer|betalende\s+klanten"
)
_PROFIT = words(r"omzet|winst|verdienmodel|webwinkel|webshop|verkopen\s+(\w+\s+)?producten")
# Oneself as someone from the area, answering who is behind it ("gewoon een oude dame uit de
# buurt", "iemand uit de wijk").
_FROM_THE_AREA = words(
    r"(ik|wij|we)\s+(ben|zijn)\s+(\w+\s+){0,4}uit\s+(de|onze|mijn|deze)\s+(buurt|wijk|straat|flat)|"
    r"^\W*(gewoon\s+)?(iemand|een\s+(\w+\s+)?(bewoner|buurtbewoner|dame|heer|man|vrouw|moeder|"
    r"vader|oma|opa))\s+uit\s+(de|onze|mijn|deze)\s+(buurt|wijk|straat|flat)"
)


# Work for people at a distance from the labour market as what a company is for ("een
# schoonmaakbedrijf waar mensen met een beperking werken"): perhaps a social enterprise; a
# company that offers work placements besides its trade is an entrepreneur.
_SOCIAL_CORE = words(
    r"afstand\s+tot\s+de\s+arbeidsmarkt|mensen\s+met\s+een\s+(beperking|afstand)|"
    r"uit\s+de\s+bijstand|re-?integratie|winst\s+gaat\s+(\w+\s+){0,2}naar|sociaal|sociale"
)
# A business of one's own named by its trade ("wij zijn een installatiebedrijf", "ik heb een
# kapsalon", "mijn bakkerij"): `normalise_organisation` knows only the plain words.
_OUR_BUSINESS = words(
    r"(wij|we|ik)\s+(zijn|ben|hebben|heb)\s+(een|ons\s+eigen|mijn\s+eigen)\s+(\w+\s+){0,2}?"
    r"\w*(bedrijf|bedrijfje|zaak|zaakje|salon|bakkerij|winkel|winkeltje|atelier|studio|bureau)|"
    r"(mijn|ons|m['’]?n)\s+(eigen\s+)?\w+(bedrijf|bedrijfje|zaak|salon|bakkerij|bureau)"
)
_SOCIAL_AIM = words(
    r"werkervaring|leerwerk\w*|werkleer\w*|afstand\s+tot\s+de\s+arbeidsmarkt|"
    r"winst\s+gaat\s+(\w+\s+){0,2}naar|daar\s+doen\s+we\s+het\s+voor|aan\s+(het\s+)?werk\s+helpen|"
    r"mensen\s+met\s+een\s+(beperking|afstand)|uit\s+de\s+bijstand|re-?integratie"
)


# A school for a sport or a skill ("een boksschool", "de dansschool"): a club or a business,
# no school or students.
_LEISURE_SCHOOL = (
    r"(boks|kickboks|dans|rij|yoga|sport|zwem|vecht|kook|surf|zeil|ski|paarden|honden|ballet|"
    r"judo|karate|taekwondo|circus)school"
)
# The words of a school or its students. In a story they are often where the children go or
# where young people come from ("kinderen op de basisschool", "jongeren die van school zijn
# gegaan"), not who is behind the initiative.
_SCHOOL_WORDS = words(
    rf"(?!{_LEISURE_SCHOOL})\w*school\w*|universiteit\w*|mbo|hbo|\w*student\w*|scholier\w*|leerlingen|klas\w*|"
    r"(?-i:TU)|tu\s+delft"
)
# The writer speaks as a school, a teacher or a student ("wij als school", "ik ben docent",
# "we zijn studenten van de TU", "met mijn klas").
_AS_SCHOOL = words(
    # "wij als ouderraad van basisschool De Regenboog", "de ouderraad van de montessorischool"
    r"(ouderraad|oudercommissie|medezeggenschapsraad|leerlingenraad)\s+(van\s+)?(de\s+|onze\s+|"
    r"een\s+)?(\w+\s+)?\w*school\b|"
    r"(wij|we)\s+(als|zijn)\s+(een\s+|de\s+)?\w*\s*(school|basisschool|hogeschool|universiteit|"
    r"studenten|leerlingen|scholieren|klas)|onze\s+\w*(school|leerlingen|studenten|klas)|"
    # introduced as in a chat ("student tu hier, we hebben een idee …", "docent hier")
    r"^\W*(\w+\s+)?(student|studente|studenten|docent|leraar|lerares|juf|meester)\s+(\w+\s+)?hier\b|"
    r"(mijn|onze)\s+(klas|leerlingen|studenten)|(ik\s+ben|als)\s+(\w+\s+){0,2}(leraar|lerares|"
    r"docent\w*|leerkracht|juf|meester|directeur|directrice|mentor|\w*student\w*|scholier|"
    r"leerling|rector|schoolleider)|(ik|we|wij)\s+(studeer|studeren|zitten\s+op|zit\s+op)\b|"
    r"(namens|vanuit|van)\s+(de|onze)\s+(\w+\s+)?(school|basisschool|hogeschool|opleiding)\s+"
    r"(willen|wil|gaan|zijn|organiseren)|studententeam|studievereniging|op\s+(onze|mijn)\s+school|"
    # working at one ("ik ben intern begeleider op een basisschool", "ik werk op een mbo")
    r"(ik\s+ben|ik\s+werk(\s+als)?)\s+(\w+\s+){0,2}(op|bij|aan|van)\s+(een|de|het|onze)\s+(\w+\s+)?"
    rf"((?!{_LEISURE_SCHOOL})\w*school|college|lyceum|mbo|hbo|universiteit|opleiding)\b|"
    # researchers at the TU with their colleagues ("ik ben onderzoeker aan de TU Delft. Samen met
    # een paar collega's …"; a postdoc who lives in the wijk and has a plan there is a resident)
    r"(ik\s+ben|ik\s+werk(\s+als)?)\s+(\w+\s+){0,2}(aan|bij|op|van)\s+de\s+(tu\s+delft|(?-i:TU))\b"
    r"(?=[^|]*\bcollega['’]?s\b)|"
    # a study task of one's own ("voor een vak op de tu moeten we een project doen")
    r"voor\s+(een|ons|mijn)\s+(vak|studie|opleiding|minor|schoolproject|afstudeerproject|"
    r"stage|studieopdracht)\b"
)
# Someone who types for another person ("ik typ dit voor mijn buurvrouw", "namens een cliënt
# van mij", "ik help mijn opa hiermee"): the one reading of this, for the first story (where
# the writer works is not who is behind the initiative) and for a turn read again in context
# (an introduction, not a question for another service). Only a person counts: "namens onze
# stichting" or "we doen dit voor de buurt" says who is behind it, not for whom one types.
_ANOTHER_PERSON = (
    # a person, not a body named after people ("namens de Bewonersvereniging")
    r"cli[eë]nt(e|en|es)?|buurvrouw|buurman|buren|\w*moeder|\w*vader|\w*ouders|oma|opa|\w*zoon|"
    r"\w*dochter|kind|vriend(in|innen|en)?|bewoners?|bewoonster|deelnemers?|klanten?|collega|broer|"
    r"zus|tante|oom|neef|nicht|man|vrouw|partner|pupil|jongeren?|cursisten?|familielid"
)
_WRITING = (
    r"typ|typt|typte|typen|tik|tikt|tikken|schrijf|schrijft|schrijven|vul|vult|vullen|stuur|"
    r"stuurt|help|chat|chatten"
)
_TYPES_FOR_ANOTHER = words(
    rf"({_WRITING})\s+((dit|het|even|hier|nu|mee|in|deze\s+(vraag|chat)|dit\s+gesprek)\s+)*"
    rf"(voor|namens)\s+((een|mijn|m['’]?n|mn|onze|ons|zijn|haar|de|die)\s+(\w+\s+)?"
    rf"({_ANOTHER_PERSON})|iemand)|help\s+(mijn|m['’]?n|mn)\s+(\w+\s+)?({_ANOTHER_PERSON})|"
    rf"namens\s+(een|mijn|m['’]?n|mn|onze|ons|zijn|haar|de|die)\s+(\w+\s+)?({_ANOTHER_PERSON})|"
    r"namens\s+(hem|haar|iemand)|"
    # "… dus ik doe het voor haar", "Ik typ voor haar."
    r"(doe|typ|tik|schrijf|vul)\w*\s+(het|dit)\s+(\w+\s+)?voor\s+(hem|haar)|"
    r"(typ|tik|schrijf)\w*\s+(even\s+|nu\s+)?voor\s+(hem|haar)\b"
)


# Typing for a relative or a neighbour, a private person ("ik typ dit voor mijn moeder").
_FOR_A_RELATIVE = words(
    r"(voor|namens)\s+(mijn|m['’]?n|mn|onze|ons)\s+(oude\s+|lieve\s+)?(moeder|vader|ma|pa|mam|pap|"
    r"oma|opa|tante|oom|zus|broer|schoonmoeder|schoonvader|buurvrouw|buurman|buren|ouders|"
    r"grootmoeder|grootvader)\b"
)


# A business named anywhere ("hij heeft een bakkerij"): not a private person's plan.
_A_BUSINESS = words(
    rf"\w*({_BUSINESS_NOUNS})|zzp\w*|ondernem\w*|b\.?v\.?|vof|kerk|moskee|club|clubje|koor"
)


def types_for_a_relative(text: str) -> bool:
    """Whether the writer types for a relative or a neighbour, a private person: one who, as
    far as the text says, has no business or club."""
    return (
        types_for_another(text)
        and bool(_FOR_A_RELATIVE.search(text or ""))
        and not _A_BUSINESS.search(text or "")
    )


# Who one is, said first ("Mijn naam is G.J. van der Linden, ik ben 81 jaar en woon al vijftig
# jaar in Hof van Delft"): an introduction, not a matter for another service.
_SELF_INTRODUCTION = words(
    r"mijn\s+naam\s+is|ik\s+heet|ik\s+ben\s+\d+(\s+jaar)?|ik\s+woon\s+(al\s+|sinds\s+|hier\s+|nu\s+)?"
    r"(\w+\s+){0,3}(in|aan|op|bij)\b"
)


def introduces_oneself(text: str) -> bool:
    """Whether a message says who is writing: a name, an age, where one lives."""
    return bool(_SELF_INTRODUCTION.search(text or ""))


def types_for_another(text: str) -> bool:
    """Whether the writer says they type for another person ("ik vul het in voor mijn vader")."""
    return bool(_TYPES_FOR_ANOTHER.search(text or ""))


def without_typing_for(text: str) -> str:
    """The text without where it says for whom the writer types (it tells nothing of the
    initiative)."""
    return _TYPES_FOR_ANOTHER.sub(" ", text or "")


def story_organisation(text: str, catalogue: Catalogue, analyse: Analyse) -> str | None:
    """Who is behind an initiative, read from a story the inwoner told (not an answer to that
    question): a school only when the writer speaks as the school or its students, and no
    organisation at all when the writer types for another person (the question is asked),
    except for residents whose own plan it is ("ik typ dit voor een groep jongens … het is
    hun eigen plan")."""
    if (
        residents_own_plan(text)
        and "bewoner" in catalogue.organisations
        and normalise_organisation(without_typing_for(text), catalogue, analyse)
        in (None, "bewoner")
    ):
        return "bewoner"
    if speaks_for_residents(text) and "bewoner" in catalogue.organisations:
        # "Ik heb een vraag namens een groep bewoners": residents are behind it
        return "bewoner"
    if types_for_another(text):
        return None
    if doubts_between_forms(text):
        return UNKNOWN  # "we twijfelen tussen een bv en een stichting": asked, not again
    text = _AT_HOME.sub(" ", text or "")  # "vanuit mijn garage" is where, not a business
    text = _WITH_OTHERS.sub(" ", text)
    text = _CONTACT_WITH.sub(" ", text)
    text = _LANDLORD.sub(" ", text)  # "de woningcorporatie wil de hal terug": another party
    found = normalise_organisation(text, catalogue, analyse)
    if (
        found in (None, "bewoner")
        and _SOCIAL_WORKER.search(text)
        and not _AS_RESIDENTS.search(text)
        and not _THEIR_PLAN.search(text)
        and "maatschappelijke-organisatie" in catalogue.organisations
    ):
        # "ik ben sociaal werker in het wijkteam en wil vanuit ons team een kookgroep starten
        # voor alleenstaande vaders": the team's; whom it is for are residents. (Typing for a
        # group whose own plan it is, above, is theirs.)
        return "maatschappelijke-organisatie"
    if (
        found == "ondernemer"
        and _OWN_BUSINESS.search(text)
        and not _OWN_BUSINESS.search(_OURS.sub(" ", text))
    ):
        # "ons naaiatelier", "ons bedrijf": a business of several, which may as well be a
        # cooperative or a social enterprise; the question asks it ("ik heb een bakkerij",
        # "zzp'er" or "een bv" says an entrepreneur).
        found = None
    as_school = bool(_AS_SCHOOL.search(text or ""))
    if (
        found == "bewoner"
        and as_school
        and not speaks_as_residents(text)
        and "onderwijs" in catalogue.organisations
    ):
        # "voor een vak op de tu moeten we een project doen … voor studenten en buren": the
        # students write; the neighbours are whom it is for.
        return "onderwijs"
    if found == "onderwijs" and not as_school:
        # The school is where the children go: read the story again without it.
        found = normalise_organisation(_SCHOOL_WORDS.sub(" ", text), catalogue, analyse)
    if (
        found is None
        and as_school
        and _SCHOOL_WORDS.search(text)
        and "onderwijs" in catalogue.organisations
    ):
        found = "onderwijs"  # "ik ben docent op het mbo en wil met mijn studenten …"
    return found


def lives_there(text: str, catalogue: Catalogue) -> bool:
    """Whether the writer says they live in a wijk ("ik woon in buitenhof"; not "ik woon 6
    jaar in Delft", which says nothing of where it happens)."""
    return any(
        wijk_named(text[found.end() : found.end() + 40], catalogue)
        for found in _LIVES_THERE.finditer(text or "")
    )


# The writer lives where it happens ("ik woon in Buitenhof", "wij wonen aan het plein"): a
# resident, when the story names no organisation.
_LIVES_THERE = words(
    r"(ik\s+woon|wij\s+wonen|we\s+wonen)\s+((zelf|al|hier|ook|nu|sinds\s+\w+|\w+\s+jaar)\s+)*"
    r"(in|aan|op)\b"
)


# The landlord of where it happens ("de woningcorporatie", "onze verhuurder"): not who is behind
# the initiative.
_LANDLORD = words(
    r"(de|die|onze|ons|hun)\s+(\w+\s+)?(woningcorporatie|corporatie|woningbouwvereniging|"
    r"verhuurder|huisbaas|vastgoedeigenaar)"
)


# Writing for a group of residents ("namens een groep bewoners"); not a body of theirs
# ("namens de bewonersvereniging"). ("Met een paar buren willen we …" tells who takes part, not
# who is behind it: that is asked.)
_FOR_RESIDENTS = words(
    r"namens\s+(een\s+(\w+\s+)?groep|een\s+paar|de|onze|alle)\s+(\w+\s+)?(bewoners|buren|"
    r"buurtbewoners|huurders|flatbewoners|straatgenoten|buurtgenoten)\b"
)


# A business named as ours, without who owns it ("voor ons naaiatelier", "onze winkel").
_OURS = words(r"(ons|onze)\s+((eigen|kleine?|nieuwe?)\s+)?\w+")


def residents_own_plan(text: str) -> bool:
    """Whether the writer tells of residents whose own plan it is ("ik typ dit voor een groep
    jongens … het is hun eigen plan, ik help ze alleen"): residents are behind it."""
    return bool(_THEIR_OWN_PLAN.search(text or "")) and bool(_RESIDENT_GROUP.search(text or ""))


_NOT_SOCIAL = words(r"(geen\s+|niet\s+(een\s+)?)(\w+\s+)?sociale\s+onderneming")
# That the plan belongs to those the writer types for ("het is hun eigen plan, ik help alleen").
_THEIR_OWN_PLAN = words(r"(hun|haar|zijn)\s+eigen\s+(plan|idee|initiatief|project)")
# Residents, not an organisation: a group of young people, neighbours, parents …
_RESIDENT_GROUP = words(
    r"(groep|groepje|stel|paar)\s+(\w+\s+)?(jongeren|jongens|meiden|meisjes|tieners|buren|"
    r"bewoners|ouders|moeders|vaders|ouderen|vrouwen|mannen|vrienden|vriendinnen)|"
    r"buren|bewoners|buurtbewoners|buurvrouw|buurman|buurjongens"
)


def business_not_social(text: str) -> bool:
    """Whether a story says it is a business and not a social enterprise ("een gewoon
    mkb-bedrijf, geen sociale onderneming")."""
    return bool(_NOT_SOCIAL.search(text or "")) and bool(
        _OWN_BUSINESS.search(without_negated(text))
    )


def works_at_care(text: str) -> bool:
    """Whether the writer speaks from where they work in care or welfare ("opbouwwerker bij
    een welzijnsorganisatie"): a care or welfare organisation, whatever its legal form."""
    return bool(_WORKS_AT_CARE.search(without_negated(text or "")))


def speaks_for_residents(text: str) -> bool:
    """Whether a text writes for a group of residents ("namens een groep bewoners")."""
    return bool(_FOR_RESIDENTS.search(text or ""))


def speaks_as_residents(text: str) -> bool:
    """Whether a text speaks as residents or for a residents' body ("wij zijn een paar buren",
    "met onze bewonersgroep"), not of residents it is for."""
    return bool(_AS_RESIDENTS.search(without_negated(text or "")))


def says_who_they_are(text: str) -> bool:
    """Whether a text says plainly who is behind the initiative, beyond naming the people
    involved: residents who say they are residents or speak as a residents' body, or someone
    who speaks for a club ("wij zijn een paar buren", "de bewonerscommissie", "ik ben
    secretaris van de tennisclub")."""
    wanted = without_negated(text or "")
    return bool(
        _AS_RESIDENTS.search(wanted)
        or _CLUB.search(wanted)
        or _IN_OWN_NAME.search(text or "")
        # "geen stichting, geen bedrijf, gewoon een stel buren"
        or (_NO_FORM.search(text or "") and _ONLY_PEOPLE.search(text or ""))
    )


# Choosing between forms, not yet one of them ("we twijfelen nog tussen een stichting of een bv").
_DOUBTS_BETWEEN = words(
    r"twijfel\w*\s+(nog\s+|ook\s+|een\s+beetje\s+)?tussen|"
    # "ik twijfel of het een stichting of een bv moet worden", "weet niet of dat een … of …"
    r"(twijfel\w*|weet\s+(\w+\s+)?niet|weten\s+(\w+\s+)?niet)\s+of\s+(het|dat|dit|we|wij|ik)\s+"
    r"(\w+\s+){0,2}?(een\s+)?[\w-]+\s+(of|en)\s+(een\s+)?[\w-]+|"
    # "We zoeken nog uit of we een stichting worden of dat het via de school gaat."
    r"(zoek\w*|kijk\w*|bekijk\w*|uitzoeken|denk\w*)\s+(\w+\s+){0,2}(uit\s+|na\s+)?of\s+[^.!?]{3,60}?"
    r"\s+of\s+(dat\s+)?(het|we|wij|ik|ze|een)\b|"
    # "Misschien richten we een vereniging op, misschien ook niet."
    r"misschien\s+[^.!?]{0,60}\bmisschien\s+(ook\s+)?(niet|nie|geen)\b|"
    # "misschien een stichting, misschien een bv"
    r"misschien\s+((wordt|worden)\s+(het|we)\s+)?(een\s+)?\w+\s*[,;]?\s+(of\s+)?misschien\s+(een\s+)?\w+|"
    # "Bv of stichting, dat moet ik nog uitzoeken"
    r"(een\s+)?[\w.-]+\s+of\s+(een\s+)?[\w.-]+\s*[,;:]?\s+(dat\s+)?(moet|moeten|ga|gaan)\s+(ik|we|"
    r"wij)\s+(nog\s+)?(uitzoeken|bekijken|beslissen|kiezen|bedenken)|"
    # "(bv of stichting?)", "een bv of een stichting??": the choice asked
    r"\(?\s*(een\s+)?(bv|b\.v\.|stichting|vereniging|co[öo]peratie|eenmanszaak)\s+of\s+(een\s+)?"
    r"(bv|b\.v\.|stichting|vereniging|co[öo]peratie|eenmanszaak)\s*\?"
)


def doubts_between(text: str) -> bool:
    """Whether an answer weighs two options without choosing ("twijfel tussen A en B")."""
    return bool(_DOUBTS_BETWEEN.search(text or ""))


def doubts_between_forms(text: str) -> bool:
    """Whether a story weighs two legal forms ("we twijfelen tussen een bv en een stichting");
    not two wijken or two dates."""
    return any(_DOUBTS_BETWEEN.search(s) and _FORM_WORDS.search(s) for s in sentences(text or ""))


def without_planned_form(text: str) -> str:
    """The text without a legal form named only as a plan ("we willen een stichting worden")."""
    return _PLANNED_FORM.sub(" ", text or "")


def planned_form(text: str) -> bool:
    """Whether a text names a legal form only as a plan ("we willen een stichting oprichten")."""
    return bool(_PLANNED_FORM.search(text or "") or _MADE_INTO_FORM.search(text or ""))


def without_form_made_later(text: str) -> str:
    """The text without a form it may be made into later ("advies hoe je daar later een
    bedrijfje van maakt" says nothing of who is behind it now), or a choice of forms asked
    ("(bv of stichting?)")."""
    return _FORM_CHOICE_ASKED.sub(" ", _MADE_INTO_FORM.sub(" ", text or ""))


# A choice between legal forms asked as a question ("(bv of stichting?)").
_FORM_CHOICE_ASKED = re.compile(
    r"\(?\s*(een\s+)?\b(bv|b\.v\.|stichting|vereniging|co[öo]peratie|eenmanszaak)\s+of\s+(een\s+)?"
    r"(bv|b\.v\.|stichting|vereniging|co[öo]peratie|eenmanszaak)\s*\?+\)?",
    re.IGNORECASE,
)


# Where it happens is not who is behind it: "een taalcafé in de bibliotheek", "een
# koffieochtend in het buurthuis van de school" (not "onze school", not "bij de bibliotheek").
_VENUE = words(
    r"(in|op)\s+(de|het)\s+(\w+\s+)?(bibliotheek|bieb|school|basisschool|buurthuis|wijkcentrum|"
    r"gymzaal|aula)(\s+(van|in|aan|op)\s+(de\s+|het\s+)?[\w-]+)?|"
    # a shopping centre or an empty shop as the place ("In ons winkelcentrum staat een winkel
    # al een jaar leeg"): no business of theirs
    r"(in|op|bij)\s+(ons|onze|het|de)\s+winkelcentrum|(een|de|het|die)\s+(lege\s+|leegstaande\s+)?"
    r"(winkel|winkelpand)\s+(\w+\s+){0,4}leeg|(lege|leegstaande)\s+(winkel|winkelpand)\w*"
)


# Businesses or organisations the initiative is for or offered to ("startende ondernemers
# coachen", "het pand beschikbaar stellen aan een maatschappelijk initiatief of een sociale
# onderneming"): not who is behind it, unless the writer says they are one ("wij zijn sociale
# ondernemers", "als ondernemers", "een klussendienst van ondernemers", "voor sociaal
# ondernemers zoals wij", "aangesloten bij de Code Sociale Ondernemingen").
_SERVED_BODY = r"((?!onze|ons|mijn)[\w-]+\s+){0,5}?(onderneming|ondernemer|stichting|vereniging)\w*"
_SERVED_BUSINESSES = words(
    r"((startende|beginnende|jonge|andere|lokale|kleine|nieuwe|sociale|sociaal|"
    r"maatschappelijke)\s+)*(ondernemers|ondernemingen)|"
    rf"aan\s+(een|de)\s+{_SERVED_BODY}(\s+(of|en)\s+(een|de)\s+{_SERVED_BODY})?|"
    # one they would buy from or work with ("een sociale onderneming waar we iets kunnen inkopen")
    rf"(een|de)\s+{_SERVED_BODY}\s+(waar|waarbij|bij\s+wie|met\s+wie)\s+(we|wij|ik)\b"
)
_SAYS_THEY_ARE = re.compile(r"\b(zijn|ben|bent|als|van|code)\s+(\w+\s+)?$", re.IGNORECASE)
_LIKE_US = re.compile(r"\s*,?\s*zoals\s+(wij|we|ons|ik|mij)\b", re.IGNORECASE)


def without_served(text: str) -> str:
    """The text without the businesses it serves (`_SERVED_BUSINESSES`)."""

    def served(m: re.Match[str]) -> str:
        theirs = _SAYS_THEY_ARE.search(text[: m.start()]) or _LIKE_US.match(text, m.end())
        return m.group(0) if theirs else " "

    return _SERVED_BUSINESSES.sub(served, text)


def _says_social_enterprise(text: str) -> bool:
    """Whether a text says it is a social enterprise, in words or by what it does with its
    profit ("we keren geen dividend uit")."""
    return bool(_SOCIAL_ENTERPRISE.search(without_negated(text)) or _NO_DIVIDEND.search(text))


# A business one had before or elsewhere ("In Eritrea had ik een eigen atelier"): not who is
# behind the initiative now.
_FORMER_TRADE = (
    r"[\w-]*(bedrijf|zaak|winkel|atelier|restaurant|salon|praktijk|bakkerij|kapsalon|\w+erij)"
)
_FORMER_BUSINESS = words(
    r"((ik|we|wij)\s+(had|hadden)|(had|hadden)\s+(ik|we|wij))\s+(\w+\s+){0,3}(een\s+)?(eigen\s+)?"
    rf"{_FORMER_TRADE}\b|"
    # "ik heb een eigen zaak gehad in Syrië"
    r"((ik|we|wij)\s+(heb|hebben)|(heb|hebben)\s+(ik|we|wij))\s+(\w+\s+){0,3}(een\s+)?(eigen\s+)?"
    rf"{_FORMER_TRADE}\s+(\w+\s+){{0,3}}gehad\b"
)


def normalise_organisation(value: Any, catalogue: Catalogue, analyse: Analyse) -> str | None:
    found = _id_or_none(value, catalogue.organisations)
    if found or not value:
        return found
    text = _FORMER_BUSINESS.sub(" ", str(value))
    if not re.search(_WE_ARE_A_CLUB, text, re.IGNORECASE):
        text = _HOBBY_CLUB_WORD.sub(" activiteit ", text)  # "onze kookclub": the activity
    if len(text.split()) > 3:  # "ondernemers" alone answers who they are
        text = without_served(text)
    earns = _EARNS_OWN.search(text) and _BODY.search(without_negated(text))
    social = _says_social_enterprise(text)
    if (
        social
        and _OWN_BUSINESS.search(text)
        and not _says_social_enterprise(_PLANNED_FORM.sub(" ", text))
    ):
        # "Ik heb een schoonmaakbedrijf en denk erover na om daarnaast een sociale onderneming
        # te beginnen": the business they have now, the social enterprise a plan
        social = False
    if (social or earns) and "sociale-onderneming" in catalogue.organisations:
        # More telling than the legal form it may have ("een bv, een sociale onderneming"; a
        # cooperative that earns its own money has the catalogue's "verdienmodel").
        return "sociale-onderneming"
    if (
        _IN_OWN_NAME.search(text)
        and not _REGISTERED_FORM.search(without_negated(_IN_OWN_NAME.sub(" ", text)))
        and "bewoner" in catalogue.organisations
    ):
        # "ik ben wel student, maar dit doe ik privé"; "mensen uit onze kerk, niet de kerk zelf"
        return "bewoner"
    wanted = without_negated(_PLANNED_FORM.sub(" ", _VENUE.sub(" ", text)))
    if (
        len(text.split()) <= _ANSWER_WORDS
        and _ONLY_PEOPLE.search(text)
        and not _FORM_WORDS.search(wanted)
        and not _OWN_BUSINESS.search(wanted)
        and "bewoner" in catalogue.organisations
    ):
        # "Ik met twee andere moeders van school", "alleen ikzelf": people, no organisation.
        return "bewoner"
    found = _id_or_none(analyse(wanted).organisation, catalogue.organisations)
    if found == "bewoner" and not _AS_RESIDENTS.search(wanted):
        # Residents who take part in what a business or a care organisation runs: "een markt
        # voor ons café, met buurtbewoners die iets verkopen" is the café's; "Ik werk als
        # herstelcoach bij een GGZ-instelling … schilderen met buurtbewoners" the care
        # organisation's.
        for runs_it, kind in (
            (_OWN_BUSINESS, "ondernemer"),
            (_WORKS_AT_CARE, "maatschappelijke-organisatie"),
        ):
            if runs_it.search(wanted) and kind in catalogue.organisations:
                return kind
    if (
        found == "stichting-vereniging"
        and _CARE.search(wanted)
        and "maatschappelijke-organisatie" in catalogue.organisations
    ):
        return "maatschappelijke-organisatie"  # a care or welfare provider, whatever its form
    if found:
        return found
    if _CLUB.search(wanted) and "stichting-vereniging" in catalogue.organisations:
        return "stichting-vereniging"
    if _AS_RESIDENTS.search(wanted) and "bewoner" in catalogue.organisations:
        return "bewoner"  # "namens het buurtcomité", "wij zijn bewoners van het hofje"
    if _WORKS_AT_CARE.search(wanted) and "maatschappelijke-organisatie" in catalogue.organisations:
        return "maatschappelijke-organisatie"
    if (
        lives_there(wanted, catalogue)
        and not _OWN_BUSINESS.search(wanted)
        and "bewoner" in catalogue.organisations
    ):
        return "bewoner"  # "ik ben Ans, ik woon in buitenhof. ik wil een koffieochtend …"
    if len(text.split()) > _ANSWER_WORDS:
        return None
    if _OWN_BUSINESS.search(wanted) and "ondernemer" in catalogue.organisations:
        return "ondernemer"
    if (
        _RESIDENTS.search(wanted) or _NO_FORM.search(text)
    ) and "bewoner" in catalogue.organisations:
        return "bewoner"
    return None


# A legal form an answer says it has ("een studentenvereniging, bij de KvK ingeschreven als
# vereniging. Niet via de universiteit."): not in their own name.
_REGISTERED_FORM = words(
    r"(ingeschreven|geregistreerd|opgericht|sta|staan|staat)\s+(\w+\s+){0,5}als\s+(een\s+)?"
    r"\w*(stichting|vereniging|co[öo]peratie|eenmanszaak|bv)|(we|wij)\s+zijn\s+(een\s+)?"
    r"\w*(stichting|vereniging|co[öo]peratie)"
)
# Doing it in one's own name, not for the body one belongs to ("dit doe ik puur privé", "niet de
# kerk zelf, wij doen het als buurtbewoners", "heeft niks met de uni te maken").
_IN_OWN_NAME = words(
    r"priv[ée]|als\s+(buurt)?bewoners?|als\s+particulier(en)?|als\s+buren|"
    # "Ik ben gewoon bewoner hoor", "ik ben maar een buurtbewoner"
    r"ik\s+ben\s+(gewoon\s+|maar\s+|alleen\s+|zelf\s+)*(een\s+)?(buurt)?(bewoner|bewoonster|inwoner)|"
    # "Ik doe het als persoon, niet via de universiteit", "ik ben een persoon, geen organisatie"
    r"als\s+(persoon|priv[ée]persoon|individu|mens)|"
    r"ik\s+ben\s+(gewoon\s+|maar\s+)?(een\s+)?(persoon|priv[ée]persoon|individu)\b|"
    r"niet\s+via\s+(de|het|mijn|m['’]?n|ons|onze)\s+(\w+\s+)?(werk|werkgever|universiteit|uni|school|"
    r"bedrijf|zaak|organisatie|kerk|moskee|club|vereniging|stichting)|"
    r"op\s+eigen\s+(houtje|initiatief|titel|gelegenheid)|op\s+persoonlijke\s+titel|"
    # "Onze kerk stelt de zaal beschikbaar, maar … Het zijn gewoon buurtbewoners die het doen."
    r"(het|dat|dit)\s+zijn\s+(gewoon\s+|allemaal\s+)?(buurtbewoners|bewoners|buren|"
    r"buurtgenoten)\s+die\s+het\s+(doen|organiseren|trekken|regelen|draaien)|"
    r"in\s+(mijn|m['’]?n|me)\s+(uppie|eentje)|"
    r"(ben|doe)\s+ik\s+het\s+(nu\s+)?(gewoon\W+)?(alleen|zelf)\b|"
    r"niet\s+(de|het|onze|ons|mijn)\s+\w+\s+zelf|"
    # "Een paar moeders van de basisschool. De school zelf doet niet mee hoor."
    r"(de|het|onze|ons)\s+[\w-]+\s+zelf\s+(doet|is|zit|speelt)\s+(\w+\s+)?(niet|nie)\s+(mee|bij|"
    r"betrokken)\b|"
    # "ik ben wel student maar het is niet voor school"
    r"(het|dit|dat)\s+is\s+niet\s+(voor|van|via)\s+(de\s+|mijn\s+|m['’]?n\s+)?(school|studie|"
    r"opleiding|uni|universiteit|hogeschool|werk|baas|zaak|bedrijf)\b|"
    r"(niks|niets)\s+(\w+\s+)?met\s+(de|het|onze|ons|mijn)\s+\w+\s+te\s+maken"
)


def in_own_name(text: str) -> bool:
    """Whether an answer says the inwoner acts for themselves ("als particulier", "privé")."""
    return bool(_IN_OWN_NAME.search(text or ""))


# Earning its own money ("we verdienen ons eigen geld", "ons geld verdienen we zelf"), by a
# foundation, association or cooperative: the catalogue's "stichting met verdienmodel".
_EARNS_OWN = words(
    r"(verdienen|verdient|verdien)\s+(\w+\s+){0,3}(eigen\s+(geld|inkomsten|brood)|zelf)|"
    r"(geld|inkomsten)\s+(\w+\s+){0,2}(verdienen|verdient)\s+(we|wij|ze|zij)\s+zelf|"
    r"eigen\s+inkomsten|"
    # "van die winst betalen wij alles", "maar wij verkopen ook taart op de markt"
    r"(van|met|uit)\s+(die|de|onze|ons|deze|het)\s+(winst|opbrengst\w*|verkoop|omzet)\s+"
    r"(betalen|bekostigen|betaal|financieren|draaien)\s+(we|wij|ze|zij)\b|"
    r"(maar|en)\s+(we|wij|ze|zij)\s+verkopen\s+ook\b|"
    # paid for the work it does ("de coaches zijn lid en worden per traject betaald")
    r"per\s+(traject|opdracht|klus|project|dienst|levering)\s+(betaald|vergoed|gefactureerd)"
)
_BODY = words(r"stichting\w*|vereniging|co[öo]peratie\w*|\w*co[öo]peratie")


# A place offered to people far from work ("we hebben plek voor twee mensen uit de bijstand"):
# staff, no space.
_PLACE_FOR_WORKERS = re.compile(
    r"\b(plek|plekken|plaats|plaatsen|ruimte)\s+voor\s+(\w+\s+){0,2}(mensen|jongeren|iemand|"
    r"statushouders|nieuwkomers)\s+(uit|met|in|van)\s+(de\s+|een\s+)?(bijstand|uitkering|"
    r"afstand|beperking|wajong)\b"
    # and where they would work ("… in de werkplaats", "… bij ons in de keuken")
    r"(\s+(bij\s+ons\s+)?(in|bij|op)\s+(de|het|onze|ons|mijn)\s+\w+)?",
    re.IGNORECASE,
)


# The work volunteers join in ("mee repareren", "meekoken").
_WORK = (
    r"(repareren|koken|bouwen|tuinieren|klussen|sleutelen|schilderen|timmeren|naaien|bakken|"
    r"opruimen|schoonmaken|poetsen|organiseren|werken|draaien|rijden|sjouwen|begeleiden)\b"
)


# Everyday words that, as an answer to "waar zoekt u hulp bij?", name a need ("een plek",
# "een potje", "handen"), while in a story they could mean anything.
_NEED_ANSWER_WORDS: dict[str, re.Pattern[str]] = {
    "locatie": words(
        r"plek|plekje|plekken|plaats|ruimte|zaal|zaaltje|\w*keuken|lokaal|pand|pant|gebouw|huisje|"
        r"locatie|locaties|"
        r"grond|gemeentegrond|werkplaats|"
        # somewhere to go ("als wij eventueel ergens binnen terecht zouden kunnen")
        r"(ergens|binnen)\s+(\w+\s+)?terecht|"
        r"terrein|onderdak|ergens\s+waar|vierkante\s+meter|m2|winkelpand|bedrijfsruimte|\w*hal|werkruimte|"
        # an open-air or plain place to use ("een veldje om te spelen", "het pleintje", "een
        # loods voor de spullen", "opslag voor de kramen", "de gymzaal op zaterdag"); a field
        # or square the activity is on ("een feest op het plein") or a permit is for ("een
        # vergunning voor het plein") is where, not what is needed
        r"(?<!op\shet\s)(?<!op\sde\s)(?<!op\sons\s)(?<!voor\shet\s)(?<!voor\sde\s)(\w*veld(je|jes|en)?|\w*plein(tje|tjes|en)?)|"
        r"loods|loodsen|schuur|schuurtje|opslag\w*|gymzaal|sporthal|stalling|garagebox|hok|hokje",
    ),
    "financiering": words(
        # money in any compound ("startgeld", "een startpotje"); earning money with something is
        # a way to earn (kennis), not money to find
        r"\w*geld(?!\s+(\w+\s+){0,2}(te\s+)?verdien\w*)|\w*potjes?|budget|centen|"
        # not a wage subsidy ("subsidie voor hun loon": staff)
        r"subsidie(?!\s+(voor|op)\s+((hun|het|zijn|haar|de)\s+)?(loon|salaris|loonkosten))|"
        r"(?<!vrijwillige\s)bijdrage|financi\w*|sponsor\w*|kosten\s+dekken|"
        r"bedrag|bedragje|lening|fondsen|crowdfunding|\d[\d.]*\s*euro|euro|kost\s+\w+|"
        # help paying the rent ("en als het kan hulp met de huur")
        r"(hulp|steun|bijdrage|korting)\s+(met|bij|voor|in|op)\s+(de\s+)?huur",
    ),
    "vrijwilligers": words(
        # volunteers, not doing it unpaid ("vrijwillig, ik hoef er niks voor te hebben")
        r"vrijwilliger\w*|vrijwillige\s+(?!basis|bijdrage)\w+|"
        # hands that help, not busy ones ("ik sta met mijn handen in de olie", "handen vol")
        r"handen(?!\s+(in\s+de|vol|aan\s+het|uit\s+de|jeuken))|handjes|mensen\s+die\s+(mee)?helpen|helpers|meehelpen|"
        # people short for unpaid work ("we komen mensen tekort: trainers, … allemaal onbetaald")
        r"onbetaald\w*|(mensen|handen|kader|trainers|begeleiders|leiding)\s+tekort|"
        # too few people to do the work ("te weinig mensen om koffie te schenken")
        r"(te\s+weinig|niet\s+genoeg|onvoldoende)\s+(mensen|handen|helpers|buren|ouders)\s+om\s+|"
        r"(mensen|iemand|buren|ouders|bewoners)\s+die\s+(\w+\s+)?vrijwillig\b|"
        r"tekort\s+aan\s+(mensen|handen|kader|trainers|begeleiders|leiding)|"
        rf"{_NOBODY_HELPS}|"
        r"reparateurs|chauffeurs|begeleiders|trainers|buddy'?s|buddies|maatjes|gastvrouwen|gastheren|"
        r"mensen\s+die\s+(ons\s+|hem\s+|haar\s+)?(helpen|willen\s+helpen)|"
        # people who help, pitch in or give their time ("ouders die ons helpen met sjouwen",
        # "mensen die af en toe willen bijspringen", "buren die tijd hebben")
        r"(mensen|buren|buurtgenoten|ouders|bewoners|jongeren|studenten|vrouwen|mannen|ouderen|"
        r"leden|vrienden)\s+(nodig\s+)?die\s+(?!elkaar|(\w+\s+){0,2}(leren|krijgen|volgen)\b)"
        r"(\w+\s+){0,3}(helpen|meehelpen|klussen|"
        r"meeklussen|meedoen|mee\s+doen|bijspringen|tijd\s+(hebben|over\s+hebben)|"
        # people who give the lessons, read, drive or guide ("meer mensen die les geven", "buren
        # die willen voorlezen"); not people who get lessons or learn
        r"(les|lessen|\w+les|\w+lessen|training|trainingen|uitleg)\s+(willen\s+|kunnen\s+)?"
        r"geven|lesgeven|voorlezen|begeleiden|rijden|sjouwen|meedraaien|mee\s+draaien|"
        # people who want to come and do the work ("jonge mensen die willen komen sleutelen");
        # not guests who come to eat, watch or learn
        r"komen\s+(?!(eten|lunchen|kijken|luisteren|leren|logeren|wonen|spelen|sporten|"
        r"langs|halen|brengen|ophalen)\b)\w+en|"
        # people who want to join in the work ("handige mensen die mee willen repareren")
        rf"mee\s+(willen\s+|komen\s+|gaan\s+)?{_WORK}|(willen\s+)?mee{_WORK})|"
        r"handige\s+(mensen|buren|buurtgenoten|handen|mannen|vrouwen|ouders|vrijwilligers)|"
        # "en hoe krijg je meer mensen mee"
        r"(krijg|krijgen|krijgt)\s+(je|we|wij|ik|u)\s+(er\s+)?meer\s+(mensen|buren|bewoners|ouders|"
        r"jongeren)\s+(\w+\s+)?mee\b|"
        # people who would visit ("meer mensen die af en toe een uurtje op bezoek willen gaan")
        r"(mensen|buren|buurtgenoten|bewoners|jongeren|studenten)\s+die\s+(\w+\s+){0,6}(op\s+bezoek|"
        r"langs)\s+(willen\s+|kunnen\s+)?(gaan|komen)\b|"
        r"lesgevers|voorlezers|\w+maatjes|\w+vrijwilligers|\w+helpers|"
        r"bijspring\w*|bij\s+te\s+springen|zich\s+(\w+\s+){0,2}(willen\s+)?inzetten|"
        # more people who join in the work ("dat meer mensen meedoen, we worden niet jonger")
        r"meer\s+(mensen|buren|bewoners|buurtbewoners|ouders|jongeren|handen)\s+(\w+\s+){0,2}"
        r"(meedoen|mee\s+doen|meehelpen|mee\s+helpen|aansluiten|komen\s+helpen)|"
        # "een paar mensen die achter de bar willen staan, gewoon vrijwillig"
        r"(mensen|iemand)\s+die\s+[^.!?]{0,60}\bvrijwillig\b|"
        # people who would take on a task ("buren die in de zomer de planten water willen
        # geven", "ouders die om de beurt willen koken"); not who want to learn or get something
        r"(mensen|buren|buurtgenoten|ouders|bewoners|jongeren|studenten|leden|vrienden)\s+die\s+"
        r"(?!(\w+\s+){0,6}(leren|krijgen|volgen|ontvangen|eten)\b)(\w+\s+){0,6}(willen|kunnen)\s+"
        r"(geven|doen|zorgen|oppassen|sproeien|schoonmaken|opruimen|koken|bakken|rijden|bouwen|"
        r"tuinieren|schilderen|repareren|organiseren|begeleiden)\b|"
        # a task told as what those people do ("ouders of buren die in de zomervakantie water
        # geven")
        r"(mensen|buren|buurtgenoten|ouders|bewoners|jongeren|studenten|leden|vrienden)\s+die\s+"
        r"(\w+\s+){0,6}(water\s+geven|sproeien|gieten|oppassen|schoonmaken|opruimen|onderhouden|"
        r"bijhouden|wieden|maaien)\b",
    ),
    "vergunning": words(
        r"vergunning\w*|toestemming|mag\s+het|of\s+het\s+mag|mag\s+dat|mogen\s+we|regels|"
        # the answer is that it is allowed ("Dat het mag. Die bankjes komen op grond van …")
        r"^\W*dat\s+(het|dat|dit|we|wij|ik)\s+(\w+\s+)?(mag|mogen)\b|"
        # "ze weten niet of een nieuwe schuur mag van de gemeente"
        r"(mag|mogen)\s+van\s+(de\s+)?gemeente|"
        # in plain or A2 Dutch: "papier van gemeente", "een papiertje dat het mag"
        r"(papier|papieren|papiertje)\s+(van\s+(de\s+)?gemeente|dat\s+(het|dit)\s+mag)|"
        # "mag je de straat dan afsluiten?", "de straat een middag dicht"
        r"(mag|mogen)\s+(je|ik|u|we|wij|men)\s+(\w+\s+){0,4}(afsluiten|plaatsen|neerzetten|zetten|"
        r"gebruiken|bouwen|ophangen|verkopen|schenken)|"
        r"(straat|weg|plein)\s+(\w+\s+){0,3}(afsluiten|afgesloten|dicht)"
    ),
    "zichtbaarheid": words(
        r"bekendheid|bekender|reclame|promotie|pr|publiciteit|aandacht|naamsbekendheid|"
        r"ruchtbaarheid|meer\s+mensen\s+(het\s+)?weten|"
        # "als meer mensen in de buurt wisten dat wij er zijn"
        r"(mensen|buren|bewoners|ouders|iedereen)\s+(\w+\s+){0,4}(wisten|weten|zouden\s+weten)\s+dat\s+"
        r"(we|wij|ik|het|dit)\s+(er\s+)?(zijn|ben|is|bestaan|bestaat)\b|"
        # "mensen moeten het wel weten, anders komt er niemand"
        r"(mensen|buren|bewoners|ouders|iedereen|de\s+(buurt|wijk))\s+(moeten|moet)\s+(het|ervan|dat)\s+"
        r"(\w+\s+)?(weten|wete|horen)\b|anders\s+komt\s+er\s+(niemand|geen\s+mens|geen\s+hond)|"
        # "en dat mensen het weten zodat er meer meedoen", "dat de buurt ervan hoort"
        # (also schools, young people: "en dat scholen het weten zodat andere jongeren het zien")
        r"dat\s+(meer\s+|alle\s+|de\s+)?(mensen|buren|bewoners|ouders|iedereen|scholen|jongeren|"
        r"kinderen|ouderen|huisartsen|de\s+(buurt|wijk))\s+"
        r"((het|ervan|dat)\s+|(\w+\s+){0,4}(van|over)\s+(ons|het|onze|de)\s+(\w+\s+)?)?"
        r"(weten|weet|horen|hoort)\b|"
        # "laten zien dat we er zijn"; not "laten zien dat het werkt" (impact)
        r"(laat|laten)\s+zien\s+dat(?![^.,;!?]{0,40}\b(oplever\w*|werkt|helpt|effect\w*|verschil))|"
        r"zichtbaar\w*|(mensen|men|iedereen)\s+(ons|het)\s+(zien|ziet|kent|kennen|vinden)|"
        r"gezien\s+worden|in\s+de\s+krant|op\s+de\s+kaart|"
        # that people know it is there or can find it ("dat ouderen weten dat het er is", "dat
        # de buurt ons weet te vinden"); "we weten dat er regels zijn" is what the inwoner knows
        r"(?<!\bik\s)(?<!\bwe\s)(?<!\bwij\s)\b(weten|weet)\s+((bijna\s+)?niemand\s+|weinig\s+mensen\s+)?"
        r"dat\s+(\w+\s+){0,2}(er\s+(\w+\s+){0,4}"
        r"(is|zijn)|bestaat|bestaan)|(ons|het)\s+(beter\s+|makkelijker\s+)?(weten|weet|kunnen|kan)\s+"
        r"(te\s+)?vinden|vindbaar\w*|"
        r"beter\s+(te\s+)?vinden|"
        # reaching the people it is for ("hoe we eenzame ouderen bereiken"); not what it
        # achieves with them ("wat we met ouderen bereiken")
        r"(?<!\bmet\s)(?<!\bmet\sde\s)\b(de\s+)?(doelgroep|mensen|ouderen|jongeren|bewoners|buurtbewoners|ouders|"
        r"gezinnen|vrouwen|mannen|nieuwkomers|deelnemers|bezoekers|klanten|buren)\s+(te\s+)?"
        # (not the aim before the means: "meer jongeren bereiken dus zoeken we contact met …")
        r"(bereiken|binnenkrijgen|binnen\s+krijgen)(?!\s*,?\s*(dus|daarom|daarvoor|via)\b)|"
        # the channels through which people hear of it
        r"insta|tiktok|socials|sociale\s+media|social\s+media|posters?|affiches?|folders?|"
        r"flyeren|mond[\s-]+tot[\s-]+mond\w*|huis[\s-]+aan[\s-]+huis\w*|wijkkrant|buurtkrant",
    ),
    "netwerk": words(
        r"[ck]onta[ck]t(en)?\s+met|netwerk|in\s+contact|koppelen|"
        # people to meet or to be sent ("iemand van de gemeente interviewen", "dat het wijkteam
        # mensen naar ons doorstuurt")
        r"(iemand|mensen)\s+van\s+(de\s+|het\s+)?\w+\s+(\w+\s+){0,6}(interviewen|spreken|"
        r"ontmoeten|leren\s+kennen)|(mensen|deelnemers|klanten|ouderen|bezoekers|jongeren)\s+"
        r"naar\s+ons\s+(door)?(sturen|stuurt|verwijzen|verwijst)|(door)?verwijzen\s+naar\s+ons|"
        # "mensen leren kennen bij de bedrijven hier en bij de hogeschool"
        r"(mensen|partijen|organisaties|bedrijven)\s+leren\s+kennen\s+(bij|van|in|op)\b"
    ),
    "kennis": words(
        # not the model they have ("een stichting met de webshop als verdienmodel")
        r"advies|raad|hulp\s+bij\s+het\s+plan|ondernemingsplan|"
        r"(?<!als\s)(?<!met\s)(?<!met\seen\s)verdienmodel|businessmodel|"
        # (not thinking along about the municipality's policy, which is working together)
        r"rechtsvorm|meedenk\w*(?!\s+over\s+(\w+\s+){0,2}beleid)|mee\s+denkt|bedrijfsplan|"
        r"businessplan|begroting|boekhouding|"
        # which form to take ("we weten niet of we een stichting moeten worden")
        r"of\s+(we|wij|ik)\s+(\w+\s+)?(een\s+)?(stichting|vereniging|bv|co[öo]peratie|onderneming)\s+"
        r"(\w+\s+)?(moeten|moet|kunnen|kan|zouden|zou)\s+(worden|oprichten|starten|beginnen)|"
        # the same asked ("moet ik een stichting ofzo beginnen?")
        r"(moet|moeten)\s+(ik|we|wij|je)\s+(\w+\s+)?(een\s+)?(stichting|vereniging|bv|co[öo]peratie|"
        r"eenmanszaak|rechtsvorm)\s+(\w+\s+)?(worden|oprichten|starten|beginnen|hebben|opzetten)|"
        # (not the guidance they give: "alles wat we verdienen gaat naar de begeleiding")
        r"sparren|coach\w*|(?<!\bde\s)(?<!\bonze\s)(?<!\bhun\s)begeleiding|"
        r"hoe\s+(dat|het)\s+(dan\s+)?(moet|gaat|werkt)|"
        # which form to take, or how to make a business of it ("Ik wil weten hoe ik bedrijf
        # maak. Eenmanszaak of stichting? Ik snap niet de belasting.")
        r"(eenmanszaak|stichting|vereniging|bv|co[öo]peratie)\s+of\s+(een\s+)?(eenmanszaak|"
        r"stichting|vereniging|bv|co[öo]peratie)\b|hoe\s+(ik|we|je)\s+(een\s+)?(bedrijf|bedrijfje|"
        r"zaak|onderneming)\s+(maak|maken|begin|beginnen|start|starten)|belastingdienst|btw|"
        r"(snap|begrijp)\s+(\w+\s+){0,2}(niet|nie)\s+(\w+\s+)?belasting\w*|"
        # "iemand die haar kan helpen om haar plan op papier te zetten", "een plan voor de
        # bank schrijven"
        r"plan\s+(\w+\s+){0,3}(te\s+)?(schrijven|opstellen)|"
        r"(plan|plannen|idee|ideeën)\s+op\s+papier\s+(te\s+)?(zetten|krijgen)|"
        # doubting which form to take ("we twijfelen tussen een bv en een stichting")
        r"twijfel\w*\s+(tussen|over)\s+(\w+\s+){0,3}(stichting|vereniging|bv|co[öo]peratie|"
        r"rechtsvorm|onderneming)|"
        r"hoe\s+(we|ik|je)\s+(\w+\s+){0,3}(aanpakken|opzetten|oprichten|beginnen)|"
        # help with the paperwork
        r"papieren|papierwerk|administratie|formulieren|regelwerk|welke\s+papier|"
        r"papier(en)?\s+(\w+\s+)?(nodig|regelen|invullen)|"
        # someone who looks along or helps with the plan
        r"meekijk\w*|mee\s+(te\s+)?kijk\w*|(helpt|helpen|hulp)\s+((mij|me|ons)\s+)?(bij|met)\s+(het\s+|ons\s+|mijn\s+|"
        r"een\s+|de\s+)?(plan|plannen|opzet)\b",
    ),
    "samenwerking": words(
        r"samenwerk\w*|samen\s+(te\s+)?werken|samen\s+met\s+de\s+gemeente|de\s+weg\s+(\w+\s+){0,3}vinden|"
        r"aanspreekpunt|contactpersoon|vast\s+punt|aansluiten\s+bij|partner\s+van\s+de\s+"
        r"gemeente|beleid|"
        # taken as a partner, with agreements on who does what ("dat de gemeente ons serieus
        # neemt als partner", "afspraken op papier over wie wat doet")
        r"gemeente\s+(\w+\s+){0,4}als\s+(volwaardige\s+|echte\s+)?partner|"
        r"afspraken\s+(\w+\s+){0,3}over\s+wie\s+wat\s+doet|"
        # "betere afspraken met de schuldhulp van de gemeente": working arrangements with it
        r"(afspraken|overleg|korte\s+lijnen|lijntjes?|samen\s+optrekken)\s+met\s+(\w+\s+){0,5}"
        r"gemeente|samen\s+op\s+te\s+trekken|"
        # someone of the municipality on their side ("iemand van de gemeente die meedenkt",
        # "dat de gemeente meedoet")
        r"(iemand\s+van\s+)?de\s+gemeente\s+(die\s+|dat\s+)?(\w+\s+){0,2}(meedenkt|mee\s+denkt|meedoet|"
        r"mee\s+doet|meekijkt|mee\s+kijkt|achter\s+ons\s+staat|het\s+samen\s+met)",
    ),
    "personeel": words(
        r"personeel|leerwerkplek\w*|stagiair\w*|werknemers?|medewerkers?|werkzoekend\w*|"
        r"(mensen|iemand|jongeren)\s+die\s+(\w+\s+)?werk\s+zoek\w*|"
        r"een\s+plek\s+(\w+\s+)?geven\s+in\s+(mijn|onze|ons|de)\s+(werkplaats|bedrijf|zaak|winkel|keuken|"
        r"atelier|kwekerij|bakkerij)|"
        # "mensen die bij mij kunnen leren": people to take on
        r"(mensen|jongeren|jongens|meiden|iemand|kandidaten)\s+((via|van|uit)\s+(\w+\s+){1,2})?die\s+"
        r"bij\s+(mij|ons)\s+(\w+\s+){0,2}(leren|werken|meedraaien|stage\s+lopen|lopen)"
    ),
}


# Plain words for a need in any text, story or answer: supplying the municipality, work
# placements.
_NEED_WORDS_ANYWHERE: dict[str, re.Pattern[str]] = {
    # someone who helps with the work itself ("ik zou graag iemand hebben die mij helpt met de
    # soep maken en rondbrengen"); help with a plan, an application or the money is advice
    "vrijwilligers": words(
        r"(iemand|mensen)\s+(\w+\s+)?die\s+(mij|me|ons|hem|haar)\s+(\w+\s+)?(helpt|helpen)\s+"
        r"(met|bij)\s+(?!(\w+\s+){0,3}\w*(aanvra\w*|plan|subsidie\w*|administratie|formulier\w*|"
        r"papier\w*|boekhouding|website|fonds\w*|regels|vergunning\w*|stichting|bedrijf|financi\w*|"
        r"begroting|geld|computer|internet|digid|brief|brieven|promotie|pr|reclame|publiciteit|"
        r"bekendheid|marketing|media|flyers?|posters?)\b)"
    ),
    # whether something may be put or held there, the verb last ("we willen weten of we zelf
    # bankjes op het pleintje mogen zetten")
    "vergunning": words(
        r"(of|wat)\s+(je|ik|u|we|wij|men)\s+(\w+\s+){0,8}(mag|mogen)\s+(afsluiten|plaatsen|neerzetten|"
        r"zetten|gebruiken|bouwen|ophangen|verkopen|schenken|aanleggen|houden|organiseren)\b|"
        # "Moeten we dan nog iets aanvragen bij de gemeente?"
        r"(moeten|moet|hoeven|hoef)\s+(we|wij|ik|je|u)\s+(\w+\s+){0,2}(iets|wat)\s+aanvragen\b|"
        # English beside Dutch ("of we permission nodig hebben")
        r"permission|permits?"
    ),
    "inkoop": words(
        # the Buy Social marketplace, also typed joined to another word ("Buy Social-markt")
        r"buy\s*social\w*|"
        r"(verkopen|leveren|aanbieden|verhuren)\s+aan\s+(de\s+|het\s+)?(gemeente|stadskantoor|"
        r"stadhuis|gemeentehuis)|"
        # "meubels leveren aan gemeentelijke gebouwen", "aan scholen en kantoren van de gemeente"
        r"(verkopen|leveren|aanbieden|verhuren)\s+aan\s+(\w+\s+){0,2}(gemeentelijke|"
        r"(\w+\s+){0,2}van\s+de\s+gemeente)|aan\s+de\s+"
        r"gemeente\s+(\w+\s+){0,2}(verkopen|leveren|aanbieden|verhuren)|opdrachten\s+(van|voor)"
        r"\s+de\s+gemeente|gemeente\s+(als\s+"
        r"(klant|opdrachtgever)|(\w+\s+){0,3}(inkopen|inkoopt|afneemt|afnemen))|inkoop|"
        # "of de gemeente zelf klant kan worden", "voor de gemeente cateren", "als de gemeente
        # haar fietsen bij ons laat onderhouden": the municipality as a customer
        r"gemeente\s+(\w+\s+){0,3}(klant|opdrachtgever|afnemer)\s+(\w+\s+)?(worden|wordt|is|zijn)|"
        r"voor\s+de\s+gemeente\s+(\w+\s+){0,2}(cateren|catering|leveren|schoonmaken|"
        r"onderhouden|drukken|produceren|maken)|"
        # "koken voor de gemeente", "ik wil ook koken voor gemeente" (article left out)
        r"(koken|cateren|leveren|schoonmaken|drukken|produceren|bezorgen|rondbrengen|vervoeren|"
        r"onderhouden|repareren|maken|bouwen|verzorgen)\s+voor\s+"
        r"(de\s+|het\s+)?(gemeente|stadskantoor|stadhuis|gemeentehuis)|"
        r"gemeente\s+(\w+\s+){0,5}bij\s+(ons|mij)\s+(\w+\s+){0,3}(laat|laten|koopt|kopen|"
        r"inkoopt|bestelt|bestellen|afneemt|afnemen)|"
        # doing a service of the municipality ("het onderhoud van de dienstfietsen van de
        # gemeente doen", "de schoonmaak voor het stadskantoor verzorgen")
        r"(\w*onderhoud|schoonmaak|catering|vervoer|drukwerk|reparaties?|post|pakket\w*|lunch\w*|"
        r"maaltijden|koffie|was)\s+(\w+\s+){0,4}"
        # (also of the municipality's own things: "het onderhoud van de gemeentefietsen doen")
        r"(van|voor)\s+(de\s+|het\s+)?(gemeente\w*|stadskantoor|stadhuis)\s+(\w+\s+)?(doen|verzorgen|"
        r"overnemen|uitvoeren|leveren|rijden|bezorgen|rondbrengen|maken|koken|drukken)|"
        # "de dienstfietsen van de gemeente onderhouden": a service for the municipality's own
        # things and work
        r"(dienst\w+|post|kantoren|kantoor|wagenpark|drukwerk|lunch\w*|vergaderingen|"
        r"bijeenkomsten)\s+van\s+(de\s+|het\s+)?(gemeente|stadskantoor|stadhuis)\s+(\w+\s+)?"
        r"(onderhouden|schoonmaken|repareren|bezorgen|rijden|verzorgen|drukken|leveren|maken|"
        r"cateren|koken)|"
        # "ijs leveren bij evenementen van de gemeente", "koffie schenken op bijeenkomsten van
        # het stadhuis": supplying what the municipality holds
        r"(leveren|verkopen|cateren|schenken|aanbieden|verzorgen|bakken|koken)\s+(\w+\s+){0,2}"
        r"(bij|op|tijdens|voor)\s+(\w+\s+){0,2}(evenementen|bijeenkomsten|feesten|festivals|"
        r"activiteiten|vergaderingen|recepties)\s+van\s+(de\s+|het\s+)?(gemeente|stadskantoor|"
        r"stadhuis)|"
        # "cateraar worden voor bijeenkomsten van de gemeente", "vaste leverancier van de gemeente"
        r"(cateraar|caterer|leverancier|huisleverancier|drukker|schoonmaker|aannemer)\s+"
        r"(\w+\s+)?(worden|zijn|blijven)?\s*(van|voor)\s+(\w+\s+){0,3}(de\s+|het\s+)?"
        r"(gemeente|stadskantoor|stadhuis)",
    ),
    # making visible what it yields ("we tellen wat we redden en willen dat zichtbaar maken,
    # hoeveel CO2 het scheelt"): showing the effect
    "impact": words(
        r"(tellen|tel|meten|meet|bijhouden|houden\s+(\w+\s+)?bij|turven)\b[^.!?]{0,80}\bzichtbaar\s+"
        r"maken|zichtbaar\s+maken\b[^.!?]{0,40}"
        r"\b(hoeveel|wat\s+(het|dat|we|wij)\s+(\w+\s+)?(oplevert|scheelt|opleveren|bereiken))|"
        # the goals of the UN they contribute to ("laten zien aan welke duurzaamheidsdoelen van
        # de VN wij bijdragen")
        r"duurzaamheidsdoelen|werelddoelen|vn-doelen|doelen\s+van\s+de\s+vn|"
        r"(laten\s+zien|aantonen|zichtbaar\s+maken)\s+(\w+\s+){0,6}(bijdragen|bijdraagt)\b|"
        # "de CO2-besparing per dak inzichtelijk maken"
        r"(co2[\w-]*|besparing\w*|opbrengst\w*|resultaten|effect\w*|impact)\s+(\w+\s+){0,4}"
        r"(inzichtelijk|meetbaar|zichtbaar)\s+(te\s+)?maken"
    ),
    # a pot of money for it ("of er misschien een potje voor is")
    "financiering": words(r"\w*potjes?\s+(\w+\s+)?voor|\w*potjes?\s+(\w+\s+)?beschikbaar"),
    # asking whom the municipality knows ("kennen jullie toevallig iemand met een groot scherm")
    "netwerk": words(
        r"(kennen|ken|kent|weten|weet)\s+(jullie|u|je|de\s+gemeente)\s+((toevallig|misschien|ook|"
        r"nog)\s+)*(iemand|mensen|een\s+organisatie|organisaties|een\s+bedrijf|bedrijven|partijen)\b"
    ),
    # making it known ("hoe maken we het bekend in de buurt?")
    "zichtbaarheid": words(
        r"(maken|maak)\s+(we|wij|ik|je)\s+(het|ons|dit|dat)\s+(\w+\s+)?bekend\b|"
        r"(het|ons|dit|dat)\s+bekend\s+(te\s+)?maken\b"
    ),
    # not knowing how to earn a living from it ("ik weet niet hoe ik er ooit van moet leven")
    "kennis": words(
        r"(er|ervan|daarvan)\s+(\w+\s+){0,2}(van\s+)?(moet|kan|kunnen|moeten|zou|zouden)\s+"
        r"(\w+\s+)?(leven|rondkomen)|van\s+(\w+\s+)?(kunnen|kan|moet|moeten)\s+(leven|rondkomen)|"
        # making it official ("we weten niet hoe je zoiets officieel maakt, stichting ofzo?")
        r"(hoe|of)\s+(je|we|wij|ik|men)\s+(\w+\s+){0,2}officieel\s+(maakt|maken|maak|regelt|regelen|"
        r"wordt|worden)\b|(hoe|of)\s+(maak|maken|word|worden|regel|regelen)\s+(je|we|wij|ik)\s+"
        r"(\w+\s+){0,2}officieel\b|"
        # which form to take, asked in a story ("Moeten we een stichting worden of zo?")
        r"(moet|moeten)\s+(ik|we|wij|je)\s+(\w+\s+)?(een\s+)?(stichting|vereniging|bv|co[öo]peratie|"
        r"eenmanszaak|rechtsvorm)\s+(\w+\s+)?(worden|oprichten|starten|beginnen|opzetten)\b|"
        r"welke\s+(rechtsvorm|vorm)\s+(\w+\s+)?(past|passen|moeten|moet|kiezen|nemen)\b"
    ),
    "personeel": words(
        # "jongeren als leerling aannemen", "twee stagiairs in dienst nemen"
        r"(leerling|leerlingen|stagiair\w*|leerwerker\w*)\s+(\w+\s+)?(aannemen|in\s+dienst\s+nemen)|"
        r"leerwerkplek\w*|werkervaringsplek\w*|werkervaring|stageplek\w*|leerbanen|leerbaan|"
        r"werkplekken|mensen\s+(met|op)\s+(een\s+)?afstand\s+tot\s+(de\s+)?arbeidsmarkt|"
        # "jongeren een werkplek bieden": offering a place to work, not looking for one
        r"(werk|leer|stage)plek\w*\s+(\w+\s+)?(bieden|aanbieden|geven)|"
        # people far from work given a place ("mensen die al lang thuis zitten een plek geven
        # bij ons in de kantine", "langdurig werklozen laten meedraaien")
        r"(al\s+)?(lang|lange\s+tijd|jaren)\s+thuis\s+(zitten|zaten|gezeten)\b[^.!?]{0,60}\b"
        r"(plek|plekje|werk|ritme|meedraaien|meewerken|baan)|langdurig\s+werklo\w+|"
        r"(afstand|ver)\s+(\w+\s+)?(tot|van)\s+(de\s+)?(arbeidsmarkt|werk)\b[^.!?]{0,60}\b(plek|werk|kans)|"
        # "ik wil 2 jongens uit de bijstand bij mij laten werken"
        r"(mensen|jongeren|jongens|meiden|vrouwen|mannen|iemand|statushouders)\s+((uit|van|via)\s+"
        r"(\w+\s+){1,2})?bij\s+(mij|ons)\s+(\w+\s+)?(laten\s+)?(werken|meedraaien|stage\s+lopen)\b|"
        # "In de keuken wil ik mensen uit de bijstand laten werken"
        r"(mensen|jongeren|jongens|meiden|vrouwen|mannen|iemand|statushouders|nieuwkomers)\s+(uit\s+de\s+"
        r"bijstand|met\s+een\s+uitkering|werkloos)\s+(\w+\s+){0,3}laten\s+(werken|meewerken|"
        r"meedraaien)\b|"
        # "jongens die niet meer naar school gaan bij mij het vak te laten leren"
        r"bij\s+(mij|ons)\s+het\s+vak\s+(te\s+)?(laten\s+)?leren|"
        r"het\s+vak\s+(laten\s+)?leren\s+bij\s+(mij|ons)\b|"
        # "iemand met een beperking een kans geven bij ons", "werklozen een baan bieden": a place
        # to work offered ("mensen zonder werk een kans geven" reaches this as "mensen werkloos
        # …": `_WITHOUT_WORK`)
        r"((iemand|mensen|jongeren|jongere|statushouders?|nieuwkomers?)\s+(met\s+(een\s+)?"
        r"(\w+\s+)?(beperking|handicap|achterstand|afstand)|werkloos)|werklozen)\b"
        r"[^.!?]{0,30}\b(kans|plek|plekje|baan|werkplek|stage)\s+(\w+\s+)?(geven|bieden|aanbieden)",
    ),
}


# Not knowing how to start or run it is asking for advice ("ik weet niet hoe ik een bedrijf
# begin", "geen idee hoe je zoiets opzet"); read in the words as said, negation and all.
_NOT_KNOWING_HOW = words(
    r"((weet|weten)\s+((ik|we|wij|u|je)\s+)?(echt\s+|nog\s+|alleen\s+)?niet\s+(goed\s+|precies\s+)?|"
    # and wanting to learn how ("Ik wil leren hoe ik een bedrijf begin")
    r"(wil|willen|wilt)\s+(\w+\s+)?(graag\s+)?leren\s+|"
    r"geen\s+(idee|verstand)\s+(van\s+)?)hoe\s+((\w+\s+){0,4}?(begin\w*|start\w*|opzet\w*|"
    r"op\s+te\s+zetten|opricht\w*|op\s+te\s+richten|aanpak\w*|aan\s+te\s+pakken|inschrijf\w*|"
    r"inschrijven)\b|(dat|het|zoiets)\s+(allemaal\s+)?(moet|werkt|gaat)\b|"
    # "hoe ik daar een bedrijf van maak"
    r"(\w+\s+){0,3}(bedrijf|bedrijfje|onderneming|zaak|stichting)\s+(\w+\s+)?van\s+(kan\s+|te\s+)?"
    r"(maak|maken)\b)|"
    # the plan, then not knowing how ("we willen er een echte club van maken maar weten niet hoe,
    # stichting? vereniging?")
    r"(maken|beginnen|starten|opzetten|oprichten|organiseren|regelen|aanpakken)\s+(maar|en)\s+"
    r"((ik|we|wij)\s+)?(weet|weten)\s+((ik|we|wij)\s+)?(echt\s+|nog\s+)?niet\s+(goed\s+|precies\s+)?"
    r"hoe(?=\s*([,.!?:;]|$))"
)


# What the rules forbid is a question about the rules ("volgens het bestemmingsplan mag er geen
# winkel in", "de regels staan het niet toe", "het mag niet van de gemeente"): a sentence that
# names a rule or its maker and a ban. "Het mag niet te duur zijn" is a wish, no ban.
_RULE_MAKER = words(
    r"regels|regeltjes|regelgeving|bestemmingsplan|omgevingsplan|bestemming|wet|wetgeving|"
    r"(van|volgens)\s+de\s+gemeente|brandweer|politie|handhaving|vergunning\w*|\w+vergunning"
)
_BAN = words(
    r"(mag|mogen|mocht|mochten)\s+(\w+\s+){0,3}(niet|geen)(?!\s+(te|zo|meer\s+dan)\b)|"
    r"niet\s+(toegestaan|mogen|mag)|(staan|staat|laat|laten|liet)\s+(\w+\s+){0,3}(niet|geen)\s+"
    r"(\w+\s+){0,2}toe|verbo(den|dt)|(krijgen|krijg|kregen|kreeg)\s+(\w+\s+)?geen\s+"
    r"(vergunning|toestemming|ontheffing)"
)


def _banned_by_rules(text: str) -> bool:
    """Whether a sentence says the rules forbid something (and not that nothing is needed)."""
    return any(
        _BAN.search(sentence) and _RULE_MAKER.search(sentence) and not _NOT_NEEDED.search(sentence)
        for sentence in sentences(text)
    )


# Costs the initiative cannot pay are money it needs ("de huur kunnen we niet meer betalen", "die
# oven is te duur voor ons"); not what others cannot pay ("kinderen van ouders die de
# contributie niet kunnen betalen": that is who it is for) and not what need not be paid.
_CANNOT_PAY = words(
    r"niet\s+(meer\s+|zelf\s+|alleen\s+|helemaal\s+)*(te\s+|kunnen\s+)?(betalen|betaald|opbrengen|"
    r"ophoesten|bekostigen|op\s+te\s+brengen)|(kunnen|kan|konden)\s+(\w+\s+){0,3}(niet|nie)\s+"
    r"(meer\s+|zelf\s+|helemaal\s+|alleen\s+|allemaal\s+)*(betalen|opbrengen|ophoesten|bekostigen)|"
    r"te\s+duur|onbetaalbaar"
)
_OUR_COST = words(r"ik|we|wij|ons|onze|mij|me|mijn|m['’]?n")
# others' costs: a relative clause ("gezinnen die …"; not a "die" that opens: "die oven"), "hun"
_OTHERS_COST = re.compile(r"\w\s+(die|wie|wier)\b|\b(hun|zij)\b", re.IGNORECASE)


def _cannot_pay(text: str) -> bool:
    """Whether a clause says the initiative cannot pay a cost."""
    return any(
        _CANNOT_PAY.search(part)
        and _OUR_COST.search(part)
        and not _OTHERS_COST.search(part)
        and not _NOT_NEEDED.search(part)
        for part in _CLAUSE_BREAK.split(text or "")
        if part
    )


# What the initiative needs is dear ("Naaimachine is ook duur.", "de spullen kosten veel geld"):
# money it needs; not what is dear for others ("ouders voor wie de contributie duur is").
_COSTLY = words(
    r"(is|zijn|wordt|worden)\s+(ook\s+|erg\s+|heel\s+|best\s+|nogal\s+|zo\s+|wel\s+|echt\s+|"
    r"vrij\s+|gewoon\s+){0,2}(te\s+)?duur\b|(kost|kosten)\s+(\w+\s+){0,2}(veel|een\s+hoop|bakken|"
    r"flink\s+wat|best\s+wat)\s+(geld|centen|euro)"
)


def _costly(text: str) -> bool:
    """Whether a clause says something the initiative needs is dear."""
    return any(
        _COSTLY.search(part) and not _OTHERS_COST.search(part) and not _NOT_NEEDED.search(part)
        for part in _CLAUSE_BREAK.split(text or "")
        if part
    )


# Not being known is a need for publicity ("mensen weten ons niet te vinden", "niemand kent ons
# nog", "de buurt weet niet dat we bestaan"), though its words negate.
_UNSEEN = words(
    r"(weten|weet|kunnen|kan)\s+(ons|het|onze\s+\w+)\s+(\w+\s+)?(niet|nauwelijks|amper|"
    r"slecht)\s+(te\s+)?vinden|(kent|kennen)\s+(ons|onze\s+\w+)\s+(nog\s+)?(niet|nauwelijks|amper)|"
    r"niemand\s+(kent\s+ons|weet\s+(van\s+ons|dat\s+(we|wij)))|kent\s+niemand\s+ons|"
    r"(?<!\bik\s)(?<!\bwe\s)(?<!\bwij\s)\b(weten|weet)\s+(nog\s+)?(niet|nauwelijks)\s+(dat\s+(we|wij|"
    r"het|ons\s+\w+)\s+(er\s+)?(is|zijn|bestaat|bestaan)|van\s+ons\s+bestaan)|"
    r"(te\s+)?weinig\s+(mensen\s+)?(weten|kennen)\s+(ons|het|ervan)"
)


# Asking whether it may just be done, or who must say yes ("mag dat zomaar?", "dat ik niet
# zomaar een schuur mag ombouwen", "wie moet daar ja op zeggen"): a permit, though it negates.
_ASKS_LEAVE = words(
    r"(mag|mogen|mocht|mochten)\s+(\w+\s+){0,8}?zomaar|zomaar\s+(\w+\s+){0,10}?(mag|mogen|mocht|"
    r"mochten)|wie\s+(moet|moeten|mag)\s+(daar|er|hier|dat)\s+(\w+\s+)?ja\s+(op\s+)?zeggen"
)
# Income that no longer covers a cost ("de contributie dekt de energierekening niet meer").
_NOT_COVERED = words(
    r"(dekt|dekken|dekte|dekten)\s+(\w+\s+){0,2}(\w*kosten|\w*rekening|huur|uitgaven)\s+"
    r"(\w+\s+){0,4}?(niet|nie)\b"
)


# Not knowing the people of a place is a need for a network ("we kennen daar nog niemand", "dat
# we de winkeliers en bewoners daar niet kennen"); "de buren kennen ons niet" is not being known
# (publicity, `_UNSEEN`).
_PEOPLE_TO_KNOW = (
    r"(winkeliers|ondernemers|bewoners|buurtbewoners|wijkbewoners|buren|mensen|partijen|"
    r"organisaties|instanties|scholen|clubs|verenigingen|sleutelfiguren|ambtenaren|"
    r"contactpersonen|wijk|buurt)"
)
_STRANGERS = words(
    rf"{_PEOPLE_TO_KNOW}\s+((?!(ons|mij|me|onze|ze|hen|het)\b)\w+\s+){{0,4}}(nog\s+)?"
    r"(helemaal\s+|echt\s+|eigenlijk\s+)?(niet|nauwelijks|amper|slecht)\s+(kennen|ken|kent)|"
    r"(ik|we|wij)\s+(ken|kennen)\s+(\w+\s+){0,2}(nog\s+)?(bijna\s+|vrijwel\s+)?(niemand|"
    r"weinig\s+mensen)|(ik|we|wij)\s+(\w+\s+){0,3}(nog\s+)?(niemand|weinig\s+mensen)\s+(kennen|ken)|"
    rf"(ik|we|wij)\s+(ken|kennen)\s+(de\s+|die\s+)?(\w+\s+)?{_PEOPLE_TO_KNOW}\s+(\w+\s+)?"
    r"(nog\s+)?(niet|nauwelijks|amper)"
)
# What money is for is not a need of its own: "geld voor de huur" asks money, not a space.
# What names a need itself stays ("geld voor een ruimte en voor vrijwilligers").
_MONEY_FOR = re.compile(
    r"\b((\w*geld|\w*potje|budget|subsidie|bijdrage|financiering|een\s+lening|euro|"
    r"sponsoring)\s+(nodig\s+)?(voor|om)\s+)((de|het|een|onze|ons|mijn|die|dat|hun|zijn|haar)\s+)?"
    r"(?!\w*(vrijwillig|ruimte|pand|locatie|plek|advies|promotie|vergunning|loon|salaris)\w*)\w+"
    r"(\s+van\s+((de|het|een|onze|ons|mijn)\s+)?\w+)?",
    re.IGNORECASE,
)
# A funder who asks for something is no money sought ("de fondsen willen cijfers", "onze
# fondsen vragen om impactcijfers"): the funder is left out, what it asks for stays.
_FUNDER_ASKS = re.compile(
    r"\b(fonds|fondsen|subsidiegevers?|financiers?|sponsors?|subsidieverstrekkers?)\b(?=\s+"
    r"((\w+\s+)?(vragen|vraagt|vroegen|vroeg|willen|wil|wilden|wilde|eisen|eist|verwachten|"
    r"verwacht|verlangen|verlangt)\b|daarom\s+vroegen))",
    re.IGNORECASE,
)
# What is tried or running well is no need ("fondsen aangeschreven, crowdfunding gedaan, dat
# loopt allemaal wel", "de subsidie is rond"): the sentence up to it is left out.
_GOING_WELL = words(
    r"(dat|het|die|dit|alles|geld|financi\w*)\s+(\w+\s+)?(loopt|lopen|gaat|gaan|lukt|lukken)\s+"
    r"(allemaal\s+|ook\s+|eigenlijk\s+|nu\s+|heel\s+|dus\s+)*(wel|goed|prima|best|uitstekend)|"
    r"(is|zijn)\s+(al\s+)?(rond|binnen)(?=\s*([.,;:!]|$))|"
    # "we hebben alles rond: geld, plek, vrijwilligers" (what follows the colon is had too)
    r"((heb|hebben)\s+(we|wij|ik)|(we|wij|ik)\s+(heb|hebben))\s+(\w+\s+)?(alles|het|dat|dit)\s+"
    r"(al\s+|wel\s+)?rond(\s*:[^.!?]*)?"
)
# Rent, in a sentence that says it cannot be paid, is a cost ("de huur is te duur voor ons").
_RENT = words(r"huur|huurprijs|huurkosten|huurbedrag")
# The writer's own role ("ik ben penningmeester van …", "wij zijn vrijwilligers"): who they
# are, not people they look for.
_OWN_ROLE = words(
    # (not others wanted in that role: "we willen meer jongeren erbij, als vrijwilliger")
    r"(ik\s+ben|wij\s+zijn|we\s+zijn|ik\s+werk\s+als|(ik|we|wij)\s+(\w+\s+){0,3}als)\s+(\w+\s+)?(de\s+|"
    r"een\s+|als\s+)?"
    r"(penningmeester|voorzitter|secretaris|\w*co[öo]rdinator|bestuurslid|bestuursleden|"
    r"vrijwilliger|vrijwilligers)"
)
# Help the initiative gives its people with their papers and money ("dat ze iemand hebben die ff
# helpt met post, geld enzo"): what it does, not money it needs ("iemand die ons helpt met
# geld" still asks for it).
_HELP_GIVEN_WITH_MONEY = words(
    r"(helpt|helpen|hielp)\s+(\w+\s+)?(met|bij)\s+(hun\s+|de\s+|zijn\s+|haar\s+)?(post|papieren|"
    r"papierwerk|formulieren|rekeningen|administratie|brieven|schulden|geldzaken|financi[eë]n|"
    r"geld)\b([\s,]+(en\s+)?(post|papieren|papierwerk|formulieren|rekeningen|administratie|"
    r"brieven|schulden|geldzaken|financi[eë]n|geld|enzo)\b(?=[\s,]*(enzo\b|[,.!?;]|$)))*"
)
_HELPS_US = words(r"(helpt|helpen|hielp)\s+(ons|mij|me|m['’]n|mijn|onze)\b")
# People who want to be a buddy or coach, or to join in ("mensen die buddy willen zijn",
# "mensen die mee willen plukken"): volunteers sought.
_WANT_TO_BE_HELPERS = words(
    r"(mensen|iemand|buren|studenten|jongeren|ouderen)\s+die\s+(\w+\s+){0,2}(buddy|buddies|maatje|"
    r"maatjes|mentor|mentoren|coach|taalcoach|begeleider|vrijwilliger)\s+(\w+\s+)?(willen|wil|"
    r"kunnen|zouden)\s+(\w+\s+)?(zijn|worden)|"
    # (joining the work, not the guests: "buren die mee willen eten" come to eat)
    r"(mensen|iemand|buren|studenten|handen)\s+die\s+(\w+\s+){0,2}mee\s+(willen|wil|komen|"
    r"zouden\s+willen)\s+(plukken|oogsten|helpen|klussen|sleutelen|bouwen|koken|tuinieren|"
    r"schoffelen|opruimen|organiseren|repareren|bezorgen|rijden|werken|draaien|poetsen|timmeren|"
    r"schilderen|rapen|zaaien|planten|begeleiden|trainen|lesgeven|coachen)\b|"
    # people sought to do it with those it is for ("We zoeken een paar jongere mensen die eens
    # per maand met onze leden willen wandelen")
    r"(zoeken|zoek|zoekt)\s+(\w+\s+){0,3}(mensen|buren|jongeren|studenten|ouderen|vrouwen|mannen)\s+"
    r"die\s+[^.!?]{0,50}\b(willen|wil|kunnen|zouden)\s+(\w+\s+)?(wandelen|helpen|koken|voorlezen|"
    r"begeleiden|rijden|bezoeken|sporten|fietsen|klussen|tuinieren|oppassen|spelen|praten)\b|"
    # someone to take the work over ("iemand die het van mij kan overnemen", "een opvolger")
    r"(iemand|mensen|een\s+paar\s+mensen)\s+die\s+(het|dit|dat|mijn\s+taken|de\s+organisatie)\s+"
    r"(\w+\s+){0,3}(kan|kunnen|wil|willen|zou)\s+(\w+\s+)?overnemen|\b(een\s+)?opvolg(er|ers|ster)\b"
)
# More of the people who do the work ("en meer coaches, we zijn nog maar met z'n zessen",
# "meer trainers"): hands, not coaching for the initiative.
_MORE_OF_US = words(
    r"(meer|extra|nieuwe)\s+(\w+\s+)?(coaches|trainers|begeleiders|kartrekkers|lopers|koks|"
    r"tuinders|leiders|leiding|collectanten|taalcoaches|maatjes|vrijwilligers)"
)
# A first thought taken back ("eerst dacht ik geld, maar nee, …"): it is no need.
_FIRST_THOUGHT = re.compile(
    r"\b((eerst\s+)?(dacht|dachten)\s+(ik|we|wij)|(ik|we|wij)\s+(dacht|dachten))\s+"
    r"(eerst\s+|nog\s+)?[^.!?]*?\bmaar\s+"
    r"(nee|toch\s+niet|niet)\b",
    re.IGNORECASE,
)
# What is sought or lacked, named in everyday words as in an answer ("ik zoek een grotere
# keuken", "ik heb geen veld"): the few words after the search or the lack.
_SEARCH = words(r"zoek|zoeken|zoekt|op\s+zoek\s+naar|missen|mis|tekort\s+aan|behoefte\s+aan")
_OBJECT = re.compile(
    r"\s*((?:(?!(die|dat|waar|om|voor|zodat|en|of|met|in|op|bij|want|omdat|maar)\b)[\w'’]+\s*){1,4})",
    re.IGNORECASE,
)


# How they came to this chat ("Bij het spreekuur zeiden ze: zet het even in de chat op de
# website", "ik werd hierheen verwezen"): no need for a website or for visibility.
_TOLD_TO_COME = words(
    r"zeiden|zei|zegt|zeggen|te\s+horen|verwezen|doorverwezen|gestuurd|stuurden|mocht|moest|"
    r"(zet|typ|schrijf)\s+(het|dit|je\s+vraag|uw\s+vraag)"
)
_THIS_CHAT = words(r"(de|deze)\s+chat|hier|hierheen|deze\s+(website|site)")
_SITE_OR_CHAT = words(r"chat|website|site|webpagina|internet")


def sent_to_this_chat(sentence: str) -> bool:
    """Whether a sentence only tells how the inwoner was sent to this chat."""
    return bool(_TOLD_TO_COME.search(sentence) and _THIS_CHAT.search(sentence))


# Paying it oneself ("het hout betalen wij uit eigen zak", "we betalen gewoon huur"): no money
# sought; what is paid for stays ("huur" may still say they look for a space).
_PAYS_ITSELF = words(
    # (not paid "nu" or "nog" out of their own pocket: a burden they tell, money wanted)
    r"(betalen|betaal|betaalt)\s+(we|wij|ik)\s+(?!(nu|nog)\b)(\w+\s+){0,2}?(zelf|gewoon|uit\s+eigen\s+zak)|"
    r"(we|wij|ik)\s+(betalen|betaal)\s+(het\s+|dat\s+|alles\s+)?(zelf|gewoon|uit\s+eigen\s+zak)|"
    r"(?<!\bnu\s)(?<!\bnog\s)uit\s+eigen\s+zak|"
    # paying the people they look for ("niet vrijwilligers, wij willen betalen")
    r"(we|wij|ik)\s+(willen|wil|gaan)\s+((ze|hen|hun|mensen)\s+)?(gewoon\s+)?betalen(?=\s*([.,;!?]|$))|"
    # money that is no problem ("geld is geen probleem, de kerk betaalt mee")
    r"(geld|financiering|de\s+kosten|het\s+geld)\s+(is|zijn)\s+(geen|niet\s+het)\s+(probleem|punt)|"
    # someone else pays ("de kerk betaalt mee"), not a question who pays ("wie betaalt mee?")
    r"(?!(wie|of)\b)(\w+\s+)?(?<!\bwie\s)(?<!\bof\s)(betaalt|betalen)\s+(ook\s+|al\s+)?(mee|alles)\b"
    r"(?![^.!?]*\?)"
)
# Where it happens, when the place is theirs ("op ons terrein", "in ons eigen pand"): no space
# sought.
_OWN_PLACE = words(
    r"(op|in|bij|naast|achter|rond)\s+(ons|onze|mijn|m['’]?n|hun|het\s+eigen)\s+(eigen\s+)?"
    r"(terrein|pand|gebouw|lokaal|grond|erf|clubhuis|kantine|veld|sportpark|werkplaats|winkel|zaak|"
    r"bedrijf|atelier)|"
    # their own building told as the subject ("Ons gebouw uit 1920 is slecht geïsoleerd")
    r"(ons|onze|mijn|m['’]?n)\s+(eigen\s+)?(school)?(gebouw|pand|clubhuis|buurthuis)\s+(uit|van|is|staat|"
    r"heeft|lekt|tocht)\b|"
    # what they make of a place they have ("ik wil daar een plek van maken waar jongeren …")
    r"(daar|er|het|dit|hier)\s+(een\s+)?(\w+\s+)?(plek|plaats|ruimte)\s+van\s+(maken|gemaakt)|"
    r"\bvan\s+(de|het|die|dat|mijn|m['’]?n|onze|ons)\s+(\w+\s+){0,5}een\s+(\w+\s+)?(plek|plaats|"
    r"ruimte)\s+(maken|gemaakt|te\s+maken)\b"
)
# Not known to people ("weten veel Delftenaren niet eens dat we bestaan"): not being known is
# the need (the negation takes nothing back).
_NOT_KNOWN_BY_PEOPLE = words(
    r"(weet|weten)\s+(\w+\s+){0,3}(niet|nie)\s+(eens\s+|eigenlijk\s+)?(dat\s+(we|wij)\s+"
    r"(bestaan|er\s+zijn)|wat\s+(we|wij)\s+(\w+\s+){0,2}doen)"
)
# Whose ground it is ("de woningcorporatie zegt dat het grond van de gemeente is"): told to
# say whom to ask, no place wanted.
_WHOSE_GROUND = words(
    r"(het|dat|dit|die)\s+(is\s+)?(\w+\s+)?(grond|terrein)\s+van\s+(de\s+|het\s+)?(gemeente|"
    r"woningcorporatie|corporatie|provincie|waterschap|kerk|school)(\s+(is|zijn|was))?"
)
# The roofs or buildings the work is done on ("met panelen op gemeentelijke gebouwen"): where it
# happens, no space wanted.
_WORKED_ON = words(
    r"(panelen|zonnepanelen|groen|planten|daktuin\w*)\s+op\s+(de\s+|het\s+|een\s+|ons\s+|onze\s+)?"
    r"(\w+\s+)?(daken|dak|gebouwen|"
    r"gebouw|panden)(\s+van\s+(de\s+|het\s+)?(\w+\s+)?(gebouwen|gebouw|panden|scholen))?"
)
# What they want instead of something ("in plaats van elk jaar een losse subsidie aan te
# vragen"): that something is not asked for.
_INSTEAD_OF = re.compile(r"\bin\s+plaats\s+van\b[^.,;:!?]*", re.IGNORECASE)
# Money received before ("vorig jaar kregen we 1500 euro uit het wijkbudget"), in a clause that
# wants nothing: what happened, not a need.
_RECEIVED = words(
    r"kregen|kreeg|ontvingen|ontving|gekregen|ontvangen|"
    # received every year ("we krijgen elk jaar wat subsidie")
    r"(we|wij|ik)\s+(krijgen|krijg|ontvangen|ontvang)\s+(al\s+|nu\s+)?(elk|ieder)\s+jaar"
)
_MONEY = words(
    r"\w*euro\w*|\w*geld|\w*subsidie\w*|bijdrage|\w*budget\w*|\w*fonds\w*|sponsor\w*|lening"
)
_WANTS_MORE = words(r"wil|wilt|willen|graag|zoek\w*|nodig|weer|opnieuw|meer|nog|ook")


def _money_received(clause: str) -> bool:
    """Whether a clause tells of money received before and wants nothing more."""
    return bool(
        _RECEIVED.search(clause) and _MONEY.search(clause) and not _WANTS_MORE.search(clause)
    )


# A shortage of people or things, not of money ("een tekort aan monteurs", "we komen handen
# tekort"): the word "tekort" names no need of money there.
# Nowhere to go ("we kunnen nergens terecht", "we kunnen nergens oefenen"): a place needed, said
# with a word that would otherwise take it back.
_NOWHERE_TO_GO = words(
    r"(kan|kunnen|kon|konden|mag|mogen)\s+(\w+\s+)?nergens\s+(meer\s+)?(\w+\s+)?(terecht|heen|"
    r"oefenen|spelen|samenkomen|vergaderen|zitten|repeteren|trainen|staan)|"
    # "Nu weten we niet waar we met onze mensen heen moeten"
    r"(weten|weet)\s+(\w+\s+)?niet\s+waar\s+(we|wij|ik|ze)\s+(\w+\s+){0,4}(heen|naartoe|terecht)\b|"
    # the place they use is no longer allowed ("Wij spelen nu op het veld van de voetbalclub maar
    # vanaf september mag dat niet meer")
    r"(op|in)\s+(het|de|een|ons|onze)\s+(\w+\s+)?\w*(veld|zaal|ruimte|kantine|locatie|plek|lokaal|"
    r"pand)\b[^.!?]{0,60}\b(mag|mogen)\s+(dat|het|we|wij)\s+niet\s+meer\b|"
    # "We hebben nergens een plek om te repeteren"
    r"(hebben|heb|heeft)\s+(\w+\s+)?nergens\s+(een\s+|meer\s+)?(\w+\s+)?(plek|ruimte|plaats|zaal|"
    r"locatie|onderdak)\b|"
    # having to move ("dus we moeten ergens anders heen"), or no other hall in sight ("als we
    # geen andere zaal vinden houdt het op", "eerst moet er een plek zijn")
    r"((moeten|moet)\s+(we|wij|ik|ze|zij)|(we|wij|ik|ze|zij)\s+(moeten|moet))\s+(\w+\s+)?ergens\s+"
    r"anders\s+(heen|naartoe|terecht)|"
    r"als\s+(we|wij|ik)\s+geen\s+(andere|nieuwe)\s+(zaal|ruimte|plek|locatie|plaats|pand)\s+"
    r"(\w+\s+)?vinden|eerst\s+moet\s+er\s+(een\s+)?(plek|ruimte|zaal|locatie)\s+(zijn|komen)"
)
# Asking where to go with it ("Bij wie moet ik daarvoor zijn?", "waar kan ik terecht?"): the
# route itself, which Loket gives; no contacts wanted.
_WHERE_TO_GO = words(
    r"(bij|naar)\s+wie\s+(moet|moeten|kan|kunnen)\s+(ik|we|wij|je|u)\s+(\w+\s+)?(zijn|terecht|heen|"
    r"gaan)|waar\s+(moet|moeten|kan|kunnen)\s+(ik|we|wij|je|u)\s+(\w+\s+)?(zijn|terecht|heen)\b"
)
# Who the initiative works with, described ("het buurthuis waar we mee samenwerken"): no
# working together asked; what is already applied for or arranged ("De vergunning heb ik al
# aangevraagd"); "wie kan ons helpen" before the help it names ("wie kan ons helpen de impact
# te meten?": the impact, no contacts).
_NOT_ASKED_HERE = words(
    r"(waar|waarmee)\s+(we|wij|ik)\s+(\w+\s+)?(mee\s+)?samen\s*werk\w*|"
    r"(de|het|een)\s+\w+\s+(heb|hebben)\s+(ik|we|wij)\s+al\s+(aangevraagd|geregeld)|"
    r"wie\s+(kan|kunnen)\s+(ons|mij|me)\s+helpen\s+(?=(met|bij|om|de|het|een|onze|ons)\b)|"
    # a partner named ("onze partner, de voedselbank, zoekt …"): no contacts asked
    r"(onze|ons|mijn)\s+(vaste\s+)?partners?\b"
)
# Funders shown what it yields ("laten zien wat we opleveren, aan fondsen"): no money asked.
_SHOWN_TO_FUNDERS = words(
    r"(?P<showing>((laten\s+)?zien|tonen|verantwoorden|rapporteren)\b[^.!?]{0,60}?)\baan\s+(de\s+)?"
    r"(fondsen|fonds|subsidiegevers|sponsors|financiers)"
)
# Money left for later ("Over geld hebben we het later wel", "geld komt later"): not asked now.
_MONEY_LATER = words(
    r"over\s+(het\s+)?(geld|subsidie|financiering)\s+(hebben|praten|hebben\s+we\s+het|"
    r"hebben\s+wij\s+het)\s+(\w+\s+)?(later|straks)(\s+wel)?|(het\s+)?(geld|subsidie|financiering)\s+"
    r"(komt|is\s+voor)\s+(pas\s+)?later"
)
_SHORT_OF = re.compile(
    r"\btekort\s+aan\b(?!\s+(\w+\s+)?(geld|euro|middelen|budget|financi\w*|inkomsten)\b)|"
    r"(?<=\bhanden\s)tekort\b|(?<=\bmensen\s)tekort\b|(?<=\bmankracht\s)tekort\b",
    re.IGNORECASE,
)


_MONEY_SIGNS = re.compile("[\U0001f4b6\U0001f4b0\U0001f4b8\U0001f4b5\U0001f4b7\U0001fa99]+")


# Not allowed without leave is needing leave ("er kwam een handhaver die zei dat het niet mocht
# zonder toestemming"): the leave named after it is what it asks.
_NOT_WITHOUT_LEAVE = re.compile(
    r"\b(?:(?:niet|nie)\s+(?:mag|mocht|mogen|mochten|kan|kon|kunnen|konden)(?:\s+\w+){0,2}|"
    r"(?:mag|mocht|mogen|mochten|kan|kon|kunnen|konden)\s+(?:\w+\s+){0,2}(?:niet|nie))\s+"
    r"zonder\s+(?=(?:een\s+|de\s+)?(?:\w+)?(?:toestemming|vergunning|ontheffing)\b)",
    re.IGNORECASE,
)


# No money in everyday words ("we hebben geen cent", "geen rooie cent"): no money.
_NO_CENT = words(r"geen\s+(rooie\s+)?(cent|centen|stuiver|euro)(?!\s*\d)")


# Tips asked for what is sought ("zoeken ff een ruimte … iemand tips?"): that search, no
# advice of its own.
_TIPS_FOR_THE_SEARCH = re.compile(
    r"(?P<search>\b(zoek|zoeken|zoekt|op\s+zoek)\b[^?]{1,120}?)\s*((heeft\s+|hebben\s+)?(iemand|"
    r"jullie|u)\s+(nog\s+)?(een\s+)?tips?|tips\s+(zijn\s+)?welkom)\s*\??",
    re.IGNORECASE,
)


# What they have or have settled ("De ruimte hebben we en de vergunning is ook rond."): no need.
_HAD_ALREADY = words(
    r"(de|het|een|onze|ons)\s+(ruimte|plek|locatie|zaal|zaaltje|lokaal|pand|gebouw|werkplaats|"
    # (not "… hebben we al", read elsewhere with what follows it: "Een ruimte hebben we al, de
    # vergunning ook.")
    r"keuken|vergunning|ontheffing|toestemming|financiering|subsidie|geld)\s+(hebben|heb)\s+(we|wij|ik)"
    r"(?!\s+(al|niet|nog\s+niet|nodig|nog\s+nodig)\b)(\s+(gelukkig|wel))*\b|"
    r"(de|onze|ons)\s+(vergunning|ontheffing|toestemming|financiering|subsidie|ruimte|plek|"
    r"locatie)\s+is\s+(ook\s+|al\s+|gelukkig\s+)*(rond|binnen|geregeld|verleend|toegekend|"
    r"klaar)\b[^.;!?]*"
)


def _needs_as_meant(text: str) -> str:
    """The text without what names a need but asks for none: a first thought taken back, what
    is going well, paid by themselves, their own place, whose ground it is or the roofs worked
    on (a place for workers is staff), what they want instead of, money received before, how
    they were sent here, a funder's demand and what money is for; not allowed without leave is
    needing it, and not being known is wanting to be. Money told by emoji ("💶💶 en een
    zaaltje 🙏") or as no cent is money."""
    text = _MONEY_SIGNS.sub(" geld ", text or "")
    text = _NO_CENT.sub(" geen geld ", text)
    text = _SHORT_OF.sub(" gebrek aan ", _FIRST_THOUGHT.sub(" ", text))
    text = _NOT_ASKED_HERE.sub(" ", _MONEY_LATER.sub(" ", _WHERE_TO_GO.sub(" ", text)))
    text = _SHOWN_TO_FUNDERS.sub(lambda shown: shown.group("showing"), text)
    text = _NOWHERE_TO_GO.sub(" een plek nodig ", text)
    text = _NOT_WITHOUT_LEAVE.sub(" nodig is ", text)
    text = _INSTEAD_OF.sub(" ", _OWN_PLACE.sub(" ", _PAYS_ITSELF.sub(" ", text)))
    text = _WHOSE_GROUND.sub(" ", _WORKED_ON.sub(" ", text))
    text = _NOT_KNOWN_BY_PEOPLE.sub(" onbekend ", text)
    # a place for workers offered is staff, no space wanted ("plek voor twee mensen uit de
    # bijstand")
    text = _PLACE_FOR_WORKERS.sub(" werkplekken ", text)
    text = _TIPS_FOR_THE_SEARCH.sub(lambda tips: tips.group("search"), text)
    text = _HAD_ALREADY.sub(" ", text)
    kept = []
    for sentence in sentences(text):
        parts = [part for part in _CLAUSE_BREAK.split(sentence) if part]
        kept_parts = [part for part in parts if not _money_received(part)]
        if len(kept_parts) < len(parts):
            sentence = " , ".join(kept_parts)
        if sent_to_this_chat(sentence):
            sentence = _SITE_OR_CHAT.sub(" ", sentence)  # the way here; what it asks stays
        ends = [m.end() for m in _GOING_WELL.finditer(sentence)]
        sentence = sentence[ends[-1] :] if ends else sentence
        if _CANNOT_PAY.search(sentence):
            sentence = _RENT.sub("kosten", sentence)  # "de huur is te duur": money, not a space
        sentence = _MORE_OF_US.sub(" meer vrijwilligers ", sentence)
        sentence = _WANT_TO_BE_HELPERS.sub(" vrijwilligers ", sentence)
        sentence = _HAS_A_PLACE.sub(" ", sentence)
        if not _HELPS_US.search(sentence):
            sentence = _HELP_GIVEN_WITH_MONEY.sub(" ", sentence)
        sentence = _OWN_ROLE.sub(" ", sentence)
        kept.append(sentence)
    text = " ".join(kept)
    text = _FUNDER_ASKS.sub(" ", text)
    return _MONEY_FOR.sub(lambda m: m.group(1), text)


# "Ik heb een keuken nodig", "we hebben echt een busje nodig": what is needed, in any words.
_HAS_NEED_OF = re.compile(
    r"\b(heb|hebben|hebt|heeft)\s+(?P<what>(?:[\w'’]+\s+){1,4}?)(hard\s+|echt\s+|dringend\s+)?"
    r"nodig\b",
    re.IGNORECASE,
)


def _sought(text: str) -> str:
    """The words that name what the text seeks, lacks or needs ("een grotere keuken", "veld",
    "ik heb een keuken nodig")."""
    found = []
    for part in _CLAUSE_BREAK.split(text or ""):
        if not part:
            continue
        needed = _HAS_NEED_OF.search(part)
        if needed and not _NEGATION.search(part):
            found.append(needed.group("what"))
        if _NOT_NEEDED.search(part):
            continue
        lacks = _LACK.search(part)
        for pattern in (_SEARCH, _LACK):
            if pattern is _SEARCH and not lacks and _NEGATION.search(part):
                continue  # "we zoeken geen ruimte"
            for match in pattern.finditer(part):
                said = _OBJECT.match(part, match.end())
                if said:
                    found.append(said.group(1))
    return " , ".join(found)


# What is wanted instead of what is not ("geen geld nodig, wel een plek").
_WANTED_INSTEAD = re.compile(
    r"\b(geen|niet|niks|niets)\b[^.;!?]{0,50}?\bwel\s+(?P<wanted>[^.;!?,]{1,40})", re.IGNORECASE
)
# Not knowing where to hold it ("ik weet niet waar en of dat mag"), not where to turn.
_WHERE_UNKNOWN = words(
    r"(weet|weten)\s+(\w+\s+){0,2}niet\s+waar(\s+(we|ik)\s+(het|dat)\s+(\w+\s+)?(kunnen|kan|"
    r"moeten|moet)\s+(doen|houden|organiseren))?(?=\s*(,|\.|\ben\b|\bof\b|$))"
)
# Not knowing how to go about a way to money named before ("Crowdfunding lijkt ons wel wat,
# maar we weten niet hoe je dat aanpakt"): help with the money, not advice on the plan.
_HOW_TO_MONEY = words(
    r"(crowdfund\w*|subsidie\w*|fonds\w*|lening\w*|sponsor\w*)\b[^.!?]{0,60}\b(weet|weten)\s+"
    r"((ik|we|wij)\s+)?(\w+\s+){0,2}niet\s+(goed\s+|precies\s+)?hoe\s+(je|we|wij|ik|u)\s+(dat|die|het|"
    r"zoiets|er)\b"
)


# The place the initiative uses closes or goes ("het buurthuis waar we zitten gaat per 1
# januari dicht", "ons clubhuis wordt gesloopt"): a new place is needed.
_PLACE_CLOSES = words(
    r"(buurthuis|wijkcentrum|clubhuis|pand|gebouw|zaal|lokaal|ruimte|kerk|school|locatie)\b"
    r"[^.!?]{0,40}?\b((gaat|wordt|gaan|worden)\s+(\w+\s+){0,4}(dicht|gesloten|gesloopt|verkocht)|"
    r"dichtgaat|dichtgaan|(sluit|sluiten)(?!\s+(\w+\s+){0,2}aan\b))\b"
)


# Needs said in plain words that the analysis does not tag, each a check on the answer as
# said and as meant (`_needs_as_meant`), in the order they are added.
_PLAIN_SIGNS: tuple[tuple[str, Callable[[str, str], object]], ...] = (
    ("kennis", lambda said, text: _NOT_KNOWING_HOW.search(said) and not _HOW_TO_MONEY.search(said)),
    ("locatie", lambda said, text: _PLACE_CLOSES.search(said) or _WHERE_UNKNOWN.search(said)),
    ("netwerk", lambda said, text: _STRANGERS.search(said)),
    ("vergunning", lambda said, text: _banned_by_rules(text)),
    ("financiering", lambda said, text: _cannot_pay(text) or _costly(text)),
    ("zichtbaarheid", lambda said, text: _UNSEEN.search(text)),
    ("vergunning", lambda said, text: _ASKS_LEAVE.search(text)),
    ("financiering", lambda said, text: _NOT_COVERED.search(text)),
)


def needs_in_text(text: str, catalogue: Catalogue, analyse: Analyse) -> list[str]:
    """Every need the text asks for, leaving out what it negates ("geen geld nodig")."""
    return _needs_in_text(text, catalogue, analyse, _other_senses(text, analyse))


def _needs_in_text(
    text: str, catalogue: Catalogue, analyse: Analyse, set_aside: dict[str, list[str]]
) -> list[str]:
    """`needs_in_text`, with the text's `_other_senses` already read."""
    said, text = text, _needs_as_meant(text)
    wanted = without_negated(text, lack_is_need=True)
    found = [n for n in analyse(wanted).needs if n in catalogue.needs]
    for need, pattern in _NEED_WORDS_ANYWHERE.items():
        if need in catalogue.needs and need not in found and pattern.search(wanted):
            found.append(need)
    # What it seeks, and what it wants instead of what it does not ("Geen geld nodig, wel een
    # plek"), in plain words.
    # (not in a phrase the rules read in another sense: "begeleiding bij het aannemen" seeks no
    # advice)
    for need, pattern in _NEED_ANSWER_WORDS.items():
        if need not in catalogue.needs or need in found:
            continue
        phrases = set_aside.get(need, ())
        instead = _WANTED_INSTEAD.finditer(_without_phrases(said, phrases))
        parts = (_sought(_without_phrases(text, phrases)), *(m["wanted"] for m in instead))
        if any(pattern.search(part) for part in parts):
            found.append(need)
    for need, holds in _PLAIN_SIGNS:
        if need in catalogue.needs and need not in found and holds(said, text):
            found.append(need)
    return found


# The place they have, being made better ("onze oude gymzaal verduurzamen", "ons clubhuis
# opknappen"): no place sought.
_OWN_PLACE_WORKED_ON = words(
    r"(ons|onze)\s+(\w+\s+){0,2}\w*(gebouw|zaal|pand|clubhuis|buurthuis|kantine|lokaal|dak|daken)"
    r"\s+(\w+\s+){0,3}(te\s+)?(verduurzamen|renoveren|opknappen|op\s+te\s+knappen|isoleren|"
    r"verbouwen|vergroenen)"
)


def needs_in_answer(text: str, catalogue: Catalogue, analyse: Analyse) -> list[str]:
    """The needs an answer to the needs question names: the analysis plus everyday words."""
    wanted = without_negated(_needs_as_meant(text), lack_is_need=True)
    wanted = _OWN_PLACE_WORKED_ON.sub(" ", wanted)  # "onze oude gymzaal verduurzamen"
    set_aside = _other_senses(text, analyse)
    found = _needs_in_text(text, catalogue, analyse, set_aside)
    for need, pattern in _NEED_ANSWER_WORDS.items():
        if (
            need in catalogue.needs
            and need not in found
            and pattern.search(_without_phrases(wanted, set_aside.get(need, ())))
        ):
            found.append(need)
    return found


def _without_phrases(text: str, phrases: Iterable[str]) -> str:
    """The text without the phrases the rules read in another sense ("minder afhankelijk worden
    van subsidie" seeks no money in everyday words either); not across a clause ("mag ik eten
    verkopen? Een beetje geld vragen", "leren werken, met begeleiding")."""
    for phrase in phrases:
        text = re.sub(
            phrase,
            lambda m: m.group(0) if re.search(r"[.,;:!?]", m.group(0)) else " ",
            text,
            flags=re.IGNORECASE,
        )
    return text


_NEED_IN_OTHER_SENSE = "andere-betekenis:behoefte:"


def needs_meant_otherwise(analysis: Analysis) -> dict[str, list[str]]:
    """Per need, the phrases of a text in which the rules read its words in another sense
    (`andere_betekenis`: "ons gebouw … verduurzamen" seeks no place)."""
    return {
        label.removeprefix(_NEED_IN_OTHER_SENSE): phrases
        for label, phrases in analysis.signals.items()
        if label.startswith(_NEED_IN_OTHER_SENSE)
    }


def _other_senses(text: str, analyse: Analyse) -> dict[str, list[str]]:
    """`needs_meant_otherwise`, as patterns over the text as typed."""
    senses: dict[str, list[str]] = {}
    for need, phrases in needs_meant_otherwise(analyse(text)).items():
        for phrase in phrases:
            tokens = [re.escape(t) for t in re.findall(r"\w+", phrase)]
            if tokens:
                senses.setdefault(need, []).append(r"\b" + r"\W+".join(tokens) + r"\b")
    return senses


def needs_taken_back(text: str, catalogue: Catalogue, analyse: Analyse) -> list[str]:
    """The needs an answer says are not needed or there already ("geld hoeven we niet", "een
    ruimte hebben we al"); not a lack, which is a need ("we hebben geen ruimte")."""
    wanted = set(needs_in_answer(text, catalogue, analyse))
    taken: list[str] = []
    for part in _CLAUSE_BREAK.split(text or ""):
        if not part or not _NEGATION.search(part):
            continue
        if _LACK.search(part) and not _NOT_NEEDED.search(part):
            continue
        taken += [n for n in analyse(part).needs if n in catalogue.needs and n not in wanted]
        taken += [
            n
            for n, pattern in _NEED_ANSWER_WORDS.items()
            if n not in wanted and pattern.search(part)
        ]
    return [n for n in dict.fromkeys(taken) if n in catalogue.needs]


def whole_city_words(catalogue: Catalogue) -> tuple[str, ...]:
    """Words for "not one wijk", with this municipality's city ("heel Delft")."""
    city = catalogue.municipality.city.casefold()
    return (*_WHOLE_CITY_WORDS, f"heel {city}")


def names_whole_city(text: str, catalogue: Catalogue) -> bool:
    """Whether a text says the initiative is for the whole city ("door heel Delft")."""
    lowered = (text or "").casefold()
    return any(word in lowered for word in whole_city_words(catalogue))


def wijken_named(text: str, catalogue: Catalogue) -> list[str]:
    """Every catalogue wijk a text names as a word, in the order of the text."""
    lowered = (text or "").casefold()
    found = []
    for wijk in catalogue.wijken:
        match = re.search(rf"\b{re.escape(wijk.casefold())}\b", lowered)
        if match:
            found.append((match.start(), wijk))
    return [wijk for _, wijk in sorted(found)]


def wijk_meant(text: str, catalogue: Catalogue, noted: str | None = None) -> str | None:
    """The wijk a message means when it names wijken ("het is in Tanthof, niet Voorhof", "ik
    zei Voorhof, maar dat klopt niet: het wordt Tanthof"): not one it takes back ("niet
    Voorhof", "Voorhof klopt niet"), and not the one `noted` when it names another. None when
    it names no wijk. An answer that corrects itself counts from its correction ("Voorhof, nee
    sorry, Tanthof")."""
    said = as_corrected(text)
    if said != text and wijken_named(said, catalogue):
        text = said
    lowered = (text or "").casefold()
    kept = []
    going_to: set[str] = set()
    for wijk in wijken_named(text, catalogue):
        found = re.search(rf"\b{re.escape(wijk.casefold())}\b", lowered)
        assert found is not None
        before, after = lowered[: found.start()], lowered[found.end() :]
        if re.search(r"\b(niet|geen)\s+(in\s+|uit\s+|naar\s+)?$", before) or re.match(
            r"\W*(klopt|is|was)\s+niet\b", after
        ):
            continue
        kept.append(wijk)
        if GOES_ON_TO.search(before):
            going_to.add(wijk)
    # Where the writer lives is not where it happens, when the message names that too ("De
    # wandelingen zijn in de Binnenstad. Zelf woon ik in Vrijenban."); a correction of the wijk
    # noted says itself which one counts.
    where_it_happens = [
        wijk for wijk in kept if not _LIVES_IN.search(_clause_of(lowered, wijk.casefold()))
    ]
    if noted is None and kept and not where_it_happens and names_whole_city(text, catalogue):
        # "Ik woon in Tanthof, maar het is voor vrouwen uit heel Delft"
        return WHOLE_CITY
    if noted is None and kept and _TO_WHOLE_CITY.search(text) and names_whole_city(text, catalogue):
        # "De pilot is klaar, nu willen we naar heel Delft. In Voorhof hebben we …": the wijk
        # is where it began; it is going to the whole city
        return WHOLE_CITY
    kept = (where_it_happens or kept) if noted is None else kept
    # "al twee jaar in Tanthof en willen nu ook naar Buitenhof en Voorhof": where it goes next
    # is not where it is, when the message also names that
    kept = [wijk for wijk in kept if wijk not in going_to] or kept
    others = [wijk for wijk in kept if wijk != noted]
    meant = others or kept
    return meant[-1] if meant else None


_LIVES_IN = words(r"woon|woont|wonen|woonde|woonachtig")
# Going on to other places, said right before them ("willen nu ook naar", "uitbreiden naar").
GOES_ON_TO = re.compile(
    r"\b(ook|uitbreiden|uitbreiding|groeien|daarna|straks|later|volgend\w*)\b[^.!?]{0,40}$",
    re.IGNORECASE,
)
# Going to the whole city ("nu willen we naar heel Delft", "uitbreiden over de hele stad").
_TO_WHOLE_CITY = words(r"(naar|over)\s+(heel|de\s+hele)\s+\w+")


def _clause_of(text: str, word: str) -> str:
    """The clause of `text` (lowercased) in which `word` stands."""
    found = re.search(rf"\b{re.escape(word)}\b", text)
    if not found:
        return ""
    start = max(text.rfind(c, 0, found.start()) for c in ".,;:!?\n")
    ends = [i for i in (text.find(c, found.end()) for c in ".,;:!?\n") if i >= 0]
    return text[start + 1 : min(ends) if ends else len(text)]


def wijk_named(text: str, catalogue: Catalogue) -> str | None:
    """The catalogue wijk a text names as a word ("nee, het is in Voorhof"), else None: no
    guess from a typo or the analysis, so any message can be read for it."""
    lowered = (text or "").casefold()
    for wijk in catalogue.wijken:
        if re.search(rf"\b{re.escape(wijk.casefold())}\b", lowered):
            return wijk
    return None


def normalise_wijk(value: Any, catalogue: Catalogue, analyse: Analyse | None = None) -> str | None:
    """The catalogue spelling of a wijk, `WHOLE_CITY`, or None when nothing fits.

    Accepts small typos ("voorhoff") by a close match on the catalogue names.
    """
    text = str(value or "").strip()
    if not text:
        return None
    exact = catalogue.wijk_name(text)
    if exact:
        return exact
    lowered = text.casefold()
    if any(word in lowered for word in whole_city_words(catalogue)):
        return WHOLE_CITY
    by_fold = {w.casefold(): w for w in catalogue.wijken}
    for name_fold, name in by_fold.items():
        if re.search(rf"\b{re.escape(name_fold)}\b", lowered):
            return name
    words = re.findall(r"[\w-]+", lowered)
    candidates = words + [" ".join(words[i : i + 3]) for i in range(len(words))]
    for candidate in candidates:
        match = difflib.get_close_matches(candidate, by_fold, n=1, cutoff=0.85)
        if match:
            return by_fold[match[0]]
    if analyse is not None:
        wijk = analyse(text).wijk
        if wijk:
            return catalogue.wijk_name(wijk)
        bare = _BARE_PLACE.fullmatch(text)
        if bare:
            # One word answers "In welke wijk?" as "in het …" would ("centrum" is the Binnenstad
            # in Delft); in a story the word alone is no wijk ("een cultureel centrum").
            wijk = analyse(f"in het {bare.group(1)}").wijk
            if wijk:
                return catalogue.wijk_name(wijk)
    return None


# A one-word answer to the wijk question ("centrum", "het centrum").
_BARE_PLACE = re.compile(r"\W*(?:het\s+|de\s+)?([^\W\d_]+)\W*", re.IGNORECASE)


@dataclass(frozen=True)
class ContactDetails:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    preferred_time: str | None = None

    @property
    def reachable(self) -> bool:
        return bool(self.email or self.phone)


# Words that are no part of a name ("ja", "mijn", "graag", "bellen"...).
_NOT_NAME = frozenset(
    [
        "ja",
        "jawel",
        "jazeker",
        "nee",
        "oke",
        "oké",
        "okee",
        "ok",
        "okay",
        "prima",
        "goed",
        "hoor",
        "hallo",
        "hoi",
        "goedemorgen",
        "goedemiddag",
        "goedenavond",
        "goedendag",
        "beste",
        "graag",
        "alstublieft",
        "aub",
        "a.u.b.",
        "svp",
        # an organisation named after a name ("Rachid Bouzid van Stichting Kleur op de Gevel")
        "stichting",
        "vereniging",
        "coöperatie",
        "cooperatie",
        "bedankt",
        "dank",
        "mijn",
        "naam",
        "is",
        "ik",
        "ben",
        "heet",
        "het",
        "de",
        "een",
        "en",
        "of",
        "u",
        "je",
        "jij",
        "jullie",
        "wij",
        "we",
        "ons",
        "onze",
        "mij",
        "me",
        "mail",
        "mailen",
        "e-mail",
        "email",
        "e-mailadres",
        "emailadres",
        "mailadres",
        "adres",
        "telefoon",
        "telefoonnummer",
        "nummer",
        "tel",
        "telefonisch",
        "liefst",
        "liever",
        "whatsapp",
        "appen",
        "app",
        "sms",
        "sms'en",
        "schriftelijk",
        "mobiel",
        "gsm",
        "bel",
        "bellen",
        "belt",
        "gebeld",
        "mag",
        "kan",
        "kunt",
        "kunnen",
        "wil",
        "wilt",
        "willen",
        "op",
        "via",
        "per",
        "naar",
        "met",
        "van",
        "voor",
        "na",
        "om",
        "tot",
        "tussen",
        "vanaf",
        "liefst",
        "liever",
        "bij",
        "voorkeur",
        "contact",
        "gegevens",
        "bereikbaar",
        "te",
        "is",
        "zijn",
        "dat",
        "dit",
        "die",
        "zo",
        "maar",
        "ook",
        "nog",
        "wel",
        "niet",
        "even",
        "uur",
        "ochtend",
        "middag",
        "avond",
        "morgen",
        "'s",
        "s",
        "overdag",
        "werkdagen",
        "weekend",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "let",
        "dus",
        "hier",
        "daar",
        "alvast",
        "groet",
        "groeten",
        "vriendelijke",
        "mvg",
        "gr",
        "thanks",
        "thx",
        "namens",
        "typ",
        "typt",
        "hem",
        "haar",
        "zijn",
        "buurman",
        "buurvrouw",
        "vader",
        "moeder",
        "oma",
        "opa",
        "oeps",
        "sorry",
        "foutje",
        # interjections that open an answer ("nou, dan toch maar …")
        "nou",
        "ach",
        "och",
        "tja",
        "oh",
        "eh",
        "hmm",
        "zeg",
        "wacht",
        "ff",
        # apologies and corrections that open an answer ("Excuses, …", "Oeps, verkeerd
        # nummer", "Correctie: …", "Oja, …", "Sorry, ik bedoel …")
        "excuses",
        "excuus",
        "pardon",
        "oops",
        "fout",
        "foutje",
        "typfout",
        "tikfout",
        "typo",
        "vergissing",
        "vergist",
        "correctie",
        "verbetering",
        "aanvulling",
        "oja",
        "ojee",
        "ojeetje",
        "jeetje",
        "ah",
        "aha",
        "ehm",
        "euh",
        "uhm",
        "trouwens",
        "overigens",
        "btw",
        "ps",
        "helaas",
        "klopt",
        "inderdaad",
        "verkeerd",
        "verkeerde",
        "juist",
        "juiste",
        "goede",
        "nieuw",
        "nieuwe",
        "oud",
        "oude",
        "bedoel",
        "bedoelde",
        "alsnog",
        # interjections ("Ow wacht, …", "Oei, …", "Hé, …")
        "ow",
        "oei",
        "oeh",
        "oh",
        "au",
        "ai",
        "hé",
        "he",
        "hey",
        "huh",
        "pff",
        "pfff",
        "tsja",
        "jee",
        "jeetje",
        "verdorie",
        "potverdorie",
        "shit",
        "nouja",
    ]
)
_PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "ter",
        "ten",
        "te",
        "la",
        "le",
        "du",
        "da",
        "del",
        "von",
        "el",
        "al",
        "bin",
        "t",  # "van 't Hof"
        "’t",
        "in",  # "van in 't Veld"
        "op",  # "Op den Brouw"
    ]
)
_TITLES = frozenset(
    [
        "mevrouw",
        "meneer",
        "mevr",
        "mevr.",
        "mw",
        "mw.",
        "dhr",
        "dhr.",
        "mr.",
        "mr",
        "dr",
        "dr.",
        "ir",
        "ir.",
    ]
)


def _function_word(word: str) -> bool:
    """A Dutch function word ("toch", "dan", "eigenlijk"): no part of a name, except the
    tussenvoegsels ("van", "de")."""
    plain = fold(word.strip(".'\""))
    return plain in function_words() and plain not in _PARTICLES


# A word of a contact answer, as `name_from` reads it.
_TOKEN = re.compile(r"[^\s,;:!?()]+")


def _sentence_openers(text: str, found: list[re.Match[str]]) -> set[int]:
    """The indexes of the tokens `found` in `text` that open a sentence."""
    return {
        index
        for index, token in enumerate(found)
        if not text[: token.start()].rstrip() or text[: token.start()].rstrip()[-1] in ".!?\n"
    }


def name_from(rest: str) -> str | None:
    """The name in what is left of a contact answer: an explicit "mijn naam is …", else the
    longest run of capitalised words (with initials and tussenvoegsels), else the words that
    are not everyday words."""
    explicit = re.search(
        r"\b(?:mijn naam is|ik heet|ik ben|naam:?|namens|vraag (?:maar )?naar)\s+"
        r"([^\d,;:!?\n]{2,60})",
        rest,
        re.I,
    )
    named_first = bool(explicit and re.search(r"\b[A-ZÀ-Þ]", explicit.group(1)))
    if explicit and named_first:
        # "ik ben zijn moeder" names no one: the names elsewhere in the answer count.
        rest = explicit.group(1)
    found = list(_TOKEN.finditer(rest))
    tokens = [token.group() for token in found]
    openers = _sentence_openers(rest, found)
    runs: list[list[str]] = []
    current: list[str] = []
    for index, token in enumerate(tokens):
        word = token.strip(".'\"")
        plain = token.casefold().strip("'\".")
        is_initial = bool(re.fullmatch(r"([A-Z]\.)+[A-Z]?\.?", token))
        capital = (
            bool(re.fullmatch(r"[A-ZÀ-Þ][\w'’-]*\.?", token))
            and plain not in _NOT_NAME
            # A function word with a capital only because it opens a sentence ("Toch maar
            # wel mijn nummer") is no name; further on it may be one ("Al Bakker").
            and not (index in openers and _function_word(plain))
        )
        if capital or is_initial or plain in _TITLES:
            current.append(token.rstrip(","))
        elif current and plain in _PARTICLES:
            # "'t" keeps its mark ("van 't Hof"); other particles lose quotes and stops
            current.append(token.strip('."') if plain in ("t", "’t") else word)
        else:
            if current:
                runs.append(current)
            current = []
        del word
    if current:
        runs.append(current)
    runs = [[w for w in run if w.casefold() not in _TITLES] or run for run in runs]
    for run in runs:
        # a particle ends no name ("Rachid Bouzid van Stichting …" ends at "Bouzid")
        while run and run[-1].casefold() in _PARTICLES:
            run.pop()
    runs = [
        run
        for run in runs
        if run and not all(w.casefold() in _TITLES or _function_word(w) for w in run)
    ]
    if runs:
        # After "ik ben …" the name comes first ("ik ben Rachid Bouzid van Stichting Kleur op
        # de Gevel"); else the longest run is the name.
        best = runs[0] if named_first else max(runs, key=len)
        if re.fullmatch(r"[^\W\d_]{2,}([-'’][^\W\d_]+)*\.", best[-1]):
            # "P. de Groot.", "Mijn naam is Olena." and "Mevrouw A. Jansen-Bos." end a sentence
            best = [*best[:-1], best[-1].rstrip(".")]
        return " ".join(best)[:100] if len(best) <= 6 else None
    # (not after an initial typed without a capital: "k. de boer")
    for clause in re.split(r"[,;:!?|/\n]+|(?<!\b[^\W\d_])[.](?!\w)|\s[-–]+\s", rest):
        name = _lower_case_name(clause)
        if name:
            return name
    return None


# Words that may open a clause before a name typed without capitals ("ja hoor, piet jansen",
# "groetjes kees", "sorry, sanne de wit"): greetings, yes and no, apologies, hesitations.
_BEFORE_NAME = frozenset(
    " ".join(
        [
            "ja jawel jazeker nee oke ok okay prima goed hoor hallo hoi hey beste graag",
            "alstublieft aub bedankt dank groet groeten groetjes vriendelijke mvg gr met",
            "sorry oeps oops excuses excuus pardon foutje nou ach och tja oh o eh ehm euh",
            "uhm hmm zeg wacht ff ah aha oja dit hier",
        ]
    ).split()
)
_AFTER_NAME = frozenset({"hier", "zelf"})
_NAMED_AS = re.compile(r"\b(?:mijn\s+naam\s+is|ik\s+heet|ik\s+ben|naam\s+is|naam)\s+", re.I)


def _lower_case_name(clause: str) -> str | None:
    """The name in one clause without capitals, when the clause holds only that name after its
    opening words ("ja hoor, sanne de wit", "ik heet piet"); a clause that is a sentence ("ik
    zie een fout in …", "mn nummer is fout") names no one."""
    named = _NAMED_AS.search(clause)
    if named:
        clause = clause[named.end() :]
    tokens = _TOKEN.findall(clause)
    while tokens and not named and tokens[0].casefold().strip(".") in _BEFORE_NAME:
        tokens.pop(0)
    while tokens and tokens[-1].casefold().strip(".") in {*_PARTICLES, *_AFTER_NAME}:
        tokens.pop()  # "luna hier"
    if not tokens:
        return None
    for token in tokens:
        plain = token.casefold().strip(".")
        if plain in _PARTICLES:
            continue
        if (
            not re.fullmatch(r"[^\W\d_][\w'’.-]*", token)
            or plain in _NOT_NAME
            or _function_word(plain)
        ):
            return None
    names = [w for w in tokens if w.casefold() not in _PARTICLES]
    return " ".join(tokens)[:100] if 0 < len(names) <= 3 else None


# Between two addresses or numbers, words that take the first back ("06-12348765. Nee wacht,
# typfout, het is 06-12348756", "… o nee sorry …", "mijn nieuwe nummer is …").
_CORRECTION = words(
    r"nee|sorry|oeps|oops|excuses|excuus|pardon|bedoel\w*|typfout|tikfout|typo|fout\w*|"
    r"verkeerd\w*|vergist|vergissing|correctie|verbeter\w*|moet\s+zijn|wacht|eigenlijk|"
    r"juiste|goede|nieuwe?|oude?|tegenwoordig|voortaan|inmiddels|klopt\s+niet|i\.?p\.?v|"
    r"in\s+plaats\s+daarvan"
)
# Right before an address or number: it is the wrong or the old one ("niet 06-…", "mijn oude
# nummer was 06-…").
_NOT_THIS = re.compile(
    r"\b(niet|geen|i\.?p\.?v\.?|in\s+plaats\s+van|was|oude?(\s+\w+)?)\W*$", re.IGNORECASE
)


def _meant(found: list[re.Match[str]], text: str) -> re.Match[str] | None:
    """Of several addresses or numbers in one answer, the one the inwoner means: the first,
    unless a later one corrects it; never one that is said to be wrong or old."""
    kept = [m for m in found if not _NOT_THIS.search(text[max(0, m.start() - 30) : m.start()])]
    if not kept:
        return found[0] if found else None
    chosen = kept[0]
    for later in kept[1:]:
        if _CORRECTION.search(text[chosen.end() : later.start()]):
            chosen = later
    return chosen


# Digits said as words in a phone number ("nul zes 12 34 56 78", "nul-zes, een twee drie …").
_UNITS = {"één": 1, **{word: hour for word, hour in HOURS.items() if hour < 10}}
_TEENS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}  # fmt: skip
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90,
}  # fmt: skip
# The numbers 0 to 99 in words, as a phone number is read out in pairs ("nul zes, twaalf,
# negenentachtig"): "nul", the units, the teens, the tens and unit-en-tens ("vierenzeventig",
# "tweeëntwintig").
_DIGIT_WORDS = {
    "nul": "0",
    **{word: str(n) for word, n in (_UNITS | _TEENS | _TENS).items()},
    **{
        f"{unit}{joint}{ten}": str(n + tens)
        for unit, n in _UNITS.items()
        for ten, tens in _TENS.items()
        for joint in ("en", "ën")
    },
}
_DIGIT_TOKEN = rf"(?:\d+|{'|'.join(sorted(_DIGIT_WORDS, key=len, reverse=True))})"
# (read out, the pairs may be separated by commas: "nul zes, twaalf, …")
_DIGIT_RUN = re.compile(
    rf"(?<![\w@])(\+?{_DIGIT_TOKEN}(?:[\s,-]+{_DIGIT_TOKEN})+)(?![\w@])", re.IGNORECASE
)


def digits_in_words(text: str) -> str:
    """The text with a phone number said partly or wholly in words written in digits ("bel me
    op nul zes 12 34 56 78" → "bel me op 06 12 34 56 78"). Only a run of at least nine digits
    that has a number word in it changes, so "een" as an article stays."""

    def as_digits(found: re.Match[str]) -> str:
        tokens = re.split(r"[\s,-]+", found.group(1))
        if all(token.isdigit() or token.startswith("+") for token in tokens):
            return found.group(0)
        digits = [_DIGIT_WORDS.get(token.casefold(), token) for token in tokens]
        if sum(len(d) for d in digits) < 9:
            return found.group(0)
        # Number words spoken one by one belong together ("nul zes" is "06").
        out = ""
        prev_spoken = False
        for token, digit in zip(tokens, digits, strict=True):
            spoken = token.casefold() in _DIGIT_WORDS
            out += digit if spoken and out[-1:].isdigit() and prev_spoken else f" {digit}"
            prev_spoken = spoken
        return out.strip()

    return _DIGIT_RUN.sub(as_digits, text)


# "@" spelled out to fool spam bots ("noor(at)example.nl", "noor [at] example.nl").
_AT_SPELLED = re.compile(r"(?<=\w)\s*[(\[{]\s*(at|apenstaartje)\s*[)\]}]\s*(?=\w)", re.IGNORECASE)


def parse_contact(text: str) -> ContactDetails:
    """Name, e-mail address, phone number and preferred time to call from one free-text
    answer ("ja, Noor Bakker, noor@example.nl, bel liever na 17 uur"); missing parts are None.
    Of two numbers or addresses, a later one that corrects the first counts ("06-12348765,
    nee wacht, het is 06-12348756")."""
    text = _AT_SPELLED.sub("@", digits_in_words((text or "").strip()))
    email_match = _meant(list(EMAIL.finditer(text)), text)
    email = email_match.group(0).rstrip(".") if email_match else None
    rest = EMAIL.sub(" ", text)
    phones = [m for m in PHONE.finditer(rest) if sum(ch.isdigit() for ch in m.group(1)) >= 9]
    phone_match = _meant(phones, rest)
    phone = re.sub(r"\s+", " ", phone_match.group(1)).strip() if phone_match else None
    rest = PHONE.sub(" ", rest)
    spans = time_spans(rest)
    times = [as_said(rest, start, end) for start, end in spans]
    for start, end in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    preferred = "; ".join(dict.fromkeys(t for t in times if t))[:100] or None
    # A remark in brackets says who they are, it is no part of the name ("Ingrid Smits (de
    # dochter), 06-…").
    whole = name_from(_REMARK_IN_BRACKETS.sub(" ", rest))
    beside = _name_beside_details(text)
    # The name beside the details, unless it is part of the name the whole answer gives
    # ("mevr. Van Leeuwen, telefoon …" splits after "mevr.").
    # A name given as one ("Mijn naam is mevrouw A.M. van der Lelie. … een e-mailadres
    # aangemaakt, te weten am@…") wins over words beside an address.
    said_as_name = bool(whole and _SAID_AS_NAME.search(rest))
    name = whole if not beside or said_as_name or (whole and beside in whole) else beside
    signed = SIGNED.search(rest)
    if signed:
        # A letter's signature ("Met vriendelijke groet, J. de Boer, secretaris") names the
        # writer, not the foundation named above it.
        name = name_from(signed.group("signature")) or name
    return ContactDetails(name=name, email=email, phone=phone, preferred_time=preferred)


# A name given as one, with a capital: "mijn naam is Olena", "ik heet mevrouw De Wit".
_SAID_AS_NAME = re.compile(
    r"\b(?i:mijn\s+naam\s+is|ik\s+heet|naam:)\s+(?i:(?:mevrouw|meneer|mevr\.?|mw\.?|dhr\.?)\s+)?"
    r"[A-ZÀ-Þ]"
)


# A remark in brackets without a number or address: "(de dochter)", "(buurvrouw)".
_REMARK_IN_BRACKETS = re.compile(r"\((?![A-ZÀ-Þ])[^()\d@]*\)")  # "(Linda Kramer)" is a name


# A closing greeting and the signature under it.
SIGNED = re.compile(
    r"\b(((met|vriendelijke|hartelijke|beste|warme|veel)\s+)*groet(en)?|groetjes|mvg|m\.v\.g\.?)"
    r"\s*[,:.!]?\s*(?P<signature>[^\n]{2,60}?)\s*($|\n(?=(\s*[^\n]{0,80}\n?){0,4}\s*$))",
    re.IGNORECASE,
)


# Where a message breaks into clauses: after a sentence (not after an initial: "J. Smit"), and
# at a colon, semicolon or line break.
_CLAUSE_END = re.compile(r"(?<=[^\W\d_]{2})[.!?]+\s+|[:;\n]+")


def _name_beside_details(text: str) -> str | None:
    """In a message of several clauses, the name in the clause that gives the number or
    address ("Installatiebedrijf Smit, Schieoevers, 25 man. … Bel me maar: Jan Smit
    06-12340031"): the name that goes with them, not a company named before."""
    clauses = [c for c in _CLAUSE_END.split(text) if c.strip()]
    if len(clauses) < 2:
        return None
    for clause in clauses:
        if EMAIL.search(clause) or PHONE.search(clause):
            name = parse_contact(clause).name  # one clause: read whole, as any answer
            if name:
                return name
    return None


def wijk_for_routing(wijk: str | None) -> str | None:
    return None if not wijk or wijk in (WHOLE_CITY, UNKNOWN) else wijk


def known(value: Any) -> Any:
    """The slot value for the case and the route: None for an answer the inwoner did not know."""
    return None if value == UNKNOWN else value


def catalogue_choices(catalogue: Catalogue) -> dict[str, set[str]]:
    """The values the catalogue allows for the slots answered by a choice."""
    return {
        "stage": set(catalogue.stages),
        "organisation": set(catalogue.organisations),
        "wijk": {*catalogue.wijken, WHOLE_CITY},
    }


def unknown_choices_left_out(slots: dict[str, Any], catalogue: Catalogue) -> dict[str, Any]:
    """A stage, organisation or wijk that is no choice of the catalogue, as not known (None):
    a word the tagger took for one must never get the case refused by the API."""
    return {
        slot: None
        for slot, ids in catalogue_choices(catalogue).items()
        if slots.get(slot) not in (None, UNKNOWN) and slots.get(slot) not in ids
    }


def intake_from_slots(slots: dict[str, Any]) -> Intake:
    """The routing Intake of the filled slots (a call-back is a field of the case, not text)."""
    text = str(slots.get("goal") or "").strip()
    return Intake(
        text=text[:MAX_TEXT_LENGTH],
        needs=list(slots.get("needs") or []),
        stage=known(slots.get("stage")),
        organisation=known(slots.get("organisation")),
        wijk=wijk_for_routing(slots.get("wijk")),
    )


def is_meaningful_goal(text: str) -> bool:
    """A goal needs a few real words; "ja" or "asdf" is no description."""
    words = re.findall(r"[^\W\d_]{2,}", text or "")
    return len(words) >= 3


# The parts of a name with a short form in brackets: "Social return (SROI)".
_SHORT_FORM = re.compile(r"(?<=\w)\s*\(([^()]{3,})\)")


def find_topic(value: Any, text: str, catalogue: Catalogue) -> str | None:
    """The partner or instrument (or department) ID an FAQ question is about."""
    tables: dict[str, str] = {}
    for table in (catalogue.instruments, catalogue.partners, catalogue.departments):
        for item_id, item in table.items():
            tables.setdefault(item_id, item.name)
    candidate = str(value or "").strip()
    if candidate in tables:
        return candidate
    by_name = {name.casefold(): item_id for item_id, name in tables.items()}
    for item_id, name in tables.items():
        # "Social return (SROI)" is asked about as "social return" and as "SROI"
        short = _SHORT_FORM.search(name)
        if short:
            by_name.setdefault(short.group(1).strip().casefold(), item_id)
            by_name.setdefault(name[: short.start()].strip().casefold(), item_id)
    by_id = {item_id.replace("-", " "): item_id for item_id in tables}
    if candidate:
        key = candidate.casefold().replace("-", " ")
        for lookup in (by_name, by_id):
            if key in lookup:
                return lookup[key]
        close = difflib.get_close_matches(key, list(by_name) + list(by_id), n=1, cutoff=0.8)
        if close:
            return by_name.get(close[0]) or by_id[close[0]]
    lowered = (text or "").casefold().replace("-", " ")
    # The longest name found in the text wins ("maex impuls" before "maex").
    hits = [(len(n), i) for n, i in {**by_id, **by_name}.items() if n and n in lowered]
    return max(hits)[1] if hits else None


FIELD_WORDS = {
    "goal": ("doel", "omschrijving", "beschrijving", "vraag", "idee", "goal"),
    "needs": ("hulp", "hulpvraag", "needs", "nodig"),
    "stage": ("fase", "stadium", "hoe ver", "stage"),
    "organisation": ("organisatie", "wie erachter", "rechtsvorm", "organisation"),
    "wijk": ("wijk", "buurt"),
    "contact": ("contact", "telefoon", "mail", "naam", "nummer", "gegevens"),
}


def field_slot(value: Any) -> str | None:
    """Which intake slot a "what to change" answer is about."""
    text = str(value or "").strip().casefold()
    if text in FIELD_WORDS:
        return text
    # Check longer words first so "hulpvraag" is the needs, not the goal's "vraag".
    pairs = sorted(
        ((word, slot) for slot, words in FIELD_WORDS.items() for word in words),
        key=lambda pair: -len(pair[0]),
    )
    return next((slot for word, slot in pairs if word in text), None)
