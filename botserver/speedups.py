"""Per-turn savings for the Rasa 3.6 server, applied before it starts; dialogue unchanged.

Found with py-spy and cProfile under the chat load benchmark (docs/benchmarks.md "Chat
load"); each one keeps Rasa's results and errors as they were:

- **Action responses.** Rasa validates every action-server response with
  `jsonschema.validate(result, schema)`, which first checks the constant schema against the
  JSON Schema 2020-12 meta-schema and builds a new validator, every time: a third of the
  server's CPU. Here the validator is built and the schema checked once; each response is
  still validated against the same schema, and an invalid one raises the same error
  (`best_match`, with Rasa's hint appended).
- **Event types.** `Event.resolve_by_type` walks the whole class tree of `Event` (with an
  `inspect.isabstract` per class) for every event it deserialises: ~70 times per turn
  when the tracker store reads a conversation back. Here the name → class table is built
  once; a name not in it falls back to Rasa's own walk (a class defined later).
- **SQLite tracker store.** Rasa's SQL tracker store runs synchronously on the server's
  event loop and commits once or twice per turn; with SQLite's default rollback journal each
  commit waits for several fsyncs (1.5 ms on an idle disk, 10-20 ms on a busy one) while no
  other conversation moves. Here SQLite connections use write-ahead logging with
  `synchronous=NORMAL`: a commit no longer waits for the disk, the database stays
  consistent after any crash, and after a power cut (not a process crash) the last
  moments of conversations may be missing. Cases live in the handoff database, not here.
  PostgreSQL is untouched.
- **TED only when it can win.** Rasa 3.6 runs every policy for every prediction (two to
  three per turn) and then picks one; TED's neural network was about a third of the
  server's CPU, although RulePolicy decided almost every prediction with confidence 1.0.
  Here TED's prediction is computed only when the ensemble could pick it: not when another
  policy's prediction beats any TED prediction by Rasa's own ordering (a "no user"
  prediction; or confidence 1.0 from a policy with a higher priority, after setting a
  rejected action to 0.0 as Rasa does). This needs what TED can return to be bounded, so it
  is only done for a TED without end-to-end (text) features and with softmax confidences
  (at most 1.0); otherwise TED runs as before. `LOKET_BOTSERVER_VERIFY=1` computes TED
  anyway and fails on any prediction that differs from Rasa's own (`make test` runs the
  test stories that way).

Only applied to the Rasa versions they were checked against; others run unchanged.
"""

from __future__ import annotations

import atexit
import functools
import logging
import os
import sqlite3
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

CHECKED_RASA = ("3.6.",)


# -- action responses --------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """`RemoteAction._validate_action_result` with a validator built once."""
    from jsonschema import exceptions
    from rasa.shared.constants import DOCS_BASE_URL

    error = exceptions.best_match(_action_response_validator().iter_errors(result))
    if error is not None:
        error.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


# -- event types -------------------------------------------------------------------------------


def _event_types() -> dict[str, Any]:
    """type_name → class, the first in Rasa's own search order winning (as in Rasa)."""
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    table: dict[str, Any] = {}
    for cls in all_subclasses(Event):
        table.setdefault(cls.type_name, cls)
    return table


def _cached_resolve_by_type(original: Any) -> Any:
    table: dict[str, Any] = {}

    def resolve_by_type(type_name: str, default: Any = None) -> Any:
        if not table:
            table.update(_event_types())
        found = table.get(type_name)
        return found if found is not None else original(type_name, default)

    return staticmethod(resolve_by_type)


# -- SQLite tracker store ----------------------------------------------------------------------


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """SQLAlchemy `connect` listener: WAL journal, no fsync wait per commit (SQLite only)."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.OperationalError as error:  # e.g. locked while switching the journal
        logger.warning("botserver: SQLite pragmas not set: %s", error)
    finally:
        cursor.close()


# -- TED only when it can win -----------------------------------------------------------------

VERIFY_ENV = "LOKET_BOTSERVER_VERIFY"
# predictions made / TED left out / TED computed because it could win / left-out predictions
# compared with Rasa's own (verify mode) / differing ones (for the verify report and tests)
ted_counts: Counter[str] = Counter()


class VerificationError(AssertionError):
    """A prediction without TED differed from Rasa's own (only raised in verify mode)."""


class DeferredPrediction:
    """A policy's prediction that is only computed when `resolve()` is called (at most once)."""

    __slots__ = ("_compute", "_result", "policy_priority")

    def __init__(self, compute: Callable[[], Any], policy_priority: int) -> None:
        self._compute: Callable[[], Any] | None = compute
        self._result: Any = None
        self.policy_priority = policy_priority

    def resolve(self) -> Any:
        if self._compute is not None:
            self._result, self._compute = self._compute(), None
        return self._result


def _can_defer(policy: Any) -> bool:
    """TED whose predictions are never end-to-end and never above 1.0 (softmax)."""
    from rasa.core.policies.ted_policy import TEDPolicy
    from rasa.shared.nlu.constants import TEXT
    from rasa.utils.tensorflow.constants import MODEL_CONFIDENCE, SOFTMAX

    return (
        type(policy) is TEDPolicy  # not a subclass such as UnexpecTEDIntentPolicy
        and policy.model is not None
        and TEXT not in policy.fake_features  # no text features: never an e2e prediction
        and policy.config.get(MODEL_CONFIDENCE) == SOFTMAX
    )


