"""The results of the sourcing analysis: one :class:`Claim` per sentence or table row, and the
:class:`DocAnalysis` of a document (claims, quotes, tables, and the sources they name)."""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.sourcing.attribution import Attribution
from audit.sourcing.claims import FigureClaim
from audit.sourcing.figures import Figure
from audit.sourcing.quotes import Quote
from audit.sourcing.tables import Table


@dataclass(slots=True)
class Claim:
    start: int
    end: int
    lang: str
    figures: list[Figure] = field(default_factory=list)
    assessed: list[FigureClaim] = field(default_factory=list)  # the figures with what they quantify
    attributions: list[Attribution] = field(default_factory=list)
    quote: Quote | None = None  # the quote this sentence sits in (mostly)
    table: Table | None = None
    is_row: bool = False
    attributed_by: str | None = None  # sentence | quote | introduction | neighbour | ahead | caption
    via: Attribution | None = None
    words: int = 0
    ends_colon: bool = False
    claim: bool = False

    @property
    def statistics(self) -> list[Figure]:
        """The figures that are claims worth a source (see :mod:`audit.sourcing.claims`)."""
        assessed = self.assessed
        return [a.figure for a in assessed if a.claim] if assessed else []  # (most sentences have no figure)

    @property
    def valid_attributions(self) -> list[Attribution]:
        attributions = self.attributions
        return [a for a in attributions if a.valid] if attributions else []

    @property
    def vague_attributions(self) -> list[Attribution]:
        attributions = self.attributions
        return [a for a in attributions if a.vague] if attributions else []


@dataclass(slots=True)
class DocAnalysis:
    language: str
    claims: list[Claim]
    quotes: list[Quote]
    tables: list[Table]
    skipped_sentences: int = 0
    words: int = 0
    long_sentences_cut: int = 0  # sentences over MAX_UNIT_CHARS read in pieces (the work cap was hit)

    def sources(self) -> tuple[list[str], list[str], list[str]]:
        """Distinct named sources, outlets and documents, in order of first mention."""
        names: dict[str, str] = {}
        outlets: dict[str, str] = {}
        docs: dict[str, str] = {}
        seen_attr: set[int] = set()
        attrs: list[Attribution] = []
        for c in self.claims:
            for a in c.attributions:
                if id(a) not in seen_attr:
                    seen_attr.add(id(a))
                    attrs.append(a)
        for q in self.quotes:
            if q.speaker is not None and id(q.speaker) not in seen_attr:
                seen_attr.add(id(q.speaker))
                attrs.append(q.speaker)
        attrs.sort(key=lambda a: a.start)
        for a in attrs:
            if not a.valid or not a.source:
                continue
            key = _key(a.source)
            if a.source_kind == "outlet":
                outlets.setdefault(key, _display(a.source))
            elif a.source_kind == "named":
                names.setdefault(key, _display(a.source))
            elif a.source_kind == "document":
                docs.setdefault(key, _display(a.source))
            if a.outlet and a.source_kind != "outlet":
                outlets.setdefault(_key(a.outlet), _display(a.outlet))
        # A name that is also an outlet is listed as an outlet only; "Bee" and "Casillas" merge into
        # "Sacramento Bee" and "Yannina Casillas".
        for k in list(names):
            if k in outlets:
                del names[k]
        return _merge_short(names), _merge_short(outlets), list(docs.values())


def _merge_short(items: dict[str, str]) -> list[str]:
    """The values of ``items`` less those of one-word keys that begin or end a longer key ("bee" of "sacramento
    bee"). Keys are words joined by single spaces (:func:`_key`), so for a key k without a space "o starts with k
    and a space" is "the first word of o is k" (the sets below: one pass, not every key against every other)."""
    keys = list(items)
    longer = [o for o in keys if " " in o]
    firsts = {o.split(" ", 1)[0] for o in longer}
    lasts = {o.rsplit(" ", 1)[1] for o in longer}
    out = []
    for k in keys:
        if len(k.split()) == 1:
            if " " not in k:
                if k in firsts or k in lasts:
                    continue
            elif any(o != k and (o.endswith(" " + k) or o.startswith(k + " ")) for o in keys):
                continue  # a key cut before "'s" ends with a space ("x 's" -> "x "): compared one by one
        out.append(items[k])
    return out


def _key(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    while words and words[0] in ("the", "el", "la", "los", "las"):
        words = words[1:]
    return " ".join(words).removesuffix("'s")


def _display(name: str) -> str:
    words = " ".join(name.split()).strip(" ,.;:").removesuffix("’s").removesuffix("'s")
    for det in ("the ", "The ", "el ", "El ", "la ", "La "):
        if words.startswith(det) and len(words) > len(det):
            return words[len(det) :]
    return words
