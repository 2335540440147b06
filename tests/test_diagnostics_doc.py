"""docs/diagnostics.md lists every diagnostic code with a real example: the input change
comes from the bad-input table and the output is what `briefing check` prints for it.

The part of the page between the two markers is generated; refresh it with
`pytest tests/test_diagnostics_doc.py --update-golden` and review the diff."""

from __future__ import annotations

import errno
import fcntl
import os
import re
from pathlib import Path
from typing import Any
from unittest import mock
from unittest.mock import patch

import pytest
from click.testing import CliRunner
from corpus_helpers import REPO, minimal_corpus, write_tree
from pdf_fixture import NOTE
from test_bad_inputs import CASES, Case, prepare, unreadable
from test_hostile_originals import endless_pdf

from briefing import extractapart, pipeline
from briefing.cli import main
from briefing.codes import CODES
from briefing.extract import installed_version
from briefing.schema_export import stale_schemas
from briefing.siteconfig import config_problems

DOC = REPO / "docs" / "diagnostics.md"
BEGIN = "<!-- generated from briefing/codes.py and tests/test_bad_inputs.py: begin -->"
END = "<!-- generated: end -->"
LONG = 160  # longer inputs are shown shortened


def test_every_code_the_package_can_report_is_registered() -> None:
    """Codes are plain strings in the stages; find each one written beside error()/warning()
    or in a (code, message, hint) table, and require a registry entry for it."""
    found: set[str] = set()
    for path in (REPO / "briefing").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'(?:error|warning|fail)\([^()"]*?"([a-z]+(?:-[a-z0-9]+)+)"',
                                text, flags=re.S))
        found |= set(re.findall(r'\("((?:yaml|text|content)-[a-z-]+)",', text))
    assert found, "the scan found no codes at all"
    assert found <= set(CODES), f"unregistered: {sorted(found - set(CODES))}"


def test_every_code_has_an_example() -> None:
    cased = {case.code for case in CASES} | set(SPECIAL)
    assert set(CODES) <= cased, f"no example for: {sorted(set(CODES) - cased)}"


