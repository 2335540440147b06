"""Severity settings and strictness, in the plugin's options in mkdocs.yml: the same rules
for `briefing check` (a pre-commit hook) and for `mkdocs build`."""

from __future__ import annotations

import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_helpers import REPO, minimal_corpus, snapshot, write_tree

from briefing.cli import main
from briefing.codes import CODES
from briefing.collisions import hand_written, page_collisions
from briefing.configyaml import MAX_VALUES
from briefing.diagnostics import Pos, Severity, error, warning
from briefing.settings import PICKER_MODES, Policy, parse_options, parse_policy, read_plugin_options

# A claim no quote mentions: a warning (claim-unsourced) in an otherwise clean corpus.
ORPHAN = ("\n  - id: orphan\n    statement: \"Nobody says this.\"\n    status: reported\n"
          "    events:")


def corpus_with_warning() -> dict[str, str | bytes]:
    files = minimal_corpus()
    files["claims.yml"] = str(files["claims.yml"]).replace("\n    events:", ORPHAN, 1)
    return files


def mkdocs_yml(options: str = "") -> str:
    return ("site_name: Test\n"
            "site_url: !ENV [BRIEFING_SITE_URL, '']\n"
            f"theme:\n  name: null\n  custom_dir: {REPO / 'theme'}\n"
            "docs_dir: pages\n"
            "plugins:\n  - briefing:\n      content_dir: content\n" + options
            + "markdown_extensions: [attr_list]\n")


def project(tmp_path: Path, options: str = "", files: dict[str, str | bytes] | None = None,
            pages: dict[str, str | bytes] | None = None) -> Path:
    write_tree(tmp_path / "content", files if files is not None else minimal_corpus())
    write_tree(tmp_path / "pages", pages or {"about.md": "# About\n"})
    config = tmp_path / "mkdocs.yml"
    config.write_text(mkdocs_yml(options))
    return config


def check(config: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--config-file", str(config), *args])
    return result.exit_code, result.output


def mkdocs_build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config),
                           "-d", str(site)], capture_output=True, text=True, timeout=300,
                          check=False, cwd=config.parent)


# --- the policy itself ----------------------------------------------------------------------

W = warning(Pos("claims.yml", 3, 5), "claim-unsourced", "no quote", "link one")
E = error(Pos("claims.yml", 4, 5), "quote-not-found", "not found", "copy it")


def test_a_warning_can_be_raised_or_ignored_and_errors_stay() -> None:
    raised = Policy({"claim-unsourced": "error"}).apply([W, E])
    assert [d.severity for d in raised] == [Severity.ERROR, Severity.ERROR]
    assert Policy({"claim-unsourced": "ignore"}).apply([W, E]) == (E,)
    assert Policy().apply([W]) == (W,)
    assert not Policy().failed([W])
    assert Policy(strict=True).failed([W])


@pytest.mark.parametrize(("severity", "message"), [
    ({"claim-unsorced": "error"}, "did you mean 'claim-unsourced'?"),
    ({"quote-not-found": "warning"}, "'quote-not-found' is an error and cannot be lowered"),
    ({"quote-not-found": "ignore"}, "'quote-not-found' is an error and cannot be lowered"),
    ({"claim-unsourced": "fatal"}, "'fatal' is not a severity"),
    (["claim-unsourced"], "must be a mapping"),
])
def test_bad_severity_settings_are_errors(severity: object, message: str) -> None:
    policy, problems = parse_policy(severity)
    assert len(problems) == 1
    assert message in problems[0].format()
    assert problems[0].code == "config-severity"
    assert policy.severity == {}


def test_raising_an_error_to_error_is_allowed() -> None:
    assert parse_policy({"quote-not-found": "error"})[1] == ()


def test_options_are_read_with_positions_and_mkdocs_tags_left_alone(tmp_path: Path) -> None:
    config = project(tmp_path, "      strict: true\n      severity:\n"
                               "        claim-unsourced: ignore\n")
    options, problems = read_plugin_options(config)
    assert problems == ()
    assert options.values == {"content_dir": "content", "strict": True,
                              "severity": {"claim-unsourced": "ignore"}}
    assert str(options.where("severity.claim-unsourced")) == f"{config.as_posix()}:12:9"
    assert str(options.where("strict")) == f"{config.as_posix()}:10:7"


