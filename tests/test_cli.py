from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from corpus_helpers import REPO, minimal_corpus, seed_project, snapshot, write_tree

from briefing.cli import main
from briefing.emit import OUTPUT_MARK, output_mark
from briefing.pipeline import build
from briefing.schema_export import schema_texts


def test_build_writes_the_markdown_tree_and_replaces_it_whole(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    out = tmp_path / "out"
    write_tree(out, {OUTPUT_MARK: output_mark(["stale.md"]),
                     "stale.md": "from an older build\n"})
    result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out)])
    assert result.exit_code == 0, result.output
    pages = build(content).pages
    assert {p.relative_to(out).as_posix() for p in out.rglob("*.md")} == set(pages)
    assert (out / "briefs/widget.md").read_text(encoding="utf-8") == pages["briefs/widget.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out"]


# `briefing build` in a process of its own, sent SIGTERM by itself once it has written
# the first page into its staging folder: stopped midway, deterministically.
STOPPED_WHILE_WRITING = """
import os, signal, sys
from pathlib import Path
from briefing.cli import main

write_text = Path.write_text

def write_then_stop(self, *args, **kwargs):
    written = write_text(self, *args, **kwargs)
    if any(part.startswith(".out.new-") for part in self.parts):
        Path.write_text = write_text
        os.kill(os.getpid(), signal.SIGTERM)
    return written

Path.write_text = write_then_stop
main(sys.argv[1:])
"""


def test_a_build_stopped_while_writing_leaves_the_last_output_and_no_staging_folder(
        tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    out = tmp_path / "out"
    command = ["build", "--content", str(content), "--out", str(out)]
    assert CliRunner().invoke(main, command).exit_code == 0
    before = snapshot(out)
    (content / "claims.yml").write_text(
        (content / "claims.yml").read_text(encoding="utf-8").replace("status: disputed",
                                                                     "status: refuted"))
    stopped = subprocess.run([sys.executable, "-c", STOPPED_WHILE_WRITING, *command],
                             capture_output=True, text=True, timeout=120, check=False)
    assert stopped.returncode == 1, (stopped.returncode, stopped.stderr)
    assert "Aborted" in stopped.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "out"]
    assert snapshot(out) == before


def test_two_cli_builds_are_identical(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    for name in ("a", "b"):
        CliRunner().invoke(main, ["build", "--content", str(content), "--out",
                                  str(tmp_path / name)])
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_build_refuses_to_replace_content_or_a_repository(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    before = snapshot(tmp_path)
    for out in (tmp_path, content, content / "sub", tmp_path / "repo"):
        result = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(out)])
        assert result.exit_code == 2, (out, result.output)
    assert snapshot(tmp_path) == before


