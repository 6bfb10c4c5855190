"""Clients of the systems the actions talk to: the handoff API and the local retry queue."""
