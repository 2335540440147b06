# ruff: noqa: RUF001  (Arabic-Indic digits in the Arabic corpus, as written)
"""Every page of a site in a language Briefing has no words for (Arabic here) marks each of
Briefing's English words as English (`lang="en" dir="ltr"`), whichever part of Briefing
wrote them: the theme, a page template, or the Python code (a status badge, a date, a
stance, a source's description, a brief's points as links). Unmarked, a screen reader read
them with an Arabic voice, and the page's direction took their lines apart. The corpus is
Arabic but for one English source, whose words carry its own language: so any Latin
letters left unmarked on a page are Briefing's."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main

FILES = {
    "sources/ar-aid.txt": (
        "الحكومة تعلن عن دعم جديد للمزارعين\n"
        "أعلن وزير الزراعة يوم الثلاثاء عن حزمة دعم للمزارعين بقيمة ٢٠٠ مليون دولار في "
        "المناطق المتضررة من الجفاف، لكن مسؤولين قالوا إنها لن تتجاوز ٥٠ مليون دولار.\n"
        "وقال الوزير للصحفيين: «سنعمل بسرعة كبيرة».\n"),
    "sources/ar-aid.yml": (
        'title: "الحكومة تعلن عن دعم جديد للمزارعين"\noutlet: "الجزيرة"\n'
        'author: "أحمد علي"\npublished:\n  date: "2025-03"\n  inferred: true\n'
        '  basis: "يذكر النص يوم الثلاثاء ولا يذكر التاريخ؛ نشر في مارس بحسب أرشيف الموقع."\n'
        "quotes:\n"
        '  - id: ar-fast\n    text: "سنعمل بسرعة كبيرة"\n    speaker: ar-minister\n'
        "    asserts: [aid-fast]\n"
        '  - id: ar-package\n    text: "حزمة دعم للمزارعين بقيمة ٢٠٠ مليون دولار"\n'
        "    asserts: [aid-package]\n"
        '  - id: ar-smaller\n    text: "لن تتجاوز ٥٠ مليون دولار"\n'
        "    reports: [aid-smaller]\n"),
    "sources/en-wire.txt": (
        "Farm ministry pledges quick help\n"
        "The agriculture minister told reporters on Tuesday that the government would "
        "move quickly to help farmers hit by the drought.\n"),
    "sources/en-wire.yml": (
        'title: "Farm ministry pledges quick help"\npublished: "2025-03-05"\n'
        'outlet: "وكالة الأنباء"\nlanguage: en\nquotes:\n'
        '  - id: en-quick\n    text: "the government would move quickly to help farmers"\n'
        "    speaker: ar-minister\n    reports: [aid-fast]\n    doubts: [aid-package]\n"),
    "entities.yml": (
        "entities:\n  - {id: ar-minister, name: وزير الزراعة, kind: person}\n"
        "  - {id: ar-ministry, name: وزارة الزراعة, kind: organisation}\n"),
    "claims.yml": (
        "claims:\n  - id: aid-fast\n"
        '    statement: "[[entity:ar-minister]] يقول إن الحكومة ستتحرك بسرعة لمساعدة '
        'المزارعين."\n'
        "    claimant: ar-minister\n    status: reported\n    topics: [aid]\n"
        "    events:\n"
        '      - what: "[[entity:ar-minister]] يعلن عن حزمة الدعم."\n'
        '        when: "2025-03-04"\n'
        "  - id: aid-package\n"
        '    statement: "[[entity:ar-ministry]] تخصص ٢٠٠ مليون دولار لدعم المزارعين."\n'
        "    claimant: ar-ministry\n    status: disputed\n    topics: [aid]\n"
        '    note: "لا يذكر المصدر موعد صرف الدعم."\n'
        "    relations:\n      contradicts: [aid-smaller]\n"
        "    figures:\n      - {metric: aid-total, subject: ar-ministry, value: 200000000, "
        "unit: USD}\n"
        "  - id: aid-smaller\n"
        '    statement: "[[entity:ar-ministry]] تخصص ٥٠ مليون دولار فقط لدعم المزارعين."\n'
        "    claimant: ar-ministry\n    status: disputed\n    topics: [aid]\n"
        "    figures:\n      - {metric: aid-total, subject: ar-ministry, value: 50000000, "
        "unit: USD, qualifier: up-to}\n"),
    "names.yml": (
        "metrics:\n  - {id: aid-total, name: قيمة الدعم}\n"
        "topics:\n  - {id: aid, name: دعم المزارعين}\n"),
    "briefs/aid.yml": (
        'title: "دعم المزارعين في مواجهة الجفاف"\n'
        'summary: "وعدت وزارة الزراعة بمساعدة المزارعين المتضررين من الجفاف بسرعة."\n'
        "sections:\n  - kind: what-happened\n    points:\n"
        '      - text: "وعد [[entity:ar-minister]] بالتحرك بسرعة لمساعدة المزارعين، بحسب '
        'ما نقلته الصحافة المحلية والدولية."\n'
        "        cites: [ar-fast, en-quick]\n        claims: [aid-fast]\n"
        "      - text: \"قد يتأخر الدعم.\"\n        inference: true\n"
        "        cites: [ar-fast]\n"
        "  - kind: yes-but\n    points:\n"
        '      - text: "تقول الوزارة إن الحزمة تبلغ ٢٠٠ مليون دولار."\n'
        "        cites: [ar-package]\n        claims: [aid-package]\n"),
}
# Where Latin letters are no words of a page: code, scripts, styles, drawings.
SKIPPED = frozenset({"script", "style", "code", "pre", "svg", "title", "template"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                  "meta", "source", "track", "wbr"})
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


class UnmarkedEnglish(HTMLParser):
    """The runs of text holding a Latin word that no element around them marks English."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        if any(tag in SKIPPED for tag, _ in self.open):
            return
        lang = next((lang for _, lang in reversed(self.open) if lang), "")
        if not lang.startswith("en") and LATIN_WORD.search(data):
            self.found.append(data.strip())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("arabic") / "project"
    assert CliRunner().invoke(main, ["init", "--bare", str(project)]).exit_code == 0
    for path, text in FILES.items():
        (project / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / path).write_text(text, encoding="utf-8")
    # The site's own pages (the about page `init` writes) are the curator's, in English here.
    for page in (project / "content" / "pages").glob("*.md"):
        page.unlink()
    config = project / "mkdocs.yml"
    written = config.read_text(encoding="utf-8")
    written = re.sub(r"(?m)^site_name: .*$", "site_name: موجز الجفاف", written)
    config.write_text(written.replace("theme:\n  name: briefing\n",
                                      "theme:\n  name: briefing\n  locale: ar\n"),
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "out"],
                            cwd=project, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert result.returncode == 0, result.stderr
    return project / "out"


def test_every_page_marks_briefings_english(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    unmarked: dict[str, str] = {}  # each run of words, and the first page it is on
    for page in pages:
        reader = UnmarkedEnglish()
        reader.feed(page.read_text(encoding="utf-8"))
        for words in reader.found:
            unmarked.setdefault(words, str(page.relative_to(site)))
    assert not unmarked, "\n".join(f"{page}: {words!r}" for words, page in unmarked.items())


def test_the_scan_finds_unmarked_english() -> None:
    """The scan itself: English words outside a mark are found, inside one are not."""
    reader = UnmarkedEnglish()
    reader.feed('<p>مرحبا <span lang="en" dir="ltr">Claims</span> <b>reported</b></p>'
                "<script>var x = 1;</script><br><p lang='en-GB'>Wire</p>")
    assert reader.found == ["reported"]