def _deferring_predict(original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def predict_action_probabilities(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not _can_defer(self):
            return original(self, *args, **kwargs)
        return DeferredPrediction(lambda: original(self, *args, **kwargs), self.priority)

    return predict_action_probabilities


def _rejected_action(tracker: Any) -> str | None:
    """The action Rasa's ensemble sets to 0.0 (as in `_best_policy_prediction`)."""
    from rasa.shared.core.events import ActionExecuted, ActionExecutionRejected

    for event in reversed(tracker.events):
        if isinstance(event, ActionExecutionRejected):
            return str(event.action_name)
        if isinstance(event, ActionExecuted):
            return None
    return None


def others_always_win(priority: int, others: list[Any], tracker: Any, domain: Any) -> bool:
    """Whether `DefaultPolicyPredictionEnsemble` picks one of `others` whatever a prediction
    with this priority holds, given that it is not "no user", not end-to-end and has no
    confidence above 1.0 (which is what `_can_defer` guarantees for TED)."""
    if not others:
        return False
    if any(p.is_no_user_prediction or p.is_end_to_end_prediction for p in others):
        return True  # Rasa filters the deferred prediction out before comparing
    rejected = _rejected_action(tracker)
    rejected_index = domain.index_for_action(rejected) if rejected else None
    for prediction in others:
        probabilities = list(prediction.probabilities)
        if rejected_index is not None:
            probabilities[rejected_index] = 0.0
        # Rasa's order: (max confidence, priority), the first of equals winning. A tuple above
        # (1.0, priority) is above any deferred prediction's, wherever it stands in the list.
        if (max(probabilities), prediction.policy_priority) > (1.0, priority):
            return True
    return False


def _combining(original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def combine_predictions_from_kwargs(self: Any, tracker: Any, domain: Any, **kwargs: Any) -> Any:
        from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
        from rasa.core.policies.policy import PolicyPrediction

        deferred = [v for v in kwargs.values() if isinstance(v, DeferredPrediction)]
        if not deferred:
            return original(self, tracker, domain, **kwargs)
        others = [v for v in kwargs.values() if isinstance(v, PolicyPrediction)]
        skip = type(self) is DefaultPolicyPredictionEnsemble and all(
            others_always_win(d.policy_priority, others, tracker, domain) for d in deferred
        )
        ted_counts["predictions"] += 1
        ted_counts["skipped" if skip else "computed"] += 1

        def every() -> dict[str, Any]:
            return {
                k: v.resolve() if isinstance(v, DeferredPrediction) else v
                for k, v in kwargs.items()
            }

        if not skip:
            return original(self, tracker, domain, **every())
        kept = {k: v for k, v in kwargs.items() if not isinstance(v, DeferredPrediction)}
        result = original(self, tracker, domain, **kept)
        if os.environ.get(VERIFY_ENV) == "1":
            expected = original(self, tracker, domain, **every())
            ted_counts["verified"] += 1
            if result != expected:
                ted_counts["differed"] += 1
                raise VerificationError(
                    f"botserver: prediction without TED {result.policy_name} "
                    f"(action {result.max_confidence_index}) differs from Rasa's own "
                    f"{expected.policy_name} (action {expected.max_confidence_index})"
                )
        return result

    return combine_predictions_from_kwargs


def _report_ted_counts() -> None:
    if ted_counts["predictions"]:
        verdict = (
            f"{ted_counts['differed']} differed from Rasa's own"
            if ted_counts["differed"]
            else "every one equal to Rasa's own"
        )
        print(
            f"botserver verify: {ted_counts['predictions']} predictions, TED left out in "
            f"{ted_counts['skipped']} and computed in {ted_counts['computed']}; {verdict}",
            file=sys.stderr,
        )


# -- apply -------------------------------------------------------------------------------------


def apply() -> bool:
    """Install the fixes when this Rasa version is one they were checked against."""
    import rasa
    from rasa.core.actions.action import RemoteAction
    from rasa.core.policies.ensemble import PolicyPredictionEnsemble
    from rasa.core.policies.ted_policy import TEDPolicy
    from rasa.shared.core.events import Event
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    if not rasa.__version__.startswith(CHECKED_RASA):
        logger.warning("botserver: Rasa %s not checked, speed-ups not applied", rasa.__version__)
        return False
    if getattr(apply, "done", False):
        return True
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    Event.resolve_by_type = _cached_resolve_by_type(Event.resolve_by_type)  # type: ignore[method-assign]
    event.listen(Engine, "connect", sqlite_pragmas)
    TEDPolicy.predict_action_probabilities = _deferring_predict(  # type: ignore[method-assign]
        TEDPolicy.predict_action_probabilities
    )
    PolicyPredictionEnsemble.combine_predictions_from_kwargs = _combining(  # type: ignore[method-assign]
        PolicyPredictionEnsemble.combine_predictions_from_kwargs
    )
    if os.environ.get(VERIFY_ENV) == "1":
        atexit.register(_report_ted_counts)
    apply.done = True  # type: ignore[attr-defined]
    return True
