"""Page furniture at the document level: a near-duplicate document pair is judged on what is not furniture.

Pages of one site share their template (menus, sidebars, footer); on naive page text that shared text
can outweigh an article, so two different articles of one site verify as near copies (DUP002). A
verified pair is judged again without two kinds of furniture, with the same thresholds
(``doc_similarity``, ``doc_containment``, ``doc_min_other_coverage``), and dropped when that fails:

* **template units**: a passage unit (recorded by observe with a key of its word sequence) whose key is
  on ``template_min_pages`` or more different pages of one site (the passage stage's test, see
  :func:`audit.duplicates.passages.template_sites`). Pages of unknown site are one pool, where only
  units under ``passage_min_words`` words count (menu lines, headings, links): a paragraph on three
  pages of a pool of news is more likely a story copied three times than a template;
* **shared runs that are not prose** (:func:`audit.duplicates.units.is_prose`: mostly short lines, or
  mostly characters that are not letters), found on two pages only as well.

Their words leave the shared words and the pages' lengths. A pair whose pages both keep under
``min_words`` words keeps its verdict (nothing else to judge on: two empty pages of one template, or the
paragraphs of one article saved three times on a site). Template units need the passage units, which
are recorded when passages are on (the default); without them only the second kind is left out.
"""

from __future__ import annotations

import numpy as np

from audit.duplicates import align as al
from audit.duplicates.corpus import Corpus
from audit.duplicates.units import is_prose


def template_units(units: np.ndarray, keys: np.ndarray, sites: np.ndarray, min_pages: int) -> np.ndarray:
    """Boolean mask over ``units`` (rows ordinal, start, end; ``keys`` their word-sequence keys): is the
    unit's key on ``min_pages`` or more different documents of the unit's site?"""
    n = len(units)
    if n == 0 or min_pages <= 0:
        return np.zeros(n, dtype=bool)
    ords = units[:, 0].astype(np.int64)
    site = sites[ords]
    order = np.lexsort((ords, site, keys))
    k, s, o = keys[order], site[order], ords[order]
    new_group = np.ones(n, dtype=bool)
    new_group[1:] = (k[1:] != k[:-1]) | (s[1:] != s[:-1])
    new_doc = new_group.copy()
    new_doc[1:] |= o[1:] != o[:-1]
    group = np.cumsum(new_group) - 1
    pages = np.bincount(group, weights=new_doc)  # distinct documents per (key, site)
    mask = np.empty(n, dtype=bool)
    mask[order] = pages[group] >= min_pages
    return mask


def _run_words_left(
    runs: tuple[tuple[int, int, int], ...], ma: np.ndarray | None, mb: np.ndarray | None
) -> tuple[list[int], list[int], list[int]]:
    """For each shared run ``(i, j, n)``: its words in neither page's template (``ma``/``mb``: template
    word masks, None: no template words), and its words outside the template of page a, of page b."""
    lengths = [n for _, _, n in runs]
    if ma is None and mb is None:
        return lengths, lengths, lengths
    n = np.array(lengths, dtype=np.int64)
    offset = np.repeat(np.cumsum(n) - n, n)
    within = np.arange(int(n.sum()), dtype=np.int64) - offset
    firsts = np.cumsum(n) - n
    idx_a = np.repeat(np.array([i for i, _, _ in runs], dtype=np.int64), n) + within
    idx_b = np.repeat(np.array([j for _, j, _ in runs], dtype=np.int64), n) + within
    in_a = ma[idx_a] if ma is not None else np.zeros(len(idx_a), dtype=bool)
    in_b = mb[idx_b] if mb is not None else np.zeros(len(idx_b), dtype=bool)

    def per_run(flags: np.ndarray) -> list[int]:
        return (n - np.add.reduceat(flags.astype(np.int64), firsts)).tolist() if len(flags) else []

    return per_run(in_a | in_b), per_run(in_a), per_run(in_b)


