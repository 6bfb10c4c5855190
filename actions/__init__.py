"""Rasa custom actions of the Loket assistant: dialogue glue only.

One module per flow (intake, summary, handoff, faq, help); pure helpers live in
`actions.slots` and `actions.messages`; external systems in `actions.clients`. Nothing here
does I/O at import: the router, the catalogue and the clients are created on first use.
"""
