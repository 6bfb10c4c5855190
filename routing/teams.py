"""Which teams a route involves: the lead, plus only the supporting teams that are needed.

Rules point at teams on any evidence, however small. A route only brings in a supporting team
for an explicit need (one the inwoner chose, or asked for in words: a rule on `behoefte` or on
its own `woorden`) or on a strong signal (at least two words or facts of its theme). One loose
word of a theme ("kinderen", "bakkerij") is too little. Of the teams with enough evidence, at
most MAX_SUPPORTING help the lead: chosen needs first, then the strongest claims. A regie team
(brought in because more teams are needed than that) comes on top: it connects the lead with
the teams left out. Every team that is left out gets a Dutch reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from routing.models import LeftOut

MAX_SUPPORTING = 3  # the lead and at most two other teams
MIN_WORDS = 2  # without a chosen need, a supporting team needs this many words or facts


@dataclass
class Evidence:
    """What pointed rules at one team."""

    rules: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # distinct words and facts from the intake
    chosen: bool = False  # a need, organisation or stage the inwoner chose
    asked: bool = False  # a need found in the text, or a rule's own words (an explicit ask)
    regie: bool = False  # brought in to keep regie because many teams are needed

    def note(self, rule: str, words: list[str], *, chosen: bool, asked: bool, regie: bool) -> None:
        if rule not in self.rules:
            self.rules.append(rule)
        self.words.extend(w for w in words if w.casefold() not in self._folded())
        self.chosen = self.chosen or chosen
        self.asked = self.asked or asked
        self.regie = self.regie or regie

    def _folded(self) -> set[str]:
        return {w.casefold() for w in self.words}

    @property
    def enough(self) -> bool:
        """An explicit need or regie is enough on its own; otherwise two words or facts."""
        return self.chosen or self.asked or self.regie or len(self.words) >= MIN_WORDS


def needed(evidence: dict[str, Evidence], lead: str | None) -> list[str]:
    """The lead and every other team with enough evidence (before the cap)."""
    return [d for d in evidence if d == lead or evidence[d].enough]


def choose(
    ranked: list[str],
    evidence: dict[str, Evidence],
    lead: str | None,
    name_of: Callable[[str], str],
) -> tuple[list[str], list[LeftOut]]:
    """The route's teams (lead first) and the teams left out, each with a Dutch reason.

    `ranked` holds every team a rule pointed at, strongest claim first.
    """
    supporting = [d for d in ranked if d != lead]
    regie = next((d for d in supporting if evidence[d].regie), None)
    strong = [d for d in supporting if evidence[d].enough and d != regie]
    strong.sort(key=lambda d: not evidence[d].chosen)  # stable: otherwise still by strength
    kept = strong[:MAX_SUPPORTING] + ([regie] if regie else [])
    helper = name_of(regie) if regie else (name_of(lead) if lead else "Het leidende team")
    left: list[LeftOut] = []
    for dep in supporting:
        if dep in kept:
            continue
        ev = evidence[dep]
        name = name_of(dep)
        if not ev.enough:
            found = f"alleen ‘{ev.words[0]}’" if ev.words else "weinig"
            reden = (
                f"{name} doet niet mee: in uw tekst wees {found} op dit team. Dat is te weinig. "
                f"{helper} haalt {name} erbij als dat toch nodig is."
            )
        else:
            reden = (
                f"{name} doet nu niet mee: andere teams passen beter bij uw vraag. "
                f"{helper} haalt {name} erbij als dat nodig is."
            )
        left.append(LeftOut(department=dep, reden=reden, rules=ev.rules, matched=ev.words))
    return ([lead] if lead else []) + kept, left
