"""The plugin refuses MkDocs settings that would build broken pages, naming the setting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner
from corpus_helpers import minimal_corpus, snapshot, write_tree
from markdown.extensions.attr_list import AttrListExtension
from pymdownx.arithmatex import ArithmatexExtension

from briefing import siteconfig
from briefing.cli import main
from briefing.siteconfig import config_problems, extension_names, written_theme_folders
from briefing.themefolders import files_under

ALL = ["toc", "tables", "fenced_code", "attr_list"]


def test_extensions_are_known_by_any_of_their_names() -> None:
    assert extension_names(["markdown.extensions.attr_list", "toc", AttrListExtension()]) \
        == {"attr_list", "toc"}


def test_a_missing_extension_is_reported_at_markdown_extensions(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nmarkdown_extensions:\n  - footnotes\n")
    (found,) = config_problems(["toc", "footnotes"], tmp_path / "docs", tmp_path / "content",
                               config)
    assert str(found.pos) == f"{config.as_posix()}:2:1"
    assert found.code == "config-markdown-extension"
    assert "attr_list, tables must be enabled" in found.message
    assert "`- attr_list`, `- tables` under `markdown_extensions:`" in found.hint


def test_without_the_key_the_first_line_is_named(tmp_path: Path) -> None:
    (found,) = config_problems(["toc", "tables"], tmp_path / "docs", tmp_path / "content",
                               None)
    assert str(found.pos) == "mkdocs.yml:1:1"


# (arithmatex's options as written, whether `$` is read as math): its defaults read `$…$`
# inline and `$$…$$` blocks; a source's line or an amount is either.
ARITHMATEX = [
    (None, True), ({"generic": True}, True), ({"inline_syntax": ["round"]}, True),
    ({"block_syntax": ["square", "begin"]}, True),
    ({"inline_syntax": ["round"], "block_syntax": ["square", "begin"]}, False),
    ({"inline_syntax": [], "block_syntax": []}, False),
    ({"inline_syntax": "round", "block_syntax": "begin"}, False),  # (read as letters)
]


@pytest.mark.parametrize(("options", "bad"), ARITHMATEX, ids=[str(a[0]) for a in ARITHMATEX])
def test_arithmatex_is_refused_unless_it_leaves_dollars_alone(
        tmp_path: Path, options: dict[str, object] | None, bad: bool) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nmarkdown_extensions:\n  - pymdownx.arithmatex\n")
    found = config_problems([*ALL, "pymdownx.arithmatex"], tmp_path / "docs",
                            tmp_path / "content", config, None,
                            {"pymdownx.arithmatex": options} if options else {})
    assert [(d.code, str(d.pos)) for d in found] == (
        [("config-markdown-extension", f"{config.as_posix()}:2:1")] if bad else [])
    if bad:
        assert "pymdownx.arithmatex reads `$` as the start of math" in found[0].message
        assert "`inline_syntax: [round]` and `block_syntax: [square, begin]`" \
            in found[0].hint
    # An Extension made in code (not through mkdocs.yml) is judged by its own options.
    made = ArithmatexExtension(**(options or {}))
    assert bool(config_problems([*ALL, made], tmp_path / "docs", tmp_path / "content",
                                None)) == bad


def test_what_arithmatex_leaves_alone_is_what_it_converts_as_text() -> None:
    """The table above, held to arithmatex itself: a page's amounts and a source's line
    of dollars come out as written exactly when its options are accepted."""
    text = "It cost $5m-$6m.\n\n$$ 5 and 6 $$\n"
    plain = markdown.markdown(text)
    for options, bad in ARITHMATEX:
        html = markdown.markdown(text, extensions=[ArithmatexExtension(**(options or {}))])
        assert (html != plain) == bad, options


@pytest.mark.parametrize(("docs", "bad"), [
    ("docs", False), ("content/pages", False), (".", True), ("content", True),
    ("content/briefs", True), ("content/pages/more", True)])
def test_docs_dir_and_the_content_folder_are_kept_apart(tmp_path: Path, docs: str,
                                                        bad: bool) -> None:
    found = config_problems(ALL, tmp_path / docs, tmp_path / "content", None)
    assert [d.code for d in found] == (["config-folder"] if bad else [])


@pytest.mark.parametrize(("content", "docs", "hint"), [
    # The pages folder given as the content folder: the two must not be the same.
    ("content/pages", "content/pages", "`content_dir: content` with `docs_dir: content/pages`"),
    # The project's folder as the content folder: docs_dir as mkdocs.yml writes it.
    (".", "content/pages", "set `docs_dir: pages`"),
    ("content", "content/briefs", "set `docs_dir: content/pages`"),
])
def test_a_misplaced_folder_is_told_the_setting_that_fixes_it(
        tmp_path: Path, content: str, docs: str, hint: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    (folder,) = config_problems(ALL, tmp_path / docs, tmp_path / content, config)
    assert folder.code == "config-folder" and hint in folder.hint, folder.hint
    assert "pages/pages" not in folder.hint


@pytest.mark.parametrize(("site", "bad"), [
    ("site", False), ("../elsewhere", False), ("content", True), ("content/briefs", True),
    ("content/site", True), (".", True)])
def test_site_dir_and_the_content_folder_are_kept_apart(tmp_path: Path, site: str,
                                                        bad: bool) -> None:
    found = config_problems(ALL, tmp_path / "docs", tmp_path / "content", None,
                            tmp_path / site)
    assert [d.code for d in found] == (["config-folder"] if bad else [])


def test_a_site_dir_in_the_content_folder_is_refused_before_anything_is_replaced(
        tmp_path: Path) -> None:
    """Each build replaces site_dir whole: in the content folder, it took the briefs with
    it, and `briefing check` passed."""
    content = write_tree(tmp_path / "content", minimal_corpus())
    briefs = sorted(p.name for p in (content / "briefs").iterdir())
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: content/pages\nsite_dir: content/briefs\n"
        "markdown_extensions: [attr_list]\nplugins:\n  - briefing\n")
    (content / "pages").mkdir()
    for command in (["mkdocs", "build"], ["briefing", "check"]):
        result = subprocess.run([sys.executable, "-m", *command], cwd=tmp_path,
                                capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 1, result.stderr
        assert "mkdocs.yml:3:1: error: site_dir content/briefs is inside the content " \
               "folder content" in result.stderr, result.stderr
        assert sorted(p.name for p in (content / "briefs").iterdir()) == briefs


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project, capture_output=True, text=True, timeout=300, check=False)


def test_the_obvious_minimal_config_is_refused_before_building(tmp_path: Path) -> None:
    write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - briefing\n")
    result = mkdocs_build(tmp_path)
    assert result.returncode == 1
    assert "mkdocs.yml:1:1: error: the Markdown extension attr_list must be enabled" \
        in result.stderr
    assert "[config-markdown-extension]" in result.stderr
    assert not (tmp_path / "site").exists()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - briefing\nmarkdown_extensions: [attr_list]\n")
    assert mkdocs_build(tmp_path).returncode == 0


GOOD_CONFIG = ("site_name: x\nplugins:\n  - briefing:\n      content_dir: content\n"
               "markdown_extensions: [attr_list]\n")
# (setting changed, code, where): what stops `mkdocs build --strict` must stop
# `briefing check --strict` (the pre-commit hook and the publishing workflow's first step).
SETTINGS = [
    ("content_dir: content", "contentdir: content", "config-option-unknown", "4:7"),
    ("content_dir: content", "content_dir: content\n      hedges: [maybe]", "config-hedges",
     "5:7"),
    ("content_dir: content", "content_dir: content\n      strict: sometimes",
     "config-severity", "5:7"),
    ("markdown_extensions: [attr_list]", "markdown_extensions: [abbr]",
     "config-markdown-extension", "5:1"),
    ("markdown_extensions", "docs_dir: content\nmarkdown_extensions", "config-folder", "5:1"),
    # No page could declare it; the build stopped on it, and check passed.
    ("markdown_extensions", "theme: {name: mkdocs, language: not a tag}\nmarkdown_extensions",
     "config-language", "5:23"),
    # Material's math setup: "$5 million … $6 million" became math on nine pages, and
    # both passed.
    ("markdown_extensions: [attr_list]",
     "markdown_extensions: [attr_list, {pymdownx.arithmatex: {generic: true}}]",
     "config-markdown-extension", "5:1"),
    ("markdown_extensions: [attr_list]",
     "markdown_extensions:\n  attr_list:\n  pymdownx.arithmatex: {inline_syntax: [round]}",
     "config-markdown-extension", "5:1"),
]


def test_the_config_the_settings_cases_change_passes_both(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """So that each case below fails for the one setting it changes."""
    write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(GOOD_CONFIG)
    monkeypatch.chdir(tmp_path)
    assert_same_verdict(tmp_path, None, "", False)


@pytest.mark.parametrize(("old", "new", "code", "where"), SETTINGS,
                         ids=[s[2] for s in SETTINGS])
def test_check_stops_on_the_settings_the_site_build_stops_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, code: str,
        where: str) -> None:
    write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(GOOD_CONFIG.replace(old, new))
    monkeypatch.chdir(tmp_path)
    checked = CliRunner().invoke(main, ["check", "--strict"])
    assert checked.exit_code == 1
    assert f"mkdocs.yml:{where}: " in checked.output and f"[{code}]" in checked.output
    built = mkdocs_build(tmp_path)
    assert built.returncode == 1
    assert f"mkdocs.yml:{where}: " in built.stderr and f"[{code}]" in built.stderr
    assert not (tmp_path / "site").exists()


def test_a_build_names_the_line_of_an_option_the_plugin_lacks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs' own warning of the option says not where it is; the plugin's does, and which
    option was meant, and it is the one shown."""
    write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(GOOD_CONFIG.replace("content_dir", "contentdir"))
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path,
                           capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    assert "mkdocs.yml:4:7: warning: the briefing plugin has no option 'contentdir'" \
        in built.stderr and "did you mean 'content_dir'?" in built.stderr, built.stderr
    assert "Unrecognised configuration name" not in built.stderr, built.stderr


