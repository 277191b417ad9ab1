"""The ASGI entry point for uvicorn workers: `uvicorn api.asgi:app`."""

from api.app import create_app
from api.logs import setup_logging

setup_logging()
app = create_app()
