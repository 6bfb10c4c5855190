"""Security headers on every response of the app, and a plain 500 for what still goes wrong.

Pure ASGI middleware, outermost: API answers, pages, static files, the API docs, error
responses and the request guard's refusals all pass it. A response without its own
`Cache-Control` gets `no-store`: API answers hold personal data (cases, summaries, status),
and nothing the app serves gains from a shared cache except the static files, which set their
own. An exception no handler caught is logged (redacted, see `handoff.logs`) and answered
with a 500 that names nothing of it.
"""

from __future__ import annotations

import json
import logging

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

DOCS_PATHS = ("/docs", "/redoc")


def content_security_policy(frame_ancestors: str, *, docs: bool = False, style: str = "") -> str:
    """Only this origin; the API docs pages also need their inline start-up script and
    ReDoc's web worker. `style` adds a style source (e.g. the hash of an inline style)."""
    inline = " 'unsafe-inline'" if docs else ""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self'{inline}",
            f"style-src 'self'{inline}{' ' + style if style else ''}",
            "img-src 'self' data:" if docs else "img-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            *(["worker-src blob:"] if docs else []),
            "form-action 'self'",
            "base-uri 'none'",
            f"frame-ancestors {frame_ancestors}",
            "object-src 'none'",
        ]
    )


def security_headers(frame_ancestors: str = "'none'", *, docs: bool = False) -> dict[str, str]:
    headers = {
        "Content-Security-Policy": content_security_policy(frame_ancestors, docs=docs),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
    legacy = legacy_frame_options(frame_ancestors)
    if legacy:
        headers["X-Frame-Options"] = legacy
    return headers


def legacy_frame_options(frame_ancestors: str) -> str | None:
    """X-Frame-Options cannot name other sites: it is only sent where CSP says the same."""
    return {"'none'": "DENY", "'self'": "SAMEORIGIN"}.get(frame_ancestors.strip())


def _own_frame_options(policy: str, default: str) -> str | None:
    """X-Frame-Options matching the frame-ancestors of a response's own CSP (`default`
    when that CSP has none)."""
    for directive in policy.split(";"):
        name, _, value = directive.strip().partition(" ")
        if name == "frame-ancestors":
            return legacy_frame_options(value)
    return default


class SecureResponses:
    """Adds the security headers (unless a response set its own) and `no-store`."""

    def __init__(self, app: ASGIApp, frame_ancestors: str = "'none'") -> None:
        self.app = app
        self.headers = list(security_headers(frame_ancestors).items())
        self.docs_headers = list(security_headers(frame_ancestors, docs=True).items())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        wanted = self.docs_headers if path in DOCS_PATHS else self.headers
        started = False

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                # A response with its own CSP (the embeddable chat, the HTML summary) says
                # itself who may frame it; X-Frame-Options follows that, or is left out.
                own_csp = headers.get("content-security-policy")
                for name, value in wanted:
                    if own_csp is not None and name == "X-Frame-Options":
                        legacy = _own_frame_options(own_csp, value)
                        if legacy:
                            headers.setdefault(name, legacy)
                    else:
                        headers.setdefault(name, value)
                headers.setdefault("Cache-Control", "no-store")
            await send(message)

        try:
            await self.app(scope, receive, secured_send)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), path)
            if started:
                raise  # too late for a clean answer; the server closes the connection
            body = json.dumps({"detail": "Internal server error"}).encode()
            await secured_send(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
