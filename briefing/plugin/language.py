"""The site's language under MkDocs (`briefing/language.py` reads it from the theme's
settings): the tag Briefing's theme writes, and MkDocs' warning it silences for that
theme."""

from __future__ import annotations

import logging

from mkdocs import localization
from mkdocs.config.defaults import MkDocsConfig

from ..language import DEFAULT, site_language

# Under ProperDocs, `mkdocs.*` imports load `properdocs.*`, which logs as `properdocs`.
TRANSLATIONS_LOG = logging.getLogger(localization.__name__)
UNTRANSLATED = "No translations could be found for the locale"


class UntranslatedTheme(logging.Filter):
    """With Babel installed (Material brings it), MkDocs warns that the theme has no
    translations for a `theme.locale` other than English and is "defaulting to English",
    and `--strict` stops the build on it. Briefing's theme has no translations of MkDocs'
    kind: its words come from Briefing's own catalogs (`wording.py`). So while
    the theme says it has none (`briefing_untranslated: true` in its mkdocs_theme.yml, as
    Briefing's does), that one warning is dropped; under any other theme it stays."""

    def __init__(self) -> None:
        super().__init__()
        self.untranslated_theme = False

    def filter(self, record: logging.LogRecord) -> bool:
        return not (self.untranslated_theme and record.getMessage().startswith(UNTRANSLATED))

    def configure(self, config: MkDocsConfig) -> str:
        """The site's language tag (one that is none was reported with the settings:
        `config-language`); the filter on while the theme has no translations."""
        tag, _ = site_language(config.theme.locale, config.theme.get("language"))
        self.untranslated_theme = bool(config.theme.get("briefing_untranslated"))
        TRANSLATIONS_LOG.addFilter(self)
        return tag or DEFAULT

    def close(self) -> None:
        TRANSLATIONS_LOG.removeFilter(self)