def test_a_strict_build_lists_a_misspelt_option_with_the_contents_problems(
        tmp_path: Path) -> None:
    """Under `--strict`, MkDocs stopped on its own warning of the option before the plugin
    ran: no line, and none of the content's problems. The build now lists them together."""
    write_tree(tmp_path / "content", minimal_corpus())
    quotes = tmp_path / "content" / "sources" / "acme-widget.yml"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace(
        "its widget costs", "its widgets cost", 1), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(GOOD_CONFIG.replace("content_dir", "contentdir"))
    built = mkdocs_build(tmp_path)
    assert built.returncode == 1
    assert "mkdocs.yml:4:7: warning: the briefing plugin has no option 'contentdir'" \
        in built.stderr, built.stderr
    assert "[quote-not-found]" in built.stderr, built.stderr
    assert "Unrecognised configuration name" not in built.stderr, built.stderr


PLUGINS = "plugins:\n  - briefing:\n      content_dir: content\n"
# (case, `plugins:` as written instead, the code both report or None for a clean build,
# where, whether MkDocs stops on it in its own words, before the plugin runs).
VERDICTS = [
    ("title a number", PLUGINS + "      title: 5\n", "config-option-value", "5:7", False),
    ("title a date", PLUGINS + "      title: 2025-01-02\n", "config-option-value", "5:7",
     False),
    ("quote_picker not a choice", PLUGINS + "      quote_picker: sometimes\n",
     "config-option-value", "5:7", False),
    ("content_dir a number", PLUGINS.replace("content\n", "123\n"), "config-option-value",
     "4:7", False),
    ("options a number", "plugins:\n  - briefing: 5\n", "config-option-value", "3:5", True),
    ("options a list", PLUGINS.replace("      content_dir", "      - content_dir"),
     "config-option-value", "3:5", True),
    ("options not indented", PLUGINS.replace("      content_dir", "    content_dir"),
     "config-option-value", "3:5", True),
    ("enabled not true or false", PLUGINS + "      enabled: maybe\n", "config-option-value",
     "5:7", True),
    ("a hedge word a number", PLUGINS + "      hedges: {approximate: [1]}\n",
     "config-hedges", "5:16", False),
    # (Under --strict, MkDocs stops first on its own warning of it; else on this error.)
    ("listed twice", PLUGINS + "  - briefing:\n      title: Second\n", "config-plugin-twice",
     "5:5", True),
    ("a key twice", "plugins:\n  briefing:\n    content_dir: content\n  briefing:\n"
     "    title: Second\n", "config-plugin-twice", "5:3", False),
    ("recursive alias", PLUGINS + "      hedges: &h {approximate: *h}\n",
     "config-alias-loop", "5:19", False),
    # Ten million words (a billion meet the same bound; a regression fails, not hangs).
    ("laughs", PLUGINS + "      hedges:\n        a: &a [x, x, x, x, x, x, x, x, x, x]\n"
     + "".join(f"        {n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n"
               for p, n in zip("abcdef", "bcdefg", strict=True)),
     "config-option-too-large", "5:7", False),
    ("content_dir empty", PLUGINS.replace(" content\n", "\n"), None, "", False),
    ("content_dir null", PLUGINS.replace(" content\n", " ~\n"), None, "", False),
    ("the rest null", PLUGINS + "      severity:\n      strict: ~\n      hedges:\n"
     "      title:\n      quote_picker:\n", None, "", False),
    ("merge keys", "extra:\n  base: &defaults {content_dir: content, strict: true}\n"
     "plugins:\n  - briefing:\n      <<: *defaults\n      title: Merged\n", None, "", False),
    ("options false", "plugins:\n  - briefing: no\n", None, "", False),
    ("an unset !ENV", PLUGINS + "      strict: !ENV [BRIEFING_TEST_UNSET, false]\n", None, "",
     False),
    ("enabled", PLUGINS + "      enabled: true\n", None, "", False),
]


