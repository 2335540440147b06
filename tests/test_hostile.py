"""Attack strings in every text field must reach the built HTML as inert text."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import markdown
import pytest
import yaml
from corpus_helpers import REPO, minimal_corpus, write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data
from serving import fetch, served, wait_for

from briefing import model, pipeline, schema
from briefing.codes import CODES
from briefing.pagesafety import HINT, unsafe_markup
from briefing.problems import problems_page
from briefing.safehtml import clean_page, runnable_file, themed_page
from briefing.urls import normalise

ATTACK = '<script>alert(1)</script><img src=x onerror=alert(2)>{: onclick=alert(3) }'
ARTICLE = (f"Acme says {ATTACK} and more.\nJane Doe said the widget is [x](javascript:alert(4)).\n"
           "Junk <svg onload=alert(5)>[y](javascript:alert(6))*z*`c`\n")
EMOJI = "\U0001F600"  # beyond U+FFFF: JSON and YAML escape it differently
# An address with every character that could end a Markdown link or an HTML attribute,
# or open a tag, a link or an attribute list; no white space, so it is accepted.
URL = ('https://news.example/a)<svg/onload=alert(7)>"onmouseover="alert(8)\'x'
       "[y](javascript:alert(9)){:onclick=alert(10)}*_`|!")


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "srcdoc", "poster",
                  "background", "data")
# A browser drops white space and control characters in and around a scheme.
_SCRIPT_URL = re.compile(r"^[\x00-\x20]*(j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|"
                         r"d\s*a\s*t\s*a|v\s*b\s*s\s*c\s*r\s*i\s*p\s*t)\s*:", re.I)


class LiveCode(HTMLParser):
    """Flags anything that could run: inline scripts (except structured data that parses
    as JSON), event-handler attributes and script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.data_blocks: list[object] = []
        self._in_data: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            found = dict(attrs)
            src = found.get("src") or ""
            if found.get("type") == "application/ld+json" and "src" not in found:
                self._in_data = []
            elif not src or "alert" in src:
                self.problems.append(f"inline script {attrs}")
        if tag in ("iframe", "object", "embed", "base", "frame", "frameset", "applet",
                   "style", "animate", "set"):
            self.problems.append(f"<{tag}> element")
        found = dict(attrs)
        if tag == "meta" and (found.get("http-equiv") or "").lower() == "refresh":
            self.problems.append(f"<meta refresh {found.get('content')!r}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value and _SCRIPT_URL.match(value):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("style", "srcset") and value and re.search(
                    r"expression\s*\(|javascript:|url\s*\(", value, re.I):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data: str) -> None:
        if self._in_data is not None:
            self._in_data.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_data is not None:
            text = "".join(self._in_data)
            self._in_data = None
            try:
                self.data_blocks.append(json.loads(text))
            except ValueError:
                self.problems.append(f"ld+json block that is not JSON: {text[:80]!r}")


def scan(html: str) -> LiveCode:
    parser = LiveCode()
    parser.feed(html)
    parser.close()
    return parser


def test_the_scanner_accepts_only_json_data_blocks() -> None:
    good = scan('<script type="application/ld+json">{"a": "\\u003c/script\\u003e"}</script>')
    assert not good.problems and good.data_blocks == [{"a": "</script>"}]
    # A JSON block cut short by `</script>` in its text is no longer JSON, and what
    # follows it is a live script: both are caught.
    broken = scan('<script type="application/ld+json">{"a": "</script><script>alert(1)'
                  '</script>"}</script>')
    assert len(broken.problems) == 2, broken.problems
    for live in ('<script>alert(1)</script>', '<script type="module">x()</script>',
                 '<script type="application/ld+json" src="alert(1)"></script>',
                 '<img src=x onerror=alert(2)>', '<a href="javascript:alert(4)">x</a>',
                 '<a href=" jav&#x09;ascript:alert(4)">x</a>', '<iframe src=x></iframe>',
                 '<form action="vbscript:x">', '<base href="https://evil.example/">',
                 '<svg><a xlink:href="data:text/html,x">y</a></svg>',
                 '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
                 '<p style="background:url(javascript:alert(1))">', '<style>a{}</style>',
                 '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>'):
        assert scan(live).problems, live


