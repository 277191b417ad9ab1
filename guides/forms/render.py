"""HTML rendering of a region's application form (Jinja2, autoescape on)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from guides.forms.view import FormView, build_view
from guides.household import Household
from guides.ids import ItemId
from guides.schema import Guide

HERE = Path(__file__).parent
CSS_PATH = HERE / "static" / "form.css"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def stylesheet() -> str:
    return CSS_PATH.read_text(encoding="utf-8")


def render_view(view: FormView, *, inline_css: bool = True) -> str:
    template = environment().get_template(view.spec.template)
    return template.render(v=view, css=stylesheet() if inline_css else None)


def render_html(
    household: Household,
    items: Sequence[ItemId | str],
    on: dt.date | None = None,
    *,
    guide: Guide | None = None,
    inline_css: bool = True,
) -> str:
    """The pre-filled form with its cover sheet, as a standalone A4 HTML page."""
    return render_view(build_view(household, items, on, guide), inline_css=inline_css)
