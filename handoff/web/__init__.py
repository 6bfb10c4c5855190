"""Web pages, static assets and the chat proxy of Loket (served by the handoff app)."""

from handoff.web.routes import router

__all__ = ["router"]
