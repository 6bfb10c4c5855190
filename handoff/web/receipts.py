"""What the chat proxy adds to a turn once Rasa has answered (and stored the turn).

- The status link. The assistant only names the case (`{"loket": "status_link",
  "reference": …}`); the proxy derives the link's token here, for a case made in this very
  conversation. The token therefore never passes through Rasa and is not in its tracker store.
- Erasing the conversation. Rasa stores a turn's events after its actions ran, so an action
  cannot erase its own conversation: it asks for it (`{"loket": "erase_conversation"}`) and
  the proxy erases the conversation and its cases once the turn is stored.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from sqlalchemy.exc import SQLAlchemyError

from handoff import cases as service
from handoff.deps import Services
from handoff.security import same_secret, status_token

log = logging.getLogger(__name__)

STATUS_LINK = "status_link"
ERASE_CONVERSATION = "erase_conversation"


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def public_base(request: Request, services: Services) -> str:
    return (services.settings.public_base_url or str(request.base_url)).rstrip("/")


def status_url(base: str, reference: str, token: str) -> str:
    return f"{base}/api/v1/cases/{reference}?token={token}"


def status_link(
    services: Services, base: str, sender: str, reference: str
) -> dict[str, str] | None:
    """The status link of a case made in conversation `sender`; None for any other case."""
    with services.db.session() as session:
        case = service.case_by_reference(session, reference)
        if case is None or case.conversation_id != sender or case.idempotency_key is None:
            return None
        token = status_token(services.secret_key, case.reference, case.idempotency_key)
        if not same_secret(token, case.token_hash):  # e.g. made under another secret key
            return None
        return {
            "reference": case.reference,
            "url": status_url(base, reference, token),
            "token": token,
        }


def erase_conversation(services: Services, sender: str) -> list[str]:
    """Erase the conversation `sender` and every case made in it (as the status link does)."""
    with services.db.transaction() as session:
        return service.erase_conversation(session, sender, services.eraser)


def needs_server(custom: dict[str, Any] | None) -> bool:
    return bool(custom) and isinstance(custom, dict) and "loket" in custom


def resolve(
    services: Services, base: str, sender: str, custom: dict[str, Any]
) -> dict[str, Any] | None:
    """The custom payload the widget gets for an assistant's request; None: nothing to show.

    Raises the database's error when erasing fails: the proxy then answers with an error
    instead of the assistant's "gewist".
    """
    kind = custom.get("loket")
    if kind == STATUS_LINK:
        try:
            link = status_link(services, base, sender, str(custom.get("reference") or ""))
        except SQLAlchemyError as exc:  # the receipt still shows; only the button is missing
            log.warning("no status link for a receipt: %s", type(exc).__name__)
            return None
        return {"status_link": link} if link else None
    if kind == ERASE_CONVERSATION:
        erase_conversation(services, sender)
        return {"erased": True}
    return None
