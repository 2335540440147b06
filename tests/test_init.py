"""`briefing init`: from an empty folder to a project that `mkdocs build --strict` builds."""

from __future__ import annotations

import errno
import importlib.resources
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from corpus_helpers import snapshot

from briefing.cli import main
from briefing.coverage import stance_words
from briefing.project import project_files
from briefing.render import status_words
from briefing.schema_export import schema_texts
from briefing.starter import schema_comment
from briefing.wording import catalog_languages, wording_for

KINDS = {"claims.yml": "claims", "entities.yml": "entities", "briefs": "brief",
         "sources": "source", "names.yml": "names"}


def init(*args: str) -> Result:
    return CliRunner().invoke(main, ["init", *args])


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_SITE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "my-briefing"
    result = init(str(target))
    assert result.exit_code == 0, result.output
    assert "next: cd " in result.output and "mkdocs serve" in result.output
    return target


def test_init_writes_a_whole_project(project: Path) -> None:
    written = {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}
    assert written == {
        "mkdocs.yml", ".gitignore", ".pre-commit-config.yaml", ".github/workflows/publish.yml",
        ".vscode/settings.json",
        "content/claims.yml", "content/entities.yml", "content/names.yml",
        "content/pages/about.md", "content/sources/riverton-library-sundays.txt",
        "content/sources/riverton-library-sundays.yml", "content/briefs/library-sundays.yml",
        "requirements.txt", *(f"schemas/{name}" for name in schema_texts())}
    # The workflow installs the version that wrote the schemas.
    pinned = (project / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert pinned == f"mkdocs-briefing=={metadata.version('mkdocs-briefing')}"


def test_the_new_project_builds_strict_with_the_example_brief(project: Path) -> None:
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    brief = (project / "site" / "briefs" / "library-sundays" / "index.html").read_text(
        encoding="utf-8")
    assert brief.count('class="cite"') == 3
    assert "{:" not in brief and "{#" not in brief  # attr_list is on
    assert (project / "site" / "about" / "index.html").is_file()


def test_the_content_checks_clean_with_warnings_fatal(project: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", "--strict"])
    assert result.exit_code == 0, result.output


def test_every_annotation_file_points_at_a_written_schema(project: Path) -> None:
    files = sorted((project / "content").rglob("*.yml"))
    assert len(files) == 5
    for path in files:
        kind = KINDS[path.relative_to(project / "content").parts[0]]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == schema_comment(kind, path, project), path
        assert (path.parent / first.split("$schema=", 1)[1]).is_file(), path


def test_the_written_schemas_are_the_shipped_ones(project: Path) -> None:
    shipped = importlib.resources.files("briefing.schemas")
    for name, text in schema_texts().items():
        assert (project / "schemas" / name).read_text(encoding="utf-8") == text
        assert shipped.joinpath(name).read_text(encoding="utf-8") == text


def test_the_settings_raise_every_check_and_name_the_theme(project: Path) -> None:
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"),
                       Loader=yaml.BaseLoader)
    assert config["theme"] == {"name": "briefing"}
    assert config["docs_dir"] == "content/pages"
    checks = [level for group in config["validation"].values() for level in group.values()]
    assert checks and set(checks) == {"warn"}
    hooks = yaml.safe_load((project / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "briefing check --strict"
    workflow = (project / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    for command in ("pip install -r requirements.txt", "briefing check --strict",
                    "mkdocs build --strict", "actions/deploy-pages"):
        assert command in workflow, command


def test_another_theme_is_said_to_need_its_package_in_requirements(project: Path) -> None:
    # The publish workflow installs requirements.txt only: a project switched to Material
    # as mkdocs.yml suggests built locally and failed on GitHub until it was added there.
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    comment = config[config.index("# Briefing's theme"):config.index("theme:\n")]
    assert "mkdocs-material" in comment and "requirements.txt" in comment, comment
    requirements = (project / "requirements.txt").read_text(encoding="utf-8")
    comments = [line for line in requirements.splitlines() if line.startswith("#")]
    assert "mkdocs-material" in "\n".join(comments), requirements


def test_bare_leaves_the_example_out_and_still_builds(tmp_path: Path) -> None:
    result = init(str(tmp_path / "bare"), "--bare")
    assert result.exit_code == 0, result.output
    assert not list((tmp_path / "bare" / "content" / "sources").iterdir())
    assert (tmp_path / "bare" / "content" / "briefs").is_dir()
    built = mkdocs_build(tmp_path / "bare")
    assert built.returncode == 0, built.stderr


@pytest.mark.parametrize("existing", ["notes.txt", "content/claims.yml", "mkdocs.yml"])
def test_a_folder_with_anything_in_it_is_refused_untouched(tmp_path: Path,
                                                           existing: str) -> None:
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("mine\n")
    before = snapshot(tmp_path)
    result = init(str(tmp_path))
    assert result.exit_code == 1
    assert "is not empty" in result.output and "nothing was written" in result.output
    assert snapshot(tmp_path) == before


def test_a_folder_holding_only_git_and_venv_is_started_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".venv").mkdir()  # as the README's first command makes it
    monkeypatch.chdir(tmp_path)
    result = init()
    assert result.exit_code == 0, result.output
    assert (tmp_path / "mkdocs.yml").is_file()
    assert re.search(r"^next: \S*mkdocs serve", result.output, re.M), result.output


def test_next_names_the_mkdocs_beside_briefing_when_it_is_not_on_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as `.venv/bin/briefing init`, without the environment activated, a bare
    `mkdocs serve` would fail or run another MkDocs, without Briefing."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "")
    result = init()
    beside = (Path(sys.executable).parent / "mkdocs").as_posix()
    assert f"next: {beside} serve" in result.output, result.output


@pytest.mark.parametrize(("args", "command"), [
    ((), "next: .venv/bin/mkdocs serve"),
    (("briefing",), "next: cd briefing && ../.venv/bin/mkdocs serve"),
    (("work/briefing",), "next: cd work/briefing && ../../.venv/bin/mkdocs serve"),
])
def test_next_names_the_mkdocs_beside_briefing_as_reached_from_the_new_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...],
        command: str) -> None:
    """`.venv/bin/briefing init briefing` says to `cd briefing` first: the path of the
    MkDocs beside it is then the one from there (`../.venv/bin/mkdocs`), not from here."""
    bin_dir = tmp_path / ".venv/bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "mkdocs").write_text("")
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "")
    result = init(*args)
    assert result.exit_code == 0, result.output
    assert f"{command}, then open" in result.output, result.output


