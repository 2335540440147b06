"""Build settings shared by the MkDocs plugin and the CLI: the `briefing` plugin's options in
mkdocs.yml, with a position for each so a wrong setting is reported like any other input.

The CLI reads mkdocs.yml itself (`briefing check` must work without running MkDocs, as a
pre-commit hook) and the plugin gets the same values from MkDocs; both then validate them
here, so the two can never disagree about what a setting means.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .codes import CODES
from .configyaml import MAP, Unreadable, Values, compose, describe
from .diagnostics import Diagnostic, Pos, Severity, error, has_errors, warning
from .hedges import Hedges, parse_hedges
from .load import display_root, not_a_folder

LEVELS = ("error", "warning", "ignore")
PLUGIN_NAME = "briefing"
# The plugin's options (`plugin.BriefingConfig`, which a test holds to this list).
PLUGIN_OPTIONS = ("content_dir", "title", "severity", "strict", "hedges", "quote_picker")
ENABLED = "enabled"  # an option MkDocs gives every plugin that has none of that name
PICKER_MODES = ("serve", "always", "never")  # `quote_picker`: on under `mkdocs serve` only


@dataclass(frozen=True)
class Policy:
    """How a build treats its diagnostics: per-code severity overrides, and strictness."""

    severity: Mapping[str, str] = field(default_factory=dict)
    strict: bool = False
    hedges: Hedges = field(default_factory=Hedges)  # the prose checks' hedge words

    def apply(self, diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
        applied = []
        for diagnostic in diagnostics:
            level = self.severity.get(diagnostic.code)
            if level == "ignore":
                continue
            if level == "error" and diagnostic.severity is Severity.WARNING:
                diagnostic = replace(diagnostic, severity=Severity.ERROR)
            applied.append(diagnostic)
        return tuple(applied)

    def failed(self, diagnostics: Iterable[Diagnostic]) -> bool:
        return has_errors(diagnostics, strict=self.strict)


def parse_policy(
    severity: object, strict: object = False, *, where: Callable[[str], Pos] | None = None,
) -> tuple[Policy, tuple[Diagnostic, ...]]:
    """Check a `severity:` mapping (code -> error | warning | ignore). `where(key)` gives the
    position of `severity` or of `severity.<code>` in mkdocs.yml."""
    locate = where or (lambda key: Pos("mkdocs.yml"))
    problems: list[Diagnostic] = []
    chosen: dict[str, str] = {}
    if not isinstance(severity, Mapping):
        problems.append(error(locate("severity"), "config-severity",
                              "the briefing plugin's `severity` option must be a mapping",
                              "write `severity: {claim-unsourced: error}`, one code per key"))
        severity = {}
    for code, level in sorted(severity.items(), key=lambda item: str(item[0])):
        pos = locate(f"severity.{code}")
        known = CODES.get(str(code))
        if known is None:
            close = difflib.get_close_matches(str(code), list(CODES), n=1)
            problems.append(error(pos, "config-severity", f"unknown diagnostic code {code!r}",
                                  f"did you mean {close[0]!r}?" if close else
                                  "see docs/diagnostics.md for every code"))
        elif level not in LEVELS:
            problems.append(error(pos, "config-severity",
                                  f"{describe(level)} is not a severity for {code!r}",
                                  f"use one of: {', '.join(LEVELS)}"))
        elif not known.adjustable and level != "error":
            problems.append(error(pos, "config-severity",
                                  f"{code!r} is an error and cannot be lowered",
                                  "fix the content instead; only warnings can be raised to "
                                  "errors or ignored"))
        else:
            chosen[known.name] = str(level)
    if not isinstance(strict, bool):
        problems.append(error(locate("strict"), "config-severity",
                              f"`strict` must be true or false, not {describe(strict)}",
                              "write `strict: true` or `strict: false`"))
        strict = False
    return Policy(chosen, strict), tuple(problems)


@dataclass(frozen=True)
class Settings:
    """The plugin's options as a build uses them."""

    content_dir: str = "content"  # relative to mkdocs.yml
    title: str | None = None  # the home page's heading; None: the site's name
    quote_picker: str = PICKER_MODES[0]
    policy: Policy = field(default_factory=Policy)
    enabled: bool = True  # False: MkDocs leaves the plugin out (`enabled: false`)


