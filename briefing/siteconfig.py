"""What the generated pages need from the site's MkDocs settings, checked before a build.

Without `attr_list` a build succeeds, even with `--strict`, into pages that show raw
`{: .lead }` and `{#what-happened}` and whose anchors lead nowhere; a content folder inside
`docs_dir` publishes the annotation files as they are; pymdownx.arithmatex, as Material's
math setup enables it, reads "$5 million … $6 million" as math. Each is an error that
names the `mkdocs.yml` setting to change. Plain values in, diagnostics out: the plugin passes what
MkDocs read, so this module does not import MkDocs.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from types import MappingProxyType

import yaml

from .collisions import generated_files, hand_written, page_collisions
from .confignames import written_name_problems
from .configyaml import Unreadable, Values, compose
from .diagnostics import Diagnostic, Pos, error
from .language import DEFAULT as DEFAULT_LANGUAGE
from .language import language_problem, site_language, tag_hint
from .load import UNLISTABLE, display_root, linked_out
from .pagetemplates import template_problems
from .settings import Settings, content_dir_problem, parse_options, read_plugin_options
from .sitesearch import FOLDER as SEARCH_FOLDER
from .themefolders import ThemeFolders

# Markdown extension -> what the generated pages use it for.
NEEDED_EXTENSIONS: Mapping[str, str] = MappingProxyType({
    "attr_list": "headings and paragraphs carry ids and classes (`{#what-happened}`, "
                 "`{: .lead }`)",
    "tables": "the figures, timeline and coverage pages are tables",
    "toc": "headings get the anchors that citations and links point at",
})
PAGES_DIR = "pages"  # the one folder of the content folder that docs_dir may be
# MkDocs enables these whatever `markdown_extensions` lists.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
# pymdownx.arithmatex's syntaxes and their defaults (pymdown-extensions 10-13): `dollar`
# reads `$…$` inline and a block of `$$…$$` as math.
ARITHMATEX_DEFAULTS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "inline_syntax": ("dollar", "round"), "block_syntax": ("dollar", "square", "begin")})


def nav_paths(nav: object) -> set[str]:
    """The pages the `nav` setting names (nested lists of paths and titled entries)."""
    if isinstance(nav, str):
        return {nav}
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else ()
    return set().union(*map(nav_paths, items))


def reads_dollars(name: str, options: object) -> bool:
    """Whether the extension `name` (as listed), with `options`, takes `$` for the start
    of math: the pages write amounts with it ("$5 million"), and a source's lines as they
    are. pymdownx.arithmatex does so by default; it leaves `$` alone when neither of its
    syntaxes (`inline_syntax`, `block_syntax`) includes `dollar`."""
    if name.rsplit(".", 1)[-1] != "arithmatex":
        return False
    given = options if isinstance(options, Mapping) else {}
    # As arithmatex reads them: `set(value)`; a value it cannot read fails the build.
    return any(isinstance(value := given.get(key, default), (str, list, tuple))
               and "dollar" in set(value) for key, default in ARITHMATEX_DEFAULTS.items())


def dollar_readers(extensions: Iterable[object],
                   configs: Mapping[str, object] | None) -> list[str]:
    """The extensions, as listed, that read `$` as math (`reads_dollars`); `configs`: their
    options by name (MkDocs' `mdx_configs`), else an Extension instance's own."""
    found = []
    for extension in extensions:
        if isinstance(extension, str):
            name, options = extension, (configs or {}).get(extension, {})
        else:
            name = type(extension).__module__
            get = getattr(extension, "getConfigs", None)
            options = get() if callable(get) else {}
        if reads_dollars(name, options):
            found.append(name)
    return found


def extension_names(extensions: Iterable[object]) -> set[str]:
    """Short names (`attr_list`) of extensions given by name (`attr_list`,
    `markdown.extensions.attr_list`) or as Extension instances."""
    names = set()
    for extension in extensions:
        name = extension if isinstance(extension, str) else type(extension).__module__
        names.add(name.rsplit(".", 1)[-1])
    return names


def _top_level(config_file: Path) -> yaml.MappingNode | None:
    """mkdocs.yml's top-level mapping as YAML nodes; None when it cannot be read (MkDocs,
    or the plugin's options, report that)."""
    root = compose(config_file)[0]
    return root if isinstance(root, yaml.MappingNode) else None


def key_positions(config_file: Path | None) -> dict[str, Pos]:
    """Where each top-level key of mkdocs.yml is written, and the keys of the `theme:`
    mapping (`theme.locale`); {} when it cannot be read."""
    root = _top_level(config_file) if config_file else None
    if config_file is None or root is None:
        return {}
    theme = [(f"theme.{key.value}", key) for name, value in root.value
             if name.value == "theme" and isinstance(value, yaml.MappingNode)
             for key, _ in value.value if isinstance(key, yaml.ScalarNode)]
    return {**{name: Values.pos(key) for name, key in theme},
            **{str(key.value): Values.pos(key) for key, _ in root.value}}


# How MkDocs begins its message on a setting it refuses: it names the top-level key, not
# where it is written (docs/architecture.md lists this reading of MkDocs' words).
_REFUSED_SETTING = re.compile(r"Config value '([^']+)'")


def at_setting_lines(messages: list[str], config_file: str | None) -> list[str]:
    """MkDocs' messages, each one on a setting it refuses placed at the line of
    mkdocs.yml that holds the setting."""
    if config_file is None or not os.path.isfile(config_file):
        return messages
    where = key_positions(Path(display_root(Path(config_file))))
    return [f"{where[key]}: {message}"
            if (key := _refused_key(message, where)) is not None else message
            for message in messages]


def _refused_key(message: str, where: Mapping[str, Pos]) -> str | None:
    """The key of mkdocs.yml that MkDocs' `message` refuses, where `where` has it: the
    theme's locale rather than the theme, when the message is about the locale."""
    found = _REFUSED_SETTING.match(message)
    if found is None:
        return None
    key = "theme.locale" if found[1] == "theme" and "for locale:" in message else found[1]
    return key if key in where else found[1] if found[1] in where else None


@dataclass(frozen=True)
class WrittenSite:
    """What the site's settings in mkdocs.yml are as written, read as MkDocs reads them
    (`configyaml.py`), for `briefing check`, which runs without MkDocs."""

    extensions: tuple[str, ...]  # those it lists, and MkDocs' own
    docs_dir: Path | None  # None: not a path (`!relative`), so not checked
    directory_urls: bool
    site_dir: Path | None = None  # likewise
    # The options of those listed with options, by name (MkDocs' `mdx_configs`).
    extension_configs: Mapping[str, object] = field(
        default_factory=lambda: MappingProxyType({}))
    # Whether `mkdocs build` ends with Pagefind's index in `pagefind/` (the theme's
    # `pagefind:` option, `sitesearch.py`).
    pagefind: bool = False
    # The theme's `locale` and `language` as written (None where not), for the site's
    # language (`language.py`).
    theme_language: tuple[object, object] = (None, None)
    # The `theme:` setting as written (its files: `written_theme_folders`).
    theme: object = None
    # Whether a search plugin writes its index (`collisions.SEARCH_INDEX`): `plugins`
    # lists one, or is not written (MkDocs' default is its search).
    search: bool = True
    # `extra_templates`: each, where mkdocs.yml lists it (`listed_templates`).
    templates: Mapping[str, Pos] = field(default_factory=lambda: MappingProxyType({}))


def written_site(config_file: Path) -> WrittenSite | None:
    """mkdocs.yml's settings as written; None when it cannot be read."""
    root = _top_level(config_file)
    if root is None:
        return None
    values = Values(config_file.as_posix())
    try:
        nodes = {str(key.value): value for key, value in values.pairs(root)}
        docs = _setting(values, nodes.get("docs_dir"))
        urls = _setting(values, nodes.get("use_directory_urls"))
        site = _setting(values, nodes.get("site_dir"))
        listed = _listed(values, nodes.get("markdown_extensions"))
        theme = _setting(values, nodes.get("theme"))
    except Unreadable:
        return None
    docs = "docs" if docs is None else docs  # MkDocs' defaults
    site = "site" if site is None else site
    return WrittenSite(
        (*MKDOCS_BUILTIN_EXTENSIONS, *(name for name, _ in listed)),
        config_file.parent / docs if isinstance(docs, str) else None,
        urls if isinstance(urls, bool) else True,
        config_file.parent / site if isinstance(site, str) else None,
        MappingProxyType({name: options for name, options in listed if options}),
        _shows_pagefind(theme),
        (theme.get("locale"), theme.get("language")) if isinstance(theme, Mapping)
        else (None, None),
        theme, "plugins" not in nodes or _names_search(nodes["plugins"]),
        listed_templates(root, None, config_file.as_posix()))


def _names_search(plugins: yaml.Node) -> bool:
    """Whether the `plugins` setting (a list of names and one-name mappings, or a mapping)
    names a search plugin: MkDocs' `search`, or a theme's (`material/search`). Read from
    the nodes: a plugin's options need not be built."""
    items = [k for k, _ in plugins.value] if isinstance(plugins, yaml.MappingNode) else [
        i.value[0][0] if isinstance(i, yaml.MappingNode) and i.value else i
        for i in (plugins.value if isinstance(plugins, yaml.SequenceNode) else ())]
    return any(isinstance(i, yaml.ScalarNode) and (i.value == "search" or str(
        i.value).endswith("/search")) for i in items)


def listed_templates(root: yaml.MappingNode | None, names: Iterable[str] | None,
                     shown: str) -> Mapping[str, Pos]:
    """Each of `names` (MkDocs' `extra_templates`; None: those mkdocs.yml lists) where
    mkdocs.yml lists it, else at the key (a list INHERIT'd or from the environment), else
    at the file."""
    key, listed = next(((k, v) for k, v in (root.value if root else ())
                        if k.value == "extra_templates"), (None, None))
    where = {str(item.value): Values.pos(item) for item in (
        listed.value if isinstance(listed, yaml.SequenceNode) else ())
        if isinstance(item, yaml.ScalarNode)}
    at = Values.pos(key) if key is not None else Pos(shown)
    return MappingProxyType({name: where.get(name, at) for name in (
        where if names is None else names)})


def template_positions(config_file: str | None, names: list[str]) -> Mapping[str, Pos]:
    """`listed_templates` for the plugin, given MkDocs' `extra_templates`."""
    if not names or config_file is None or not os.path.isfile(config_file):
        return MappingProxyType({name: Pos("mkdocs.yml") for name in names})
    shown = display_root(Path(config_file))
    return listed_templates(_top_level(Path(shown)), names, shown)


def written_language(config_file: Path) -> str:
    """The site's language tag as mkdocs.yml writes it (`language.site_language`), for
    `briefing check` and `build`; English when it names none, cannot be read or is no tag
    (which is `config-language`'s to report)."""
    site = written_site(config_file) if config_file.is_file() else None
    tag = site_language(*site.theme_language)[0] if site is not None else None
    return tag or DEFAULT_LANGUAGE


def _theme_options(theme: object) -> Mapping[str, object]:
    return theme if isinstance(theme, Mapping) else {"name": theme or "mkdocs"}


def _theme_settings(options: Mapping[str, object]) -> tuple[Path, dict[str, object]] | None:
    """The named theme's folder and its own `mkdocs_theme.yml` (an installed theme found
    by its entry point, read without importing it); None when it cannot be found."""
    found = entry_points(group="mkdocs.themes", name=str(options.get("name")))
    spec = importlib.util.find_spec(next(iter(found)).value) if found else None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        try:
            own = yaml.safe_load((Path(folder) / "mkdocs_theme.yml").read_text("utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        return Path(folder), own if isinstance(own, dict) else {}
    return None


def _shows_pagefind(theme: object) -> bool:
    """The theme's `pagefind:` option as MkDocs reads it: the value in mkdocs.yml, else in
    the named theme's own `mkdocs_theme.yml`. False when the theme cannot be found: the
    build says so."""
    options = _theme_options(theme)
    if "pagefind" in options:
        return bool(options["pagefind"])  # as the plugin reads it
    found = _theme_settings(options)
    return found is not None and bool(found[1].get("pagefind"))


def written_theme_folders(theme: object, config_dir: Path) -> tuple[ThemeFolders, bool]:
    """The theme's folders as MkDocs makes `config.theme.dirs` (`custom_dir`, the named
    theme's folder, those of the themes it `extends`, MkDocs' templates) and its static
    templates; and whether all were found (a theme not installed is MkDocs' to report)."""
    options = _theme_options(theme)
    custom = options.get("custom_dir")
    folders = [str(config_dir / custom)] if isinstance(custom, str) else []
    given = options.get("static_templates")
    templates = [str(t) for t in given] if isinstance(given, list) else []
    name: object = options.get("name")
    complete = True
    while name and len(folders) < 10:  # (a theme extending itself would loop)
        found = _theme_settings({"name": name})
        if found is None:
            complete = False
            break
        folders.append(str(found[0]))
        own_templates = found[1].get("static_templates")
        templates.extend(map(str, own_templates if isinstance(own_templates, list) else ()))
        name = found[1].get("extends")
    spec = importlib.util.find_spec("mkdocs")  # (found, not imported)
    own = next((Path(folder) / "templates" for folder in
                (spec.submodule_search_locations or [] if spec else [])), None)
    if own is not None and own.is_dir():  # its templates are all static (`sitemap.xml`)
        folders.append(str(own))
        templates.extend(sorted(os.listdir(own)))
    return ThemeFolders(tuple(folders), tuple(templates)), complete and own is not None


def _setting(values: Values, node: yaml.Node | None) -> object:
    return None if node is None else values.value(node, "this setting", values.pos(node))


def written_config_problems(config_file: Path, content_dir: Path) -> tuple[Diagnostic, ...]:
    """`config_problems` for mkdocs.yml as written, for `briefing check`, and the
    extensions and plugins it names that `mkdocs build` could not load
    (`confignames.py`: MkDocs stops on them before the plugin runs)."""
    site = written_site(config_file)
    if site is None:
        return ()
    return (*written_name_problems(config_file),
            *config_problems(site.extensions, site.docs_dir, content_dir, config_file,
                             site.site_dir, site.extension_configs, site.theme_language))


def written_page_problems(config_file: Path, pages: Iterable[str], files: Iterable[str],
                          diagnostics: Iterable[Diagnostic], *, picker: bool
                          ) -> list[Diagnostic]:
    """The hand-written files of docs_dir that the build would replace or could not write
    (`collisions.py`), and the pages naming a template the theme does not have
    (`pagetemplates.py`), as the plugin finds them in each build, for `briefing check`.
    Not listed after a link out of the content folder or round a loop: MkDocs' listing
    follows links."""
    site = written_site(config_file)
    if site is None or site.docs_dir is None or not site.docs_dir.is_dir() \
            or any(d.code in UNLISTABLE for d in diagnostics):
        return []
    theme, complete = written_theme_folders(site.theme, config_file.parent)
    return site_file_problems(
        pages, files, hand_written(site.docs_dir, directory_urls=site.directory_urls),
        site.docs_dir, theme, directory_urls=site.directory_urls, picker=picker,
        pagefind=site.pagefind, search=site.search, templates=site.templates,
        theme_known=complete)


def site_file_problems(pages: Iterable[str], files: Iterable[str],
                       written: Mapping[str, str], docs_dir: Path, theme: ThemeFolders, *,
                       directory_urls: bool, picker: bool, pagefind: bool, search: bool,
                       templates: Mapping[str, Pos], theme_known: bool = True
                       ) -> list[Diagnostic]:
    """The files of docs_dir (`written`: site path -> path in docs_dir) and the extra
    templates that the build would replace or could not write beside the generated
    `pages` and `files` (`collisions.py`), and the pages naming a template the theme
    does not have (`pagetemplates.py`, when all its folders are `theme_known`)."""
    shown = display_root(docs_dir)
    return [*page_collisions(
        generated_files(pages, files, directory_urls=directory_urls, picker=picker),
        written, shown, (SEARCH_FOLDER,) if pagefind else (), theme, search=search,
        templates=templates),
        *(template_problems(docs_dir, written.values(), shown, theme) if theme_known else ())]


def _listed(values: Values, listed: yaml.Node | None) -> list[tuple[str, object]]:
    """The extensions in `markdown_extensions` and their options, as MkDocs reads them: a
    list of names and one-name mappings to options, or one mapping of names to options
    (None where none are given; a later listing's options replace an earlier one's)."""
    pairs: list[tuple[yaml.Node, yaml.Node | None]]
    if isinstance(listed, yaml.MappingNode):
        pairs = list(values.pairs(listed))
    elif isinstance(listed, yaml.SequenceNode):
        pairs = [(item, None) if isinstance(item, yaml.ScalarNode) else item.value[0]
                 for item in listed.value
                 if isinstance(item, yaml.ScalarNode)
                 or (isinstance(item, yaml.MappingNode) and item.value)]
    else:
        return []
    return [(str(key.value), None if value is None else values.value(
                 value, f"the options of {key.value}", values.pos(key)))
            for key, value in pairs]


def config_problems(extensions: Iterable[object], docs_dir: Path | None, content_dir: Path,
                    config_file: Path | None, site_dir: Path | None = None,
                    extension_configs: Mapping[str, object] | None = None,
                    theme_language: tuple[object, object] = (None, None)
                    ) -> tuple[Diagnostic, ...]:
    """The settings the generated pages need and do not have, or have and must not, each at
    the mkdocs.yml key to change (or the file's first line when the key is not written).
    `docs_dir` or `site_dir` None: not known, so not checked; `extension_configs`: the
    extensions' options by name (MkDocs' `mdx_configs`); `theme_language`: the theme's
    `locale` and `language`."""
    positions = key_positions(config_file)
    shown = config_file.as_posix() if config_file else "mkdocs.yml"

    def where(key: str) -> Pos:
        return positions.get(key, Pos(shown, 1, 1))

    problems = []
    missing = [name for name in NEEDED_EXTENSIONS if name not in extension_names(extensions)]
    if missing:
        listed = ", ".join(f"`- {name}`" for name in missing)
        why = "; ".join(NEEDED_EXTENSIONS[name] for name in missing)
        problems.append(error(
            where("markdown_extensions"), "config-markdown-extension",
            f"the Markdown extension{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} must be enabled: {why}",
            f"list {listed} under `markdown_extensions:` in mkdocs.yml"))
    problems.extend(
        error(where("markdown_extensions"), "config-markdown-extension",
              f"the Markdown extension {name} reads `$` as the start of math, and the pages "
              "write amounts with it (\"$5 million\") and a source's lines as they are: "
              "between two `$` they would be lost, and a chart shown as raw text",
              f"give {name} `inline_syntax: [round]` and `block_syntax: [square, begin]` "
              "(math is then written `\\(…\\)` and `\\[…\\]`), or remove it from "
              "`markdown_extensions:`")
        for name in dollar_readers(extensions, extension_configs))
    base = (config_file.parent if config_file else Path(".")).resolve()
    problem = _folder_problem(docs_dir.resolve(), content_dir.resolve(), base) \
        if docs_dir else None
    if problem:
        problems.append(error(where("docs_dir"), "config-folder", *problem))
    problem = _site_problem(site_dir.resolve(), content_dir.resolve()) if site_dir else None
    if problem:
        problems.append(error(where("site_dir"), "config-folder", *problem))
    problems.extend(_link_problems(docs_dir, content_dir, site_dir, config_file))
    wrong_language = language_problem(*theme_language)
    if wrong_language:
        key = wrong_language.split(" ", 1)[0]  # `theme.locale` or `theme.language`
        value = theme_language[0 if key == "theme.locale" else 1]
        problems.append(error(
            positions.get(key, where("theme")), "config-language", wrong_language,
            tag_hint(value, "write a language tag such as en, en-GB, zh, zh-Hant or de")))
    return tuple(problems)


def _site_problem(site: Path, content: Path) -> tuple[str, str] | None:
    """A build replaces `site_dir` whole: it must neither be in the content folder nor
    hold it, or the annotations and articles would be replaced by the site."""
    shown_content, shown_site = display_root(content), display_root(site)
    if _inside(site, content):
        where = f"is inside the content folder {shown_content}"
    elif _inside(content, site):
        where = f"holds the content folder {shown_content}"
    else:
        return None
    return (f"site_dir {shown_site} {where}: each build replaces site_dir with the site, "
            "and the annotations and articles there would be lost",
            "set `site_dir:` to a folder outside the content folder, such as `site`")


def _link_problems(docs_dir: Path | None, content_dir: Path, site_dir: Path | None,
                   config_file: Path | None) -> list[Diagnostic]:
    """Links a change could commit that lead the build out of the project: out of a
    docs_dir beside the content folder, or at site_dir, which each build empties."""
    problems = [linked_out(display, display_root(docs_dir)) for display in _links_out(docs_dir)] \
        if docs_dir and not _inside(docs_dir.resolve(), content_dir.resolve()) else []
    link = _linked_site(site_dir, config_file.parent if config_file else Path(".")) \
        if site_dir else None
    if link:
        problems.append(error(
            Pos(display_root(link)), "config-folder",
            "site_dir is, or is in, a symbolic link: each build empties site_dir, so it would "
            "empty the folder the link leads to and write the site there",
            "delete the link (a change that adds one is not to be taken), or name the "
            "folder it leads to as `site_dir:` in mkdocs.yml"))
    return problems


def _links_out(docs: Path) -> list[str]:
    """The links in a docs_dir beside the content folder (whose pages/ the content's checks
    cover) that lead out of it, as diagnostics name them: MkDocs would follow them, and
    publish what they lead to or walk the whole machine. Hidden names too, which MkDocs
    lists; the folder itself if it is a link."""
    shown = display_root(docs)
    if docs.is_symlink():
        return [shown]
    root, found, folders = docs.resolve(), [], [docs]
    while folders:
        try:
            with os.scandir(folders.pop()) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue  # (MkDocs says so)
        for entry in entries:
            if not entry.is_symlink():
                folders.extend([Path(entry.path)] if entry.is_dir() else [])
                continue
            try:
                out = not Path(entry.path).resolve().is_relative_to(root)
            except (OSError, RuntimeError):  # round a loop of links
                continue
            if out:
                found.append(f"{shown}/{Path(entry.path).relative_to(docs).as_posix()}")
    return sorted(found)


def _linked_site(site_dir: Path, project: Path) -> Path | None:
    """The link, among site_dir and the folders holding it in the project, if one is: a
    change can commit one, where site_dir named by mkdocs.yml (reviewed as code) cannot."""
    project, site = Path(os.path.abspath(project)), Path(os.path.abspath(site_dir))
    inside = [folder for folder in (site, *site.parents)
              if folder != project and folder.is_relative_to(project)]
    return next((folder for folder in inside if folder.is_symlink()), None)


def _folder_problem(docs: Path, content: Path, base: Path) -> tuple[str, str] | None:
    """docs_dir and the content folder must not hold each other, but for `pages/`; the
    settings suggested are written as mkdocs.yml writes paths, from its folder (`base`)."""
    shown_content, shown_docs = display_root(content), display_root(docs)
    pages = _from(base, content / PAGES_DIR)
    if _same(docs, content):
        return (f"content_dir and docs_dir name the same folder, {shown_docs}: MkDocs would "
                "publish the annotation files and articles as they are",
                "content_dir is the folder holding sources/, claims.yml and briefs/, and "
                f"docs_dir its {PAGES_DIR}/ folder: for example `content_dir: content` with "
                "`docs_dir: content/pages`")
    if _inside(content, docs):
        return (f"the content folder {shown_content} is inside docs_dir {shown_docs}: "
                "MkDocs would publish the annotation files and articles as they are",
                f"set `docs_dir: {pages}` (hand-written pages) or a "
                "folder outside the content folder, or move the content folder out of "
                "docs_dir and set the plugin's `content_dir`")
    if _inside(docs, content) and not _same(docs, content / PAGES_DIR):
        return (f"docs_dir {shown_docs} is inside the content folder {shown_content}, "
                f"where only `{PAGES_DIR}/` may hold hand-written pages",
                f"set `docs_dir: {pages}` or a folder outside the content folder")
    return None


def _from(base: Path, path: Path) -> str:
    """`path` as mkdocs.yml would write it: from its folder when below it."""
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else path.as_posix()


def _inside(inner: Path, outer: Path) -> bool:
    """Whether `inner` is `outer` or inside it (both resolved): by their paths and, where
    the folders exist, by identity, since a case-insensitive file system (macOS, Windows)
    takes `Content` for `content`."""
    return inner.is_relative_to(outer) or any(
        _same(folder, outer) for folder in (inner, *inner.parents))


def _same(one: Path, other: Path) -> bool:
    try:
        return one == other or os.path.samefile(one, other)
    except OSError:  # one of them does not exist (yet)
        return False


def plugin_settings(options: Mapping[str, object], *, config_file: Path | None,
                    extensions: Iterable[object], docs_dir: Path, site_dir: Path | None = None,
                    extension_configs: Mapping[str, object] | None = None,
                    theme_language: tuple[object, object] = (None, None)
                    ) -> tuple[Settings, Path, tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
    """The plugin's settings from its options as MkDocs read them, the content folder
    (absolute), and every problem with them and with the site's settings, each at its
    place in `config_file`: judged as `briefing check` judges mkdocs.yml as written. Last,
    the options the plugin does not have, reported with the content's problems (MkDocs'
    own warning of them, which names no line, is left out: `BriefingPlugin.load_config`)."""
    # Named as `briefing check` names it: relative to where MkDocs runs.
    shown = Path(display_root(config_file)) if config_file else None
    written, problems = read_plugin_options(shown) if shown else (None, ())
    if written is None:
        settings, wrong = parse_options(options, lambda key: Pos("mkdocs.yml"))
    else:  # an option the file holds no bounded value for was reported just now
        settings, wrong = parse_options(
            {k: v for k, v in options.items() if k not in written.broken}, written.where)
    # Absolute, its links kept: a content folder that is a link is refused (`load.discover`).
    content_dir = Path(os.path.abspath((config_file.parent if config_file else Path("."))
                                       / settings.content_dir))
    named = content_dir_problem(written, content_dir) if written is not None else None
    return settings, content_dir, (
        *problems, *wrong, *((named,) if named else ()),
        *config_problems(extensions, docs_dir, content_dir, shown, site_dir,
                         extension_configs, theme_language)), \
        written.unknown() if written is not None else ()
