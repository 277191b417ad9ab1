"""Chat sessions (filled in once the assistant lands)."""

from fastapi import APIRouter

router = APIRouter()
