"""Lexicons for attribution detection, loaded lazily from ``audit/data/sourcing_<lang>.toml``.

Each language file lists reporting verbs, cue phrases, vague ("weasel") phrases, document
and outlet words. They are compiled once into regular expressions (:class:`Lexicon`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from audit.sourcing.cues import Keys, entry_keys

#: Languages that have a lexicon file.
LEXICON_LANGUAGES = ("en", "es")


def _alternation(words: list[str]) -> str:
    """A trie-shaped regular expression for ``words`` (shared prefixes are matched once).

    Longer words win over their prefixes because every optional ending is tried first.
    """
    trie: dict = {}
    for w in sorted({" ".join(w.split()) for w in words if w.strip()}):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict) -> str:
    ends = "" in node
    alts = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        alts.append(piece + _emit(node[ch]))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if ends else body


@dataclass(frozen=True)
class Lexicon:
    language: str
    reporting_verbs: frozenset[str]
    ambiguous: frozenset[str]
    evidence_verbs: frozenset[str]
    document_nouns: frozenset[str]
    outlet_heads: frozenset[str]
    outlets: frozenset[str]
    official_nouns: frozenset[str]
    research_nouns: frozenset[str]
    stopwords: frozenset[str]
    framed_only: frozenset[str]  # base and -s forms of noun-like lemmas: verbs only before "that" or ":"
    progressive_only: frozenset[str]  # generated -ing forms: verbs only after is/are/was/were
    stopword_re: re.Pattern  # the stop words as whole letter-only tokens, lower case
    verb_re: re.Pattern  # case-sensitive, lower-case verbs
    evidence_re: re.Pattern
    cue_re: re.Pattern  # case-insensitive cue phrases
    weasel_re: re.Pattern
    hidden_passive_re: re.Pattern
    #: Where a match of each pattern above can start (the first words of its entries, see
    #: :mod:`audit.sourcing.cues`): the patterns run at those words only, not along the whole text.
    verb_keys: Keys = Keys(frozenset(), frozenset())
    evidence_keys: Keys = Keys(frozenset(), frozenset())
    cue_keys: Keys = Keys(frozenset(), frozenset())
    weasel_keys: Keys = Keys(frozenset(), frozenset())
    hidden_passive_keys: Keys = Keys(frozenset(), frozenset())
    #: Generated Spanish participles ("prometido", "difundidas"): verbs only after a form of "haber" ("ha
    #: prometido") or with their agent after "por" ("fue difundida por la OMS", "cifras facilitadas por el
    #: ministerio"); otherwise adjectives ("la prometida subida").
    perfect_only: frozenset[str] = frozenset()
    #: Generated Spanish participles of ``agent_lemmas`` ("facilitadas"): verbs only with their agent after "por".
    agent_only: frozenset[str] = frozenset()
    #: The reporting verb forms listed by hand in the lexicon file (the rest are generated from lemmas).
    listed_verbs: frozenset[str] = frozenset()
    #: Verbs of a document that examines or presents data ("explores", "showing"): in the evidence pattern, read
    #: only right after a document noun phrase that is their subject ("the report explores").
    document_verbs: frozenset[str] = frozenset()


def _compile_words(words: list[str], flags: int = 0) -> re.Pattern:
    alt = _alternation(words) or r"(?!x)x"
    return re.compile(rf"(?<![\w’'-])(?:{alt})(?![\w’'-])", flags)


def _weasel_groups(data: dict) -> list[str]:
    """Phrases from ``[weasel_groups]``: an unnamed group ("some economists") and a claim verb ("warn")."""
    groups = data.get("weasel_groups")
    if not groups:
        return []
    return [f"{q} {n} {v}" for q in groups["quantifiers"] for n in groups["nouns"] for v in groups["verbs"]]


def _impersonal_passives(data: dict) -> list[str]:
    """Phrases from ``[impersonal_passives]``: "it" with an auxiliary and a reporting participle, then "that" ("it was
    reported that", "it is estimated that"): a report credited to nobody."""
    table = data.get("impersonal_passives")
    if not table:
        return []
    return [f"it {a} {p} that" for a in table["auxiliaries"] for p in table["participles"]] + [
        f"it {a} {p} that" for a in table["present_auxiliaries"] for p in table["belief_participles"]
    ]


def _weasel_phrases(data: dict) -> list[str]:
    """The listed weasel phrases and the impersonal passives (not the ``[weasel_groups]`` products)."""
    return list(data["weasel_phrases"]) + _impersonal_passives(data)


def _norm(entry: str) -> str:
    return " ".join(entry.split()).lower()


def _word_prefix_free(words: list[str]) -> bool:
    """No entry of ``words`` is another's first words ("a" and "a few"): at most one is followed by a space."""
    ws = {_norm(w) + " " for w in words if w.strip()}
    return not any(a != b and b.startswith(a) for a in ws for b in ws)


def _strict_prefix_of_any(short: set[str], long: set[str]) -> bool:
    """Some entry of ``short`` is a proper beginning of an entry of ``long`` (by characters)."""
    return any(w[:i] in short for w in long for i in range(1, len(w)))


def _weasel_alternation(phrases: list[str], groups: dict | None) -> str | None:
    """The weasel phrases and the ``[weasel_groups]`` phrases as one alternation with the group phrases written
    as a product, ``(?:quantifiers)\\s+(?:nouns)\\s+(?:verbs)``, instead of one trie of every combination
    (thousands of phrases: most of the lexicon's compile time). None when that could match otherwise than the
    trie of all phrases, which matches at each position the longest phrase followed by a boundary:

    * the product matches the longest group phrase when quantifiers and nouns are free of word prefixes (one
      quantifier and one noun can be followed by a space at a position: the verb trie takes the longest verb);
    * of a phrase and a group phrase that both match at a position, one begins the other (by characters, in
      lower case: the entries are lower case, read ignoring case). With no group phrase beginning a longer
      phrase, the product is tried first and the phrases' trie after it; with no phrase beginning a longer group
      phrase, the other way round.
    """
    if not groups:
        return None
    qs, ns, vs = groups["quantifiers"], groups["nouns"], groups["verbs"]
    entries = list(phrases) + qs + ns + vs
    if any(w != w.lower() for w in entries) or not (_word_prefix_free(qs) and _word_prefix_free(ns)):
        return None
    ps = {_norm(w) for w in phrases if w.strip()}
    product = rf"(?:{_alternation(qs)})\s+(?:{_alternation(ns)})\s+(?:{_alternation(vs)})"
    rest = _alternation(phrases)
    if not rest:
        return product
    gs = {f"{_norm(q)} {_norm(n)} {_norm(v)}" for q in qs for n in ns for v in vs}
    if not _strict_prefix_of_any(gs, ps):
        return f"{product}|(?:{rest})"
    if not _strict_prefix_of_any(ps, gs):
        return f"(?:{rest})|{product}"
    return None


def _compile_weasels(data: dict) -> re.Pattern:
    """:func:`_compile_words` of the weasel phrases and their groups (see :func:`_weasel_alternation`)."""
    alt = _weasel_alternation(_weasel_phrases(data), data.get("weasel_groups"))
    if alt is None:
        return _compile_words(_weasel_phrases(data) + _weasel_groups(data), re.IGNORECASE)
    return re.compile(rf"(?<![\w’'-])(?:{alt})(?![\w’'-])", re.IGNORECASE)


_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing"),
    "think": ("thinks", "thought", "thinking"),
    "put": ("puts", "put", "putting"),
    "deny": ("denies", "denied", "denying"),
    "testify": ("testifies", "testified", "testifying"),
    "tally": ("tallies", "tallied", "tallying"),
    "reply": ("replies", "replied", "replying"),
    "clarify": ("clarifies", "clarified", "clarifying"),
}
_CVC = re.compile(r"[^aeiou][aeiou][bdgklmnprt]$")
_FINAL_STRESS = frozenset("admit submit commit permit omit regret refer occur rebut allot".split())


