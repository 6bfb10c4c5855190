"""An example municipal website on its own origin that embeds Loket's chat with the one-line
snippet, as a municipality's web team would (`make run` serves it on port 8080).

Two pages per municipality (`/<id>/` and `/<id>/ondernemen`, to show that the conversation
survives navigation) and an index. Its CSP is strict, without 'unsafe-inline': it allows
Loket's origin only for the widget's script, stylesheet and frame. Standard library only.

    python -m loket.example_site --port 8080 --loket http://127.0.0.1:8000
"""

from __future__ import annotations

import argparse
import html
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "examplesite"
MUNICIPALITIES = ROOT / "data" / "municipalities"
PAGES = {"": ("Home", "home"), "ondernemen": ("Ondernemen en initiatieven", "ondernemen")}


def municipalities() -> list[str]:
    found = sorted(p.name for p in MUNICIPALITIES.iterdir() if p.is_dir())
    return found or ["delft"]


def site_policy(loket: str) -> str:
    """The host page's CSP: nothing inline; Loket's origin only where the widget needs it."""
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {loket}",
            f"style-src 'self' {loket}",
            f"frame-src {loket}",
            "img-src 'self'",
            "base-uri 'none'",
            "object-src 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def render(path: str, loket: str) -> tuple[int, str, str]:
    """(status, content type, body) for a path of the example site."""
    if path == "/site.css":
        return 200, "text/css; charset=utf-8", (SITE / "site.css").read_text(encoding="utf-8")
    ids = municipalities()
    if path == "/":
        links = "\n".join(
            f'      <li><a href="/{m}/">Gemeente {html.escape(m.title())}</a></li>' for m in ids
        )
        return (
            200,
            "text/html; charset=utf-8",
            (SITE / "index.html").read_text().replace("{links}", links),
        )
    parts = path.strip("/").split("/")
    if parts[0] not in ids or len(parts) > 2:
        return 404, "text/plain; charset=utf-8", "Niet gevonden"
    page = parts[1] if len(parts) == 2 else ""
    if page not in PAGES or (page == "" and not path.endswith("/")):
        return 404, "text/plain; charset=utf-8", "Niet gevonden"
    title, name = PAGES[page]
    municipality = parts[0]
    values = {
        "id": municipality,
        "name": f"Gemeente {municipality.title()}",
        "loket": loket,
        "title": title,
    }
    body = (SITE / f"{name}.body.html").read_text(encoding="utf-8")
    text = (SITE / "page.html").read_text(encoding="utf-8").replace("{body}", body)
    for key, value in values.items():
        text = text.replace("{" + key + "}", html.escape(value))
    for other in PAGES.values():
        current = ' aria-current="page"' if other[1] == name else ""
        text = text.replace("{current_" + other[1] + "}", current)
    return 200, "text/html; charset=utf-8", text


def handler_for(loket: str) -> type[BaseHTTPRequestHandler]:
    url = urlsplit(loket)
    policy = site_policy(f"{url.scheme}://{url.netloc}")

    class ExampleSite(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, content_type, body = render(urlsplit(self.path).path, loket)
            data = body.encode("utf-8")
            self.send_response(HTTPStatus(status))
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Content-Security-Policy", policy)
            self.send_header("Referrer-Policy", "strict-origin-when-cross-origin")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass  # no access log: the example site has nothing to report

    return ExampleSite


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--loket", default="http://127.0.0.1:8000", help="Loket's public URL")
    args = parser.parse_args()
    loket = args.loket.rstrip("/")
    server = ThreadingHTTPServer((args.host, args.port), handler_for(loket))
    print(f"example municipal website on http://{args.host}:{args.port}/ (Loket: {loket})")
    server.serve_forever()


if __name__ == "__main__":
    main()
