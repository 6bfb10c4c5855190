"""`uvicorn handoff.main:app`: the app with settings from the environment.

Files the process creates (databases, secrets) are its owner's only: umask 077.
"""

import os

from handoff.app import create_app

os.umask(0o077)
app = create_app()
