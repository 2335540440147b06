"""`briefing init`: a new briefing project in an empty folder, ready for `mkdocs serve`.

The files come from `briefing/scaffold/`: `project/` always (mkdocs.yml with the theme,
the plugin, the Markdown extensions the pages need and every validation check at warn;
content/ with its folders; .gitignore, a pre-commit config and the GitHub Pages workflow,
which installs what `requirements.txt` pins) and `example/` unless bare (one source, its
annotation, two claims, four entities and a brief). The JSON Schemas are written from
the model, as `briefing schema` writes them, to where the annotation files' `$schema`
lines point, and `.vscode/settings.json` maps them to every annotation file by name, for
the files made by hand without that line. With a language (`init --locale fr`),
mkdocs.yml names it, the reader's guide comes from `about/<language>.md` and the example
from `example-<language>/` where Briefing has them: the same story as that language's
press tells it, with a fifth entity and the metric's name (`example-fr-CA/` for a site
in Québec's French, in dollars; `example-fr-CH/`, `example-de-CH/` and `example-it-CH/`
for Switzerland's, in francs; `example-fr/` for one in Belgium's, in euros). A name
part `dot-x` is written `.x`: a wheel leaves dotted files and folders out of package data.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from importlib import metadata
from pathlib import Path

from .emit import cannot_write
from .schema_export import editor_settings, schema_texts
from .wording import catalog_for

DISTRIBUTION = "mkdocs-briefing"

SCAFFOLD = Path(__file__).parent / "scaffold"
# A folder made with `git init`, or holding the virtual environment Briefing was
# installed into, may be started in.
ALLOWED = frozenset({".git", ".venv"})
EMPTY_FOLDERS = ("content/sources", "content/briefs")


class Occupied(Exception):
    """The target folder already holds something; nothing was written."""

    def __init__(self, target: Path, entries: list[str]) -> None:
        shown = ", ".join(entries[:5]) + (", …" if len(entries) > 5 else "")
        super().__init__(f"{target} is not empty ({shown}); nothing was written")


def _written_name(rel: str) -> str:
    return "/".join("." + part[4:] if part.startswith("dot-") else part
                    for part in rel.split("/"))


def _tree(root: Path) -> dict[str, bytes]:
    return {_written_name(path.relative_to(root).as_posix()): path.read_bytes()
            for path in sorted(root.rglob("*"))
            if path.is_file() and path.suffix not in (".py", ".pyc")}


def project_files(*, example: bool, locale: str | None = None) -> dict[str, bytes]:
    """Every file `init` writes, by its path in the project; with `locale`, a site in
    that language (`theme: locale:`), its reader's guide and its example in it where
    Briefing has them."""
    files = _tree(SCAFFOLD / "project")
    if locale is not None:
        files.update(_in_language(files, locale))
    if example:
        files.update(_tree(SCAFFOLD / _example_folder(locale)))
    for name, text in schema_texts().items():
        files[f"schemas/{name}"] = text.encode("utf-8")
    files["requirements.txt"] = requirements().encode("utf-8")
    # Written only into an empty folder (`init_project`), so no settings of the user's are
    # replaced.
    files[".vscode/settings.json"] = editor_settings().encode("utf-8")
    return files


def _example_folder(locale: str | None) -> str:
    """The example in the site's language where Briefing has one, the same small story as
    the English one told by that language's press: the region's own (`example-fr-CA/`,
    in dollars; `example-de-CH/`, in francs), else its language's (`example-fr/` for
    "fr-BE"); else the English one."""
    folders = {path.name.removeprefix("example-").lower(): path.name
               for path in SCAFFOLD.glob("example-*") if path.is_dir()}
    tag = (locale or "").replace("_", "-").lower()
    while tag:
        if tag in folders:
            return folders[tag]
        tag = tag.rpartition("-")[0]
    return "example"


def guide_language(locale: str) -> str | None:
    """The language of the reader's guide Briefing has for a site in `locale` ("fr" for
    "fr-CA"), or None: the guide is then English, for the curator to translate."""
    tag = catalog_for(locale)
    return tag if tag is not None and (SCAFFOLD / "about" / f"{tag}.md").is_file() else None


def _in_language(files: dict[str, bytes], locale: str) -> dict[str, bytes]:
    """mkdocs.yml naming the site's language, and the reader's guide in it if there is
    one. The scaffold's commented `# locale: fr` line becomes the setting."""
    settings = files["mkdocs.yml"].decode("utf-8")
    line = "  # locale: fr\n"
    if line not in settings:
        raise ValueError("the scaffold's mkdocs.yml has no locale line")
    # (MkDocs takes a locale as Babel writes it: "fr_CA", not "fr-CA".)
    written = locale.replace("-", "_")
    changed = {"mkdocs.yml": settings.replace(line, f"  locale: {written}\n", 1).encode()}
    tag = guide_language(locale)
    if tag is not None:
        changed["content/pages/about.md"] = (SCAFFOLD / "about" / f"{tag}.md").read_bytes()
        changed["mkdocs.yml"] = _named_in(changed["mkdocs.yml"].decode("utf-8"), tag)
    return changed


