"""The quote picker's part of the plugin (`quote_picker: serve | always | never`).

On by default only under `mkdocs serve`: the published site carries neither the script
nor the data. When on, `picker.js` joins the plugin's scripts and each source page gets
its data block (`briefing/picker.py`) at the end of its body. The data comes from the
last build without errors, which is also what the served pages show.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from ..link import Linked
from ..paths import page_path
from ..picker import PickerIndex, data_block, page_data
from .assets import ASSETS, SITE_FOLDER

SCRIPT = "picker.js"


class QuotePicker:
    def __init__(self, mode: str, *, serving: bool, last: QuotePicker | None = None) -> None:
        self.on = mode == "always" or (mode == "serve" and serving)
        self.linked: Linked | None = last.linked if last and self.on else None
        self.index: PickerIndex | None = last.index if last and self.on else None
        # source page path -> source id
        self.pages: dict[str, str] = last.pages if last and self.on else {}
        # source page path -> its data block, when the build's came from the results store
        self.blocks: dict[str, str] = last.blocks if last and self.on else {}

    def configure(self, config: MkDocsConfig) -> None:
        uri = f"{SITE_FOLDER}/{SCRIPT}"
        if self.on and uri not in config.extra_javascript:
            config.extra_javascript.append(uri)

    def files(self, config: MkDocsConfig) -> list[File]:
        if not self.on:
            return []
        return [File.generated(config, f"{SITE_FOLDER}/{SCRIPT}",
                               abs_src_path=str(ASSETS / SCRIPT))]

    def built(self, linked: Linked | None, failed: bool) -> None:
        """Keep the corpus of a build without errors; after a failed one the served pages
        are the last good ones, and so is their data."""
        if not self.on or linked is None or failed:
            return
        self.linked, self.index = linked, PickerIndex.of(linked)
        self.pages = {page_path("source", ident): ident for ident in linked.sources}
        self.blocks = {}

    def all_blocks(self, linked: Linked) -> dict[str, str]:
        """Every source page's data block, kept with the build's results on disk."""
        index = PickerIndex.of(linked)
        return {page_path("source", ident): data_block(page_data(linked, index, ident))
                for ident in linked.sources}

    def restored(self, blocks: dict[str, str]) -> None:
        """The blocks of a build read from the results store (or just kept there): every
        source page's, so the corpus of an earlier build is needed no more."""
        if self.on and blocks:
            self.blocks, self.linked, self.index, self.pages = blocks, None, None, {}

    def page_html(self, output: str, page: Page) -> str:
        block = self.blocks.get(page.file.src_uri)
        source_id = self.pages.get(page.file.src_uri)
        if block is None and source_id is not None and self.linked is not None \
                and self.index is not None:
            block = data_block(page_data(self.linked, self.index, source_id))
        if block is None:
            return output
        at = output.rfind("</body>")
        return output[:at] + block + output[at:] if at >= 0 else output + block
