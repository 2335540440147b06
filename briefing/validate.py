"""Validate stage: positioned YAML nodes become model objects; ids are checked for form
and uniqueness. Every problem is collected; nothing raises."""

from __future__ import annotations

import datetime
import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from .broken import (
    ANY,
    NamedIds,
    declared_by,
    dropped_items,
    entries,
    holding,
    meant_ids,
    named_in,
    named_in_all,
    named_in_text,
    scan_ids,
)
from .chars import unusual_note
from .currencies import Money
from .diagnostics import Diagnostic, Pos, error
from .identity import same_objects
from .load import Loaded, SourceText, YamlDoc, item_list
from .model import (
    Brief,
    Claim,
    ClaimsFile,
    Corpus,
    EntitiesFile,
    Entity,
    Name,
    NamesFile,
    Source,
)
from .schema import SLUG_RE, Context, Invalid, Obj, Ref, as_slug, id_too_long
from .yamlnodes import YMap, YNode, YScalar, YSeq


@dataclass(frozen=True)
class Validated:
    corpus: Corpus
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class _Document:
    """What one annotation file contributes: its items and its own problems."""

    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()
    entities: tuple[Entity, ...] = ()
    briefs: tuple[Brief, ...] = ()
    metric_names: tuple[Name, ...] = ()  # of names.yml
    topic_names: tuple[Name, ...] = ()
    problems: tuple[Diagnostic, ...] = ()
    # The ids the file declares, valid or not, read straight from its YAML: quote ids of a
    # source file, claim or entity ids of a claims or entities file (`_declared_ids`).
    declared: frozenset[str] = frozenset()
    # Ids named in items the file could not turn into model objects (`broken.py`).
    broken: NamedIds = field(default_factory=NamedIds)
    # The references in those items (`schema.Context.orphaned`).
    orphaned: tuple[Ref, ...] = ()


_DocumentKey = tuple[str, str, str, str | None]  # path, display path, text, article


@dataclass
class ValidateStore:
    """What the last validation made, for the rebuilds of `mkdocs serve`. A file's result
    depends only on its path, its text and (for a source) the article's text, so only the
    files that changed are validated again; entries of files no longer read are dropped,
    so the store is the size of the corpus. `last` is the last input and result: the
    loader reuses the objects of unchanged files, so a rebuild with no edit finds every
    document identical (`is`) and reuses the whole result."""

    documents: dict[_DocumentKey, _Document] = field(default_factory=dict)
    last: tuple[Loaded, Validated] | None = None
    today: datetime.date | None = None  # what they were validated against


def validate(loaded: Loaded, store: ValidateStore | None = None,
             today: datetime.date | None = None) -> Validated:
    """`today`: the day the build runs, for the dates that cannot be later; None checks
    none of them (a result then depends on the files alone)."""
    if store is not None and store.today != today:  # a build on another day
        store.documents, store.last, store.today = {}, None, today
    last = store.last if store is not None else None
    if last is not None and same_objects(loaded.yaml_docs, last[0].yaml_docs) \
            and same_objects(loaded.texts, last[0].texts) \
            and same_objects(loaded.unparsed, last[0].unparsed):
        return last[1]
    validated, documents = _validate(loaded, store.documents if store is not None else {},
                                     today)
    if store is not None:
        store.documents, store.last = documents, (loaded, validated)
    return validated


