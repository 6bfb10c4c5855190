"""rasa_sdk's plugin entry point: `python -m rasa_sdk` imports this package if it can.

Loket's one plugin, `actions.startup`, starts the retry of queued cases with the server.
"""

from __future__ import annotations

import pluggy


def init_hooks(manager: pluggy.PluginManager) -> None:
    from actions import startup

    manager.register(startup)
