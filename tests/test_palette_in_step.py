"""The colours are written more than once: the theme's light scheme, its dark scheme by
the system's setting and again by the reader's toggle (CSS cannot share one block between
a media query and a selector), and the plugin's default palette for other themes, by the
system's setting and by Material's own switch (one rule for the light scheme). The copies
must say the same, or a page changes colour with the way its scheme was chosen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
THEME_CSS = REPO / "theme" / "assets" / "briefing.css"
PALETTE_CSS = REPO / "briefing" / "assets" / "palette.css"
DECLARATION = re.compile(r"(--[\w-]+)\s*:\s*([^;]+);")


def block(css: str, selector: str) -> dict[str, str]:
    """The custom properties declared in the first rule whose selector is `selector`."""
    found = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert found, f"no rule for {selector!r}"
    body = re.sub(r"/\*.*?\*/", "", found.group(1), flags=re.S)
    return {name: " ".join(value.split()) for name, value in DECLARATION.findall(body)}


def schemes() -> dict[str, dict[str, dict[str, str]]]:
    theme, palette = THEME_CSS.read_text(), PALETTE_CSS.read_text()
    dark_media = palette[palette.index("prefers-color-scheme: dark"):]
    return {
        "light": {
            "theme": block(theme, ":root"),
            # one rule: by default and under Material's light scheme
            "palette": block(palette, ':where(:root, [data-md-color-scheme="default"])'),
        },
        "dark": {
            "theme by the system": block(theme, ":root:not([data-scheme=light])"),
            "theme by the toggle": block(theme, ":root[data-scheme=dark]"),
            # (not where the theme says which scheme it shows, whatever the system's)
            "palette by the system": block(dark_media, ":where(:root:not([data-bs-theme])"
                                           ":not(.writer-html5)"
                                           ":not(:has(> body > .md-container)))"),
            "palette under Material or MkDocs' dark mode": block(
                palette, ':where([data-md-color-scheme="slate"], [data-bs-theme="dark"])'),
        },
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_copy_of_a_scheme_gives_each_colour_the_same_value(scheme: str) -> None:
    copies = schemes()[scheme]
    names = set().union(*copies.values())
    assert len(names) > 20, "the palette was not read"
    for name in sorted(names):
        values = {where: props[name] for where, props in copies.items() if name in props}
        assert len(set(values.values())) == 1, f"{name} differs in the {scheme} scheme: {values}"


def test_the_plugins_palette_sets_every_colour_the_theme_sets_for_the_features() -> None:
    # The header's colours are the theme's own; every other colour the features read must
    # have a default for a theme that sets none.
    for scheme, copies in schemes().items():
        theme = next(props for where, props in copies.items() if where.startswith("theme"))
        for where, props in copies.items():
            if where.startswith("palette"):
                missing = {n for n in theme if not n.startswith("--header")} - props.keys() \
                    - {"--font-mono", "--measure", "--column"}
                assert not missing, f"{where} ({scheme}) lacks {sorted(missing)}"


COLOUR_VALUE = re.compile(r"#[0-9a-fA-F]{3,8}|(?:rgb|rgba|hsl|hsla)\([^)]*\)|var\(--[\w-]+\)")


def scheme_rules(css: str) -> list[tuple[str, str]]:
    """Every rule whose selector, or the @media block around it, chooses a colour scheme:
    (what chooses it, the rule's declarations)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found, media = [], ""
    for match in re.finditer(r"([^{}]*)\{([^{}]*)\}|([^{}]*)\{|\}", css):
        head, body, opening = match.group(1), match.group(2), match.group(3)
        if opening is not None:
            media = opening.strip()
        elif head is not None:
            where = f"{media} {head.strip()}"
            if "color-scheme" in where or "data-scheme" in where:
                found.append((where, body))
        else:
            media = ""
    return found


def test_the_schemes_differ_by_their_colours_alone() -> None:
    """The browser tests measure a page's layout in one scheme and read its colours in
    both (tests/browser/): that holds only while a scheme's rules set colours and nothing
    else."""
    rules = scheme_rules(THEME_CSS.read_text(encoding="utf-8"))
    assert len(rules) >= 3, f"the schemes' rules were not read: {rules}"
    for where, body in rules:
        for declaration in filter(None, (d.strip() for d in body.split(";"))):
            name, _, value = (part.strip() for part in declaration.partition(":"))
            colour = name == "color-scheme" or (
                name.startswith("--") and COLOUR_VALUE.fullmatch(value) is not None)
            assert colour, f"{where} sets {declaration!r}: more than a colour"
