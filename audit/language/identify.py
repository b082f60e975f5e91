"""Identification of spans: units (passages, sentences) read by the backends, and the
document's dominant language. No rule logic lives here (that is :mod:`audit.language.check`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from audit.language.backends import Candidates, clean_for_detection, evidence_chars, get_backend
from audit.model import Span

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
        best = (ft or ld)[0]
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

    def __post_init__(self) -> None:
        if self.backend not in ("auto", "fasttext", "langdetect"):
            raise ValueError(f"backend must be auto, fasttext or langdetect, not {self.backend!r}")
        for name in ("min_confidence", "confirm_below", "group_min_probability", "sentence_check_below"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value!r}")
        for name in ("min_chars", "group_min_chars", "doc_min_chars", "max_chars", "trust_min_chars"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")


# --------------------------------------------------------------------------- identification


class Unit:
    """One span being identified: a passage or a sentence."""

    __slots__ = ("span", "clean", "evidence", "ft", "ld", "lang", "conf")

    def __init__(self, span: Span, clean: str, evidence: int) -> None:
        self.span = span
        self.clean = clean
        self.evidence = evidence
        self.ft: Candidates | None = None
        self.ld: Candidates | None = None
        self.lang = UND
        self.conf = 0.0


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

    # -- unit level

    def units(self, text: str, spans: Iterable[Span]) -> list[Unit]:
        cfg = self.config
        out = []
        for span in spans:
            raw = text[span.start : span.end]
            clean = clean_for_detection(raw, cfg.max_chars)
            out.append(Unit(span, clean, evidence_chars(raw, clean)))
        return out

    def _screen(self, units: Sequence[Unit]) -> None:
        """First reading: fastText (or langdetect when it is the only backend)."""
        todo = [u for u in units if u.ft is None and u.ld is None and u.clean]
        if not todo:
            return
        if self.fasttext is not None:
            for u, cands in zip(todo, self.fasttext.predict([u.clean for u in todo]), strict=False):
                u.ft = cands
        else:
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
        verbs, German too, whose nouns alone are capitalised).
        """
        backend = self.fasttext or self.langdetect
        todo = []
        for u in units:
            if u.lang in (doc_lang, UND):
                continue
            low = " ".join(w for w in u.clean.split() if w[0].islower())
            if sum(ch.isalpha() for ch in low) >= min_letters:
                todo.append((u, low))
        if not todo:
            return
        for (u, _low), cands in zip(todo, backend.predict([low for _u, low in todo]), strict=True):
            if cands and cands[0][0] == doc_lang and cands[0][1] >= 0.5:
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
        sized = [u for u in units if u.evidence >= cfg.min_chars]
        self._screen(sized)
        lang = doc_lang or dominant(weights_of(sized))
        if self.fasttext is None or self.langdetect is None:
            return lang
        floor = 2 * cfg.min_confidence - 1 if report_floor is None else report_floor
        total = sum(len(u.span) for u in sized)
        for _ in range(3):  # confirm, recompute the dominant language, repeat if it moved
            sure = sum(len(u.span) for u in sized if u.ft and u.ft[0][0] == lang and u.ft[0][1] >= cfg.min_confidence)
            doubtful = doc_lang is None and 2 * sure < total
            todo = []
            for u in sized:
                if u.ld is not None or not u.ft:
                    continue
                top, p = u.ft[0]
                if top != lang:
                    trusted = p >= cfg.confirm_below and u.evidence >= cfg.trust_min_chars
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

    def identify_text(self, text: str) -> tuple[str, float]:
        """The language of one text as a whole (used for documents of short lines)."""
        unit = self.units(text, [Span(0, len(text))])[0]
        if unit.evidence < self.config.doc_min_chars:
            return UND, 0.0
        self._screen([unit])
        if self.fasttext is not None and self.langdetect is not None and unit.ft \
                and unit.ft[0][1] < self.config.confirm_below:
            self._confirm([unit])
        return unit.lang, unit.conf


def weights_of(units: Iterable[Unit]) -> dict[str, float]:
    w: dict[str, float] = {}
    for u in units:
        if u.lang != UND:
            w[u.lang] = w.get(u.lang, 0.0) + len(u.span)
    return w
