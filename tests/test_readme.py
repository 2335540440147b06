"""The README's commands: a new user's first steps are the ones CI runs from the wheel
(.ci/from-wheel), and this repository's two commands stay exactly as CI runs them."""

from __future__ import annotations

import re
import tomllib

from corpus_helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
FROM_WHEEL = (REPO / ".ci" / "from-wheel").read_text(encoding="utf-8")
CI_RUN = (REPO / ".ci" / "run").read_text(encoding="utf-8")
SERVE = "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/mkdocs serve"
TEST = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"


def section(title: str) -> str:
    start = README.index(f"\n{title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end >= 0 else None]


def code_blocks(text: str) -> list[list[str]]:
    return [block.strip().splitlines() for block in re.findall(r"```sh\n(.*?)```", text, re.S)]


def test_the_readme_starts_with_a_new_users_path() -> None:
    headings = re.findall(r"^## (.+)$", README, re.M)
    assert headings[0] == "Start a briefing of your own"


def test_the_first_steps_are_what_ci_runs_from_the_wheel() -> None:
    (steps,) = code_blocks(section("## Start a briefing of your own"))[:1]
    name = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    assert steps == [f"python3 -m venv .venv && .venv/bin/pip install {name}",
                     ".venv/bin/briefing init", ".venv/bin/mkdocs serve"]
    # The same commands, the wheel standing in for the published package.
    assert 'python3 -m venv .venv && .venv/bin/pip install --quiet "$wheel"' in FROM_WHEEL
    assert "\n.venv/bin/briefing init\n" in FROM_WHEEL
    assert "\n.venv/bin/mkdocs serve " in FROM_WHEEL


def test_this_repositorys_two_commands_stay_exact() -> None:
    blocks = code_blocks(section("## This repository: the DeepSeek briefing"))
    assert [SERVE] in blocks and [TEST] in blocks
    assert f"\n{TEST}\n" in CI_RUN  # CI runs the README's test command verbatim
    assert "bash .ci/from-wheel" in CI_RUN
    assert "\n.venv/bin/briefing check --strict\n" in CI_RUN  # the live corpus


def test_the_readme_says_another_theme_needs_its_package_in_requirements() -> None:
    # The generated publish workflow installs requirements.txt only.
    start = README.index("To use another theme")
    said = README[start:README.index("\n\n", start)]
    assert "mkdocs-material" in said and "requirements.txt" in said, said
