"""The web router: pages, static assets, the chat proxy, the embeddable chat and the staff
routing-case runner.

The handoff app factory includes `router`; its middleware (`handoff.headers`) gives every
response the security headers.
"""

from fastapi import APIRouter

from handoff.web import (
    chat,
    checkin,
    embed,
    pages,
    routing_cases,
    status,
    workspace,
    workspace_accounts,
    workspace_sso,
)

router = APIRouter()
router.include_router(chat.router)
router.include_router(routing_cases.router)
router.include_router(workspace.router)
router.include_router(workspace_accounts.router)
router.include_router(workspace_sso.router)
router.include_router(status.router)
router.include_router(checkin.router)
router.include_router(pages.router)
router.include_router(embed.router)  # /<municipality>/widget.js…: after /static/…
router.include_router(pages.site_router)  # /<municipality>/<page>: last
