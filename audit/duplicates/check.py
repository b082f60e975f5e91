"""The duplicates check: observe hashes each document once, finish clusters and reports.

How it works (see ``docs/duplicates.md`` for the measurements behind the defaults):

* ``observe`` hashes each document once, in batches
  (:func:`audit.minhash.batch_signatures`): a key of its normalised word
  sequence (exact duplicates, DUP001; :func:`exact_keys`), a MinHash signature
  of its word 5-gram shingles and one signature and word-sequence key per
  long-enough passage. Signatures are kept as uint16; texts are not kept.
* ``finish`` finds candidate pairs by LSH banding (:mod:`.lsh`), re-reads only
  the candidates' texts with ``text_of`` and verifies every pair by word
  alignment with rapidfuzz (:mod:`.align`). Clusters are stars around a kept
  copy chosen by the ``keep`` policy; each member is verified against the kept
  copy itself, never through a chain.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from itertools import chain
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

import numpy as np

from audit import minhash, windows
from audit.duplicates import align as al
from audit.duplicates.config import DuplicatesConfig, parse_date
from audit.duplicates.corpus import Corpus
from audit.duplicates.exact import exact_clusters
from audit.duplicates.near import near_clusters
from audit.duplicates.passages import PassageIndex, passage_clusters
from audit.duplicates.rules import DUP001, DUP002, DUP003, DUP004, DUP005, DUP006
from audit.duplicates.units import document_unit_bounds
from audit.model import Cluster, Finding
from audit.normalize import _nfkc, few_words, normalize_fast, symbol_key
from audit.rules import CorpusCheck, CorpusResult, DocContext
from audit.spill import ArraySpill
from audit.tokenhash import _lower_bytes, _word_mask

#: Flush pending texts to the signature batcher at about this many characters.
_BATCH_CHARS = 1 << 21


def site_of(ctx: DocContext, source_field: str = "source") -> str | None:
    """The site a page belongs to, for page templates: the record's own source field, else the host of
    its ``url`` field. ``None`` when only a folder name is known (a folder of downloaded pages is not
    one site)."""
    src = ctx.record_source(source_field)
    if src:
        return src
    meta = ctx.doc.metadata
    url = meta.get("url") or meta.get("URL")
    if isinstance(url, str) and "//" in url:
        try:
            host = urlsplit(url.strip()).hostname or ""
        except ValueError:
            return None
        return host.removeprefix("www.") or None
    return None


class DuplicateCheck(CorpusCheck):
    """Exact and near-duplicate documents and passages, templates and altered copies (DUP001-DUP006)."""

    rules = (DUP001, DUP002, DUP003, DUP004, DUP005, DUP006)
    section = "duplicates"
    config_class = DuplicatesConfig
    order = 60

    def __init__(self, config=None, settings=None) -> None:
        super().__init__(config, settings)
        cfg: DuplicatesConfig = self.config
        self._doc_params = cfg.doc_params()
        self._pas_params = cfg.passage_params()
        self._date_field = cfg.date_field or self.settings.date_field or "date"
        # Per document (by ordinal).
        self._first: dict[int | tuple[str, int], int] = {}  # exact key -> first ordinal
        self._groups: dict[int, list[int]] = {}  # first ordinal -> all ordinals with that hash
        self._lengths = array("q")
        self._dates = array("d")
        self._sources = array("i")
        self._source_names: dict[str, int] = {}
        # Site of each document for page templates: record source or URL host, never a folder (-1: none).
        self._sites = array("i")
        self._site_names: dict[str, int] = {}
        # Near-duplicate document index: ordinals and uint16 signatures (chunks).
        self._doc_ord: list[np.ndarray] = []
        self._doc_sig: list[np.ndarray] = []
        # Passage index: (ordinal, start, end), exact hash, uint16 signatures (chunks), on disk until the
        # passage stage: it grows with the passages and would add to every earlier stage's peak.
        self._pas_loc = ArraySpill()
        self._pas_hash = ArraySpill()
        self._pas_sig = ArraySpill()
        # Pending batch: (ordinal, text, passage spans); texts are dropped after each flush.
        self._pending: list[tuple[int, str, list[tuple[int, int]]]] = []
        #: (ordinal, start, end) of every passage unit, in ordinal order (12 bytes a unit)
        self._unit_loc: list[np.ndarray] = []
        #: word-sequence key of each unit of _unit_loc (page templates of near-duplicate documents)
        self._unit_key: list[np.ndarray] = []
        self._pending_chars = 0
        # observe reads no part of the text layer: the passage units come from prepare (in the workers
        # when the document stage runs there), which asks for the paragraph layout only when it uses it.
        self.layer_needs = ()

    # Which stages run is read from ``enabled`` when used: the engine sets ``enabled`` (the selected rules)
    # after the check is made, so deciding in ``__init__`` saw every rule and ran every stage for any
    # selection (``--select DUP001`` paid for the near-duplicate and passage stages).

    @property
    def _want_passages(self) -> bool:
        """Passages are indexed and verified: a passage rule is selected (DUP005/DUP006 also report on
        passages)."""
        return bool(self.config.passages) and any(self.wants(r) for r in ("DUP003", "DUP004", "DUP005", "DUP006"))

    @property
    def _want_near(self) -> bool:
        """Near-duplicate documents are clustered: a near rule is selected, or the passage stage runs (it
        skips pairs of documents already in one cluster or on one template, so its findings need them)."""
        return any(self.wants(r) for r in ("DUP002", "DUP005", "DUP006")) or self._want_passages

    # -- observe ------------------------------------------------------------

    def prepare(self, ctx: DocContext) -> list[tuple[int, int]]:
        """The document's passage units (spans; none when passages are not indexed)."""
        if not self._want_passages:
            return []
        return document_unit_bounds(ctx.text, lambda: ctx.layer.passage_bounds, self.config.passage_window_words)

    def observe(self, ctx: DocContext) -> Iterable[Finding]:
        text = ctx.text
        ordinal = ctx.ordinal
        while len(self._lengths) <= ordinal:
            self._lengths.append(0)
            self._dates.append(math.nan)
            self._sources.append(-1)
            self._sites.append(-1)
        self._lengths[ordinal] = len(text)
        self._dates[ordinal] = parse_date(ctx.doc.metadata.get(self._date_field))
        self._sources[ordinal] = self._source_id(ctx)
        site = site_of(ctx, self.settings.source_field)
        self._sites[ordinal] = -1 if site is None else self._site_names.setdefault(site, len(self._site_names))
        stripped = len(text.strip())
        if stripped < self.config.min_chars or not stripped:
            return ()
        # Every document goes to the batch: its exact key comes from the same token hashes as its
        # signature (exact_keys), and a copy's signature and passages are dropped there.
        spans = self.prepared(ctx)  # computed in a worker when the document stage runs there
        self._pending.append((ordinal, text, spans))
        self._pending_chars += len(text)
        if self._pending_chars >= _BATCH_CHARS:
            self._flush()
        return ()

    def _source_id(self, ctx: DocContext) -> int:
        src = ctx.source(self.settings.source_field)
        return self._source_names.setdefault(src, len(self._source_names))

    def _flush(self) -> None:
        """Hash the pending documents and their passages in one batch, then drop the texts."""
        if not self._pending:
            return
        cfg = self.config
        texts = [t for _, t, _ in self._pending]
        spans = [sp for *_, sp in self._pending]
        if self._want_near or any(spans) or any(windows.is_huge(t) for t in texts):
            batch = windows.batch_signatures(  # minhash.batch_signatures; a huge text hashed in windows
                texts, spans, self._doc_params, self._pas_params, min_span_words=cfg.passage_min_words
            )
        else:
            # Exact copies alone (--select DUP001): the word-sequence keys from the token hashes, the same
            # as the batch's, without shingles or signatures.
            keys, words = minhash.sequence_keys(texts, self._doc_params.seed)
            empty = np.zeros((0, 0), dtype=np.uint32)
            batch = minhash.Batch(empty, words, empty, np.zeros(0, np.int64), np.zeros(0, np.uint64), keys)
        ords = np.array([o for o, _, _ in self._pending], dtype=np.int64)
        # Exact copies: the first document with a key is the original, every later one a copy, whose
        # near and passage duplicates are its original's (its signature and passages are dropped).
        original = np.ones(len(ords), dtype=bool)
        for i, (ordinal, key) in enumerate(
            zip(ords.tolist(), exact_keys(texts, batch, self._doc_params.seed), strict=True)
        ):
            first = self._first.setdefault(key, ordinal)
            if first != ordinal:
                self._groups.setdefault(first, [first]).append(ordinal)
                original[i] = False
        if self._want_near:
            keep = (batch.doc_words >= cfg.min_words) & original
            self._doc_sig.append(batch.doc_sigs[keep].astype(np.uint16))
            self._doc_ord.append(ords[keep].astype(np.int32))
        if len(batch.span_words):
            counts = np.fromiter((len(sp) for *_, sp in self._pending), dtype=np.int64, count=len(self._pending))
            loc = np.empty((len(batch.span_words), 3), dtype=np.int32)
            loc[:, 0] = np.repeat(ords, counts)
            loc[:, 1:] = np.fromiter(
                chain.from_iterable(chain.from_iterable(sp for *_, sp in self._pending)),
                dtype=np.int64,
                count=2 * len(loc),
            ).reshape(-1, 2)
            of_original = np.repeat(original, counts)
            self._unit_loc.append(loc[of_original])  # every unit, so finish need not segment the document again
            self._unit_key.append(batch.span_keys[of_original])
            keep = (batch.span_words >= cfg.passage_min_words) & of_original
            self._pas_sig.append(batch.span_sigs[keep].astype(np.uint16))
            self._pas_loc.append(loc[keep])
            self._pas_hash.append(batch.span_keys[keep])
        self._pending, self._pending_chars = [], 0

    def state_bytes(self) -> int:
        """Approximate bytes of index state held (signatures, hashes, per-document arrays)."""
        arrays = sum(a.nbytes for a in self._doc_sig + self._doc_ord + self._unit_loc + self._unit_key) + sum(
            a.nbytes
            for a in (self._pas_loc, self._pas_hash, self._pas_sig)  # on disk until the passage stage
        )
        per_doc = self._lengths.itemsize + self._dates.itemsize + self._sources.itemsize + self._sites.itemsize
        return arrays + 100 * len(self._first) + per_doc * len(self._lengths)

    # -- finish -------------------------------------------------------------

    def finish(self, text_of: Callable[[int], str], ids: list[str]) -> CorpusResult:
        self._flush()
        corpus = Corpus(
            self.config,
            ids,
            text_of,
            self._lengths,
            self._dates,
            self._sources,
            self._source_names,
            self._groups,
            self._sites,
            self.wants,
        )
        if self._unit_loc:
            corpus.set_units(_drain(self._unit_loc))
            corpus.unit_keys = _drain(self._unit_key)
        result = CorpusResult()
        # Document clusters: exact groups first, then near duplicates among their kept copies.
        if self.wants("DUP001"):
            exact_clusters(corpus, result)
        stats: dict[str, Any] = {}
        if self._want_near:
            self._near_clusters(corpus, result, stats)
        if self._want_passages and self._pas_sig:
            index = PassageIndex(_drain(self._pas_loc), _drain(self._pas_hash), _drain(self._pas_sig))
            passage_clusters(corpus, index, result, stats)
        stats["suspicious_clusters"] = mark_suspicious(result.clusters, self.config)
        result.extra["duplicates"] = stats
        result.extra["kept_copies"] = kept_copies(result.clusters)
        corpus.clear()
        return result

    def _near_clusters(self, corpus: Corpus, result: CorpusResult, stats: dict[str, Any]) -> None:
        """The near-duplicate document clusters (a hook: the staged dedup, audit.staged, computes them from files)."""
        near_clusters(corpus, self._doc_sig, self._doc_ord, result, stats)