def test_a_plugin_listed_without_options_has_none(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - search\n  - briefing\n")
    assert read_plugin_options(config)[0].values == {}
    config.write_text("site_name: x\nplugins:\n  briefing: {strict: true}\n")
    assert read_plugin_options(config)[0].values == {"strict": True}


def test_a_wrong_quote_picker_is_told_every_mode() -> None:
    _, (problem,) = parse_options({"quote_picker": "sometimes"},
                                  lambda _: Pos("mkdocs.yml", 4, 7))
    assert all(f"`{mode}`:" in problem.hint for mode in PICKER_MODES), problem.hint


# Anchors the entries below merge or point at, as a site would keep them under `extra:`.
DEFAULTS = ("site_name: x\nextra:\n  defaults: &defaults {title: Merged, strict: true}\n"
            "  more: &more {title: More, hedges: {possibility: [conceivably]}}\nplugins:\n")
# The briefing plugin as listed under `plugins:`: each is read as MkDocs' loader reads it.
ENTRIES = [
    "  - briefing:\n      title: 5\n      content_dir: 123\n      quote_picker: sometimes\n",
    "  - briefing:\n      title: 2025-01-02\n      strict: yes\n"
    "      hedges: {approximate: [1, 1.5, '2', ~, 0x1F, 1_000]}\n",
    "  - briefing:\n      title: '5'\n      content_dir: !!str 0x1F\n      severity: {1: error}\n",
    "  - briefing:\n      content_dir:\n      title: ~\n      hedges:\n",
    "  - briefing: 0\n", "  - briefing: []\n", "  - briefing:\n", "  - /briefing: {strict: on}\n",
    "  - briefing:\n      <<: *defaults\n      title: Own\n",
    "  - briefing:\n      <<: [*more, *defaults]\n",
    "  - briefing:\n      strict: !ENV [BRIEFING_TEST_SET, sometimes]\n"
    "      title: !ENV BRIEFING_TEST_UNSET\n",
    "  - briefing:\n      strict: !ENV [BRIEFING_TEST_UNSET, BRIEFING_TEST_SET, 'no']\n",
    "  - briefing:\n      hedges: &h {approximate: [x]}\n      severity: *h\n",
    "  - briefing:\n      severity: &s {<<: *s, a: b}\n",  # PyYAML drops the merge first
    "  briefing:\n    title: A\n  search: {}\n  briefing:\n    title: B\n",
]


def as_mkdocs_reads(config: Path) -> object:
    """The options MkDocs gives the plugin (`config_options.Plugins`), the last listed."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    with config.open("rb") as file:
        plugins = yaml_load(file, get_yaml_loader())["plugins"]
    listed = plugins.items() if isinstance(plugins, dict) else [
        next(iter(item.items())) if isinstance(item, dict) else (item, None) for item in plugins]
    return [options for name, options in listed if name.lstrip("/") == "briefing"][-1] or {}


@pytest.mark.parametrize("entry", ENTRIES)
def test_options_are_the_values_mkdocs_gives_the_plugin(
        tmp_path: Path, entry: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """YAML 1.1's types (`5`, `yes`, `2025-01-02`, `~`), merge keys, aliases and `!ENV`,
    as MkDocs' loader reads them: `briefing check` judges the values `mkdocs build` does."""
    monkeypatch.setenv("BRIEFING_TEST_SET", "true")
    monkeypatch.delenv("BRIEFING_TEST_UNSET", raising=False)
    config = tmp_path / "mkdocs.yml"
    config.write_text(DEFAULTS + entry)
    options, problems = read_plugin_options(config)
    assert options.values == as_mkdocs_reads(config)
    assert [p.code for p in problems] == (["config-plugin-twice"] if "search" in entry else [])


def laughs(levels: int) -> str:
    """A billion laughs in the `hedges` option: `levels` lists of ten aliases each."""
    lines = ["        a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"        a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, levels)]
    return ("site_name: x\nplugins:\n  - briefing:\n      title: Laughs\n      hedges:\n"
            + "\n".join(lines) + "\n")


