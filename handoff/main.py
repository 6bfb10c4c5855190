"""`uvicorn handoff.main:app`: the app with settings from the environment."""

from handoff.app import create_app

app = create_app()
