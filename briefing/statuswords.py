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

The word is read as the sentence's own judgement when passive, before a noun or in a
clause between commas ("was confirmed", "the confirmed cost", "DeepSeek's verified figure",
"the cost, now confirmed, …"); as someone's act when an active verb or a participle with
its agent ("Reuters confirms", "the company has proven that", "the cost, confirmed by
Reuters, …"): an act is left alone when a passage the text draws on says it too (the
prose then repeats the corpus). Either is read only when not denied or hedged ("not
confirmed", "could not verify", "has yet to be verified", "if confirmed", for an act a
negation anywhere in its clause: "no other source confirms"); not in a sentence giving a
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
    # Someone's act of confirming or refuting: an active verb ("Reuters confirms", "has
    # verified"), read where `own` (the readings above, as what must come before the
    # word) does not end just before it ("the confirmed cost" is the curator's own).
    certain_act: str
    refuted_act: str
    own: str
    # Right after a participle: who did it ("confirmed by Reuters"); the act is theirs.
    agent: str
    # After an act, up to the end of its clause: it is denied ("bestätigt … nicht").
    denied_after: str


# English: "is/was/been confirmed", "the/a/its/'s confirmed …", "as confirmed", ", confirmed",
# an adverb between.
_EN_BEFORE = (r"(?:\b(?:is|are|was|were|be|been|being|remains?|remained|stands?|stood|the|a|"
              r"an|its|their|his|her|this|these|those|as)|['\u2019]s|,)\s+"
              r"(?:(?:now|also|already|since|\w+ly)\s+)?")
# French, Spanish, Italian, Portuguese: the participle after a comma or a form of "to be",
# or after an article and a noun ("le coût confirmé"), the noun not a form of "to have"
# ("l'a confirmé", "ha confirmado": an active verb, read as an act).
_FR_BEFORE = (r"(?:,|\b(?:(?<!s['\u2019])est|(?<!se\s)sont|était|étaient|été|être|fut|furent|"
              r"reste|restent|demeure|demeurent)|(?:\b(?:le|la|les|un|une|des|ce|"
              r"cette|ces|son|sa|ses|leur|leurs)\s+|\bl['\u2019])(?!(?:a|ont|avait|avaient|"
              r"aurait|auraient|avons|avez|ai|as|eu)\b)\w+)\s+(?:(?:bien|déjà|désormais|aussi|"
              r"\w+ment)\s+)?")
_ES_BEFORE = (r"(?:,|\b(?:es|son|era|eran|fue|fueron|sido|ser|está|están|estaba|estaban|queda|"
              r"quedó|resulta|resultó)|\b(?:el|la|los|las|un|una|unos|unas|su|sus|este|esta|"
              r"estos|estas)\s+(?!(?:ha|han|había|habían|he|has|hemos|habría|haber)\b)\w+)"
              r"\s+(?:(?:ya|también|\w+mente)\s+)?")
_IT_BEFORE = (r"(?:,|\b(?:è|sono|era|erano|fu|stato|stata|stati|state|essere|risulta|resta|"
              r"rimane|viene|vengono|venne)|(?:\b(?:il|lo|la|i|gli|le|un|uno|una|suo|sua|"
              r"suoi|sue|loro|questo|questa|questi|queste)\s+|\b(?:l|un)['\u2019])"
              r"(?!(?:ha|hanno|aveva|avevano|ho|hai|abbiamo|avrebbe|avrebbero|avere|aver)\b)"
              r"\w+)\s+(?:(?:già|anche|ormai|\w+mente)\s+)?")
_PT_BEFORE = (r"(?:,|\b(?:é|são|era|eram|foi|foram|sido|ser|está|estão|estava|estavam|fica|"
              r"ficou|continua)|\b(?:o|a|os|as|um|uma|uns|umas|seu|sua|seus|suas|este|esta|"
              r"estes|estas|esse|essa)\s+(?!(?:tem|têm|tinha|tinham|havia|haviam|há|ter|"
              r"temos|teria|teriam|tenho)\b)\w+)\s+(?:(?:já|também|\w+mente)\s+)?")
# German: the participle after a form of "to be" or "werden", up to three words between
# ("wurde von Reuters bestätigt"), or inflected between an article and a noun ("die
# bestätigten Kosten"); the noun read by its capital.
_DE_PASSIVE = r"\b(?:wurde|wurden|worden|ist|sind|war|waren|gilt\s+als|gelten\s+als|" \
    r"galt\s+als)\s+(?:\w+\s+){0,3}?"