def _drain(pieces: list[np.ndarray] | ArraySpill) -> np.ndarray:
    """``np.concatenate(pieces)``, emptying ``pieces`` as it copies them: the peak is the result and one
    piece, not the result and every piece (the passage state of a large corpus, held twice at finish)."""
    if isinstance(pieces, ArraySpill):
        return pieces.drain()
    if len(pieces) == 1:
        return pieces.pop()
    out = np.empty((sum(len(p) for p in pieces),) + pieces[0].shape[1:], dtype=pieces[0].dtype)
    at = 0
    pieces.reverse()
    while pieces:
        piece = pieces.pop()
        out[at : at + len(piece)] = piece
        at += len(piece)
    return out


def _key_text(text: str) -> str:
    """A non-ASCII text as its exact key sees it (what the byte tokeniser does not do itself): NFKC,
    without zero-width spaces and byte order marks, case-folded, and every other character that is
    not a letter, digit or mark of a word (symbols, emoji, combining marks alone) a space. So the
    words are those of :func:`audit.normalize.exact_key`, except that the scripts written without
    spaces are one token per character, as in the signatures.

    The key text is only tokenised, so a non-word character becomes a space of its own (a run of them
    gives several spaces, not one: the same words): each of the text's few distinct ones is replaced with
    ``str.replace`` (1.7x faster than the pattern's substitution over the whole text, which is kept for a
    text with many)."""
    text = _nfkc(text)
    for gone in ("\u200b", "\ufeff"):
        if gone in text:
            text = text.replace(gone, "")
    text = text.casefold()
    nonword = [ch for ch in _non_ascii_chars(text) if _KEY_NONWORD.match(ch)]
    if len(nonword) > _FEW_NONWORD:
        return _KEY_NONWORD.sub(" ", text)
    for ch in nonword:
        text = text.replace(ch, " ")
    return text