def parse_options(values: Mapping[str, object], where: Callable[[str], Pos]
                  ) -> tuple[Settings, tuple[Diagnostic, ...]]:
    """The plugin's options, as MkDocs gives them to it or `read_plugin_options` reads
    them, judged alike for `mkdocs build` and `briefing check`: an option written empty
    (`content_dir:`) takes its default, as MkDocs gives it; a wrong value is an error at
    its key in mkdocs.yml and leaves the default in force. Unknown options are not judged
    here (MkDocs warns of them itself; `PluginOptions.unknown`)."""
    given = {name: value for name, value in values.items() if value is not None}
    problems: list[Diagnostic] = []

    def wrong(name: str, what: str, hint: str) -> None:
        problems.append(error(where(name), "config-option-value",
                              f"the briefing plugin's `{name}` must be {what}, not "
                              f"{describe(given.pop(name))}", hint))

    if not isinstance(given.get("content_dir", ""), str):
        wrong("content_dir", "the content folder's path, as text",
              "write `content_dir: content`, relative to mkdocs.yml; quote a name YAML "
              'would read as a number or a date: `content_dir: "2025"`')
    if not isinstance(given.get("title", ""), str):
        wrong("title", "text", 'quote it (`title: "2025"`), or leave it out for the '
              "site's name")
    if given.get("quote_picker", PICKER_MODES[0]) not in PICKER_MODES:
        wrong("quote_picker", f"one of {', '.join(PICKER_MODES)}",
              "`serve`: under `mkdocs serve` only; `always`: on the published site too; "
              "`never`: nowhere")
    if not isinstance(given.get(ENABLED, True), bool):
        wrong(ENABLED, "true or false", "write `enabled: false` to leave the plugin out, "
              "or delete the line")
    policy, policy_problems = parse_policy(given.get("severity", {}),
                                           given.get("strict", False), where=where)
    hedges, hedge_problems = parse_hedges(given.get("hedges"), where)
    title = given.get("title")
    return Settings(str(given.get("content_dir", "content")),
                    None if title is None else str(title),
                    str(given.get("quote_picker", PICKER_MODES[0])),
                    replace(policy, hedges=hedges), given.get(ENABLED) is not False), \
        (*problems, *policy_problems, *hedge_problems)


@dataclass(frozen=True)
class PluginOptions:
    """The `briefing` plugin's options as written in mkdocs.yml, with their positions, as
    MkDocs' loader reads them (`configyaml.py`). `broken`: the options whose values could
    not be read within bounds (reported already), which must not be judged again."""

    values: Mapping[str, Any]
    positions: Mapping[str, Pos]
    config_file: Path
    broken: frozenset[str] = frozenset()

    def where(self, key: str) -> Pos:
        """Where `key` ("hedges.approximate.nl") is written, else the nearest key
        around it."""
        parts = key.split(".")
        for depth in range(len(parts), 0, -1):
            if (pos := self.positions.get(".".join(parts[:depth]))) is not None:
                return pos
        return self.positions.get("") or Pos(self.config_file.as_posix())

    def unknown(self) -> tuple[Diagnostic, ...]:
        """The options the plugin does not have: MkDocs warns of them when it builds;
        `briefing check`, which runs without MkDocs, must say so as well."""
        problems = []
        for name in self.values:
            if name not in (*PLUGIN_OPTIONS, ENABLED):
                close = difflib.get_close_matches(name, PLUGIN_OPTIONS, n=1)
                problems.append(warning(
                    self.where(name), "config-option-unknown",
                    f"the briefing plugin has no option {name!r}; MkDocs builds without it",
                    f"did you mean {close[0]!r}?" if close
                    else f"its options: {', '.join(PLUGIN_OPTIONS)}"))
        return tuple(problems)


def content_dir_problem(options: PluginOptions, content_dir: Path) -> Diagnostic | None:
    """`content-missing` at the `content_dir` option, when mkdocs.yml names a folder there
    is not (`content_dir: contnet`): the mistake is that line, not the folder."""
    if "content_dir" not in options.positions:
        return None
    missing = not_a_folder(content_dir)
    if missing is None:
        return None
    return replace(missing, pos=options.where("content_dir"),
                   message=f"{missing.message}: {display_root(content_dir)}, which the "
                           "`content_dir` option names",
                   hint="correct the folder's name here, or create the folder")


