"""Real receivers for delivery tests: a webhook server that dedupes, and an SMTP server."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from handoff.delivery.webhook import verify


class WebhookReceiver:
    """Accepts signed summaries on 127.0.0.1:`port`; processes each Idempotency-Key once."""

    def __init__(self, port: int, secret: str, status: int = 200) -> None:
        self.port = port
        self.secret = secret
        self.status = status
        self.calls: list[str] = []  # every key received, duplicates included
        self.processed: dict[str, dict[str, Any]] = {}  # what a deduping receiver keeps
        self.bad_signatures = 0
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/loket"

    def start(self) -> WebhookReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                key = self.headers["Idempotency-Key"]
                ok = verify(
                    receiver.secret,
                    self.headers.get("X-Loket-Timestamp", ""),
                    body,
                    self.headers.get("X-Loket-Signature", ""),
                )
                if not ok:
                    receiver.bad_signatures += 1
                    self.send_response(401)
                else:
                    receiver.calls.append(key)
                    if key not in receiver.processed:
                        receiver.processed[key] = json.loads(body)
                    self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


class MailBox:
    """aiosmtpd handler collecting messages."""

    def __init__(self) -> None:
        self.messages: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.messages.append(envelope)
        return "250 OK"


def smtp_server(port: int) -> tuple[Controller, MailBox]:
    box = MailBox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, box