#: Distinct non-word characters :func:`_key_text` replaces one by one (more: one pattern substitution).
_FEW_NONWORD = 16


#: Non-ASCII characters that are not word characters, outside the punctuation blocks the tokeniser
#: already treats as spaces (U+0080-U+00BF, U+2000-U+207F).
_KEY_NONWORD = re.compile(r"[^\w\x00-\x7f\u0080-\u00bf\u2000-\u207f]+")


#: Non-ASCII characters (a text's distinct ones decide whether its key text tokenises as the text does).
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_BYTES = bytes(range(128))


def _non_ascii_chars(text: str) -> set[str]:
    """The distinct non-ASCII characters of ``text`` (``set(_NON_ASCII.findall(text))``, 3x faster): its
    UTF-8 bytes without the ASCII ones are the non-ASCII characters' own bytes, in order (no ASCII byte
    is part of a longer character's encoding), so they decode to those characters."""
    raw = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return set(raw.decode("utf-8", "surrogatepass"))


#: Character -> True when its key text (:func:`_key_text` of an NFKC text) gives the tokeniser the same
#: bytes or only separators, as the character itself does; filled as characters are met.
_SAME_TOKENS: dict[str, bool] = {}
#: Character -> its NFKC when that is ASCII and not the character (², ™, ﬁ, fullwidth forms, no-break and
#: thin spaces, the ellipsis); else None.
_ASCII_NFKC: dict[str, str | None] = {}
#: Characters of _ASCII_NFKC that the tokeniser reads as a separator, as it reads their NFKC (no-break
#: and thin spaces, the ellipsis): replacing them changes no word.
_ASCII_SEPARATORS: set[str] = set()