@pytest.mark.parametrize(("plugins", "code", "where", "mkdocs_words"),
                         [case[1:] for case in VERDICTS], ids=[case[0] for case in VERDICTS])
def test_check_and_the_site_build_judge_the_plugins_options_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plugins: str, code: str | None,
        where: str, mkdocs_words: bool) -> None:
    """`briefing check --strict` fails exactly when `mkdocs build --strict` does, on an
    error at the mkdocs.yml key, in the same words unless MkDocs stops first."""
    write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(GOOD_CONFIG.replace(PLUGINS, plugins))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BRIEFING_TEST_UNSET", raising=False)
    assert_same_verdict(tmp_path, code, f"mkdocs.yml:{where}", mkdocs_words)


def assert_same_verdict(project: Path, code: str | None, where: str, mkdocs_words: bool,
                        *, build_may_crash: bool = False) -> None:
    """Both fail, on an error `code` at `where`, in the same words unless MkDocs stops first
    in its own; or both pass. (Run in `project`.)"""
    checked = CliRunner().invoke(main, ["check", "--strict"])
    built = mkdocs_build(project)
    assert (checked.exit_code, built.returncode) == ((1, 1) if code else (0, 0)), \
        f"check:\n{checked.output}\nbuild:\n{built.stderr}"
    if code is None:
        return
    (line,) = [line for line in checked.output.splitlines() if line.endswith(f"[{code}]")]
    assert line.startswith(f"{where}: error: ")
    assert mkdocs_words or line in built.stderr
    assert "Traceback" not in checked.output + ("" if build_may_crash else built.stderr)