def _validate(loaded: Loaded, kept: dict[_DocumentKey, _Document],
              today: datetime.date | None) -> tuple[Validated, dict[_DocumentKey, _Document]]:
    problems: list[Diagnostic] = []
    texts = {t.id: t.text for t in loaded.texts}
    sources: list[Source] = []
    claims: list[Claim] = []
    entities: list[Entity] = []
    briefs: list[Brief] = []
    names: tuple[list[Name], list[Name]] = ([], [])  # of metrics, of topics
    seen_sources: set[str] = set()
    used: dict[_DocumentKey, _Document] = {}
    money = Money("en")  # (its names read once, for all the files' figures' units)

    declared: dict[str, set[str]] = {k: set() for k in ("source", "quote", "claim", "entity",
                                                        "brief")}
    broken = _declare_unparsed(loaded, declared, seen_sources)
    orphaned: list[Ref] = []
    # Articles that exist but could not be read: their annotation is not "missing" text.
    unread = {_top_and_stem(u.rel)[1] for u in loaded.unparsed if u.rel.endswith(".txt")}
    for doc in loaded.yaml_docs:
        top, stem = _top_and_stem(doc.rel)
        if top == "sources":
            seen_sources.add(stem)
        key = (doc.rel, doc.display, doc.text, texts.get(stem) if top == "sources" else None)
        result = used[key] = kept.get(key) or validate_document(doc, key[3], today, money)
        sources.extend(result.sources)
        claims.extend(result.claims)
        entities.extend(result.entities)
        briefs.extend(result.briefs)
        names[0].extend(result.metric_names)
        names[1].extend(result.topic_names)
        problems.extend(p for p in result.problems
                        if p.code != "source-text-missing" or stem not in unread)
        _declare(declared, top, stem, result.declared)
        broken |= result.broken
        orphaned.extend(result.orphaned)

    problems[:] = _unannotated(loaded.texts, seen_sources, problems)

    id_problems, duplicated = _id_problems(sources, claims, entities, briefs)
    problems.extend(id_problems)
    problems.extend(_named_twice("metric", names[0]))
    problems.extend(_named_twice("topic", names[1]))
    corpus = Corpus(
        sources=tuple(sorted(sources, key=lambda s: s.id)),
        claims=tuple(sorted(claims, key=lambda c: c.id)),
        entities=tuple(sorted(entities, key=lambda e: e.id)),
        briefs=tuple(sorted(briefs, key=lambda b: b.id)),
        metric_names=tuple(names[0]),
        topic_names=tuple(names[1]),
        declared={k: frozenset(v) for k, v in declared.items()},
        # A duplicated id stands for two things until it is fixed: what refers to it is
        # judged then, not against whichever of the two was read last.
        broken=broken | NamedIds(other=frozenset(duplicated)),
        orphaned=tuple(orphaned),
    )
    return Validated(corpus, tuple(problems)), used


def _declare_unparsed(loaded: Loaded, declared: dict[str, set[str]], seen_sources: set[str]
                      ) -> NamedIds:
    """Declare the ids a file that could not be parsed seems to hold (or any id, when it
    could not be read at all), so that references to them are not reported as unknown;
    the ids it names are returned as broken."""
    broken = NamedIds()
    for unparsed in loaded.unparsed:
        top, stem = _top_and_stem(unparsed.rel)
        if top == "names.yml":
            continue  # its slugs are no ids a check waits for
        if top == "sources":
            seen_sources.add(stem)
        entities = top.startswith("entities")
        if unparsed.unread and not unparsed.rel.endswith(".txt") \
                and top.split(".")[0] in ("sources", "briefs", "claims", "entities"):
            _declare(declared, top, stem, frozenset({ANY}))
            if "/" not in unparsed.rel and top in ("sources", "briefs"):
                declared[top.removesuffix("s")].add(ANY)  # a whole folder of them
            # Entities name nothing the checks of others read (`broken.declared_by`):
            # they may declare any entity, and hold back no other check.
            broken |= NamedIds() if entities else NamedIds(other=frozenset({ANY}))
            continue
        # An entry that lost its `- id:` line: its references wait for the line, as
        # those to a file not read at all do, but only for the ids of the file's kind.
        scanned = scan_ids(unparsed.text)
        _declare(declared, top, stem, scanned | ({ANY} if unparsed.lost_id else set()))
        broken |= declared_by(scanned) if entities else named_in_text(unparsed.text)
    return broken


