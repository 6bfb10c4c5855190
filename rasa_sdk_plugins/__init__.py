"""rasa_sdk's plugin entry point: `python -m rasa_sdk` imports this package if it can.

Loket's one plugin, `actions.startup`, loads the routing engine and drains the old queue of cases.
"""

from __future__ import annotations

import pluggy


def init_hooks(manager: pluggy.PluginManager) -> None:
    from actions import startup

    manager.register(startup)
