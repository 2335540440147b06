"""Checking and normalising the web addresses curators write (a source's `url:`).

Every address is parsed once, when the annotation is validated, and stored in one
normal form: scheme and host in lower case, and every character outside the URI syntax
percent-encoded. The stored form therefore holds only ASCII letters, digits and
`-._~:/?#@!$&'()*+,;=%`, none of which can end an HTML attribute or open a tag; what
is still significant to Markdown (`()*_!&'`) is escaped where the address is written
into a page, by `markup.external_link`, the only way an address reaches one.

Addresses that could mean something other than what they show are refused rather than
repaired: a scheme other than http(s), user names before the host (`https://bank@evil`),
backslashes (browsers read them as `/`), white space and control characters, numeric
hosts (`http://2130706433/` is 127.0.0.1) and hosts outside ASCII, whose letters may
only look like the name the reader expects (the hint gives the `xn--` form to write).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .chars import char_name

MAX_LENGTH = 2048  # what browsers, sitemaps and search engines reliably keep

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_LABEL = r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)"
# A registered name with at least two labels, the last not all digits.
_HOST = re.compile(rf"^(?:{_LABEL}\.)+(?=[a-z0-9-]*[a-z])(?:{_LABEL})\.?$")
_PORT = re.compile(r"^[0-9]{1,5}$")
# The addresses `normalise` accepts, for the JSON Schemas, nearly: as written (white
# space around it, the scheme and host in any case), less exact about ports and the
# invisible characters it refuses.
_ANY_LABEL = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
SCHEMA_PATTERN = (r"^\s*[Hh][Tt][Tt][Pp][Ss]?://"
                  rf"(?:{_ANY_LABEL}\.)+(?=[A-Za-z0-9-]*[A-Za-z]){_ANY_LABEL}\.?"
                  r"(?::[0-9]{1,5})?(?:[/?#][^\s\\]*)?\s*$")
# Kept as written after the host: RFC 3986's unreserved and reserved characters
# (`[` and `]` belong only around an IPv6 host, which is refused) and `%`.
_KEEP = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                  "-._~:/?@!$&'()*+,;=%")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# What a normalised address consists of (checked again where one is written out).
SAFE = re.compile(r"^https?://[a-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]*)?$")


# An address written without its scheme: a host name with a dot, then a path or nothing.
_BARE_HOST = re.compile(r"(?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:[/?#]|$)")


@dataclass(frozen=True)
class UrlProblem:
    """Why an address was refused: a diagnostic's code, message and hint."""

    code: str
    message: str
    hint: str


def normalise(value: str) -> str | UrlProblem:
    """The address in normal form, or why it cannot be used."""
    if len(value) > MAX_LENGTH:
        return UrlProblem("schema-too-long", f"the URL is longer than {MAX_LENGTH} characters",
                          "link to the article's page itself, without tracking parameters")
    refused = _refused_character(value)
    if refused:
        return refused
    scheme = _SCHEME.match(value)
    if not scheme or scheme.group(1).lower() not in ("http", "https") \
            or not value[scheme.end():].startswith("//"):
        bare = _BARE_HOST.match(value)  # `www.example.org/page`: the address less https://
        return UrlProblem("schema-url", f"{value!r} is not an http(s) URL",
                          f"write https://{value.removeprefix('//')} if that is the article's "
                          "address: a URL starts with https://" if bare else
                          "write the article's full address, starting with https://")
    rest = value[scheme.end() + 2:]
    end = min((rest.find(c) for c in "/?#" if c in rest), default=len(rest))
    authority, tail = rest[:end], rest[end:]
    host = _host(authority)
    if isinstance(host, UrlProblem):
        return host
    url = f"{scheme.group(1).lower()}://{host}{_encode_tail(tail)}"
    if len(url) > MAX_LENGTH:
        return UrlProblem("schema-too-long",
                          f"the URL is longer than {MAX_LENGTH} characters once encoded",
                          "link to the article's page itself, without tracking parameters")
    return url


def _refused_character(value: str) -> UrlProblem | None:
    for char in value:
        if char == "\\":
            return UrlProblem("schema-url", "the URL contains a backslash",
                              "browsers read `\\` as `/`; write `/` or `%5C`")
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            return UrlProblem("schema-url", f"the URL contains {char_name(char)}",
                              "write a space inside the address as %20" if char == " "
                              else "remove it: it does not show, and may hide what the "
                              "address really is")
    return None


def _host(authority: str) -> str | UrlProblem:
    if "@" in authority:
        return UrlProblem("schema-url", "the URL has a user name before its host",
                          "remove everything up to and including `@`: an address such as "
                          "https://news.example@evil.example goes to evil.example")
    host, colon, port = authority.partition(":")
    if authority.startswith("["):
        host, colon, port = authority, "", ""
    if colon and not (_PORT.match(port) and 0 < int(port) < 65536):
        return UrlProblem("schema-url", f"{port!r} is not a port number",
                          "write the address without `:` after the host, or a port from "
                          "1 to 65535")
    if not host.isascii():
        return UrlProblem("schema-url", f"the host {host!r} is not ASCII",
                          _ascii_host_hint(host))
    lowered = host.lower()
    if not _HOST.match(lowered):
        return UrlProblem("schema-url", f"{host!r} is not a host name",
                          "write the site's name, such as www.example.com (numeric "
                          "addresses and local names are not accepted)")
    return lowered + (f":{int(port)}" if colon else "")


def _ascii_host_hint(host: str) -> str:
    try:
        ascii_form = host.encode("idna").decode("ascii")
    except UnicodeError:
        return "write the host in ASCII letters, digits, hyphens and dots"
    return (f"letters outside ASCII can imitate other names; if {host!r} is meant, write "
            f"its ASCII form {ascii_form!r}")


def _encode_tail(tail: str) -> str:
    """Path, query and fragment, with everything outside the URI syntax percent-encoded
    as UTF-8 (and a `%` not starting an escape encoded itself)."""
    tail = _PERCENT.sub("%25", tail)
    out: list[str] = []
    seen_hash = False
    for char in tail:
        if char == "#":
            if seen_hash:
                out.append("%23")
                continue
            seen_hash = True
        if char in _KEEP or char == "#":
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
    return "".join(out)
