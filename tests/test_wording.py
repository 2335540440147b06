"""The pages' words in the site's language (`briefing/wording.py`, `briefing/catalogs.py`):
the catalogs hold every marked word, each translated with the values it names."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from briefing.catalogs import LOCALES, TEMPLATE, extracted
from briefing.wording import (
    Wording,
    catalog_for,
    catalog_languages,
    load_catalog,
    placeholders,
    wording_for,
)

SHIPPED = catalog_languages()


def read(path: Path, tag: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=tag)


def test_the_template_holds_what_the_sources_mark() -> None:
    marked = {m.id for m in extracted() if m.id}
    written = {m.id for m in read(TEMPLATE) if m.id}
    assert marked == written, "run `python -m briefing.catalogs` and translate what it adds"


def test_languages_are_shipped() -> None:
    assert {"fr", "de"} <= set(SHIPPED)


@pytest.mark.parametrize("tag", SHIPPED)
def test_every_word_is_translated(tag: str) -> None:
    catalog = read(LOCALES / f"{tag}.po", tag)
    marked = {m.id for m in read(TEMPLATE) if m.id}
    held = {m.id: m for m in catalog if m.id}
    assert set(held) == marked, "run `python -m briefing.catalogs`"
    untranslated = [m.id for m in held.values()
                    if m.fuzzy or not (all(m.string) if isinstance(m.string, tuple)
                                       else m.string)]
    assert not untranslated, f"{tag}.po leaves these words English: {untranslated}"


@pytest.mark.parametrize("tag", SHIPPED)
def test_translations_keep_every_value(tag: str) -> None:
    """A translation names the values its message does, no more and no fewer: a count
    dropped from "%(num)d sources" would state a different fact."""
    for message in read(LOCALES / f"{tag}.po", tag):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = frozenset().union(*(placeholders(i) for i in ids))
        for string in strings:
            # A singular form may leave its count unsaid ("une source"), never a name.
            assert placeholders(string) - wanted == frozenset(), (tag, message.id, string)
            assert wanted - placeholders(string) <= {"num"}, (tag, message.id, string)


def test_english_is_the_words_as_written() -> None:
    english = wording_for("en-GB")
    assert english.english and english.language == "en"
    assert english.gettext("Claimed by %(name)s", name="X") == "Claimed by X"
    assert english.ngettext("%(num)d source", "%(num)d sources", 2) == "2 sources"


def test_a_site_language_finds_its_catalog() -> None:
    assert catalog_for("fr-CA") == "fr"
    assert catalog_for("de_AT") == "de"
    assert catalog_for("sv") is None
    assert wording_for("sv").english


def test_a_catalog_translates_and_counts() -> None:
    po = (b'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; '
          b'plural=(n > 1);\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
          b'msgid "%(num)d source"\nmsgid_plural "%(num)d sources"\n'
          b'msgstr[0] "%(num)d source"\nmsgstr[1] "%(num)d sources"\n\n'
          b'msgid "Evidence"\nmsgstr "Preuves"\n')
    french = load_catalog("fr", po)
    assert isinstance(french, Wording) and not french.english
    assert french.gettext("Evidence") == "Preuves"
    assert french.gettext("Status") == "Status"  # not in this catalog: as written
    assert french.ngettext("%(num)d source", "%(num)d sources", 1) == "1 source"
    assert french.ngettext("%(num)d source", "%(num)d sources", 0) == "0 source"