def test_a_billion_laughs_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    # Ten million words in 8 lines (the same bound stops a billion); before the bound,
    # reading them took 6 GB. Few enough that a regression fails rather than hangs. The
    # memory is held to a bound, not the time: a test's time depends on what runs beside
    # it, and words expanded without bound would take the memory too.
    config.write_text(laughs(7))
    tracemalloc.start()
    try:
        options, problems = read_plugin_options(config)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000
    (problem,) = problems
    assert str(problem.pos) == f"{config.as_posix()}:5:7"  # at `hedges:`
    assert problem.code == "config-option-too-large"
    assert f"more than {MAX_VALUES:,} values" in problem.message
    assert f"{MAX_VALUES:,}" in CODES["config-option-too-large"].meaning
    # The other options stand; the one too large is judged no further.
    assert options.values == {"title": "Laughs"} and options.broken == {"hedges"}
    assert not options.unknown()


@pytest.mark.parametrize(("entry", "code", "where", "words"), [
    ("hedges: &h {approximate: *h}", "config-alias-loop", "4:19",
     "`*h` in the `hedges` option stands for a value it is inside (anchored at line 4, "
     "column 15)"),
    ("hedges: &h [x, *h]", "config-alias-loop", "4:7", "`*h` in the `hedges` option"),
    ("hedges: " + "[" * 45 + "]" * 45, "yaml-too-deep", "4:55", "nests deeper than 40 levels"),
    ("strict: !!int maybe", "yaml-syntax", "4:15", "'maybe' cannot be read as `!!int`"),
    ("hedges: {? [a]: [b]}", "yaml-complex-key", "4:18", "a key must be plain text"),
    ("hedges: {<<: [1]}", "yaml-syntax", "4:21",
     "YAML cannot merge this: expected a mapping for merging"),
])
def test_an_option_that_cannot_be_read_is_a_positioned_error(
        tmp_path: Path, entry: str, code: str, where: str, words: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nplugins:\n  - briefing:\n      {entry}\n")
    options, problems = read_plugin_options(config)
    assert [(p.code, str(p.pos)) for p in problems] == [(code, f"{config.as_posix()}:{where}")]
    assert words in problems[0].message
    assert options.broken == {entry.split(":")[0]}


def test_mkdocs_yml_nested_too_deep_for_yaml_is_an_error_not_a_traceback(
        tmp_path: Path) -> None:
    config = project(tmp_path)
    config.write_text(config.read_text() + "extra: " + "[" * 2000 + "]" * 2000 + "\n")
    code, output = check(config)
    assert code == 1
    assert "mkdocs.yml nests its values too deeply for YAML to read [yaml-too-deep]" in output


# --- briefing check ----------------------------------------------------------------------


def test_check_reads_the_content_folder_from_mkdocs_yml(tmp_path: Path) -> None:
    code, output = check(project(tmp_path))
    assert code == 0, output
    assert "ok: " in output and "pages would be built" in output


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    config = project(tmp_path, files=corpus_with_warning())
    code, output = check(config)
    # "ok" alone would read as no problem where the warnings are shown apart (stderr).
    assert code == 0 and "ok, with 1 warning: " in output, output
    assert check(config, "--strict")[0] == 1


def test_strict_in_mkdocs_yml_fails_on_warnings(tmp_path: Path) -> None:
    config = project(tmp_path, "      strict: true\n", files=corpus_with_warning())
    code, output = check(config)
    assert code == 1
    assert "[claim-unsourced]" in output and "(strict)" in output


def test_an_ignored_warning_is_not_reported(tmp_path: Path) -> None:
    config = project(tmp_path, "      severity: {claim-unsourced: ignore}\n",
                     files=corpus_with_warning())
    code, output = check(config, "--strict")
    assert code == 0, output
    assert "claim-unsourced" not in output


def test_a_missing_config_file_is_a_usage_error(tmp_path: Path) -> None:
    assert check(tmp_path / "nope.yml")[0] == 2


# --- mkdocs build --------------------------------------------------------------------------


def test_the_plugin_applies_the_same_policy(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_tree(site, {"index.html": "last good site\n"})
    config = project(tmp_path, "      severity: {claim-unsourced: error}\n",
                     files=corpus_with_warning())
    before = snapshot(tmp_path / "content")
    result = mkdocs_build(config, site)
    assert result.returncode != 0
    assert "content/claims.yml:12:5: error: no quote asserts" in result.stderr
    assert (site / "index.html").read_text() == "last good site\n"
    assert snapshot(tmp_path / "content") == before


def test_the_plugin_reports_a_bad_setting_with_its_position(tmp_path: Path) -> None:
    config = project(tmp_path, "      severity:\n        quote-not-found: ignore\n")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    # Named relative to where MkDocs runs, as `briefing check` names it.
    assert (" mkdocs.yml:11:9: error: 'quote-not-found' is an error and cannot be "
            "lowered [config-severity]") in result.stderr


def test_an_ignored_warning_lets_the_strict_build_pass(tmp_path: Path) -> None:
    config = project(tmp_path, "      severity: {claim-unsourced: ignore}\n",
                     files=corpus_with_warning())
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                             str(config), "-d", str(tmp_path / "site")], capture_output=True,
                            text=True, timeout=300, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "claims" / "orphan" / "index.html").is_file()


