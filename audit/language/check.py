"""Language map: the language of every document and passage; mixed-language text flagged.

How a document is read (see docs/language.md for the measurements behind the defaults):

1. Every passage (paragraph, or line in line-structured text) is cleaned (URLs,
   digits, symbols removed) and measured: its *evidence* is the number of letters
   outside proper names (capitalised words that do not open a sentence). Below
   ``min_chars`` of evidence a passage is ``und`` -- too short to call.
2. The ``auto`` backend screens every passage with fastText and asks langdetect as
   well only where it matters: when fastText is unsure (top probability below
   ``confirm_below``) or when the passage would be reported (its language is not the
   document's). The two backends' probabilities are then averaged per language
   (langdetect abstains on languages it does not know). A passage whose final
   confidence is below ``min_confidence`` is ``und``. ``und`` is never reported.
3. The document's language is the one covering most classified characters; its
   ``languages`` are the shares of classified characters per language. A document with
   no classified passage is read as a whole (short documents of short lines).
4. Consecutive passages in the same foreign language form one LANG001 finding, with
   the short lines around and between them (headlines, bylines) when their own evidence
   points to that language rather than the document's.
5. A long passage in the document's language whose fastText probability is not
   clear-cut is also read sentence by sentence, so a foreign sentence inside an English
   paragraph is found too.

Other checks read ``ctx.language``, ``ctx.languages`` and ``ctx.passage_languages``
(``(Span, language, confidence)`` for every passage, sentence spans inside mixed
passages) and ``ctx.language_at(offset)``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable, Sequence

from audit.language.identify import (
    SHORT_CANDIDATES,
    UND,
    LanguageConfig,
    LanguageIdentifier,
    ShortReading,
    ShortWords,
    Unit,
    dominant,
    finish_short,
    prob_of,
    read_short,
    shares,
    short_words_batch,
    weights_of,
)
from audit.language.prose import prose_rest, set_aside
from audit.language.script import HAN_WRITERS, by_script, contradicts, script_language
from audit.model import Category, Finding, Severity, Span
from audit.rules import DocContext, DocumentCheck, Rule

LANG001 = Rule(
    id="LANG001",
    name="foreign-passage",
    category=Category.LANGUAGE,
    severity=Severity.WARNING,
    description="Passage in a language other than the document's dominant language "
    "(warning; info for a foreign sentence inside a paragraph, usually a quote).",
    flags=(
        "An English news page that embeds a Spanish paragraph (with its Spanish headline).",
        "A French sentence pasted into the middle of an English paragraph.",
    ),
    not_flags=(
        "An English paragraph quoting a Spanish name or a short phrase ('Comunidades Seguras').",
        "A Spanish paragraph with English loanwords, names and URLs.",
        "Short lines (bylines, 'Categories:', table rows) that are too short to call.",
    ),
)
LANG002 = Rule(
    id="LANG002",
    name="unexpected-language",
    category=Category.LANGUAGE,
    severity=Severity.WARNING,
    description="Document's dominant language is not one of the expected `languages`.",
    flags=('A Spanish article in a corpus configured with languages = ["en"].',),
    not_flags=("Any document when `languages` is empty (the default).",),
)
LANG003 = Rule(
    id="LANG003",
    name="undetermined-language",
    category=Category.LANGUAGE,
    severity=Severity.INFO,
    description="Document's language cannot be determined (too little text, or no backend is confident).",
    flags=("12345 | 678 | ---", "--- | *** | 42"),
    not_flags=("", "Read more", "The council approved the budget on Tuesday after a two-hour debate."),
)

LANG004 = Rule(
    id="LANG004",
    name="code-switching",
    category=Category.LANGUAGE,
    severity=Severity.INFO,
    description="Text alternating between languages (words of two languages in one short text, or "
    "three switches or more between sentences or passages); one finding with the languages and their "
    "shares, instead of one LANG001 per fragment.",
    flags=(
        "A tweet that starts in English and goes on in Spanish ('I love this song, la escucho todo el día').",
        "An interview whose answers alternate between Spanish and English sentences.",
    ),
    not_flags=(
        "An English text with one Spanish name or a quoted phrase.",
        "An English page with one Spanish paragraph (that is LANG001).",
    ),
)

#: English names for messages (codes are what data and reports carry).
LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ca": "Catalan",
    "gl": "Galician",
    "eu": "Basque",
    "ro": "Romanian",
    "pl": "Polish",
    "cs": "Czech",
    "sk": "Slovak",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "fi": "Finnish",
    "et": "Estonian",
    "hu": "Hungarian",
    "tr": "Turkish",
    "ru": "Russian",
    "uk": "Ukrainian",
    "bg": "Bulgarian",
    "el": "Greek",
    "ar": "Arabic",
    "he": "Hebrew",
    "fa": "Persian",
    "hi": "Hindi",
    "bn": "Bengali",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "vi": "Vietnamese",
    "th": "Thai",
    "id": "Indonesian",
    "ms": "Malay",
    "tl": "Tagalog",
    "sw": "Swahili",
    "la": "Latin",
    "hr": "Croatian",
    "sr": "Serbian",
    "sl": "Slovenian",
    "lt": "Lithuanian",
    "lv": "Latvian",
}


def language_name(code: str) -> str:
    name = LANGUAGE_NAMES.get(code)
    return f"{name} ({code})" if name else code


# --------------------------------------------------------------------------- the check


def _by_letters(text: str, units: list[Unit], doc_lang: str) -> str:
    """The document's language once the passages' calls that their letters rule out are corrected
    (:mod:`audit.language.script`): a passage called in a language written in another script (a line of Han
    characters called English) takes its script's language; a line of Han characters alone called Japanese
    keeps its call (kanji headlines of a Japanese page) unless the document has no kana at all to speak of
    (its CJK letters read as Han alone), when no line of it is Japanese."""
    changed = False
    for u in units:
        if u.lang == UND or u.lang in HAN_WRITERS:
            continue
        script = script_language(u.clean)
        if script is not None and contradicts(u.lang, script):
            u.lang, changed = script, True
    if changed:
        doc_lang = dominant(weights_of(units))
    if doc_lang == "ja" and script_language(text) == "zh":
        for u in units:
            if u.lang == "ja" and script_language(u.clean) == "zh":
                u.lang = "zh"
        doc_lang = dominant(weights_of(units))
    return doc_lang


def _confidence(units: list[Unit], lang: str) -> float:
    """Character-weighted confidence of the units identified as ``lang`` (0 when there are none)."""
    chars = sum(u.chars for u in units if u.lang == lang)
    return sum(u.conf * u.chars for u in units if u.lang == lang) / chars if chars else 0.0


def _rounded(units: list[Unit]) -> dict[float, float]:
    """``round(conf, 4)`` of each distinct confidence of ``units`` (a page's lines share a few: ``round`` with
    digits formats its number, about ten times a dictionary lookup). Confidences are probabilities, never
    ``-0.0``, so equal keys round alike."""
    return {c: round(c, 4) for c in {u.conf for u in units}}


@dataclass
class _Run:
    lang: str
    units: list[Unit]
    core: list[Unit]  # the classified units (not the grouped short lines)


@dataclass
class _Reading:
    doc_lang: str
    units: list[Unit]
    weights: dict[str, float]
    sentence_units: dict[int, list[Unit]]
    short: ShortReading | None
    conf: float


class LanguageCheck(DocumentCheck):
    """Publishes document and passage languages; flags foreign passages and unexpected languages."""

    rules = (LANG001, LANG002, LANG003, LANG004)
    section = "language"
    config_class = LanguageConfig
    order = 10
    provides = frozenset({"language"})

    def __init__(self, config=None, settings=None) -> None:
        super().__init__(config, settings)
        self._identifier: LanguageIdentifier | None = None
        #: The short records of the batch being checked (prepare_batch), by id: (context, units, words).
        self._batch: dict[int, tuple[DocContext, list[Unit], ShortWords | None]] = {}

    @property
    def identifier(self) -> LanguageIdentifier:
        if self._identifier is None:  # models load on first use, not at import or construction
            self._identifier = LanguageIdentifier(self.config)
        return self._identifier

    def preload(self) -> None:
        ident = self.identifier  # fastText's model loads with its backend
        if ident.langdetect is not None:
            ident.langdetect.preload()

    def prepare_batch(self, ctxs: Sequence[DocContext]) -> None:
        """Read the short records of a batch word by word at once (:func:`short_words_batch`: one lookup
        of all their words and the word-pair arithmetic for all of them, instead of some thirty numpy calls
        per record); :meth:`check` takes each record's answer (the same as it would compute) and the
        previous batch's are dropped."""
        self._batch = {}
        cfg = self.config
        ident = self.identifier
        if ident.fasttext is None or cfg.short_max_chars <= 0:
            return
        found: list[tuple[DocContext, list[Unit]]] = []
        items: list[tuple[str, str | None]] = []
        for ctx in ctxs:
            text = ctx.text
            if len(text) > cfg.short_max_chars or not text.strip():
                continue
            units = ident.units(text, ctx.passages)
            if len(units) != 1:
                continue
            found.append((ctx, units))
            items.append((text, self._short_clean(text, units[0])))
        if not found:
            return
        # The passage reading's model call first, as check() makes it (its answers stay cached).
        ident.fasttext.predict([units[0].clean for _ctx, units in found], k=SHORT_CANDIDATES)
        words = short_words_batch(ident.fasttext, items, cfg)
        self._batch = {id(ctx): (ctx, units, w) for (ctx, units), w in zip(found, words, strict=True)}

    def _short_clean(self, text: str, u: Unit) -> str | None:
        """The passage's cleaned text when only white space lies outside it (then it is the record's)."""
        whole = (
            len(text) <= self.config.max_chars and not text[: u.span.start].strip() and not text[u.span.end :].strip()
        )
        return u.clean if whole else None

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        if not text.strip():
            return ()
        r = self._read(ctx)
        doc_lang, units = r.doc_lang, r.units
        ctx.language = doc_lang
        ctx.languages = shares(r.weights)
        ctx.stats["language_confidence"] = round(r.conf, 4)

        findings: list[Finding] = []
        if doc_lang == UND:
            if self.wants("LANG003"):
                findings.append(
                    LANG003.finding(
                        (0, len(text)),
                        "document language cannot be determined: too little text outside names, numbers "
                        "and symbols, or no backend is confident",
                        data={"language": UND, "evidence_chars": sum(u.evidence for u in units)},
                    )
                )
            rounded = _rounded(units)
            ctx.passage_languages = [(u.span, UND, rounded[u.conf]) for u in units]
            return findings

        expected = tuple(self.settings.languages or ())
        # "EN", "en-US" and "en_GB" all mean English.
        primary = {code.strip().lower().replace("_", "-").split("-")[0] for code in expected}
        if expected and doc_lang not in primary and self.wants("LANG002"):
            share = ctx.languages.get(doc_lang, 1.0)
            findings.append(
                LANG002.finding(
                    (0, len(text)),
                    f"document is in {language_name(doc_lang)} ({share:.0%} of classified text); "
                    f"expected {', '.join(expected)}",
                    data={"language": doc_lang, "confidence": share, "expected": list(expected)},
                )
            )

        runs = self._runs(units, doc_lang)
        ctx.passage_languages = self._annotations(r, runs)
        mix = self._mix(ctx, r)
        if mix is not None:
            if self.wants("LANG004"):
                findings.append(mix)
        elif self.wants("LANG001"):
            for run in runs:
                findings.append(self._finding(run, doc_lang))
            for i in sorted(r.sentence_units):
                for run in self._runs(r.sentence_units[i], doc_lang, group=False):
                    findings.append(self._finding(run, doc_lang, sentence=True))
        findings.sort(key=lambda f: (f.start, f.rule))
        return findings

    def _read(self, ctx: DocContext) -> _Reading:
        """Identify the document: passages (first reading, then in full where needed), sentences,
        and for a short document its words."""
        text = ctx.text
        ident = self.identifier
        cfg = self.config
        prepared = self._batch.pop(id(ctx), None) if self._batch else None
        if prepared is not None and prepared[0] is not ctx:
            prepared = None
        units = prepared[1] if prepared is not None else ident.units(text, ctx.passages)
        # A short record of one passage is also read word by word below, with fastText's top 20: asked
        # first, they answer the passage reading's top 3 as well (one model call, the same answers).
        short_record = len(units) == 1 and len(text) <= cfg.short_max_chars and ident.fasttext is not None
        if short_record and ident.fasttext is not None:
            ident.fasttext.predict([units[0].clean], k=SHORT_CANDIDATES)
        # The first reading pays off on documents of several passages; one passage is read in full.
        doc_lang = (len(units) > 1 and ident.screen(text, units, ctx.sentences, ctx.layer)) or ident.classify(units)
        aside: frozenset[int] = frozenset()
        if doc_lang != UND and not text.isascii():
            doc_lang = _by_letters(text, units, doc_lang)
        if doc_lang != UND:
            doc_lang, aside = set_aside(ident, text, units, doc_lang)  # code and pinyin are not prose
            ident.veto_names(units, doc_lang)
        sentence_starts = [sp.start for sp in ctx.sentences] if cfg.sentence_check_below > 0 else []
        if doc_lang != UND and cfg.sentence_check_below > 0:
            units = self._split_mixed_foreign(ctx, units, doc_lang, sentence_starts)
        weights = weights_of(units)
        # Pages made mostly of short lines: read the unclassified passages together, so
        # a few long lines (a copyright notice, a caption) do not decide the language.
        rest = [u for u in units if u.lang == UND and id(u) not in aside]
        total = sum(u.chars for u in units if id(u) not in aside)
        if rest and 2 * sum(u.chars for u in rest) > total:
            # code and pinyin lines are not read with them (the lines of a listing too, where some were set aside)
            rest, total = prose_rest(text, rest, total, units if aside else None)
        rest_chars = sum(u.chars for u in rest)
        rest_conf = 0.0
        if rest and 2 * rest_chars > total:
            rest_text = "\n".join(text[u.span.start : u.span.end] for u in rest)
            lang, rest_conf = ident.identify_text(rest_text)
            script = script_language(rest_text) if lang != UND else None
            if script is not None and contradicts(lang, script):  # Han alone is no Japanese, and so on
                lang = by_script(script, doc_lang)
            if lang != UND:
                weights[lang] = weights.get(lang, 0.0) + rest_chars
                new = dominant(weights)
                if new != doc_lang:
                    doc_lang = ident.classify(units, doc_lang=new)  # confirm against the new language
                    weights = weights_of(units)
                    weights[lang] = weights.get(lang, 0.0) + rest_chars
        short = None
        # A short text of one passage is also read word by word (its language when the passage
        # reading leaves it und, and runs of words in two languages).
        if short_record:
            known_conf = _confidence(units, doc_lang) or rest_conf
            if prepared is not None:  # read in prepare_batch
                short = finish_short(prepared[2], cfg, doc_lang, known_conf)
            else:
                short = read_short(ident.fasttext, text, cfg, doc_lang, known_conf, self._short_clean(text, units[0]))
            mixed = short.weights()
            if len(mixed) >= 2:
                weights = mixed
                doc_lang = dominant(mixed)
            elif doc_lang == UND and short.lang != UND:
                doc_lang, weights = short.lang, {short.lang: float(len(units[0].span))}
        # Sentence pass: foreign sentences inside passages of the document's language.
        sentence_units: dict[int, list[Unit]] = {}
        if doc_lang != UND and cfg.sentence_check_below > 0 and not (short and len(short.weights()) >= 2):
            sentence_units = self._sentence_pass(ctx, units, doc_lang, sentence_starts)
            for i, sents in sentence_units.items():  # shares from the sentences, not the mixed passage
                u = units[i]
                if u.lang != UND:
                    weights[u.lang] = weights.get(u.lang, 0.0) - u.chars
                for s in sents:
                    lang = s.lang if s.lang != UND else doc_lang
                    weights[lang] = weights.get(lang, 0.0) + s.chars
                weights = {k: v for k, v in weights.items() if v > 0}
        conf = _confidence(units, doc_lang)
        if not conf:
            conf = short.conf if short is not None and short.lang == doc_lang else rest_conf
        return _Reading(doc_lang, units, weights, sentence_units, short, conf)

    def _annotations(self, r: _Reading, runs: list[_Run]) -> list[tuple[Span, str, float]]:
        """Per-span languages: sentence spans replace a mixed passage, word runs a mixed short text."""
        if r.short is not None and len(r.short.weights()) >= 2:
            return [(Span(x.start, x.end), x.lang, round(r.short.conf, 4)) for x in r.short.runs]
        rounded = _rounded(r.units)
        if not runs and not r.sentence_units:  # every unit with its own language (most documents)
            return [(u.span, u.lang, rounded[u.conf]) for u in r.units]
        grouped = {id(u): run.lang for run in runs for u in run.units}
        annotations: list[tuple[Span, str, float]] = []
        for i, u in enumerate(r.units):
            if i in r.sentence_units:
                for s in r.sentence_units[i]:
                    annotations.append((s.span, s.lang if s.lang != UND else r.doc_lang, round(s.conf, 4)))
                continue
            annotations.append((u.span, grouped.get(id(u), u.lang), rounded[u.conf]))
        return annotations

    def _mix(self, ctx: DocContext, r: _Reading) -> Finding | None:
        """LANG004 when the text alternates between languages: words of two languages inside one
        short text, or three switches or more between classified spans; each language of the mix
        holds at least ``mix_min_share`` of the classified characters."""
        major = {k: v for k, v in ctx.languages.items() if v >= self.config.mix_min_share}
        if len(major) < 2:
            return None
        seq = [lang for _span, lang, _c in ctx.passage_languages if lang in major]
        switches = sum(1 for a, b in zip(seq, seq[1:], strict=False) if a != b)
        words = r.short is not None and len(r.short.weights()) >= 2
        if not words and switches < 3:
            return None
        parts = ", ".join(f"{language_name(k)} {v:.0%}" for k, v in major.items())
        unit = "runs of words" if words else "sentences or passages"
        return LANG004.finding(
            (0, len(ctx.text)),
            f"text alternates between languages ({parts}; {switches} switches between {unit})",
            data={"languages": dict(major), "switches": switches, "level": "words" if words else "sentences"},
        )

    # -- helpers

    def _runs(self, units: list[Unit], doc_lang: str, group: bool = True) -> list[_Run]:
        """Consecutive foreign units of one language, with the short lines that belong to them."""
        runs: list[_Run] = []
        i = 0
        n = len(units)
        while i < n:
            u = units[i]
            if u.lang == UND or u.lang == doc_lang:
                i += 1
                continue
            lang = u.lang
            members, core = [u], [u]
            j = i + 1
            while j < n:
                v = units[j]
                if v.lang == lang:
                    members.append(v)
                    core.append(v)
                    j += 1
                    continue
                # A short line between two passages of the run joins it if it supports the run.
                between = group and v.lang == UND and j + 1 < n and units[j + 1].lang == lang
                if between and self._supports(v, lang, doc_lang):
                    members.append(v)
                    j += 1
                    continue
                break
            if group:
                k = i - 1
                while (
                    k >= 0
                    and units[k].lang == UND
                    and (not runs or units[k] not in runs[-1].units)
                    and self._supports(units[k], lang, doc_lang)
                ):
                    members.insert(0, units[k])
                    k -= 1
                while j < n and units[j].lang == UND and self._supports(units[j], lang, doc_lang):
                    members.append(units[j])
                    j += 1
            runs.append(_Run(lang, members, core))
            i = j
        return runs

    def _supports(self, u: Unit, lang: str, doc_lang: str) -> bool:
        """Does a short (``und``) unit's own evidence point to ``lang`` rather than ``doc_lang``?"""
        cfg = self.config
        if not u.at_least(cfg.group_min_chars) or not u.clean:
            return False
        if contradicts(lang, script_language(u.clean)):  # its letters rule the language out (Han without kana)
            return False
        ident = self.identifier
        if u.ft is None and u.ld is None:
            ident._screen([u])
            u.lang = UND  # still too short to be called on its own (it may only join a run)
        if u.ft and u.ft[0][1] >= cfg.confirm_below and u.ft[0][0] in (lang, doc_lang):
            return u.ft[0][0] == lang  # fastText is decisive: no need to ask langdetect
        ident._confirm([u])
        u.lang = UND
        both = u.ft is not None and u.ld is not None
        p_run = (prob_of(u.ft, lang) + prob_of(u.ld, lang)) / (2 if both else 1)
        p_doc = (prob_of(u.ft, doc_lang) + prob_of(u.ld, doc_lang)) / (2 if both else 1)
        return p_run >= cfg.group_min_probability and p_run > p_doc

    def _sentence_units(
        self, ctx: DocContext, u: Unit, doc_lang: str, starts: list[int], screened: bool = False
    ) -> list[Unit] | None:
        """The sentences of ``u`` (``starts``: the document's sentence starts), identified against the
        document's language with the names veto; None when ``u`` holds fewer than two sentences.
        ``screened``: sentences that agreed with the first reading's vocabulary test are in the
        document's language (the passage's confidence) without a model call."""
        lo = bisect_left(starts, u.span.start)
        hi = bisect_left(starts, u.span.end)
        if hi - lo < 2:
            return None
        ident = self.identifier
        sents = ident.units(ctx.text, ctx.sentences[lo:hi])
        if screened and u.agreeing:
            for s in sents:
                if s.span.start in u.agreeing:
                    s.lang, s.conf, s.screened = doc_lang, u.conf, True
        ident.classify(sents, doc_lang=doc_lang, report_floor=self.config.min_confidence)
        ident.veto_names(sents, doc_lang)
        return sents

    def _split_mixed_foreign(self, ctx: DocContext, units: list[Unit], doc_lang: str, starts: list[int]) -> list[Unit]:
        """Foreign passages that also hold sentences in the document's language become sentence units.

        A model reads a paragraph as a whole: a Portuguese sentence followed by an English one
        is "Portuguese" with high confidence. Foreign passages are rare, so each one with two
        sentences or more is read sentence by sentence; where some sentence is in the document's
        language, the passage is replaced by its sentences (the others keep the passage's language
        when too short to call), so a finding covers the foreign sentences only.
        """
        out: list[Unit] = []
        for u in units:
            sents = None if u.lang in (doc_lang, UND) else self._sentence_units(ctx, u, doc_lang, starts)
            if sents is None or not any(x.lang == doc_lang for x in sents):
                out.append(u)
                continue
            for x in sents:
                if x.lang == UND:
                    x.lang, x.conf = u.lang, u.conf
            out.extend(sents)
        return out

    def _sentence_pass(
        self, ctx: DocContext, units: list[Unit], doc_lang: str, starts: list[int]
    ) -> dict[int, list[Unit]]:
        """Sentences of not-clear-cut passages (document language or ``und``), when some sentence is foreign."""
        cfg = self.config
        out: dict[int, list[Unit]] = {}
        for i, u in enumerate(units):
            if u.screened or u.lang not in (doc_lang, UND) or not u.at_least(2 * cfg.min_chars):
                continue
            p_doc = prob_of(u.ft, doc_lang) if u.ft is not None else prob_of(u.ld, doc_lang)
            if p_doc >= cfg.sentence_check_below:
                continue
            sents = self._sentence_units(ctx, u, doc_lang, starts, screened=True)
            if sents is not None and any(s.lang not in (UND, doc_lang) for s in sents):
                out[i] = sents
        return out

    def _finding(self, run: _Run, doc_lang: str, sentence: bool = False) -> Finding:
        start, end = run.units[0].span.start, run.units[-1].span.end
        core_chars = sum(u.chars for u in run.core) or 1
        conf = sum(u.conf * u.chars for u in run.core) / core_chars
        what = "sentence" if sentence else "passage"
        count = len(run.units)
        plural = f"{count} {what}s" if count > 1 else f"1 {what}"
        return LANG001.finding(
            (start, end),
            f"{what} in {language_name(run.lang)} inside a document in {language_name(doc_lang)} "
            f"({plural}, {end - start} chars, confidence {conf:.2f})",
            data={
                "language": run.lang,
                "confidence": round(conf, 4),
                "document_language": doc_lang,
                "passages": count,
                "chars": end - start,
            },
            severity=Severity.INFO if sentence else None,
        )