def test_check_knows_every_option_the_plugin_has() -> None:
    from briefing.plugin import BriefingConfig
    from briefing.settings import PLUGIN_OPTIONS

    options = BriefingConfig()
    options.load_dict({})
    assert options.validate() == ([], [])  # every option filled in with its default
    assert set(options) == set(PLUGIN_OPTIONS)


def test_folders_are_compared_as_the_file_system_sees_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a case-insensitive file system (macOS, Windows) `Content` is the content folder:
    compared by path alone, `site_dir: Content` passed, and the build replaced it."""
    (tmp_path / "content").mkdir()

    def case_insensitive(one: object, other: object) -> bool:
        return str(one).casefold() == str(other).casefold() and Path(str(one)).parent.exists()

    monkeypatch.setattr(siteconfig.os.path, "samefile", case_insensitive)
    found = config_problems(ALL, tmp_path / "docs", tmp_path / "content", None,
                            tmp_path / "Content")
    assert [d.code for d in found] == ["config-folder"]
    assert config_problems(ALL, tmp_path / "docs", tmp_path / "content", None,
                           tmp_path / "site") == ()


BASE = GOOD_CONFIG.replace("site_name: x\n", "site_name: base\n")
# (case, mkdocs.yml, the files it builds on, the code both report or None, where, whether
# MkDocs stops on it in its own words): `INHERIT:` merges mkdocs.yml over the file it names.
INHERITED = [
    ("all in the base", "INHERIT: base.yml\nsite_name: x\n", {"base.yml": BASE}, None, "",
     False),
    ("two levels, from a folder", "INHERIT: config/base.yml\n",
     {"config/base.yml": "INHERIT: common.yml\nsite_name: x\n",
      "config/common.yml": BASE}, None, "", False),
    ("an option wrong in the base", "INHERIT: base.yml\n",
     {"base.yml": BASE.replace("content\n", "content\n      title: 5\n")},
     "config-option-value", "base.yml:5:7", False),
    ("a list replaced, not merged", "INHERIT: base.yml\nmarkdown_extensions: [abbr]\n",
     {"base.yml": BASE}, "config-markdown-extension", "mkdocs.yml:2:1", False),
    ("mappings merged", "INHERIT: base.yml\nplugins:\n  briefing:\n    title: 5\n",
     {"base.yml": BASE.replace("plugins:\n  - briefing:\n      content_dir: content\n",
                               "plugins:\n  briefing:\n    content_dir: content\n")},
     "config-option-value", "mkdocs.yml:4:5", False),
    ("docs_dir from the base", "INHERIT: base.yml\n",
     {"base.yml": "docs_dir: content\n" + BASE}, "config-folder", "base.yml:1:1", False),
    ("a file that is not there", "INHERIT: nothere.yml\n", {"base.yml": BASE},
     "config-inherit", "mkdocs.yml:1:1", True),
    ("a loop", "INHERIT: base.yml\n", {"base.yml": "INHERIT: mkdocs.yml\n" + BASE},
     "config-inherit", "base.yml:1:1", True),
    ("no file named", "INHERIT: [base.yml]\n", {"base.yml": BASE}, "config-inherit",
     "mkdocs.yml:1:1", True),
]


@pytest.mark.parametrize(("config", "bases", "code", "where", "mkdocs_words"),
                         [case[1:] for case in INHERITED], ids=[case[0] for case in INHERITED])
def test_check_reads_inherited_settings_as_the_site_build_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str, bases: dict[str, str],
        code: str | None, where: str, mkdocs_words: bool) -> None:
    """`briefing check` read mkdocs.yml alone: with every setting in the file `INHERIT`
    names, it reported the content folder missing and `attr_list` off, and the site built."""
    write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(config)
    for name, text in bases.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    # (MkDocs ends a loop of `INHERIT` in a traceback.)
    assert_same_verdict(tmp_path, code, where, mkdocs_words, build_may_crash=True)


def test_a_disabled_plugin_is_said_and_its_site_settings_not_judged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`enabled: false` leaves the plugin out of the site build: check still judges the
    content, but not the settings or pages only the plugin's pages need, and says so."""
    write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")  # the plugin's home page's place
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - briefing:\n      enabled: false\n")  # no attr_list
    monkeypatch.chdir(tmp_path)
    checked = CliRunner().invoke(main, ["check", "--strict"])
    assert checked.exit_code == 0, checked.output
    assert "leaves the briefing plugin out (`enabled: false`)" in checked.output
    assert mkdocs_build(tmp_path).returncode == 0
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins:\n  - briefing\n")
    checked = CliRunner().invoke(main, ["check", "--strict"])
    assert checked.exit_code == 1
    assert "[config-markdown-extension]" in checked.output
    assert "[page-collision]" in checked.output