class PageTemplates:
    """Template spans of each document (computed once, when the first verified pair asks) and the check
    of a verified pair on what is not page furniture. ``keys``: the word-sequence key of each passage
    unit (None: no units recorded, passages off; only the shared runs that are not prose are then left out)."""

    def __init__(self, corpus: Corpus, keys: np.ndarray | None) -> None:
        self.corpus = corpus
        self._keys = keys
        self._mask: np.ndarray | None = None
        #: verified pairs dropped because only their page furniture made them near copies
        self.dropped = 0

    def _template_spans(self, ordinal: int) -> tuple[np.ndarray, np.ndarray] | None:
        corpus = self.corpus
        rows = corpus._unit_rows
        if self._keys is None or rows is None or ordinal + 1 >= len(rows):
            return None
        if self._mask is None:
            sites = np.frombuffer(corpus.sites, dtype=np.int32) if len(corpus.sites) else np.zeros(0, np.int32)
            self._mask = template_units(corpus.units, self._keys, sites, corpus.config.template_min_pages)
        lo, hi = int(rows[ordinal]), int(rows[ordinal + 1])
        table = corpus.units[lo:hi][self._mask[lo:hi]]
        if not len(table):
            return None
        table = table[np.argsort(table[:, 1], kind="stable")]
        return table[:, 1].astype(np.int64), table[:, 2].astype(np.int64)

    def _template_words(self, ordinal: int, w: al.Words) -> np.ndarray | None:
        """Which of the document's words lie in its template units (None: none)."""
        spans = self._template_spans(ordinal)
        if spans is None or not len(w):
            return None
        starts, ends = spans
        if self.corpus.sites[ordinal] < 0:
            # Pages of unknown site are one pool: there a paragraph on three pages is more likely a story
            # copied three times (or copies overlapping in a chain) than a template; only the short units
            # (menu lines, headings, links: under passage_min_words words) count as furniture.
            words = np.searchsorted(w.starts, ends) - np.searchsorted(w.starts, starts)
            short = words < self.corpus.config.passage_min_words
            starts, ends = starts[short], ends[short]
            if not len(starts):
                return None
        at = np.searchsorted(starts, w.starts, side="right") - 1
        inside = (at >= 0) & (w.starts < ends[np.maximum(at, 0)])
        return inside if inside.any() else None

    def keeps(self, a: int, b: int, alignment: al.Alignment) -> bool:
        """Is a verified near-copy pair (``alignment``: its shared runs) still one on what is not page
        furniture? Words of template units leave both the shared words and their page's length; so do
        the words of shared runs that are not prose (menus, link lists, share bars:
        :func:`audit.duplicates.units.is_prose`). What is left is judged with the same thresholds. A pair
        whose pages both keep under ``min_words`` words keeps its verdict."""
        corpus = self.corpus
        cfg = corpus.config
        ta, wa = corpus.words(a)
        _, wb = corpus.words(b)
        ma, mb = self._template_words(a, wa), self._template_words(b, wb)
        len_a = alignment.len_a - (0 if ma is None else int(ma.sum()))
        len_b = alignment.len_b - (0 if mb is None else int(mb.sum()))
        changed = ma is not None or mb is not None
        # Per run: its words outside the template units of either page, and of each page.
        left, out_a, out_b = _run_words_left(alignment.runs, ma, mb)
        runs, matched = [], 0
        for (i, j, n), k, ka, kb in zip(alignment.runs, left, out_a, out_b, strict=True):
            if not k:
                continue
            start, end = wa.span(i, i + n)
            if is_prose(ta, start, end, cut_lines=True):
                runs.append((i, j, n))
                matched += k
            else:  # shared furniture: out of both pages (what of it is template already is)
                changed = True
                len_a -= ka
                len_b -= kb
        if not changed:
            return True  # nothing left out: the verified alignment stands
        if len_a < cfg.min_words and len_b < cfg.min_words:
            return True  # nothing but page furniture on either page: no other text to judge on
        kept = al.Alignment(matched, max(len_a, 0), max(len_b, 0), tuple(runs))
        verdict = al.document_verdict(kept, cfg.doc_similarity, cfg.doc_containment, cfg.doc_min_other_coverage)
        if not verdict.duplicate:
            self.dropped += 1
        return verdict.duplicate
