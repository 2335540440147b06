"""The translators' side of `wording.py`: the words marked for translation, extracted from
a checkout of Briefing into `briefing/locales/briefing.pot`, and each language's
catalog (`<tag>.po`) brought in step with them.

    python -m briefing.catalogs            # extract, and update every catalog
    python -m briefing.catalogs --new sv   # start a catalog for Swedish

Marked are `gettext(...)` and `ngettext(...)` in the core's Python, `_(...)` and
`ngettext(...)` in the page templates and the theme (and `plural_forms(...)`, a plural
message the theme hands its scripts), and `t(...)` in the scripts. The
tests fail while the template is not what the sources mark, or a catalog leaves a word
untranslated, so every shipped language covers every word."""

from __future__ import annotations

import argparse
import datetime
import io
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import MappingProxyType

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "briefing" / "locales"
TEMPLATE = LOCALES / "briefing.pot"
# Where the words are, by file pattern and how each is read (Babel's extraction methods;
# Jinja's is its own `babel_extract`, with the environment's block settings), and the names
# that mark them there. The core's Python marks with `gettext`, `ngettext`, `pgettext` and
# `npgettext` (a word told apart by a context; the latter agreeing with a count) only: Babel
# would read any name starting with `_` as a call of `_`.
PYTHON = ((("briefing/plugin/**.py", "ignore"), ("briefing/catalogs.py", "ignore"),
           ("briefing/**.py", "python")),
          MappingProxyType({"gettext": None, "ngettext": (1, 2),
                            "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}))
TEMPLATES = ((("briefing/templates/**.j2", "jinja2.ext:babel_extract"),
              ("theme/**.html", "jinja2.ext:babel_extract"),
              ("briefing/assets/**.js", "javascript")),
             MappingProxyType({"_": None, "ngettext": (1, 2), "plural_forms": (1, 2),
                               "t": None}))
OPTIONS = MappingProxyType({"briefing/templates/**.j2": MappingProxyType(
    {"trim_blocks": "true", "lstrip_blocks": "true"})})
HEADER = ("# The words of Briefing's pages, to translate: see docs/reading.md, \"The pages'\n"
          "# words in the site's language\". Made by `python -m briefing.catalogs`.\n#")
# A marked word where it is found: file, line, message (a tuple for a plural), the
# translators' comments there, context.
Occurrence = tuple[str, int, str | tuple[str, ...], list[str], str | None]
# Fixed, so that extracting unchanged words writes the same file.
STAMP = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def extracted(root: Path = ROOT) -> Catalog:
    """The words the sources under `root` mark, each once, with the comments marked for
    translators (`Translators:`) before them."""
    catalog = _catalog(None)
    for _filename, _line, message, comments, context in occurrences(root):
        catalog.add(message, None, auto_comments=comments, context=context)
    return catalog


def occurrences(root: Path = ROOT) -> Iterator[Occurrence]:
    """Each place the sources under `root` mark a word: its file (relative to `root`), its
    line, the message, the translators' comments Babel gives it there, its context. Babel's
    Jinja extractor gives a comment to the first message after it only, so a message
    written beside another on its line gets none (`tests/test_catalog_comments.py`)."""
    if not (root / "theme").is_dir():
        raise SystemExit(f"{root}: not a checkout of Briefing (no theme/ folder); the "
                         "words are extracted from the sources, not from an installed copy")
    options = {pattern: dict(settings) for pattern, settings in OPTIONS.items()}
    for methods, keywords in (PYTHON, TEMPLATES):
        yield from extract_from_dir(root, method_map=methods, options_map=options,
                                    keywords=keywords, comment_tags=("Translators:",),
                                    strip_comment_tags=True, directory_filter=_wanted)


def _catalog(locale: Locale | None) -> Catalog:
    return Catalog(locale=locale, header_comment=HEADER, project="Briefing",
                   version="", creation_date=STAMP, revision_date=STAMP, fuzzy=False,
                   language_team="", last_translator="", msgid_bugs_address="")


def _wanted(path: str) -> bool:
    name = Path(path).name
    return not (name.startswith(".") or name in ("__pycache__", "scaffold", "tests"))


def written(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, no_location=True, sort_output=True)
    return out.getvalue()


def update(template: Catalog, tags: Iterable[str]) -> None:
    """Each catalog in step with the template: new words added untranslated, words no
    longer marked kept as obsolete (`#~`), for a translator to reuse or drop."""
    for tag in tags:
        path = LOCALES / f"{tag}.po"
        catalog = read_po(path.open("rb"), locale=tag)
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        path.write_bytes(written(catalog))


def new_catalog(template: Catalog, tag: str) -> Path:
    path = LOCALES / f"{tag}.po"
    if path.exists():
        raise SystemExit(f"{path}: already there; run without --new to update it")
    catalog = _catalog(Locale.parse(tag, sep="-"))
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    path.write_bytes(written(catalog))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing.catalogs",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--new", metavar="TAG", help="start a catalog for this language")
    args = parser.parse_args(argv)
    template = extracted()
    TEMPLATE.write_bytes(written(template))
    if args.new:
        print(f"wrote {new_catalog(template, args.new)}: translate each msgstr")
    tags = sorted(p.stem for p in LOCALES.glob("*.po") if p.stem != args.new)
    update(template, tags)
    print(f"{len(template)} words; updated {', '.join(tags) or 'no catalog'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