def test_arithmatex_that_leaves_dollars_alone_passes_check_and_build(tmp_path: Path) -> None:
    write_tree(tmp_path / "content", minimal_corpus())
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(GOOD_CONFIG.replace(
        "markdown_extensions: [attr_list]",
        "markdown_extensions:\n  - attr_list\n  - pymdownx.arithmatex:\n      generic: true\n"
        "      inline_syntax: [round]\n      block_syntax: [square, begin]"))
    check = [sys.executable, "-m", "briefing", "check", "--strict"]
    checked = subprocess.run(check, cwd=tmp_path, capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0, checked.stderr
    built = mkdocs_build(tmp_path)
    assert built.returncode == 0, built.stderr
    claim = (tmp_path / "site" / "claims" / "widget-cost-5m" / "index.html").read_text(
        encoding="utf-8")
    assert "costs $5 million" in claim and "arithmatex" not in claim


def test_mkdocs_words_on_a_refused_setting_are_placed_at_its_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: S\nuse_directory_urls: maybe\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    said = ["Config value 'use_directory_urls': Expected type: <class 'bool'>",
            "Config value 'nav': not written", "Aborted with a configuration error!"]
    assert siteconfig.at_setting_lines(said, str(config)) == [
        "mkdocs.yml:2:1: Config value 'use_directory_urls': Expected type: <class 'bool'>",
        *said[1:]]
    assert siteconfig.at_setting_lines(said, None) == said
    assert siteconfig.at_setting_lines(said, str(tmp_path / "gone.yml")) == said


def test_a_site_language_written_as_its_name_is_named_at_its_key_with_its_tag(
        tmp_path: Path) -> None:
    """`locale: french` is reported at the `locale:` line, not at `theme:` eight lines
    above it, and the hint gives the tag meant."""
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\ntheme:\n  name: mkdocs\n  # its language:\n"
                      "  locale: french\n", encoding="utf-8")
    (found,) = config_problems(ALL, None, tmp_path / "content", config,
                               theme_language=("french", None))
    assert (found.code, found.pos.line, found.pos.col) == ("config-language", 5, 3)
    assert found.hint == "write fr, the tag of french"