def inflections(lemma: str) -> tuple[str, str, str]:
    """(-s form, past, -ing form) of an English verb: "slam" -> ("slams", "slammed", "slamming")."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else lemma + "s"
    if lemma.endswith("e"):
        return third, lemma + "d", lemma[:-1] + "ing"
    if _CVC.search(lemma) and (len(lemma) <= 4 or lemma in _FINAL_STRESS):
        return third, lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"  # slam, peg, admit
    return third, lemma + "ed", lemma + "ing"


#: Spanish verbs whose third-person forms are not regular: (present sg, present pl, preterite sg, preterite pl,
#: imperfect sg, participle stem). A form of None is not generated (a common noun: "cuenta").
_IRREGULAR_ES: dict[str, tuple[str | None, str | None, str, str, str, str]] = {
    "decir": ("dice", "dicen", "dijo", "dijeron", "decía", "dich"),
    "advertir": ("advierte", "advierten", "advirtió", "advirtieron", "advertía", "advertid"),
    "sugerir": ("sugiere", "sugieren", "sugirió", "sugirieron", "sugería", "sugerid"),
    "referir": ("refiere", "refieren", "refirió", "refirieron", "refería", "referid"),
    "desmentir": ("desmiente", "desmienten", "desmintió", "desmintieron", "desmentía", "desmentid"),
    "sostener": ("sostiene", "sostienen", "sostuvo", "sostuvieron", "sostenía", "sostenid"),
    "mantener": ("mantiene", "mantienen", "mantuvo", "mantuvieron", "mantenía", "mantenid"),
    "prever": ("prevé", "prevén", "previó", "previeron", "preveía", "previst"),
    "pedir": ("pide", "piden", "pidió", "pidieron", "pedía", "pedid"),
    "contar": (None, None, "contó", "contaron", "contaba", "contad"),
    "recordar": ("recuerda", "recuerdan", "recordó", "recordaron", "recordaba", "recordad"),
    "negar": ("niega", "niegan", "negó", "negaron", "negaba", "negad"),
    "manifestar": ("manifiesta", "manifiestan", "manifestó", "manifestaron", "manifestaba", "manifestad"),
    "escribir": ("escribe", "escriben", "escribió", "escribieron", "escribía", "escrit"),
    "exponer": ("expone", "exponen", "expuso", "expusieron", "exponía", "expuest"),
    "reconocer": ("reconoce", "reconocen", "reconoció", "reconocieron", "reconocía", "reconocid"),
}


def inflections_es(lemma: str) -> tuple[list[str], list[str], list[str]]:
    """Third-person forms of a Spanish verb: (present forms, past forms, participles).

    Present: "afirma", "afirman"; past (preterite and imperfect): "afirmó", "afirmaron", "afirmaba",
    "afirmaban"; participles in the four genders and numbers: "afirmado", "afirmada", "afirmados", "afirmadas".
    Verbs in -uir take a "y" ("concluye", "concluyó"); the irregular ones are in :data:`_IRREGULAR_ES`."""
    if lemma in _IRREGULAR_ES:
        p_sg, p_pl, pret_sg, pret_pl, imp, part = _IRREGULAR_ES[lemma]
        present = [f for f in (p_sg, p_pl) if f]
        past = [pret_sg, pret_pl, imp, imp + "n"]
    else:
        stem, end = lemma[:-2], lemma[-2:]
        if end == "ar":
            present = [stem + "a", stem + "an"]
            past = [stem + "ó", stem + "aron", stem + "aba", stem + "aban"]
            part = stem + "ad"
        elif lemma.endswith("uir"):
            present = [stem + "ye", stem + "yen"]
            past = [stem + "yó", stem + "yeron", stem + "ía", stem + "ían"]
            part = stem + "id"
        else:  # -er, -ir
            present = [stem + "e", stem + "en"]
            past = [stem + "ió", stem + "ieron", stem + "ía", stem + "ían"]
            part = stem + "id"
    return present, past, [part + e for e in ("o", "a", "os", "as")]


def _framed_only(data: dict, language: str = "en") -> frozenset[str]:
    """Base and -s forms of ``noun_like_lemmas`` ("claims", "state") not listed by hand as verbs."""
    listed = set(data.get("reporting_verbs", []))
    out: set[str] = set()
    if language == "es":
        out.update(data.get("noun_like_forms", []))  # listed forms that are also nouns: "la mayor cifra"
        return frozenset(out)
    for lemma in data.get("noun_like_lemmas", []):
        out.update(w for w in (lemma, inflections(lemma)[0]) if w not in listed)
    # A bare base form ("can clarify", "warn") reports only when it introduces what is reported.
    out.update(w for w in data.get("reporting_lemmas", []) if w not in listed)
    out.update(data.get("noun_like_forms", []))  # listed forms that are also nouns: "la mayor cifra"
    return frozenset(out)


def _progressive_only(data: dict, language: str = "en") -> frozenset[str]:
    """Generated -ing forms: verbs only in the progressive ("are expecting"), not "crime reporting"."""
    listed = set(data.get("reporting_verbs", []))
    if language == "es":
        return frozenset()
    return frozenset(f for f in (inflections(w)[2] for w in data.get("reporting_lemmas", [])) if f not in listed)


def _perfect_only(data: dict, language: str = "en") -> frozenset[str]:
    """Generated Spanish participles not listed by hand (see :attr:`Lexicon.perfect_only`)."""
    if language != "es":
        return frozenset()
    listed = set(data.get("reporting_verbs", []))
    return frozenset(
        p for lemma in data.get("reporting_lemmas", []) for p in inflections_es(lemma)[2] if p not in listed
    )


def _agent_only(data: dict, language: str = "en") -> frozenset[str]:
    """Generated Spanish participles of ``agent_lemmas`` (see :attr:`Lexicon.agent_only`)."""
    if language != "es":
        return frozenset()
    return frozenset(p for lemma in data.get("agent_lemmas", []) for p in inflections_es(lemma)[2])


def _generated_verbs(data: dict, language: str = "en") -> tuple[list[str], list[str]]:
    """(verb forms, ambiguous forms) generated from ``reporting_lemmas``; forms listed by hand in
    ``reporting_verbs`` keep their own status ("said" is never an adjective)."""
    noun_like = set(data.get("noun_like_lemmas", []))
    listed = set(data.get("reporting_verbs", []))
    forms: list[str] = []
    ambiguous: list[str] = []
    if language == "es":
        for lemma in data.get("reporting_lemmas", []):
            present, preterite, participles = inflections_es(lemma)
            forms += present + preterite + participles
            ambiguous += present  # a present form after a determiner is a noun: "la denuncia", "la cuenta"
        for lemma in data.get("agent_lemmas", []):
            forms += inflections_es(lemma)[2]
        return forms, [a for a in ambiguous if a not in listed]
    for lemma in data.get("reporting_lemmas", []):
        third, past, ing = inflections(lemma)
        forms += [lemma, third, past, ing]
        if lemma in noun_like:
            ambiguous += [lemma, third, past]
        else:
            ambiguous += [lemma, past]  # "the expected rise", "an alleged fraud"
    return forms, [a for a in ambiguous if a not in listed]


@cache
def _data(language: str) -> dict:
    """The lexicon file of ``language``, parsed."""
    return tomllib.loads(
        resources.files("audit").joinpath("data", f"sourcing_{language}.toml").read_text(encoding="utf-8")
    )


@cache
def stopword_re(language: str) -> re.Pattern:
    """``lexicon(language).stopword_re`` without compiling the rest of the lexicon (the stop-word votes
    look at every lexicon language; the other patterns are built only for a language that is read)."""
    return re.compile(rf"(?<![^\W\d_])(?:{_alternation(list(_data(language)['stopwords']))})(?![^\W\d_])")


#: Reporting verbs whose reading checks their subject itself ("Dr. Ross noted 50 children", not "the guidelines
#: noted"; "the economy added 200,000 jobs"): not read again as evidence when that check turns them down.
_SUBJECT_CHECKED = frozenset(("noted", "notes", "added", "adds"))


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon for ``language`` (``en`` or ``es``)."""
    data = _data(language)
    generated, generated_ambiguous = _generated_verbs(data, language)
    verbs = list(dict.fromkeys(list(data["reporting_verbs"]) + generated))
    framed_only = _framed_only(data, language)
    progressive_only = _progressive_only(data, language)
    ambiguous = frozenset(data.get("ambiguous_participles", []) + generated_ambiguous)
    listed = set(verbs)
    # An evidence verb that is also a reporting verb is read as evidence where the reporting reading turns it down
    # as a noun or an adjective ("New figures suggest turnout topped 68 percent": "suggest" reports only before
    # "that"), so the forms the reporting reading may turn down stay in the evidence pattern.
    evidence = [
        w
        for w in data.get("evidence_verbs", [])
        if w not in listed
        or ((w in framed_only or w in progressive_only or w in ambiguous) and w not in _SUBJECT_CHECKED)
    ]
    document_verbs = [
        w for w in data.get("document_verbs", []) if w not in evidence and (w not in listed or w in progressive_only)
    ]
    evidence += document_verbs
    cues = list(data["cue_phrases"])
    weasels = _weasel_phrases(data) + _weasel_groups(data)
    passives = list(data["hidden_agent_passives"])
    return Lexicon(
        language=language,
        reporting_verbs=frozenset(verbs),
        ambiguous=ambiguous,
        evidence_verbs=frozenset(evidence),
        document_nouns=frozenset(data["document_nouns"]),
        outlet_heads=frozenset(data["outlet_heads"]),
        outlets=frozenset(data["outlets"]),
        official_nouns=frozenset(data["official_nouns"]),
        research_nouns=frozenset(data.get("research_nouns", [])),
        stopwords=frozenset(data["stopwords"]),
        framed_only=framed_only,
        progressive_only=progressive_only,
        stopword_re=stopword_re(language),
        verb_re=_compile_words(verbs),
        evidence_re=_compile_words(evidence),
        cue_re=_compile_words(cues, re.IGNORECASE),
        weasel_re=_compile_weasels(data),
        hidden_passive_re=_compile_words(passives, re.IGNORECASE),
        verb_keys=entry_keys(verbs),
        evidence_keys=entry_keys(evidence),
        cue_keys=entry_keys(cues),
        weasel_keys=entry_keys(weasels),
        hidden_passive_keys=entry_keys(passives),
        perfect_only=_perfect_only(data, language),
        agent_only=_agent_only(data, language),
        listed_verbs=frozenset(data["reporting_verbs"]),
        document_verbs=frozenset(document_verbs),
    )


_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str, sample: int = 4000) -> str:
    """A cheap stop-word vote between the lexicon languages ("und" when unclear).

    Counting runs in the regex engine (one pass for the words, one per language for its stop
    words), not word by word in Python.
    """
    low = text[:sample].lower()
    n_words = len(_WORD.findall(low))
    if not n_words:
        return "und"
    best, best_n = "und", 0
    for lang in LEXICON_LANGUAGES:
        n = len(stopword_re(lang).findall(low))
        if n > best_n:
            best, best_n = lang, n
    if n_words < 12:
        return best if best_n else "en"  # too short to tell: English unless Spanish function words
    if best_n < 0.08 * n_words:
        return "und"  # tables, lists, or another language
    return best