def _learn(chars: set[str]) -> None:
    """Fill :data:`_SAME_TOKENS` for ``chars`` (not yet in it), all in one tokeniser pass: does each
    character in an NFKC text tokenise as its key text does (:func:`_key_text`)? Case folding and the
    symbol class are per character, the tokeniser's case mapping and word bytes are per character, and
    a token's hash depends on its bytes only; so a text made of such characters (and ASCII) has the
    same word sequence as its key text. Same when both are separators only."""
    todo = sorted(chars)
    own = [ch.encode("utf-8", "surrogatepass") for ch in todo]
    key = [_KEY_NONWORD.sub(" ", ch.casefold()).encode("utf-8", "surrogatepass") for ch in todo]
    results = []
    for parts in (own, key):
        # Each piece followed by one space: lower-casing and the word mask read a character's own bytes.
        buf = _lower_bytes(b" ".join(parts) + b" ")
        mask = _word_mask(buf)
        ends = np.cumsum([len(p) + 1 for p in parts]) - 1
        starts = ends - np.array([len(p) for p in parts], dtype=np.int64)
        words = np.add.reduceat(mask.astype(np.int64), starts) if len(buf) else np.zeros(0, np.int64)
        raw = buf.tobytes()
        results.append([(raw[a:b], w) for a, b, w in zip(starts.tolist(), ends.tolist(), words.tolist(), strict=True)])
    for ch, (ob, ow), (kb, kw) in zip(todo, *results, strict=True):
        if ch in "\u200b\ufeff":  # removed from the key text: the words on both sides join there
            _SAME_TOKENS[ch] = False
        else:
            _SAME_TOKENS[ch] = (ow == 0 and kw == 0) or (ow == len(ob) and kw == len(kb) and ob == kb)