def _id_problems(sources: list[Source], claims: list[Claim], entities: list[Entity],
                 briefs: list[Brief]) -> tuple[list[Diagnostic], set[str]]:
    """Ids used twice or reserved, and sections repeated in a brief; and the ids used
    twice."""
    problems: list[Diagnostic] = []
    duplicated: set[str] = set()
    quotes = [(q.id, q.pos) for s in sources for q in s.quotes]
    for kind, items in (
        ("source", [(s.id, s.pos) for s in sources]),
        ("quote", quotes),
        ("claim", [(c.id, c.pos) for c in claims]),
        ("entity", [(e.id, e.pos) for e in entities]),
        ("brief", [(b.id, b.pos) for b in briefs]),
    ):
        problems.extend(_duplicates(kind, items))
        duplicated.update(i for i, n in Counter(i for i, _ in items).items() if n > 1)
        if kind != "quote":  # quote ids are anchors, the others become page file names
            problems.extend(_reserved(kind, items))
    for brief in briefs:
        problems.extend(_repeated_sections(brief))
    return problems, duplicated


def _declare(declared: dict[str, set[str]], top: str, stem: str, ids: frozenset[str]) -> None:
    """Record what one file declares: its own id (a source or brief) and its items' ids,
    also, for one that is not valid, the ids it may have meant (an id written with a
    Cyrillic `a` or a stray `#` is reported once, not again at every reference to the id
    it meant)."""
    ids = ids.union(*(meant_ids(i) for i in ids))
    if top == "sources":
        declared["source"].add(stem)
        declared["quote"] |= ids
    elif top == "briefs":
        declared["brief"].add(stem)
    elif top.startswith("claims"):
        declared["claim"] |= ids
    elif top.startswith("entities"):
        declared["entity"] |= ids


def validate_document(doc: YamlDoc, source_text: str | None,
                      today: datetime.date | None = None, money: Money | None = None
                      ) -> _Document:
    """One annotation file on its own; `source_text` is the article of a source file.
    `money`: English's currency names, shared by the files of one validation."""
    ctx = Context(doc.display, doc.text, today, money=money or Money("en"))
    path = PurePosixPath(doc.rel)
    top = path.parts[0]
    found = _Document()
    items = item_list(doc.rel)  # (a brief's sections have no ids)
    declared = _declared_ids(doc.root, items.name if items and items.entry_key == "id" else "")
    if top == "sources":
        if not _file_id_ok(path.stem, doc, ctx):
            return _Document(problems=tuple(ctx.problems), declared=declared,
                             broken=named_in(doc.root))
        if source_text is None:
            ctx.fail(Pos(doc.display), "source-text-missing",
                     f"no article text for source {path.stem!r}", _text_missing_hint(doc))
        else:
            source = Obj(Source).convert(doc.root, ctx, id=path.stem, text=source_text)
            found = _Document(sources=() if isinstance(source, Invalid) else (source,))
    elif top == "briefs":
        if _file_id_ok(path.stem, doc, ctx):
            brief = Obj(Brief).convert(doc.root, ctx, id=path.stem)
            found = _Document(briefs=() if isinstance(brief, Invalid) else (brief,))
    elif top.startswith("claims"):
        claims_file = Obj(ClaimsFile).convert(doc.root, ctx)
        if not isinstance(claims_file, Invalid):
            found = _Document(claims=claims_file.claims)
    elif top.startswith("entities"):
        entities_file = Obj(EntitiesFile).convert(doc.root, ctx)
        if not isinstance(entities_file, Invalid):
            found = _Document(entities=entities_file.entities)
    elif top == "names.yml":
        names_file = Obj(NamesFile).convert(doc.root, ctx)
        if not isinstance(names_file, Invalid):
            found = _Document(metric_names=names_file.metrics, topic_names=names_file.topics)
    # (A name's slug is no id a check waits for: a broken names.yml holds up nothing.)
    broken = NamedIds() if not ctx.problems or top == "names.yml" \
        else _entities_broken(doc.root, found, ctx.flawed, declared) \
        if top.startswith("entities") \
        else _broken(doc.root, top, found) | named_in_all(ctx.flawed)
    return replace(found, problems=tuple(ctx.problems), declared=declared, broken=broken,
                   orphaned=tuple(ctx.orphaned))