def test_hostile_strings_render_inert(tmp_path: Path) -> None:
    t = ATTACK.replace('"', "'")
    files = {
        "sources/hostile.txt": ARTICLE,
        "sources/hostile.yml": f'title: "{t} title"\nnote: "{t} note"\n'
                               f"url: '{URL.replace(chr(39), chr(39) * 2)}'\n"
                               f'outlet: "{t} outlet"\n'
                               f'published: {{date: "2025", inferred: true, basis: "{t} ['
                               f'x](x \'a onmouseover=alert(11) b\')"}}\n'
                               "cleaning:\n  remove: ['<svg onload=alert(5)>[y](javascript:"
                               "alert(6))*z*`c`']\n"
                               f"quotes:\n"
                               f'  - id: q1\n    text: "{t}"\n    note: "{t}"\n'
                               f"    asserts: [c1]\n    speaker: e1\n"
                               f'  - id: q2\n    text: "[x](javascript:alert(4))"\n'
                               f"    doubts: [c1]\n",
        "claims.yml": f'claims:\n  - id: c1\n    statement: "{t} statement {EMOJI}"\n'
                      f'    claimant: e1\n    status: disputed\n    topics: [x]\n'
                      f'    note: "{t} [[entity:e1|{t}]]"\n'
                      f'    figures:\n      - {{metric: m1, value: 1, unit: "<i onclick=x>", '
                      f'scope: "{t}"}}\n'
                      f'    events:\n      - {{what: "{t} event", when: "2025"}}\n',
        "entities.yml": f'entities:\n  - id: e1\n    name: "{t} name"\n    kind: person\n'
                        f'    description: "{t} description"\n',
        "briefs/b1.yml": f'title: "{t} brief"\nsummary: "{t} summary"\nsections:\n'
                         f'  - kind: what-happened\n    points:\n'
                         f'      - text: "{t} point"\n        cites: [q1, q2]\n'
                         f"        claims: [c1]\n",
    }
    project = tmp_path / "project"
    write_tree(project / "content", files)
    (project / "content" / "pages").mkdir()
    shutil.copytree(REPO / "theme", project / "theme")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": "0"})
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parser = scan(page.read_text(encoding="utf-8"))
        assert not parser.problems, (page, parser.problems)
    brief = (tmp_path / "site" / "briefs" / "b1" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in brief
    # The claim's structured data carries the hostile text as data, intact.
    claim = scan((tmp_path / "site" / "claims" / "c1" / "index.html").read_text(
        encoding="utf-8"))
    assert len(claim.data_blocks) == 1
    data = claim.data_blocks[0]
    assert isinstance(data, dict) and data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == f"{t} statement {EMOJI}"
    # The original article and each passage in it are links to the address as stored.
    stored = normalise(URL)
    assert isinstance(stored, str)
    source = ExternalLinks()
    source.feed((tmp_path / "site" / "sources" / "hostile" / "index.html").read_text(
        encoding="utf-8"))
    assert source.hrefs[0] == stored and len(source.hrefs) == 3, source.hrefs
    assert all(h.startswith(stored + "#:~:text=") for h in source.hrefs[1:]), source.hrefs


def build_with_pages(tmp_path: Path, pages: Mapping[str, str | bytes], *,
                     prepare: Callable[[Path], None] | None = None,
                     env: dict[str, str] | None = None, args: list[str] | None = None,
                     ) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """`mkdocs build` of the minimal corpus with these files among the hand-written pages
    (`prepare` may add more to their folder): the site folder and the build's result."""
    project = tmp_path / "project"
    write_tree(project / "content", minimal_corpus())
    (project / "content" / "pages").mkdir()
    write_tree(project / "content" / "pages", pages)
    if prepare:
        prepare(project / "content" / "pages")
    shutil.copytree(REPO / "theme", project / "theme")
    (project / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    site = tmp_path / "site"
    return site, subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["-d", str(site)] if args is None else args)],
        cwd=project,
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": "0", **(env or {})})


def hostile_build(tmp_path: Path, pages: Mapping[str, str | bytes],
                  env: dict[str, str] | None = None) -> tuple[Path, str]:
    """A build that succeeds: the site folder and the build's log."""
    site, result = build_with_pages(tmp_path, pages, env=env)
    assert result.returncode == 0, result.stderr
    return site, result.stderr


def test_a_link_among_the_pages_cannot_publish_a_file_from_outside(tmp_path: Path) -> None:
    """MkDocs follows links in docs_dir (content/pages) and publishes what they point at:
    a secret beside the project, the build's environment. The build stops on them instead,
    before MkDocs lists the folder a link leads to, and publishes nothing."""
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text("SECRET-FILE\n")
    (outside / "folder" / "key.pem").write_text("SECRET-KEY\n")

    def links(pages: Path) -> None:
        (pages / "leak.md").symlink_to(outside / "secret.txt")
        (pages / "env.txt").symlink_to("/proc/self/environ")
        (pages / "keys").symlink_to(Path("..", "..", "..", "outside", "folder"))  # relative
        (pages / "root").symlink_to("/")  # MkDocs' listing would walk the whole machine

    site, result = build_with_pages(tmp_path, {}, prepare=links,
                                    env={"BRIEFING_SECRET": "SECRET-ENV"})
    assert result.returncode != 0
    for name in ("leak.md", "env.txt", "keys", "root"):
        assert f"content/pages/{name}: error: this link points outside the content folder " \
               "[content-symlink-outside]" in result.stderr, result.stderr
    assert not site.exists() or not any(site.iterdir())


def test_a_content_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    """A change can replace `content/` with a link to any folder of the machine that
    builds: its `pages/` were published and the rest read as the corpus. Where the
    content is, is mkdocs.yml's to say (`content_dir`), which is reviewed as code."""
    outside = write_tree(tmp_path / "outside", minimal_corpus())
    write_tree(outside / "pages", {"key.txt": "SECRET-FILE\n"})

    def linked(pages: Path) -> None:
        shutil.rmtree(pages.parent)
        pages.parent.symlink_to(outside, target_is_directory=True)

    site, result = build_with_pages(tmp_path, {}, prepare=linked)
    assert result.returncode != 0
    assert "content: error: the content folder is a link" in result.stderr, result.stderr
    assert "[content-symlink-outside]" in result.stderr
    assert not site.exists() or not any(site.iterdir())
    check = subprocess.run([sys.executable, "-m", "briefing", "check"], cwd=tmp_path / "project",
                           capture_output=True, text=True, timeout=120, check=False)
    assert "content: error: the content folder is a link" in check.stderr, check.stderr

@pytest.mark.parametrize("serve", [False, True], ids=["build", "serve"])
def test_a_link_out_of_a_docs_dir_beside_the_content_publishes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, serve: bool) -> None:
    """docs_dir may be a folder beside the content folder rather than its pages/: links
    there were not checked, so a change could publish any file of the machine, or have
    MkDocs walk all of it. The build stops before MkDocs lists the folder."""
    (tmp_path / "secret.txt").write_text("SECRET-FILE\n")
    project = tmp_path / "project"
    write_tree(project / "content", minimal_corpus())
    write_tree(project / "docs", {"about.md": "# About\n"})
    (project / "docs" / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (project / "docs" / "root").symlink_to("/")
    shutil.copytree(REPO / "theme", project / "theme")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "docs_dir: content/pages\n" in config
    (project / "mkdocs.yml").write_text(config.replace("docs_dir: content/pages\n",
                                                       "docs_dir: docs\n"), encoding="utf-8")
    if serve:
        monkeypatch.chdir(project)
        loaded = load_config(config_file=str(project / "mkdocs.yml"))
        loaded.plugins.on_startup(command="serve", dirty=False)
        with pytest.raises(PluginError, match=r"docs/leak\.txt: error: this link points"):
            loaded.plugins.on_config(loaded)
        return
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)],
                            cwd=project, capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode != 0
    for name in ("leak.txt", "root"):
        assert f"docs/{name}: error: this link points outside" in result.stderr, result.stderr
    assert not site.exists() or not any(site.iterdir())

