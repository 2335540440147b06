"""What a theme's templates are given besides MkDocs' own globals, for any site generator
that renders Briefing's pages: the sections, the words, the language, and how each page
is searched and what it loads. The MkDocs adapter sets them in `on_env`."""

from __future__ import annotations

from collections.abc import Iterable

from .language import direction
from .pageassets import PageAssets, page_assets
from .paths import PROBLEMS, sections
from .sitesearch import Role, role
from .wording import Wording, html_words


def theme_globals(words: Wording, lang: str, *, pagefind: bool, serving: bool,
                  generated: Iterable[str], own_pages: Iterable[tuple[str, str]]
                  ) -> dict[str, object]:
    """`own_pages`: the hand-written pages the navigation lists, each its title and path;
    `generated`: the paths of Briefing's pages; `serving`: under `mkdocs serve`, whose
    Problems page no sitemap lists."""
    made = frozenset(generated)

    def search_role(src: str) -> Role | None:
        return role(src, generated=src in made)

    def assets(src: str) -> PageAssets:
        return page_assets(src, generated=src in made)

    return {
        # Sections, not every page: a nav of every page on every page is quadratic.
        # Each is its name, its path and whether the name is Briefing's words.
        "briefing_sections": [*((name, path, True) for name, path in sections(words)),
                              *((title, path, False) for title, path in own_pages)],
        # Whether the site gets Pagefind's search, and how each page is indexed.
        "briefing_pagefind": pagefind,
        "briefing_search_role": search_role,
        # The site's language, as a tag, and the direction it is written in.
        "briefing_lang": lang,
        "briefing_dir": direction(lang),
        # The theme's words, in the site's language where Briefing has it.
        **html_words(words),
        "briefing_serve_only": (PROBLEMS,) if serving else (),
        # The plugin's styles and scripts each page loads.
        "briefing_page_assets": assets,
    }
