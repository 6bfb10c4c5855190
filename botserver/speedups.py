"""Per-turn CPU savings for Rasa 3.6 that change no behaviour, applied before the server starts.

Rasa 3.6 validates every action-server response with `jsonschema.validate(result, schema)`.
That call first checks the (constant) schema against the JSON Schema 2020-12 meta-schema
and builds a new validator, every time: under chat load it took about a third of the Rasa
server's CPU (py-spy, docs/benchmarks.md "Chat load"). Here the validator is built and the
schema checked once; each response is still validated against the same schema and the same
error (`best_match`, with Rasa's hint appended) is raised for an invalid one.

Only applied to the Rasa versions it was checked against; others run unchanged.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

logger = logging.getLogger(__name__)

CHECKED_RASA = ("3.6.",)


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


def apply() -> bool:
    """Install the fixes when this Rasa version is one they were checked against."""
    import rasa
    from rasa.core.actions.action import RemoteAction

    if not rasa.__version__.startswith(CHECKED_RASA):
        logger.warning("botserver: Rasa %s not checked, speed-ups not applied", rasa.__version__)
        return False
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    return True
