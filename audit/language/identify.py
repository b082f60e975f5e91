"""Identification of spans: units (passages, sentences) read by the backends, and the
document's dominant language. No rule logic lives here (that is :mod:`audit.language.check`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence

import numpy as np

from audit.language.backends import (
    EVIDENCE_LIMIT,
    Candidates,
    DocumentCleaner,
    clean_for_detection,
    evidence_chars,
    get_backend,
)
from audit.language.prose import BARE_ADDRESS
from audit.language.screen import odd_sentences, passage_index, passages_of, span_bounds, vocabulary
from audit.language.script import by_script, contradicts, script_language
from audit.language.short import (
    Run,
    Token,
    bounds_fail,
    counted_runs,
    identify_short,
    pair_with_frequencies,
    pairs_with_frequencies,
    prose_words,
    tokens,
)
from audit.language.wordlists import listed_languages
from audit.model import Span
from audit.text import TextLayer

UND = "und"


# --------------------------------------------------------------------------- pure helpers


def combine(ft: Candidates | None, ld: Candidates | None, ld_supports=lambda _l: True) -> tuple[str, float]:
    """Average two backends' probabilities per language; the best language and its score.

    A backend that was not asked (``None``) or that cannot output a language abstains
    for it, so a language only fastText knows is scored by fastText alone.
    """
    if not ft and not ld:
        return UND, 0.0
    if ld is None or not ft:
        either = ft or ld
        assert either  # not both empty: returned above
        best = either[0]
        return best[0], float(best[1])
    if not ld:
        return ft[0][0], float(ft[0][1])
    fd, ldd = dict(ft), dict(ld)
    scores = {}
    for lang in set(fd) | set(ldd):
        if ld_supports(lang):
            scores[lang] = (fd.get(lang, 0.0) + ldd.get(lang, 0.0)) / 2.0
        else:
            scores[lang] = fd.get(lang, 0.0)
    lang = max(sorted(scores), key=lambda k: scores[k])
    return lang, scores[lang]


def dominant(weights: dict[str, float]) -> str:
    """The language with the most weight (ties broken by code, for determinism)."""
    if not weights:
        return UND
    return max(sorted(weights), key=lambda k: weights[k])


def shares(weights: dict[str, float], digits: int = 4) -> dict[str, float]:
    total = sum(weights.values())
    if total <= 0:
        return {}
    return {k: round(v / total, digits) for k, v in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))}


def prob_of(cands: Candidates | None, lang: str) -> float:
    for code, p in cands or ():
        if code == lang:
            return p
    return 0.0


# --------------------------------------------------------------------------- config


@dataclass(frozen=True)
class LanguageConfig:
    #: "auto" (fastText screen + langdetect confirmation), "fasttext" or "langdetect".
    backend: str = "auto"
    #: Letters of evidence (outside proper names) a passage needs to be classified alone.
    min_chars: int = 30
    #: Below this final confidence a passage is "und" (never reported).
    min_confidence: float = 0.70
    #: auto: fastText top probability below which langdetect is consulted as well.
    confirm_below: float = 0.90
    #: auto: a passage with this much evidence that fastText puts in another language with
    #: confirm_below or more is reported without asking langdetect.
    trust_min_chars: int = 60
    #: A short line next to a foreign passage joins its finding when it has at least this
    #: much evidence and the foreign language's probability is at least group_min_probability
    #: and above the document language's.
    group_min_chars: int = 12
    group_min_probability: float = 0.30
    #: Read a passage of the document's language sentence by sentence when it has at least
    #: two sentences and fastText's probability for the document language is below this
    #: (0 disables the sentence pass).
    sentence_check_below: float = 0.98
    #: Letters of evidence a whole document needs for a language (else LANG003).
    doc_min_chars: int = 20
    #: Characters of a passage handed to a model (the rest adds time, not accuracy).
    max_chars: int = 2000
    #: First reading (audit.language.screen): fastText on a sample, then a vocabulary test per
    #: sentence; only passages that disagree get the full reading. False: every passage in full.
    screen: bool = True
    #: Characters of cleaned text in the sample (taken from the opening of the first passages).
    sample_chars: int = 400
    #: The sample's top language is the candidate only at this fastText probability or more.
    sample_min_probability: float = 0.90
    #: Below it, a longer sample (this many characters) is read once more: 400 characters of headings
    #: and lead sentences often give English 0.7-0.9, 2,000 give it 0.9 or more (0 disables).
    sample_retry_chars: int = 2000
    #: Most frequent words of the candidate language (wordfreq) that a sentence is tested against.
    vocabulary_size: int = 10000
    #: A sentence with this many words not starting with a capital, fewer than screen_min_coverage
    #: of them in the vocabulary, disagrees (its passage gets the full reading).
    screen_min_words: int = 3
    screen_min_coverage: float = 0.75
    #: A sentence that disagrees is read alone by fastText first: when fastText's top answer for it is
    #: the candidate language with this probability or more, it agrees after all (rare words, not another
    #: language) and does not send its passage to the full reading (1 disables this confirmation).
    screen_confirm_probability: float = 0.70
    #: A document of one passage with at most this many characters is also read word by word
    #: (audit.language.short): its language when the guard leaves it ``und``, and runs of words
    #: in two languages (code-switching) for its shares.
    short_max_chars: int = 400
    #: Below this confidence the word-by-word reading of a short text abstains (``und``).
    short_min_confidence: float = 0.50
    #: Candidate languages for a mix: fastText's top 20 with at least this probability.
    pair_min_probability: float = 0.0001
    #: Cost (in natural-log likelihood) of switching language between two words.
    switch_penalty: float = 1.5
    #: A run of words counts for the shares with this many letters and this log-likelihood
    #: margin over the other language.
    run_min_letters: int = 3
    run_min_margin: float = 2.0
    #: ... and at least one word outside the other language's this many most frequent words (a run
    #: of words both languages use, "met", "a", "no", is not a switch).
    run_vocabulary_size: int = 3000
    #: ... and each language's counted runs hold at least this share of the runs' characters (one
    #: foreign-looking word in a sentence of news, "above par", "a fatwa", is not a mix).
    run_min_share: float = 0.06
    #: A short text clearly in fastText's top language is not labelled word by word (no mix): every
    #: word outside names is among that language's ``run_vocabulary_size`` most frequent words, or it
    #: has ``clear_min_words`` such words, fastText gives it ``clear_min_probability`` and at most
    #: ``clear_max_unknown`` of them (never two in a row) are outside its ``vocabulary_size`` words.
    clear_min_words: int = 25
    clear_min_probability: float = 0.9
    clear_max_unknown: float = 0.2
    #: LANG004: each language of a mix has at least this share of the classified characters.
    mix_min_share: float = 0.15

    def __post_init__(self) -> None:
        if self.backend not in ("auto", "fasttext", "langdetect"):
            raise ValueError(f"backend must be auto, fasttext or langdetect, not {self.backend!r}")
        for name in (
            "min_confidence",
            "confirm_below",
            "group_min_probability",
            "sentence_check_below",
            "sample_min_probability",
            "screen_min_coverage",
            "screen_confirm_probability",
            "short_min_confidence",
            "mix_min_share",
            "pair_min_probability",
            "run_min_share",
            "clear_min_probability",
            "clear_max_unknown",
        ):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value!r}")
        for name in (
            "min_chars",
            "group_min_chars",
            "doc_min_chars",
            "max_chars",
            "trust_min_chars",
            "sample_chars",
            "sample_retry_chars",
            "vocabulary_size",
            "run_vocabulary_size",
            "screen_min_words",
            "short_max_chars",
            "run_min_letters",
            "switch_penalty",
            "run_min_margin",
            "clear_min_words",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")


# --------------------------------------------------------------------------- identification


_NO_BOUND = 1 << 62


class Unit:
    """One span being identified: a passage or a sentence.

    ``clean`` (the text a model reads) and ``evidence`` (:func:`evidence_chars`) are computed on first
    use when the unit is made from its raw text (:meth:`lazy`): most short lines of a page are never
    read by a model, and :meth:`may_reach` tells without computing them that they are too short."""

    __slots__ = (
        "span",
        "_clean",
        "_evidence",
        "_raw",
        "_max_chars",
        "_doc",
        "ft",
        "ld",
        "lang",
        "conf",
        "screened",
        "agreeing",
        "chars",
        "_lo",
        "_hi",
    )

    def __init__(
        self,
        span: Span,
        clean: str | None,
        evidence: int | None,
        raw: str = "",
        max_chars: int = 0,
        doc: DocumentCleaner | None = None,
    ) -> None:
        self.span = span
        #: ``len(span)`` (summed per unit in the hot loops; ``Span.__len__`` is a Python call)
        self.chars = span.end - span.start
        self._clean = clean
        self._evidence = evidence
        self._raw = raw
        self._max_chars = max_chars
        #: The document's cleaner (``raw`` is ``doc.text[span.start:span.end]``), or None.
        self._doc = doc
        self.ft: Candidates | None = None
        self.ld: Candidates | None = None
        self.lang = UND
        self.conf = 0.0
        self.screened = False  # given the document's language by the first reading, no model call
        #: Starts of the document's sentences that agreed with the first reading's vocabulary test
        #: (set on the passages of a screened document that are read in full).
        self.agreeing: frozenset[int] = frozenset()
        #: Bounds of :attr:`evidence` known without computing it (:meth:`DocumentCleaner.evidence_bounds`).
        self._lo = 0
        self._hi = _NO_BOUND

    @classmethod
    def lazy(cls, span: Span, raw: str, max_chars: int, doc: DocumentCleaner | None = None) -> Unit:
        return cls(span, None, None, raw, max_chars, doc)

    @property
    def clean(self) -> str:
        if self._clean is None:
            doc = self._doc
            if doc is None:
                self._clean = clean_for_detection(self._raw, self._max_chars)
            else:
                self._clean = doc.clean(self.span.start, self.span.end, self._max_chars)
        return self._clean

    @property
    def evidence(self) -> int:
        if self._evidence is None:
            raw = self._raw
            # evidence_chars reads the first EVIDENCE_LIMIT characters only (cleaning them itself): a long
            # passage the screen settles never needs its whole cleaned text.
            if len(raw) <= EVIDENCE_LIMIT:
                self._evidence = evidence_chars(raw, self.clean)
            elif self._doc is not None:
                start = self.span.start
                head = self._doc.clean(start, start + EVIDENCE_LIMIT)
                self._evidence = evidence_chars(raw[:EVIDENCE_LIMIT], head)
            else:
                self._evidence = evidence_chars(raw)
        return self._evidence

    def at_least(self, chars: int) -> bool:
        """``evidence >= chars``, from the bounds :func:`_sized` left when they decide it."""
        if self._evidence is None:
            if chars <= self._lo:
                return True
            if chars > self._hi:
                return False
        return self.may_reach(chars) and self.evidence >= chars

    def may_reach(self, chars: int) -> bool:
        """Can :attr:`evidence` be ``chars`` or more? False only when certain it cannot: the evidence
        never exceeds the cleaned text's length, which never exceeds the raw text's (three times it for
        scripts written without spaces, whose letters weigh triple)."""
        if self._evidence is not None or chars <= 0:
            return self.evidence >= chars
        raw = self._raw
        return (len(raw) if raw.isascii() else 3 * len(raw)) >= chars


class LanguageIdentifier:
    """Passage and document language with the configured backends (library entry point).

    ``classify(units)`` identifies spans and returns the dominant language;
    ``identify_text(text)`` reads one text as a whole. No rule logic lives here.
    """

    def __init__(self, config: LanguageConfig | None = None) -> None:
        self.config = config or LanguageConfig()
        name = self.config.backend
        self.fasttext = get_backend("fasttext") if name in ("auto", "fasttext") else None
        self.langdetect = get_backend("langdetect") if name in ("auto", "langdetect") else None
        self._cleaner: DocumentCleaner | None = None

    # -- unit level

    def cleaner(self, text: str) -> DocumentCleaner:
        """The :class:`DocumentCleaner` of ``text`` (the last one made is reused for the same text: a
        document's passages, its sentences and the sentences the first reading confirms share one)."""
        doc = self._cleaner
        if doc is None or doc.text is not text:
            doc = self._cleaner = DocumentCleaner(text)
        return doc

    def units(self, text: str, spans: Sequence[Span]) -> list[Unit]:
        max_chars = self.config.max_chars
        # One span (a short record): cleaned alone, as the whole text would be.
        doc = self.cleaner(text) if len(spans) > 1 else None
        return [Unit(span, None, None, text[span.start : span.end], max_chars, doc) for span in spans]

    def _screen(self, units: Sequence[Unit]) -> None:
        """First reading: fastText (or langdetect when it is the only backend)."""
        todo = [u for u in units if u.ft is None and u.ld is None and u.clean and not u.screened]
        if not todo:
            return
        if self.fasttext is not None:
            for u, cands in zip(todo, self.fasttext.predict([u.clean for u in todo]), strict=False):
                u.ft = cands
        else:
            assert self.langdetect is not None  # the config names at least one backend
            for u, cands in zip(todo, self.langdetect.predict([u.clean for u in todo]), strict=False):
                u.ld = cands
        for u in todo:
            self._decide(u)

    def _confirm(self, units: Sequence[Unit]) -> None:
        """auto: ask langdetect too about these units (once each)."""
        if self.fasttext is None or self.langdetect is None:
            return
        todo = [u for u in units if u.ld is None and u.clean]
        if not todo:
            return
        for u, cands in zip(todo, self.langdetect.predict([u.clean for u in todo]), strict=False):
            u.ld = cands
            self._decide(u)

    def _decide(self, u: Unit) -> None:
        supports = self.langdetect.supports if self.langdetect is not None else (lambda _l: True)
        lang, conf = combine(u.ft, u.ld, supports)
        u.lang, u.conf = (lang, conf) if conf >= self.config.min_confidence else (UND, conf)

    def veto_names(self, units: Sequence[Unit], doc_lang: str, min_letters: int = 15) -> None:
        """A foreign call that rests on proper names becomes ``und``.

        "Chancellor Olaf Scholz's Sozialdemokratische Partei Deutschlands lost ground in
        Brandenburg and Thüringen" is German to both models, because most of its letters are
        German names. The words that do not start with a capital ("lost ground in and where
        the made gains") carry the language of the prose around the names: when they have
        ``min_letters`` letters or more and the screening model gives them the document's
        language as its top answer with probability 0.5 or more, the foreign call is dropped.
        A real foreign passage keeps it: its own lower-case words are foreign (articles,
        verbs, German too, whose nouns alone are capitalised). A short quotation (a title, a
        name: "El primer 'ball dels dimonis' enciende la fiesta") is left out with the names;
        a passage that is only a quotation keeps its call (too few letters are left).
        """
        backend = self.fasttext or self.langdetect
        assert backend is not None  # the config names at least one backend
        self._veto_scripts(units, doc_lang)
        self._veto_addresses(units, doc_lang)
        todo = []
        for u in units:
            if u.lang in (doc_lang, UND):
                continue
            clean = u.clean
            raw = u._raw  # the cleaned text has no quotation marks left: a short quotation is found in the raw
            if raw and any(q in raw for q in _QUOTE_MARKS) and _SHORT_QUOTE.search(raw):
                clean = clean_for_detection(_SHORT_QUOTE.sub(" ", raw), u._max_chars)
            low = " ".join(_prose_words(clean.split()))
            if sum(ch.isalpha() for ch in low) >= min_letters:
                todo.append((u, low))
        if not todo:
            return
        for (u, _low), cands in zip(todo, backend.predict([low for _u, low in todo]), strict=True):
            if cands and cands[0][0] == doc_lang and cands[0][1] >= 0.5:
                u.lang = UND

    def _veto_scripts(self, units: Sequence[Unit], doc_lang: str) -> None:
        """A foreign call that the unit's own letters rule out (:mod:`audit.language.script`: Han characters
        without kana are no Japanese, without Hangul no Korean, CJK letters no Latin-script language) gives
        the unit the language of its script: the document's when that is written with Han characters and the
        unit holds nothing else, else the script's. The model's confidence is kept."""
        for u in units:
            if u.lang in (doc_lang, UND):
                continue
            script = script_language(u.clean)
            if script is not None and contradicts(u.lang, script):
                u.lang = by_script(script, doc_lang)

    def _veto_addresses(self, units: Sequence[Unit], doc_lang: str) -> None:
        """A foreign call whose evidence rests on web addresses without a scheme becomes ``und``: a line
        "Harvest on Fort Pond / bestes Abendessen in Montauk /harvestfortpond.com" has too few letters
        of evidence once its address is left out (the cleaning removes only addresses with ``http://``
        or ``www.``)."""
        for u in units:
            raw = u._raw
            if u.lang in (doc_lang, UND) or "." not in raw or not BARE_ADDRESS.search(raw):
                continue
            if evidence_chars(BARE_ADDRESS.sub(" ", raw)) < self.config.min_chars:
                u.lang = UND

    def classify(self, units: Sequence[Unit], doc_lang: str | None = None, report_floor: float | None = None) -> str:
        """Identify units (those with enough evidence); return the dominant language.

        auto: langdetect is asked about a unit only where its answer can matter:

        * fastText's top language is not the document's and is probable enough that the
          averaged confidence could still reach ``min_confidence`` (``report_floor``,
          by default ``2 * min_confidence - 1``): the unit would be reported. A long unit
          (``trust_min_chars`` of evidence) that fastText gives ``confirm_below`` or more
          is trusted as it is;
        * the document's language itself is in doubt (less than half the characters of
          sized units are in units fastText puts in it with ``min_confidence`` or more):
          then every unit below ``confirm_below`` is confirmed.
        """
        cfg = self.config
        if doc_lang:  # units the first reading settled take no part then (no model call, no weight needed)
            units = [u for u in units if not u.screened or u.ft is not None or u.ld is not None]
        sized = [units[i] for i in _sized(units, cfg.min_chars)]
        self._screen(sized)
        lang = doc_lang or dominant(weights_of(sized))
        if self.fasttext is None or self.langdetect is None:
            return lang
        floor = 2 * cfg.min_confidence - 1 if report_floor is None else report_floor
        total = sum(u.chars for u in sized)
        for _ in range(3):  # confirm, recompute the dominant language, repeat if it moved
            sure = sum(u.chars for u in sized if u.ft and u.ft[0][0] == lang and u.ft[0][1] >= cfg.min_confidence)
            doubtful = doc_lang is None and 2 * sure < total
            todo = []
            for u in sized:
                if u.ld is not None or not u.ft:
                    continue
                top, p = u.ft[0]
                if top != lang:
                    trusted = p >= cfg.confirm_below and u.at_least(cfg.trust_min_chars)
                    if p >= floor and not trusted:
                        todo.append(u)
                elif doubtful and p < cfg.confirm_below:
                    todo.append(u)
            self._confirm(todo)
            new = doc_lang or dominant(weights_of(sized))
            if new == lang:
                break
            lang = new
        return lang

    def screen(
        self, text: str, units: Sequence[Unit], sentences: Sequence[Span], layer: TextLayer | None = None
    ) -> str | None:
        """First reading (:mod:`audit.language.screen`): the document's language when a sample
        and the vocabulary test agree on at least half of the classifiable characters, with
        those passages set to it (``screened``) and the others identified in full; else None
        (nothing is set, the caller reads every passage in full)."""
        cfg = self.config
        if not cfg.screen or self.fasttext is None:
            return None
        sized = _sized(units, cfg.min_chars)
        if not sized:
            return None
        sample, whole = _sample(units, sized, cfg.sample_chars)
        # k=20: a short document's sample is its whole text, and read_short reuses this answer (cached).
        cands = self.fasttext.predict([sample], k=20)[0]
        if (
            cands
            and cands[0][1] < cfg.sample_min_probability
            and not whole
            and cfg.sample_retry_chars > cfg.sample_chars
        ):
            cands = self.fasttext.predict([_sample(units, sized, cfg.sample_retry_chars)[0]])[0]
        if not cands or cands[0][1] < cfg.sample_min_probability:
            return None
        lang, prob = cands[0]
        vocab = vocabulary(lang, cfg.vocabulary_size)
        if vocab is None:
            return None
        bounds = span_bounds(sentences)
        odd_sents = odd_sentences(
            layer if layer is not None else TextLayer(text),
            bounds,
            vocab,
            cfg.screen_min_words,
            cfg.screen_min_coverage,
        )
        # Sentences that disagree with the vocabulary (rare words, or another language): read alone by
        # fastText (one batch), those it puts in the candidate language agree after all; only passages
        # holding a sentence that still disagrees are read in full. Sentences of passages too short to be
        # classified are not read: nothing below looks at those passages (the sentence pass reads only
        # passages with evidence, and the starts that agreed only for the sentences of such passages).
        spans = [u.span for u in units]
        to_read = odd_sents
        if odd_sents.any():
            classified = np.zeros(len(units) + 1, dtype=bool)  # the last entry: before the first passage
            classified[sized] = True
            to_read = odd_sents & classified[passage_index(spans, bounds[:, 0])]
        still_odd = self._confirm_odd(text, sentences, to_read, lang) if to_read.any() else to_read
        odd = passages_of(spans, bounds[:, 0], still_odd)
        agree = [i for i in sized if i not in odd]
        if 2 * sum(units[i].chars for i in agree) < sum(units[i].chars for i in sized):
            return None
        for i in agree:
            u = units[i]
            u.lang, u.conf, u.screened = lang, prob, True
        # A passage read in full keeps the starts of its sentences that agreed: the sentence pass gives
        # them the document's language without a model call.
        if odd:
            agreeing = frozenset(bounds[~odd_sents, 0].tolist())
            for i in odd:
                units[i].agreeing = agreeing
        self.classify([units[i] for i in sized if i in odd], doc_lang=lang)
        return lang

    def _confirm_odd(self, text: str, sentences: Sequence[Span], odd: np.ndarray, lang: str) -> np.ndarray:
        """``odd`` (bool per sentence) without the sentences fastText reads as ``lang`` with
        ``screen_confirm_probability`` or more (each sentence's cleaned text, as the sentence pass
        reads it: the answers are cached for it)."""
        cfg = self.config
        assert self.fasttext is not None  # screen() runs with fastText only
        if cfg.screen_confirm_probability >= 1.0:
            return odd
        which = np.flatnonzero(odd).tolist()
        doc = self.cleaner(text)
        cleans = [doc.clean(sentences[i].start, sentences[i].end, cfg.max_chars) for i in which]
        out = odd.copy()
        for i, cands in zip(which, self.fasttext.predict(cleans), strict=True):
            if cands and cands[0][0] == lang and cands[0][1] >= cfg.screen_confirm_probability:
                out[i] = False
        return out

    def identify_text(self, text: str) -> tuple[str, float]:
        """The language of one text as a whole (used for documents of short lines)."""
        unit = Unit.lazy(Span(0, len(text)), text, self.config.max_chars)  # one unit: no document cleaner
        if unit.evidence < self.config.doc_min_chars:
            return UND, 0.0
        self._screen([unit])
        if self.fasttext is None or not unit.ft or unit.ft[0][1] >= self.config.confirm_below:
            return unit.lang, unit.conf
        # fastText unsure: the words decide among its candidates (cheap), langdetect only if they cannot.
        prose, every = prose_words(text)  # tokens()' words outside names, and all, without a Token per word
        lang, conf = identify_short(prose or every, unit.ft)
        if conf >= self.config.min_confidence:
            unit.lang, unit.conf = lang, conf
        elif self.langdetect is not None:
            self._confirm([unit])
        return unit.lang, unit.conf


@dataclass(frozen=True)
class ShortReading:
    """A short text read word by word: its language, confidence and runs of words per language."""

    lang: str
    conf: float
    #: Runs of words in two languages, when the text mixes them (else empty).
    runs: tuple[Run, ...] = ()

    def weights(self) -> dict[str, float]:
        """Characters of the counted runs per language."""
        w: dict[str, float] = {}
        for r in self.runs:
            w[r.lang] = w.get(r.lang, 0.0) + (r.end - r.start)
        return w


#: fastText candidates a short text is read with (word evidence and the pair of a mix).
SHORT_CANDIDATES = 20


class ShortWords(NamedTuple):
    """What :func:`read_short` reads of a short text before it needs the passage reading's answer:
    fastText's candidates, the words (outside names when there are any) and the counted runs."""

    cands: Candidates
    words: list[str]
    runs: tuple[Run, ...]


def read_short(
    fasttext,
    text: str,
    cfg: LanguageConfig,
    known: str = UND,
    known_conf: float = 0.0,
    clean: str | None = None,
) -> ShortReading:
    """The language of a short text from fastText's candidates and its words, with runs of words
    in the two likeliest languages (only runs with ``run_min_letters`` and ``run_min_margin``).
    ``known``: the language the passage reading found (then only the runs are computed).
    ``clean``: :func:`clean_for_detection` of ``text`` when the caller has it."""
    return finish_short(short_words_batch(fasttext, [(text, clean)], cfg, batched=False)[0], cfg, known, known_conf)


def finish_short(
    words: ShortWords | None, cfg: LanguageConfig, known: str = UND, known_conf: float = 0.0
) -> ShortReading:
    """:func:`read_short` from its words (:func:`short_words_batch`; None: nothing to read)."""
    if words is None:
        return ShortReading(UND, 0.0)
    if known != UND:
        lang, conf = known, known_conf
    else:
        lang, conf = identify_short(words.words, words.cands[:5])
        if conf < cfg.short_min_confidence:
            lang = UND
    return ShortReading(lang, conf, words.runs)


def short_words_batch(
    fasttext, items: Sequence[tuple[str, str | None]], cfg: LanguageConfig, batched: bool = True
) -> list[ShortWords | None]:
    """:class:`ShortWords` of short texts (``(text, clean)``, ``clean`` as for :func:`read_short`), None for
    a text with no cleaned text, no candidates or no words. ``batched``: the words read without their
    offsets (:func:`audit.language.short.prose_words`), the word-pair arithmetic and the labelling's first
    bound for all texts at once (:func:`audit.language.short.pairs_with_frequencies`, the same answers);
    else text by text, as :func:`read_short` always did."""
    out: list[ShortWords | None] = [None] * len(items)
    read: list[tuple[int, Candidates, str, list[Token] | None, list[str]]] = []  # texts that get a pair
    cleans = [clean_for_detection(text, cfg.max_chars) if clean is None else clean for text, clean in items]
    for i, ((text, _c), clean, cands) in enumerate(
        zip(items, cleans, fasttext.predict(cleans, k=SHORT_CANDIDATES), strict=True)
    ):
        if not clean:
            continue
        toks: list[Token] | None = None
        if batched:  # the words without their offsets (those only for the texts whose runs are labelled)
            prose, words = prose_words(text)
        else:
            toks = tokens(text)
            prose, words = [t.word for t in toks if not t.name], [t.word for t in toks]
        words = prose or words
        if not cands or not words:
            continue
        out[i] = ShortWords(cands, words, ())
        if not clearly_one(prose, cands, cfg) and not unlisted_lead(cands, words, cfg):
            read.append((i, cands, text, toks, prose))
    if not read:
        return out
    stopped: dict[int, bool] = {}
    if batched:
        pairs = pairs_with_frequencies([(prose, cands) for _i, cands, *_r, prose in read], cfg.pair_min_probability)
        # The labelling's first bound for all of them at once: most stop there.
        with_logf = [(k, logf) for k, (pair, logf) in enumerate(pairs) if pair is not None and logf is not None]
        fails = bounds_fail([logf for _k, logf in with_logf], cfg.run_min_margin)
        stopped = {k: fail for (k, _logf), fail in zip(with_logf, fails, strict=True)}
    else:
        pairs = [pair_with_frequencies(prose, cands, cfg.pair_min_probability) for _i, cands, *_r, prose in read]
    for k, ((i, _cands, text, toks, _prose), (pair, logf)) in enumerate(zip(read, pairs, strict=True)):
        if pair is None or stopped.get(k, False):
            continue
        runs = _counted(tokens(text) if toks is None else toks, pair, logf, cfg)
        if runs:
            sw = out[i]
            assert sw is not None
            out[i] = sw._replace(runs=runs)
    return out


def _counted(toks: list[Token], pair: tuple[str, str], logf: np.ndarray | None, cfg: LanguageConfig) -> tuple[Run, ...]:
    """The counted runs of a short text in ``pair``, or () when one language holds under ``run_min_share``
    of their characters."""
    runs = counted_runs(
        toks,
        pair,
        cfg.switch_penalty,
        cfg.run_min_letters,
        cfg.run_min_margin,
        # the most frequent words of each language, a list read once per language
        lambda: (vocabulary(pair[0], cfg.run_vocabulary_size), vocabulary(pair[1], cfg.run_vocabulary_size)),
        logf,
    )
    if runs:
        chars: dict[str, int] = {}
        for r in runs:
            chars[r.lang] = chars.get(r.lang, 0) + (r.end - r.start)
        if min(chars.values()) < cfg.run_min_share * sum(chars.values()):
            return ()
    return runs


def unlisted_lead(cands: Candidates, words: Sequence[str], cfg: LanguageConfig) -> bool:
    """Is the text in a language without a word list, so that word runs cannot be read in it? Yes when
    fastText's likeliest language has no list and is more probable than all the listed candidates together,
    and fewer than half of the words (outside names) are among the ``vocabulary_size`` most frequent words of
    the two likeliest listed candidates (an Esperanto or Irish proverb: its words are unknown to every list, so
    runs in two listed languages, Spanish and Lithuanian, would be noise; an English-Spanish tweet that
    fastText calls Esperanto is still read word by word, since its words are listed)."""
    if not cands or not words or cands[0][0] in (listed := listed_languages()):
        return False
    if cands[0][1] <= sum(p for lang, p in cands if lang in listed):
        return False
    two = [lang for lang, _p in cands if lang in listed][:2]
    vocabularies = [v for v in (vocabulary(lang, cfg.vocabulary_size) for lang in two) if v is not None]
    return bool(vocabularies) and 2 * sum(any(w in v for v in vocabularies) for w in words) < len(words)


def clearly_one(prose: Sequence[str], cands: Candidates, cfg: LanguageConfig) -> bool:
    """Is a short text clearly in fastText's top language, so that the word-by-word labelling is
    skipped (no mix)? ``prose``: its lower-case words outside names. Yes when every word is among
    the language's ``run_vocabulary_size`` most frequent words (then no run of another language
    can hold a word outside them, and none counts), or when the text is long enough
    (``clear_min_words``), fastText is confident (``clear_min_probability``) and few words
    (``clear_max_unknown``, never two in a row) are outside its ``vocabulary_size`` words: one
    foreign-looking word in a sentence of news ("above par") is not a switch of language."""
    if not prose or not cands:
        return False
    top, p = cands[0]
    common = vocabulary(top, cfg.run_vocabulary_size)
    if common is None:
        return False
    if all(w in common for w in prose):
        return True
    n = len(prose)
    if n < cfg.clear_min_words or p < cfg.clear_min_probability:
        return False
    known = vocabulary(top, cfg.vocabulary_size)
    if known is None:
        return False
    unknown = 0
    previous = False
    for w in prose:
        out = w not in common and w not in known
        if out and previous:
            return False
        unknown += out
        previous = out
    return unknown <= cfg.clear_max_unknown * n


#: Units of one document from which :func:`_sized` bounds their evidence all at once.
_BOUNDS_MIN = 8


def _sized(units: Sequence[Unit], chars: int) -> list[int]:
    """Indices of the ``units`` with ``chars`` letters of evidence or more. A unit whose raw text is under
    a third of ``chars`` cannot have them (:meth:`Unit.may_reach`): most short lines of a page are left
    out before any method call. Many units of one document: bounds of every unit's evidence from the
    document's running counts (:meth:`DocumentCleaner.evidence_bounds`, kept on the units for later
    tests) decide most of them, the evidence is computed only for the others."""
    if len(units) >= _BOUNDS_MIN and chars > 0:
        doc = units[0]._doc
        if doc is not None and units[0]._max_chars >= EVIDENCE_LIMIT and all(u._doc is doc for u in units):
            return _sized_bounded(units, chars, doc)
    third = (chars + 2) // 3
    out = []
    for i, u in enumerate(units):  # Unit.may_reach and Unit.evidence, inlined (this loop sees every line of a page)
        if u._evidence is None:
            raw = u._raw
            n = len(raw)
            if n < third or (chars > 0 and (n if raw.isascii() else 3 * n) < chars):
                continue
        if u.evidence >= chars:
            out.append(i)
    return out


def _sized_bounded(units: Sequence[Unit], chars: int, doc: DocumentCleaner) -> list[int]:
    """:func:`_sized` of units sharing ``doc`` (each cleaned with ``max_chars`` of at least
    :data:`EVIDENCE_LIMIT`, so that its evidence reads the opening that the bounds describe)."""
    starts = [u.span.start for u in units]
    ends = [u.span.end for u in units]
    lo, hi = doc.evidence_bounds(starts, ends)
    out = []
    third = (chars + 2) // 3
    for i, (u, low, high) in enumerate(zip(units, lo.tolist(), hi.tolist(), strict=True)):
        if u._evidence is None:
            u._lo, u._hi = low, high
            if low >= chars:
                out.append(i)
                continue
            raw = u._raw
            n = len(raw)
            if high < chars or n < third or (n if raw.isascii() else 3 * n) < chars:
                continue
        if u.evidence >= chars:
            out.append(i)
    return out


def _sample(units: Sequence[Unit], sized: Sequence[int], chars: int) -> tuple[str, bool]:
    """The opening ``chars`` characters of the cleaned text of ``units[i]`` for ``i`` in ``sized``, and
    whether that is all of their text (False when it may not be)."""
    parts: list[str] = []
    room = chars
    for i in sized:
        piece = units[i].clean[: max(room, 0)]
        parts.append(piece)
        room -= len(piece) + 1
        if room <= 0:
            return " ".join(parts), False
    return " ".join(parts), True


#: Quotation marks, and a short quotation (up to 60 characters: a title or a name, not a quoted sentence) whose
#: marks stand outside words ("d'Orient" holds no closing mark).
_QUOTE_MARKS = "'\"‘“«"
_SHORT_QUOTE = re.compile(
    r"""(?<!\w)(?:'(?:[^'\n]|'(?=\w)){1,60}?'|"[^"\n]{1,60}?"|‘[^’\n]{1,60}?’|“[^”\n]{1,60}?”|«[^»\n]{1,60}?»)(?!\w)"""
)


def _prose_words(words: list[str]) -> list[str]:
    """The lower-case words of a text that are not particles inside a name: a run of one or two
    lower-case words between two capitalised words ("Groupement des Industries pour le Batiment",
    "Ludwig van Beethoven") belongs to the name."""
    out: list[str] = []
    n = len(words)
    i = 0
    while i < n:
        if not words[i][0].islower():
            i += 1
            continue
        j = i
        while j < n and words[j][0].islower():
            j += 1
        inside_name = i > 0 and j < n and j - i <= 2 and words[i - 1][0].isupper() and words[j][0].isupper()
        if not inside_name:
            out.extend(words[i:j])
        i = j
    return out


def weights_of(units: Iterable[Unit]) -> dict[str, float]:
    w: dict[str, float] = {}
    for u in units:
        if u.lang != UND:
            w[u.lang] = w.get(u.lang, 0.0) + u.chars
    return w
