"""Phones first: every table page of the seed site at 360, 375, 768 and 1280 pixels, in
both colour schemes, measured in Chromium. No table cell lies outside the screen and no
page scrolls sideways; citations are targets a finger can hit; the header is compact.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import page_types

pytestmark = pytest.mark.browser

WIDTHS = (360, 375, 768, 1280)
SCHEMES = ("light", "dark")
TARGET = 24  # CSS pixels, WCAG 2.5.8 (target size, minimum)

# Every visible table cell, with its box and its column's header, for the ones that do not
# lie inside the screen horizontally.
CELLS_JS = """() => {
  const width = document.documentElement.clientWidth, out = {cells: 0, outside: []};
  document.querySelectorAll('main table').forEach(table => {
    const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
    table.querySelectorAll('td').forEach(td => {
      if (!td.getClientRects().length) return;
      out.cells += 1;
      const r = td.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5)
        out.outside.push(`${heads[td.cellIndex] || td.cellIndex}: ${Math.round(r.left)}`
                         + `..${Math.round(r.right)} "${td.textContent.trim().slice(0, 40)}"`);
    });
  });
  out.sideways = document.documentElement.scrollWidth - width;
  return out;
}"""


@pytest.fixture(scope="session")
def table_pages(built_site: Path, site_url: str) -> dict[str, str]:
    """Page type -> URL, for every page type of the seed site that has a table."""
    found = {kind: site_url + path for kind, path in page_types(built_site).items()
             if "<table" in (built_site / path / "index.html").read_text(encoding="utf-8")}
    assert {"claims-index", "claim", "sources-index", "entities-index", "figures-index",
            "figure", "coverage"} <= set(found), f"table pages: {sorted(found)}"
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_table_cell_is_on_screen(page, problems, table_pages, width: int,
                                       scheme: str) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(color_scheme=scheme)
    for kind, url in sorted(table_pages.items()):
        page.goto(url)
        found = page.evaluate(CELLS_JS)
        assert found["cells"] > 0, f"{kind}: no table cell measured at {url}"
        assert not found["outside"], (
            f"{kind} at {width}px ({scheme}): cells off-screen:\n  "
            + "\n  ".join(found["outside"][:8]))
        assert found["sideways"] <= 0, f"{kind} at {width}px scrolls {found['sideways']}px sideways"
    # Moving on aborts each page's search index download: only script errors count here.
    assert not problems.console_errors, problems.console_errors


# Each citation's box, and the smallest distance between two citations' boxes.
CITE_BOXES_JS = """() => {
  const boxes = [...document.querySelectorAll('main a.cite')].map(a => a.getBoundingClientRect());
  let closest = Infinity;
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
    const dx = Math.max(0, b.left - a.right, a.left - b.right);
    const dy = Math.max(0, b.top - a.bottom, a.top - b.bottom);
    closest = Math.min(closest, Math.hypot(dx, dy));
  }));
  return {count: boxes.length, width: Math.min(...boxes.map(r => r.width)),
          height: Math.min(...boxes.map(r => r.height)), closest};
}"""


@pytest.mark.parametrize("width", (375, 1280))
def test_citations_are_targets_a_finger_can_hit(page, problems, site_url, built_site: Path,
                                                width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + page_types(built_site)["brief"])
    boxes = page.evaluate(CITE_BOXES_JS)
    assert boxes["count"] > 1, "the brief has no citations to measure"
    assert boxes["width"] >= TARGET and boxes["height"] >= TARGET, boxes
    assert boxes["closest"] > 0, f"two citations touch: {boxes}"
    problems.assert_none("brief")
