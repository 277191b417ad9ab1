"""The HTML pages: H5 chat (citizens), the 12345 agent console, the KB editor, staff sign-in.

`router` is what api/app.py includes; each page module keeps its own APIRouter.
"""

from fastapi import APIRouter

from api.pages import chat, console, editor, editor_tools, params, review, staff

router = APIRouter()
for _module in (staff, chat, console, editor_tools, review, editor, params):
    router.include_router(_module.router)
