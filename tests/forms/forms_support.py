"""Helpers for the form tests: households, PDF text extraction and page-1 PNG artifacts."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from guides.household import Household
from guides.ids import RegionId

HOUSEHOLDS_DIR = Path(__file__).parent / "households"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "forms"
HOUSEHOLD_NAMES = sorted(p.stem for p in HOUSEHOLDS_DIR.glob("*.json"))
REGIONS = [r.value for r in RegionId]


def load_household(name: str, region: str | None = None) -> Household:
    data = json.loads((HOUSEHOLDS_DIR / f"{name}.json").read_text("utf-8"))
    if region is not None:
        data["region"] = region
    return Household.model_validate(data)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def save_page_png(pdf: bytes, tmp_path: Path, name: str, page: int = 1) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    prefix = ARTIFACTS / (name if page == 1 else f"{name}-form")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
         str(path), str(prefix)],
        check=True,
    )  # fmt: skip
    return prefix.with_suffix(".png")
