"""What the browser tests know about a built site: its page types, and axe-core."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]

# Every page type a reader of the seed corpus must find. Page types are derived from the
# built site (see page_types), so a new section is tested without editing this list; a
# type listed here but not built fails test_every_expected_page_type_is_built.
EXPECTED_PAGE_TYPES = frozenset({
    "home", "briefs-index", "brief", "claims-index", "claim", "sources-index", "source",
    "entities-index", "entity", "figures-index", "figure", "timeline", "coverage", "map",
})
# Folders of the built site that are not pages for readers.
NOT_PAGES = frozenset({"assets", "search", "pagefind"})


def _singular(section: str) -> str:
    return section[:-3] + "y" if section.endswith("ies") else section.removesuffix("s")


def page_types(site: Path) -> dict[str, str]:
    """Page type -> path of one such page below the site root, read off the built site.

    The home page is "home"; a top-level folder with member pages is a section, giving
    "<section>-index" and one member under the singular name ("claims" -> "claim"): the
    largest page, as it uses the most of what that page type can show. Any other
    top-level page ("map/") is its own type. Figures is a section: an index of metrics
    and a page per metric ("figure").
    """
    types = {"home": ""} if (site / "index.html").is_file() else {}
    for folder in sorted(p for p in site.iterdir() if p.is_dir()):
        if folder.name in NOT_PAGES or not (folder / "index.html").is_file():
            continue
        members = [p for p in folder.iterdir() if (p / "index.html").is_file()]
        if members:
            richest = max(members, key=lambda p: ((p / "index.html").stat().st_size, p.name))
            types[f"{folder.name}-index"] = f"{folder.name}/"
            types[_singular(folder.name)] = f"{folder.name}/{richest.name}/"
        else:
            types[folder.name] = f"{folder.name}/"
    return types


def section_members(site: Path, section: str) -> list[str]:
    """Paths of every member page of a section ("claims/" -> ["claims/x/", ...])."""
    folder = site / section
    return sorted(f"{section}{p.name}/" for p in folder.iterdir() if (p / "index.html").is_file())


# ---- Screens ----------------------------------------------------------------------------

# The screens every reading feature is proved on (issue 24): two phones, a tablet and a
# desktop, by width in CSS pixels, with each device's height; each in both colour schemes.
SCREENS = {360: 740, 375: 812, 768: 1024, 1280: 900}
SCHEMES = ("light", "dark")
VIEWS = [(width, scheme) for width in SCREENS for scheme in SCHEMES]
# Hovering needs a mouse: the tablet (with one) and the desktop. Taps: phones and the tablet.
POINTER_WIDTHS = (768, 1280)
TOUCH_WIDTHS = (360, 375, 768)


# ---- axe-core ---------------------------------------------------------------------------

try:
    from axe_playwright_python.sync_playwright import Axe
except ImportError:  # reported as a failure by run_axe, not a skip
    Axe = None

AXE_RESULTS = REPO / "tests" / "artifacts" / "axe"
# What fails a page: the bar. Moderate and minor findings are written to
# tests/artifacts/axe/ for reading, and do not fail.
AXE_FAILING = ("serious", "critical")
AXE_OPTIONS = {"resultTypes": ["violations"]}


# The rules whose verdict reads colours: the only ones a second colour scheme can change,
# since the schemes differ by their colours alone (palette.css).
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def run_axe(page: Any, name: str, context: str | None = None, *,
            colours_only: bool = False) -> list[dict[str, Any]]:
    """Run axe-core (bundled by the axe-playwright-python package) on the page as it is now;
    with `colours_only`, only the `COLOUR_RULES` (for the page again in its other scheme).

    Writes every violation to tests/artifacts/axe/<name>.json and returns the serious and
    critical ones. Injecting axe once per document is enough: later runs reuse it.
    """
    if Axe is None:
        pytest.fail("axe-playwright-python is not installed: pip install -e '.[test]'",
                    pytrace=False)
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(Axe().axe_script)
    results = page.evaluate(
        "([context, options]) => axe.run(context || document, options)",
        [context, {**AXE_OPTIONS, "runOnly": {"type": "rule", "values": COLOUR_RULES}}
         if colours_only else AXE_OPTIONS],
    )
    violations = results["violations"]
    AXE_RESULTS.mkdir(parents=True, exist_ok=True)
    summary = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [" ".join(n["target"]) for n in v["nodes"]]}
        for v in violations
    ]
    (AXE_RESULTS / f"{name}.json").write_text(json.dumps(summary, indent=2) + "\n")
    return [v for v in summary if v["impact"] in AXE_FAILING]


def axe_report(failing: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:8])
        for v in failing
    )


@contextlib.contextmanager
def phone_tab(browser: Any, width: int) -> Iterator[tuple[Any, list[str]]]:
    """A tab on a touch screen `width` wide, and the script errors its pages raise."""
    context = browser.new_context(viewport={"width": width, "height": SCREENS[width]},
                                  has_touch=True, is_mobile=True)
    try:
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        yield tab, errors
    finally:
        context.close()
