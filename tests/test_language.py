"""The site's language (briefing/language.py): `theme: locale:` (or Material's
`language:`) as a BCP 47 tag in every page's `<html lang>`, a build under `--strict`
whatever the locale under Briefing's theme, Pagefind's index in that language, and the
extended Pagefind preferred where it is installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import sitesearch
from briefing.cli import main
from briefing.language import (
    direction,
    lang_as_tag,
    language_tag,
    other_language,
    site_language,
)
from briefing.markup import attributes
from briefing.numbers import writes_numbers_otherwise
from briefing.siteconfig import written_language
from briefing.sitesearch import SearchIndexFault


@pytest.mark.parametrize(("value", "tag"), [
    ("en", "en"), ("en_GB", "en-GB"), ("zh", "zh"), ("zh_Hant_TW", "zh-Hant-TW"),
    ("pt-br", "pt-BR"), ("sr_Latn", "sr-Latn"), ("es_419", "es-419"), ("DE", "de"),
    ("en US", None), ("", None), ("english", None), ("x-private", None), ("en_GB.UTF-8", None),
])
def test_a_locale_is_written_as_a_language_tag(value: str, tag: str | None) -> None:
    assert language_tag(value) == tag


@pytest.mark.parametrize(("tag", "written"), [
    ("ar", "rtl"), ("ar-EG", "rtl"), ("ar_EG", "rtl"), ("he", "rtl"), ("iw", "rtl"),
    ("fa", "rtl"), ("fa-AF", "rtl"), ("ur", "rtl"), ("ur-IN", "rtl"), ("ps", "rtl"),
    ("yi", "rtl"), ("dv", "rtl"), ("ckb", "rtl"), ("sd", "rtl"), ("ug", "rtl"),
    ("syr", "rtl"), ("nqo", "rtl"), ("arc", "rtl"),  # Syriac, N'Ko, Imperial Aramaic
    ("en", "ltr"), ("en-GB", "ltr"), ("zh-Hant", "ltr"), ("ja", "ltr"), ("ku", "ltr"),
    # A script named wins over the language's usual one, either way.
    ("az", "ltr"), ("az-Arab", "rtl"), ("uz-Arab", "rtl"), ("ff-Adlm", "rtl"),
    ("ku-Arab", "rtl"), ("ar-Latn", "ltr"), ("xx-Hebr", "rtl"),
    # So does the script the language is likely written in where the region is named.
    ("pa", "ltr"), ("pa-PK", "rtl"), ("az-IR", "rtl"), ("uz-AF", "rtl"),
    ("mn-Mong", "ltr"),  # written top to bottom: left to right, for HTML
    ("xx", "ltr"), ("", "ltr"), ("not a tag", "ltr"),
])
def test_a_language_is_written_in_its_scripts_direction(tag: str, written: str) -> None:
    assert direction(tag) == written


def test_the_direction_is_each_cldr_locales_own() -> None:
    """`direction` reads the script off the tag or CLDR's likely subtags; CLDR's locale
    data records each locale's direction itself (but Mongolian's vertical one)."""
    from babel import Locale, localedata

    for name in localedata.locale_identifiers():
        locale = Locale.parse(name)
        if locale.text_direction != "ttb":
            assert direction(name) == locale.text_direction, name


def test_a_sources_words_declare_their_direction_with_their_language() -> None:
    """On any site: an Arabic quote reads right to left on an English page, an English
    one left to right on an Arabic page."""
    assert attributes("cite", "ar") == "{.cite lang=ar dir=rtl}"
    assert attributes(lang="en-GB") == "{lang=en-GB dir=ltr}"
    assert attributes("cite") == "{.cite}" and attributes() == ""


def test_materials_language_wins_over_the_locale_and_english_is_the_default() -> None:
    assert site_language("en_GB", None) == ("en-GB", "locale")
    assert site_language("en", "pt-BR") == ("pt-BR", "language")
    assert site_language("en", "klingon language") == (None, "language")
    assert site_language(None, None) == ("en", "locale")
    # Material's own translations name no language: the locale decides.
    assert site_language("de", "custom") == ("de", "locale")


def test_another_language_is_another_primary_subtag() -> None:
    """What `briefing new` writes `language:` for: a region or script of the site's own
    language is not another language."""
    assert other_language("sv", "en") and other_language("en", "de-AT")
    assert not other_language("en-US", "en") and not other_language("en", "en-GB")
    assert not other_language("zh-Hant", "zh-Hans") and not other_language("DE", "de")


def test_a_region_of_the_sites_language_may_write_numbers_otherwise() -> None:
    """What else `briefing new` writes `language:` for: a tag of the site's language that
    CLDR gives other separators or scale words."""
    assert writes_numbers_otherwise("es-MX", "es") and writes_numbers_otherwise("de", "de-CH")
    assert writes_numbers_otherwise("pt-PT", "pt") and writes_numbers_otherwise("fr-CA", "fr")
    assert not writes_numbers_otherwise("en-GB", "en")
    assert not writes_numbers_otherwise("pt-BR", "pt")
    assert not writes_numbers_otherwise("de-XX", "de")  # a region CLDR does not know


@pytest.mark.parametrize(("written", "tag"), [
    ("theme: {name: mkdocs, locale: de_AT}\n", "de-AT"),
    ("theme: {name: material, language: sv, locale: de}\n", "sv"),
    ("theme: material\n", "en"), ("", "en"),
    ("theme: {name: mkdocs, locale: not a locale}\n", "en"),  # `briefing check` says so
    ("theme: [\n", "en"),  # unreadable: MkDocs says so
])
def test_the_sites_language_as_mkdocs_yml_writes_it(tmp_path: Path, written: str, tag: str
                                                    ) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: t\n{written}", encoding="utf-8")
    assert written_language(config) == tag


def test_the_lang_mkdocs_own_theme_writes_is_made_a_tag() -> None:
    page = '<!DOCTYPE html>\n<html lang="en_GB" data-bs-theme="light">'
    assert lang_as_tag(page, "en_GB") == \
        '<!DOCTYPE html>\n<html lang="en-GB" data-bs-theme="light">'
    assert lang_as_tag('<html lang="zh">', "zh") == '<html lang="zh">'
    # Only the page's own tag: a lang="en_GB" in its text is the text's.
    assert lang_as_tag('<p lang="en_GB">', "en_GB") == '<p lang="en_GB">'


THEMES = {"briefing": "theme:\n  name: briefing\n",
          "mkdocs": "theme:\n  name: mkdocs\n  highlightjs: false\n"}


def build_with(tmp_path: Path, theme: str, option: str) -> Path:
    project = tmp_path / "project"
    assert CliRunner().invoke(main, ["init", str(project)]).exit_code == 0
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "theme:\n  name: briefing\n", THEMES[theme] + f"  {option}\n"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "out"],
                            cwd=project, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "out"


@pytest.mark.parametrize(("option", "html"), [
    ("locale: zh", '<html lang="zh">'), ("locale: de", '<html lang="de">'),
    ("locale: en_GB", '<html lang="en-GB">'), ("language: ja", '<html lang="ja">'),
    ("locale: ar", '<html lang="ar" dir="rtl">'),
    ("locale: fa_AF", '<html lang="fa-AF" dir="rtl">')])
def test_briefings_theme_declares_the_locale_and_builds_under_strict(
        tmp_path: Path, option: str, html: str) -> None:
    """`locale: zh` stopped `mkdocs build --strict` ("No translations could be found"),
    `en_GB` was written as no tag, and Material's `language:` was not read. A language
    written right to left is the direction of the whole page, the 404 page's too."""
    site = build_with(tmp_path, "briefing", option)
    tag = html.split('"')[1]
    for page in ("index.html", "briefs/library-sundays/index.html", "404.html"):
        assert html + "\n" in (site / page).read_text(encoding="utf-8"), page
    # Pagefind indexes the pages in their language (its folder names it, lower-cased).
    assert [path.name.split("_")[0] for path in (site / "pagefind" / "index").iterdir()] \
        == [tag.lower()]


