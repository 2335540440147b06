"""Where generated pages are published (`paths.published_file`, `paths.published_url`) is
MkDocs' rule written out once: these tests fail if MkDocs changes it."""

from __future__ import annotations

import pytest
from corpus_helpers import SEED
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.files import File

from briefing.paths import PROBLEMS, page_path, paged_path, published_file, published_url
from briefing.pipeline import build

SLUGS = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
FOLDERS = st.lists(SLUGS, max_size=3).map("/".join)


def as_mkdocs(path: str, directory_urls: bool) -> tuple[str, str]:
    file = File(path, src_dir=None, dest_dir="", use_directory_urls=directory_urls)
    url = file.url
    return file.dest_uri, "" if url == "./" else url


def ours(path: str, directory_urls: bool) -> tuple[str, str]:
    return (published_file(path, directory_urls=directory_urls),
            published_url(path, directory_urls=directory_urls))


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_page_of_the_fixture_corpus_is_published_where_mkdocs_puts_it(
        directory_urls: bool) -> None:
    pages = build(SEED, site_title="Briefing").pages
    assert len(pages) > 50
    for path in sorted({*pages, PROBLEMS, paged_path(page_path("entity", "x"), 2)}):
        assert ours(path, directory_urls) == as_mkdocs(path, directory_urls), path


@given(folder=FOLDERS, stem=st.one_of(SLUGS, st.just("index")),
       directory_urls=st.booleans())
def test_any_slug_path_is_published_where_mkdocs_puts_it(folder: str, stem: str,
                                                        directory_urls: bool) -> None:
    path = f"{folder}/{stem}.md" if folder else f"{stem}.md"
    assert ours(path, directory_urls) == as_mkdocs(path, directory_urls)


@given(folder=FOLDERS, stem=st.one_of(st.sampled_from(["index", "README", "readme", "a.b"]),
                                      st.from_regex(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,8}",
                                                    fullmatch=True)),
       suffix=st.sampled_from([".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".MD", "",
                               ".xml", ".css", ".md.txt", ".html"]),
       directory_urls=st.booleans())
def test_any_file_of_docs_dir_is_published_where_mkdocs_puts_it(
        folder: str, stem: str, suffix: str, directory_urls: bool) -> None:
    """Hand-written files too (`briefing check` lists docs_dir to find those a generated
    file would replace): `README.md` is an index, a stylesheet keeps its path."""
    path = f"{folder}/{stem}{suffix}" if folder else f"{stem}{suffix}"
    assert published_file(path, directory_urls=directory_urls) \
        == as_mkdocs(path, directory_urls)[0]


def test_the_home_page_and_an_index_page() -> None:
    assert ours("index.md", True) == ("index.html", "")
    assert ours("claims/index.md", True) == ("claims/index.html", "claims/")
    assert ours("claims/x.md", True) == ("claims/x/index.html", "claims/x/")
    assert ours("claims/x.md", False) == ("claims/x.html", "claims/x.html")
    assert ours("index.md", False) == ("index.html", "index.html")


@pytest.mark.parametrize("topic", ["index", "con", "training-chips"])
def test_a_topic_named_like_a_reserved_file_keeps_its_own_page(topic: str) -> None:
    """Topics are slugs the curator writes, never checked against reserved names as ids
    are: the prefix keeps `index` from taking the topics index's path."""
    from briefing.paths import index_path, page_type

    path = page_path("topic", topic)
    assert path == f"topics/t-{topic}.md" != index_path("topic")
    assert page_type(path) == "topic" and page_type(paged_path(path, 2)) == "topic"
    assert page_type(index_path("topic")) == "index"
