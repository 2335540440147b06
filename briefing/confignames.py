"""Markdown extensions and MkDocs plugins that mkdocs.yml names wrongly, for `briefing check`.

`mkdocs build` stops on an extension it cannot load ("Failed to load extension 'tablez'")
or a plugin not installed ("The "serach" plugin is not installed") without naming the line,
and, as it stops at the first setting it refuses and `markdown_extensions` comes before
`plugins`, before loading any plugin: the briefing plugin never runs, so only `briefing
check` can place these at their line. What is installed depends on the environment
(pre-commit checks in one of its own, without the theme or pymdown-extensions), so a name
is reported only when it is not found here AND is a near miss of a name that is (a typing
slip, not a package missing here), or, written as a module path, when its package is found
and has no such module. Modules are looked up, never imported: no code of theirs runs.
"""

from __future__ import annotations

import difflib
import importlib.util
import pkgutil
from collections.abc import Iterable, Mapping
from importlib.machinery import ModuleSpec, PathFinder
from importlib.metadata import entry_points
from pathlib import Path

import yaml

from .configyaml import Unreadable, Values, compose
from .diagnostics import Diagnostic, Pos, error

# Python-Markdown's own extensions (`markdown.extensions.*`), by the short names it takes.
MARKDOWN_BUILTINS = (
    "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code",
    "footnotes", "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists",
    "smarty", "tables", "toc", "wikilinks")
# Plugins there whenever `mkdocs build` runs: MkDocs' own and this one.
ALWAYS_INSTALLED = ("search", "briefing")
# How alike (difflib's ratio) a name must be to a known one to be taken for a slip: `tablez`
# is 0.83 from `tables`, `serach` from `search`; `mdx_truly_sane_lists`, a real extension,
# is 0.67 from `sane_lists`.
CLOSE = 0.75
_STR = "tag:yaml.org,2002:str"


def written_name_problems(config_file: Path) -> tuple[Diagnostic, ...]:
    """The extensions and plugins mkdocs.yml names that `mkdocs build` could not load and
    that are near misses of names it could, each at the name."""
    root = compose(config_file)[0]
    if not isinstance(root, yaml.MappingNode):
        return ()
    values = Values(config_file.as_posix())
    try:
        nodes = {str(key.value): value for key, value in values.pairs(root)}
        extensions = listed_names(values, nodes.get("markdown_extensions"))
        plugins = listed_names(values, nodes.get("plugins"))
        theme = nodes.get("theme")
        theme_value = None if theme is None else values.value(theme, "`theme`",
                                                              values.pos(theme))
    except Unreadable:
        return ()  # reported with the plugin's options, or by MkDocs
    known, folders = known_extensions(), (config_file.parent, Path.cwd())
    problems = [error(pos, "config-extension-unknown", *slip) for name, pos in extensions
                if (slip := extension_slip(name, known, folders))]
    installed = installed_plugins()
    problems += [error(pos, "config-plugin-unknown", *slip) for name, pos in plugins
                 if (slip := plugin_slip(name, _theme_name(theme_value), installed))]
    return tuple(problems)


def listed_names(values: Values, listed: yaml.Node | None) -> list[tuple[str, Pos]]:
    """The names a `markdown_extensions:` or `plugins:` setting lists, where each is
    written: a list of names and one-name mappings to options, or one mapping of names."""
    if isinstance(listed, yaml.MappingNode):
        keys = [key for key, _ in values.pairs(listed)]
    elif isinstance(listed, yaml.SequenceNode):
        keys = [item if isinstance(item, yaml.ScalarNode) else item.value[0][0]
                for item in listed.value
                if isinstance(item, yaml.ScalarNode)
                or (isinstance(item, yaml.MappingNode) and item.value)]
    else:
        return []
    return [(str(key.value), values.pos(key)) for key in keys
            if isinstance(key, yaml.ScalarNode) and key.tag == _STR]