# The theme's words marked English, on a site in another language.
ENGLISH_MARK = ' lang="en" dir="ltr"'


def test_the_themes_words_are_the_sites_where_briefing_has_them(tmp_path: Path) -> None:
    """A French site's theme says its words in French and marks none English, the 404 page
    too; its features.js carries the scripts' French words, and the search box the search
    script's. A Swedish site, whose language Briefing has no words for, keeps them English,
    marked so (the search's status too), and features.js and the search script as
    written."""
    from briefing.minify import minified
    from briefing.pageassets import ASSETS

    french = build_with(tmp_path / "fr", "briefing", "locale: fr")
    home = (french / "index.html").read_text(encoding="utf-8")
    assert '<a class="skip-link" href="#content">Aller au contenu</a>' in home
    assert "<p>My briefing\u202f: chaque point d" in home
    assert 'placeholder="Rechercher…"' in home
    assert ENGLISH_MARK not in home
    assert '<p class="search-status" role="status"></p>' in home
    said = json.loads(home.split('<script type="application/json" id="search-words">')[1]
                      .split("</script>")[0])
    assert said["messages"]["Nothing matches."] == "Aucun résultat."
    assert said["plurals"]["%(num)d page"] == \
        {"one": "%(num)d page", "other": "%(num)d pages", "many": "%(num)d pages"}
    assert said["values"]["status"]["disputed"] == "contestée"
    assert said["values"]["type"]["Claim"] == "Affirmation"
    missing = (french / "404.html").read_text(encoding="utf-8")
    assert "<h1>Page introuvable</h1>" in missing and ENGLISH_MARK not in missing
    script = (french / "assets" / "briefing" / "features.js").read_text(encoding="utf-8")
    assert '"%(quote)s est cité dans\u202f: %(points)s"' in script
    assert "var words=null" not in script

    swedish = build_with(tmp_path / "sv", "briefing", "locale: sv")
    home = (swedish / "index.html").read_text(encoding="utf-8")
    assert f'<a class="skip-link" href="#content"{ENGLISH_MARK}>Skip to content</a>' in home
    assert f'<p class="search-status" role="status"{ENGLISH_MARK}></p>' in home
    assert 'id="search-words"' not in home
    assert f"<p><span{ENGLISH_MARK}><bdi>My briefing</bdi>: every point" in home
    assert f"<h1><span{ENGLISH_MARK}>Page not found</span></h1>" in \
        (swedish / "404.html").read_text(encoding="utf-8")
    assert (swedish / "assets" / "briefing" / "features.js").read_text(encoding="utf-8") \
        == minified("features.js", (ASSETS / "features.js").read_text(encoding="utf-8"))


