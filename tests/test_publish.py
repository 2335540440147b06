"""Publishing as docs/authoring.md describes it: the GitHub Actions workflow's commands and
`mkdocs gh-deploy`, each run for real on a copy of the project."""

from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from click.testing import CliRunner
from corpus_helpers import REPO, minimal_corpus, seed_project, snapshot, write_tree
from publishing import BIN, SITE_URL, documented_deploy_command, gh_deploy

from briefing.cli import main

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
ATOM = "{http://www.w3.org/2005/Atom}"


def project_copy(tmp_path: Path) -> Path:
    return seed_project(tmp_path / "project")


def build_steps() -> list[dict[str, object]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps: list[dict[str, object]] = workflow["jobs"]["build"]["steps"]
    return steps


def test_the_workflow_installs_as_the_readme_says_and_publishes_the_built_site() -> None:
    steps = build_steps()
    runs = [str(step["run"]) for step in steps if "run" in step]
    assert runs[0] == "python3 -m venv .venv && .venv/bin/pip install -e ."
    assert runs[0] in (REPO / "README.md").read_text(encoding="utf-8")
    assert any("mkdocs build --strict" in run for run in runs)
    uses = [str(step["uses"]).split("@")[0] for step in steps if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/configure-pages",
                    "actions/upload-pages-artifact"]
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-pages"))
    site_dir = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"),
                         Loader=yaml.BaseLoader)["site_dir"]
    assert upload["with"] == {"path": site_dir}


def test_the_workflow_commands_build_the_site_with_absolute_links(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    env = {**os.environ, "BRIEFING_SITE_URL": SITE_URL}
    for step in build_steps()[1:]:
        if "run" not in step or "pip install" in str(step["run"]):
            continue  # the installation is this test environment's own
        command = str(step["run"]).replace(".venv/bin/", f"{BIN}/")
        done = subprocess.run(command, shell=True, cwd=project, capture_output=True,
                              text=True, env=env, timeout=600)
        assert done.returncode == 0, f"{step['name']}:\n{done.stdout}\n{done.stderr}"
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "problems").exists() is False
    feed = ET.parse(site / "feed.xml").getroot()
    links = [link.get("href", "") for link in feed.iter(f"{ATOM}link")]
    assert links and all(href.startswith(SITE_URL) for href in links)
    locs = [loc.text or "" for loc in ET.parse(site / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"{SITE_URL}briefs/musk-openai-bid/" in locs


def test_check_reports_github_annotations(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    claims = content / "claims.yml"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "claimant: acme", "claimant: acmee", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(content),
                                       "--format", "github"])
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(claims.read_text().splitlines(), 1)
                if "acmee" in text)
    assert result.stdout.startswith(
        f"::error file={content.as_posix()}/claims.yml,line={line},col=15,title=ref-unknown::"
        "unknown entity 'acmee'%0Ahint: did you mean 'acme'?")


def test_mkdocs_gh_deploy_publishes_the_site_to_the_gh_pages_branch(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    content = snapshot(project / "content")
    command = documented_deploy_command(REPO / "README.md")
    assert command == documented_deploy_command(REPO / "docs" / "authoring.md")
    published = gh_deploy(project, tmp_path / "remote.git", command)
    for name in ("index.html", ".nojekyll", "feed.xml", "sitemap.xml",
                 "briefs/musk-openai-bid/index.html", "assets/briefing.css"):
        assert name in published, name
    assert not any(name.startswith(("content/", "problems/")) for name in published)
    assert snapshot(project / "content") == content
