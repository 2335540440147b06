"""The command line: `briefing check` and `briefing build --out DIR`.

Exit codes: 0 no problems (warnings allowed unless --strict); 1 the content has problems;
2 the command was used wrongly (bad option, unsafe output folder).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .diagnostics import has_errors, summary
from .emit import UnsafeOutput, check_output_dir, write_tree
from .pipeline import BuildResult, build

content_option = click.option(
    "--content", "content_dir", type=click.Path(path_type=Path), default=Path("content"),
    show_default=True, help="The content folder: sources/, claims, entities, briefs/.")
strict_option = click.option("--strict", is_flag=True, help="Treat warnings as errors.")


@click.group()
@click.version_option(package_name="briefing")
def main() -> None:
    """Briefing: annotated source articles in, a cross-referenced briefing out."""


def _report(result: BuildResult, strict: bool) -> bool:
    for diagnostic in result.diagnostics:
        click.echo(diagnostic.format(), err=True)
    failed = has_errors(result.diagnostics, strict=strict)
    if result.diagnostics or failed:
        click.echo(f"{summary(result.diagnostics)}{' (strict)' if strict else ''}", err=True)
    return failed


@main.command()
@content_option
@strict_option
def check(content_dir: Path, strict: bool) -> None:
    """Validate the content and print every problem as path:line:col: severity: message."""
    result = build(content_dir)
    if _report(result, strict):
        sys.exit(1)
    click.echo(f"ok: {len(result.pages)} pages would be built")


@main.command(name="build")
@content_option
@strict_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True,
              help="Folder to write the generated Markdown into (replaced atomically).")
@click.option("--title", default="Briefing", show_default=True, help="Home page heading.")
def build_command(content_dir: Path, strict: bool, out_dir: Path, title: str) -> None:
    """Write the generated Markdown pages to --out, for inspection or export."""
    try:
        check_output_dir(out_dir, content_dir)
    except UnsafeOutput as exc:
        raise click.UsageError(str(exc)) from exc
    result = build(content_dir, site_title=title)
    if _report(result, strict):
        click.echo(f"nothing written; {out_dir} keeps its previous contents", err=True)
        sys.exit(1)
    write_tree(result.pages, out_dir)
    click.echo(f"wrote {len(result.pages)} pages to {out_dir}")