def with_settings_problems(settings: Iterable[Diagnostic], found: Iterable[Diagnostic]
                           ) -> tuple[Diagnostic, ...]:
    """The problems of the settings and of the content, reported together: a content
    folder the `content_dir` option names wrongly (`content_dir_problem`) is said once, at
    the option, not again at the folder."""
    settings = tuple(settings)
    at_option = any(d.code == "content-missing" for d in settings)
    return (*settings, *(d for d in found if not (at_option and d.code == "content-missing")))


def read_settings(config_file: Path
                  ) -> tuple[PluginOptions, Settings, tuple[Diagnostic, ...]]:
    """The plugin's options as mkdocs.yml writes them, the settings they make, and what is
    wrong with the file as YAML and with the options, each at its `path:line:col`."""
    options, problems = read_plugin_options(config_file)
    settings, wrong = parse_options(options.values, options.where)
    return options, settings, (*problems, *options.unknown(), *wrong)


def written_settings_problems(config_file: Path) -> tuple[Diagnostic, ...]:
    """`read_settings`' problems, as `briefing check` reports them: for a `mkdocs serve`
    rebuild that stops on the settings, where MkDocs' own message names no line."""
    return read_settings(config_file)[2]


def config_errors(config_file: str | None) -> tuple[Diagnostic, ...]:
    """The errors `briefing check` finds in mkdocs.yml, named as it names the file: why a
    `mkdocs serve` rebuild stopped on the settings, at their lines."""
    if config_file is None or not os.path.isfile(config_file):
        return ()
    shown = Path(display_root(Path(config_file)))
    return tuple(d for d in written_settings_problems(shown) if d.severity is Severity.ERROR)


def read_plugin_options(config_file: Path) -> tuple[PluginOptions, tuple[Diagnostic, ...]]:
    """The briefing plugin's options from mkdocs.yml; no options when the plugin is not
    listed. Problems: the file cannot be read, the plugin is listed twice or its options
    are not a mapping, an option cannot be read within bounds (`configyaml.py`)."""
    empty = PluginOptions({}, {}, config_file)
    root, problems = compose(config_file)
    if root is None:
        return empty, problems
    values = Values(config_file.as_posix())
    try:
        entries, keyed = _plugin_entries(root, values)
    except Unreadable as exc:
        return empty, (*problems, exc.diagnostic)
    if not entries:
        return empty, problems
    twice = (*problems, *_listed_twice(entries, values, keyed=keyed))
    key, node = entries[-1]  # of a mapping's keys, MkDocs reads the last
    positions = {"": values.pos(key)}
    if isinstance(node, yaml.MappingNode) and node.tag == MAP:
        options, broken, read = _read_options(node, values, positions)
        return PluginOptions(options, positions, config_file, broken), (*twice, *read)
    try:  # MkDocs takes an empty or false value for no options
        whole = None if node is None else values.value(node, "the options", values.pos(key))
    except Unreadable as exc:
        return PluginOptions({}, positions, config_file), (*twice, exc.diagnostic)
    not_options = () if not whole else (error(
        values.pos(key), "config-option-value", "the briefing plugin's options must be a "
        f"mapping of option names to values, not {describe(whole)}", "write each option "
        "on a line of its own below `- briefing:`, indented further: `content_dir: content`"),)
    return PluginOptions({}, positions, config_file), (*twice, *not_options)


def _read_options(node: yaml.MappingNode, values: Values, positions: dict[str, Pos]
                  ) -> tuple[dict[str, Any], frozenset[str], list[Diagnostic]]:
    """Each option's value, the options that could not be read, and why."""
    options: dict[str, Any] = {}
    broken: set[str] = set()
    problems: list[Diagnostic] = []
    first: dict[str, yaml.Node] = {}  # each option's first key
    try:
        pairs = values.pairs(node)
    except Unreadable as exc:
        return options, frozenset(), [exc.diagnostic]
    for key, value in pairs:
        name = str(key.value)
        if name in positions and _written_in(key, node) and _written_in(first[name], node):
            problems.append(_written_twice(name, values.pos(first[name]), values.pos(key)))
        first.setdefault(name, key)
        positions[name] = values.pos(key)
        try:
            options[name] = values.value(value, f"the `{name}` option", values.pos(key))
            positions |= _key_positions(value, name, values, depth=2)
        except Unreadable as exc:
            options.pop(name, None)
            broken.add(name)
            problems.append(exc.diagnostic)
    return options, frozenset(broken), problems


