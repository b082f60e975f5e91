"""Scraping artefacts: damage that extraction, templates and spam leave in text.

Pure helpers first, then one small check class per rule group.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Iterable, Sequence

from audit.artefacts.common import DENSE_RE
from audit.chars import WEB_ADDRESS_PREFIXES
from audit.model import Category, Finding, Severity
from audit.rules import CorpusCheck, CorpusResult, DocContext, Rule

ART001 = Rule(
    id="ART001",
    name="empty-document",
    category=Category.ARTEFACT,
    severity=Severity.ERROR,
    description=(
        "Document is empty or has no word of text (only mentions, links or symbols), or is nearly empty (fewer than "
        "`min_words` words) in a corpus whose documents are long: in a corpus of short records (posts, headlines) a "
        "short document is the norm, not damage."
    ),
    flags=("", "   \n  ", "Read more"),
    not_flags=("The council approved the budget on Tuesday after a two-hour debate.",),
)


def word_count(text: str) -> int:
    """Whitespace-separated tokens with at least one letter or digit (each character of a script written
    without spaces counts as one)."""
    n = 0
    for tok in text.split():
        # ``tok.isalnum()`` settles most tokens in one C call; the rest have punctuation.
        if tok.isalnum() or any(ch.isalnum() for ch in tok):
            # Scripts without spaces (Chinese, Japanese, Thai...): each character is a word.
            n += 1 if tok.isascii() else max(1, len(DENSE_RE.findall(tok)))
    return n


def _content_tokens(text: str) -> list[str]:
    """The whitespace tokens of ``text`` that are not an address (:data:`~audit.chars.WEB_ADDRESS_PREFIXES`):
    an @mention or a link is no word of text."""
    return [t for t in text.split() if not t.startswith(WEB_ADDRESS_PREFIXES)]


@dataclass(frozen=True)
class EmptyConfig:
    #: Documents with fewer words than this are short.
    min_words: int = 5
    #: Whether a short document is damage: ``"auto"`` (the corpus decides: among long documents a short one is
    #: an extraction failure, in a corpus of short records -- posts, headlines, captions, product titles -- it
    #: is the norm), ``"yes"`` (short records are expected: only empty documents are reported) or ``"no"``
    #: (every short document is reported, as before).
    short_records: str = "auto"
    #: ``"auto"``: a corpus whose median document has fewer words than this is a corpus of short records ...
    record_words: int = 20
    #: ... judged only from this many documents on (a smaller scan or batch reports short documents).
    min_documents: int = 20

    def __post_init__(self) -> None:
        if self.short_records not in ("auto", "yes", "no"):
            raise ValueError(f"short_records must be 'auto', 'yes' or 'no', not {self.short_records!r}")


def _median(hist: Sequence[int]) -> float:
    """The median (as :func:`statistics.median` gives it) of the values whose counts ``hist`` holds."""
    n = sum(hist)
    lower = upper = None
    seen = 0
    for value, count in enumerate(hist):
        seen += count
        if lower is None and seen > (n - 1) // 2:
            lower = value
        if seen > n // 2:
            upper = value
            break
    assert lower is not None and upper is not None
    return lower if n % 2 else (lower + upper) / 2


def short_record_corpus(hist: Sequence[int], config: EmptyConfig) -> bool:
    """Whether short documents are the norm of a corpus whose non-empty documents have the word counts
    ``hist`` counts (``hist[n]``: documents of ``n`` words, the last entry all the longer ones): its median
    document has fewer than ``record_words`` words, judged from ``min_documents`` documents on."""
    if config.short_records != "auto":
        return config.short_records == "yes"
    if sum(hist) < config.min_documents:
        return False
    return _median(hist) < config.record_words


class EmptyDocumentCheck(CorpusCheck):
    """ART001. An empty document is reported at once; one of 1 to ``min_words - 1`` words only when the
    corpus's own lengths say it is damage (:func:`short_record_corpus`), once every document was seen. In a
    corpus of short records the count of short documents is document data, in ``report.json``'s
    ``short_documents`` (the policy never sees it).

    State: a histogram of the documents' word counts (capped, so one counter per count up to
    ``record_words``) and, for the short documents only, their ordinal, words and characters in compact
    arrays (18 bytes each), never per-document Python objects."""

    rules = (ART001,)
    section = "empty"
    config_class = EmptyConfig

    def __init__(self, config=None, settings=None) -> None:
        super().__init__(config, settings)
        self._hist = [0] * (self._cap + 1)
        self._short_ordinals = array("Q")
        self._short_words = array("H")
        self._short_chars = array("Q")

    @property
    def _cap(self) -> int:
        return max(self.config.min_words, self.config.record_words)

    def words(self, text: str) -> int:
        """``word_count(text)``, capped at ``record_words`` (or ``min_words``): enough to tell whether the
        median document is short."""
        # Words never cross whitespace, so the first tokens alone settle a document that is long enough.
        cap = self._cap
        head = text.split(None, 2 * cap)
        if len(head) > 2 * cap and word_count(" ".join(head[:-1])) >= cap:
            return cap
        return min(word_count(text), cap)

    def prepare(self, ctx: DocContext) -> int | None:
        """The document's capped word count (None when it is empty, 0 when it has no word of text), in the
        worker processes when they run."""
        if not ctx.text.strip():
            return None
        words = self.words(ctx.text)
        if words < self.config.min_words and not word_count(" ".join(_content_tokens(ctx.text))):
            return 0  # mentions, links, emoji and symbols only: no word of text
        return words

    def observe(self, ctx: DocContext) -> Iterable[Finding]:
        words = self.prepared(ctx)
        if not words:
            # empty, or not a word of text (only mentions, links, emoji, symbols): no text in any corpus
            what = "empty" if words is None else "without a word of text (only mentions, links or symbols)"
            return (
                ART001.finding(
                    (0, len(ctx.text)),
                    f"document is {what}; at least {self.config.min_words} words expected",
                    data={"words": 0, "chars": len(ctx.text)},
                ),
            )
        self._hist[words] += 1
        if words < self.config.min_words:
            self._short_ordinals.append(ctx.ordinal)
            self._short_words.append(words)
            self._short_chars.append(len(ctx.text))
        return ()

    def finish(self, text_of, ids: list[str]) -> CorpusResult:
        result = CorpusResult()
        if not self._short_ordinals:
            return result
        if short_record_corpus(self._hist, self.config):
            median = _median(self._hist)
            result.extra["short_documents"] = {
                "documents": len(self._short_ordinals),
                "of": sum(self._hist),
                "min_words": self.config.min_words,
                "median_words": int(median) if float(median).is_integer() else median,
            }
            return result
        for ordinal, words, chars in zip(self._short_ordinals, self._short_words, self._short_chars, strict=True):
            result.add(
                ordinal,
                ART001.finding(
                    (0, chars),
                    f"document is nearly empty ({words} word{'s' if words != 1 else ''}); at least "
                    f"{self.config.min_words} words expected",
                    data={"words": words, "chars": chars},
                ),
            )
        return result