def _ascii_nfkc(ch: str) -> str | None:
    if ch not in _ASCII_NFKC:
        norm = unicodedata.normalize("NFKC", ch)
        ok = norm != ch and norm.isascii()
        _ASCII_NFKC[ch] = norm if ok else None
        if ok and not any(c.isalnum() or c == "_" for c in norm):
            if not _word_mask(_lower_bytes(ch.encode("utf-8", "surrogatepass"))).any():
                _ASCII_SEPARATORS.add(ch)
    return _ASCII_NFKC[ch]


def _key_text_or_none(text: str, chars: set[str] | None = None) -> str | None:
    """None when the key text of a non-ASCII ``text`` (:func:`_key_text`) has the text's own words as the
    tokeniser sees them (the batch's key of the text is its exact key); else a text with the key text's
    words: :func:`_key_text` itself, or where cheaper the text with a few characters replaced.

    NFKC: a character whose NFKC is ASCII (², ™, ﬁ, a no-break space) decomposes to that ASCII, so
    replacing it changes no compatibility decomposition, and no NFKC; if the text is NFKC after that,
    so was the rest. Then case folding and the symbol class of the key text are per character: each
    distinct non-ASCII character left either tokenises as its key text does (:func:`_learn`) or is
    replaced by its key text. Replacements the tokeniser reads as it reads the character (separators
    whose NFKC is ASCII punctuation or space) leave the batch's key valid. ``chars``: the text's distinct
    non-ASCII characters, when known."""
    if chars is None:
        chars = _non_ascii_chars(text)
    same = True
    if not unicodedata.is_normalized("NFKC", text):
        for ch in chars:
            norm = _ascii_nfkc(ch)
            if norm is not None:
                text = text.replace(ch, norm)
                same = same and ch in _ASCII_SEPARATORS
        if not unicodedata.is_normalized("NFKC", text):
            return _key_text(text)  # (the text's NFKC is its NFKC after the replacements)
        chars = {ch for ch in chars if _ASCII_NFKC[ch] is None}
    new = chars.difference(_SAME_TOKENS)
    if new:
        _learn(new)
    for ch in chars:
        if not _SAME_TOKENS[ch]:
            text = text.replace(ch, "" if ch in "\u200b\ufeff" else _KEY_NONWORD.sub(" ", ch.casefold()))
            same = False
    return None if same else text