def _unannotated(texts: Iterable[SourceText], annotated: set[str],
                 problems: list[Diagnostic]) -> list[Diagnostic]:
    """`problems` and a `source-annotation-missing` for each article with no annotation.
    An article and an annotation with no article whose names differ by a typo (one file
    renamed, `riverton-library-sunday.txt` beside `riverton-library-sundays.yml`) are
    one source: each hint says so, and which file to rename."""
    by_id = {t.id: t.text for t in texts}
    textless = {PurePosixPath(p.pos.path).stem: index for index, p in enumerate(problems)
                if p.code == "source-text-missing"}
    found = list(problems)
    for text in texts:
        if text.id in annotated:
            continue
        hint = _annotation_missing_hint(text.id, annotated, by_id)
        close = difflib.get_close_matches(text.id, textless, n=1, cutoff=0.8)
        if close and hint.startswith("create "):
            index = textless.pop(close[0])
            hint = (f"if it is the article of sources/{close[0]}.yml, which has none, "
                    f"rename it to {close[0]}.txt; else {hint}")
            found[index] = replace(found[index], hint=(
                f"if sources/{text.id}.txt, which has no annotation, is its article, rename "
                f"it to {close[0]}.txt; else {found[index].hint}"))
        found.append(error(Pos(text.display), "source-annotation-missing",
                           f"article {text.id!r} has no annotation file", hint))
    return found


def _annotation_missing_hint(text_id: str, annotated: set[str], texts: dict[str, str]
                             ) -> str:
    """Where the annotation goes; or, for `<id>.txt.txt` (an editor that adds .txt to a
    name that had it), the rename that makes it the article of `<id>.yml`."""
    stem = text_id.removesuffix(".txt")
    if stem != text_id and stem in annotated and stem not in texts:
        return f"rename it to {stem}.txt: sources/{stem}.yml has no article beside it"
    return f"create sources/{text_id}.yml with at least `title:`"


def _text_missing_hint(doc: YamlDoc) -> str:
    """Where the article goes, or, for a file of claims or entities put among the sources,
    where the file does."""
    stem = PurePosixPath(doc.rel).stem
    holds = next((key for key in ("claims", "entities")
                  if isinstance(doc.root, YMap) and doc.root.get(key) is not None), None)
    if holds is not None:
        return (f"this file holds {holds}, not a source's annotation: move it out of "
                f"sources/, to {holds}.yml or {holds}/ in the content folder")
    return f"put the article in sources/{stem}.txt beside this file"


def _broken(root: YNode, top: str, found: _Document) -> NamedIds:
    """The ids named by what the file's problems dropped: the whole file when its one item
    (a source, a brief) or its shape failed, else the list items that failed."""
    kept: set[str]
    if top == "sources" and found.sources:
        key, kept = "quotes", {q.id for s in found.sources for q in s.quotes}
    elif top.startswith("claims") and found.claims:
        key, kept = "claims", {c.id for c in found.claims}
    elif top.startswith("entities") and found.entities:
        key, kept = "entities", {e.id for e in found.entities}
    elif top == "briefs" and found.briefs:
        return NamedIds()
    else:
        return named_in(root)
    return named_in_all(dropped_items(root, key, kept))


def _entities_broken(root: YNode, found: _Document, flawed: list[YNode],
                     declared: frozenset[str]) -> NamedIds:
    """What a file of entities names for the checks of others: the ids of its entries
    that failed or were kept without a bad field, or of every entry when the file's shape
    failed (`broken.declared_by`)."""
    if not found.entities:
        return declared_by(declared)
    listed = entries(root.get("entities") if isinstance(root, YMap) else None)
    failed = (*dropped_items(root, "entities", {e.id for e in found.entities}),
              *holding(listed, flawed))
    return declared_by(node.value for item in failed if isinstance(item, YMap)
                       for node in (item.get("id"),) if isinstance(node, YScalar))


