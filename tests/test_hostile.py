"""Attack strings in every text field must reach the built HTML as inert text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from corpus_helpers import REPO, write_tree

ATTACK = '<script>alert(1)</script><img src=x onerror=alert(2)>{: onclick=alert(3) }'
ARTICLE = f"Acme says {ATTACK} and more.\nJane Doe said the widget is [x](javascript:alert(4)).\n"


class LiveCode(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            src = dict(attrs).get("src") or ""
            if not src or "alert" in src:
                self.problems.append(f"inline script {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src") and value and value.strip().lower().startswith(
                    ("javascript:", "data:")):
                self.problems.append(f"<{tag} {name}={value!r}>")


def test_hostile_strings_render_inert(tmp_path: Path) -> None:
    t = ATTACK.replace('"', "'")
    files = {
        "sources/hostile.txt": ARTICLE,
        "sources/hostile.yml": f'title: "{t} title"\nnote: "{t} note"\nquotes:\n'
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
        parser = LiveCode()
        parser.feed(page.read_text(encoding="utf-8"))
        assert not parser.problems, (page, parser.problems)
    brief = (tmp_path / "site" / "briefs" / "b1" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in brief