# --- hand-written pages that would overwrite generated ones --------------------------------


def test_collisions_are_found_without_case_and_after_normalisation() -> None:
    generated = {"claims/index.html": "claims/index.md", "café/index.html": "x.md"}
    found = page_collisions(generated, {"Claims/index.html": "Claims/index.md",
                                        "cafe\u0301/index.html": "y.md",
                                        "about/index.html": "about.md"}, "pages")
    assert [str(d.pos) for d in found] == ["pages/Claims/index.md", "pages/y.md"]
    assert "differ only in case" in found[0].message


@pytest.mark.parametrize("page", ["claims.md", "Claims/index.md", "figures/index.md"])
def test_a_hand_written_page_cannot_replace_a_generated_one(tmp_path: Path, page: str) -> None:
    site = tmp_path / "site"
    write_tree(site, {"index.html": "last good site\n"})
    config = project(tmp_path, pages={"about.md": "# About\n", page: "# Mine\n"})
    result = mkdocs_build(config, site)
    assert result.returncode != 0
    assert f"pages/{page}: error: this page would be published at" in result.stderr
    assert "[page-collision]" in result.stderr
    assert (site / "index.html").read_text() == "last good site\n"


def test_docs_dir_is_listed_as_mkdocs_lists_it(tmp_path: Path) -> None:
    """`briefing check` lists docs_dir itself: the same files at the same site paths as
    MkDocs' listing, which the plugin compares (links to folders followed; an index
    before a README, two files for one path; hidden files, which no generated file
    meets, left out)."""
    from mkdocs.structure.files import get_files

    docs = write_tree(tmp_path / "pages", {
        "index.md": "", "README.md": "", "feed.xml": "", "notes.markdown": "",
        "claims/README.md": "", "claims.md": "", "a/b/index.md": "", "a/b.md": "",
        "assets/briefing/all-pages.css": "", ".hidden.md": "", ".git/x.md": "",
        "templates/t.md": ""})
    write_tree(tmp_path / "elsewhere", {"index.md": "", "deeper/x.md": ""})
    (docs / "map").symlink_to(tmp_path / "elsewhere")
    (docs / "a" / "b" / "up").symlink_to(docs / "a")  # MkDocs would list this for ever
    for directory_urls in (True, False):
        theirs = {f.dest_uri: f.src_uri for f in get_files({  # type: ignore[arg-type]
            "docs_dir": str(docs), "site_dir": str(tmp_path / "site"),
            "use_directory_urls": directory_urls}) if "/up/" not in f.src_uri}
        ours = hand_written(docs, directory_urls=directory_urls)
        assert ours == {dest: src for dest, src in theirs.items()
                        if not any(part.startswith(".") for part in src.split("/"))}
        assert ours["index.html"] == "index.md"  # ("README.md" sorts first)