@pytest.mark.parametrize("link", ["site", "out/site"])
def test_a_site_folder_that_is_a_link_is_not_emptied(tmp_path: Path, link: str) -> None:
    """`mkdocs build` empties site_dir: a change committing `site` (or a folder holding
    it) as a link to a folder of the user's had that folder emptied and the site put
    there. The build stops before MkDocs empties it."""
    theirs = tmp_path / "theirs"
    (theirs / "site").mkdir(parents=True)
    for folder in (theirs, theirs / "site"):
        (folder / "notes.txt").write_text("mine\n")

    def linked(pages: Path) -> None:
        (pages.parent.parent / link.split("/")[0]).symlink_to(
            theirs / "site" if link == "site" else theirs)

    project = tmp_path / "project"  # (mkdocs.yml: `site_dir: site`)
    _, result = build_with_pages(tmp_path, {}, prepare=linked,
                                 args=[] if link == "site" else ["-d", link])
    assert result.returncode != 0
    assert f"{link.split('/')[0]}: error: site_dir is, or is in, a symbolic link" in \
        result.stderr, result.stderr
    assert (theirs / "notes.txt").exists() and (theirs / "site" / "notes.txt").exists()
    assert sorted(p.name for p in theirs.rglob("*")) == ["notes.txt", "notes.txt", "site"]
    assert project.is_dir()

def test_serve_with_a_link_out_or_round_a_loop_among_the_pages_comes_up(
        tmp_path: Path) -> None:
    """MkDocs lists docs_dir following links, and `mkdocs serve` lists it even after the
    build found an error: a link to `/` had it walk the whole machine and never come up.
    The server shows the Problems page instead, without the hand-written pages, and
    serves them again once the links are gone."""
    pages = tmp_path / "project" / "content" / "pages"

    def prepare(project: Path) -> None:
        (pages / "root").symlink_to("/")
        (pages / "back").symlink_to("..")

    with served(tmp_path, prepare=prepare, ready="/problems/") as (_, base, _):
        problems = fetch(f"{base}/problems/") or ""
        assert "content-symlink-outside" in problems and "content-symlink-loop" in problems
        assert fetch(f"{base}/about/") is None  # left out while the links are there
        (pages / "root").unlink()
        (pages / "back").unlink()
        assert wait_for(lambda: fetch(f"{base}/about/") is not None, 60), \
            "the hand-written page did not come back"


class ExternalLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("class") == "external":
            self.hrefs.append(found.get("href") or "")


# --- any string in any text field ---------------------------------------------------
#
# Every free-text field of the schema, found by walking the declarations, receives
# generated text full of markup; the article gets it as a line of its own too, so quotes
# and cleaning rules can match it. The build ends in pages or registered diagnostics,
# and the pages, converted as the site converts them, hold no live markup.

SRC = "sources/acme-widget.yml"
# Where each annotated thing's fields are written in the minimal corpus: the file, the
# line that starts its mapping (None: the file's top level) and the fields' indent.
PLACES: dict[str, tuple[str, str | None, int]] = {
    "Source": (SRC, None, 0),
    "Cleaning": (SRC, "cleaning:", 2),
    "Quote": (SRC, "  - id: acme-cost", 4),
    "_DateFields": (SRC, None, 0),  # written as the source's `published:` mapping
    "_SubjectFields": ("claims.yml", None, 0),  # written as a figure's `subject:` mapping
    "Extraction": (SRC, None, 0),  # written as the source's `extracted:` mapping
    "Claim": ("claims.yml", "  - id: widget-cost-5m", 4),
    "Figure": ("claims.yml", "      - metric: widget-cost", 8),
    "Event": ("claims.yml", "      - what: \"[[entity:acme]] announces the widget's price.\"",
              8),
    "Entity": ("entities.yml", "  - id: acme", 4),
    "Brief": ("briefs/widget.yml", None, 0),
    "Point": ("briefs/widget.yml", '      - text: "Acme says the widget costs $5 million."', 8),
    "Name": ("names.yml", "  - id: widget-cost", 4),  # a metric's (`NAMES`)
}
# names.yml, which the minimal corpus has not: the widget's metric named.
NAMES = 'metrics:\n  - id: widget-cost\n    name: "Widget cost"\n'
# Text-typed fields that hold no free text: a date is parsed as one.
NOT_FREE_TEXT = {("_DateFields", "date")}


def text_fields() -> list[tuple[str, str, bool]]:
    """(class, field, is a list) for every free-text field reachable from the files."""
    found: list[tuple[str, str, bool]] = []
    seen: set[type] = set()

    def walk(cls: type) -> None:
        if cls in seen:
            return
        seen.add(cls)
        for field in dataclasses.fields(cls):
            if "spec" in field.metadata:
                visit(cls.__name__, field.name, field.metadata["spec"], in_list=False)

    def visit(owner: str, name: str, spec: schema.Spec, *, in_list: bool) -> None:
        if isinstance(spec, (schema.Text, schema.ProseText)):
            if (owner, name) not in NOT_FREE_TEXT:
                found.append((owner, name, in_list))
        elif isinstance(spec, schema.At):
            visit(owner, name, spec.inner, in_list=in_list)
        elif isinstance(spec, schema.ListOf):
            visit(owner, name, spec.item, in_list=True)
        elif isinstance(spec, schema.Obj):
            walk(spec.cls)
        elif isinstance(spec, schema.DateSpec):
            walk(schema._DateFields)
        elif isinstance(spec, schema.SubjectSpec):
            walk(schema._SubjectFields)

    for cls in (model.Source, model.ClaimsFile, model.EntitiesFile, model.Brief,
                model.NamesFile):
        walk(cls)
    return found


