"""Build settings shared by the MkDocs plugin and the CLI: the `briefing` plugin's options in
mkdocs.yml, with a position for each so a wrong setting is reported like any other input.

The CLI reads mkdocs.yml itself (`briefing check` must work without running MkDocs, as a
pre-commit hook) and the plugin gets the same values from MkDocs; both then validate them
here, so the two can never disagree about what a setting means.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .codes import CODES
from .diagnostics import Diagnostic, Pos, Severity, error, has_errors, warning
from .hedges import Hedges

LEVELS = ("error", "warning", "ignore")
PLUGIN_NAME = "briefing"
# The plugin's options (`plugin.BriefingConfig`, which a test holds to this list).
PLUGIN_OPTIONS = ("content_dir", "title", "severity", "strict", "hedges", "quote_picker")


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
                                  f"{level!r} is not a severity for {code!r}",
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
                              f"`strict` must be true or false, not {strict!r}",
                              "write `strict: true` or `strict: false`"))
        strict = False
    return Policy(chosen, strict), tuple(problems)


@dataclass(frozen=True)
class PluginOptions:
    """The `briefing` plugin's options as written in mkdocs.yml, with their positions."""

    values: Mapping[str, Any]
    positions: Mapping[str, Pos]
    config_file: Path

    def where(self, key: str) -> Pos:
        return self.positions.get(key) or self.positions.get(key.split(".")[0]) \
            or Pos(self.config_file.as_posix())

    def unknown(self) -> tuple[Diagnostic, ...]:
        """The options the plugin does not have: MkDocs warns of them when it builds;
        `briefing check`, which runs without MkDocs, must say so as well."""
        problems = []
        for name in self.values:
            if name not in PLUGIN_OPTIONS:
                close = difflib.get_close_matches(name, PLUGIN_OPTIONS, n=1)
                problems.append(warning(
                    self.where(name), "config-option-unknown",
                    f"the briefing plugin has no option {name!r}; MkDocs builds without it",
                    f"did you mean {close[0]!r}?" if close
                    else f"its options: {', '.join(PLUGIN_OPTIONS)}"))
        return tuple(problems)


def _yaml_fault(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.reader.ReaderError):
        return (f"a character YAML cannot hold (U+{exc.character:04X}, a control character): "
                "delete it") if isinstance(exc.character, int) else f"{exc.reason}"
    return f"YAML syntax error: {getattr(exc, 'problem', None) or exc}"


def _yaml_fault_pos(shown: str, exc: yaml.YAMLError, text: str) -> Pos:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark:
        return Pos(shown, exc.problem_mark.line + 1, exc.problem_mark.column + 1)
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML cannot hold
        at = exc.position
        return Pos(shown, text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
    return Pos(shown)


def read_plugin_options(config_file: Path) -> tuple[PluginOptions, tuple[Diagnostic, ...]]:
    """The briefing plugin's options from mkdocs.yml; no options when the plugin is not
    listed. MkDocs' own tags (`!ENV`, `!relative`) are left unresolved: the plugin's options
    are plain values, and only their structure and positions are read here."""
    shown = config_file.as_posix()
    empty = PluginOptions({}, {}, config_file)
    text = ""
    try:
        text = config_file.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as exc:
        return empty, (error(Pos(shown), "config-severity", f"cannot read {shown}: {exc}",
                             "check the path given with --config-file"),)
    except yaml.YAMLError as exc:  # a syntax error, or a character YAML refuses
        return empty, (error(_yaml_fault_pos(shown, exc, text), "yaml-syntax",
                             _yaml_fault(exc),
                             "fix mkdocs.yml; `mkdocs build` reports the same problem"),)
    node = _plugin_node(root)
    if node is None:
        return empty, ()
    positions = {"": _pos(shown, node)}
    values: dict[str, Any] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(key.value)
            positions[name] = _pos(shown, key)
            values[name] = _plain(value)
            if isinstance(value, yaml.MappingNode):
                for sub_key, _ in value.value:
                    positions[f"{name}.{sub_key.value}"] = _pos(shown, sub_key)
    return PluginOptions(values, positions, config_file), ()


def _plugin_node(root: yaml.Node | None) -> yaml.Node | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    plugins = next((v for k, v in root.value if k.value == "plugins"), None)
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            if isinstance(item, yaml.ScalarNode) and item.value == PLUGIN_NAME:
                return item
            if isinstance(item, yaml.MappingNode):
                for key, value in item.value:
                    if key.value == PLUGIN_NAME:
                        return value  # type: ignore[no-any-return]
    if isinstance(plugins, yaml.MappingNode):
        for key, value in plugins.value:
            if key.value == PLUGIN_NAME:
                return value  # type: ignore[no-any-return]
    return None


def _plain(node: yaml.Node) -> Any:
    """The value of an option node, read as YAML 1.1 would (as MkDocs does), without tags."""
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in ("yes", "true", "on")
    return node.value


def _pos(path: str, node: yaml.Node) -> Pos:
    return Pos(path, node.start_mark.line + 1, node.start_mark.column + 1)
