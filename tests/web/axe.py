"""axe-core (vendored from the npm registry, see vendor/README.md) run inside a Playwright page.

`serious_violations(page)` injects the script and returns the serious and critical violations,
each as one readable line; tests assert the list is empty so a failure names rule and nodes."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def serious_violations(page: Page) -> list[str]:
    """Serious and critical axe-core violations on the page as it is now, one line each."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    lines = []
    for violation in results:
        if violation["impact"] not in BLOCKING:
            continue
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['impact']} {violation['id']}: {violation['help']} at {targets}")
    return lines
