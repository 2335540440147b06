"""The quote picker's part of the plugin (`quote_picker: serve | always | never`).

On by default only under `mkdocs serve`: the published site carries neither the script
nor the data. When on, `picker.js` joins the plugin's scripts and each source page gets
its data (`picker.PickerPages`) on its article's heading.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from ..link import Linked
from ..pageassets import ASSETS, PICKER_SCRIPT
from ..picker import PickerPages, with_data

SCRIPT = "picker.js"


class QuotePicker:
    def __init__(self, mode: str, *, serving: bool, language: str,
                 last: QuotePicker | None = None) -> None:
        self.on = mode == "always" or (mode == "serve" and serving)
        # `mkdocs serve` configures again for each rebuild: the last good build's data.
        self.pages: PickerPages = last.pages if last and self.on else PickerPages()
        self.pages.site_language = language
        self.all_blocks = self.pages.every if self.on else None  # for the results store

    def configure(self, config: MkDocsConfig) -> None:
        if self.on and PICKER_SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(PICKER_SCRIPT)

    def files(self, config: MkDocsConfig) -> list[File]:
        if not self.on:
            return []
        return [File.generated(config, PICKER_SCRIPT, abs_src_path=str(ASSETS / SCRIPT))]

    def built(self, linked: Linked | None, failed: bool, restored: dict[str, str]) -> None:
        if self.on:
            self.pages.built(linked, failed)
            self.pages.restored(restored)

    def page_html(self, output: str, page: Page) -> str:
        block = self.pages.block(page.file.src_uri) if self.on else None
        return output if block is None else with_data(output, block)
