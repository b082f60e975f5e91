"""Truncation: passages or documents cut mid-word or mid-sentence, dangling ".." and
quotes opened just before a cut.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Iterable

from audit.artefacts.common import (
    WORDFREQ_LANGS,
    guess_language,
    has_word_lists,
    is_line_start_bullet,
    lists_confirm,
    stopwords,
    words,
    zipf,
)
from audit.model import Category, Finding, Severity
from audit.rules import DocContext, DocumentCheck, Rule

ART020 = Rule(
    id="ART020",
    name="truncated-text",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="A prose passage (or the whole document) stops mid-word or mid-sentence, without final punctuation.",
    flags=("A spokesman said new guidelines were being written and would likely come into effect by the end o",
           "Trump's campaign pledge to oversee mass deportations of immigrants is taking shape,"),
    not_flags=("Consequences for Immigrant Populations and Public Safety in Los Angeles",
               "- Strengthening interagency cooperation to circumvent sanctuary city protections",
               "Los Angeles | Sanctuary City | 27% |", "Photo: Protesters outside City Hall on Tuesday"),
)

ART021 = Rule(
    id="ART021",
    name="dangling-double-period",
    category=Category.ARTEFACT,
    severity=Severity.WARNING,
    description="A sentence ends in a dangling `..` (not an ellipsis): the text was cut there.",
    flags=("...and giving rise to civil rights..",),
    not_flags=("He paused... then spoke.", "She works for Acme Inc.", "The U.S. economy grew 3.5%."),
)

ART022 = Rule(
    id="ART022",
    name="quote-cut",
    category=Category.ARTEFACT,
    severity=Severity.INFO,
    description="A quotation mark opens a name or phrase that stops at a sentence end a few words later and is "
    "never closed: the quoted text was probably cut.",
    flags=("a program known as “Se Communities. A spokesman for Baca said guidelines were being written.",),
    not_flags=("a program known as “Secure Communities.” A spokesman said so.",
               "“We will not comply. We never have,” she said."),
)

_CREDITS = re.compile(
    r"^[(\[]?(?:Reporting|Additional reporting|Writing|Editing|Compiled|Edited|Produced|Graphics|Photos?|Video|"
    r"Con información de|Información de|Redacción|Edición|Texto|Fotos?|Reportage|Rédaction|Mit Material von)\b",
    re.IGNORECASE,
)
_SENT_BOUNDARY = re.compile(r"[.!?…][\"”’»)\]]*\s+[\"“‘«(¿¡]?[A-ZÀ-ÖØ-Þ0-9]")
_LAST_SENT = re.compile(r"[.!?…][\"”’»)\]]*\s+(?=[\"“‘«(¿¡]?[A-ZÀ-ÖØ-Þ0-9])")
_DOUBLE_DOT = re.compile(r"(?<=[^\W\d_])\.\.(?![.\w])")
_QUOTE_ATTRIBUTION = re.compile(r"[,!?][\"”»’]\s+[^\W\d_]")
_QUOTE_CUT = re.compile(r"[“«]((?:[^\s”»“«.!?]+\s+){0,5}[^\s”»“«.!?]+)\.(?=\s+[A-ZÀ-ÖØ-Þ])")


#: Function words a sentence never ends with (articles, prepositions, conjunctions).
NEVER_FINAL = {
    "en": "the a an of to in on at by for from with and or but as than into onto about whose which its their his "
          "her our your my these those nor via upon per",
    "es": "el la los las un una unos unas de del al a en con por para y e o u ni que como su sus mi tu nuestro sin "
          "sobre entre hasta desde hacia según",
    "fr": "le la les un une des du au aux à de en et ou que pour par sur avec dans sans sous vers chez son sa ses",
    "de": "der die das den dem des ein eine einen einem einer und oder zu von mit für auf im am zum zur aus bei",
    "pt": "o a os as um uma de do da dos das em no na nos nas e ou que para por com pelo pela sem sobre",
    "it": "il lo la i gli le un una di del della dei delle a al alla in nel nella e o che per con su sul tra fra",
}
NEVER_FINAL = {k: frozenset(v.split()) for k, v in NEVER_FINAL.items()}
#: Weekdays and months (and their abbreviations): capitalised, but a sentence ending on one
#: without punctuation is cut, not a caption or a name ("... since Jan", "... about Tuesday").
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun "
    "january february march april june july august september october november december jan feb mar apr jun jul "
    "aug sep sept oct nov dec lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo "
    "junio julio agosto septiembre octubre noviembre diciembre lundi mardi mercredi jeudi vendredi samedi dimanche "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)


def is_prose(passage: str, min_words: int = 16, strong_cut: bool = False, lang: str = "und",
             min_strong: int = 6) -> bool:
    """Prose, not a headline, list item, table row or caption.

    A passage that ends mid-word, on a comma or on a function word (``strong_cut``) needs
    8 words in sentence case; one that ends on a whole word needs ``min_words`` words or
    two sentences.
    """
    if re.match(r"^[^\W\d_]+(?: [^\W\d_]+)?:\s", passage):
        return False  # "Photo: ..." caption or label line
    if "|" in passage or is_line_start_bullet(passage):
        return False
    ws = words(passage)
    if len(ws) < (min_strong if strong_cut else 8):
        return False
    long_words = [w for w in ws if len(w) > 3]
    if lang == "de":  # German capitalises nouns: judge by lower-case function words instead
        long_words = [w for w in ws if w.lower() in stopwords()["de"]]
    cap_share = sum(w[0].isupper() for w in long_words) / len(long_words) if long_words else 0.0
    if cap_share > 0.85 or (cap_share > 0.6 and "," not in passage):
        return False  # Title Case headline
    if strong_cut or len(ws) >= min_words or _SENT_BOUNDARY.search(passage):
        return True
    return bool(_QUOTE_ATTRIBUTION.search(passage))  # '"…," said Lisa Shalett': a quote is never a headline


def cut_kind(passage: str, lang: str, vocabulary: Mapping[str, int] | None = None) -> str | None:
    """``"mid-word"`` / ``"function-word"`` / ``"mid-sentence"`` when the passage stops without final punctuation.

    ``vocabulary`` (the document's own lower-cased words with their counts) confirms a mid-word
    cut: the last fragment occurs only there but begins another word ("administr" / "administration").
    """
    tail = passage.rstrip()
    if not tail:
        return None
    last = tail[-1]
    if last in ".!?…:;\"”’»)]›'*" or last.isdigit() or last in "%°€$£":
        return None
    if not (last.isalpha() or last in ",-–—(“‘«/&"):
        return None
    last_token = tail.rsplit(None, 1)[-1]
    if any(c in last_token for c in "/@.#") or _CREDITS.match(passage):
        return None  # ends with a URL, e-mail, domain or hashtag; or a credits line
    m = re.search(r"([^\W\d_]+)$", tail)
    if m:
        frag = m.group(1)
        sw = stopwords()
        common = sw.get(lang, frozenset()) | (sw["en"] if lang == "und" else frozenset())
        low = frag.lower()
        if frag.islower() and len(frag) <= 2 and frag not in common:
            return "mid-word"
        if low in NEVER_FINAL.get(lang, NEVER_FINAL["en"]):
            return "function-word"
        vocabulary = vocabulary or {}
        listed = lang in WORDFREQ_LANGS and has_word_lists() and lists_confirm(passage, lang)
        z = zipf(low, lang) if listed else 0.0
        if listed and frag.islower() and len(frag) >= 2 and low not in common:
            # not a word of the passage language ("... a restringir el rie"); the lists carry many
            # abbreviations, so a short final fragment must also be a frequent word ("pla", "exp" are cuts;
            # "tax", "fog", "mar" are words)
            need = 3.5 if len(frag) <= 3 else 2.5 if len(frag) == 4 else 0.01
            if z < need and (len(frag) <= 4 or zipf(low, "en") == 0.0):
                return "mid-word"
        if len(frag) >= 2 and vocabulary.get(low, 0) <= 1 and z < 3.5 and any(
                w.startswith(low) and len(w) > len(low) + 1 for w in vocabulary):
            return "mid-word"
        if re.search(r"[^\W\d_]-[A-ZÀ-Þ]$", tail):
            return "mid-word"  # "Jean-P"
        if len(frag) == 1 and frag.isupper():
            prev = re.search(r"([^\W\d_]+)\s+\S+$", tail)
            if prev and prev.group(1).islower():
                return "mid-word"  # "... on M": a cut name, not "Plan B"
        prev = re.search(r"([^\W\d_]+)\s+[^\W\d_]+$", tail)
        after_function_word = bool(prev and prev.group(1) in NEVER_FINAL.get(lang, NEVER_FINAL["en"]))
        if frag[0].isupper() and lang != "de" and low not in CALENDAR_WORDS and not after_function_word:
            return None  # ends on a name: more often a caption, credit or heading than a cut
    return "mid-sentence"


@dataclass(frozen=True)
class TruncationConfig:
    #: Also report quotes that open and are cut a few words later (ART022, info).
    quote_cut: bool = True


class TruncationCheck(DocumentCheck):
    rules = (ART020, ART021, ART022)
    uses = frozenset({"language"})  # passage languages from the language check
    section = "truncation"
    config_class = TruncationConfig
    order = 60

    @staticmethod
    def _in_list(text: str, passages, i: int) -> bool:
        """A run of unpunctuated lines (or one introduced by a colon) is a list, not a cut."""
        def end(j: int) -> str:
            return text[passages[j].end - 1] if 0 <= j < len(passages) else "."
        closed = ".!?…\"”’»)"
        j = i - 1
        while j >= 0 and end(j) not in closed and end(j) != ":":
            j -= 1
        if j >= 0 and end(j) == ":" and i - j <= 30:
            return True  # items after "include:"
        return i > 1 and end(i - 1) not in closed and end(i + 1) not in closed and i + 1 < len(passages)

    def check(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        out: list[Finding] = []
        passages = ctx.passages
        vocab: Counter | None = None
        for i, p in enumerate(passages):
            ptext = text[p.start : p.end]
            if len(ptext) >= 20 and ptext[-1] not in ".!?…:;\"”’»)]|":
                lang = ctx.language_at(p.start) if ctx.passage_languages else guess_language(ptext)[0]
                if vocab is None:
                    vocab = ctx.word_counts  # shared, read only
                kind = cut_kind(ptext, lang, vocab)
                strong = kind in ("mid-word", "function-word") or ptext.rstrip()[-1] in ",-–—(“‘«/&"
                if kind and not strong and self._in_list(text, passages, i):
                    continue
                # the closing paragraph of an article after a punctuated one is prose, not a headline:
                # 10 words suffice there
                closing = i == len(passages) - 1 and i > 0 and text[passages[i - 1].end - 1] in ".!?…\"”’»)"
                if kind and (strong or i > 0) and is_prose(ptext, min_words=10 if closing else 16, strong_cut=strong,
                                                           lang=lang, min_strong=4 if kind == "function-word" else 6):
                    start = p.start
                    for m in _LAST_SENT.finditer(ptext):
                        start = p.start + m.end()
                    scope = "document" if i == len(passages) - 1 else "passage"
                    tail = ptext.rstrip()[-30:]
                    out.append(ART020.finding(
                        (start, p.end),
                        f"{scope} is cut {kind.replace('-', ' ')}: it ends with {tail!r} and no final punctuation",
                        data={"scope": scope, "kind": kind, "ending": tail},
                    ))
            if self.config.quote_cut:
                for m in _QUOTE_CUT.finditer(ptext):
                    rest = ptext[m.end():]
                    if "”" in rest[:400] or "»" in rest[:400]:
                        continue
                    out.append(ART022.finding(
                        (p.start + m.start(), p.start + m.end()),
                        f"quotation opened at {m.group(0)!r} stops at a sentence end and is never closed: "
                        "the quoted name was probably cut",
                        data={"quoted": m.group(1)},
                    ))
        for m in _DOUBLE_DOT.finditer(text):
            ls = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start() - 1) + 1, m.start() - 60, 0)
            before = text[ls : m.start()].strip()[-30:]
            out.append(ART021.finding((m.start(), m.end()), f"dangling '..' after {before!r}: the sentence was cut",
                                      data={"ending": text[max(0, m.start() - 30) : m.end()]}))
        return out