def _named_in(settings: str, tag: str) -> bytes:
    """mkdocs.yml with the site's name and description in the guide's language: they are
    the pages' title and every page's description, written in English by the scaffold."""
    named = (SCAFFOLD / "about" / f"{tag}.yml").read_text(encoding="utf-8").splitlines()
    lines = settings.split("\n")
    for line in named:
        key = line.partition(":")[0] + ":"
        at = next(n for n, old in enumerate(lines) if old.startswith(key))
        lines[at] = line
    return "\n".join(lines).encode("utf-8")


def requirements() -> str:
    """What the publish workflow installs: the Briefing this project was made with, so the
    site is built by the version its schemas come from (an upgrade is a deliberate edit
    here, then `briefing schema`)."""
    # The workflow installs nothing else, so a theme from another package goes here too.
    theme = ("# A theme from another package goes here too, on a line of its own (for\n"
             "# `theme: name: material` in mkdocs.yml: mkdocs-material).\n")
    try:
        version = metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return f"{theme}{DISTRIBUTION}\n"
    wheel = f"{DISTRIBUTION.replace('-', '_')}-{version}-py3-none-any.whl"
    return (f"# The Briefing this project was made with. To upgrade, change the version and\n"
            f"# run `briefing schema`. To install it from elsewhere than PyPI, replace the\n"
            f"# {DISTRIBUTION} line with a wheel committed to this repository (wheels/{wheel})\n"
            f"# or a git address (git+https://…).\n{theme}{DISTRIBUTION}=={version}\n")


def installed_from() -> str | None:
    """Where the running Briefing was installed from when not from a package index (a
    folder, a wheel file, a git address: PEP 610's `direct_url.json`), else None. The
    publish workflow installs `requirements.txt` from PyPI, which then lacks it."""
    try:
        recorded = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not recorded:
        return None
    try:
        url = json.loads(recorded).get("url")
    except (ValueError, AttributeError):
        return None
    return url if isinstance(url, str) else None


def init_project(target: Path, *, example: bool = True,
                 locale: str | None = None) -> list[str]:
    """Write a new project into `target` (created if missing) and return the paths written.
    Raises Occupied, writing nothing, when `target` holds anything but a `.git` or a
    `.venv`, and Unwritable when the project cannot be written: all or nothing, so a
    full disk leaves no half a project that a second `init` would find not empty."""
    try:
        if os.path.isdir(target):
            left = _killed_inits(Path(os.path.abspath(target)))
            entries = sorted(p.name for p in target.iterdir()
                             if p.name not in ALLOWED and p.name not in left)
            if entries:
                raise Occupied(target, entries)
            for name in left:
                shutil.rmtree(target / name)
        files = project_files(example=example, locale=locale)
        _write_whole(Path(os.path.abspath(target)), files)
    except OSError as exc:
        raise cannot_write(target, exc) from exc
    return sorted(files)


def _killed_inits(target: Path) -> set[str]:
    """The staging folders in `target` of an `init` killed before it could remove them:
    named for a process that is no longer running."""
    prefix = f".{target.name}.init-"
    left = set()
    for path in target.iterdir():
        pid = path.name.removeprefix(prefix).partition("-")[0]
        if path.name.startswith(prefix) and pid.isdigit() and not _running(int(pid)):
            left.add(path.name)
    return left


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True


def _write_whole(target: Path, files: dict[str, bytes]) -> None:
    """Write the project into a staging folder and move it into place once complete. A
    missing target is the staging folder renamed, made beside it; an existing one (it
    may be the folder the shell is in, or a mount point) stays, and the staging folder
    inside it has its entries moved out. On failure every trace is removed again."""
    made = [p for p in target.parents if not os.path.lexists(p)]  # deepest first
    existing = os.path.isdir(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = (target if existing else target.parent) / \
            f".{target.name}.init-{os.getpid()}-{secrets.token_hex(4)}"
        os.mkdir(staging)
        try:
            for rel, data in files.items():
                (staging / rel).parent.mkdir(parents=True, exist_ok=True)
                (staging / rel).write_bytes(data)
            for empty in EMPTY_FOLDERS:
                (staging / empty).mkdir(parents=True, exist_ok=True)
            if existing:
                _move_entries(staging, target)
            else:
                os.rename(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # gone already when all went well
    except BaseException:
        for folder in made:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _move_entries(staging: Path, target: Path) -> None:
    """Each top-level entry of `staging` into `target`, never over one that appeared
    there meanwhile (Occupied); on failure those moved go back, so `target` is as it was."""
    moved: list[str] = []
    try:
        for name in sorted(os.listdir(staging)):
            if os.path.lexists(target / name):
                raise Occupied(target, [name])
            os.rename(staging / name, target / name)
            moved.append(name)
    except BaseException:
        for name in moved:
            with contextlib.suppress(OSError):
                os.rename(target / name, staging / name)
        raise
