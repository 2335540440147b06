"""The site's styles and scripts lose their comments and spacing, and nothing else."""

from __future__ import annotations

from briefing.minify import is_minifiable, minified


def test_css_loses_comments_and_spacing_but_keeps_its_rules() -> None:
    css = "/* why */\n.a  >  b {\n  color : red ;\n}\n/*! licence */\n"
    out = minified("x.css", css)
    assert "why" not in out and "licence" in out
    assert ".a>b{color:red}" in out


def test_javascript_loses_comments_but_keeps_strings_and_regexes() -> None:
    js = ('// why\nvar s = "a  // not a comment";\n'
          "var r = /\\/\\*x/g;  /* block */\nfunction f ( a ) { return a ; }\n")
    out = minified("x.js", js)
    assert "why" not in out and "block" not in out
    assert '"a  // not a comment"' in out and "/\\/\\*x/g" in out
    assert "function f(a){return a;}" in out


def test_other_files_are_left_as_written() -> None:
    svg = "<svg>  <!-- kept --> </svg>"
    assert minified("favicon.svg", svg) == svg
    assert not is_minifiable("problems.json") and is_minifiable("a/b.css")