def test_a_briefing_installed_from_a_folder_is_named_as_not_from_pypi(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The publish workflow installs requirements.txt, which names a release PyPI may
    not have: `init` says so when this Briefing came from elsewhere."""
    from briefing import project

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(project, "installed_from", lambda: "file:///src/briefing")
    result = init()
    assert "note: Briefing was installed from file:///src/briefing, not from PyPI" \
        in result.output


def test_schemas_left_by_another_version_are_reported_until_written_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After an upgrade the editor would check against the old rules: `check` says so, and
    `briefing schema` puts it right."""
    target = tmp_path / "project"
    assert init(str(target), "--bare").exit_code == 0
    monkeypatch.chdir(target)
    old = target / "schemas" / "claims.schema.json"
    old.write_text(old.read_text(encoding="utf-8").replace("2020-12", "2019-09"),
                   encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", "--strict"])
    assert checked.exit_code == 1
    assert "schemas/claims.schema.json: warning: this schema is not the one this version " \
           "of Briefing writes" in checked.output, checked.output
    assert CliRunner().invoke(main, ["schema"]).exit_code == 0
    checked = CliRunner().invoke(main, ["check", "--strict"])
    assert checked.exit_code == 0, checked.output


def tree(root: Path) -> list[str]:
    """Every file and folder under `root`, hidden ones included."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def test_a_path_through_a_file_is_named_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("mine\n")
    result = init(str(tmp_path / "f" / "sub"))
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert result.output.startswith(
        f"{(tmp_path / 'f' / 'sub').as_posix()}: error: {(tmp_path / 'f').as_posix()} is a "
        "file, so no folder can be made inside it; nothing was written\n    hint: ")
    assert tree(tmp_path) == ["f"] and (tmp_path / "f").read_text() == "mine\n"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="Linux's /proc")
def test_a_folder_the_system_refuses_is_named_not_a_traceback() -> None:
    result = init("/proc/briefing-init-test")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert result.output.startswith("/proc/briefing-init-test: error: cannot be written: ")
    assert "nothing was written\n    hint: " in result.output


@pytest.mark.parametrize("target", ["new/nested/project", "."])
def test_a_full_disk_leaves_nothing_and_a_second_init_succeeds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    """All or nothing: a half-written project would be refused as "not empty"."""
    (tmp_path / ".git").mkdir()
    before = tree(tmp_path)
    real_write = Path.write_bytes
    calls = []

    def filling(self: Path, data: bytes) -> int:  # the disk fills on the fifth file
        calls.append(self)
        if len(calls) == 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", filling)
    result = init(str(tmp_path / target))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert len(calls) == 5
    assert result.output == (
        f"{(tmp_path / target).as_posix()}: error: cannot be written: No space left on "
        "device; nothing was written\n    hint: free some space on the disk, then run the "
        "command again\n")
    assert tree(tmp_path) == before
    monkeypatch.undo()
    again = init(str(tmp_path / target))
    assert again.exit_code == 0, again.output
    assert (tmp_path / target / "mkdocs.yml").is_file()
    assert not [p for p in (tmp_path / target).parent.rglob(".*init-*")]


def test_an_existing_folder_keeps_what_it_held(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The project is moved into the folder, not the folder replaced: the shell may be in
    it, and its `.git` and `.venv` stay as they are."""
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "pyvenv.cfg").write_text("home = /usr\n")
    inode = tmp_path.stat().st_ino
    monkeypatch.chdir(tmp_path)
    assert init().exit_code == 0
    assert tmp_path.stat().st_ino == inode
    assert (tmp_path / ".venv" / "pyvenv.cfg").read_text() == "home = /usr\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {".venv", *(rel.split("/")[0] for rel in project_files(example=True))})


def test_a_folder_that_cannot_be_written_is_the_one_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hint names the folder that needs write access: the target when it exists."""
    target = tmp_path / "project"
    target.mkdir()

    def refused(path: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(os, "mkdir", refused)
    result = init(str(target))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert result.output == (
        f"{target.as_posix()}: error: cannot be written: Permission denied; nothing was "
        f"written\n    hint: give the user running the command write access to "
        f"{target.as_posix()}, or choose a folder elsewhere\n")
    assert list(target.iterdir()) == []


def test_what_a_killed_init_left_does_not_stop_the_next(tmp_path: Path) -> None:
    target = tmp_path / "brief"
    left = target / f".brief.init-{4_194_304 + 1}-abcd1234"  # no such process
    (left / "content").mkdir(parents=True)
    assert init(str(target)).exit_code == 0
    assert not left.exists()
    # One of a running process (this one) is another init at work: the folder is taken.
    other = tmp_path / "other"
    (other / f".other.init-{os.getpid()}-abcd1234").mkdir(parents=True)
    assert init(str(other)).exit_code == 1


def test_init_in_a_language_names_it_and_writes_the_readers_guide_in_it(
        tmp_path: Path) -> None:
    """`init --locale fr-CA`: mkdocs.yml's theme locale as MkDocs takes it, the reader's
    guide in French (its heading the nav's entry), and a strict build of the Québec
    example in French words under `<html lang="fr-CA">`."""
    project = tmp_path / "fr"
    result = init("--locale", "fr-CA", str(project))
    assert result.exit_code == 0, result.output
    assert "\n  locale: fr_CA\n" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    guide = (project / "content" / "pages" / "about.md").read_text(encoding="utf-8")
    assert guide.startswith("# Comment lire ce site\n")
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr-CA"' in home and ">Comment lire ce site<" in home
    assert ">Synthèses<" in home and "<title>Mon dossier</title>" in home
    assert 'content="Des synthèses vérifiées' in home
    brief = (project / "site" / "briefs" / "bibliotheque-dimanche" / "index.html").read_text(
        encoding="utf-8")
    assert brief.count('class="cite"') == 3 and "« la facture réelle sera" in brief


def test_init_in_a_language_without_a_guide_says_the_guide_is_english(
        tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", "--locale", "sv_SE", str(tmp_path / "sv")])
    assert result.exit_code == 0, result.output
    assert "\n  locale: sv_SE\n" in (tmp_path / "sv" / "mkdocs.yml").read_text(encoding="utf-8")
    assert (tmp_path / "sv" / "content" / "pages" / "about.md").read_bytes() == \
        project_files(example=False)["content/pages/about.md"]
    assert "about.md, the reader's guide, is in English" in result.output




@pytest.mark.parametrize("tag", ["zh", "ja", "zh-TW"])
def test_init_in_chinese_or_japanese_names_the_extended_search(tag: str, tmp_path: Path) -> None:
    """As the README says: only Pagefind's extended build finds words in an unspaced text."""
    result = CliRunner().invoke(main, ["init", "--locale", tag, str(tmp_path / "p")])
    assert result.exit_code == 0, result.output
    assert f"add pagefind-bin-extended=={metadata.version('pagefind-bin')} to " \
        "requirements.txt" in result.output
    other = CliRunner().invoke(main, ["init", "--locale", "ko", str(tmp_path / "ko")])
    assert "pagefind-bin-extended" not in other.output
def test_init_refuses_a_locale_that_is_no_language_tag(tmp_path: Path) -> None:
    result = init("--locale", "french please", str(tmp_path / "x"))
    assert result.exit_code == 2 and "is not a language tag" in result.output
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("tag", [t for t in catalog_languages() if t != "en"])
def test_every_language_of_the_pages_words_has_a_guide_in_the_sites_words(tag: str) -> None:
    """The guide names the statuses and stances as the pages show them in its language."""
    guide = (importlib.resources.files("briefing") / "scaffold" / "about" / f"{tag}.md"
             ).read_text(encoding="utf-8")
    assert project_files(example=False, locale=tag)["content/pages/about.md"] == \
        guide.encode("utf-8")
    settings = yaml.safe_load(project_files(example=False, locale=tag)["mkdocs.yml"]
                              .decode("utf-8").replace("!ENV", ""))
    named = yaml.safe_load((importlib.resources.files("briefing") / "scaffold" / "about"
                            / f"{tag}.yml").read_text(encoding="utf-8"))
    assert set(named) == {"site_name", "site_description"}
    assert {key: settings[key] for key in named} == named
    words, text = wording_for(tag), " ".join(guide.split())
    for word in (*status_words(words).values(), *stance_words(words).values()):
        assert word in text, (tag, word)
