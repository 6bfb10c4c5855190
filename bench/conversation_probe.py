"""Replay scripted conversations against Rasa's REST channel and write Markdown transcripts.

Each conversation in the YAML file is a list of user turns, replayed with a fresh sender id.
A turn is either free text or ``click: <text>``, meaning "click the button whose title
contains this text" (case-insensitive) among the buttons of the previous bot reply (its
last message first); the button's payload is sent. A click that matches no button is
written to the transcript as an error turn and nothing is sent for it.

YAML format::

    conversations:
      - id: c01-moestuin
        persona: Older inwoner, polite, long sentences
        turns:
          - Goedemiddag, ik wil graag een moestuin beginnen
          - click: Geld

Usage (needs a running stack; see scripts/run.sh)::

    .venv/bin/python bench/conversation_probe.py bench/conversations/blind.yml \\
        --rasa-url http://127.0.0.1:5005 --out /tmp/transcripts.md [--only c01-moestuin]

Exit status: 0 if every turn was sent and answered, 1 if any turn was an error.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml


@dataclass
class Turn:
    """One user turn and the bot's reply (or the error that replaced it)."""

    said: str
    sent: str | None = None
    replies: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def load_conversations(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    conversations: list[dict[str, Any]] = data["conversations"] if isinstance(data, dict) else data
    for conv in conversations:
        if not conv.get("id") or not isinstance(conv.get("turns"), list):
            raise ValueError(f"conversation without id or turns: {conv!r}")
        for turn in conv["turns"]:
            # Unquoted YAML turns such as `yes`, `0612345678` or `a: b` are not strings.
            is_click = isinstance(turn, dict) and list(turn) == ["click"]
            if not (isinstance(turn, str) or is_click):
                raise ValueError(f"{conv['id']}: turn {turn!r} is not text; quote it")
    return conversations


def find_button(buttons: list[dict[str, Any]], wanted: str) -> dict[str, Any] | None:
    wanted = wanted.strip().lower()
    return next((b for b in buttons if wanted in b.get("title", "").lower()), None)


def replay(client: httpx.Client, url: str, conv: dict[str, Any]) -> tuple[str, list[Turn]]:
    sender = f"probe-{uuid.uuid4().hex[:12]}"
    buttons: list[dict[str, Any]] = []
    turns: list[Turn] = []
    for raw in conv["turns"]:
        if isinstance(raw, dict) and "click" in raw:
            wanted = str(raw["click"])
            turn = Turn(said=f"[klikt: {wanted}]")
            button = find_button(buttons, wanted)
            if button is None:
                titles = ", ".join(b.get("title", "") for b in buttons) or "geen knoppen"
                turn.error = f"no button containing {wanted!r} (buttons: {titles})"
                turns.append(turn)
                continue
            turn.said = f"[klikt: {button['title']}]"
            turn.sent = button["payload"]
        else:
            turn = Turn(said=str(raw), sent=str(raw))
        try:
            response = client.post(url, json={"sender": sender, "message": turn.sent})
            response.raise_for_status()
            turn.replies = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            turn.error = f"request failed: {exc}"
        turns.append(turn)
        # Buttons of the previous reply, the last message's first: a reply can hold
        # several messages with buttons (say, a call-back offer and the next question).
        buttons = [b for m in reversed(turn.replies) for b in m.get("buttons") or []]
    return sender, turns


def render(conv: dict[str, Any], sender: str, turns: list[Turn]) -> str:
    lines = [f"## {conv['id']}", ""]
    if conv.get("persona"):
        lines += [f"*{conv['persona']}* (sender `{sender}`)", ""]
    for number, turn in enumerate(turns, 1):
        lines.append(f"**{number}. Inwoner:** {turn.said}")
        if turn.sent and turn.sent != turn.said:
            lines.append(f"  (payload `{turn.sent}`)")
        lines.append("")
        if turn.error:
            lines += [f"> **ERROR:** {turn.error}", ""]
            continue
        if not turn.replies:
            lines += ["> *(geen antwoord)*", ""]
        for message in turn.replies:
            text = message.get("text") or ""
            lines += ["> **Loket:** " + text.replace("\n", "  \n> ")]
            for key in ("image", "custom", "attachment"):
                if message.get(key):
                    lines.append(f"> *{key}:* `{message[key]}`")
            if message.get("buttons"):
                titles = " · ".join(f"[{b.get('title', '')}]" for b in message["buttons"])
                lines.append(f"> *knoppen:* {titles}")
            lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conversations", type=Path, help="YAML file with conversations")
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    parser.add_argument("--out", type=Path, required=True, help="Markdown transcript file")
    parser.add_argument("--only", action="append", help="replay only this id (repeatable)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per turn")
    args = parser.parse_args()

    try:
        conversations = load_conversations(args.conversations)
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        parser.error(f"cannot read {args.conversations}: {exc}")
    if args.only:
        conversations = [c for c in conversations if c["id"] in args.only]
    url = args.rasa_url.rstrip("/") + "/webhooks/rest/webhook"
    sections, errors, total = [], 0, 0
    with httpx.Client(timeout=args.timeout) as client:
        for conv in conversations:
            sender, turns = replay(client, url, conv)
            failed = sum(1 for t in turns if t.error)
            errors, total = errors + failed, total + len(turns)
            print(f"{conv['id']}: {len(turns)} turns, {failed} errors", file=sys.stderr)
            sections.append(render(conv, sender, turns))
    header = (
        f"# Transcripts: {args.conversations.name}\n\n"
        f"{len(conversations)} conversations, {total} user turns, {errors} error turns; "
        f"Rasa at {args.rasa_url}.\n"
    )
    args.out.write_text("\n\n".join([header, *sections]) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({errors} error turns)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
