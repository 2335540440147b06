"""Attack strings in every text field must reach the built HTML as inert text."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from corpus_helpers import REPO, write_tree

ATTACK = '<script>alert(1)</script><img src=x onerror=alert(2)>{: onclick=alert(3) }'
ARTICLE = (f"Acme says {ATTACK} and more.\nJane Doe said the widget is [x](javascript:alert(4)).\n"
           "Junk <svg onload=alert(5)>[y](javascript:alert(6))*z*`c`\n")
# An address with every character that could end a Markdown link or an HTML attribute,
# or open a tag, a link or an attribute list; no white space, so it is accepted.
URL = ('https://news.example/a)<svg/onload=alert(7)>"onmouseover="alert(8)\'x'
       "[y](javascript:alert(9)){:onclick=alert(10)}*_`|!")


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "srcdoc", "poster",
                  "background", "data")
# A browser drops white space and control characters in and around a scheme.
_SCRIPT_URL = re.compile(r"^[\x00-\x20]*(j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|"
                         r"d\s*a\s*t\s*a|v\s*b\s*s\s*c\s*r\s*i\s*p\s*t)\s*:", re.I)


class LiveCode(HTMLParser):
    """Flags anything that could run: inline scripts (except structured data that parses
    as JSON), event-handler attributes and script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.data_blocks: list[object] = []
        self._in_data: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            found = dict(attrs)
            src = found.get("src") or ""
            if found.get("type") == "application/ld+json" and "src" not in found:
                self._in_data = []
            elif not src or "alert" in src:
                self.problems.append(f"inline script {attrs}")
        if tag in ("iframe", "object", "embed", "base", "frame", "frameset", "applet"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value and _SCRIPT_URL.match(value):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data: str) -> None:
        if self._in_data is not None:
            self._in_data.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_data is not None:
            text = "".join(self._in_data)
            self._in_data = None
            try:
                self.data_blocks.append(json.loads(text))
            except ValueError:
                self.problems.append(f"ld+json block that is not JSON: {text[:80]!r}")


def scan(html: str) -> LiveCode:
    parser = LiveCode()
    parser.feed(html)
    parser.close()
    return parser


def test_the_scanner_accepts_only_json_data_blocks() -> None:
    good = scan('<script type="application/ld+json">{"a": "\\u003c/script\\u003e"}</script>')
    assert not good.problems and good.data_blocks == [{"a": "</script>"}]
    # A JSON block cut short by `</script>` in its text is no longer JSON, and what
    # follows it is a live script: both are caught.
    broken = scan('<script type="application/ld+json">{"a": "</script><script>alert(1)'
                  '</script>"}</script>')
    assert len(broken.problems) == 2, broken.problems
    for live in ('<script>alert(1)</script>', '<script type="module">x()</script>',
                 '<script type="application/ld+json" src="alert(1)"></script>',
                 '<img src=x onerror=alert(2)>', '<a href="javascript:alert(4)">x</a>',
                 '<a href=" jav&#x09;ascript:alert(4)">x</a>', '<iframe src=x></iframe>',
                 '<form action="vbscript:x">', '<base href="https://evil.example/">',
                 '<svg><a xlink:href="data:text/html,x">y</a></svg>'):
        assert scan(live).problems, live


def test_hostile_strings_render_inert(tmp_path: Path) -> None:
    t = ATTACK.replace('"', "'")
    files = {
        "sources/hostile.txt": ARTICLE,
        "sources/hostile.yml": f'title: "{t} title"\nnote: "{t} note"\n'
                               f"url: '{URL.replace(chr(39), chr(39) * 2)}'\n"
                               f'outlet: "{t} outlet"\n'
                               f'published: {{date: "2025", inferred: true, basis: "{t} ['
                               f'x](x \'a onmouseover=alert(11) b\')"}}\n'
                               "cleaning:\n  remove: ['<svg onload=alert(5)>[y](javascript:"
                               "alert(6))*z*`c`']\n"
                               f"quotes:\n"
                               f'  - id: q1\n    text: "{t}"\n    note: "{t}"\n'
                               f"    asserts: [c1]\n    speaker: e1\n"
                               f'  - id: q2\n    text: "[x](javascript:alert(4))"\n'
                               f"    doubts: [c1]\n",
        "claims.yml": f'claims:\n  - id: c1\n    statement: "{t} statement"\n'
                      f'    claimant: e1\n    status: disputed\n    topics: [x]\n'
                      f'    note: "{t} [[entity:e1|{t}]]"\n'
                      f'    figures:\n      - {{metric: m1, value: 1, unit: "<i onclick=x>", '
                      f'scope: "{t}"}}\n'
                      f'    events:\n      - {{what: "{t} event", when: "2025"}}\n',
        "entities.yml": f'entities:\n  - id: e1\n    name: "{t} name"\n    kind: person\n'
                        f'    description: "{t} description"\n',
        "briefs/b1.yml": f'title: "{t} brief"\nsummary: "{t} summary"\nsections:\n'
                         f'  - kind: what-happened\n    points:\n'
                         f'      - text: "{t} point"\n        cites: [q1, q2]\n'
                         f"        claims: [c1]\n",
    }
    project = tmp_path / "project"
    write_tree(project / "content", files)
    (project / "content" / "pages").mkdir()
    shutil.copytree(REPO / "theme", project / "theme")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parser = scan(page.read_text(encoding="utf-8"))
        assert not parser.problems, (page, parser.problems)
    brief = (tmp_path / "site" / "briefs" / "b1" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in brief
    # The claim's structured data carries the hostile text as data, intact.
    claim = scan((tmp_path / "site" / "claims" / "c1" / "index.html").read_text(
        encoding="utf-8"))
    assert len(claim.data_blocks) == 1
    data = claim.data_blocks[0]
    assert isinstance(data, dict) and data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == f"{t} statement"
