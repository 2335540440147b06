"""What a serve session shows (`problems.LastGood`): the last good pages, and the Problems
page."""

from __future__ import annotations

import json
from pathlib import Path

from briefing import pipeline
from briefing.diagnostics import Diagnostic, Pos, Severity, error
from briefing.problems import (
    HOME_PAGE,
    PROBLEMS_PAGE,
    LastGood,
    LinkReport,
    LinkReports,
    ProblemsSummary,
    problems_json,
    problems_page,
)

FAILED = (pipeline.internal_error(Path("content"), RuntimeError("x")),)


def test_the_last_good_pages_are_those_of_a_build_that_finished() -> None:
    served = LastGood()
    served.outputs({"index.md": "# first\n"}, {}, ())
    assert served.last_good is None, "kept before the build finished"
    served.finished()
    # A build without errors that MkDocs then fails midway is not kept.
    served.outputs({"index.md": "# second\n"}, {}, ())
    served.failed()
    pages, _ = served.outputs({}, {}, FAILED)
    assert pages["index.md"] == "# first\n" and PROBLEMS_PAGE in pages
    assert served.problems is not None and served.problems.kept_last_good
    served.finished()
    pages, _ = served.outputs({}, {}, FAILED)
    assert pages["index.md"] == "# first\n"


def test_before_any_good_build_the_home_page_says_nothing_was_built() -> None:
    served = LastGood()
    pages, files = served.outputs({"index.md": "# mine\n"}, {"x.json": "{}"}, FAILED)
    assert set(pages) == {HOME_PAGE, PROBLEMS_PAGE} and files == {}
    assert pages[HOME_PAGE] != "# mine\n"
    assert served.problems is not None and not served.problems.kept_last_good
    assert served.faulty == {FAILED[0].pos.path}


def test_the_problems_page_is_always_served_and_warnings_keep_the_pages() -> None:
    """From the first build on, so that a bookmark to it, or MkDocs' link warnings found
    after the page was planned, never meet a 404."""
    served = LastGood()
    pages, _ = served.outputs({"a.md": "a"}, {}, ())
    assert pages["a.md"] == "a" and "No problems" in pages[PROBLEMS_PAGE]
    assert served.problems is None
    warning = Diagnostic(Severity.WARNING, Pos("content/c.yml", 1, 1), "orphan-claim", "w")
    pages, _ = served.outputs({"a.md": "b"}, {}, (warning,))
    assert pages["a.md"] == "b" and PROBLEMS_PAGE in pages and served.faulty == set()
    pages, _ = served.outputs({"a.md": "c"}, {}, ())
    assert pages["a.md"] == "c" and PROBLEMS_PAGE in pages and served.problems is None


def test_a_file_is_left_out_when_an_error_names_it_or_a_folder_holding_it() -> None:
    """A link to a folder out of the content folder is named once, as the folder; what
    MkDocs would list through it is left out of the served site all the same."""
    served = LastGood()
    linked_out = Diagnostic(Severity.ERROR, Pos("content/pages/keys"),
                            "content-symlink-outside", "this link points outside")
    served.outputs({}, {}, (linked_out,))
    assert served.names("content/pages/keys")
    assert served.names("content/pages/keys/id.pem")
    assert not served.names("content/pages/keys.md")
    assert not served.names("content/pages/about.md")


def test_a_problem_gives_its_own_hint_or_else_its_codes_fix() -> None:
    """The code's general fix repeats what a problem's own hint says better: it is shown
    only for a problem that has no hint."""
    hinted = error(Pos("content/claims.yml", 3, 5), "ref-unknown", "unknown claim 'x'",
                   "did you mean 'y'?")
    bare = error(Pos("content/claims.yml", 4, 5), "ref-unknown", "unknown claim 'z'")
    first, second = problems_page([hinted, bare], kept_last_good=True).split(
        "content/claims.yml:4:5")
    assert "Hint: did you mean 'y'?" in first and "How to fix:" not in first
    assert "How to fix:" in second and "Hint:" not in second


def test_link_reports_are_kept_by_page_until_the_page_is_read_again() -> None:
    """Under `--dirty` MkDocs reads only the pages that changed: the others' warnings stand
    until they are read again, and a page the site no longer has takes its own away."""
    reports = LinkReports()
    a = LinkReport("content/pages/a.md:3:5", "Doc file 'a.md' contains a link 'x.md'")
    b = LinkReport("content/pages/b.md:1:1", "Doc file 'b.md' contains a link 'y.md'")
    reports.add("a.md", a)
    reports.add("a.md", a)  # the same warning twice in a build is one
    reports.add("b.md", b)
    assert reports.all() == (a, b)
    reports.page_read("a.md")
    assert reports.all() == (b,)
    reports.add("a.md", a)
    reports.keep_only(["a.md", "c.md"])
    assert reports.all() == (a,)


def test_link_warnings_are_counted_and_listed_in_problems_json() -> None:
    link = LinkReport("content/pages/a.md:3:5", "Doc file 'a.md' contains a link 'x.md'")
    alone = json.loads(problems_json(None, "problems/", (link,)))["problems"]
    assert (alone["errors"], alone["warnings"], alone["text"]) == (0, 1, "0 errors, 1 warning")
    assert alone["links"] == [{"at": link.at, "message": link.message}]
    content = ProblemsSummary(1, 2, kept_last_good=True)
    both = json.loads(problems_json(content, "problems/", (link,)))["problems"]
    assert (both["errors"], both["warnings"], both["kept_last_good"]) == (1, 3, True)
    assert json.loads(problems_json(None, "problems/"))["problems"] is None
    assert json.loads(problems_json(content, "problems/"))["problems"]["links"] == []
