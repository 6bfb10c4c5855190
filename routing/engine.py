"""The Router: validates an intake, analyses its text, fires rules and builds an explained Route."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from routing import teams
from routing.catalogue import Catalogue, load_catalogue, vocabulary_path
from routing.errors import RulesError
from routing.intake import validate_intake
from routing.lexicon import Lexicon
from routing.models import Analysis, Intake, NeedHit, Reason, Route
from routing.rules import Conditions, Rule, load_rules
from routing.signals import Signals, analyse, load_signals
from routing.text import Pipeline, clean_text, load_pipeline

SUPPORT_WEIGHT = 1.0
OUT_OF_SCOPE_RULE = "buiten-scope"
SIGNALS = "signalen.yml"


@dataclass
class _Facts:
    needs: set[str]
    given: set[str]
    themes: set[str]
    stage: str | None
    organisation: str | None
    wijk: str | None
    hits: dict[str, list[str]]
    chosen: set[str] = field(default_factory=set)  # `organisatie: x` etc. given by the intake


@dataclass
class _Tally:
    """Accumulates what fired rules add, remembering first appearance for stable order."""

    lead: dict[str, list[float]] = field(default_factory=dict)
    score: dict[str, float] = field(default_factory=dict)
    partners: dict[str, float] = field(default_factory=dict)
    instruments: dict[str, float] = field(default_factory=dict)
    sdgs: set[int] = field(default_factory=set)
    reasons: list[Reason] = field(default_factory=list)
    evidence: dict[str, teams.Evidence] = field(default_factory=dict)

    def lead_team(self) -> str | None:
        order = list(self.score)
        return max(self.lead, key=lambda d: (self.lead_score(d), -order.index(d)), default=None)

    def lead_score(self, department: str) -> float:
        """The strongest lead claim counts fully, further claims a quarter: a team that covers
        many themes (culture, sport, education) should not win by adding up weak mentions."""
        claims = self.lead[department]
        return max(claims) + 0.25 * (sum(claims) - max(claims))

    def ordered(self, table: dict[str, float]) -> list[str]:
        order = list(table)
        return sorted(order, key=lambda k: (-table[k], order.index(k)))


class Router:
    """Routes intakes with one catalogue, one set of signals and rules, and one spaCy pipeline."""

    def __init__(
        self,
        catalogue: Catalogue,
        signals: Signals,
        rules: list[Rule],
        rule_words: Lexicon,
        rules_version: str,
        pipeline: Pipeline,
        data_dir: Path | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.data_dir = data_dir
        self.signals = signals
        self.rules = rules
        self.rule_words = rule_words
        self.rules_version = rules_version
        self._pipeline = pipeline
        self._late = [r for r in rules if r.als.anders or r.als.teams_minimaal]
        self._early = [r for r in rules if not (r.als.anders or r.als.teams_minimaal)]

    @classmethod
    def load(cls, data_dir: Path | str, pipeline: Pipeline | None = None) -> Router:
        """Load and validate a municipality's folder: `catalogue.yml` (with the shared
        `../vocabulary.yml`), the shared `../signalen.yml` plus its own `signalen.yml`, and
        `rules/*.yml` (or `rules.yml`)."""
        data = Path(data_dir)
        catalogue_path = data / "catalogue.yml"
        catalogue = load_catalogue(catalogue_path)
        signal_paths = [p for p in (data.parent / SIGNALS, data / SIGNALS) if p.is_file()]
        if not signal_paths:
            raise RulesError(f"{data}: no {SIGNALS} here nor in {data.parent}")
        signals = load_signals(signal_paths, catalogue)
        rule_paths = sorted((data / "rules").glob("*.yml")) if (data / "rules").is_dir() else []
        if (data / "rules.yml").is_file():
            rule_paths.insert(0, data / "rules.yml")
        if not rule_paths:
            raise RulesError(f"{data}: no rules.yml and no rules/*.yml")
        rules, words = load_rules(rule_paths, catalogue, signals)
        digest = hashlib.sha256()
        vocabulary = vocabulary_path(catalogue_path)
        shared = [vocabulary] if vocabulary else []
        for path in [catalogue_path, *shared, *signal_paths, *rule_paths]:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        version = digest.hexdigest()[:12]
        return cls(catalogue, signals, rules, words, version, pipeline or load_pipeline(), data)

    @property
    def pipeline(self) -> str:
        return self._pipeline.name

    def validate(self, intake: Intake | Mapping[str, Any]) -> Intake:
        """Check IDs against the catalogue; clean the text. Returns the normalised intake."""
        return validate_intake(self.catalogue, intake)

    def analyse(self, text: str) -> Analysis:
        """What the text analysis derives from free Dutch text (cleaned first)."""
        return analyse(self.signals, self._pipeline, clean_text(text))[0]

    def route(self, intake: Intake | Mapping[str, Any]) -> Route:
        """Decide teams (lead first), partners, instruments and SDGs, with a reason for each."""
        intake = self.validate(intake)
        analysis, hits = analyse(self.signals, self._pipeline, intake.text, self.rule_words)
        given = set(intake.needs)
        need_hits = [NeedHit(id=n, source="given") for n in intake.needs] + [
            NeedHit(id=n, source="derived") for n in analysis.needs if n not in given
        ]
        base = {
            "needs": need_hits,
            "wijk": intake.wijk or analysis.wijk,
            "stage": intake.stage or analysis.stage,
            "organisation": intake.organisation or analysis.organisation,
            "general_contact": self.catalogue.general_contact,
            "rules_version": self.rules_version,
            "municipality": self.catalogue.municipality.id,
        }
        structured = intake.needs or intake.stage or intake.organisation
        if analysis.out_of_scope and not structured:
            topic = analysis.out_of_scope
            words = hits.get(f"buiten:{topic}", [])
            reden = (
                f"Dit lijkt een algemene vraag over {self.signals.out_of_scope[topic]}, geen "
                f"initiatief. Daarvoor kunt u de gemeente bellen op "
                f"{self.catalogue.general_contact}."
            )
            reason = Reason(rule=OUT_OF_SCOPE_RULE, reden=reden, matched=words)
            return Route(in_scope=False, reasons=[reason], **base)
        facts = _Facts(
            needs=given | set(analysis.needs),
            given=given,
            themes=set(analysis.themes),
            stage=base["stage"],  # type: ignore[arg-type]
            organisation=base["organisation"],  # type: ignore[arg-type]
            wijk=base["wijk"],  # type: ignore[arg-type]
            hits=hits,
            chosen={
                f"{key}: {value}"
                for key, value in (
                    ("fase", intake.stage),
                    ("organisatie", intake.organisation),
                    ("wijk", intake.wijk),
                )
                if value
            },
        )
        tally = self._decide(facts)
        lead = tally.lead_team()
        departments, left_out = teams.choose(
            tally.ordered(tally.score), tally.evidence, lead, self.catalogue.name_of
        )
        dropped = {item.department for item in left_out}
        reasons = [
            r.model_copy(update={"adds": [a for a in r.adds if a not in dropped]})
            for r in tally.reasons
        ]
        return Route(
            in_scope=True,
            departments=departments,
            partners=tally.ordered(tally.partners),
            instruments=tally.ordered(tally.instruments),
            sdgs=sorted(tally.sdgs),
            reasons=reasons,
            left_out=left_out,
            **base,
        )

    def _decide(self, facts: _Facts) -> _Tally:
        tally = _Tally()
        for rule in self._early:
            matched = _matches(rule.id, rule.als, facts)
            if matched is not None:
                self._apply(rule, matched, facts, tally)
        # Regie counts the teams that are needed, not every team a loose word pointed at.
        needed = len(teams.needed(tally.evidence, tally.lead_team()))
        for rule in self._late:
            if rule.als.anders and tally.score:
                continue
            if rule.als.teams_minimaal and needed < rule.als.teams_minimaal:
                continue
            matched = _matches(rule.id, rule.als, facts)
            if matched is not None:
                extra = [f"{needed} teams"] if rule.als.teams_minimaal else []
                self._apply(rule, matched + extra, facts, tally)
        return tally

    def _apply(self, rule: Rule, matched: list[str], facts: _Facts, tally: _Tally) -> None:
        # More evidence, more weight: each extra matched word adds a quarter, up to double.
        # A chosen need counts as one word; a derived one counts the words it was found by.
        words = sum(1 for m in matched if not m.startswith(("fase:", "organisatie:", "wijk:")))
        words -= sum(1 for m in matched if m.startswith("behoefte:") and m[10:] not in facts.given)
        strength = min(2.0, 1.0 + 0.25 * max(0, words - 1))
        eff = rule.dan
        adds: list[str] = []
        evidence, chosen = _evidence(matched, facts)
        asked = bool(rule.als.behoefte or rule.als.woorden)
        regie = bool(rule.als.teams_minimaal)

        def add(table: dict[str, float], key: str, weight: float) -> None:
            table[key] = table.get(key, 0.0) + weight
            if key not in adds:
                adds.append(key)

        def add_team(dep: str, weight: float, provider: bool = False) -> None:
            # An instrument is advice; the team that offers it only counts as asked for
            # when the need was chosen (otherwise its words must be strong enough).
            add(tally.score, dep, weight)
            tally.evidence.setdefault(dep, teams.Evidence()).note(
                rule.id, evidence, chosen=chosen, asked=asked and not provider, regie=regie
            )

        if eff.trekker:
            tally.lead.setdefault(eff.trekker, []).append(eff.gewicht * strength)
            add_team(eff.trekker, eff.gewicht * strength)
        for dep in eff.teams:
            add_team(dep, SUPPORT_WEIGHT * strength)
        for partner in eff.partners:
            add(tally.partners, partner, strength)
        for instrument in eff.instrumenten:
            add(tally.instruments, instrument, strength)
            by = self.catalogue.instruments[instrument].by
            if by in self.catalogue.departments:
                add_team(by, 0.5, provider=True)
            else:
                add(tally.partners, by, 0.5 * strength)
        tally.sdgs.update(eff.sdgs)
        tally.reasons.append(
            Reason(
                rule=rule.id, reden=rule.reden, matched=matched, adds=adds, sdgs=sorted(eff.sdgs)
            )
        )


def _matches(rule_id: str, cond: Conditions, facts: _Facts) -> list[str] | None:
    """What satisfied each condition, or None when a condition fails."""
    matched: list[str] = []
    checks: list[tuple[list[str], Any]] = [
        (cond.behoefte, lambda v: _need_evidence(v, facts)),
        (cond.thema, lambda v: facts.hits.get(f"thema:{v}", [])),
        (cond.fase, lambda v: [f"fase: {v}"] if v == facts.stage else []),
        (cond.organisatie, lambda v: [f"organisatie: {v}"] if v == facts.organisation else []),
        (cond.wijk, lambda v: [f"wijk: {v}"] if v == facts.wijk else []),
    ]
    for values, found in checks:
        if values:
            got = [m for v in values for m in found(v)]
            if not got:
                return None
            matched.extend(m for m in got if m not in matched)
    if cond.woorden:
        got = facts.hits.get(f"regel:{rule_id}", [])
        if not got:
            return None
        matched.extend(m for m in got if m not in matched)
    if cond.niet is not None and _any_holds(rule_id, cond.niet, facts):
        return None
    return matched


def _evidence(matched: list[str], facts: _Facts) -> tuple[list[str], bool]:
    """The words and facts behind a rule, and whether the inwoner chose one of them.

    A chosen need, organisation, stage or wijk is explicit; a fact found in the text counts by
    the words it was found by, so that one word ("buren") is not counted twice.
    """
    words: list[str] = []
    chosen = False
    for item in matched:
        key, sep, value = item.partition(": ")
        if not sep or key not in ("behoefte", "fase", "organisatie", "wijk"):
            words.append(item)
        elif (key == "behoefte" and value in facts.given) or item in facts.chosen:
            chosen = True
        elif key != "behoefte":  # a derived need's words are in `matched` already
            words.extend(facts.hits.get(f"{key}:{value}", []))
    return list(dict.fromkeys(words)), chosen


def _need_evidence(need: str, facts: _Facts) -> list[str]:
    """`behoefte: x` for a given need; the words it was derived from for a derived one."""
    if need in facts.given:
        return [f"behoefte: {need}"]
    if need in facts.needs:
        return [f"behoefte: {need}", *facts.hits.get(f"behoefte:{need}", [])]
    return []


def _any_holds(rule_id: str, cond: Conditions, facts: _Facts) -> bool:
    """For `niet:`: true when any one of the listed values is present."""
    return bool(
        any(v in facts.needs for v in cond.behoefte)
        or any(f"thema:{v}" in facts.hits for v in cond.thema)
        or (cond.woorden and f"niet:{rule_id}" in facts.hits)
        or facts.stage in cond.fase
        or facts.organisation in cond.organisatie
        or facts.wijk in cond.wijk
    )
