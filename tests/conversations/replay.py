"""Replay and judge the blind conversation set (format: tests/conversations/README.md).

A conversation is driven like an inwoner would: the `opening` turns first, then, each time
the assistant asks one of the intake questions, the inwoner's answer to it (or an
interjection planned before it), then the `closing` turns. Which question is open is read
from the tracker (`requested_slot`, `phase`), never from the bot's wording. Every reply is
then judged on what the inwoner reads, and the case on what the parties receive.

Used by tests/conversations/test_blind_conversations.py (on the test stack) and by
bench/conversation_score.py (on any running stack). No Rasa import: HTTP only.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import httpx
import yaml

from routing import Catalogue, load_catalogue
from tests.stack import ROOT, RunningStack

HERE = Path(__file__).resolve().parent
BLIND = HERE / "blind"


def _in_order(path: Path) -> tuple[str, int]:
    """dev, dev2, …, dev10: by name, then by round number."""
    name = path.stem.rstrip("0123456789")
    return name, int(path.stem[len(name) :] or 1)


# Every blind set in tests/conversations/blind/, by file name: dev*.yml are the sets whose
# failures may be read and fixed on; the holdouts (holdout*.yml) print only their score.
SETS = {path.stem: path for path in sorted(BLIND.glob("*.yml"), key=_in_order)}
DEV_SETS = tuple(name for name in SETS if name.startswith("dev"))
HOLDOUT_SETS = tuple(name for name in SETS if name.startswith("holdout"))
QUESTIONS = (
    "goal",
    "needs",
    "stage",
    "organisation",
    "wijk",
    "contact_wanted",
    "contact",
    "summary_ok",
    "consent",
)
REFERENCE = re.compile(r"\bLOK-\d{4}-\d{6}\b")
MAX_TURNS = 40

# What the inwoner reads that means the assistant failed them, whatever it was asked.
NOT_UNDERSTOOD = re.compile(
    r"begreep ik niet|begrijp ik (u )?niet|niet goed begrepen|snap ik niet|lukt mij niet goed "
    r"om u te begrijpen",
    re.IGNORECASE,
)
LANGUAGE_REMARK = re.compile(
    r"alleen Nederlands|in het Nederlands stellen|only understand Dutch", re.IGNORECASE
)
CANNOT_HELP = re.compile(
    r"(daar|hiermee|daarmee) kan ik u (helaas )?niet (mee )?helpen|niet over een initiatief",
    re.IGNORECASE,
)
RESTART = re.compile(r"\b(we )?beginnen (we )?opnieuw\b", re.IGNORECASE)
PROMISE = re.compile(
    r"(u krijgt|reageert|neemt|hoort).{0,80}(binnen \d+ werkdag|uiterlijk (op )?\w+dag)",
    re.IGNORECASE | re.DOTALL,
)
_DUTCH_WORDS = set(
    [
        "de",
        "het",
        "een",
        "en",
        "ik",
        "wij",
        "we",
        "jij",
        "je",
        "u",
        "is",
        "zijn",
        "niet",
        "wel",
        "met",
        "voor",
        "van",
        "in",
        "op",
        "dat",
        "die",
        "dit",
        "wat",
        "hoe",
        "mijn",
        "ons",
        "onze",
        "graag",
        "ja",
        "nee",
        "maar",
        "ook",
        "nog",
        "al",
        "heb",
        "hebben",
        "wil",
        "willen",
        "kan",
        "kunnen",
        "er",
    ]
)

# Topic -> what a reply that answers it must mention (lenient, from the topic's meaning).
TOPICS: dict[str, re.Pattern[str]] = {
    "kosten": re.compile(r"\bkost|gratis|betal|prijs|leges|geld", re.IGNORECASE),
    "doorlooptijd": re.compile(r"werkdag|\bdagen\b|\bweken?\b|uiterlijk|binnen", re.IGNORECASE),
    "vervolg": re.compile(
        r"daarna|vervolgens|volgende stap|neemt contact|neemt .* contact|beslis|bekijkt|"
        r"pakt .*op|krijgt .*samenvatting|stuur",
        re.IGNORECASE,
    ),
    "waarom": re.compile(r"waarom|omdat|\bwant\b|reden|past bij", re.IGNORECASE),
    "subsidie": re.compile(r"subsid", re.IGNORECASE),
    "toestemming": re.compile(
        r"toestemming|goed ?vind|akkoord|mee eens|instem|ermee eens", re.IGNORECASE
    ),
    "bellen": re.compile(r"\bbel|telefo|contact", re.IGNORECASE),
    "privacy": re.compile(r"gegevens|privacy|bewaar|wis", re.IGNORECASE),
    "robot": re.compile(r"computer|robot|geen mens|digitale assistent", re.IGNORECASE),
    "mogelijkheden": re.compile(r"\bik help|kan u helpen|initiatie", re.IGNORECASE),
    "mens": re.compile(r"medewerker|\bmens\b|\bbel|mail", re.IGNORECASE),
    "wissen": re.compile(r"zeker|wissen|verwijderen", re.IGNORECASE),
    "gewist": re.compile(r"gewist|verwijderd", re.IGNORECASE),
    "status": re.compile(r"status|staat|kenmerk|link|LOK-", re.IGNORECASE),
}


def _not_after(planned: str, question: str) -> bool:
    """Whether an interjection planned before `planned` is due when `question` is asked."""
    if planned == question:
        return True
    order = {name: index for index, name in enumerate(QUESTIONS)}
    return planned in order and question in order and order[planned] < order[question]


def load_set(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    conversations = data["conversations"] if isinstance(data, dict) else data
    ids = [c["id"] for c in conversations]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: duplicate conversation ids")
    for conv in conversations:
        if not conv.get("opening"):
            raise ValueError(f"{conv['id']}: no opening turn")
        unknown = set(conv.get("answers") or {}) - set(QUESTIONS)
        if unknown:
            raise ValueError(f"{conv['id']}: unknown answer keys {sorted(unknown)}")
    return list(conversations)


def is_dutch(text: str) -> bool:
    words = re.findall(r"[a-zà-ÿ]+", text.casefold())
    return len(words) < 3 or any(w in _DUTCH_WORDS for w in words)


@dataclass
class Stack:
    """The running stack (where the assistant and the API run, how to read a case as staff and
    as a party) and the catalogue its replies are judged by."""

    running: RunningStack
    catalogue: Catalogue

    @property
    def general_contact(self) -> str:
        return self.catalogue.general_contact

    @cached_property
    def party_names(self) -> dict[str, str]:
        """Catalogue id -> name, of the departments and the partners."""
        names = {pid: d.name for pid, d in self.catalogue.departments.items()}
        return names | {pid: p.name for pid, p in self.catalogue.partners.items()}


def stack_for(running: RunningStack) -> Stack:
    """The stack of `tests.stack.run_stack`, whose default municipality is Delft."""
    return Stack(
        running, load_catalogue(ROOT / "data" / "municipalities" / "delft" / "catalogue.yml")
    )


@dataclass
class Result:
    id: str
    failures: list[str] = field(default_factory=list)
    transcript: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


class Replay:
    def __init__(self, stack: Stack, conv: dict[str, Any], client: httpx.Client) -> None:
        self.stack = stack
        self.conv = conv
        self.client = client
        # The chat proxy's sender pattern: 8-64 letters, digits, '-' or '_'.
        self.sender = f"blind-{conv['id'][:40]}-{uuid.uuid4().hex[:8]}"
        self.result = Result(conv["id"])
        self.buttons: list[dict[str, Any]] = []
        self.replies: list[str] = []  # every bot text, in order
        self.consent_texts: list[str] = []
        self.consented_at: int | None = None  # index in `replies` of the answer to consent
        self.reference: str | None = None
        self.topics_seen: set[str] = set()
        self.asked: dict[str, int] = {}  # how often each intake question was asked

    # -- talking ----------------------------------------------------------------------------

    def fail(self, message: str) -> None:
        self.result.failures.append(message)

    def tracker(self) -> dict[str, Any]:
        response = self.client.get(
            f"{self.stack.running.rasa_url}/conversations/{self.sender}/tracker",
            params={"include_events": "NONE"},
        )
        response.raise_for_status()
        return dict(response.json())

    def pending(self) -> str | None:
        tracker = self.tracker()
        slots = tracker.get("slots") or {}
        loop = (tracker.get("active_loop") or {}).get("name")
        if loop and slots.get("requested_slot") in QUESTIONS:
            return str(slots["requested_slot"])
        phase = slots.get("phase")
        if phase == "summary":
            return "summary_ok"
        if phase == "consent":
            return "consent"
        return None

    def say(self, turn: Any, expect: list[str] | None = None) -> str:
        if isinstance(turn, dict) and "click" in turn:
            wanted = str(turn["click"]).casefold()
            button = next(
                (b for b in self.buttons if wanted in b.get("title", "").casefold()), None
            )
            if button is None:
                self.fail(f"no button {turn['click']!r} to click")
                return ""
            said, message = f"[klikt: {button['title']}]", str(button["payload"])
        else:
            said = message = str(turn["text"] if isinstance(turn, dict) else turn)
        # Through the chat proxy, as the widget sends it: the proxy adds the status link and
        # erases a conversation the assistant was asked to erase.
        response = self.client.post(
            f"{self.stack.running.api_url}/api/v1/chat",
            json={"sender": self.sender, "message": message},
        )
        if response.status_code != 200:
            detail = response.json().get("detail", "") if response.content else ""
            self.fail(f"the chat answered {response.status_code} to {message[:40]!r}: {detail}")
            self.replies.append("")
            return ""
        messages = list(response.json().get("messages") or [])
        texts = [str(m.get("text") or "") for m in messages]
        for m in messages:
            custom = m.get("custom")
            if isinstance(custom, dict):
                texts.append(" ".join(str(v) for v in custom.values() if isinstance(v, str)))
        reply = "\n".join(t for t in texts if t)
        buttons = [b for m in messages for b in (m.get("buttons") or [])]
        if buttons:
            self.buttons = buttons
        self.result.transcript += [f"> {said}", *(f"< {t}" for t in texts if t)]
        self.replies.append(reply)
        self.judge_reply(message, reply, expect or [])
        return reply

    # -- judging ----------------------------------------------------------------------------

    def judge_reply(self, said: str, reply: str, expect: list[str]) -> None:
        short = said[:40]
        topics = [e.split(":", 1)[1] for e in expect if e.startswith("answers:")]
        if not reply.strip():
            self.fail(f"no reply to {short!r}")
            return
        if NOT_UNDERSTOOD.search(reply):
            self.fail(f"not understood: {short!r}")
        if LANGUAGE_REMARK.search(reply) and is_dutch(said):
            self.fail(f"language remark on Dutch: {short!r}")
        referral = CANNOT_HELP.search(reply) and self.stack.general_contact in reply
        if referral:
            self.topics_seen.add("verwijzing")
            if "verwijzing" not in topics:
                self.fail(f"referred to the general number: {short!r}")
        if RESTART.search(reply) and not re.search(r"opnieuw|overnieuw|reset", said, re.I):
            self.fail(f"started over: {short!r}")
        for topic in topics:
            if topic == "verwijzing":
                if not referral and self.stack.general_contact not in reply:
                    self.fail(f"no general number for {short!r}")
                continue
            if topic == "uitleg":
                ok = (
                    any(
                        name.casefold() in reply.casefold()
                        for name in self.stack.party_names.values()
                    )
                    or len(reply) > 60
                )
            else:
                pattern = TOPICS.get(topic)
                ok = bool(pattern and pattern.search(reply))
            if ok:
                self.topics_seen.add(topic)
            else:
                self.fail(f"did not answer {topic}: {short!r}")
        found = REFERENCE.search(reply)
        if found:
            self.reference = found.group(0)

    def run(self) -> Result:
        conv = self.conv
        answers: dict[str, Any] = dict(conv.get("answers") or {})
        interjections = list(conv.get("interjections") or [])
        for turn in conv["opening"]:
            self.say(turn, (turn.get("expect") if isinstance(turn, dict) else None))
        asked = self.asked
        for _ in range(MAX_TURNS):
            question = self.pending()
            if question is None:
                break
            # Planned before this question, or before one the assistant never asked because
            # it already knew the answer: the inwoner asks it now, at the next question.
            planned = next(
                (i for i in interjections if _not_after(str(i.get("before")), question)), None
            )
            if planned is not None:
                interjections.remove(planned)
                self.say(planned, planned.get("expect"))
                again = self.pending()
                if again != question:
                    self.fail(f"after the interjection before {question}, it asked {again}")
                continue
            asked[question] = asked.get(question, 0) + 1
            if question not in answers:
                if question in ("summary_ok", "consent") and asked[question] <= 2:
                    self.say("Ja, dat klopt.")
                    continue
                self.fail(f"asked {question}, which the inwoner had already answered or said")
                if asked[question] > 1:
                    break  # the same unanswerable question again: a dead end
                self.say("Dat heb ik al gezegd.")
                continue
            if asked[question] > 1:
                if question in ("summary_ok", "consent") and asked[question] <= 2:
                    # A summary shown again after a correction, or consent asked again after
                    # a leave-out: confirming once more is normal.
                    self.say("Ja, dat klopt.")
                    continue
                self.fail(f"asked {question} again")
                if asked[question] > 3:
                    break
            if question == "consent":
                # Every party the inwoner was told of before saying yes (a repeat of the
                # question after a side question may be short).
                self.consent_texts.append("\n".join(self.replies))
                self.consented_at = len(self.replies)
            self.say(answers[question])
        else:
            self.fail("the conversation did not end")
        for name, turn in enumerate(interjections):
            self.fail(f"interjection {name} before {turn.get('before')} never came up")
        for turn in conv.get("closing") or []:
            self.say(turn, (turn.get("expect") if isinstance(turn, dict) else None))
        self.judge_outcome(conv.get("outcome") or {})
        return self.result

    # -- the outcome ------------------------------------------------------------------------

    def staff_case(self, reference: str) -> dict[str, Any] | None:
        response = self.client.get(
            f"{self.stack.running.api_url}/api/v1/staff/cases/{reference}",
            headers={"Authorization": f"Bearer {self.stack.running.staff_token}"},
        )
        if response.status_code == 404:
            return None
        response.raise_for_status()
        return dict(response.json())

    def party_summary(self, party: str, reference: str) -> dict[str, Any]:
        response = self.client.get(
            f"{self.stack.running.api_url}/api/v1/partner/cases/{reference}",
            headers={
                "X-API-Key": self.stack.running.partner_key(party),
                "Accept": "application/json",
            },
        )
        response.raise_for_status()
        return dict(response.json())

    def named_parties(self, text: str) -> set[str]:
        lowered = text.casefold()
        return {pid for pid, name in self.stack.party_names.items() if name.casefold() in lowered}

    def judge_outcome(self, outcome: dict[str, Any]) -> None:
        for flag, topic in (("human", "mens"), ("referral", "verwijzing")):
            if outcome.get(flag) and topic not in self.topics_seen:
                self.fail(f"outcome {flag}: never happened")
        wants_case = outcome.get("reference")
        if wants_case is False and self.reference:
            self.fail(f"a case was made ({self.reference}) without consent")
        if wants_case and not self.reference:
            self.fail("no reference given")
        if outcome.get("erased"):
            if self.reference and self.staff_case(self.reference) is not None:
                self.fail("the case still exists after erasure")
            events = (
                self.client.get(
                    f"{self.stack.running.rasa_url}/conversations/{self.sender}/tracker",
                    params={"include_events": "ALL"},
                )
                .json()
                .get("events")
                or []
            )
            said = [e for e in events if e.get("event") == "user" and e.get("text")]
            if len(said) > 2:
                self.fail("the conversation was not erased")
            return
        if not self.reference:
            return
        case = self.staff_case(self.reference)
        if case is None:
            self.fail(f"reference {self.reference} has no case")
            return
        self.judge_case(case, outcome)

    def judge_case(self, case: dict[str, Any], outcome: dict[str, Any]) -> None:
        intake = case.get("intake") or {}
        parties = {p["party"] for p in case.get("parties") or []}
        if self.consent_texts:
            named = self.named_parties(self.consent_texts[-1])
            excluded = {
                pid
                for pid, name in self.stack.party_names.items()
                for left_out in outcome.get("recipients_exclude") or []
                if left_out.casefold() in name.casefold() or name.casefold() in left_out.casefold()
            }
            if parties - named:
                self.fail(f"sent to parties not named at consent: {sorted(parties - named)}")
            if parties & excluded:
                self.fail(f"sent to parties the inwoner left out: {sorted(parties & excluded)}")
        expected = outcome.get("case") or {}
        needs = set(intake.get("needs") or [])
        missing = set(expected.get("needs_include") or []) - needs
        if missing:
            self.fail(f"needs lost: {sorted(missing)} (stored {sorted(needs)}){self.how('needs')}")
        for key in ("stage", "organisation"):
            if key in expected:
                want = None if expected[key] == "unknown" else expected[key]
                if intake.get(key) != want:
                    self.fail(
                        f"{key}: stored {intake.get(key)!r}, said {expected[key]!r}{self.how(key)}"
                    )
        if "wijk" in expected:
            want = expected["wijk"]
            stored = intake.get("wijk")
            if want in ("unknown", "hele stad"):
                if stored not in (None, "hele stad"):
                    self.fail(f"wijk: stored {stored!r}, said {want!r}")
            elif (stored or "").casefold() != str(want).casefold():
                self.fail(f"wijk: stored {stored!r}, said {want!r}")
        goal = str(intake.get("text") or "").casefold()
        for word in expected.get("goal_contains") or []:
            if str(word).casefold() not in goal:
                self.fail(f"goal lacks {word!r}{self.how('goal')}")
        self.judge_contact(case, expected)

    def how(self, question: str) -> str:
        """Whether a wrongly stored field's question was asked, for counting failures by kind:
        a reading of the answer, or a reading of the story that left the question out."""
        if self.asked.get(question):
            return " (asked)"
        if question in (self.conv.get("answers") or {}):
            return " (not asked, answer written)"
        return " (not asked, no answer written)"

    def judge_contact(self, case: dict[str, Any], expected: dict[str, Any]) -> None:
        # An erased case keeps no route (its departments are empty).
        lead = ((case.get("route") or {}).get("departments") or [None])[0]
        contact_keys = ("contact_name", "contact_email", "contact_phone", "callback_time")
        has_contact = bool(case.get("has_contact"))
        if expected.get("no_contact") and has_contact:
            self.fail("contact stored although none was given")
        if not has_contact:
            # What is said once the case is sent: "u krijgt binnen 3 werkdagen antwoord" is a
            # promise the team cannot keep without a way to reach the inwoner.
            after = self.replies[self.consented_at or 0 :]
            promises = [r for r in after if PROMISE.search(r)]
            if promises:
                self.fail("promised a reply within days without contact details")
        if not any(k in expected for k in contact_keys):
            return
        if not has_contact or lead is None:
            self.fail("contact details lost")
            return
        summary = self.party_summary(lead, str(case["reference"]))
        contact = summary.get("contact") or {}
        if "contact_name" in expected and (
            str(expected["contact_name"]).casefold()
            not in str(contact.get("naam") or "").casefold()
        ):
            self.fail(f"name: stored {contact.get('naam')!r}, said {expected['contact_name']!r}")
        if "contact_email" in expected and (
            str(contact.get("email") or "").casefold() != str(expected["contact_email"]).casefold()
        ):
            self.fail(f"e-mail: stored {contact.get('email')!r}")
        if "contact_phone" in expected:
            digits = re.sub(r"\D", "", str(contact.get("telefoon") or ""))
            want = re.sub(r"\D", "", str(expected["contact_phone"]))
            if digits.removeprefix("31") != want.removeprefix("0") and digits != want:
                self.fail(f"phone: stored {contact.get('telefoon')!r}")
        if "callback_time" in expected:
            stored = str(contact.get("voorkeur") or summary.get("bellen_voorkeur") or "")
            if str(expected["callback_time"]).casefold() not in stored.casefold():
                self.fail(f"preferred call time lost ({expected['callback_time']!r})")


def replay_set(stack: Stack, conversations: list[dict[str, Any]]) -> list[Result]:
    results = []
    with httpx.Client(timeout=60) as client:
        for conv in conversations:
            try:
                results.append(Replay(stack, conv, client).run())
            except httpx.HTTPError as error:
                results.append(Result(conv["id"], failures=[f"HTTP error: {error}"]))
    return results


def score(results: list[Result]) -> float:
    return sum(r.passed for r in results) / len(results) if results else 0.0
