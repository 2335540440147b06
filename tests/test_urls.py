"""Hostile addresses, in the spirit of the OWASP XSS filter-evasion list: each one is
either refused with a registered diagnostic or stored in a form that reaches the page as
an inert link to exactly that address."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hostile import scan

from briefing.codes import CODES
from briefing.fragments import TextTarget, fragment_url
from briefing.markup import external_link
from briefing.urls import MAX_LENGTH, SAFE, UrlProblem, normalise

REFUSED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "javascript:alert(1)//https://news.example/",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\x00script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "javascript&colon;alert(1)",
    "\x01javascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "ftp://news.example/",
    "mailto:a@news.example",
    "//evil.example/",
    "\\\\evil.example/",
    "/\\evil.example/",
    "https:evil.example",
    "https:/evil.example",
    "https:///evil.example",
    "https:\\\\evil.example",
    "https://",
    "http://?q=1",
    "https://user:pass@news.example/",
    "https://news.example@evil.example/",
    "https://news.example%40evil.example/",
    "https://news.example\\@evil.example/",
    "https://127.0.0.1/",
    "http://0x7f.0.0.1/",
    "http://2130706433/",
    "http://017700000001/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://localhost/",
    "https://-evil.example/",
    "https://evil..example/",
    "https://news.example:99999/",
    "https://news.example:0/",
    "https://news.example:http/",
    "https://news.example:/",
    'https://news.example"onmouseover=alert(1)//',
    "https://news<svg>.example/",
    "https://news.example/a b",
    'https://news.example/#"><svg onload=alert(1)>',
    "https://news.example/<img src=x onerror=alert(1)>",
    "https://news.example/\n<script>alert(1)</script>",
    "https://news.example/\u200b",
    "https://news.example/\u202egnp.exe",
    "https://news.example/\u2028a",
    "https://news.example/\ufeff",
    "https://\u0430pple.example/",
    "https://b\u00fccher.example/",
    "https://\u4f8b\u3048.jp/",
    "https://news\uff0eexample/",
    "https://news.example/" + "a" * MAX_LENGTH,
    "https://news.example/" + "\u00e9" * 700,  # over the limit once encoded
]

ACCEPTED = [
    ("https://news.example", "https://news.example"),
    ("HTTPS://NEWS.Example/Path", "https://news.example/Path"),
    ("https://news.example:8443/a", "https://news.example:8443/a"),
    ("https://news.example./a", "https://news.example./a"),
    ("https://xn--80ak6aa92e.example/", "https://xn--80ak6aa92e.example/"),
    ("https://news.example/a)<svg/onload=alert(1)>", "https://news.example/a)%3Csvg/onload=alert(1)%3E"),
    ('https://news.example/"onmouseover="alert(1)', "https://news.example/%22onmouseover=%22alert(1)"),
    ("https://news.example/'onmouseover='alert(1)", "https://news.example/'onmouseover='alert(1)"),
    ("https://news.example/{:onclick=alert(1)}", "https://news.example/%7B:onclick=alert(1)%7D"),
    ("https://news.example/a)[x](javascript:alert(1))",
     "https://news.example/a)%5Bx%5D(javascript:alert(1))"),
    ("https://news.example/?q=<script>alert(1)</script>",
     "https://news.example/?q=%3Cscript%3Ealert(1)%3C/script%3E"),
    ("https://news.example/*em*_em_`code`", "https://news.example/*em*_em_%60code%60"),
    ("https://news.example/a|b", "https://news.example/a%7Cb"),
    ("https://news.example/&lt;script&gt;", "https://news.example/&lt;script&gt;"),
    ("https://news.example/%3Cscript%3E", "https://news.example/%3Cscript%3E"),
    ("https://news.example/%zz%4", "https://news.example/%25zz%254"),
    ("https://news.example/javascript:alert(1)", "https://news.example/javascript:alert(1)"),
    ("https://news.example/#javascript:alert(1)", "https://news.example/#javascript:alert(1)"),
    ("https://news.example/a#b#c", "https://news.example/a#b%23c"),
    ("https://news.example/\u00fc?q=\u65e5#\u00e7", "https://news.example/%C3%BC?q=%E6%97%A5#%C3%A7"),
    ("https://news.example/[x]", "https://news.example/%5Bx%5D"),
    ("https://news.example/--><script>", "https://news.example/--%3E%3Cscript%3E"),
    ("https://news.example/]]>", "https://news.example/%5D%5D%3E"),
    ("https://news.example/!", "https://news.example/!"),
    ("https://news.example/a^b", "https://news.example/a%5Eb"),
    ("https://news.example/?a=1&b=2", "https://news.example/?a=1&b=2"),
    ("https://news.example/?a=1&amp;b=2", "https://news.example/?a=1&amp;b=2"),
    ("https://news.example/a\U0001F600", "https://news.example/a%F0%9F%98%80"),
]


class Links(HTMLParser):
    """The external links of a page as the browser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open = dict(attrs).get("href") or ""

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.found.append((self._open, data))
            self._open = None


