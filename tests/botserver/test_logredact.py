"""No message text in the Rasa server's logs: the REST channel's timeout and failure events.

A real Sanic server in `.venv-bot` with Rasa's REST channel and Rasa's own log set-up
(`configure_structlog`, as `rasa run` calls it); the turn takes longer than Sanic's response
timeout (`rasa run --response-timeout`), or fails with an error that quotes the message.
Without `botserver.logredact` Rasa logs the message (the control); with it, nowhere.
"""

from __future__ import annotations

import os
import pty
import subprocess
import textwrap
import threading

import pytest

from tests.stack import ROOT

BOT_PYTHON = ROOT / ".venv-bot" / "bin" / "python"
SECRET = "Ik ben Jan Modaal en mijn schuld is 12000 euro"

SERVER = textwrap.dedent(
    """
    import asyncio, logging, socket, sys

    if sys.argv[1] == "botserver":
        from botserver import logredact
        logredact.install()
    from rasa.utils.log_utils import configure_structlog
    configure_structlog(logging.INFO)  # what `rasa run` does at start-up

    import aiohttp
    from rasa.core.channels.channel import register
    from rasa.core.channels.rest import RestInput
    from sanic import Sanic

    app = Sanic("logredact_check")
    app.config.RESPONSE_TIMEOUT = 1  # `rasa run --response-timeout 1`

    class Agent:  # stands in for Rasa's agent behind the REST channel
        @staticmethod
        async def handle_message(message):
            if message.text.endswith("langzaam"):
                await asyncio.sleep(30)
            raise ValueError(f"cannot handle {message.text}")

    app.ctx.agent = Agent()
    register([RestInput()], app, route="/webhooks/")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    @app.listener("after_server_start")
    async def drive(app, loop):
        async def turns():
            url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
            async with aiohttp.ClientSession() as session:
                for text in (sys.argv[2] + " langzaam", sys.argv[2] + " fout"):
                    async with session.post(url, json={"sender": "t1", "message": text}) as r:
                        print("status", r.status, flush=True)
            await asyncio.sleep(0.3)
            app.stop()
        app.add_task(turns())

    app.run(host="127.0.0.1", port=port, access_log=False)
    """
)


def serve(mode: str, terminal: bool) -> str:
    """Everything the server wrote; with `terminal`, stderr is a terminal (Rasa's console logs)."""
    assert BOT_PYTHON.exists(), ".venv-bot is missing (make setup-bot)"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FORCE_JSON_LOGGING", None)
    command = [str(BOT_PYTHON), "-c", SERVER, mode, SECRET]
    if not terminal:
        result = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        return result.stdout + result.stderr
    controller, terminal_fd = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        result = subprocess.run(
            command, cwd=ROOT, env=env, stdout=terminal_fd, stderr=terminal_fd, timeout=120
        )
    finally:
        os.close(terminal_fd)
        reader.join(timeout=10)
        os.close(controller)
    output = b"".join(chunks).decode(errors="replace")
    assert result.returncode == 0, output
    return output


@pytest.mark.parametrize("terminal", [False, True], ids=["json", "console"])
def test_timeout_and_failure_are_logged_without_the_message(terminal: bool) -> None:
    output = serve("botserver", terminal)
    assert "rest.message.received.timeout" in output
    assert "rest.message.received.failure" in output
    assert "ValueError (message left out)" in output  # the traceback is still there
    assert "Modaal" not in output
    assert "12000" not in output


def test_rasa_alone_logs_the_message_the_control() -> None:
    output = serve("rasa", terminal=False)
    assert f'"text": "{SECRET} langzaam"' in output  # the timeout event
    assert '"locals"' in output and f"{SECRET} fout" in output  # the traceback's locals
    assert f"{SECRET} langzaam" in serve("rasa", terminal=True)


def test_python_m_botserver_installs_it_before_rasa_starts() -> None:
    script = textwrap.dedent(
        """
        import rasa.__main__
        from rasa.utils import log_utils
        from botserver import __main__ as botserver_main, logredact

        def rasa_main():
            print("installed" if log_utils._anonymizer is logredact.redact else "missing")

        rasa.__main__.main = rasa_main
        botserver_main.main()
        """
    )
    result = subprocess.run(
        [str(BOT_PYTHON), "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "installed"


def test_rasa_s_own_logging_writes_tracebacks_without_messages() -> None:
    # Rasa logs a failed custom action with Python's logging; the cause's message quoted the
    # action server's whole answer (the conversation) until rasa_sdk's echo was stopped.
    script = textwrap.dedent(
        """
        import logging, sys
        if sys.argv[1] == "botserver":
            from botserver import logredact
            logredact.install()
        logging.basicConfig(level=logging.INFO)
        try:
            try:
                raise RuntimeError("body: " + sys.argv[2])
            except RuntimeError as cause:
                raise ValueError("Failed to execute custom action") from cause
        except ValueError as failure:
            logging.getLogger("rasa.core.processor").error("Failed", exc_info=True)
            logging.getLogger("rasa.core.actions").error(failure)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(mode: str) -> str:
        result = subprocess.run(
            [str(BOT_PYTHON), "-c", script, mode, SECRET],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stderr

    cleaned = run("botserver")
    assert "ValueError (message left out)" in cleaned
    assert "caused by RuntimeError (message left out)" in cleaned
    assert "Modaal" not in cleaned and "Failed to execute" not in cleaned
    assert "Modaal" in run("rasa")  # the control: Python's logging writes the message