def _written_in(key: yaml.Node, mapping: yaml.MappingNode) -> bool:
    """Whether `key` is written in `mapping` itself, not merged into it (`<<: *defaults`),
    where a key written again overrides the default on purpose."""
    return mapping.start_mark.index <= key.start_mark.index < mapping.end_mark.index


def _written_twice(name: str, first: Pos, again: Pos) -> Diagnostic:
    return error(again, "config-option-twice",
                 f"the `{name}` option is written twice (first at line {first.line}); MkDocs "
                 "reads only this one, and the first is silently ignored",
                 "keep one of the two")


def _key_positions(node: yaml.Node, prefix: str, values: Values, *, depth: int
                   ) -> dict[str, Pos]:
    """Where each key inside an option's value is written ("hedges.approximate.nl"),
    `depth` levels down. Read once the value is (its merge keys merged, its aliases
    bounded)."""
    if depth == 0 or not isinstance(node, yaml.MappingNode):
        return {}
    found: dict[str, Pos] = {}
    for key, value in node.value:
        name = f"{prefix}.{values.key(key)}"  # (as the options' parser names it)
        found[name] = values.pos(key)
        found |= _key_positions(value, name, values, depth=depth - 1)
    return found


_Entry = tuple[yaml.Node, yaml.Node | None]  # the plugin's name as written, its options


def _plugin_entries(root: yaml.Node, values: Values) -> tuple[list[_Entry], bool]:
    """Every place `plugins:` lists the briefing plugin, as MkDocs reads the list
    (`config_options.Plugins`): a name, or a mapping of one name to its options; and
    whether `plugins:` is a mapping rather than a list."""
    if not isinstance(root, yaml.MappingNode):
        return [], False
    plugins = next((v for k, v in reversed(values.pairs(root)) if k.value == "plugins"), None)
    if isinstance(plugins, yaml.MappingNode):
        return [(k, v) for k, v in values.pairs(plugins) if _named(k)], True
    if not isinstance(plugins, yaml.SequenceNode):
        return [], False
    entries: list[_Entry] = []
    for item in plugins.value:
        if isinstance(item, yaml.ScalarNode) and _named(item):
            entries.append((item, None))
        elif isinstance(item, yaml.MappingNode):
            pairs = values.pairs(item)
            ours = [(k, v) for k, v in pairs if _named(k)]
            if ours and len({k.value for k, _ in pairs}) > 1:
                raise Unreadable(error(
                    values.pos(ours[0][0]), "config-option-value",
                    "this item of `plugins:` names the briefing plugin and "
                    f"{', '.join(repr(str(k.value)) for k, _ in pairs if not _named(k))} too: "
                    "MkDocs takes an item for one plugin", "indent the briefing plugin's "
                    "options further than `- briefing:`, or give each plugin its own `- `"))
            entries.extend(ours[-1:])
    return entries, False


def _named(node: yaml.Node) -> bool:
    # `/briefing` asks MkDocs for the plugin without a theme's namespace.
    return isinstance(node, yaml.ScalarNode) and node.value in (PLUGIN_NAME, f"/{PLUGIN_NAME}")


def _listed_twice(entries: list[_Entry], values: Values, *, keyed: bool
                  ) -> tuple[Diagnostic, ...]:
    """Listed twice, the plugin would run twice, into one site; written twice as a key of
    a mapping, MkDocs would read the last and drop the first without a word."""
    first = values.pos(entries[0][0])
    does = "read only the last one's options" if keyed else "run it twice, into one site"
    return tuple(error(
        values.pos(key), "config-plugin-twice",
        f"the briefing plugin is listed again here (first at line {first.line}, column "
        f"{first.col}): MkDocs would {does}",
        "keep one `briefing` entry under `plugins:`, with all of its options")
        for key, _ in entries[1:])