def page_html(url: str) -> str:
    """The address as the site writes it: in a table cell, after text, as Markdown is."""
    body = f"Published · {external_link('original article', url)} · 3 quotes"
    table = f"| a | b |\n|---|---|\n| {external_link('Open', url)} | x |\n"
    return markdown.markdown(f"{body}\n\n{table}", extensions=["tables", "attr_list", "toc"])


def assert_inert_link_to(url: str) -> None:
    html = page_html(url)
    assert not scan(html).problems, html
    links = Links()
    links.feed(html)
    assert links.found == [(url, "original article"), (url, "Open")], html


@pytest.mark.parametrize("raw", REFUSED)
def test_hostile_addresses_are_refused(raw: str) -> None:
    problem = normalise(raw.strip())
    assert isinstance(problem, UrlProblem), problem
    assert problem.code in CODES and problem.message and problem.hint


@pytest.mark.parametrize(("raw", "stored"), ACCEPTED)
def test_accepted_addresses_are_stored_encoded_and_render_inert(raw: str, stored: str) -> None:
    assert normalise(raw) == stored
    assert SAFE.match(stored)
    assert normalise(stored) == stored, "normalising twice changes nothing"
    assert_inert_link_to(stored)
    assert_inert_link_to(fragment_url(stored, TextTarget("a) [b](javascript:c) <d>", "e-f")))


def test_a_non_ascii_host_gets_its_ascii_form_in_the_hint() -> None:
    problem = normalise("https://b\u00fccher.example/")
    assert isinstance(problem, UrlProblem)
    assert "xn--bcher-kva.example" in problem.hint


def test_a_cyrillic_letter_in_the_host_is_named() -> None:
    problem = normalise("https://\u0430pple.example/")
    assert isinstance(problem, UrlProblem) and "not ASCII" in problem.message
    assert "xn--pple-43d.example" in problem.hint


def test_an_address_not_normalised_is_never_written() -> None:
    for raw in ("javascript:alert(1)", "https://news.example/a b", 'https://x.example/"'):
        with pytest.raises(ValueError):
            external_link("x", raw)


# Any text at all: a result or a registered refusal, never an exception; what is accepted
# is in normal form and renders as an inert link to exactly itself.
_PIECES = st.sampled_from([
    "https://", "http://", "news.example", "/", "?", "#", "&", "%", "%3C", "@", ":", "\\",
    "javascript:", "data:", "<svg/onload=alert(1)>", '"', "'", "(", ")", "[", "]", "{",
    "}", "*", "_", "`", "|", "!", "&#106;", "\u00e9", "\u0430", "\u200b", " ", "\t", "\n",
    "..", "xn--", "8080", "[::1]", "\U0001F600"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=4), max_size=12).map("".join))
def test_any_text_is_refused_or_renders_as_an_inert_link_to_itself(raw: str) -> None:
    result = normalise(raw)
    if isinstance(result, UrlProblem):
        assert result.code in CODES
        return
    assert SAFE.match(result) and len(result) <= MAX_LENGTH
    assert normalise(result) == result
    assert_inert_link_to(result)