TEXT_FIELDS = text_fields()


def test_every_text_field_has_a_place() -> None:
    owners = {owner for owner, _, _ in TEXT_FIELDS}
    assert owners == set(PLACES), "add the new kind of annotation to PLACES"
    assert len(TEXT_FIELDS) >= 20, TEXT_FIELDS


def with_field(owner: str, name: str, in_list: bool, value: str) -> dict[str, str | bytes]:
    files = {**minimal_corpus(), "names.yml": NAMES}
    files["sources/acme-widget.txt"] = f"{files['sources/acme-widget.txt']}\n{value}\n"
    scalar = json.dumps(value, ensure_ascii=False)  # a YAML double-quoted scalar
    written = f"[{scalar}]" if in_list else scalar
    file, anchor, indent = PLACES[owner]
    text = files[file]
    assert isinstance(text, str)
    if owner == "_DateFields":
        files[file] = text.replace('published: "2025-01-02"', 'published: {date: "2025-01-02", '
                                   f"inferred: true, {name}: {written}}}")
        return files
    if owner == "_SubjectFields":
        files[file] = text.replace("subject: acme", "subject: {entity: acme, inferred: true, "
                                   f"{name}: {written}}}")
        return files
    if owner == "Extraction":
        files[file] = text.replace('published: "2025-01-02"', 'published: "2025-01-02"\n'
                                   f"extracted: {{by: pypdf, {name}: {written}}}")
        return files
    lines = text.split("\n")
    start = lines.index(anchor) if anchor is not None else -1
    key = f"{' ' * indent}{name}:"
    at = None
    if anchor is not None and anchor[indent:].startswith(f"{name}:"):
        at = start  # the item's first field: `- name: value`
    else:
        for index in range(start + 1, len(lines)):
            line = lines[index]
            if line.strip() and len(line) - len(line.lstrip(" -")) < indent:
                break
            if line.startswith(key):
                at = index
                break
    if at is None:
        lines.insert(start + 1, f"{key} {written}")
    else:
        lines[at] = lines[at][:lines[at].index(":") + 1] + f" {written}"
    files[file] = "\n".join(lines)
    return files


def site_extensions() -> list[str]:
    """The Markdown extensions of the project's mkdocs.yml, as the site converts pages."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]


EXTENSIONS = site_extensions()
MARKUP = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "{: onclick=alert(1) }", "{#x .y onmouseover=alert(1)}", "[x](javascript:alert(1))",
    "![x](javascript:alert(1))", "[x]: javascript:alert(1)", "<javascript:alert(1)>",
    '<https://x.example/" onmouseover="alert(1)>', "[x](x 'a onmouseover=alert(1) b')",
    "<iframe src=javascript:alert(1)>", "<base href=//evil.example>",
    '<a href="data:text/html,x">', "<object data=x>", "<x onmouseover=alert(1)>", "`", "*",
    "_", "|", "\\", "&#106;", "&lt;", "&", '"', "'", "(", ")", "[", "]", "{", "}", "<", ">",
    "[[entity:acme]]", "[[entity:acme|<b onclick=x>]]", "#", "-", "1.", "> ", "<!--",
    "-->", "]]>", "=", ":", "!", "  "])
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Zl", "Zp")), max_size=6)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEXT_FIELDS), st.lists(MARKUP | TEXT, min_size=1, max_size=8).map("".join))
def test_any_string_in_any_text_field_renders_without_live_markup(
        field: tuple[str, str, bool], value: str) -> None:
    owner, name, in_list = field
    with tempfile.TemporaryDirectory() as folder:
        content = write_tree(Path(folder), with_field(owner, name, in_list, value))
        result = pipeline.build(content)
    assert {d.code for d in result.diagnostics} <= set(CODES)
    # Diagnostics quote what was written; the Problems page shows them while serving.
    pages = {**result.pages, "problems.md": problems_page(result.diagnostics,
                                                          kept_last_good=True)}
    for path, text in pages.items():
        assert not live_markup(text), (path, live_markup(text))
    for text in result.files.values():
        ElementTree.fromstring(text.encode("utf-8"))  # the feed stays well-formed


@functools.lru_cache(maxsize=8192)
def live_markup(page: str) -> tuple[str, ...]:
    """What could run in a generated page as the site converts it, or that its front
    matter is lost. By the page's text: the property's examples share most of their pages
    unchanged, and the same text converts the same (a fifth of this test's time went to
    converting them all again)."""
    body, meta = get_data(page)
    if not meta and page.startswith("---"):
        return ("MkDocs cannot read its front matter",)
    html = markdown.markdown(body, extensions=EXTENSIONS)
    return tuple(scan(html).problems) + tuple(scan(as_other_themes_write(html, meta)).problems)


def as_other_themes_write(html: str, meta: dict[str, Any]) -> str:
    """The page's title and front matter as the plugin hands them over
    (`themed_page`) and as MkDocs' theme and Material write them: unescaped, in an
    attribute and as text, the title also after `striptags` unless the front matter has
    one (Material's <title>)."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    title, themed = themed_page(heading.group(1) if heading else "", meta, from_name=False)
    shown = str(themed["title"]) if "title" in themed else str(Markup(title).striptags())
    texts = [title, *(str(v) for k, v in themed.items() if k not in ("jsonld", "updated"))]
    return f"<title>{shown}</title>" + "".join(f'<p title="{t}">{t}</p>' for t in texts)


def test_the_property_reaches_the_pages() -> None:
    # Guard against a harness that never renders: a hostile title does reach its page.
    value = "<svg onload=alert(1)> [x](javascript:alert(1))"
    with tempfile.TemporaryDirectory() as folder:
        content = write_tree(Path(folder), with_field("Source", "title", False, value))
        result = pipeline.build(content)
    assert not result.failed(), result.diagnostics
    assert "&lt;svg onload=alert\\(1)&gt;" in result.pages["sources/acme-widget.md"] or \
        "&lt;svg onload=alert(1)&gt;" in result.pages["sources/acme-widget.md"]


def test_hostile_file_names_reach_the_problems_page_inert(tmp_path: Path) -> None:
    # A file name is text the curator chose too: the Problems page names every file.
    names = ["<svg onload=alert(1)>", "[x](javascript:alert(2))", "{: onclick=alert(3) }",
             "`a`*b*_c_|d|", "x\" onmouseover=\"alert(4)"]
    files = dict(minimal_corpus())
    for name in names:
        files[f"sources/{name}.txt"] = "Some text.\n"
        files[f"briefs/{name}.yml"] = "title: x\n"
    result = pipeline.build(write_tree(tmp_path / "content", files))
    shown = {d.pos.path for d in result.diagnostics}
    assert all(any(name in path for path in shown) for name in names), shown
    body, meta = get_data(problems_page(result.diagnostics, kept_last_good=True))
    assert meta
    html = markdown.markdown(body, extensions=EXTENSIONS)
    assert not scan(html).problems, scan(html).problems
    assert "&lt;svg onload=alert(1)&gt;" in html


URL_TAIL = st.lists(st.sampled_from([
    ")", "(", "[", "]", "<", ">", '"', "'", "{:", "}", "*", "_", "`", "|", "!", "&", "#",
    "%", "%3C", "?", "=", "\\", " ", "javascript:alert(1)", "<svg/onload=alert(1)>",
    "\u00e9", "\U0001F600", "onmouseover=", "a", "/"]), max_size=10).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["https://news.example/", "HTTPS://News.Example:8443/", ""]), URL_TAIL)