def test_mkdocs_words_on_a_refused_locale_are_placed_at_the_locale(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs names the theme for a locale it does not know; serve's banner names the
    line of `locale:` itself, and the theme's for anything else about it."""
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: S\ntheme:\n  name: mkdocs\n  locale: englsh\n",
                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    said = ["Config value 'theme': Invalid value for locale: unknown locale 'englsh'",
            "Config value 'theme': Unrecognised theme name: 'mkdcos'."]
    assert siteconfig.at_setting_lines(said, str(config)) == [
        f"mkdocs.yml:4:3: {said[0]}", f"mkdocs.yml:2:1: {said[1]}"]


@pytest.mark.parametrize(("theme", "file"), [
    ("briefing", "assets/briefing.css"), ("briefing", "assets/favicon.svg"),
    ("mkdocs", "css/base.css"), ("material", None), ("briefing", None)])
def test_a_file_replacing_the_themes_own_is_refused_by_check_and_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: str, file: str | None) -> None:
    """MkDocs lets a file of docs_dir replace the theme's: a contributor's
    `assets/briefing.css` restyled (or hid) every page without a word, which a
    hand-written page's own styles may not. Check and build both refuse it; a file that
    could run a script there (the theme's `assets/briefing.js`) is left out instead, and
    the theme's kept (`page-runnable-file`)."""
    write_tree(tmp_path / "content", minimal_corpus())
    if file is None:  # the theme's main stylesheet, whatever its name
        folders = written_theme_folders({"name": theme}, tmp_path)[0]
        file = min(rel for folder in folders.dirs for rel in files_under(folder)
                   if rel.endswith(".css") and folders.publishes(rel))
    body = b'<svg xmlns="http://www.w3.org/2000/svg"/>' if file.endswith(".svg") \
        else b"body { display: none }"
    write_tree(tmp_path / "docs", {file: body, "assets/briefing.js": "alert(1)\n"})
    (tmp_path / "mkdocs.yml").write_text(GOOD_CONFIG + f"theme:\n  name: {theme}\n")
    monkeypatch.chdir(tmp_path)
    assert_same_verdict(tmp_path, "page-collision", f"docs/{file}", False)


# A hand-written file the build could not write: MkDocs stopped with a traceback
# (TemplateNotFound, FileExistsError) after writing part of the site.
UNWRITABLE = [
    ("docs/hi.md", "---\ntitle: Hi\ntemplate: nothere.html\n---\n# Hi\n",
     "page-template-missing", "docs/hi.md:3:11"),
    ("docs/404.html.md", "# Not found\n", "page-collision", "docs/404.html.md"),
    ("docs/sitemap.xml.md", "# Map\n", "page-collision", "docs/sitemap.xml.md"),
    ("docs/feed.xml/x.png", "png", "page-collision", "docs/feed.xml/x.png"),
    ("docs/claims", "notes\n", "page-collision", "docs/claims"),
]


@pytest.mark.parametrize("theme", ["briefing", "mkdocs", "material"])
@pytest.mark.parametrize(("file", "text", "code", "where"), UNWRITABLE,
                         ids=[case[0] for case in UNWRITABLE])
