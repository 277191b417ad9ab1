"""The unified application form, pre-filled from the household, with its cover sheet.

render_html / render_pdf / render_docx(household, items) and missing_fields(household, items).
"""

from guides.forms.fields import MissingField, missing_fields
from guides.forms.render import render_html

__all__ = ["MissingField", "missing_fields", "render_docx", "render_html", "render_pdf"]


def __getattr__(name: str) -> object:
    # WeasyPrint and python-docx load only when a PDF or DOCX is asked for.
    if name == "render_pdf":
        from guides.forms.pdf import render_pdf

        return render_pdf
    if name == "render_docx":
        from guides.forms.docx import render_docx

        return render_docx
    raise AttributeError(name)