def extension_slip(name: str, known: frozenset[str], folders: Iterable[Path] = ()
                   ) -> tuple[str, str] | None:
    """The message and hint for the Markdown extension `name` as `markdown_extensions`
    lists it, when Python-Markdown could not load it here and the slip is plain. `known`:
    the names it loads here (`known_extensions`); `folders`: where a module of the
    project's own may be found besides Python's path."""
    if name in known:
        return None
    module = name.split(":", 1)[0]  # `path.to.module:ClassName`
    package, _, last = module.rpartition(".")
    if not package:
        if find_module(module, folders) is not None:
            return None
        meant = _closest(module, {**{full.rpartition(".")[2]: full for full in known},
                                  **{full: full for full in known}})
        return (_cannot_load(name), f"did you mean `{meant}`?") if meant else None
    found = find_module(package, folders)
    if found is None or find_module(module, folders) is not None:
        return None  # a package missing here may be installed where the site is built
    inside = {f"{package}.{sub}": f"{package}.{sub}" for sub in _submodules(found)}
    meant = _closest(module, {**inside, **{full: full for full in known}})
    return (f"`{package}` has no module `{last}`: {_cannot_load(name)}",
            f"did you mean `{meant}`?" if meant else "correct the module's name")


def plugin_slip(name: str, theme: str | None, installed: frozenset[str]
                ) -> tuple[str, str] | None:
    """The message and hint for the plugin `name` as `plugins:` lists it, when it is not
    `installed` and the slip is plain. As MkDocs looks it up: `material/search` by that
    name, `/search` as `search`, and `search` as the theme's own (`material/search`) when
    installed, else as `search`."""
    skip = "/" if name.startswith("/") else ""
    wanted = name.removeprefix(skip)
    if wanted in installed or (theme and not skip and "/" not in wanted
                               and f"{theme}/{wanted}" in installed):
        return None
    if "/" in wanted:
        candidates = {full: full for full in installed}
    else:
        candidates = {full: skip + full for full in installed if "/" not in full}
        if theme and not skip:
            candidates |= {full.removeprefix(f"{theme}/"): full.removeprefix(f"{theme}/")
                           for full in installed if full.startswith(f"{theme}/")}
    meant = _closest(wanted, candidates)
    if meant is None:
        return None  # installed, it may be, where the site is built
    return (f"no plugin {name!r} is installed, and `mkdocs build` stops on it (without "
            "naming this line)", f"did you mean `{meant}`?")


def known_extensions() -> frozenset[str]:
    """The extensions Python-Markdown can load by name here: its own, those installed
    packages register, and pymdown-extensions' modules when it is installed."""
    pymdownx = find_module("pymdownx")
    return frozenset((*MARKDOWN_BUILTINS, *_entry_names("markdown.extensions"),
                      *(f"pymdownx.{sub}" for sub in (_submodules(pymdownx)
                                                      if pymdownx else ()))))


def installed_plugins() -> frozenset[str]:
    """The plugins MkDocs can load here, by the names `plugins:` gives them."""
    return frozenset((*ALWAYS_INSTALLED, *_entry_names("mkdocs.plugins")))


def find_module(module: str, folders: Iterable[Path] = ()) -> ModuleSpec | None:
    """Where Python would import `module` from (or a top-level one from `folders`), found
    without importing it or its packages; None when it would not be found."""
    top, *rest = module.split(".")
    try:
        spec = importlib.util.find_spec(top) or PathFinder.find_spec(
            top, [str(folder) for folder in folders])
        for depth in range(1, len(rest) + 1):
            paths = spec.submodule_search_locations if spec else None
            if paths is None:
                return None
            spec = PathFinder.find_spec(".".join([top, *rest[:depth]]), list(paths))
    except (ImportError, ValueError):  # not a module's name
        return None
    return spec


def _submodules(package: ModuleSpec) -> list[str]:
    return [found.name for found in pkgutil.iter_modules(
        list(package.submodule_search_locations or ())) if not found.name.startswith("_")]


def _entry_names(group: str) -> set[str]:
    return {point.name for point in entry_points(group=group)}


def _closest(name: str, candidates: Mapping[str, str]) -> str | None:
    """The name meant (a value of `candidates`) when `name` is a near miss of a key."""
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=CLOSE)
    return candidates[close[0]] if close else None


def _cannot_load(name: str) -> str:
    return (f"the Markdown extension {name!r} cannot be loaded, and `mkdocs build` stops on "
            "it (without naming this line)")


def _theme_name(theme: object) -> str | None:
    name = theme.get("name") if isinstance(theme, Mapping) else theme
    return name if isinstance(name, str) else None