# A participle between commas, or after "wie" ("wie von Reuters bestätigt"), ending its
# clause: one a subject follows is an active verb ("…, bestätigte Reuters").
_DE_CLAUSE = r"(?:,|\bwie)\s+(?:(?:von|durch)\s+(?:\w+\s+){1,2})?"
_DE_CLAUSE_END = r"(?=\s*(?:[,;:.()\[]|$))"
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
               r"once|until|pending|unable|failed|declined|refused|"
               r"partially|nobody|none|hardly|barely|unlikely|likely|probably|possibly|"
               r"presumably|largely|mostly|will|would|could|may|might|should|must|can|to|"
               r"or)\b|n['\u2019]t\b",
        certain_act=r"\b(?P<w>confirm(?:s|ed)?|verif(?:y|ies|ied)|corroborat(?:e|es|ed)|"
                    rf"substantiat(?:e|es|ed))\b{_TERM}|\b(?P<w2>prove[ds]?|proven)\s+(?=(?:"
                    r"that|it|this|these|its|their|the)\b)",
        refuted_act=r"\b(?P<w>debunk(?:s|ed)?|refut(?:e|es|ed)|disprov(?:e|es|ed|en)|"
                    r"discredit(?:s|ed)?|falsif(?:y|ies|ied))\b",
        own=_EN_BEFORE,
        agent=r"\s+by\s+(?!(?:then|now|the\s+(?:end|time)|early|late|mid|next|last|\d+|"
              r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b)",
        denied_after=r"\s+(?:nothing|none|neither|no\b|by\s+(?:nobody|no\s+one|none)\b)",
        saying=r"\b(?:says?|said|claimed|claims\s+(?:that|to|it)|argues?|argued|insists?|"
               r"insisted|maintains?|maintained|contends?|contended|asserts?|asserted|"
               r"according\s+to|calls?|called|describes?|described|dismisses|dismissed|"
               r"labels?|label+ed|considers?|considered|deems?|deemed|denies|denied|believes?|"
               r"believed|thinks?|thought|suggests?|suggested|alleges?|alleged|allegedly|"
               r"reportedly|purportedly|supposedly|apparently|seems?|seemed|reports?|"
               r"reported|announces?|announced|states?|stated|told|writes?|wrote|rejects?|"
               r"rejected|regards?|regarded|viewed|treats?\s+as|treated\s+as)\b"),
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
        certain_act=r"(?<!se\s)(?<!s['\u2019])\b(?P<w>confirm(?:e|ent|ait|aient|a|èrent)|"
                    r"vérifi(?:e|ent|a)|prouv(?:e|ent|a)|démontr(?:e|ent|a)|"
                    r"corrobor(?:e|ent|a))\b|\b(?:a|ont|avait|avaient)\s+(?:(?:bien|déjà|"
                    r"aussi|\w+ment)\s+)?(?P<w2>confirmé|vérifié|prouvé|démontré|corroboré)\b",
        refuted_act=r"(?<!se\s)(?<!s['\u2019])\b(?P<w>réfut(?:e|ent|a)|infirm(?:e|ent|a))\b|"
                    r"\b(?:a|ont|avait|avaient)\s+(?:(?:bien|déjà|aussi|\w+ment)\s+)?"
                    r"(?P<w2>réfuté|infirmé|discrédité)\b",
        own="(?!)",
        agent=r"\s+par\b",
        denied_after="(?!)",
        saying=r"\b(?:selon|d['\u2019]après|affirme|affirment|affirmé|dit|disent|déclare|"
               r"déclarent|déclaré|assure|assurent|estime|estiment|juge|jugent|qualifie|"
               r"qualifient|qualifiée?s?|dément|démentent|conteste|contestent|nie|nient|"
               r"soutient|soutiennent|prétend|prétendent|prétendument|présumée?s?|aurait|"
               r"auraient|semble|semblent)\b"),
    "de": Words(
        certain=rf"{_DE_PASSIVE}(?P<w>bestätigt|verifiziert|nachgewiesen|bewiesen)\b|"
                rf"{_DE_CLAUSE}(?P<w5>bestätigt|verifiziert|nachgewiesen|bewiesen)"
                rf"{_DE_CLAUSE_END}|"
                r"\b(?:ist|sind|war|waren|gilt\s+als|galt\s+als|als)\s+(?P<w3>erwiesen)\b|"
                rf"{_DE_ARTICLE}(?P<w2>bestätigte[nmrs]?|verifizierte[nmrs]?|"
                rf"erwiesene[nmrs]?|nachgewiesene[nmrs]?|bewiesene[nmrs]?){_DE_NOUN}|"
                r"\b(?:unbestreitbar|unwiderlegbar|zweifelsfrei)(?:e[nmrs]?)?\b",
        refuted=rf"{_DE_PASSIVE}(?P<w>widerlegt)\b|{_DE_CLAUSE}(?P<w5>widerlegt)"
                rf"{_DE_CLAUSE_END}|{_DE_ARTICLE}(?P<w2>widerlegte[nmrs]?)"
                rf"{_DE_NOUN}|\b(?:ist|sind|war|waren|als)\s+(?P<w3>falsch|unwahr)\b|"
                r"\b(?P<w4>falsche[nmrs]?)\s+(?:Angabe|Angaben|Behauptung|Behauptungen|Zahl|"
                r"Zahlen|Darstellung|Meldung)\b",
        undisputed=r"\b(?:unbestritten|unumstritten)(?:e[nmrs]?)?\b",
        denied=r"\b(?:nicht|nie|niemals|kein|keine|keiner|keinen|keinem|noch|ohne|ob|falls|"
               r"wenn|weder|kaum|soll|sollen|könnte|könnten|müsste|dürfte|würde|würden|"
               r"sei|seien|wäre|wären|oder|wohl|vielleicht|teilweise)\b",
        certain_act=r"\b(?P<w>bestätigt|bestätigten?|verifiziert|verifizierten?|beweist|bewies|"
                    r"bewiesen)\b",
        refuted_act=r"\b(?P<w>widerlegt|widerlegten?)\b",
        own=f"{_DE_PASSIVE}|{_DE_ARTICLE}|{_DE_CLAUSE}",
        agent=r"\s*\b(?:von|durch)\s+(?!\d)",
        denied_after=r"[^,;:]*?\b(?:nicht|nie|niemals|kein\w*|weder)\b",
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
        certain_act=r"(?<!se\s)\b(?P<w>confirm(?:a|an|ó|aron|aba|aban)|verific(?:a|an|ó|aron)|"
                    r"comprueba|comprueban|comprobó|comprobaron|demuestra|demuestran|demostró|"
                    r"demostraron|corrobor(?:a|an|ó|aron))\b|\b(?:ha|han|había|habían)\s+"
                    r"(?:ya\s+)?(?P<w2>confirmado|verificado|comprobado|demostrado|"
                    r"corroborado)\b",
        refuted_act=r"(?<!se\s)\b(?P<w>refut(?:a|an|ó|aron)|desacredit(?:a|an|ó|aron))\b|"
                    r"\b(?:ha|han|había|habían)\s+(?:ya\s+)?(?P<w2>refutado|desacreditado)\b",
        own="(?!)",
        agent=r"\s+por\s+(?!(?:ahora|ejemplo|ciento|\d+)\b)",
        denied_after="(?!)",
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
        certain_act=r"(?<!si\s)(?<!\bla\s)(?<!una\s)(?<!\bdi\s)(?<!\ba\s)(?<!\bin\s)"
                    r"(?<!per\s)(?<!lla\s)(?<!sua\s)(?<!sta\s)(?<!\bl['\u2019])"
                    r"\b(?P<w>conferm(?:a|ano|ò|arono|ava|avano)|verific(?:a|ano|ò|arono)|"
                    r"dimostr(?:a|ano|ò|arono)|comprov(?:a|ano|ò|arono)|"
                    r"accert(?:a|ano|ò|arono)|corrobor(?:a|ano|ò|arono))\b|"
                    r"\b(?:ha|hanno|aveva|avevano)\s+(?:(?:già|anche)\s+)?(?P<w2>confermato|"
                    r"verificato|dimostrato|comprovato|accertato|corroborato)\b",
        refuted_act=r"(?<!si\s)\b(?P<w>confut(?:a|ano|ò|arono)|sfat(?:a|ano|ò|arono))\b|"
                    r"\b(?:ha|hanno|aveva|avevano)\s+(?:(?:già|anche)\s+)?(?P<w2>confutato|"
                    r"sfatato|screditato)\b",
        own="(?!)",
        agent=r"\s+da(?:l|llo|lla|i|gli|lle)?\b",
        denied_after="(?!)",
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
        certain_act=r"(?<!se\s)\b(?P<w>confirm(?:a|am|ou|aram|ava|avam)|"
                    r"verific(?:a|am|ou|aram)|comprov(?:a|am|ou|aram)|"
                    r"demonstr(?:a|am|ou|aram)|corrobor(?:a|am|ou|aram))\b(?!-)|"
                    r"\b(?:tem|têm|tinha|tinham)\s+(?P<w2>confirmado|verificado|comprovado|"
                    r"demonstrado|corroborado)\b",
        refuted_act=r"(?<!se\s)\b(?P<w>refut(?:a|am|ou|aram)|desmascar(?:a|am|ou|aram)|"
                    r"desacredit(?:a|am|ou|aram))\b(?!-)|\b(?:tem|têm|tinha|tinham)\s+"
                    r"(?P<w2>refutado|desmascarado|desacreditado)\b",
        own="(?!)",
        agent=r"\s+(?:por|pelo|pela|pelos|pelas)\b",
        denied_after="(?!)",
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
_ACTS = MappingProxyType({"certain": "bore it out", "refuted": "proved it wrong"})
_ACT_HINTS = MappingProxyType({
    "certain": "say what the source says (\"reports\", \"says\"), cite the passage that "
               "says it was confirmed, or, if two sources of different outlets now assert "
               "it, change its status to corroborated (`briefing check` says through "
               "status-evidence whether the evidence supports that)",
    "refuted": "say what the source says (\"disputes\", \"doubts\"), cite the passage that "
               "says it was refuted, or, if a source now refutes it, change its status to "
               "refuted (`briefing check` says through status-evidence whether the "
               "evidence supports that)",
})
# How many words before a word a negation or hedge may be ("could not be verified"),
# and before an act, within its clause ("none of the sources this point cites confirms").
_DENIED_WORDS = 6
_ACT_DENIED_WORDS = 12
_CLAUSE_START = re.compile(r"[^,;:()\u2013\u2014]*")  # read backwards: up to a mark


# What a passage says to back an act the prose reports ("Reuters confirms"): a word of
# the same kind in any language read, not denied in the few words before it. The passage
# may be in a language other than the site's.
_SAID = MappingProxyType({
    "certain": r"\b(?:confirm|verif|corroborat|substantiat|prove[nsd]?\b|proving|bestätig|"
               r"nachgewiesen|bewiesen|erwiesen|beweist|bewies|avér|prouv|démontr|comprob|"
               r"comprov|demostr|demonstr|conferm|dimostr|accert)",
    "refuted": r"\b(?:debunk|refut|disprov|discredit|falsif|false\b|untrue|widerleg|falsch|"
               r"réfut|infirm|faux|fauss|discrédit|desacredit|desmascar|confut|sfat|screditat|"
               r"fals[oaie]s?\b)",
})
_SAID_DENIED = re.compile(
    r"\b(?:not|never|no|yet|cannot|unable|nicht|nie|kein\w*|ne|pas|jamais|non|nunca|sin|mai|"
    r"senza|não|nem|sem)\b|n['\u2019]t\b|\bn['\u2019]", re.IGNORECASE)
_SAID_DENIED_WORDS = 4


@dataclass(frozen=True)
class Found:
    """A word judging a claim: where it starts and ends in its sentence, its kind, and
    whether it reports someone's act ("Reuters confirms", "confirmed by Reuters") rather
    than the sentence's own judgement."""

    start: int
    end: int
    kind: str  # "certain", "refuted" or "undisputed"
    attributed: bool = False


@dataclass(frozen=True)
class _Compiled:
    """One language's words, compiled: its readings of each kind as the sentence's own
    judgement and as someone's act, with what tells them apart."""

    own_kinds: tuple[tuple[str, re.Pattern[str]], ...]
    act_kinds: tuple[tuple[str, re.Pattern[str]], ...]
    own_ends: re.Pattern[str]  # matches where text ends in what makes a word `own`
    agent: re.Pattern[str]
    denied_after: re.Pattern[str]


def _compiled(words: Words) -> _Compiled:
    flags = re.IGNORECASE
    return _Compiled(
        tuple((kind, re.compile(getattr(words, kind), flags)) for kind in _OVERSTATES),
        (("certain", re.compile(words.certain_act, flags)),
         ("refuted", re.compile(words.refuted_act, flags))),
        re.compile(f"(?:{words.own})$", flags), re.compile(words.agent, flags),
        re.compile(words.denied_after, flags))


class Reader:
    """The words judging a claim in prose of one site language (and English)."""

    def __init__(self, language: str):
        languages = dict.fromkeys(("en", primary(language)))
        words = [WORDS[lang] for lang in languages if lang in WORDS]
        self.languages = [_compiled(w) for w in words]
        self.denied = re.compile("|".join(w.denied for w in words), re.IGNORECASE)
        self.saying = re.compile("|".join(w.saying for w in words), re.IGNORECASE)
        self.said = {kind: re.compile(pattern, re.IGNORECASE)
                     for kind, pattern in _SAID.items()}

    def judging(self, sentence: str, quoted: Iterable[tuple[int, int]]) -> Iterator[Found]:
        """The words of the sentence judging what it says, outside the spans `quoted`
        (a source's words), neither denied nor hedged, in a sentence giving the view to
        no one."""
        if sentence.rstrip().endswith("?") or self.saying.search(sentence):
            return
        spans = list(quoted)
        seen: set[int] = set()
        for lang in self.languages:
            for found in self.readings(sentence, lang):
                if found.start in seen or any(a <= found.start < b for a, b in spans):
                    continue
                seen.add(found.start)
                yield found

    def readings(self, sentence: str, lang: _Compiled) -> Iterator[Found]:
        """The words of one language's readings, own and acts, neither denied before
        ("could not verify") nor after ("bestätigte die Zahl nicht")."""
        for acts, kinds in ((False, lang.own_kinds), (True, lang.act_kinds)):
            for kind, pattern in kinds:
                for match in pattern.finditer(sentence):
                    start, end = _word(match)
                    if acts and lang.own_ends.search(sentence, 0, start):
                        continue  # "the confirmed cost": the own reading's
                    if self.denies(sentence, match, acts) or \
                            lang.denied_after.match(sentence, end):
                        continue
                    agent = lang.agent.match(sentence, end) is not None or \
                        lang.agent.search(sentence, match.start(), start) is not None
                    yield Found(start, end, kind, acts or agent)

    def denies(self, sentence: str, match: re.Match[str], act: bool = False) -> bool:
        """Whether a negation, a hedge or a mood stands in the few words before the
        match ("could not be verified", "has yet to be confirmed", "if confirmed"), or
        for an act, anywhere in its clause before it: its subject may be none ("no other
        source this briefing draws on confirms them")."""
        start = _word(match)[0]
        if act:
            clause = _CLAUSE_START.match(sentence[:start][::-1])
            before = sentence[start - clause.end():start].split()[-_ACT_DENIED_WORDS:] \
                if clause else []
        else:
            before = sentence[:start].split()[-_DENIED_WORDS:]
        return self.denied.search(" ".join(before)) is not None

    def says(self, kind: str, passages: Iterable[str]) -> bool:
        """Whether a passage says a word of the kind ("confirmed", "refuted"), not denied
        in the few words before it: the act the prose reports is then the corpus's."""
        for text in passages:
            for match in self.said[kind].finditer(text):
                before = text[:match.start()].split()[-_SAID_DENIED_WORDS:]
                if not _SAID_DENIED.search(" ".join(before)):
                    return True
        return False


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
               reader: Reader, quoted: Iterable[tuple[int, int]], at: Callable[[int, int], Pos],
               passages: Callable[[], Iterable[str]] = tuple) -> Iterator[Diagnostic]:
    """The words of `plain` that judge the claims linked in their sentence beyond their
    statuses (`statuses`: by id, None when the claim could not be read). A sentence
    linking no claim is read against the claims named outside the text (`Link.at` None).
    An act the prose reports ("Reuters confirms") is left alone when one of `passages`
    (the texts of the quotes it draws on, asked for only then) says it too."""
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
            if found.attributed and reader.says(found.kind, passages()):
                continue  # the passage reports the act too: the prose repeats it
            yield warning(at(start + found.start, start + found.end),
                          "prose-status-overstated",
                          _message(sentence[found.start:found.end], found, wrong, statuses),
                          (_ACT_HINTS if found.attributed else _HINTS)[found.kind])


def _message(word: str, found: Found, wrong: list[str], statuses: Mapping[str, str | None]
             ) -> str:
    claim_id = wrong[0]
    others = f" (and {', '.join(map(repr, wrong[1:]))} too)" if len(wrong) > 1 else ""
    if found.attributed:
        return (f'"{word}" says someone {_ACTS[found.kind]}, but claim {claim_id!r} is '
                f"{statuses[claim_id]}{others} and no passage behind this text says so")
    return f'"{word}" {_SAYS[found.kind]}, but claim {claim_id!r} is ' \
        f"{statuses[claim_id]}{others}"


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