def test_any_url_builds_to_inert_links_or_a_diagnostic(start: str, tail: str) -> None:
    files = dict(minimal_corpus())
    source = files[SRC]
    assert isinstance(source, str)
    files[SRC] = source.replace('published: "2025-01-02"', 'published: "2025-01-02"\nurl: '
                                + json.dumps(start + tail, ensure_ascii=False))
    with tempfile.TemporaryDirectory() as folder:
        result = pipeline.build(write_tree(Path(folder), files))
    assert {d.code for d in result.diagnostics} <= set(CODES)
    if not result.pages:
        assert {d.code for d in result.diagnostics} & {"schema-url", "schema-too-long"}
        return
    body, _ = get_data(result.pages["sources/acme-widget.md"])
    html = markdown.markdown(body, extensions=EXTENSIONS)
    assert not scan(html).problems, scan(html).problems
    links = ExternalLinks()
    links.feed(html)
    stored = normalise((start + tail).strip())
    assert isinstance(stored, str) and links.hrefs and links.hrefs[0] == stored, links.hrefs


def test_control_characters_in_the_content_reach_the_terminal_as_escapes(
        tmp_path: Path) -> None:
    """A quote (or a file name) holding an escape sequence is reported, and the report
    shows it: printed raw, a terminal would obey it (here: set its title)."""
    files = minimal_corpus()
    source = "sources/acme-widget.yml"
    files[source] = str(files[source]).replace(
        'text: "its widget costs $5 million"',
        'text: "its widget \\e]0;pwned\\a costs $5 million"')
    files["sources/notes\x1b[2J.txt"] = "notes\n"
    content = write_tree(tmp_path / "content", files)
    for form in ("text", "github"):
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "check", "--content", str(content),
             "--format", form], capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 1
        assert "text-control-char" in result.stdout + result.stderr
        assert "\x1b" not in result.stdout + result.stderr and \
            "\x07" not in result.stdout + result.stderr
        assert "\\x1b]0;pwned\\x07" in result.stdout + result.stderr

# --- mkdocs.yml and hand-written pages ---------------------------------------------


RAW_PAGE = """\
# Raw page

<script>alert(1)</script>

<img src=x onerror=alert(2)> <img src="x" onerror="alert(2)">

<svg onload="alert(3)"></svg><iframe srcdoc="<script>alert(4)</script>"></iframe>

<a href="javascript:alert(5)">a</a> <a href="JaVaScRiPt:alert(6)">b</a>
<a href=" &#x09;java&#x0A;script:alert(7)">c</a> <a href="&#106;avascript:alert(8)">d</a>
<a href="data:text/html,<script>alert(9)</script>">e</a> <a href="vbscript:msgbox(10)">f</a>

[g](javascript:alert(11)) [h](JAVASCRIPT:alert(12)) ![i](javascript:alert(13)) [j][r]

[r]: javascript:alert(14)

Text {: onclick="alert(15)" }

[k](https://kept.example/){: onmouseover="alert(16)" href="javascript:alert(17)" }

## Section {: id='x" onmouseover="alert(18)' }

<details open ontoggle="alert(19)"><summary>s</summary>t</details>
<form action="javascript:alert(20)"><button>go</button></form>
<object data="javascript:alert(21)"></object><embed src="javascript:alert(22)">
<meta http-equiv="refresh" content="0;url=javascript:alert(23)"><base href="https://evil.example/">
<style>p { background: url(javascript:alert(24)) }</style>
<math><a xlink:href="javascript:alert(25)">m</a></math>
<noscript><p title="</noscript><img src=x onerror=alert(26)>"></p></noscript>

| left | right |
|:-----|------:|
| [kept](https://kept.example/a) | <kbd>x</kbd> |

<details><summary>Kept</summary>A <a href="mailto:a@kept.example">mail</a>.</details>
"""
PLAIN_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
             b'<rect width="1" height="1"/></svg>')

# Suffixes a common server (Python's and Debian's types under `mkdocs serve`, GitHub Pages')
# serves as an XML or XHTML document, whose XHTML-namespaced script a browser runs.
XML_DOCUMENTS = ("xhtm", "xpdl", "xsd", "rng", "rdf", "owl", "atom", "rss", "mml", "mathml",
                 "xul")
XML_SCRIPT = '<x xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(33)</h:script></x>'


