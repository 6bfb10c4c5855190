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

Rasa 3.6 has no hook for any of these (no setting for the validator, the event registry or the
tracker store's connection options); each has a test in tests/botserver/test_speedups.py that
checks it against Rasa's own behaviour. The policies need no patch: bot/config.yml has no TED
(docs/benchmarks.md "Without TED").

Only applied to the Rasa versions they were checked against; others run unchanged.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
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


# -- apply -------------------------------------------------------------------------------------


def apply() -> bool:
    """Install the fixes when this Rasa version is one they were checked against."""
    import rasa
    from rasa.core.actions.action import RemoteAction
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
    apply.done = True  # type: ignore[attr-defined]
    return True
