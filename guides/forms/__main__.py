"""python -m guides.forms household.json --items dibao,temporary_aid --out out/ [--format html,pdf,docx]

Writes the pre-filled form. Prints file paths and warning counts only, never personal data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from guides.forms.fields import missing_fields
from guides.forms.lenient import household_from_data
from guides.forms.render import render_view
from guides.forms.view import build_view

FORMATS = ("html", "pdf", "docx")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guides.forms", description=__doc__)
    parser.add_argument("household", type=Path, help="household JSON (guides.household.Household)")
    parser.add_argument(
        "--items", default="", help="comma-separated item ids, e.g. dibao,temporary_aid"
    )
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--format", default="html,pdf", help="any of html,pdf,docx")
    parser.add_argument("--on", type=dt.date.fromisoformat, default=None, help="date, YYYY-MM-DD")
    args = parser.parse_args(argv)

    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        parser.error(f"unknown format(s): {', '.join(unknown)}")
    household, load_warnings = household_from_data(json.loads(args.household.read_text("utf-8")))
    items = [i.strip() for i in args.items.split(",") if i.strip()]
    view = build_view(household, items, args.on)
    view.warnings[:0] = load_warnings
    args.out.mkdir(parents=True, exist_ok=True)
    stem = f"{household.region.value}-{args.household.stem}"
    html = render_view(view, inline_css=True)
    for fmt in formats:
        path = args.out / f"{stem}.{fmt}"
        if fmt == "html":
            path.write_text(html, encoding="utf-8")
        elif fmt == "pdf":
            from guides.forms.pdf import html_to_pdf

            path.write_bytes(html_to_pdf(render_view(view, inline_css=False)))
        else:
            from guides.forms.docx import view_to_docx

            path.write_bytes(view_to_docx(view))
        print(f"wrote {path}")
    print(
        f"{len(missing_fields(household, items))} blank field(s), {len(view.warnings)} warning(s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