def _declared_ids(root: YNode | None, key: str) -> frozenset[str]:
    """The ids under `key` (a list of mappings) that the curator wrote, valid or not; with
    `key` misspelt (`entity:` for `entities:`), those of the list written in its place, so
    that the misspelling is the one error and not every reference to what it holds. An
    entry with no id (its `id:` line emptied or deleted) may have had any: `ANY`."""
    items = root.get(key) if key and isinstance(root, YMap) else None
    if items is None and key and isinstance(root, YMap):
        items = next((value for name, value in root.items
                      if isinstance(value, YSeq) and difflib.get_close_matches(
                          name.value, [key], n=1, cutoff=0.6)), None)
    ids = [i.get("id") for i in entries(items) if isinstance(i, YMap)]
    return frozenset(ANY if not isinstance(i, YScalar) or not i.value.strip() else i.value
                     for i in ids)


def _top_and_stem(rel: str) -> tuple[str, str]:
    """`PurePosixPath(rel).parts[0]` and `.stem`, without making a path object per file
    on every rebuild."""
    top = rel.split("/", 1)[0]
    name = rel.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return top, name[:dot] if 0 < dot < len(name) - 1 else name


def _file_id_ok(stem: str, doc: YamlDoc, ctx: Context) -> bool:
    if not SLUG_RE.match(stem):
        meant = as_slug(stem)
        ctx.fail(Pos(doc.display), "file-id",
                 f"file name {stem!r} is not a valid id{unusual_note(stem)}",
                 (f"rename the file to {meant}{PurePosixPath(doc.rel).suffix}: " if meant else
                  "rename the file: ") + "ids use lower-case letters a-z, digits and hyphens")
        return False
    too_long = id_too_long(stem)
    if too_long:
        ctx.fail(Pos(doc.display), "id-too-long", f"the file name is its id: {too_long}",
                 "rename the file with a shorter id")
        return False
    return True


def _duplicates(kind: str, items: Iterable[tuple[str, Pos]]) -> list[Diagnostic]:
    first: dict[str, Pos] = {}
    problems = []
    for item_id, pos in items:
        if item_id in first:
            problems.append(error(pos, "duplicate-id",
                                  f"{kind} id {item_id!r} is already used at {first[item_id]}",
                                  f"give each {kind} its own id"))
        else:
            first[item_id] = pos
    return problems


def _named_twice(kind: str, names: Iterable[Name]) -> list[Diagnostic]:
    """A metric or topic given a name twice in names.yml: which one the site shows would
    depend on the order of the entries."""
    first: dict[str, Name] = {}
    problems = []
    for name in names:
        other = first.setdefault(name.id, name)
        if other is not name:
            problems.append(error(name.pos, "duplicate-id",
                                  f"{kind} {name.id!r} is already named at {other.pos} "
                                  f"({other.name!r})",
                                  f"give each {kind} one name: delete this entry, or the "
                                  "other"))
    return problems


# `index` is each section's own page; the rest are device names Windows will not open as
# files, with or without an extension.
RESERVED_IDS = frozenset({"index", "con", "prn", "aux", "nul",
                          *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))})


def _reserved(kind: str, items: Iterable[tuple[str, Pos]]) -> list[Diagnostic]:
    return [error(pos, "id-reserved",
                  f"{kind} id {item_id!r} cannot be used: its page would be "
                  + ("the section's index page" if item_id == "index"
                     else "a reserved device name on Windows"),
                  f"choose another id, for example {item_id + '-' + kind!r}")
            for item_id, pos in items if item_id in RESERVED_IDS]


def _repeated_sections(brief: Brief) -> list[Diagnostic]:
    seen: set[str] = set()
    problems = []
    for section in brief.sections:
        if section.kind in seen:
            problems.append(error(section.pos, "brief-section-repeated",
                                  f"section {section.kind!r} appears twice in this brief",
                                  "merge the two sections' points"))
        seen.add(section.kind)
    return problems