def test_check_exit_codes(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", minimal_corpus())
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--content", str(content)]).exit_code == 0
    (content / "notes.yml").write_text("a: 1\n")  # a stray file: a warning only
    assert runner.invoke(main, ["check", "--content", str(content)]).exit_code == 0
    strict = runner.invoke(main, ["check", "--strict", "--content", str(content)])
    assert strict.exit_code == 1 and "content-unknown-file" in strict.output
    assert runner.invoke(main, ["check", "--bogus"]).exit_code == 2


def test_the_pre_commit_hook_checks_the_seed_corpus(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    program, *args = hook["entry"].split()
    assert program == "briefing" and hook["pass_filenames"] is False
    monkeypatch.chdir(seed_project(tmp_path))  # the hook runs at the root, beside mkdocs.yml
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output


def test_the_hook_fails_on_a_broken_corpus(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    files = minimal_corpus()
    files["claims.yml"] = str(files["claims.yml"]).replace("status: disputed", "status: x")
    write_tree(tmp_path / "content", files)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - briefing\n"
                                         "markdown_extensions: [attr_list]\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--strict"])
    assert result.exit_code == 1
    assert result.output.startswith("content/claims.yml:5:13: error: ")


def test_a_config_file_that_is_a_folder_or_missing_is_named_so(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    folder = CliRunner().invoke(main, ["check", "--config-file", str(tmp_path)])
    assert folder.exit_code == 2
    assert f"{tmp_path.as_posix()} is a folder, not a file" in folder.output
    assert f"--config-file {(tmp_path / 'mkdocs.yml').as_posix()}" in folder.output
    assert "does not exist" not in folder.output
    missing = CliRunner().invoke(main, ["check", "--config-file", str(tmp_path / "no.yml")])
    assert missing.exit_code == 2 and "no.yml does not exist" in missing.output


def test_a_check_run_below_the_project_says_where_to_run_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in content/sources/, `briefing check` said only that the content folder does not
    exist; it names the folder that holds mkdocs.yml, and checks the content from there."""
    write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - briefing\n"
                                         "markdown_extensions: [attr_list, tables, toc]\n")
    monkeypatch.chdir(tmp_path / "content" / "sources")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert "run the command in ../.., where mkdocs.yml is" in result.output
    given = CliRunner().invoke(main, ["check", "--config-file", "../../mkdocs.yml"])
    assert given.exit_code == 0, given.output


def test_a_content_folder_that_is_a_file_is_named_so(tmp_path: Path) -> None:
    (tmp_path / "content").write_text("not a folder\n")
    result = CliRunner().invoke(main, ["check", "--content", str(tmp_path / "content")])
    assert result.exit_code == 1
    assert (f"{(tmp_path / 'content').as_posix()}: error: the content folder is a file, "
            "not a folder [content-missing]") in result.output
    assert "does not exist" not in result.output and "--content" in result.output


def test_a_misspelt_content_dir_is_named_at_its_option(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mistake is the option's line in mkdocs.yml, so that is where it is reported,
    once, by `briefing check` and by the site build alike."""
    (tmp_path / "content" / "pages").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: content/pages\nplugins:\n  - briefing:\n"
        "      content_dir: contnet\n"
        "markdown_extensions: [attr_list]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.output.count("[content-missing]") == 1, result.output
    assert result.output.startswith(
        "mkdocs.yml:5:7: error: the content folder does not exist: contnet, which the "
        "`content_dir` option names [content-missing]"), result.output
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode != 0 and "mkdocs.yml:5:7: error: the content folder" \
        in built.stderr, built.stderr


def test_the_site_build_reports_the_settings_and_the_contents_problems_together(
        tmp_path: Path) -> None:
    """A wrong option in mkdocs.yml no longer hides the content's problems: one build
    lists them all, as `briefing check` does, and writes nothing."""
    write_tree(tmp_path / "content", {**minimal_corpus(), "claims.yml": str(
        minimal_corpus()["claims.yml"]).replace("status: disputed", "status: disputd")})
    (tmp_path / "content" / "pages").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: content/pages\nplugins:\n  - briefing:\n"
        "      severity: {claim-unsorced: error}\nmarkdown_extensions: [attr_list]\n",
        encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode != 0
    assert "[config-severity]" in built.stderr and "[schema-choice]" in built.stderr, \
        built.stderr
    assert not (tmp_path / "site").exists()


def test_a_quiet_strict_build_gives_the_warnings_it_stops_on(tmp_path: Path) -> None:
    """`--quiet` hides MkDocs' warnings; a strict build that stops on Briefing's warnings
    gives them in its error, with their positions, rather than pointing at nothing."""
    write_tree(tmp_path / "content", {**minimal_corpus(), "claims.yml": str(
        minimal_corpus()["claims.yml"]).replace("status: disputed", "status: refuted")})
    (tmp_path / "content" / "pages").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: content/pages\nplugins:\n  - briefing\n"
        "markdown_extensions: [attr_list, tables, toc]\n", encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    loud = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    quiet = subprocess.run([*command, "--quiet"], cwd=tmp_path, capture_output=True,
                           text=True, timeout=300)
    for built in (loud, quiet):
        assert built.returncode != 0 and not (tmp_path / "site").exists()
        assert built.stderr.count("[status-evidence]") == 1, built.stderr
        assert "content/claims.yml:" in built.stderr, built.stderr
    assert "which --quiet does not show" in quiet.stderr
    assert "Fix the problems listed above." in loud.stderr


def test_a_mkdocs_yml_that_is_not_utf8_is_named_at_its_byte(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "mkdocs.yml").write_bytes(b"site_name: My br\xe9fing\nplugins: [briefing]\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.output.startswith("mkdocs.yml:1:17: error: the file is not valid UTF-8: "
                                    "byte 0xe9"), result.output
    assert "[text-not-utf8]" in result.output and "iconv" in result.output


def test_schema_into_a_file_is_named_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("mine\n")
    for out, message in ((tmp_path / "f", "this is a file, not a folder"),
                         (tmp_path / "f" / "sub", f"{(tmp_path / 'f').as_posix()} is a file, "
                                                  "so no folder can be made inside it")):
        result = CliRunner().invoke(main, ["schema", "--out", str(out)])
        assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
        assert result.output.startswith(f"{out.as_posix()}: error: {message}; nothing was "
                                        "written\n    hint: "), result.output
    assert (tmp_path / "f").read_text() == "mine\n"


def test_schema_on_a_full_disk_keeps_the_old_schemas_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = {name: f"old {name}\n" for name in schema_texts()}
    write_tree(tmp_path, old)
    real_write = Path.write_text

    def filling(self: Path, *args: Any, **kwargs: Any) -> int:
        if sorted(tmp_path.iterdir()) != sorted(tmp_path / name for name in old):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real_write(self, *args, **kwargs)  # the first file only

    monkeypatch.setattr(Path, "write_text", filling)
    result = CliRunner().invoke(main, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "cannot be written: No space left on device" in result.output
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == old
