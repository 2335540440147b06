"""The theme's folders as MkDocs looks its templates and files up there: the site's
`custom_dir`, then the theme's folder (and those of the themes it extends), then MkDocs'
own templates. The plugin passes `config.theme.dirs`; `briefing check` finds the same
folders from mkdocs.yml as written (`siteconfig.written_theme_folders`).

Which templates exist (`page-template-missing`) and what the theme writes into the site
(`page-collision`) are answered here by looking the paths up, not by listing the
folders: Material's holds thousands of icons, none of them published.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch

# What of a theme's folders MkDocs does not publish (`Files.add_files_from_theme`):
# templates, the theme's settings and translations, hidden, Python and Markdown files.
_NOT_PUBLISHED = (".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml",
                  "locales/*", "*.markdown", "*.mdown", "*.mkdn", "*.mkd", "*.md")


def theme_publishes(rel: str, static_templates: Iterable[object]) -> bool:
    """Whether MkDocs publishes the file at `rel` in a theme's folder as it is."""
    return not any(fnmatch(rel.lower(), pattern) for pattern in
                   (*_NOT_PUBLISHED, *(str(t) for t in static_templates)))


def files_under(folder: str) -> Iterator[str]:
    """The paths of the files in `folder`, hidden folders left unread."""
    for top, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        rel = os.path.relpath(top, folder).replace(os.sep, "/")
        yield from (name if rel == "." else f"{rel}/{name}" for name in files)


@dataclass(frozen=True)
class ThemeFolders:
    dirs: tuple[str, ...]  # in MkDocs' order: the first holding a path is the one used
    static_templates: tuple[str, ...] = ()  # written into the site at their names

    def has_template(self, name: str) -> bool:
        """Whether Jinja's loader finds the template `name` (`FileSystemLoader`: `/`
        separates folders, `..` is refused, empty and `.` parts are skipped)."""
        parts = [part for part in name.split("/") if part not in ("", ".")]
        if not parts or any(os.sep in part or (os.altsep and os.altsep in part)
                             or part == ".." for part in parts):
            return False
        return any(os.path.isfile(os.path.join(folder, *parts)) for folder in self.dirs)

    def page_templates(self) -> list[str]:
        """The templates a page could name: the HTML files of the folders, partials left
        out (they are pieces of a page, not one)."""
        return sorted({rel for folder in self.dirs for rel in files_under(folder)
                       if rel.endswith(".html") and not rel.startswith("partials/")})

    def publishes(self, path: str) -> bool:
        """Whether MkDocs writes a file of the theme at the site path `path`."""
        return theme_publishes(path, self.static_templates) and any(
            os.path.isfile(os.path.join(folder, path)) for folder in self.dirs)

    def holds_folder(self, path: str) -> bool:
        """Whether the theme writes files inside the folder `path` of the site."""
        return any(theme_publishes(f"{path}/{rel}", self.static_templates)
                   for folder in self.dirs if os.path.isdir(os.path.join(folder, path))
                   for rel in files_under(os.path.join(folder, path)))

    def static_outputs(self) -> frozenset[str]:
        """Where MkDocs writes the theme's static templates (`404.html`, `sitemap.xml`
        and its compressed copy), those the folders hold."""
        written = {name for name in self.static_templates if self.has_template(name)}
        return frozenset({*written, *(("sitemap.xml.gz",) if "sitemap.xml" in written
                                      else ())})
