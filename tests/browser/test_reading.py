"""Reading a brief, a claim and the home page at a glance, on a phone and on a desktop, in
light and dark: claim chips, quotes grouped by source, numbers set large, the "as of"
date, the section table of contents, the claim's verdict panel and the home page's order.
Checked on the computed layout, never on screenshots; axe-core checks these pages on every
screen in test_pages.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import page_types

pytestmark = pytest.mark.browser

SIZES = {"phone": (375, 812), "desktop": (1280, 900)}
SCHEMES = ("light", "dark")
WIDE = 1200  # from this width the table of contents sits beside a brief

BRIEF_JS = """() => {
  const vw = document.documentElement.clientWidth;
  const chips = [...document.querySelectorAll('main .point-claims a.claim-chip')];
  const cited = [...document.querySelectorAll('#quotes-cited + ul > li')];
  const lead = document.querySelector('main .figure-lead');
  const item = lead && lead.closest('li');
  const toc = document.querySelector('main nav.page-toc');
  return {
    chips: chips.map(a => ({href: a.getAttribute('href'),
                            status: (a.querySelector('.status') || {}).innerText,
                            right: a.getBoundingClientRect().right,
                            height: a.getBoundingClientRect().height})),
    vw,
    sources: cited.map(li => li.querySelector(':scope > a.cited-source').textContent),
    sourceLinks: cited.map(li => li.querySelectorAll(':scope > a[href]').length),
    quotes: cited.map(li => li.querySelectorAll(':scope > ul > li a[href*="#q-"]').length),
    titlesInCited: cited.map(li => document.querySelector('#quotes-cited + ul').textContent
                     .split(li.querySelector('a.cited-source').textContent).length - 1),
    lead: lead && parseFloat(getComputedStyle(lead).fontSize),
    body: item && parseFloat(getComputedStyle(item).fontSize),
    asOf: [...document.querySelectorAll('main p.meta')]
            .some(p => /Sources up to/.test(p.textContent) && p.querySelector('time')),
    toc: toc ? {shown: toc.checkVisibility(),
                links: [...toc.querySelectorAll('a')].map(a => a.getAttribute('href'))} : null,
  };
}"""


@pytest.fixture(scope="module")
def site_pages(built_site: Path, site_url: str) -> dict[str, str]:
    """Page type -> absolute URL of one page of that type (as in test_pages.py)."""
    return {kind: site_url + path for kind, path in page_types(built_site).items()}


def _open(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"


# Each chip of a brief: its statement, and as much of it as is drawn inside the chip (a
# character counts if its box ends inside the chip's; the stylesheet's ellipsis is no
# character of the page).
SHOWN_JS = """() => [...document.querySelectorAll('main .point-claims a.claim-chip')].map(a => {
  const box = a.getBoundingClientRect(), range = document.createRange();
  const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
  const status = a.querySelector('.status');
  let whole = '', shown = '';
  for (let node; (node = walker.nextNode());) {
    if (status && status.contains(node)) continue;
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      whole += node.data[i];
      if (r.bottom <= box.bottom + 0.5 && r.right <= box.right + 0.5) shown += node.data[i];
    }
  }
  return {whole: whole.trim(), shown: shown.trim()}; })"""
SHOWN_AT_LEAST = 60  # characters of a statement a chip shows, if not all of it


@pytest.mark.parametrize("size", SIZES)
def test_a_chip_shows_enough_of_its_claim_to_tell_it_apart(size: str, page, problems,
                                                           site_pages) -> None:
    """A phone has no hover: what a chip shows is what a reader scans, so claims alike in
    their first words ("DeepSeek trained DeepSeek-R1 for…", "… using…") must read apart.
    A chip shows its whole statement or at least two lines' worth; the chip is a link to
    the claim's page, where the whole of it is."""
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size], strict=True)))
    url = site_pages["brief"]
    _open(page, url)
    chips = page.evaluate(SHOWN_JS)
    assert chips, f"no claim chips on {url}"
    short = [c for c in chips if c["shown"] != c["whole"] and len(c["shown"]) < SHOWN_AT_LEAST]
    assert not short, f"chips cut too short at {size}: {short}"
    alike = {c["whole"]: c["shown"] for c in chips if "DeepSeek-R1 in just two months" in
             c["whole"] or "DeepSeek-R1 using 2,000" in c["whole"]}
    assert len(alike) == 2 and all(w == s for w, s in alike.items()), alike
    problems.assert_none(url)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES)
