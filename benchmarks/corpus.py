"""A synthetic corpus of realistic shape, deterministic from a seed.

N sources of about 600 words, each with 5 to 10 quotes; claims shared across sources (each
backed, reported or doubted by several); entities mentioned across many sources under
their names and aliases; figures, dated events and a few briefs. Every quote
is copied from its article, so the corpus passes `briefing check` without errors.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

_SYLLABLES = ("ka", "lo", "mi", "ra", "ven", "tor", "sa", "del", "quin", "bar", "no", "lux",
              "pe", "zan", "or", "fi", "gal", "te", "mon", "ris", "ha", "vel", "cor", "dun")
_ORG_SUFFIX = ("Systems", "Labs", "Capital", "Group", "Semiconductor", "Networks", "Partners",
               "Institute", "Holdings", "Robotics")
_KINDS = ("organisation", "person", "country", "model", "chip", "product", "project")
_METRICS = ("training-cost", "revenue", "market-value", "chip-count", "parameter-count",
            "headcount", "share-price-change", "investment", "data-centre-power", "users")
_UNITS = {"training-cost": "USD", "revenue": "USD", "market-value": "USD",
          "chip-count": "GPUs", "parameter-count": "parameters", "headcount": "people",
          "share-price-change": "percent", "investment": "USD", "data-centre-power": "MW",
          "users": "users"}
_FILLER = ("the", "market", "analysts", "expected", "growth", "across", "several", "regions",
           "while", "investors", "weighed", "costs", "against", "demand", "for", "new",
           "models", "and", "chips", "during", "a", "volatile", "quarter", "that", "saw",
           "rivals", "cut", "prices", "as", "regulators", "studied", "rules", "on", "data",
           "exports", "with", "suppliers", "in", "talks", "over", "capacity", "next", "year",
           "research", "teams", "said", "budgets", "remained", "tight", "but", "stable")
_VERBS = ("said", "reported", "announced", "confirmed", "estimated", "told reporters",
          "disclosed", "argued")
_PER_FILE = 1000
_STANCE_WORDS = {"asserts": "stated that", "reports": "was reported to say that",
                 "doubts": "questioned whether", "refutes": "denied that"}


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


@dataclass
class _Claim:
    id: str
    subject: str
    metric: str
    value: int
    stances: list[tuple[str, str]] = field(default_factory=list)  # (stance, source id)


@dataclass
class _Entity:
    id: str
    name: str
    kind: str
    alias: str | None


def generate(n_sources: int, seed: int = 1) -> dict[str, str]:
    """The corpus as {relative path: file text}."""
    rng = random.Random(seed)
    entities = _entities(rng, max(24, n_sources // 4))
    weights = [1 / (rank + 1) for rank in range(len(entities))]  # a few are everywhere
    claims = [
        _Claim(f"claim-{n:05d}", rng.choices(entities, weights)[0].id, rng.choice(_METRICS),
               rng.randrange(2, 900) * 10 ** rng.randrange(0, 4))
        for n in range(max(12, n_sources * 3 // 2))
    ]
    by_id = {e.id: e for e in entities}
    files: dict[str, str] = {}
    source_quotes: dict[str, list[str]] = {}
    # Deal every claim out once before picking at random, so each has a quote behind it.
    deck = rng.sample(claims, len(claims))
    for number in range(n_sources):
        source_id = f"source-{number:05d}"
        n_quotes = rng.randrange(5, 11)
        chosen = [deck.pop() for _ in range(min(n_quotes, len(deck)))]
        while len(chosen) < n_quotes:
            extra = rng.choice(claims)
            if extra not in chosen:
                chosen.append(extra)
        text, yml, quote_ids = _source(rng, source_id, number, entities, weights, chosen,
                                       by_id)
        files[f"sources/{source_id}.txt"] = text
        files[f"sources/{source_id}.yml"] = yml
        source_quotes[source_id] = quote_ids
    # Several files per kind, as a large corpus keeps them (one file is capped at 2 MB).
    for start in range(0, len(claims), _PER_FILE):
        files[f"claims/part-{start // _PER_FILE:03d}.yml"] = _claims_yml(
            rng, claims[start:start + _PER_FILE], by_id)
    for start in range(0, len(entities), _PER_FILE):
        files[f"entities/part-{start // _PER_FILE:03d}.yml"] = _entities_yml(
            entities[start:start + _PER_FILE])
    for number in range(3 + n_sources // 250):
        files[f"briefs/brief-{number:03d}.yml"] = _brief_yml(rng, number, source_quotes)
    return files


def _entities(rng: random.Random, count: int) -> list[_Entity]:
    out: list[_Entity] = []
    names: set[str] = set()
    while len(out) < count:
        kind = _KINDS[len(out) % len(_KINDS)]
        if kind == "person":
            name = f"{_name(rng, 2)} {_name(rng, 3)}"
        elif kind == "organisation":
            name = f"{_name(rng, 3)} {rng.choice(_ORG_SUFFIX)}"
        elif kind in ("model", "chip"):
            name = f"{_name(rng, 2)}-{rng.randrange(1, 99)}"
        else:
            name = _name(rng, 3) + "ia" if kind == "country" else f"Project {_name(rng, 3)}"
        alias = f"{name.split()[0]} {rng.choice(_ORG_SUFFIX)}Co" if kind == "organisation" \
            and rng.random() < 0.3 else None
        if name in names or (alias and alias in names):
            continue
        names.add(name)
        if alias:
            names.add(alias)
        out.append(_Entity(f"entity-{len(out):05d}", name, kind, alias))
    return out


def _filler(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_FILLER) for _ in range(words))
    return text[0].upper() + text[1:]


def _source(rng: random.Random, source_id: str, number: int, entities: list[_Entity],
            weights: list[float], chosen: list[_Claim], by_id: dict[str, _Entity]
            ) -> tuple[str, str, list[str]]:
    quoted: list[tuple[str, str, _Claim, str]] = []  # (quote id, sentence, claim, stance)
    sentences: list[str] = []
    for index, claim in enumerate(chosen):
        stance = rng.choices(("asserts", "reports", "doubts"), (5, 4, 1))[0]
        speaker = rng.choices(entities, weights)[0]
        subject = by_id[claim.subject]
        # The serial number keeps each quoted sentence unique within its article.
        sentence = (f"{speaker.name} {_STANCE_WORDS[stance]} {subject.name}\u2019s "
                    f"{claim.metric.replace('-', ' ')} reached {claim.value:,} "
                    f"{_UNITS[claim.metric]} in period {number}.{index}")
        quoted.append((f"q-{number:05d}-{index}", sentence, claim, stance))
        claim.stances.append((stance, source_id))
        sentences.append(sentence + ".")
    while sum(len(s.split()) for s in sentences) < 600:
        mention = rng.choices(entities, weights)[0]
        name = mention.alias if mention.alias and rng.random() < 0.5 else mention.name
        sentences.append(f"{_filler(rng, rng.randrange(8, 14))}, {name} "
                         f"{rng.choice(_VERBS)} on {_filler(rng, 4).lower()}.")
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
    heading = "Market reaction"
    text = "\n\n".join([paragraphs[0], heading, *paragraphs[1:], "Advertisement"]) + "\n"

    lines = [
        f"title: {json.dumps(f'Report {number}: {quoted[0][2].metric} and rivals')}",
        # One outlet a source: sources of one outlet are one account (`evidence.py`).
        f"outlet: {json.dumps(_name(rng, 2) + f' Times {number}')}",
        f"published: \"2024-{1 + number % 12:02d}-{1 + number % 28:02d}\"",
        "cleaning:",
        f"  headings: [{json.dumps(heading)}]",
        "  drop_lines: [\"Advertisement\"]",
        "quotes:",
    ]
    for quote_id, sentence, claim, stance in quoted:
        lines += [
            f"  - id: {quote_id}",
            # Typographic apostrophe in the article, a straight one here: matching folds it.
            f"    text: {json.dumps(sentence.replace(chr(0x2019), chr(39)))}",
            f"    {stance}: [{claim.id}]",
        ]
    return text, "\n".join(lines) + "\n", [q[0] for q in quoted]


def _claims_yml(rng: random.Random, claims: list[_Claim], by_id: dict[str, _Entity]) -> str:
    lines = ["claims:"]
    unused = [c for c in claims if not c.stances]
    for claim in claims:
        subject = by_id[claim.subject]
        # A relay is not support: corroborated takes two sources that assert the claim.
        backing = {s for stance, s in claim.stances if stance == "asserts"}
        doubted = any(stance == "doubts" for stance, _ in claim.stances)
        status = "disputed" if doubted else "corroborated" if len(backing) >= 2 else "reported"
        lines += [
            f"  - id: {claim.id}",
            f"    statement: \"[[entity:{subject.id}]]\u2019s {claim.metric.replace('-', ' ')} "
            f"reached {claim.value:,} {_UNITS[claim.metric]}.\"",
            f"    claimant: {subject.id}",
            f"    status: {status}",
            f"    topics: [{claim.metric}]",
            "    figures:",
            f"      - metric: {claim.metric}",
            f"        subject: {subject.id}",
            f"        value: {claim.value}",
            f"        unit: {_UNITS[claim.metric]}",
        ]
        if rng.random() < 0.2:
            lines += [
                "    events:",
                f"      - what: \"[[entity:{subject.id}]] reports its {claim.metric}.\"",
                f"        when: \"2024-{rng.randrange(1, 13):02d}\"",
            ]
    if unused:
        # Claims no article took a position on would be warned about; keep the corpus clean.
        raise AssertionError(f"{len(unused)} claims without a quote; use fewer claims")
    return "\n".join(lines) + "\n"


def _entities_yml(entities: list[_Entity]) -> str:
    lines = ["entities:"]
    for entity in entities:
        lines += [f"  - id: {entity.id}", f"    name: {json.dumps(entity.name)}",
                  f"    kind: {entity.kind}"]
        if entity.alias:
            lines.append(f"    aliases: [{json.dumps(entity.alias)}]")
    return "\n".join(lines) + "\n"


def _brief_yml(rng: random.Random, number: int, source_quotes: dict[str, list[str]]) -> str:
    sources = rng.sample(sorted(source_quotes), min(6, len(source_quotes)))
    lines = [f"title: \"Brief {number}: what the sources say\"",
             f"summary: \"Synthetic brief {number} over {len(sources)} sources.\"",
             "sections:"]
    for kind, picked in (("what-happened", sources[:3]), ("yes-but", sources[3:])):
        if not picked:
            continue
        lines += [f"  - kind: {kind}", "    points:"]
        for source_id in picked:
            lines += [f"      - text: \"Point drawn from [[source:{source_id}]].\"",
                      f"        cites: [{source_quotes[source_id][0]}]"]
    return "\n".join(lines) + "\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return root
