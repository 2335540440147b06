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

    def page_html(self, output: str, page: Page) -> str:
        source_id = self.pages.get(page.file.src_uri)
        if source_id is None or self.linked is None or self.index is None:
            return output
        block = data_block(page_data(self.linked, self.index, source_id))
        at = output.rfind("</body>")
        return output[:at] + block + output[at:] if at >= 0 else output + block