def test_the_diagnostics_page_is_current(request: pytest.FixtureRequest,
                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    fresh = generated_part(tmp_path_factory)
    page = DOC.read_text(encoding="utf-8")
    assert BEGIN in page and END in page, f"{DOC} lost its markers"
    head, rest = page.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    updated = f"{head}{BEGIN}\n{fresh}{END}{tail}"
    if request.config.getoption("--update-golden"):
        DOC.write_text(updated, encoding="utf-8", newline="\n")
        return
    assert page == updated, "docs/diagnostics.md is stale; see --update-golden"


# --- building the page ---------------------------------------------------------------------


def _content_missing(tmp: Path) -> tuple[str, str]:
    result = CliRunner().invoke(main, ["check", "--content", str(tmp / "content")])
    output = "\n".join(line for line in result.output.splitlines()
                       if "content-missing" in line or line.startswith("    hint: "))
    return ("`briefing check` run where there is no `content/` folder.",
            output.replace(tmp.as_posix() + "/", "") + "\n")


def _page_collision(tmp: Path) -> tuple[str, str]:
    write_tree(tmp / "content", {**minimal_corpus(), "pages/claims.md": "# Mine\n"})
    (tmp / "mkdocs.yml").write_text("site_name: Briefing\ndocs_dir: content/pages\n"
                                    "plugins:\n  - briefing\nmarkdown_extensions: [attr_list]\n")
    result = CliRunner().invoke(main, ["check", "--config-file", str(tmp / "mkdocs.yml")])
    return ("A hand-written `content/pages/claims.md` (published at `claims/`) beside the "
            "generated claims index, reported by `briefing check` and `mkdocs build`.",
            _only("page-collision", result.output).replace(tmp.as_posix() + "/", ""))


def _internal_error(tmp: Path) -> tuple[str, str]:
    content = write_tree(tmp / "content", minimal_corpus())

    def fault(*args: object) -> None:
        raise RuntimeError("a fault standing in for a bug")

    with patch.object(pipeline, "link", fault):
        result = CliRunner().invoke(main, ["check", "--content", str(content)])
    output = "\n".join(line for line in result.output.splitlines()
                       if "[internal-error]" in line or line.startswith("    hint: "))
    return ("`briefing check` with a fault injected into the link stage; the traceback "
            "printed before it is left out here.",
            output.replace(tmp.as_posix() + "/", "") + "\n")


def _output_not_folder(tmp: Path) -> tuple[str, str]:
    content = write_tree(tmp / "content", minimal_corpus())
    (tmp / "site").write_text("a file\n")
    result = CliRunner().invoke(main, ["build", "--content", str(content),
                                       "--out", str(tmp / "site" / "md")])
    assert result.exit_code == 2, result.output
    return ("`briefing build --out site/md` where `site` is a file.",
            _only("output-not-folder", result.output).replace(tmp.as_posix() + "/", ""))


def _output_busy(tmp: Path) -> tuple[str, str]:
    content = write_tree(tmp / "content", minimal_corpus())
    fd = os.open(tmp / ".out.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as the other build holds it
    try:
        result = CliRunner().invoke(main, ["build", "--content", str(content),
                                           "--out", str(tmp / "out")])
    finally:
        os.close(fd)
    return ("`briefing build --out out` while another build is writing `out`.",
            _only("output-busy", result.output).replace(tmp.as_posix() + "/", ""))


def _output_unwritable(tmp: Path) -> tuple[str, str]:
    content = write_tree(tmp / "content", minimal_corpus())
    (tmp / "site").mkdir()
    lock = tmp / "site" / ".out.lock"
    real = os.open

    def refusing(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path) == lock:  # as `chmod a-w site` refuses anyone but root
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real(path, *args, **kwargs)

    with mock.patch("os.open", refusing):
        result = CliRunner().invoke(main, ["build", "--content", str(content),
                                           "--out", str(tmp / "site" / "out")])
    return ("`briefing build --out site/out` where `site` is read-only to the user.",
            _only("output-unwritable", result.output).replace(tmp.as_posix() + "/", ""))


def _only(code: str, output: str) -> str:
    lines = output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith(f"[{code}]"))
    return "\n".join(lines[at:at + 2]) + "\n"



def _markdown_extension(tmp: Path) -> tuple[str, str]:
    config = tmp / "mkdocs.yml"
    config.write_text("site_name: Briefing\nplugins:\n  - briefing\n"
                      "markdown_extensions:\n  - toc\n", encoding="utf-8")
    # MkDocs always adds toc, tables and fenced_code; attr_list is the one to ask for.
    (found,) = config_problems(["toc", "tables", "fenced_code"], tmp / "docs",
                               tmp / "content", config)
    return ("an mkdocs.yml without `attr_list`, reported by `mkdocs build` before anything "
            "is built.", found.format().replace(tmp.as_posix() + "/", "") + "\n")


def _folder(tmp: Path) -> tuple[str, str]:
    config = tmp / "mkdocs.yml"
    config.write_text("site_name: Briefing\ndocs_dir: .\nplugins:\n  - briefing\n",
                      encoding="utf-8")
    (found,) = config_problems(["attr_list", "toc", "tables"], tmp, tmp / "content", config)
    return ("`docs_dir: .` beside `content/`, reported by `mkdocs build` before anything is "
            "built.", found.format().replace(tmp.as_posix() + "/", "")
            .replace(tmp.as_posix(), ".") + "\n")


def _language(tmp: Path) -> tuple[str, str]:
    config = tmp / "mkdocs.yml"
    config.write_text("site_name: Briefing\ntheme:\n  name: briefing\n  language: English\n"
                      "plugins:\n  - briefing\n", encoding="utf-8")
    (found,) = config_problems(["attr_list", "toc", "tables"], None, tmp / "content", config,
                               theme_language=(None, "English"))
    return ("`language: English` under `theme:`, reported by `mkdocs build` before anything "
            "is built.", found.format().replace(tmp.as_posix() + "/", "") + "\n")


def _stale_schema(tmp: Path) -> tuple[str, str]:
    (tmp / "schemas").mkdir()
    (tmp / "schemas" / "brief.schema.json").write_text("{}\n", encoding="utf-8")
    (found,) = stale_schemas(tmp / "schemas")
    return ("`schemas/brief.schema.json` left by an older version, found by `briefing check` "
            "(run where mkdocs.yml is).", found.format().replace(tmp.as_posix() + "/", "")
            .replace(tmp.as_posix(), ".") + "\n")


def _original_limit(tmp: Path) -> tuple[str, str]:
    content = write_tree(tmp / "content", minimal_corpus())
    added = CliRunner().invoke(main, ["new", str(NOTE), "--content", str(content),
                                      "--id", "added"])
    assert added.exit_code == 0, added.output
    (content / "sources" / "added.pdf").write_bytes(endless_pdf())
    with patch.object(extractapart, "SECONDS", 1):
        result = CliRunner().invoke(main, ["check", "--content", str(content)])
    return ("`briefing check` where `sources/added.pdf` was replaced with a PDF of 16 KB whose "
            "2,000 pages draw one stream of text (some minutes of work), the limit lowered "
            "to one second for the example.",
            _only("source-original-limit", result.output).replace(tmp.as_posix() + "/", ""))


SPECIAL = {"content-missing": _content_missing, "page-collision": _page_collision,
           "schema-stale": _stale_schema,
           "config-markdown-extension": _markdown_extension, "config-folder": _folder,
           "config-language": _language,
           "internal-error": _internal_error,
           "output-not-folder": _output_not_folder, "output-busy": _output_busy,
           "output-unwritable": _output_unwritable,
           "source-original-limit": _original_limit}


def generated_part(factory: pytest.TempPathFactory) -> str:
    lines = ["| code | severity | meaning |", "|---|---|---|"]
    lines += [f"| [`{c.name}`](#{c.name}) | {c.severity} | {c.meaning} |"
              for c in CODES.values()]
    lines.append("")
    for code in CODES.values():
        lines += [f"### `{code.name}`", "",
                  f"**{str(code.severity).capitalize()}.** {code.meaning}", "",
                  f"**Fix:** {code.fix}", ""]
        tmp = factory.mktemp(code.name)
        if code.name in SPECIAL:
            said, output = SPECIAL[code.name](tmp)
        else:
            case = next(c for c in CASES if c.code == code.name)
            said, output = _describe(case), _output(case, tmp)
        lines += [f"Example: {said}", "", "```text", output.rstrip("\n"), "```", ""]
    return _without_installed_versions("\n".join(lines) + "\n")


def _without_installed_versions(text: str) -> str:
    """The extractor's version stands in the examples as `X.Y.Z`, so a new release of it
    does not make the page stale."""
    return text.replace(f"trafilatura {installed_version('trafilatura')}", "trafilatura X.Y.Z"
                        ).replace(f'version: "{installed_version("trafilatura")}"',
                                  'version: "X.Y.Z"')


def _output(case: Case, tmp: Path) -> str:
    content, options = prepare(case, tmp)
    with unreadable(case, content):
        result = CliRunner().invoke(main, ["check", *options])
    shown: list[str] = []
    keep = False
    for line in result.output.splitlines():
        if line.startswith("    hint: "):
            if keep:
                shown.append(line)
            continue
        keep = f"[{case.code}]" in line and not shown
        if keep:
            shown.append(line)
    assert shown, f"{case.id}: no {case.code} in {result.output}"
    return "\n".join(shown).replace(tmp.as_posix() + "/", "") + "\n"


def _show(text: str | bytes) -> str:
    shown = repr(text) if isinstance(text, bytes) else text
    if len(shown) > LONG:
        shown = f"{shown[:60]}… ({len(text):,} characters in all)"
    return shown


def _describe(case: Case) -> str:
    parts = []
    for file, old, new in case.edits:
        parts.append(f"in `content/{file}`, `{_inline(old)}` changed to `{_inline(new)}`")
    for file, data in case.files:
        parts.append(f"`content/{file}` deleted" if data is None
                     else f"`content/{file}` holding `{_inline(data)}`")
    for link, target in case.links:
        parts.append(f"`content/{link}` a symbolic link to `{target}` beside content/")
    for link, target in case.raw_links:
        parts.append(f"`content/{link}` a symbolic link holding `{target}`")
    parts += [f"`content/{fifo}` a named pipe (`mkfifo`)" for fifo in case.fifos]
    parts += [f"`content/{path}` unreadable (`chmod 000`)" for path in case.unreadable]
    if case.config and "severity:\n" in case.config:
        severity = case.config.split("severity:\n", 1)[1].strip()
        parts.append(f"mkdocs.yml with `severity: {{{severity}}}` in the briefing plugin's "
                     "options")
    elif case.config and "- briefing:\n" not in case.config:
        parts.append(f"mkdocs.yml holding `{_inline(case.config)}`")
    elif case.config:
        options = case.config.split("- briefing:\n", 1)[1].split("\n")
        listed = " and ".join(f"`{option.strip()}`" for option in options if option.strip())
        parts.append(f"mkdocs.yml with {listed} in the briefing plugin's options")
    return f"{case.id} — " + "; ".join(parts) + "."


def _inline(text: str | bytes) -> str:
    return _show(text).replace("\n", "⏎").replace("`", "'").replace("\t", "⇥")
