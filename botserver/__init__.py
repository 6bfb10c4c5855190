"""Starts the Rasa server of the Loket assistant: `rasa` with fixes for Rasa 3.6 hot spots.

Runs in `.venv-bot` (Python 3.10, Rasa 3.6). `python -m botserver run ...` takes the same
arguments as `rasa run ...`; see `botserver.speedups` for what it changes and why, and
`botserver.logredact` for how message text is kept out of its logs.
"""
