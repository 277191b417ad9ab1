"""The FastAPI service: routes, auth, static pages."""