def exact_keys(texts: list[str], batch: minhash.Batch, seed: int) -> list[int | tuple[str, int]]:
    """Exact-copy key of each text of a batch: its word sequence (:func:`audit.minhash.sequence_keys`)
    after :func:`_key_text`, so case, white space, punctuation, quote and dash variants and Unicode
    compatibility forms do not matter. An ASCII text's key is its signature's own (the batch's token
    hashes: NFKC and case folding change no ASCII word), and so is that of a text whose key text has
    its own words (:func:`_key_text_or_none`: most non-ASCII text); other texts are tokenised again
    from their key text. A text without words is keyed by its normalised characters ("***" is not "---"),
    and a short one that carries symbols or emoji by its words and those (:func:`audit.normalize.symbol_key`),
    as :func:`audit.normalize.exact_key` does."""
    keys: list[int | tuple[str, int]] = list(batch.doc_keys.tolist())
    words = batch.doc_words.tolist()
    other, again = [], []
    odd = [(i, _non_ascii_chars(t)) for i, t in enumerate(texts) if not t.isascii()]
    new = set().union(*(chars for _, chars in odd)).difference(_SAME_TOKENS)
    if new:
        _learn(new)  # the batch's new characters in one pass
    for i, chars in odd:
        k = _key_text_or_none(texts[i], chars)
        if k is not None:
            other.append(i)
            again.append(k)
    if other:
        k2, w2 = minhash.sequence_keys(again, seed)
        for i, k, w in zip(other, k2.tolist(), w2.tolist(), strict=True):
            keys[i], words[i] = k, w
    for i, w in enumerate(words):
        if not w:
            keys[i] = ("chars", al.exact_key(texts[i]))
        elif few_words(texts[i]):  # a short post's emoji are its content ("@ana 😂" / "@ana 😡")
            marked = symbol_key(normalize_fast(texts[i]))
            if marked is not None:
                keys[i] = ("chars", marked)
    return keys


def kept_copies(clusters: list[Cluster]) -> dict[str, list[str]]:
    """Each kept document -> the documents that duplicate it (report.json). An exact group whose kept
    copy is itself a near copy of another document maps to that document's kept copy."""
    parent: dict[str, str] = {}
    for c in clusters:
        if c.level == "document":
            for m in c.members:
                if m.document != c.kept.document:
                    parent[m.document] = c.kept.document

    def root(doc: str) -> str:
        seen = set()
        while doc in parent and doc not in seen:
            seen.add(doc)
            doc = parent[doc]
        return doc

    out: dict[str, list[str]] = {}
    for doc in parent:
        out.setdefault(root(doc), []).append(doc)
    return {k: sorted(v) for k, v in sorted(out.items())}


def mark_suspicious(clusters: list[Cluster], cfg: DuplicatesConfig) -> int:
    """Mark clusters worth a look (data.suspicious: the reasons): more members than
    ``suspicious_cluster_size``, or a document cluster with a member below ``suspicious_similarity``
    to its kept copy. Returns how many were marked."""
    n = 0
    for c in clusters:
        reasons = []
        if len(c.members) > cfg.suspicious_cluster_size:
            reasons.append(f"{len(c.members)} members (over {cfg.suspicious_cluster_size})")
        if c.level == "document" and c.similarity_min < cfg.suspicious_similarity:
            reasons.append(f"a member at similarity {c.similarity_min:.2f} (under {cfg.suspicious_similarity})")
        if reasons:
            c.data["suspicious"] = reasons
            n += 1
    return n
