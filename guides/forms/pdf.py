"""PDF rendering through WeasyPrint, with one cached stylesheet and font configuration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from guides.forms.render import HERE, render_html, stylesheet
from guides.household import Household
from guides.ids import ItemId
from guides.schema import Guide


@cache
def _fonts() -> FontConfiguration:
    return FontConfiguration()


@cache
def _css() -> CSS:
    return CSS(string=stylesheet(), font_config=_fonts())


def html_to_pdf(html: str) -> bytes:
    document = HTML(string=html, base_url=str(HERE))
    return bytes(document.write_pdf(stylesheets=[_css()], font_config=_fonts()))


def render_pdf(
    household: Household,
    items: Sequence[ItemId | str],
    on: dt.date | None = None,
    *,
    guide: Guide | None = None,
) -> bytes:
    """The pre-filled form with its cover sheet as an A4 PDF (CJK fonts embedded)."""
    return html_to_pdf(render_html(household, items, on, guide=guide, inline_css=False))