def test_hand_written_pages_publish_nothing_that_runs(tmp_path: Path) -> None:
    """Raw HTML and link syntax in a hand-written page, and files among the pages that a
    browser runs when opened (one replacing the theme's own script), are left out and
    reported; what a page may hold (links, tables, details, plain images) stays."""
    site, log = hostile_build(tmp_path, {
        "raw.md": RAW_PAGE, "page.html": "<script>alert(30)</script>",
        "image.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(31)"/>',
        "plain.svg": PLAIN_SVG, "assets/briefing.js": "alert(32)", "data.xml": "<x/>",
        **{f"doc.{suffix}": XML_SCRIPT for suffix in XML_DOCUMENTS}})
    # Each line holding a payload is named, at its line, before the build (`pagesafety`).
    named = {int(n) for n in re.findall(r"content/pages/raw\.md:(\d+):\d+: warning: .* "
                                         r"\[page-unsafe-markup\]", log)}
    payloads = {n for n, line in enumerate(RAW_PAGE.split("\n"), start=1)
                if re.search(r"(alert|msgbox)\(", line)}
    assert payloads <= named, sorted(payloads - named)
    for name in ("page.html", "image.svg", "assets/briefing.js", "data.xml",
                 *(f"doc.{suffix}" for suffix in XML_DOCUMENTS)):
        assert f"content/pages/{name}: warning: not published" in log, log
        assert name == "assets/briefing.js" or not (site / name).exists()
    assert "alert" not in (site / "assets" / "briefing.js").read_text(encoding="utf-8")
    assert (site / "plain.svg").read_bytes() == PLAIN_SVG
    for page in sorted(site.rglob("*.html")):
        assert not scan(page.read_text(encoding="utf-8")).problems, page
    raw = (site / "raw" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://kept.example/a">kept</a>' in raw
    assert '<th style="text-align: right;">right</th>' in raw
    assert '<a href="mailto:a@kept.example">mail</a>' in raw
    assert "onmouseover" not in raw and "<h2>Section</h2>" in raw


def test_the_site_url_reaches_the_pages_escaped(tmp_path: Path) -> None:
    # The 404 page's links are made from site_url's path, by MkDocs' `url` filter, which
    # escapes nothing.
    site, _ = hostile_build(tmp_path, {}, env={
        "BRIEFING_SITE_URL": 'https://site.example/a"><svg/onload=pwned()>/'})
    for page in ("404.html", "index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert not scan(html).problems, (page, scan(html).problems)
    assert '/a&#34;&gt;&lt;svg/onload=pwned()&gt;/assets/briefing.css"' in \
        (site / "404.html").read_text(encoding="utf-8")


CLEANED = [
    ('<p onclick="alert(1)">a</p>', "<p>a</p>"),
    ("<script>alert(1)</script>b", "b"),
    ("<svg><a><text>alert</text></a></svg>c", "c"),
    ('<a href="  javascript:alert(1)">d</a>', "<a>d</a>"),
    ('<a href="java\tscript:alert(1)">e</a>', "<a>e</a>"),
    ('<a href="/x/#y" title="t">f</a>', '<a href="/x/#y" title="t">f</a>'),
    ('<a href="HTTPS://kept.example/?a=1&amp;b=2">g</a>',
     '<a href="HTTPS://kept.example/?a=1&amp;b=2">g</a>'),
    ('<img src="data:image/png;base64,AAAA" alt="h">', '<img alt="h">'),
    ('<h2 id="x&quot; onmouseover=&quot;alert(1)">i</h2>', "<h2>i</h2>"),
    ('<h2 id="caf\u00e9-1">j</h2>', '<h2 id="caf\u00e9-1">j</h2>'),
    ('<td style="color: red">k</td>', "<td>k</td>"),
    ("<!-- <img src=x onerror=alert(1)> -->l", "l"),
    ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></p></noscript>m", "m"),
    ("<plaintext><img src=x onerror=alert(1)>", ""),
    ("<embed src=x>n<frame src=x>", "n"),
    ("<x-y onclick=alert(1)>o</x-y>", "o"),
    ("<p>1 &lt; 2 &amp; <b>3</b></p>", "<p>1 &lt; 2 &amp; <b>3</b></p>"),
]


@pytest.mark.parametrize(("html", "cleaned"), CLEANED)
def test_a_hand_written_page_keeps_only_what_cannot_run(html: str, cleaned: str) -> None:
    assert clean_page(html)[0] == cleaned


HTML_PIECES = st.sampled_from([
    "<script>", "</script>", "<svg>", "</svg>", "<a href='javascript:alert(1)'>", "</a>",
    "<img src=x onerror=alert(1)>", "<p onclick=alert(1)>", "<!--", "-->", "<![CDATA[",
    "]]>", "<noscript>", "</noscript>", "<p title='", "'>", '"', "<", ">", "&", "&#106;",
    "java", "script:", "<style>", "</style>", "<textarea>", "</textarea>", "<math>",
    "<iframe srcdoc='", "<h2 id='", "<a href='&#x09;jav&#x0A;ascript:x'>", " ", "=",
    "<template>", "</template>", "<select><option>", "<table><td>", "/>", "<br/>"])


@settings(max_examples=300, deadline=None)
@given(st.lists(HTML_PIECES | st.text(max_size=3), max_size=14).map("".join))
def test_any_html_is_cleaned_to_inert_html_read_back_the_same(html: str) -> None:
    cleaned, _ = clean_page(html)
    assert not scan(cleaned).problems, (cleaned, scan(cleaned).problems)
    assert clean_page(cleaned)[0] == cleaned, "a browser reads back what was kept"


SVG_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink"'
SVGS = [
    f"<svg {SVG_NS}><script>alert(1)</script></svg>",
    f'<svg {SVG_NS} onload="alert(1)"/>',
    f'<svg {SVG_NS}><a l:href="&#106;avascript:alert(1)"><text>x</text></a></svg>',
    f'<svg {SVG_NS}><a href=" javascript:alert(1)">x</a></svg>',
    f'<svg {SVG_NS}><animate attributeName="href" values="#a;javascript:alert(1)"/></svg>',
    f'<svg {SVG_NS}><set attributeName="href" to="data:text/html,x"/></svg>',
    f"<svg {SVG_NS}><foreignObject><p>x</p></foreignObject></svg>",
    f'<svg {SVG_NS}><h:script xmlns:h="http://www.w3.org/1999/xhtml">x</h:script></svg>',
    f'<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg {SVG_NS}/>',
    f'<!DOCTYPE svg [<!ENTITY e "x">]><svg {SVG_NS}>&e;</svg>',
    f"<svg {SVG_NS}><rect>",
]


@pytest.mark.parametrize("svg", SVGS)
def test_an_svg_image_that_could_run_is_not_published(svg: str) -> None:
    assert runnable_file("pages/x.svg", lambda: svg.encode("utf-8"))
    assert runnable_file("x.svg", lambda: svg.encode("utf-16"))  # (a BOM declares it)


def test_plain_images_and_files_are_published() -> None:
    assert runnable_file("a/plain.svg", lambda: PLAIN_SVG) is None
    linked = f'<svg {SVG_NS}><a l:href="https://x.example/#a"><use href="#b"/></a></svg>'
    assert runnable_file("x.svg", linked.encode) is None
    for name in ("a.png", "b.pdf", "c.css", "CNAME", "robots.txt"):
        assert runnable_file(name, bytes) is None
    for name in ("a.html", "b.HTM", "c.js", "d.mjs", "e.xml", "f.xsl", "g.xhtml", "h.svgz"):
        assert runnable_file(name, bytes), name


def test_markup_shown_as_code_in_a_page_is_not_reported() -> None:
    """Code blocks, indented code and code spans show markup as text, and md_in_html's
    `markdown` attribute never reaches the page: none of them is reported; the same
    markup outside them is, at its line and column."""
    page = ("# Code\n\n```html\n<script>alert(1)</script>\n```\n\n"
            "~~~\n[x](javascript:alert(2))\n~~~\n\n    <iframe src=x></iframe>\n\n"
            "A span `<script>` and ``<b onclick=x>``.\n\n<div markdown=\"1\">kept</div>\n\n"
            "Then <b onclick=\"alert(3)\">this</b>.\n")
    found = unsafe_markup(page, "pages/code.md")
    assert [(d.pos.line, d.pos.col, d.code) for d in found] == \
        [(17, 6, "page-unsafe-markup")], [d.format() for d in found]


@pytest.mark.parametrize(("page", "line"), [
    # A list item's paragraph, indented as the list asks: markup, not code.
    ("1. Step one\n\n    Then <b onclick=\"alert(1)\">this</b>.\n", 3),
    # An indented line right under a paragraph continues it.
    ("Some text\n    and <b onclick=\"alert(1)\">this</b>.\n", 2),
    # A fence never closed is no fence: what follows is the page.
    ("```\nText\n\nThen <b onclick=\"alert(1)\">this</b>.\n", 4),
    # `<style>` shown as code does not hide the markup after it.
    ("Use `<style>` sparingly.\n\nThen <b onclick=\"alert(1)\">this</b>.\n", 3),
])
def test_markup_that_only_looks_like_code_is_reported(page: str, line: int) -> None:
    assert [d.pos.line for d in unsafe_markup(page, "pages/p.md")] == [line]


def test_markup_inside_code_written_as_html_is_reported() -> None:
    """Markdown shows its own code as text; raw `<code>` holds live markup."""
    page = "A <code><b onclick=\"alert(1)\">x</b></code> and `<b onclick=\"alert(2)\">`.\n"
    assert [(d.pos.line, d.pos.col) for d in unsafe_markup(page, "pages/p.md")] == [(1, 9)]


PAGE_LINES = st.sampled_from([
    "Some text.", "- item", "1. item", "", "# H", "* star", "  - nested", "    - deep",
    "> quote", "    code line", "```", "~~~", "| a | b |", "|---|---|", "A `span",
    "end` here", "Show `<style>` off", "<div>", "</div>", "<!-- note", "-->"])
PAYLOADS = {'<b onclick="alert(1)">x</b>': '<b onclick="alert(1)">',
            "[x](javascript:alert(1))": 'href="javascript:alert(1)"'}


@settings(max_examples=300, deadline=None)
@given(st.lists(PAGE_LINES, max_size=5), st.sampled_from(sorted(PAYLOADS)),
       st.sampled_from(["", "  ", "    ", "      ", "        ", "\t"]),
       st.lists(PAGE_LINES, max_size=3))
def test_a_line_is_named_exactly_when_markdown_makes_markup_of_it(
        before: list[str], payload: str, indent: str, after: list[str]) -> None:
    """Whatever lists, quotes, fences, code spans and HTML surround it, a line is named
    before the build exactly when the converted page holds its markup live."""
    page = "\n".join([*before, f"{indent}Then {payload} here.", *after]) + "\n"
    html = markdown.markdown(page, extensions=["tables", "fenced_code", "attr_list", "toc"])
    html = re.sub(r"<!--.*?(?:-->|$)", "", html, flags=re.DOTALL)  # as a browser reads it
    named = {d.pos.line for d in unsafe_markup(page, "pages/p.md")}
    assert (len(before) + 1 in named) == (PAYLOADS[payload] in html), (page, html)


# --- what other themes write as it is ---------------------------------------------
#
# MkDocs' own theme and Material write a page's title, its front matter (`description`,
# `author`, `subtitle`, `location`…) and the navigation's names into the page unescaped,
# or after `striptags`, which gives `&lt;` back as `<`. The site is built with any of
# them, so what the curator writes there must reach each as text.

THEMES = {"briefing": "theme:\n  name: briefing\n",
          "mkdocs": "theme:\n  name: mkdocs\n  highlightjs: false\n",
          "material": "theme:\n  name: material\n  font: false\n"}
# Ends a <title> or an attribute, and runs either way; `{n}` tells the places apart.
PAYLOAD = '</title><script>alert({n})</script>\\"><img src=x onerror=alert({n})>'


def with_payloads(files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """The minimal corpus with PAYLOAD in each text that becomes a page's title or
    description: a brief's title and summary, a claim's statement, a source's title, an
    entity's name and description."""
    def put(path: str, old: str, new: str) -> None:
        text = files[path]
        assert isinstance(text, str) and old in text, (path, old)
        files[path] = text.replace(old, new, 1)

    put("briefs/widget.yml", "title: The widget price",
        f'title: "{PAYLOAD.format(n=101)} The widget price"')
    put("briefs/widget.yml", 'summary: "', f'summary: "{PAYLOAD.format(n=102)} ')
    put("claims.yml", 'statement: "', f'statement: "{PAYLOAD.format(n=103)} ')
    put("sources/acme-widget.yml", 'title: "', f'title: "{PAYLOAD.format(n=104)} ')
    put("entities.yml", "name: Jane Doe", f'name: "{PAYLOAD.format(n=105)} Jane Doe"\n'
        f'    description: "{PAYLOAD.format(n=106)}"')
    return files


HOSTILE_PAGES: dict[str, str | bytes] = {
    # A page's title from its file's name, or a folder's as the section's name.
    "<img src=x onerror=alert(111)>.md": "Only text.\n",
    "<img src=x onerror=alert(112)>/page.md": "# A page\n\nText.\n",
    # From a heading, with what `striptags` turns back into markup.
    "heading.md": "# &lt;/title&gt;&lt;img src=x onerror=alert(113)&gt;\n\nText.\n",
    "code.md": "# `</title><img src=x onerror=alert(114)>`\n\nText.\n",
    # From front matter, which themes write as it is.
    "front.md": ('---\ntitle: "</title><script>alert(115)</script>"\n'
                 "description: '\"><img src=x onerror=alert(116)>'\n"
                 "author: '\"><img src=x onerror=alert(117)>'\n"
                 "subtitle: '<img src=x onerror=alert(118)>'\n"
                 "source: ['<img src=x onerror=alert(119)>']\n"
                 "jsonld: {'@type': ClaimReview, claimReviewed: x}\n---\n\nText.\n"),
    # Material's redirecting page, chosen from the front matter, goes to `location`.
    "away.md": ("---\ntemplate: redirect.html\nlocation: 'javascript:alert(120)'\n"
                "---\n\n# Away\n"),
}
_THEME_SCRIPT = re.compile(r"<script\b(?![^>]*ld\+json)[^>]*>(.*?)</script>", re.S | re.I)


def themed_live(html: str) -> list[str]:
    """What could run in a page of any theme: these themes have inline scripts of their
    own, so only a script that is the payload's counts, besides the rest `scan` finds."""
    found = [p for p in scan(html).problems if not p.startswith("inline script")]
    return found + [f"script {s[:60]!r}" for s in _THEME_SCRIPT.findall(html)
                    if "alert" in s or "javascript:" in s]


def hostile_themed_site(tmp_path: Path, theme: str) -> Path:
    """The minimal corpus `with_payloads` and HOSTILE_PAGES, built with `theme`."""
    project = tmp_path / "project"
    write_tree(project / "content", with_payloads(dict(minimal_corpus())))
    write_tree(project / "content" / "pages", HOSTILE_PAGES)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert THEMES["briefing"] in config
    (project / "mkdocs.yml").write_text(config.replace(THEMES["briefing"], THEMES[theme]),
                                        encoding="utf-8")
    if theme == "briefing":
        shutil.copytree(REPO / "theme", project / "theme")
    if theme != "material":
        (project / "content" / "pages" / "away.md").unlink()  # (Material's template)
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=project,
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": "0", "NO_MKDOCS_2_WARNING": "1",
             "BRIEFING_SITE_URL": "https://site.example/"})
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_titles_names_and_front_matter_reach_every_theme_inert(
        tmp_path: Path, theme: str) -> None:
    site = hostile_themed_site(tmp_path, theme)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    live = {str(page.relative_to(site)): themed_live(page.read_text(encoding="utf-8"))
            for page in pages}
    assert not {page: found for page, found in live.items() if found}, live
    # Each reaches its pages as text, whole, and escaped once.
    shown = {name: (site / name).read_text(encoding="utf-8") for name in (
        "briefs/widget/index.html", "claims/widget-cost-5m/index.html", "front/index.html",
        "index.html")}
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(101)" in shown["briefs/widget/index.html"]
    assert theme == "mkdocs" or '<meta name="description" content="Claimed by Acme Corp: ' \
        '&lt;/title&gt;&lt;script&gt;alert(103)' in shown["claims/widget-cost-5m/index.html"]
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(115)" in shown["front/index.html"]
    assert theme == "mkdocs" or '&#34;&gt;&lt;img src=x onerror=alert(116)&gt;"' in \
        shown["front/index.html"]  # (MkDocs' theme describes the home page only)
    assert "&amp;lt;" not in "".join(shown.values())
    assert "ClaimReview" not in shown["front/index.html"]  # (structured data by hand)
    assert re.search(r">\s*&lt;img src=x onerror=alert\(111\)&gt;\s*<", shown["index.html"])


def test_a_page_going_to_a_script_is_reported_at_its_line(tmp_path: Path) -> None:
    """Material's redirecting page goes to the front matter's `location`; one that runs a
    script is left out, and said so before the build; an address that runs nothing is
    left alone."""
    files = {**minimal_corpus(),
             "pages/away.md": "---\ntemplate: redirect.html\nlocation: ' javascript:alert(1)'\n"
                              "---\n\n# Away\n",
             "pages/moved.md": "---\ntemplate: redirect.html\nlocation: ../elsewhere/\n---\n"}
    result = pipeline.build(write_tree(tmp_path / "content", files))
    found = [d.format() for d in result.diagnostics if d.pos.path.endswith(".md")]
    assert found == [f"{tmp_path}/content/pages/away.md:3:11: warning: the address "
                     "' javascript:alert(1)' is left out of the published page "
                     "[page-unsafe-markup]\n    hint: " + HINT], found
