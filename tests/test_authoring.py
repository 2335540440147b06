"""docs/authoring.md, run as a person would follow it: with `mkdocs serve` running, every
step of the page in order on a copy of the project, each checked against what the page
says will happen, then the published result.

The page marks its steps with HTML comments (invisible on GitHub) just before the block
they apply to:

    <!-- step: run -->                        run each command of the sh block below
    <!-- step: output -->                     each line below appears in the last output
                                              ("…" stands for any text, e.g. a count)
    <!-- step: contains PATH -->              each line below appears in PATH
    <!-- step: write PATH -->                 PATH becomes the block below
    <!-- step: append PATH -->                the block below is added to PATH
    <!-- step: insert PATH before "LINE" -->  the block goes before the line LINE
    <!-- step: edit PATH "OLD" "NEW" -->      the first OLD in PATH becomes NEW
    <!-- step: problems -->                   each line below is on the Problems page
    <!-- step: no-problems -->                the Problems page says there are none
"""

from __future__ import annotations

import html
import json
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from corpus_helpers import REPO, seed_project
from publishing import documented_deploy_command, gh_deploy
from serving import fetch, served, wait_for

TUTORIAL = REPO / "docs" / "authoring.md"
BIN = Path(sys.executable).parent
# A step's block is the fenced block on the very next line, if any.
STEP = re.compile(r"<!-- step: (?P<args>.*?) -->\n(?:```\w*\n(?P<block>.*?)```\n)?", re.S)


@dataclass(frozen=True)
class Step:
    kind: str
    args: tuple[str, ...]
    block: str


def steps() -> list[Step]:
    found = []
    for match in STEP.finditer(TUTORIAL.read_text(encoding="utf-8")):
        kind, *args = shlex.split(match["args"])
        args = [a.encode().decode("unicode_escape") for a in args]
        found.append(Step(kind, tuple(args), match["block"] or ""))
    return found


def lines(block: str) -> list[str]:
    return [line.strip() for line in block.splitlines() if line.strip()]


def page_text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_the_tutorial_has_every_kind_of_step() -> None:
    kinds = [step.kind for step in steps()]
    for kind in ("run", "output", "contains", "write", "append", "insert", "edit",
                 "problems", "no-problems"):
        assert kind in kinds, kind
    assert all(step.block for step in steps() if step.kind not in ("edit", "no-problems"))


class Follower:
    """Someone following the page: a project copy, a running `mkdocs serve`, the output
    of the last command."""

    def __init__(self, project: Path, base: str) -> None:
        self.project, self.base, self.last_output = project, base, ""

    def do(self, step: Step, following: Step | None) -> None:
        getattr(self, step.kind.replace("-", "_"))(step, following)

    def file(self, step: Step) -> Path:
        return self.project / step.args[0]

    def run(self, step: Step, following: Step | None) -> None:
        # A command whose shown output reports an error is expected to exit 1.
        failing = following is not None and following.kind == "output" \
            and " error: " in following.block
        self.last_output = ""
        for command in lines(step.block):
            done = subprocess.run(command.replace(".venv/bin/", f"{BIN}/"), shell=True,
                                  cwd=self.project, capture_output=True, text=True,
                                  timeout=600)
            self.last_output += done.stdout + done.stderr
            assert done.returncode == (1 if failing else 0), f"{command}\n{self.last_output}"

    def output(self, step: Step, _: Step | None) -> None:
        produced = [line.strip() for line in self.last_output.splitlines()]
        for line in lines(step.block):
            # "…" in the page stands for whatever the corpus makes it (a count).
            pattern = ".+".join(map(re.escape, line.split("…")))
            assert any(re.fullmatch(pattern, p) for p in produced), \
                f"{line!r} not in\n{self.last_output}"

    def contains(self, step: Step, _: Step | None) -> None:
        text = self.file(step).read_text(encoding="utf-8")
        for line in lines(step.block):
            assert line in text, f"{line!r} not in {step.args[0]}"

    def write(self, step: Step, _: Step | None) -> None:
        self.file(step).write_text(step.block, encoding="utf-8")

    def append(self, step: Step, _: Step | None) -> None:
        with self.file(step).open("a", encoding="utf-8") as file:
            file.write(step.block)

    def insert(self, step: Step, _: Step | None) -> None:
        text = self.file(step).read_text(encoding="utf-8")
        anchor = step.args[2] + "\n"
        assert step.args[1] == "before" and text.count(anchor) == 1
        self.file(step).write_text(text.replace(anchor, step.block + anchor), encoding="utf-8")

    def edit(self, step: Step, _: Step | None) -> None:
        text = self.file(step).read_text(encoding="utf-8")
        assert step.args[1] in text
        self.file(step).write_text(text.replace(step.args[1], step.args[2], 1),
                                   encoding="utf-8")

    def problems_page(self) -> str:
        return page_text(fetch(f"{self.base}/problems/") or "")

    def problems(self, step: Step, _: Step | None) -> None:
        wanted = [" ".join(line.split()) for line in lines(step.block)]
        assert wait_for(lambda: all(w in self.problems_page() for w in wanted), 60), \
            self.problems_page()
        briefs = fetch(f"{self.base}/briefs/") or ""
        said = json.loads(fetch(f"{self.base}/assets/briefing/problems.json") or "{}")
        assert said["problems"]["errors"] > 0, "no banner to draw"
        assert "Skepticism about DeepSeek" in briefs, "the last good pages are not kept"

    def no_problems(self, step: Step, _: Step | None) -> None:
        assert wait_for(lambda: "No problems" in self.problems_page(), 60)
        said = json.loads(fetch(f"{self.base}/assets/briefing/problems.json") or "{}")
        assert said == {"problems": None}


