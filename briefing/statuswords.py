"""Words of certainty or refutation in the curator's prose held to the declared status of
the claims they describe (`prose-status-overstated`).

A claim's `status:` is the curator's judgement of its evidence; the prose around a link to
it (`[[claim:…]]`) must not say more. Three findings, sentence by sentence, each only where
the reading is certain:

- a word saying a claim is borne out ("confirmed", "verified", "proven", "an established
  fact", "indisputable") for a claim that is not `corroborated`;
- a word saying it is wrong ("debunked", "refuted", "disproven", "is false") for a claim
  that is not `refuted`;
- a word saying nothing stands against it ("undisputed", "uncontested") for a claim that
  is `disputed` or `refuted`.

The word must be a judgement of the sentence's own: passive or before a noun ("was
confirmed", "the confirmed cost", "DeepSeek's verified figure"), not an active verb whose
subject speaks ("Reuters confirmed that…"); not denied or hedged ("not confirmed", "could
not be verified", "has yet to be verified", "if confirmed"); not in a sentence giving a
view to someone ("DeepSeek says…", "according to…", "allegedly"); not in quotation marks
(a source's word); within a few words of a claim link. A sentence linking several claims
is read only when the word overstates every one of them: which one it describes is not
certain. Read in English and in the site's language (French, German, Spanish, Italian,
Portuguese), as the other prose checks read them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .diagnostics import Diagnostic, Pos, warning
from .language import primary
from .sourcecount import sentences

# How far (in words) a word may be from the claim link it describes.
NEAR = 12


@dataclass(frozen=True)
class Words:
    """One language's words, as regular expressions. `certain`, `refuted` and `undisputed`
    match a word in the readings that make it the sentence's own judgement; the group
    `w`, when it matched, is the word itself (else the whole match is)."""

    certain: str  # the claim is borne out
    refuted: str  # the claim is wrong
    undisputed: str  # nothing stands against the claim
    denied: str  # before the word, in the same sentence: a negation, a hedge, a mood
    saying: str  # anywhere in the sentence: the view is someone's, not the curator's


# English: "is/was/been confirmed", "the/a/its/'s confirmed …", an adverb between.
_EN_BEFORE = (r"(?:\b(?:is|are|was|were|be|been|being|remains?|remained|stands?|stood|the|a|"
              r"an|its|their|his|her|this|these|those)|['\u2019]s)\s+"
              r"(?:(?:now|also|already|since|\w+ly)\s+)?")
# French, Spanish, Italian, Portuguese: the participle after a form of "to be", or after an
# article and a noun ("le coût confirmé"), the noun not a form of "to have" ("l'a
# confirmé", "ha confirmado": an active verb, whose subject speaks).
_FR_BEFORE = (r"(?:\b(?:(?<!s['\u2019])est|(?<!se\s)sont|était|étaient|été|être|fut|furent|"
              r"reste|restent|demeure|demeurent)|(?:\b(?:le|la|les|un|une|des|ce|"
              r"cette|ces|son|sa|ses|leur|leurs)\s+|\bl['\u2019])(?!(?:a|ont|avait|avaient|"
              r"aurait|auraient|avons|avez|ai|as|eu)\b)\w+)\s+(?:(?:bien|déjà|désormais|aussi|"
              r"\w+ment)\s+)?")
_ES_BEFORE = (r"(?:\b(?:es|son|era|eran|fue|fueron|sido|ser|está|están|estaba|estaban|queda|"
              r"quedó|resulta|resultó)|\b(?:el|la|los|las|un|una|unos|unas|su|sus|este|esta|"
              r"estos|estas)\s+(?!(?:ha|han|había|habían|he|has|hemos|habría|haber)\b)\w+)"
              r"\s+(?:(?:ya|también|\w+mente)\s+)?")
_IT_BEFORE = (r"(?:\b(?:è|sono|era|erano|fu|stato|stata|stati|state|essere|risulta|resta|"
              r"rimane|viene|vengono|venne)|(?:\b(?:il|lo|la|i|gli|le|un|uno|una|suo|sua|"
              r"suoi|sue|loro|questo|questa|questi|queste)\s+|\b(?:l|un)['\u2019])"
              r"(?!(?:ha|hanno|aveva|avevano|ho|hai|abbiamo|avrebbe|avrebbero|avere|aver)\b)"
              r"\w+)\s+(?:(?:già|anche|ormai|\w+mente)\s+)?")
_PT_BEFORE = (r"(?:\b(?:é|são|era|eram|foi|foram|sido|ser|está|estão|estava|estavam|fica|"
              r"ficou|continua)|\b(?:o|a|os|as|um|uma|uns|umas|seu|sua|seus|suas|este|esta|"
              r"estes|estas|esse|essa)\s+(?!(?:tem|têm|tinha|tinham|havia|haviam|há|ter|"
              r"temos|teria|teriam|tenho)\b)\w+)\s+(?:(?:já|também|\w+mente)\s+)?")
# German: the participle after a form of "to be" or "werden", up to three words between
# ("wurde von Reuters bestätigt"), or inflected between an article and a noun ("die
# bestätigten Kosten"); the noun read by its capital.
_DE_PASSIVE = r"\b(?:wurde|wurden|worden|ist|sind|war|waren|gilt\s+als|gelten\s+als|" \
    r"galt\s+als)\s+(?:\w+\s+){0,3}?"
_DE_ARTICLE = r"\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|seine[mnrs]?|" \
    r"ihre[mnrs]?|dessen|deren)\s+(?:\w+(?:lich|ig|weise)\s+)?"
_DE_NOUN = r"\s+(?-i:[A-ZÄÖÜ])"
# Nouns after which a participle is a term, not a judgement of a claim ("confirmed cases",
# "a verified account", "a proven track record").
_TERM = r"(?!\s+(?:cases?|deaths?|infections?|accounts?|track\s+records?|profiles?|badges?|" \
    r"users?|buyers?|handles?|pages?|bachelors?)\b)"

WORDS = MappingProxyType({
    "en": Words(
        certain=rf"{_EN_BEFORE}(?P<w>confirmed|verified|proven|corroborated)\b{_TERM}|"
                r"\b(?:indisputabl[ey]|undeniabl[ey]|incontrovertibl[ey]|irrefutabl[ey]|"
                r"beyond\s+(?:any\s+|all\s+|reasonable\s+)?doubt|(?:an?\s+)?(?:established|"
                r"proven|confirmed|verified)\s+fact|it\s+is\s+a\s+fact\s+that|(?:conclusively|"
                r"definitively)\s+(?:shown|proven|proved|established|demonstrated)|(?:proved|"
                r"proven|shown\s+to\s+be)\s+(?:true|correct|accurate))\b",
        refuted=rf"{_EN_BEFORE}(?P<w>debunked|disproven|disproved|refuted|discredited|"
                r"falsified)\b|\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?(?P<w2>false|"
                r"untrue)\b|\b(?:proved|proven|shown\s+to\s+be|found\s+to\s+be|turned\s+out\s+"
                r"to\s+be)\s+(?:false|untrue|wrong|incorrect)\b|\b(?:the|a|an|this|that|its|"
                r"their)\s+(?P<w3>false)\s+(?:claims?|statements?|figures?|reports?|"
                r"assertions?|allegations?|stor(?:y|ies)|numbers?|estimates?|accounts?)\b",
        undisputed=r"\b(?:undisputed|uncontested|unchallenged|unquestioned)\b",
        denied=r"\b(?:not|never|no|nor|neither|yet|without|if|unless|whether|cannot|partly|"
               r"partially|nobody|none|hardly|barely|unlikely|likely|probably|possibly|"
               r"presumably|largely|mostly|will|would|could|may|might|should|must|can|to|"
               r"or)\b|n['\u2019]t\b",
        saying=r"\b(?:says?|said|claimed|claims\s+(?:that|to|it)|argues?|argued|insists?|"
               r"insisted|maintains?|maintained|contends?|contended|asserts?|asserted|"
               r"according\s+to|calls?|called|describes?|described|dismisses|dismissed|"
               r"labels?|label+ed|considers?|considered|deems?|deemed|denies|denied|believes?|"
               r"believed|thinks?|thought|suggests?|suggested|alleges?|alleged|allegedly|"
               r"reportedly|purportedly|supposedly|apparently|seems?|seemed|reports?|"
               r"reported|announces?|announced|states?|stated|told|writes?|wrote|rejects?|"
               r"rejected)\b"),
    "fr": Words(
        certain=rf"{_FR_BEFORE}(?P<w>confirmée?s?|avérée?s?|vérifiée?s?|prouvée?s?|"
                r"démontrée?s?|corroborée?s?)\b|\b(?:incontestables?|indiscutables?|"
                r"irréfutables?|indéniables?|incontestablement|indéniablement|un\s+fait\s+"
                r"(?:établi|avéré|prouvé))\b",
        refuted=rf"{_FR_BEFORE}(?P<w>réfutée?s?|infirmée?s?|discréditée?s?)\b|"
                r"\b(?:est|sont|était|étaient|été|avérée?s?|révélée?s?)\s+(?P<w2>faux|"
                r"fausses?|erronée?s?|inexacte?s?)\b",
        undisputed=r"\b(?:incontestée?s?|indiscutée?s?)\b",
        denied=r"\b(?:ne|n['\u2019]|pas|jamais|non|sans|si|s['\u2019]ils?|aucune?|ni|"
               r"personne|guère|encore|pourrait|pourraient|doit|doivent|devrait|devraient|"
               r"ou)\b",
        saying=r"\b(?:selon|d['\u2019]après|affirme|affirment|affirmé|dit|disent|déclare|"
               r"déclarent|déclaré|assure|assurent|estime|estiment|juge|jugent|qualifie|"
               r"qualifient|qualifiée?s?|dément|démentent|conteste|contestent|nie|nient|"
               r"soutient|soutiennent|prétend|prétendent|prétendument|présumée?s?|aurait|"
               r"auraient|semble|semblent)\b"),
    "de": Words(
        certain=rf"{_DE_PASSIVE}(?P<w>bestätigt|verifiziert|nachgewiesen|bewiesen)\b|"
                r"\b(?:ist|sind|war|waren|gilt\s+als|galt\s+als|als)\s+(?P<w3>erwiesen)\b|"
                rf"{_DE_ARTICLE}(?P<w2>bestätigte[nmrs]?|verifizierte[nmrs]?|"
                rf"erwiesene[nmrs]?|nachgewiesene[nmrs]?|bewiesene[nmrs]?){_DE_NOUN}|"
                r"\b(?:unbestreitbar|unwiderlegbar|zweifelsfrei)(?:e[nmrs]?)?\b",
        refuted=rf"{_DE_PASSIVE}(?P<w>widerlegt)\b|{_DE_ARTICLE}(?P<w2>widerlegte[nmrs]?)"
                rf"{_DE_NOUN}|\b(?:ist|sind|war|waren|als)\s+(?P<w3>falsch|unwahr)\b|"
                r"\b(?P<w4>falsche[nmrs]?)\s+(?:Angabe|Angaben|Behauptung|Behauptungen|Zahl|"
                r"Zahlen|Darstellung|Meldung)\b",
        undisputed=r"\b(?:unbestritten|unumstritten)(?:e[nmrs]?)?\b",
        denied=r"\b(?:nicht|nie|niemals|kein|keine|keiner|keinen|keinem|noch|ohne|ob|falls|"
               r"wenn|weder|kaum|soll|sollen|könnte|könnten|müsste|dürfte|würde|würden|"
               r"sei|seien|wäre|wären|oder|wohl|vielleicht|teilweise)\b",
        saying=r"\b(?:laut|zufolge|sagt|sagte|sagen|sagten|erklärt|erklärte|erklären|"
               r"behauptet|behauptete|behaupten|bezeichnet|bezeichnete|nennt|nannte|meint|"
               r"meinte|bestreitet|bestritt|dementiert|dementierte|angeblich|vermutlich|"
               r"mutmaßlich|scheint|zurückgewiesen|zurückweist|zurückwies|abgetan|berichtet|"
               r"berichtete|nach\s+Angaben)\b"),
    "es": Words(
        certain=rf"{_ES_BEFORE}(?P<w>confirmad[oa]s?|verificad[oa]s?|comprobad[oa]s?|"
                r"demostrad[oa]s?|corroborad[oa]s?)\b|\b(?:indiscutibles?|incontestables?|"
                r"irrefutables?|innegables?|indudablemente)\b",
        refuted=rf"{_ES_BEFORE}(?P<w>refutad[oa]s?|desacreditad[oa]s?)\b|\b(?:es|son|era|"
                r"eran|fue|fueron|sido|resultó|resultaron)\s+(?P<w2>fals[oa]s?)\b",
        undisputed=r"\b(?:indiscutid[oa]s?|incontestad[oa]s?|incuestionad[oa]s?)\b",
        denied=r"\b(?:no|nunca|sin|ni|si|aún|todavía|tampoco|ningún|ninguna|ninguno|nadie|"
               r"podría|podrían|debe|deben|debería|deberían|o)\b",
        saying=r"\b(?:según|dice|dicen|dijo|afirma|afirman|afirmó|asegura|aseguran|aseguró|"
               r"sostiene|sostienen|califica|calificó|niega|niegan|negó|considera|consideran|"
               r"supuestamente|presuntamente|habría|habrían|parece)\b"),
    "it": Words(
        certain=rf"{_IT_BEFORE}(?P<w>confermat[oaie]|verificat[oaie]|dimostrat[oaie]|"
                r"comprovat[oaie]|accertat[oaie]|corroborat[oaie])\b|\b(?:incontestabil[ei]|"
                r"indiscutibil[ei]|inconfutabil[ei]|innegabil[ei]|fuor\s+di\s+dubbio)\b",
        refuted=rf"{_IT_BEFORE}(?P<w>confutat[oaie]|sfatat[oaie]|screditat[oaie])\b|"
                r"\b(?:è|sono|era|erano|stato|stata|stati|state|rivelat[oaie]|risultat[oaie])"
                r"\s+(?P<w2>fals[oaie])\b",
        undisputed=r"\b(?:incontestat[oaie]|indiscuss[oaie]|incontrastat[oaie])\b",
        denied=r"\b(?:non|mai|senza|né|se|nessun[oa]?|ancora|potrebbe|potrebbero|dovrebbe|"
               r"dovrebbero|deve|devono|o)\b",
        saying=r"\b(?:secondo|dice|dicono|detto|afferma|affermano|sostiene|sostengono|"
               r"definisce|definito|nega|negano|smentisce|considera|considerano|presunt[oaie]|"
               r"presumibilmente|sarebbe|sarebbero|sembra)\b"),
    "pt": Words(
        certain=rf"{_PT_BEFORE}(?P<w>confirmad[oa]s?|verificad[oa]s?|comprovad[oa]s?|"
                r"demonstrad[oa]s?|corroborad[oa]s?)\b|\b(?:incontestáve(?:l|is)|"
                r"indiscutíve(?:l|is)|irrefutáve(?:l|is)|inegáve(?:l|is))",
        refuted=rf"{_PT_BEFORE}(?P<w>refutad[oa]s?|desmascarad[oa]s?|desacreditad[oa]s?)\b|"
                r"\b(?:é|são|era|eram|foi|foram|sido|revelou-se|mostrou-se)\s+"
                r"(?P<w2>fals[oa]s?)\b",
        undisputed=r"\b(?:incontestad[oa]s?|indiscutid[oa]s?|inquestionad[oa]s?)\b",
        denied=r"\b(?:não|nunca|sem|nem|se|ainda|nenhum|nenhuma|ninguém|poderia|poderiam|"
               r"deve|devem|deveria|deveriam|pode|podem|ou)\b",
        saying=r"\b(?:segundo|diz|dizem|disse|afirma|afirmam|afirmou|sustenta|nega|negam|"
               r"negou|considera|consideram|chama|chamou|supostamente|alegadamente|teria|"
               r"teriam|parece)\b"),
})

# What each kind of word says of the claim, and the statuses it overstates.
_OVERSTATES = MappingProxyType({
    "certain": frozenset(("reported", "disputed", "refuted", "superseded")),
    "refuted": frozenset(("reported", "corroborated", "disputed", "superseded")),
    "undisputed": frozenset(("disputed", "refuted")),
})
_SAYS = MappingProxyType({
    "certain": "says it is borne out",
    "refuted": "says it is wrong",
    "undisputed": "says nothing stands against it",
})
_HINTS = MappingProxyType({
    "certain": "say what the evidence shows (\"reported by\", \"disputed\"), or, if two "
               "sources of different outlets now assert it, change its status to "
               "corroborated (`briefing check` says through status-evidence whether the "
               "evidence supports that)",
    "refuted": "say what the evidence shows (\"disputed by\", \"doubted\"), or, if a source "
               "now refutes it or a claim contradicts it, change its status to refuted "
               "(`briefing check` says through status-evidence whether the evidence "
               "supports that)",
    "undisputed": "drop the word, or say what stands against the claim",
})
# How many words before a word a negation or hedge may be ("could not be verified").
_DENIED_WORDS = 6


@dataclass(frozen=True)
class Found:
    """A word judging a claim: where it starts and ends in its sentence, and its kind."""

    start: int
    end: int
    kind: str  # "certain", "refuted" or "undisputed"


class Reader:
    """The words judging a claim in prose of one site language (and English)."""

    def __init__(self, language: str):
        languages = dict.fromkeys(("en", primary(language)))
        words = [WORDS[lang] for lang in languages if lang in WORDS]
        self.kinds = {kind: [re.compile(getattr(w, kind), re.IGNORECASE) for w in words]
                      for kind in _OVERSTATES}
        self.denied = re.compile("|".join(w.denied for w in words), re.IGNORECASE)
        self.saying = re.compile("|".join(w.saying for w in words), re.IGNORECASE)

    def judging(self, sentence: str, quoted: Iterable[tuple[int, int]]) -> Iterator[Found]:
        """The words of the sentence judging what it says, outside the spans `quoted`
        (a source's words), neither denied nor hedged, in a sentence giving the view to
        no one."""
        if sentence.rstrip().endswith("?") or self.saying.search(sentence):
            return
        spans = list(quoted)
        for kind, patterns in self.kinds.items():
            for pattern in patterns:
                for match in pattern.finditer(sentence):
                    start, end = _word(match)
                    if any(a <= start < b for a, b in spans) or self.denies(sentence, match):
                        continue
                    yield Found(start, end, kind)

    def denies(self, sentence: str, match: re.Match[str]) -> bool:
        """Whether a negation, a hedge or a mood stands in the few words before the
        match ("could not be verified", "has yet to be confirmed", "if confirmed")."""
        before = sentence[:_word(match)[0]].split()[-_DENIED_WORDS:]
        return self.denied.search(" ".join(before)) is not None


def _word(match: re.Match[str]) -> tuple[int, int]:
    """The word itself within its match: the first named group that matched, else all."""
    for name, value in match.groupdict().items():
        if value is not None:
            return match.span(name)
    return match.span()


@dataclass(frozen=True)
class Link:
    """A claim the text names: where the link stands in the text (a point's `claims:`,
    named outside it, stands nowhere), and its id."""

    at: int | None
    claim_id: str


def overstated(plain: str, links: list[Link], statuses: Mapping[str, str | None],
               reader: Reader, quoted: Iterable[tuple[int, int]], at: Callable[[int, int], Pos]
               ) -> Iterator[Diagnostic]:
    """The words of `plain` that judge the claims linked in their sentence beyond their
    statuses (`statuses`: by id, None when the claim could not be read). A sentence
    linking no claim is read against the claims named outside the text (`Link.at` None)."""
    spans = list(quoted)
    named = [link for link in links if link.at is None]
    for start, end in sentences(plain):
        inside = [link for link in links if link.at is not None and start <= link.at <= end]
        about = inside or named
        if not about or any(statuses.get(link.claim_id) is None for link in about):
            continue
        sentence = plain[start:end]
        shifted = [(a - start, b - start) for a, b in spans if start <= a < end]
        for found in reader.judging(sentence, shifted):
            if inside and not _near(sentence, found, [link.at - start for link in inside
                                                      if link.at is not None]):
                continue
            wrong = sorted({link.claim_id for link in about
                            if statuses[link.claim_id] in _OVERSTATES[found.kind]})
            if len(wrong) < len({link.claim_id for link in about}):
                continue  # the word may describe a claim it fits
            word = sentence[found.start:found.end]
            claim_id = wrong[0]
            yield warning(at(start + found.start, start + found.end),
                          "prose-status-overstated",
                          f'"{word}" {_SAYS[found.kind]}, but claim {claim_id!r} is '
                          f"{statuses[claim_id]}" + (f" (and {', '.join(map(repr, wrong[1:]))}"
                                                     " too)" if len(wrong) > 1 else ""),
                          _HINTS[found.kind])


def _near(sentence: str, found: Found, links: list[int]) -> bool:
    """Whether a claim link stands within `NEAR` words of the word."""
    for link in links:
        between = sentence[found.end:link] if link >= found.end else sentence[link:found.start]
        if len(between.split()) <= NEAR:
            return True
    return False


_NEXT_WORDS = re.compile(r"(?:[ \t]+[^\W\d_]+){0,3}")


def shown_end(plain: str, end: int) -> int:
    """Where the plain words after a word end, up to three of them: the word and they find
    it in the file (`provenance.Locator`), where the word alone may be met before."""
    match = _NEXT_WORDS.match(plain, end)
    return match.end() if match else end
