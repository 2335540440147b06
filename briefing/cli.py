"""The command line: `briefing init`, `check`, `build --out DIR`, `new` and `schema`.

Exit codes: 0 no problems (warnings allowed unless strict); 1 the content or the briefing
settings in mkdocs.yml have problems, or the output folder cannot be written now; 2 the
command was used wrongly (bad option, unsafe output folder, an output path through a
file). The settings (content folder, severities, strict) come from the `briefing` plugin's
options in mkdocs.yml, so a pre-commit hook judges content as the site build does.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import stat
import sys
import traceback
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

import click

from .diagnostics import Diagnostic, summary
from .emit import (
    OUTPUT_MARK,
    OutputFault,
    UnsafeOutput,
    Unwritable,
    check_output_dir,
    output_lock,
    output_mark,
    recover,
    write_tree,
)
from .load import display_root
from .markup import plural
from .pipeline import build
from .schema_export import stale_schemas, write_schemas
from .session import StopOnSignals
from .settings import (
    Policy,
    Settings,
    content_dir_problem,
    read_settings,
    with_settings_problems,
)
from .siteconfig import written_config_problems, written_language, written_page_problems

content_option = click.option(
    "--content", "content_dir", type=click.Path(path_type=Path), default=None,
    help="The content folder: sources/, claims, entities, briefs/. "
         "[default: the plugin's content_dir in mkdocs.yml, else content]")
strict_option = click.option("--strict", is_flag=True,
                             help="Treat warnings as errors (also set by `strict: true`).")
config_option = click.option(
    "-f", "--config-file", type=click.Path(path_type=Path), default=None,
    help="mkdocs.yml to read the briefing plugin's options from. [default: ./mkdocs.yml "
         "if present]")


@click.group()
@click.version_option(package_name="mkdocs-briefing", prog_name="briefing")
def main() -> None:
    """Briefing: annotated source articles in, a cross-referenced briefing out."""


def _settings(config_file: Path | None, content_dir: Path | None,
              strict: bool) -> tuple[Path, Settings, tuple[Diagnostic, ...]]:
    """The content folder and the plugin's settings, from the options and mkdocs.yml,
    judged as `mkdocs build` judges them (`settings.parse_options`)."""
    if config_file is None:
        config_file = Path("mkdocs.yml")
        if not config_file.is_file():
            if content_dir is None and not Path("content").exists():
                _from_the_project()
            return content_dir or Path("content"), Settings(policy=Policy(strict=strict)), ()
    elif not config_file.is_file():
        raise click.UsageError(_not_a_config(config_file))
    options, settings, problems = read_settings(config_file)
    named = None
    if content_dir is None:
        content_dir = config_file.parent / settings.content_dir
        named = content_dir_problem(options, content_dir)
    return content_dir, replace(settings, policy=replace(
        settings.policy, strict=settings.policy.strict or strict)), \
        (*problems, *((named,) if named else ()))


def _from_the_project() -> None:
    """Stop a command run in a folder below the project's (`content/`, `content/sources/`)
    with where to run it instead: here are neither mkdocs.yml nor a content folder."""
    here = Path.cwd()
    above = next((folder for folder in here.parents if (folder / "mkdocs.yml").is_file()),
                 None)
    if above is not None:
        raise click.UsageError(
            f"there is no mkdocs.yml or content folder here: run the command in "
            f"{os.path.relpath(above, here)}, where mkdocs.yml is, or give its path with "
            f"--config-file {Path(os.path.relpath(above / 'mkdocs.yml', here)).as_posix()}")


def _not_a_config(path: Path) -> str:
    """What is wrong with a `--config-file` that is not a file, and what to give instead."""
    shown = path.as_posix()
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return f"{shown} does not exist; give the path of the briefing's mkdocs.yml"
    except OSError as exc:
        return f"{shown} cannot be read: {exc.strerror}; check the path and its permissions"
    if stat.S_ISDIR(mode):
        return (f"{shown} is a folder, not a file; give the path of its mkdocs.yml: "
                f"--config-file {(path / 'mkdocs.yml').as_posix()}")
    return f"{shown} is not a regular file; give the path of the briefing's mkdocs.yml"


def _report(diagnostics: tuple[Diagnostic, ...], policy: Policy, *,
            github: bool = False) -> bool:
    for diagnostic in diagnostics:
        # GitHub reads workflow commands from standard output only.
        click.echo(diagnostic.github() if github else diagnostic.format(), err=not github)
    failed = policy.failed(diagnostics)
    if diagnostics or failed:
        click.echo(f"{summary(diagnostics)}{' (strict)' if policy.strict else ''}", err=True)
    return failed


def _unwritable(exc: Unwritable) -> NoReturn:
    click.echo(f"{exc}\n    hint: {exc.hint}", err=True)
    sys.exit(exc.status)


def _traceback(exc: Exception | None) -> None:
    """The traceback of an exception the build reported as `internal-error`, for a bug
    report."""
    if exc is not None:
        click.echo("".join(traceback.format_exception(exc)).rstrip(), err=True)


@main.command()
@content_option
@strict_option
@config_option
@click.option("--format", "output_format", type=click.Choice(["text", "github"]),
              default="text", show_default=True,
              help="text: path:line:col: severity: message, with a hint line; github: "
                   "GitHub Actions annotations on the files.")
def check(content_dir: Path | None, strict: bool, config_file: Path | None,
          output_format: str) -> None:
    """Validate the content and print every problem as path:line:col: severity: message."""
    content_dir, settings, problems = _settings(config_file, content_dir, strict)
    policy = settings.policy
    config = config_file or Path("mkdocs.yml")
    # Settings `INHERIT:` cannot give are not known: nothing more is said of them. Nor of
    # a site built without the plugin: its settings and pages are no concern of it.
    known = config.is_file() and settings.enabled \
        and not any(p.code == "config-inherit" for p in problems)
    if known:  # what the site build would stop on
        problems = (*problems, *written_config_problems(config, content_dir))
    if config.is_file():  # the editor's schemas
        problems = (*problems, *stale_schemas(config.parent / "schemas"))
    result = build(content_dir, hedges=policy.hedges, originals=True,
                   language=written_language(config), today=datetime.date.today())
    _traceback(result.error)
    if known:  # hand-written files the site build would replace
        problems = (*problems, *written_page_problems(
            config, result.pages, result.files, result.diagnostics,
            picker=settings.quote_picker == "always"))
    reported = policy.apply(with_settings_problems(problems, result.diagnostics))
    if _report(reported, policy, github=output_format == "github"):
        sys.exit(1)
    # Said on the one line, as a tool showing the two streams apart puts this one first.
    ok = f"ok, with {plural(len(reported), 'warning')}" if reported else "ok"
    click.echo(f"{ok}: {len(result.pages)} pages would be built" if settings.enabled else
               f"{ok}: the content holds no error, but mkdocs.yml leaves the briefing plugin "
               f"out (`enabled: false`): the site would have none of its {len(result.pages)} "
               "pages")


@main.command(name="build")
@content_option
@strict_option
@config_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Folder to write the generated Markdown into: a new or empty one, or "
                   "one holding only what the last build wrote (replaced atomically).")
@click.option("--title", default="Briefing", show_default=True, help="Home page heading.")
def build_command(content_dir: Path | None, strict: bool, config_file: Path | None,
                  out_dir: Path, title: str) -> None:
    """Write the generated Markdown pages to --out, for inspection or export."""
    content_dir, settings, problems = _settings(config_file, content_dir, strict)
    policy = settings.policy
    try:
        check_output_dir(out_dir, content_dir)
        # Held for the whole build: one writer at a time. A build stopped by SIGTERM ends
        # as on Ctrl-C, removing its staging folder.
        with StopOnSignals(), output_lock(out_dir):
            recover(out_dir)
            result = build(content_dir, site_title=title, hedges=policy.hedges,
                           originals=True, today=datetime.date.today(),
                           language=written_language(config_file or Path("mkdocs.yml")))
            _traceback(result.error)
            if _report(with_settings_problems(problems, policy.apply(result.diagnostics)), policy):
                click.echo(f"nothing written; {out_dir} keeps its previous contents", err=True)
                sys.exit(1)
            written = {**result.pages, **result.files}
            write_tree({**written, OUTPUT_MARK: output_mark(written)}, out_dir)
    except UnsafeOutput as exc:
        raise click.UsageError(str(exc)) from exc
    except OutputFault as exc:
        click.echo(exc.diagnostic.format(), err=True)
        sys.exit(exc.status)
    extra = "".join(f" and {name}" for name in sorted(result.files))
    click.echo(f"wrote {len(result.pages)} pages{extra} to {out_dir}")


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option("--bare", is_flag=True, help="Leave the example source, claims and brief out.")
@click.option("--locale", metavar="TAG", help="The site's language (fr, de-AT, pt-BR, ar…): "
              "mkdocs.yml's theme locale, and the reader's guide in it where Briefing has "
              "one. [default: English]")
def init(directory: Path, bare: bool, locale: str | None) -> None:
    """Start a briefing in DIRECTORY (default: here), which must be empty: mkdocs.yml,
    content/ with an example, the schemas, .gitignore, pre-commit and publishing set up."""
    from .language import language_tag, primary
    from .project import Occupied, guide_language, init_project, installed_from

    tag = None if locale is None else language_tag(locale)
    if locale is not None and tag is None:
        raise click.BadParameter(f"{locale!r} is not a language tag: write one such as fr, "
                                 "de-AT or pt-BR", param_hint="--locale")
    try:
        written = init_project(directory, example=not bare, locale=tag)
    except Occupied as exc:
        click.echo(f"error: {exc}", err=True)
        click.echo("    hint: run `briefing init NEW-FOLDER`, or start in an empty folder",
                   err=True)
        sys.exit(1)
    except Unwritable as exc:
        _unwritable(exc)
    click.echo(f"wrote {len(written)} files in {directory}:")
    for rel in written:
        click.echo(f"  {rel}")
    if tag is not None and guide_language(tag) is None and not tag.startswith("en"):
        click.echo(f"note: content/pages/about.md, the reader's guide, is in English: Briefing "
                   f"has none in {tag}; translate it with the rest of your prose", err=True)
    if tag is not None and primary(tag) in UNSPACED:
        click.echo(f"note: search finds the words of a text in {tag} only with Pagefind's "
                   f"extended build: add pagefind-bin-extended=={_pagefind_version()} to "
                   "requirements.txt and install it", err=True)
    origin = installed_from()
    if origin is not None:
        click.echo(f"note: Briefing was installed from {origin}, not from PyPI: before you "
                   "publish, point requirements.txt at a wheel or git address the publish "
                   "workflow can reach (its comments say how)", err=True)
    here = directory == Path(".")
    where = "" if here else f"cd {directory} && "
    command = _command("mkdocs", after_cd=None if here else directory)
    click.echo(f"next: {where}{command} serve, then open http://127.0.0.1:8000")


# Languages written without spaces between words: Pagefind's extended build segments them.
UNSPACED = frozenset({"zh", "ja"})


def _pagefind_version() -> str:
    """The pagefind-bin installed, whose version the extended build must match."""
    from importlib import metadata
    return metadata.version("pagefind-bin")


def _command(name: str, after_cd: Path | None = None) -> str:
    """How to run `name` from here, or from the folder `after_cd` once there: as is when
    it is on PATH, else by its path beside this Python (`.venv/bin/mkdocs`, when the
    environment is not activated; `../.venv/bin/mkdocs` from a folder below here)."""
    beside = Path(sys.executable).parent / name
    if shutil.which(name) == str(beside) or not beside.is_file():
        return name
    shown = display_root(beside)  # (relative to here when it is below here)
    if after_cd is None or Path(shown).is_absolute():
        return shown
    return Path(os.path.relpath(beside.absolute(), after_cd.absolute())).as_posix()


@main.command()
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("schemas"),
              show_default=True, help="Folder to write the JSON Schema files into.")
def schema(out_dir: Path) -> None:
    """Write the JSON Schema of each annotation file, for editors (yaml-language-server)."""
    try:
        written = write_schemas(out_dir)
    except Unwritable as exc:
        _unwritable(exc)
    for path in written:
        click.echo(f"wrote {path}")


# A web address given where a saved file is wanted (`briefing new https://…`).
ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


class ArticlePath(click.Path):
    """A saved article; an address is refused with how to save it, as nothing is fetched."""

    def convert(self, value: str | os.PathLike[str], param: click.Parameter | None,
                ctx: click.Context | None) -> str | bytes | os.PathLike[str]:
        text = os.fspath(value)
        if isinstance(text, str) and ADDRESS.match(text) and not os.path.lexists(text):
            self.fail(f"{text!r} is a web address: `briefing new` reads a saved file and "
                      "fetches nothing. Save the page from the browser (\"Web page, HTML "
                      "only\"), or its PDF or text, and give that file", param, ctx)
        return super().convert(value, param, ctx)


@main.command()
@click.argument("article", type=ArticlePath(exists=True, path_type=Path))
@click.option("--id", "source_id", default=None,
              help="The new source's id. [default: the article's date and title]")
@click.option("--language", metavar="TAG", default=None,
              help="The article's language, a BCP 47 tag (de, fr, pt-BR): its names are "
                   "read as that language writes them, and `language:` is written when it "
                   "is not the site's. It wins over the language a page or PDF declares "
                   "(<html lang>, /Lang). [default: the page's or PDF's, else the site's]")
@content_option
@config_option
def new(article: Path, source_id: str | None, language: str | None,
        content_dir: Path | None, config_file: Path | None) -> None:
    """Add ARTICLE as a source and write a starter annotation with suggestions."""
    from .starter import Misused, Refused, prepare, read_article, summary_line, write_source

    if content_dir is config_file is None and not Path("mkdocs.yml").is_file() \
            and not Path("content").is_dir():
        # Run from the wrong folder (Downloads, content/sources/), it would start a second
        # content folder there that no build reads.
        raise click.UsageError(
            f"no briefing in {Path.cwd()}: it has neither mkdocs.yml nor a content folder. "
            "Run `briefing new` from the briefing's folder (where mkdocs.yml is), give "
            "--content or --config-file, or start a briefing with `briefing init`")
    content_dir, _, problems = _settings(config_file, content_dir, False)
    for problem in problems:
        click.echo(problem.format(), err=True)
    config = config_file or Path("mkdocs.yml")
    root = config.parent if config.is_file() else content_dir.parent
    # A page in the site's language needs no `language:` (`written_language`).
    site_language = written_language(config)
    try:
        added = prepare(read_article(article), article.as_posix(), content_dir, root,
                        source_id=source_id, site_language=site_language,
                        language=language)
        text_path, yaml_path = write_source(content_dir, added.id, added.article,
                                            added.starter, added.original)
    except Misused as exc:
        raise click.UsageError(str(exc)) from exc
    except Unwritable as exc:
        _unwritable(exc)
    except Refused as exc:
        for diagnostic in exc.diagnostics:
            click.echo(diagnostic.format(), err=True)
        click.echo(f"{exc}\n    hint: {exc.hint}" if exc.hint else str(exc), err=True)
        sys.exit(1)
    for note in added.notes:
        click.echo(note.format(), err=True)
    if added.extracted is not None and added.original is not None:
        what = "PDF" if added.extracted.kind == "pdf" else "web page"
        click.echo(f"wrote {text_path.with_suffix(added.original[0])} (the {what}, byte "
                   "for byte)")
        click.echo(f"wrote {text_path} (its text, extracted by {added.extracted.extractor} "
                   f"{added.extracted.version})")
    else:
        click.echo(f"wrote {text_path} (the article, byte for byte)")
    click.echo(f"wrote {yaml_path} (starter annotation)")
    click.echo(summary_line(added.suggestions, added.extracted))
    click.echo(f"next: review the suggestions in {yaml_path}, then run "
               f"`{_command('briefing')} check`")