def test_following_the_tutorial_publishes_a_brief_citing_the_new_article(
        tmp_path: Path) -> None:
    project = tmp_path / "project"
    seed_project(project)
    shutil.copytree(REPO / "docs" / "examples", project / "docs" / "examples")
    ingest = Path("tests") / "fixtures" / "ingest"  # the saved page and the PDF
    shutil.copytree(REPO / ingest, project / ingest)
    tutorial = steps()
    with served(tmp_path) as (_, base, server):
        follower = Follower(project, base)
        for number, step in enumerate(tutorial):
            following = tutorial[number + 1] if number + 1 < len(tutorial) else None
            try:
                follower.do(step, following)
            except AssertionError as exc:
                raise AssertionError(
                    f"docs/authoring.md step {number + 1} ({step.kind} "
                    f"{' '.join(step.args)}): {exc}") from exc
        assert server.poll() is None
        served_brief = fetch(f"{base}/briefs/deepseek-skepticism/") or ""
        assert "sources/northgate-nature-cost/#q-northgate-294k-covers-rl-run" in served_brief

    # Published as the page says: the new source is on the gh-pages branch.
    published = gh_deploy(project, tmp_path / "remote.git",
                          documented_deploy_command(TUTORIAL))
    assert "sources/northgate-nature-cost/index.html" in published

    # The article was copied byte for byte and never changed.
    assert (project / "content" / "sources" / "northgate-nature-cost.txt").read_bytes() == \
        (REPO / "docs" / "examples" / "nature-cost-explainer.txt").read_bytes()
    # The built site: the source page with its quotes anchored, cited by the brief.
    site = project / "site"
    source = (site / "sources" / "northgate-nature-cost" / "index.html").read_text("utf-8")
    for quote in ("northgate-294k-512-h800", "northgate-294k-covers-rl-run",
                  "northgate-both-figures-true"):
        assert f'id="q-{quote}"' in source, quote
    assert "deepseek-skepticism" in source, "the source page does not list the brief"
    brief = (site / "briefs" / "deepseek-skepticism" / "index.html").read_text("utf-8")
    assert "../../sources/northgate-nature-cost/#q-northgate-294k-covers-rl-run" in brief
    entity = (site / "entities" / "dana-whitcombe" / "index.html").read_text("utf-8")
    assert "northgate-294k-covers-rl-run" in entity
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ET.parse(site / "feed.xml").getroot().findall(f"{atom}entry")
    claim = next(e for e in entries if e.find(f"{atom}link").get("href", "").endswith(
        "claims/nature-cost-covers-rl-run-only/"))
    assert claim.findtext(f"{atom}updated") == "2025-09-22T00:00:00Z"
