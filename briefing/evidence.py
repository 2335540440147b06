"""Where each claim stands on the evidence, derived rather than declared.

For every claim: the distinct sources whose passages assert it, only relay it
(`reports:`), doubt it or refute it, and the claims that contradict it. A relay is never
support, and a source counts once per side (a source that asserts and also relays counts
as asserting). The declared `status:` is compared with this balance; a status the
evidence no longer fits is a `status-evidence` warning that explains the balance and
names the status it suggests, so a new source that doubts a claim, or a second one that
asserts it, shows at the next check.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from .diagnostics import Diagnostic, warning
from .model import Claim
from .wording import Wording


class StanceLike(Protocol):
    @property
    def stance(self) -> str: ...
    @property
    def source_id(self) -> str: ...


@dataclass(frozen=True)
class Evidence:
    asserting: tuple[str, ...] = ()  # source ids
    relaying: tuple[str, ...] = ()
    doubting: tuple[str, ...] = ()
    refuting: tuple[str, ...] = ()
    contradicted_by: tuple[str, ...] = ()  # claim ids
    # How many outlets the asserting sources come from, each source naming none counted
    # as one of its own: two articles of one outlet are not two independent accounts.
    asserting_outlets: int | None = None  # None: as many as the asserting sources

    @property
    def against(self) -> bool:
        return bool(self.doubting or self.refuting or self.contradicted_by)

    @property
    def independent(self) -> int:
        """How many independent sources assert it: one per outlet."""
        if self.asserting_outlets is None:
            return len(self.asserting)
        return self.asserting_outlets

    def parts(self, *, words: Wording | None = None) -> list[str]:
        """"asserted by 1 source", "relayed by 2 sources", … for each side with a source;
        "asserted by 2 sources of 1 outlet" when asserting sources share an outlet. In
        `words`' language (English without)."""
        words = words or Wording()  # (English: the messages as written)
        out = []
        if self.asserting and self.independent < len(self.asserting):
            out.append(words.ngettext(
                "asserted by %(num)d source of %(outlets)s",
                "asserted by %(num)d sources of %(outlets)s", len(self.asserting),
                outlets=words.ngettext("%(num)d outlet", "%(num)d outlets", self.independent)))
        elif self.asserting:
            out.append(words.ngettext("asserted by %(num)d source",
                                      "asserted by %(num)d sources", len(self.asserting)))
        if self.relaying:
            out.append(words.ngettext("relayed by %(num)d source", "relayed by %(num)d sources",
                                      len(self.relaying)))
        if self.doubting:
            out.append(words.ngettext("doubted by %(num)d source", "doubted by %(num)d sources",
                                      len(self.doubting)))
        if self.refuting:
            out.append(words.ngettext("refuted by %(num)d source", "refuted by %(num)d sources",
                                      len(self.refuting)))
        return out

    def summary(self, *, words: Wording | None = None) -> str:
        """"asserted by 1 source · relayed by 2 sources", and the claims against. Each side
        carries its own noun: "relayed by 2 · doubted by 1 sources" misreads as one count.
        In `words`' language (English without: the diagnostics' words)."""
        words = words or Wording()
        parts = self.parts(words=words)
        if self.contradicted_by:
            parts.append(words.ngettext("contradicted by %(num)d claim",
                                        "contradicted by %(num)d claims",
                                        len(self.contradicted_by)))
        return " · ".join(parts) or words.gettext("no source takes a position")

    def unattributed(self, *, words: Wording | None = None) -> str:
        """Whose words a claim with no claimant is, as far as the evidence shows: a source
        that asserts it states it in its own voice; one that only relays it leaves unsaid
        whose claim it relays."""
        words = words or Wording()
        if len(self.asserting) == 1:
            return words.gettext("Stated by the source in its own voice")
        if self.asserting:
            return words.gettext("Stated by the sources in their own voice")
        if len(self.relaying) == 1:
            return words.gettext("Relayed by the source, which does not say whose claim it is")
        if self.relaying:
            return words.gettext("Relayed by the sources, which do not say whose claim it is")
        return words.gettext("Stated by no source, and no claimant is named")

    def voice(self, *, words: Wording | None = None) -> str:
        """`unattributed` in a table's few words: whose claim it is."""
        words = words or Wording()
        if self.asserting:
            # Translators: whose claim it is, in a table's column "Claimant".
            return words.gettext("the source") if len(self.asserting) == 1 \
                else words.gettext("the sources")
        # Translators: a claim's claimant, when none is named.
        return words.gettext("not named")

    def suggested(self) -> str:
        """The status this evidence supports."""
        if self.refuting:
            return "refuted"
        if self.against:
            return "disputed"
        return "corroborated" if self.independent >= 2 else "reported"


def derive(stances: Iterable[StanceLike], contradicted_by: Iterable[str],
           outlets: Mapping[str, str] | None = None) -> Evidence:
    """`outlets`: each source's outlet as given (`outlet:`), for the sources that name one."""
    sides: dict[str, set[str]] = {"asserts": set(), "reports": set(), "doubts": set(),
                                  "refutes": set()}
    for stance in stances:
        sides[stance.stance].add(stance.source_id)
    asserting = tuple(sorted(sides["asserts"]))
    named = [(outlets or {}).get(s, "").strip().casefold() for s in asserting]
    shared = len({n for n in named if n}) + sum(not n for n in named)
    return Evidence(asserting, tuple(sorted(sides["reports"] - sides["asserts"])),
                    tuple(sorted(sides["doubts"])), tuple(sorted(sides["refutes"])),
                    tuple(sorted(set(contradicted_by))),
                    shared if shared < len(asserting) else None)


def all_evidence(claims: Iterable[Claim], stances: Mapping[str, Iterable[StanceLike]],
                 relations_in: Mapping[str, Iterable[tuple[str, str]]],
                 outlets: Mapping[str, str] | None = None) -> dict[str, Evidence]:
    return {claim.id: derive(stances.get(claim.id, ()),
                             [other for kind, other in relations_in.get(claim.id, ())
                              if kind == "contradicted by"], outlets)
            for claim in claims}


def status_check(claim: Claim, evidence: Evidence) -> Diagnostic | None:
    """A warning when the declared status does not fit the evidence, in either direction."""
    status, suggested = claim.status, evidence.suggested()
    if status == "corroborated" and evidence.independent < 2 <= len(evidence.asserting):
        why = ("corroborated needs two or more independent sources that assert it, and "
               f"the {len(evidence.asserting)} that do are of one outlet")
    elif status == "corroborated" and len(evidence.asserting) < 2:
        asserting, relaying = len(evidence.asserting), len(evidence.relaying)
        why = (f"corroborated needs two or more sources that assert it, and "
               f"{asserting or 'none'} {'does' if asserting == 1 else 'do'}")
        if relaying:
            why += f" ({relaying} only {'relays' if relaying == 1 else 'relay'} it, " \
                   "which is not support)"
    elif status in ("reported", "corroborated") and evidence.against:
        why = "something in the corpus stands against it"
    elif status == "disputed" and not evidence.against:
        why = "nothing in the corpus doubts, refutes or contradicts it"
    elif status == "refuted" and not (evidence.refuting or evidence.contradicted_by):
        why = "no source refutes it and no claim contradicts it"
    else:
        return None
    return warning(claim.pos, "status-evidence",
                   f"claim {claim.id!r} is marked {status}, but {why}: "
                   f"{evidence.summary()}",
                   f"mark it `status: {suggested}`, which the evidence supports, or link "
                   "the passages or claims that support the status you chose")