COLLIDING = {"index.md": "# Mine\n", "briefs/widget.md": "# Mine\n", "feed.xml": "<feed/>\n",
             "assets/briefing/all-pages.css": "p {}\n", "claims/README.md": "# Mine\n",
             "Entities/index.md": "# Mine\n", "assets/briefing/picker.js": "\n",
             "about.md": "# About\n",
             # Where the site needs a folder, or inside a file's address (MkDocs' sitemap).
             "timeline": "notes\n", "sitemap.xml.md": "# Map\n",
             "assets/briefing/features.js/map.png": "png"}


@pytest.mark.parametrize("theme", ["name: briefing", "name: mkdocs\n  pagefind: true",
                                   "name: mkdocs"])
def test_pages_in_the_search_index_folder_collide_under_a_theme_with_pagefind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: str) -> None:
    """`mkdocs build` writes Pagefind's `pagefind/` whole, over what was published there."""
    config = project(tmp_path, pages={"about.md": "# About\n", "PageFind/notes.md": "# N\n",
                                      "pagefind/data.json": "{}\n"})
    config.write_text(config.read_text().replace(
        f"theme:\n  name: null\n  custom_dir: {REPO / 'theme'}\n", f"theme:\n  {theme}\n"))
    monkeypatch.chdir(tmp_path)
    checked = CliRunner().invoke(main, ["check", "--config-file", "mkdocs.yml"])
    built = mkdocs_build(config, tmp_path / "site")
    found = re.findall(r"^(pages/\S+): error: .*inside the folder 'pagefind/'", checked.output,
                       flags=re.M)
    if theme == "name: mkdocs":  # no Pagefind, nothing replaced
        assert (checked.exit_code, built.returncode, found) == (0, 0, []), checked.output
        assert (tmp_path / "site" / "pagefind" / "data.json").is_file()
        return
    assert found == ["pages/PageFind/notes.md", "pages/pagefind/data.json"]
    assert checked.exit_code == 1 and built.returncode == 1
    for line in checked.output.splitlines():
        if "[page-collision]" in line:
            assert line in built.stderr


@pytest.mark.parametrize("picker", ["serve", "always"])
def test_check_reports_the_collisions_the_site_build_reports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, picker: str) -> None:
    """Hand-written files that a generated page, the feed or one of the plugin's own files
    would replace: the same lines from `briefing check` as from `mkdocs build`."""
    config = project(tmp_path, f"      quote_picker: {picker}\n", pages=COLLIDING)
    write_tree(tmp_path / "pages" / "elsewhere", {"index.md": "# Mine\n"})
    (tmp_path / "pages" / "map").symlink_to(tmp_path / "pages" / "elsewhere")  # followed
    monkeypatch.chdir(tmp_path)
    checked = CliRunner().invoke(main, ["check", "--config-file", "mkdocs.yml"])
    built = mkdocs_build(config, tmp_path / "site")
    assert checked.exit_code == 1 and built.returncode == 1

    def collisions(output: str) -> list[str]:
        return re.findall(r"(pages/\S+: error: .*\[page-collision\])$", output, flags=re.M)

    expected = {f"pages/{name}" for name in COLLIDING if name != "about.md"}
    if picker != "always":  # no picker, no picker.js to replace
        expected.remove("pages/assets/briefing/picker.js")
    assert {line.split(":")[0] for line in collisions(checked.output)} \
        == expected | {"pages/map/index.md"}
    assert collisions(checked.output) == collisions(built.stderr)
    assert ("pages/feed.xml: error: this file would be published at 'feed.xml', the address "
            "of the generated file 'feed.xml' [page-collision]") in checked.output