def test_a_file_the_build_could_not_write_is_refused_by_check_and_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: str, file: str, text: str,
        code: str, where: str) -> None:
    """Refused by both, at the file, before a page is written: the last site is kept."""
    write_tree(tmp_path / "content", minimal_corpus())
    write_tree(tmp_path / "docs", {"about.md": "# About\n"})
    (tmp_path / "mkdocs.yml").write_text(GOOD_CONFIG + f"theme:\n  name: {theme}\n")
    monkeypatch.chdir(tmp_path)
    assert mkdocs_build(tmp_path).returncode == 0
    before = snapshot(tmp_path / "site")
    write_tree(tmp_path, {file: text})
    assert_same_verdict(tmp_path, code, where, False)
    assert snapshot(tmp_path / "site") == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")]


# (files, extra_templates, where): what the search plugin writes (its index, after the
# pages) and the extra templates MkDocs renders (each at its entry in mkdocs.yml).
OTHER_WRITERS = {
    "index": ({"docs/search/search_index.json": "{}"}, "", "docs/search/search_index.json"),
    "index's folder": ({"docs/search": "notes\n"}, "", "docs/search"),
    "template": ({"docs/assets/briefing/problems.json": "{}", "docs/robots.txt": "x"},
                 "[robots.txt, assets/briefing/problems.json]", "mkdocs.yml:7:31"),
    "template at the index": ({"docs/search/search_index.json": "{}"},
                              "\n  - search/search_index.json", "mkdocs.yml:8:5"),
    # An HTML template is left out, as it could run a script: no clash at the setting.
    "runnable template": ({"docs/index.html": "<p>x</p>"}, "[index.html]", "docs/index.html"),
    "template clashing with nothing": ({"docs/robots.txt": "x"}, "[robots.txt]", None),
}


@pytest.mark.parametrize("case", sorted(OTHER_WRITERS))
def test_what_the_search_plugin_and_extra_templates_write_is_refused_by_check_and_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    """The search plugin writes its index over a file of docs_dir at its address; an extra
    template at a generated file's address replaces it, or is replaced. Refused by both,
    before a page is written: an extra template at its entry in `extra_templates`."""
    files, templates, where = OTHER_WRITERS[case]
    write_tree(tmp_path / "content", minimal_corpus())
    write_tree(tmp_path, {"docs/about.md": "# About\n", **files})
    (tmp_path / "mkdocs.yml").write_text(
        GOOD_CONFIG.replace("plugins:\n", "plugins:\n  - search\n")
        + (f"extra_templates: {templates}\n" if templates else ""))
    monkeypatch.chdir(tmp_path)
    assert_same_verdict(tmp_path, where and "page-collision", where or "", False)


@pytest.mark.parametrize("template", ["main.html", "./main.html", "page/notes.html",
                                      "404.html"])
def test_a_template_the_theme_has_passes_check_and_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: str) -> None:
    """Looked up as MkDocs looks: the site's `custom_dir` first, its subfolders too."""
    write_tree(tmp_path / "content", minimal_corpus())
    write_tree(tmp_path, {
        "docs/hi.md": f"---\ntemplate: {template}\n---\n# Hi\n",
        "overrides/page/notes.html": '{% extends "main.html" %}\n'})
    (tmp_path / "mkdocs.yml").write_text(
        GOOD_CONFIG + "theme:\n  name: mkdocs\n  custom_dir: overrides\n")
    monkeypatch.chdir(tmp_path)
    assert_same_verdict(tmp_path, None, "", False)


@pytest.mark.parametrize(("front", "col"), [("template:", 10), ("template: [a.html]", 11),
                                            ("template: ../main.html", 11)])
def test_a_template_named_as_no_template_is_refused_by_check_and_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, front: str, col: int) -> None:
    write_tree(tmp_path / "content", minimal_corpus())
    write_tree(tmp_path / "docs", {"hi.md": f"---\n{front}\n---\n# Hi\n"})
    (tmp_path / "mkdocs.yml").write_text(GOOD_CONFIG + "theme:\n  name: mkdocs\n")
    monkeypatch.chdir(tmp_path)
    assert_same_verdict(tmp_path, "page-template-missing", f"docs/hi.md:2:{col}", False)