def test_mkdocs_own_theme_gets_a_tag_for_its_locale(tmp_path: Path) -> None:
    site = build_with(tmp_path, "mkdocs", "locale: en_GB")
    assert '<html lang="en-GB"' in (site / "index.html").read_text(encoding="utf-8")


def test_the_extended_pagefind_is_preferred_at_the_same_version(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Only the extended Pagefind splits Chinese and Japanese into words; one of another
    version than pagefind-bin's would write another index, and is refused."""
    executable = tmp_path / "pagefind_extended"
    executable.write_text("")
    module = types.ModuleType("pagefind_bin_extended")
    module.get_executable = lambda: executable  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pagefind_bin_extended", module)
    versions = {"pagefind-bin": "1.5.2", "pagefind-bin-extended": "1.5.2"}
    monkeypatch.setattr(sitesearch.metadata, "version", versions.__getitem__)
    assert sitesearch.binary() == executable
    versions["pagefind-bin-extended"] = "1.4.0"
    with pytest.raises(SearchIndexFault, match=r"install pagefind-bin-extended==1\.5\.2"):
        sitesearch.binary()
    monkeypatch.delitem(sys.modules, "pagefind_bin_extended")
    monkeypatch.setattr("builtins.__import__", _refusing("pagefind_bin_extended"))
    assert sitesearch.binary() is not None and sitesearch.binary() != executable


def _refusing(name: str):  # type: ignore[no-untyped-def]
    real = __import__

    def importer(module, *args, **kwargs):  # type: ignore[no-untyped-def]
        if module == name:
            raise ImportError(name)
        return real(module, *args, **kwargs)
    return importer
