"""Fixtures for the action tests: the real catalogue, a small fake text analysis and route,
trackers built with `Tracker.from_dict`, and isolated settings per test."""

from __future__ import annotations

import asyncio
import functools
import inspect
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import knowledge, services
from actions.clients.handoff import HandoffClient
from actions.settings import get_settings
from routing import Analysis, Catalogue, Intake, Reason, Route, load_catalogue
from routing.intake import validate_intake
from tests.actions.handoff_contract import BREACHES, case_created, contract_transport

ROOT = Path(__file__).resolve().parents[2]

# A deliberately small stand-in for routing's analysis: the action tests are about the
# dialogue glue, not about how well Dutch is understood.
_WORDS = {
    "geld": ("needs", "financiering"),
    "subsidie": ("needs", "financiering"),
    "vrijwilligers": ("needs", "vrijwilligers"),
    "ruimte": ("needs", "locatie"),
    "draait al": ("stage", "lopend"),
    "idee": ("stage", "idee"),
    "stichting": ("organisation", "stichting-vereniging"),
    "buren": ("organisation", "bewoner"),
    "paspoort": ("out_of_scope", "paspoort"),
}


class RecordingApp:
    """Stands in for rasa_sdk's Sanic app: keeps the listeners and middleware a plugin adds."""

    def __init__(self) -> None:
        self.listeners: dict[str, list[Any]] = {}
        self.middleware: dict[str, list[Any]] = {}

    def register_listener(self, listener: Any, event: str) -> None:
        self.listeners.setdefault(event, []).append(listener)

    def register_middleware(self, middleware: Any, attach_to: str) -> None:
        self.middleware.setdefault(attach_to, []).append(middleware)

    async def fire(self, event: str) -> None:
        for listener in self.listeners.get(event, []):
            await listener(self)


class FakeRouter:
    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.routed: list[Intake] = []

    def analyse(self, text: str) -> Analysis:
        lowered = text.casefold()
        values: dict[str, Any] = {"needs": []}
        for word, (field, value) in _WORDS.items():
            if word in lowered:
                if field == "needs":
                    values["needs"].append(value)
                else:
                    values[field] = value
        for wijk in self.catalogue.wijken:
            if wijk.casefold() in lowered:
                values["wijk"] = wijk
        return Analysis(**values)

    def route(self, intake: Intake) -> Route:
        validate_intake(self.catalogue, intake)  # refuses what the real router refuses
        self.routed.append(intake)
        partners = ["vrijwilligerscentrale"] if "vrijwilligers" in intake.needs else []
        return Route(
            in_scope=True,
            departments=["wijken", "openbare-ruimte"],
            partners=partners,
            instruments=["vrijwilligersmatch"] if partners else ["wijkbudget"],
            reasons=[
                Reason(rule="groen", reden="Het gaat over groen.", matched=["moestuin"]),
                Reason(rule="buurt", reden="Het gaat over de buurt.", matched=["buren"]),
            ],
            wijk=intake.wijk,
            general_contact="14 015",
            rules_version="test",
        )


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Runs `async def` tests with asyncio.run (the actions are coroutines)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        names = pyfuncitem._fixtureinfo.argnames
        asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
        return True
    return None


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(ROOT / "data" / "municipalities" / "delft" / "catalogue.yml")


@pytest.fixture
def router(catalogue: Catalogue) -> Iterator[FakeRouter]:
    fake = FakeRouter(catalogue)
    knowledge.use_router(fake)
    yield fake
    knowledge.use_router(None)


@pytest.fixture(scope="session")
def delft() -> Any:
    """The real router of the example municipality (Delft): its catalogue, signal words and
    text analysis, for tests of readings that rest on them (the fake router knows a few)."""
    from routing import get_municipalities

    return get_municipalities().get("delft")


@pytest.fixture
def real_words(delft: Any) -> Iterator[None]:
    """The actions read with the real router (`delft`) for the length of a test."""
    knowledge.use_router(delft)
    yield
    knowledge.use_router(None)


@pytest.fixture(autouse=True)
def no_contract_breach() -> Iterator[None]:
    """Fails a test whose fake handoff API answered unlike the real one, also when the code
    under test swallowed the ContractBreach (the retry thread catches everything)."""
    BREACHES.clear()
    yield
    assert BREACHES == [], "a fake handoff API drifted from the real API"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LOKET_ACTIONS_QUEUE", str(tmp_path / "pending.db"))
    monkeypatch.setenv("LOKET_API_URL", "http://handoff.test")
    monkeypatch.setenv("LOKET_ACTIONS_RETRY_SECONDS", "0.05")
    monkeypatch.setenv("LOKET_SERVICE_TOKEN", "service-token-for-action-tests")
    get_settings.cache_clear()
    yield
    services.stop_legacy_drain()
    services._drain = None
    get_settings.cache_clear()


def make_tracker(
    *,
    text: str = "",
    intent: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    asking: str | None = None,
    active_loop: str | None = None,
    sender_id: str = "test-conversation-1",
    events: list[dict[str, Any]] | None = None,
    latest_action_name: str = "action_listen",
) -> Tracker:
    """A tracker at one turn. `asking`: the intake form is open and asks for that slot."""
    if asking is not None:
        active_loop = "intake_form"
        slots = {**(slots or {}), "requested_slot": asking}
    return Tracker.from_dict(
        {
            "sender_id": sender_id,
            "slots": dict(slots or {}),
            "latest_message": {
                "text": text,
                "intent": {"name": intent, "confidence": 0.99} if intent else {},
                "entities": [
                    {key: e[key] for key in ("entity", "value", "start", "end") if key in e}
                    for e in (entities or [])
                ],
            },
            "events": list(events or []),
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": active_loop} if active_loop else {},
            "latest_action_name": latest_action_name,
        }
    )