def test_brief_reads_at_a_glance(size: str, scheme: str, page, problems, site_pages,
                                 screenshots) -> None:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    url = site_pages["brief"]
    _open(page, url)
    got = page.evaluate(BRIEF_JS)

    # Chips: each a link to a claim page, with its status word, inside the screen and
    # big enough to tap.
    assert got["chips"], f"no claim chips on {url}"
    for chip in got["chips"]:
        assert chip["href"].startswith("../../claims/"), chip
        assert chip["status"], f"a chip without its status: {chip}"
        assert chip["right"] <= got["vw"], f"a chip runs off the screen: {chip}"
        assert chip["height"] >= 24, f"a chip smaller than a tap target: {chip}"
    # Quotes cited: each source named once, with its quotes under it.
    assert got["sources"] and len(set(got["sources"])) == len(got["sources"])
    assert got["sourceLinks"] == [1] * len(got["sources"])
    assert all(n >= 1 for n in got["quotes"])
    assert got["titlesInCited"] == [1] * len(got["sources"]), got["titlesInCited"]
    # By the numbers: the number set large, well above the text of its point.
    assert got["lead"] and got["lead"] >= 1.3 * got["body"], (got["lead"], got["body"])
    assert got["asOf"], "no 'Sources up to' date under the title"
    # The section table of contents: beside the brief on a desktop, not on a phone.
    assert got["toc"] is not None and "#quotes-cited" in got["toc"]["links"]
    assert got["toc"]["shown"] == (width >= WIDE), got["toc"]
    if width >= WIDE:
        # It follows the reader down the page and stays clear of the text.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
        box = page.evaluate("""() => { const r = document.querySelector('.page-toc ul')
            .getBoundingClientRect(), m = document.querySelector('main h1')
            .getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left,
            right: r.right, text: m.right, vw: document.documentElement.clientWidth}; }""")
        assert box["top"] >= 0 and box["bottom"] <= height, f"TOC scrolled away: {box}"
        assert box["left"] >= box["text"] and box["right"] <= box["vw"], box
        page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=screenshots / f"reading-brief-{width}-{scheme}.png",
                    animations="disabled")
    problems.assert_none(url)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES)
def test_claim_opens_with_its_verdict(size: str, scheme: str, page, problems,
                                      site_pages, screenshots) -> None:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    url = site_pages["claim"]
    _open(page, url)
    got = page.evaluate("""() => {
      const panel = document.querySelector('main h1 + p.verdict');
      const status = panel && panel.querySelector('.verdict-status');
      const r = panel && panel.getBoundingClientRect();
      return panel && {text: panel.innerText, status: status.innerText,
        size: parseFloat(getComputedStyle(status).fontSize),
        body: parseFloat(getComputedStyle(document.querySelector('main')).fontSize),
        bottom: r.bottom, right: r.right, vw: document.documentElement.clientWidth}; }""")
    assert got, f"no verdict panel right under the title of {url}"
    assert got["status"] in ("Reported", "Corroborated", "Disputed", "Refuted", "Superseded")
    assert got["size"] >= 1.25 * got["body"], got
    assert "passage" in got["text"] and "source" in got["text"], got["text"]
    assert got["right"] <= got["vw"], got
    page.screenshot(path=screenshots / f"reading-claim-{width}-{scheme}.png",
                    animations="disabled")
    problems.assert_none(url)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", SIZES)
def test_home_says_what_to_read_first(size: str, scheme: str, page, problems, site_url,
                                      screenshots) -> None:
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(color_scheme=scheme)
    _open(page, site_url)
    got = page.evaluate("""() => {
      const list = document.querySelector('#briefs ~ ul');
      const vw = document.documentElement.clientWidth;
      const changed = document.querySelector('#what-changed-recently ~ ul');
      return {
        asOf: !!document.querySelector('main h1 ~ p.meta time'),
        briefs: [...list.children].map(li => li.querySelector('.as-of time')
                                                .getAttribute('datetime')),
        changed: changed ? [...changed.children].map(li => ({
          when: li.querySelector('time').getAttribute('datetime'),
          href: li.querySelector('a[href]').getAttribute('href')})) : [],
        spreads: [...document.querySelectorAll('main .spread')].map(s => {
          const r = s.getBoundingClientRect(), bar = s.querySelector('.spread-bar');
          return {right: r.right, bar: bar.getBoundingClientRect().width,
                  text: s.innerText};
        }),
        vw,
      };
    }""")
    assert got["asOf"], "no 'Sources up to' date for the whole briefing"
    # Newest sources first ("2025-09" sorts after "2025-02-15" as text, as in time).
    assert got["briefs"] == sorted(got["briefs"], reverse=True), got["briefs"]
    assert got["changed"], "no 'What changed recently'"
    assert [c["when"] for c in got["changed"]] == sorted(
        (c["when"] for c in got["changed"]), reverse=True)
    assert all(c["href"].startswith(("briefs/", "claims/")) for c in got["changed"])
    # Disagreeing figures: lowest, a bar, highest and the factor, inside the screen.
    assert got["spreads"], "no figure disagreement drawn"
    for s in got["spreads"]:
        assert s["bar"] > 0 and "\u00d7" in s["text"] and s["right"] <= got["vw"], s
    page.screenshot(path=screenshots / f"reading-home-{width}-{scheme}.png",
                    animations="disabled")
    problems.assert_none(site_url)
