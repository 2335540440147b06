"""Every diagnostic code the build can report: its default severity, what it means and how
to fix it. The registry is the single list behind docs/diagnostics.md, the severity
options and the tests that keep all three in step."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .diagnostics import Severity


@dataclass(frozen=True)
class Code:
    name: str
    severity: Severity
    meaning: str
    fix: str

    @property
    def adjustable(self) -> bool:
        """Only warnings may be raised or silenced: an error marks input the build cannot
        vouch for, and publishing it anyway would break the promise of the site."""
        return self.severity is Severity.WARNING


E, W = Severity.ERROR, Severity.WARNING

_CODES = (
    # The content folder
    Code("content-missing", E, "The content folder does not exist, or is a file.",
         "Create it, or point the plugin's `content_dir` option (or `--content`) at the "
         "folder that holds sources/ and briefs/."),
    Code("content-symlink-outside", E,
         "A symbolic link under the content folder points outside it, or the content "
         "folder is itself a link.",
         "Copy the file into content/ instead of linking to it."),
    Code("content-symlink-broken", E,
         "A symbolic link under the content folder points at something that does not exist.",
         "Point the link at an existing file, or delete the link."),
    Code("content-symlink-loop", E,
         "A symbolic link under the content folder is part of a loop of links, or, among "
         "the hand-written pages, leads back to a folder that holds it.",
         "Point the link at a real file or at a folder that does not hold it, or replace "
         "it with what it points at."),
    Code("content-unreadable", E,
         "A file or folder under the content folder cannot be read (no permission, a name "
         "the file system refuses, a file gone while it was read). A folder that cannot be "
         "read is never skipped silently: everything in it would vanish from the site.",
         "Give the user running the build read access (`chmod u+r` for a file, `chmod u+rx` "
         "for a folder), or move it out of content/."),
    Code("content-not-a-file", E,
         "A named pipe (FIFO), socket or device under the content folder; only regular "
         "files are read, since reading these could block or never end.",
         "Replace it with a regular file, or move it out of content/."),
    Code("content-too-large", E, "A source text or annotation file is over the size cap.",
         "Split it; a single article or annotation is far smaller."),
    Code("content-unknown-folder", W, "A folder that is not part of the content model.",
         "Move its files to sources/, claims/, entities/, briefs/ or pages/, or move the "
         "folder out of content/."),
    Code("page-front-matter", E, "A hand-written page whose front matter (between `---` "
         "lines) is not YAML, or not a mapping: MkDocs would publish it as the page's text.",
         "Fix the YAML between the `---` lines, or remove them."),
    Code("page-structured-data", W, "A hand-written page's front matter `jsonld:`: the "
         "structured data search engines show (a claim's review and rating) is made from "
         "the corpus, on claim pages, never written by hand, so the published page leaves "
         "it out.",
         "Remove `jsonld:`; a claim's review comes from its annotation."),
    Code("page-unsafe-markup", W, "Raw HTML or a link in a hand-written page that the "
         "published page leaves out, as it could run a script or restyle the site: an "
         "element such as `<script>`, `<iframe>` or `<style>`, an event handler, a style, "
         "an address such as `javascript:`.",
         "Remove it; a hand-written page may hold text, links to http(s), mailto or "
         "relative addresses and images."),
    Code("page-runnable-file", W, "A file among the hand-written pages that the site does "
         "not publish, as a browser could run a script from it: HTML, XML, JavaScript, an "
         "SVG image holding a script or an event handler.",
         "Write the page in Markdown, or publish the file elsewhere."),
    Code("content-unknown-file", W,
         "A file the build does not read: outside content/pages/, only the files of the "
         "content model are read, so a page, an image or an annotation in another format "
         "or place would be missing from the site without a word. Hidden files and the "
         "backups editors leave (`name~`, `#name#`, `.bak`, `.orig`) are not reported.",
         "Move a hand-written page or an image to content/pages/; rename an annotation to "
         "the expected form (sources/ID.txt and sources/ID.yml, briefs/ID.yml, claims.yml or "
         "claims/*.yml, entities.yml or entities/*.yml, names.yml); or move it out of "
         "content/."),
    # Source text
    Code("text-not-utf8", E,
         "A source text, annotation or hand-written page (content/pages) contains bytes that "
         "are not UTF-8.",
         "Re-save the file as UTF-8, for example with `iconv -f WINDOWS-1252 -t UTF-8`."),
    Code("text-control-char", E,
         "A source text or an annotation value contains NUL or another control character "
         "(in YAML, possibly written as an escape such as `\\x07`).",
         "Delete the character or the escape; text must be printable."),
    Code("text-bidi-control", W,
         "An invisible bidirectional control character can show text in another order than "
         "it is stored: in a file, or in the name of a hand-written page or its folder, "
         "which is the page's title where it gives none.",
         "Delete it unless the article really needs it; rename the page or folder."),
    # YAML
    Code("yaml-syntax", E, "The file is not valid YAML. A key without its colon or with "
         "no space after it (`speaker:acme`), one out of line with the key above it, or a "
         "quoted value closed with a typographic quotation mark (`\"the cost”`) is named "
         "at its own line, though YAML may stop lines below it (after a block of text, at "
         "the next key or straight quote).",
         "Fix the syntax at the position shown; the hint names the usual cause."),
    Code("yaml-empty", E, "The YAML file holds no value.",
         "Write the annotation, or delete the file."),
    Code("yaml-several-documents", E, "The file holds more than one YAML document (`---`).",
         "Remove the separator: one file holds one document."),
    Code("yaml-duplicate-key", E,
         "A key appears twice in one mapping; YAML would silently keep only the last.",
         "Keep one of the two; the message names both lines."),
    Code("yaml-missing-dash", E,
         "A list entry written without its `- `: indented like the keys of the entry above, "
         "YAML reads its keys as repeats of that entry's; the only entry of its list, YAML "
         "reads it as a mapping where the list goes (the check still reads it as the entry, "
         "so what refers to it is not reported too). (Indented like the dashes, or the "
         "first of several, it makes the list unreadable: a `yaml-syntax` error at the "
         "entry, with the same hint.)",
         "Write `- ` before the entry's first key, the dash in the column of the other "
         "entries' dashes (for a list's only entry, the column the hint names), and line up "
         "its other keys under the first."),
    Code("yaml-missing-first-key", E,
         "A list entry missing its first line, the key the other entries of its list open "
         "with (`- id: x`): YAML reads its other keys as repeats of the entry above's. It is "
         "named at the first of them, where the entry's own keys start again (the one the "
         "list's entries have second); what refers to an id of the file's kind is not "
         "reported too, since the lost id may be any of them.",
         "Write the entry's first line back above the key named, `- id: …` with its own id "
         "(or whichever key the hint names), the dash in the column of the other entries' "
         "dashes; if the key is only written twice in one entry, keep one of its values."),
    Code("yaml-missing-list-key", E,
         "The key line of the list a file holds its items in is missing (`quotes:`, "
         "`claims:`, `entities:`, `sections:`, `names.yml`'s `metrics:`). Below a key with "
         "a value, YAML stops at the list; below comments only, the whole file is the list, "
         "or YAML stops at a key after it (`names.yml`'s `topics:`); below a block of text "
         "(`summary: >-`), YAML reads the list as more of the text. It is named at the "
         "list's first entry; what refers to the ids it holds is not reported too.",
         "Write the key back in column 1, on a line of its own above the list (and above "
         "the comments that head it), as the hint says."),
    Code("yaml-anchor", E, "An anchor (`&name`); anchors and aliases can expand without bound.",
         "Write the value out in full."),
    Code("yaml-alias", E, "An alias (`*name`); anchors and aliases can expand without bound.",
         "Write the value out in full."),
    Code("yaml-tag", E, "A YAML tag such as `!!python/object`; the schema decides types.",
         "Remove the tag."),
    Code("yaml-complex-key", E, "A mapping key that is a list or mapping.",
         "Use a plain `name:` key."),
    Code("yaml-too-deep", E, "Nesting deeper than the cap.", "Flatten the structure."),
    Code("yaml-too-large", E, "A YAML file over the size cap.",
         "Split it into several files under claims/ or entities/."),
    Code("yaml-tab-indent", E, "A tab used for indentation.", "Indent with spaces only."),
    Code("yaml-nbsp-indent", E, "A non-breaking space used for indentation (often pasted).",
         "Replace it with an ordinary space."),
    Code("yaml-line-separator", W,
         "An invisible line break (U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR): "
         "YAML starts a new line at it, most editors do not, so positions after it are one "
         "line further down than an editor shows (they are counted as YAML counts them).",
         "Replace it with a space or an ordinary line break."),
    # Schema
    Code("schema-unknown-key", E, "A field the schema does not know (often a typo, or "
         "another word for a field: `supports:` for a quote's `asserts:`, `disputes:` for "
         "`doubts:`).",
         "Use the suggested name, or see docs/content-model.md for the fields."),
    Code("schema-required", E, "A required field is missing.", "Add the field named."),
    Code("schema-empty", E, "A required field is present but has no value, or a text holds "
         "only invisible characters (such as U+200B ZERO WIDTH SPACE), which would show as "
         "nothing.", "Write a value after the colon."),
    Code("schema-type", E, "A value of the wrong shape: a list where text belongs, or text "
         "where a mapping belongs; or a mapping of ids (`acme: {name: …}`, `training-cost: "
         "\"Training cost\"`) where a list of entries, each with its `id:`, belongs (one "
         "error for the list, not one for each id).", "Write the shape the message asks for."),
    Code("schema-unquoted-text", E,
         "Quote text written without quotes: YAML drops everything after ` #` in it.",
         'Wrap it in double quotes ("…") or use a block scalar (|).'),
    Code("schema-too-long", E, "A text is longer than its field allows, or a URL longer "
         "than 2,048 characters.", "Shorten it."),
    Code("schema-too-few", E, "A list has fewer items than it needs.", "Add items."),
    Code("schema-slug", E,
         "An id is not lower-case letters a-z, digits and hyphens; in an id field, the "
         "`[[kind:id]]` form of prose included.",
         "Use the suggested id (in an id field, the bare id, without `[[kind:…]]`); ids "
         "become page addresses."),
    Code("text-cut-by-comment", W,
         "A text written without quotes that ` #` cuts short: YAML reads the rest of the "
         "line as a comment.",
         "Write the text in double quotes if the words after ` #` belong to it; move a "
         "comment to its own line."),
    Code("schema-choice", E, "A value outside the allowed set (often a typo, or another "
         "word for a value: `contested` for the status `disputed`, `company` for the kind "
         "`organisation`).",
         "Use the suggested value, or one of those listed."),
    Code("schema-language", E, "A source's `language` is not a BCP 47 language tag.",
         "Write the language's two- or three-letter code (`sv`, `de`, `zh`), with its script "
         "or region if need be (`zh-Hant`, `pt-BR`)."),
    Code("schema-flag", E, "A yes/no field holds something other than `true` or `false`.",
         "Write `true` or `false` (YAML's `yes`, `no`, `on` and `off` are not booleans here)."),
    Code("schema-number", E, "A number field holds words, units or a malformed number.",
         "Write digits, for example 6000000 or 6,000,000; put the unit in `unit:`. For "
         "a value such as `40k`, `$6M` or `40 000`, the hint gives it in digits."),
    Code("figure-unit-currency", W,
         "A figure's `unit:` writes a currency as a word or a sign (`dollars`, `euros`, `$`, "
         "`usd`, `million euros`, `dollars per share`) instead of its ISO code alone. Only "
         "the code makes the figure an amount of money, shown with its sign and compared "
         "by currency with the prose; any other unit is a count of what it says. `pounds` "
         "is warned of as money or a weight.",
         "Write the currency's code, as the hint gives it (`unit: USD`; `CAD`, `AUD` for "
         "another dollar), with a scale written in the unit moved into the value (`value: "
         "5000000`, not `unit: million dollars`) and what the amount is for (`per share`) "
         "in `scope:`; a weight in pounds is `unit: lb`."),
    Code("schema-range", E, "A range that is not two numbers, low then high.",
         "Write [low, high]."),
    Code("schema-date", E, "A date not written as YYYY-MM-DD, YYYY-MM, YYYY or `unknown`, or "
         "a day that does not exist.",
         "Write the date with the precision the evidence gives. The hint writes it so "
         "when the value reads as a date (\"March 3, 2025\", \"2025-3-3\", "
         "\"03/04/2025\" with both readings), or says that the year is missing."),
    Code("schema-url", E, "A URL that is not http(s) (`javascript:` and `data:` are "
         "refused), or whose host could lead elsewhere than it shows: a user name before the "
         "host, a numeric or non-ASCII host, a backslash, white space or an invisible "
         "character.",
         "Write the article's full address as the browser shows it, starting with https://; "
         "for a host in another script, the `xn--` form the hint gives."),
    Code("date-unconfirmed", W, "A date `briefing new` suggested that is not checked yet: "
         "its `basis:` is still the suggestion's.",
         "Check the date against the article: drop `inferred:` and `basis:` if the article "
         "states it, or say in `basis:` what you inferred it from."),
    Code("date-future", W, "A source's `published:` date after today (by the clock of the "
         "machine that builds, a day's grace for time zones): no article is published "
         "in the future, so the year, month or day is mistyped.",
         "Correct the date against the article, or write `unknown` if it gives none."),
    Code("date-basis-missing", E, "A date marked `inferred: true` without a `basis`.",
         "Say in `basis:` what the date was inferred from."),
    Code("subject-basis-uninferred", E, "A figure's subject with a `basis:` but not "
         "`inferred: true`: the pages would show the pairing as the source's.",
         "Add `inferred: true` if the source does not name the subject; else delete "
         "`basis:`."),
    Code("ref-stray-bracket", W, "A single `[` or `]` in or right after a reference, "
         "which the page shows as text (`[[entity:x]]]`).",
         "Delete the bracket, or give a label its brackets in pairs."),
    Code("ref-syntax", E, "A malformed `[[kind:id]]` reference in prose.",
         "Write [[kind:id]] or [[kind:id|label]] with a known kind."),
    # Files and ids
    Code("file-id", E, "A source or brief file name that is not a valid id.",
         "Rename the file with lower-case letters a-z, digits and hyphens."),
    Code("id-reserved", E,
         "An id that cannot be a page name: `index` is each section's own page, and "
         "`con`, `nul`, `aux`, `prn`, `com1` to `com9`, `lpt1` to `lpt9` cannot be file names on "
         "Windows.", "Choose another id, for example by adding a word."),
    Code("id-too-long", E,
         "An id (or the file name that is a source's or brief's id) is over 100 characters; "
         "ids become file names, which file systems limit.",
         "Shorten it to a few words."),
    Code("duplicate-id", E, "Two things of one kind share an id.",
         "Give each its own id; the message names the first use."),
    Code("source-duplicate", E,
         "A source's text equals, or nearly equals (90% of its five-word phrases shared), "
         "another source's: the same article added twice. `briefing new` refuses such an "
         "article and writes nothing.",
         "Delete one of the two and move its quotes to the other; keep both only if they "
         "are different articles."),
    Code("source-text-changed", E,
         "A source's text is not what its extractor, at the version recorded under "
         "`extracted:`, takes from the web page or PDF kept beside it "
         "(sources/<id>.html or .pdf): the text was edited, or the original replaced. "
         "Checked by `briefing check` and `briefing build`, not by the site build.",
         "Restore the text as `briefing new` wrote it (leave boilerplate out with "
         "`cleaning:` rules instead), or add a replaced original again with `briefing new`."),
    Code("source-extractor-version", W,
         "Another version of the extractor is installed than the one that extracted a "
         "source's text from its web page or PDF; the message says whether it gives the "
         "same text. The text is never replaced on its own.",
         "If the text is the same, write the installed version under `extracted: version:`; "
         "if not, install the recorded version to check the text, or add the original "
         "again with `briefing new` to take the new text."),
    Code("source-original-limit", E,
         "Extracting a web page or PDF kept beside a source (sources/<id>.html or .pdf) "
         "again took more time or memory than Briefing allows (two minutes of computing, "
         "2 GB), or gave a text larger than a source may hold. No article needs that: the "
         "file is damaged, or built to exhaust the machine that checks it. Each original "
         "is extracted in a process of its own, which is stopped at the limit.",
         "Replace the original with the page saved again (or the PDF downloaded again), "
         "or delete it, and the text is no longer checked against it. A change that adds "
         "such a file is not to be taken."),
    Code("source-text-missing", E, "An annotation with no article text beside it.",
         "Put the article in sources/ID.txt next to sources/ID.yml."),
    Code("source-text-empty", E,
         "An article text (sources/ID.txt) that is empty or holds only white space; its "
         "quotes cannot be found in it, and are not reported one by one.",
         "Put the article into the file, its text exactly as received."),
    Code("source-annotation-missing", E, "An article with no annotation beside it.",
         "Create sources/ID.yml with at least `title:`."),
    Code("brief-section-repeated", E, "A brief has the same section kind twice.",
         "Merge the two sections' points."),
    Code("page-collision", E,
         "A hand-written page or file in content/pages (docs_dir) has the address of a "
         "generated page, or of a file the build writes (`feed.xml`, the plugin's "
         "`assets/briefing/…`) or of the search plugin's index (`search/search_index.json`), "
         "or sits in a folder the build writes whole (`pagefind/`, "
         "the site's search index under a theme that shows Pagefind's search), which would "
         "replace it; or an entry of mkdocs.yml's `extra_templates` is written at such an "
         "address, where one of the two replaces the other (reported at the entry); "
         "or it has the address of one of the theme's own files (a stylesheet "
         "such as `assets/briefing.css`, an image), which it would replace on every page "
         "that loads it; or the site cannot hold it beside another file, one needing as a "
         "folder the path the other is written at (a page `404.html.md`, published at "
         "`404.html/index.html`, beside the theme's `404.html`; a file `feed.xml/x.png` "
         "beside the generated `feed.xml`). Compared without case as many file systems do.",
         "Rename or move the hand-written page or file (`404.html.md` as `not-found.md`, "
         "say), an extra template in docs_dir and in `extra_templates` alike; the site's "
         "own styles go in mkdocs.yml's `extra_css`."),
    Code("page-template-missing", E,
         "A hand-written page's front matter names a `template:` that none of the theme's "
         "folders holds (mkdocs.yml's `theme.custom_dir`, the theme's own, MkDocs'), or "
         "names none (an empty value, a number, a list): MkDocs would stop with a "
         "traceback as it wrote the page.",
         "Name one of the theme's templates (the hint lists the nearest), remove "
         "`template:` to write the page with main.html, or add the template to the "
         "folder `theme.custom_dir` names."),
    # Cross-references and quotes
    Code("ref-unknown", E,
         "A reference to an id that is not declared, or that is the id of another kind of "
         "thing (a claim's id under `cites:`, which takes quotes).",
         "Use the suggested id (one spelt like it or, when none is, the one id sharing the "
         "most words with it: `millbrook-budget` for a source "
         "`2025-11-12-millbrook-council-approves-budget`), declare the thing referred to, "
         "or name one of the kind the field takes."),
    Code("ref-repeated", W,
         "A list of references names the same id more than once; it counts once.",
         "Delete the repeated ids."),
    Code("relation-self", E, "A claim relates to itself.", "Point the relation at another claim."),
    Code("relation-cycle", E,
         "Claims supersede (or qualify) one another in a cycle: A supersedes B supersedes A. "
         "These relations run one way, from the newer or narrower claim.",
         "Remove the relation that points back; the message names the whole cycle."),
    Code("quote-not-found", E,
         "A quote is not in its source's cleaned text, even after normalisation; a fuzzy match "
         "is never accepted.",
         "Copy the exact words from the article; the hint shows the closest passage with "
         "the words that differ marked."),
    Code("quote-context-not-found", E,
         "A quote's `prefix` (or `suffix`) is not the text its article has just before (or "
         "after) the quote, wherever the quote's text is; reported at that value.",
         "Copy the words from the article; the hint shows what it has there, marked where "
         "it differs when it is close. Or remove the prefix, if the text occurs once."),
    Code("quote-ambiguous", E, "A quote occurs more than once in its source.",
         "Add `prefix:` or `suffix:` with the words just before or after it."),
    Code("cleaning-rule-unused", W, "A cleaning rule matches nothing in the article.",
         "Check the spelling against the article, or delete the rule."),
    # Editorial consistency
    Code("claim-unsourced", W, "No quote asserts, reports, doubts or refutes the claim.",
         "Link a quote to it, or delete the claim."),
    Code("status-unbacked", W, "A claim marked superseded that no claim supersedes.",
         "Add `relations: {supersedes: [...]}` to the newer claim, or choose the status the "
         "evidence supports."),
    Code("status-evidence", W, "A claim's declared status does not fit its evidence: "
         "corroborated with fewer than two sources of different outlets asserting it (relays "
         "are not support), "
         "reported or corroborated with a source doubting or refuting it or a claim "
         "contradicting it, disputed with nothing against it, refuted with nothing "
         "refuting it.",
         "Use the status the message suggests, or link the passages or claims that back the "
         "status chosen."),
    # Prose provenance (docs/provenance.md)
    Code("prose-quote-unsourced", E,
         "Words in quotation marks in a brief, claim, entity description or event label that "
         "no quote the item cites (for a claim: no quote with a stance on it) contains.",
         "Copy the exact words from a cited quote, cite the quote that has them, or drop the "
         "quotation marks if the words are a paraphrase. When the words nearly are a cited "
         "quote's (\"$60000\" for \"$60,000\"), the hint shows that quote's words with "
         "the differences marked."),
    Code("prose-figure-unsourced", W,
         "A number in a point, claim statement, event label or (an amount) brief summary that "
         "neither its quotes nor its claims' figures give, or a claim's figure that no quote "
         "on the claim gives (\"$6 million\", \"$6M\" and \"6 million dollars\" count as "
         "one number); or an amount given in a currency other than that of every quote or "
         "claim figure giving its number in one (\"€6 million\" where the quote says \"$6 "
         "million\"; a \"$\" alone is the site's or the source's own dollar).",
         "Correct the number or its currency, cite the quote that gives it, or mark the "
         "point `inference: true` if it is your own arithmetic."),
    Code("prose-date-unsourced", W,
         "A calendar date (\"3 March 2025\", \"March 2025\", \"2025年3月3日\") in a point, "
         "claim statement, event label or brief summary that no date it may rest on "
         "gives at the precision written: a date its quotes write (in any way their "
         "language writes dates), the `published:` of those quotes' sources, or the "
         "`when:` of an event of the claims it names (for a claim and its events, its "
         "own). \"March 2025\" is backed by \"3 March 2025\", not the other way round; a "
         "day without its year (\"on 4 March\", \"am 4. März\") by any date given with "
         "that month and day; a range (\"3-5 March 2025\", \"from 3 to 5 March\", \"du 3 "
         "au 5 mars 2025\") when each of its ends is. A relative day in a quote (\"on "
         "Tuesday\") backs no date. A year alone is a number (prose-figure-unsourced); "
         "points marked `inference: true` are not checked.",
         "Correct the date, cite a passage that writes it, or record it as an event's "
         "`when:` (with `inferred: true` and a `basis:` when you dated a relative day by its "
         "article); mark a point `inference: true` if the date is your own reading."),
    Code("prose-hedge-dropped", W,
         "A cited quote hedges (\"reportedly\", \"may\", \"under $6 million\") and the "
         "point or claim statement states the same thing without the hedge; or a summary, "
         "event label or claim figure gives a hedged number without its hedge next to it "
         "(or, for a figure, its `qualifier:`).",
         "Keep the hedge or an equivalent word of its group, or cite a quote that states it "
         "plainly; the `hedges:` option adds words to a group."),
    Code("prose-attribution", W,
         "A point names someone as the one who said it, while every quote it cites is the "
         "words of someone else.",
         "Name the cited quotes' speaker, cite a quote of the one named, or correct the "
         "quote's `speaker:`."),
    Code("prose-source-count", W,
         "A point, brief summary, claim statement or note, or entity description says more "
         "sources than stand behind its sentence (\"both sources\", \"the sources\", "
         "\"three articles\" where the quotes it cites are of fewer; for a point that "
         "links its quotes in its prose (`[[quote:…]]`), those linked in that sentence and "
         "those it cites without a link; for a description, the "
         "words it quotes in that sentence, else every quote it may draw on), or says "
         "\"one source\" of words it quotes from two that no one source has all of.",
         "Cite a passage of each other source that says it too, or say how many do (\"one "
         "source\", or the source by name); the message names the sources behind the "
         "sentence."),
    Code("prose-words-unsourced", W,
         "Four words or more in a row (in Chinese and Japanese, ten characters) of a point, "
         "claim statement, event label or brief summary or title, outside quotation marks, "
         "are an article's own words, and no "
         "passage the text may draw on holds them (a point: the quotes it cites; a claim and "
         "its events: the quotes on it and those its note links; a brief's summary and "
         "title: every quote the brief cites): they come from a part of the article nobody "
         "cited.",
         "Cite the passage that holds them (the hint names it when one is annotated), "
         "extend a cited quote to take them in, or say it in your own words."),
    Code("prose-status-overstated", W,
         "The curator's prose calls a claim it links (`[[claim:…]]`, or for a point, one it "
         "names under `claims:`) borne out (\"confirmed\", \"verified\", \"an established "
         "fact\") while its status is not corroborated, wrong (\"debunked\", \"refuted\", "
         "\"is false\") while it is not refuted, or undisputed while it is disputed: the "
         "words say more than the curator's judgement of the evidence. Someone's act of "
         "confirming or refuting (\"Reuters confirms\", \"has proven that\", \"confirmed "
         "by Reuters\") is held to it too, unless a passage the text draws on says it.",
         "Say what the evidence shows (\"reported by\", \"disputed\"), cite the passage "
         "that says it was confirmed (or refuted), or, if the evidence now supports it, "
         "change the claim's `status:`; `briefing check` says through status-evidence "
         "whether it does."),
    Code("name-unused", W,
         "names.yml names a metric or a topic that no claim has: the name is shown nowhere, "
         "most likely because the slug is misspelt there or in the claims.",
         "Write the slug as the claims do (a figure's `metric:`, a claim's `topics:`); the "
         "hint names the closest one they use, or the list a topic under `metrics:` (or a "
         "metric under `topics:`) belongs in. Delete the entry if nothing has it any more."),
    Code("entity-name-shared", W, "One name belongs to two entities, so mentions are ambiguous.",
         "Give each entity names of its own."),
    # The build itself
    Code("internal-error", E,
         "The build stopped on an unexpected error: a fault of the system it runs on (a "
         "file that vanished or cannot be read) or a bug in Briefing. Nothing was rendered "
         "from that build; `mkdocs serve` keeps showing the last good pages.",
         "If the message names a file, make it a readable file or move it out of the content "
         "folder, then save again. Otherwise report it with the traceback the build printed."),
    # The output folder of `briefing build --out`
    Code("output-not-folder", E,
         "The output path is a file, or a file stands where one of its parent folders "
         "should be.",
         "Choose an output path whose parents are all folders, or move the file away."),
    Code("output-unwritable", E, "The output folder or the folder it is in cannot be "
         "written; the previous output is kept.",
         "Give the user running the build write access there, or choose another output "
         "folder."),
    Code("output-busy", E, "Another build is writing the same output folder right now.",
         "Wait for it to finish, then build again."),
    # Settings
    Code("config-hedges", E, "A `hedges` setting that is not a mapping from a hedge group "
         "to a list of words, or to lists of words keyed by language tag.",
         "Write `hedges: {possibility: [\"conceivably\"]}`, one group per key; words read "
         "only in the sources of one language under its tag: `approximate: {nl: "
         "[\"ongeveer\"]}`."),
    Code("config-severity", E, "A `severity` setting that names an unknown code, an unknown "
         "level, or tries to lower an error.",
         "Use a code from this page with `error`, `warning` or `ignore`; only warnings can "
         "be changed."),
    Code("config-option-value", E, "An option of the briefing plugin in mkdocs.yml with a "
         "value it cannot take: of the wrong kind (`title: 5`, `content_dir: 123`), not one "
         "of its choices (`quote_picker: sometimes`), or the options not written as a "
         "mapping under `- briefing:`; `mkdocs build` stops on it too.",
         "Write a value the option takes; quote text YAML would read as a number, a date or "
         "true/false (`title: \"2025\"`)."),
    Code("config-option-twice", E, "An option of the briefing plugin written twice in "
         "mkdocs.yml: MkDocs reads only the last.",
         "Keep one of the two."),
    Code("config-plugin-twice", E, "The briefing plugin listed twice under `plugins:` in "
         "mkdocs.yml: MkDocs would run it twice into one site, or (keys of a mapping) read "
         "only the last entry's options.",
         "Keep one `briefing` entry, with all of its options."),
    Code("config-alias-loop", E, "An alias in the briefing plugin's options in mkdocs.yml "
         "inside the value it names (`hedges: &h {approximate: *h}`): the value would hold "
         "itself without end.",
         "Write the value out in full, or point the alias at a value outside it."),
    Code("config-option-too-large", E, "An option of the briefing plugin in mkdocs.yml "
         "that holds more than 100,000 values once its aliases are expanded (a few lines of "
         "aliases can stand for a billion).",
         "Write the option out without aliases; an option needs a few hundred values at most."),
    Code("config-option-unknown", W, "An option of the briefing plugin in mkdocs.yml that "
         "the plugin does not have, most likely misspelt (`contentdir:`): MkDocs builds "
         "without it. `mkdocs build --strict` stops on it, with the content's problems.",
         "Correct the name (the hint gives the closest option) or delete the line."),
    Code("config-inherit", E, "mkdocs.yml's `INHERIT:` names no file, a file that does "
         "not exist or holds no settings, or itself through the files it builds on; "
         "`mkdocs build` stops on it too (a loop makes it fail without saying why).",
         "Point `INHERIT` at the settings file this one builds on, by its path from this "
         "file's folder (`INHERIT: base.yml`)."),
    Code("config-markdown-extension", E, "A Markdown extension the generated pages need "
         "(`attr_list`, `tables`, `toc`) is not enabled in mkdocs.yml; without it the pages "
         "show raw `{: .lead }` markers and their anchors lead nowhere. Or one is enabled "
         "that reads `$` as the start of math (`pymdownx.arithmatex` as it comes, a common "
         "Material setup): the amounts between two `$` (\"$5 million … $6 million\") "
         "and a source's lines would be lost, and a chart shown as raw text.",
         "List a missing extension under `markdown_extensions:` in mkdocs.yml; give "
         "`pymdownx.arithmatex` `inline_syntax: [round]` and `block_syntax: [square, "
         "begin]`, or remove it."),
    Code("config-extension-unknown", E, "A Markdown extension under `markdown_extensions:` "
         "in mkdocs.yml that cannot be loaded and is a near miss of one that can (`tablez` "
         "for `tables`), or a module path whose package has no such module "
         "(`pymdownx.superfencs`): `mkdocs build` stops on it without naming the line. "
         "`briefing check` only; a name far from every extension installed here is not "
         "reported, as the site may be built where it is installed.",
         "Correct the name: the hint gives the extension meant."),
    Code("config-plugin-unknown", E, "A plugin under `plugins:` in mkdocs.yml that is not "
         "installed and is a near miss of one that is (`serach` for `search`): `mkdocs "
         "build` stops on it without naming the line. `briefing check` only; a name far "
         "from every plugin installed here is not reported, as the site may be built where "
         "it is installed.",
         "Correct the name: the hint gives the plugin meant."),
    Code("schema-stale", W, "A JSON Schema in the project's `schemas/` folder is not the one "
         "this version of Briefing writes (`briefing check` only): the editor checks the "
         "annotation files against rules the build no longer follows, after an upgrade.",
         "Run `briefing schema` beside mkdocs.yml to write this version's schemas."),
    Code("config-language", E, "The site's language in mkdocs.yml, `theme: language:` (or "
         "`locale:`), is not a language tag, so no page could declare it.",
         "Write a BCP 47 tag such as `en`, `en-GB`, `zh`, `zh-Hant` or `de` (`en_GB` is "
         "read as `en-GB`)."),
    Code("config-folder", E, "MkDocs' `docs_dir` holds the content folder (so the "
         "annotation files would be published as they are), or is a folder of it other "
         "than `pages/`; or `site_dir`, which each build replaces, is in the content folder "
         "or holds it, or is a symbolic link in the project (or in one).",
         "Set `docs_dir:` to the content folder's `pages` or to a folder outside it, and "
         "`site_dir:` to a folder outside it; delete a link at `site_dir`."),
)

CODES: Mapping[str, Code] = MappingProxyType({code.name: code for code in _CODES})