@dataclass(frozen=True)
class Reply:
    """What an action did with one turn: the events it returned and the messages it sent."""

    events: list[dict[str, Any]]
    dispatcher: CollectingDispatcher

    @property
    def slots(self) -> dict[str, Any]:
        return slot_events(self.events)

    @property
    def shown(self) -> str:
        return texts(self.dispatcher)

    @property
    def responses(self) -> list[str | None]:
        return [m.get("response") for m in self.dispatcher.messages]


async def run_action(
    action: Action,
    text: str = "",
    intent: str | None = None,
    *,
    domain: dict[str, Any] | None = None,
    **state: Any,
) -> Reply:
    """Runs `action` on one turn: the inwoner typed `text`, the classifier heard `intent`, in
    `state` (the other arguments of `make_tracker`)."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text=text, intent=intent, **state)
    events = await action.run(dispatcher, tracker, domain or {})
    return Reply(events, dispatcher)


@functools.cache
def intake_domain() -> dict[str, Any]:
    """The intake form as the bot's domain declares it (bot/domain/intake.yml)."""
    with (ROOT / "bot" / "domain" / "intake.yml").open(encoding="utf-8") as file:
        forms = yaml.safe_load(file)["forms"]
    return {"forms": {"intake_form": forms["intake_form"]}}


class _NoDuplicateKeys(yaml.SafeLoader):
    """A loader that refuses a key written twice in one mapping (PyYAML keeps the last one
    silently, and the cases under the first would never run)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise ValueError(
                    f"phrasings.yml line {key_node.start_mark.line + 1}: {key!r} twice"
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@functools.cache
def _phrasings() -> dict[str, dict[Any, list[str]]]:
    with (Path(__file__).parent / "phrasings.yml").open(encoding="utf-8") as file:
        loaded: dict[str, dict[Any, list[str]]] = yaml.load(file, Loader=_NoDuplicateKeys)
    return loaded


def phrasings(reading: str) -> list[tuple[str, Any]]:
    """Cases for a word reading from phrasings.yml: each text with what the reading must make
    of it (True/False for a yes-or-no reading, else its answer)."""
    return [(text, made) for made, texts in _phrasings()[reading].items() for text in texts]


def phrased(reading: str, made: Any) -> list[str]:
    """The texts of phrasings.yml that `reading` must read as `made`."""
    return list(_phrasings()[reading][made])


def followup(name: str) -> dict[str, Any]:
    """The event of an action that hands the turn to action `name`."""
    return {"event": "followup", "name": name, "timestamp": None}


async def validate_form(
    text: str,
    requested: str,
    slots: dict[str, Any],
    intent: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    dispatcher: Any = None,
    every_question: bool = False,
) -> dict[str, Any]:
    """The slot values the intake form's validation sets for `text`, typed while the form asks
    for `requested` (the form's own run, where answers to questions are given). With
    `every_question`, the form has all its questions and `slots` were set before this message
    (so a value told at another question can change one answered before)."""
    from actions.intake import ValidateIntakeForm

    before = [{"event": "slot", "name": name, "value": value} for name, value in slots.items()]
    tracker = make_tracker(
        text=text,
        intent=intent,
        entities=entities,
        active_loop="intake_form",
        slots={**slots, "requested_slot": requested},
        latest_action_name="intake_form",
        events=[*before, {"event": "user", "text": text}] if every_question else None,
    )
    required = (
        ["goal", "needs", "stage", "organisation", "wijk", "contact_wanted"]
        if every_question
        else ["goal", requested]
    )
    domain = {"forms": {"intake_form": {"required_slots": required}}}
    events = await ValidateIntakeForm().run(dispatcher or CollectingDispatcher(), tracker, domain)
    return slot_events(events)


async def validate_at_any_question(
    text: str, requested: str, slots: dict[str, Any], **kwargs: Any
) -> dict[str, Any]:
    """`validate_form` with all the form's questions, `slots` set before this message."""
    return await validate_form(text, requested, slots, every_question=True, **kwargs)


def texts(dispatcher: Any) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


REFERENCE = "LOK-2026-000001"


class FakeHandoff:
    """An in-memory handoff API; its answers are checked against the real API's schema."""

    def __init__(self, down: bool = False) -> None:
        self.down = down
        self.requests: list[httpx.Request] = []
        self.conversation_cases: list[str] = []  # what DELETE ?conversation_id= erases

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if request.method == "DELETE":
            conversation = request.url.params["conversation_id"]
            return httpx.Response(
                200, json={"conversation_id": conversation, "cases": self.conversation_cases}
            )
        if request.url.path.endswith("/reply-by"):
            return httpx.Response(
                200, json={"department": "wijken", "working_days": 5, "reply_by": "2026-11-30"}
            )
        intake = json.loads(request.content).get("intake") or {}
        municipality = intake.get("municipality") or "delft"
        return httpx.Response(201, json=case_created(REFERENCE, municipality=municipality))


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> FakeHandoff:
    fake = FakeHandoff()
    transport = contract_transport(fake)
    monkeypatch.setattr(
        services,
        "handoff_client",
        lambda: HandoffClient("http://handoff.test", transport=transport),
    )
    return fake


@pytest.fixture(autouse=True)
def _keep_the_log_record_factory() -> Iterator[None]:
    """Starting the action server's plugin installs its log redaction for the whole process;
    the other packages' tests in this process must not inherit it."""
    before = logging.getLogRecordFactory()
    yield
    logging.setLogRecordFactory(before)
