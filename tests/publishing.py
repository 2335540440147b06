"""`mkdocs gh-deploy` as the docs give it, run against a local bare repository standing in
for GitHub, for tests/test_publish.py and tests/test_authoring.py."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent
SITE_URL = "https://example.org/briefing/"
GIT_ENV = {"GIT_AUTHOR_NAME": "Curator", "GIT_AUTHOR_EMAIL": "curator@example.org",
           "GIT_COMMITTER_NAME": "Curator", "GIT_COMMITTER_EMAIL": "curator@example.org"}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True, env={**os.environ, **GIT_ENV}).stdout


def documented_deploy_command(page: Path) -> str:
    """The one `mkdocs gh-deploy` command line the page shows, with an example address."""
    commands = [line.strip() for line in page.read_text(encoding="utf-8").splitlines()
                if "mkdocs gh-deploy" in line and line.lstrip().startswith("BRIEFING_SITE_URL")]
    assert len(commands) == 1, f"{page}: {commands}"
    return re.sub(r"https://<user>\.github\.io/<repository>/", SITE_URL, commands[0])


def gh_deploy(project: Path, remote: Path, command: str) -> list[str]:
    """Commit the project, add `remote` as origin, run `command` in it; the files of the
    remote's gh-pages branch."""
    git("init", "--bare", "-q", str(remote), cwd=project.parent)
    git("init", "-q", "-b", "main", cwd=project)
    git("add", ".", cwd=project)
    git("commit", "-q", "-m", "briefing", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    env = {key: value for key, value in os.environ.items() if key != "BRIEFING_SITE_URL"}
    done = subprocess.run(command.replace(".venv/bin/", f"{BIN}/"), shell=True, cwd=project,
                          capture_output=True, text=True, env={**env, **GIT_ENV}, timeout=600)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).splitlines()
