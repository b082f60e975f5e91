"""The persistent index: storage, lookups, parameter checks."""

from __future__ import annotations

import numpy as np
import pytest

from audit.errors import IndexMismatchError, InputError
from audit.index import INDEX_FILE, DocumentIndex, IndexCheck, IndexConfig, compute_signatures, mismatch
from audit.minhash import MinHashParams, signature
from audit.normalize import content_hash

P = MinHashParams()
BASE = (
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, der mehr Geld für "
    "Schulen, Straßen und die neue Bibliothek im Norden der Stadt vorsieht, die Anwohner seit Jahren fordern."
)
OTHER = (
    "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur les routes, les écoles et la "
    "bibliothèque que réclament depuis des années les habitants des quartiers nord de la ville inondée."
)


def add(idx: DocumentIndex, *texts: str, prefix: str = "d") -> None:
    sigs = compute_signatures(list(texts), P)
    idx.add([f"{prefix}{i}" for i in range(len(texts))], ["src"] * len(texts), [len(t) for t in texts],
            [content_hash(t) for t in texts], list(sigs))


def test_create_open_and_lookup(tmp_path):
    with pytest.raises(InputError, match="no index"):
        DocumentIndex.open(tmp_path / "idx", P)
    with DocumentIndex.open(tmp_path / "idx", P, create=True) as idx:
        add(idx, BASE, OTHER)
        idx.add(["short"], ["src"], [5], [content_hash("hello")], [None])  # exact-only entry
        assert len(idx) == 3
    with DocumentIndex.open(tmp_path / "idx", P, readonly=True) as idx:
        hits = idx.lookup_exact([content_hash(BASE.upper()), content_hash("HELLO "), content_hash("nope")])
        assert {m.id for m in hits.values()} == {"d0", "short"}
        edited = BASE + " Mehr lesen."
        near, none = idx.lookup_near(np.stack([signature(edited, P), signature("völlig anderer Text " * 20, P)]),
                                     0.7)
        assert near is not None and near.id == "d0" and 0.7 <= near.similarity < 1.0 and not near.exact
        assert none is None
        with pytest.raises(InputError, match="read-only"):
            add(idx, BASE)


def test_refuses_other_parameters_and_foreign_files(tmp_path):
    DocumentIndex.open(tmp_path / "idx", P, create=True).close()
    other = MinHashParams(num_perm=64, bands=16, rows=4)
    with pytest.raises(IndexMismatchError, match=r"num_perm: index has 128, this run uses 64"):
        DocumentIndex.open(tmp_path / "idx", other)
    with pytest.raises(IndexMismatchError, match="shingle_size"):
        DocumentIndex.open(tmp_path / "idx", MinHashParams(shingle_size=3), create=True)
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / INDEX_FILE).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(InputError, match="not a usable corpus-audit index"):
        DocumentIndex.open(tmp_path / "junk", P)


def test_mismatch_lists_each_difference():
    assert mismatch({"a": 1, "b": 2}, {"a": 1, "b": 2}) == []
    assert mismatch({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 0}) == [
        "b: index has 2, this run uses 3", "c: index has None, this run uses 0"
    ]


def test_check_is_inert_without_an_index():
    check = IndexCheck(IndexConfig(), None)
    assert check.index is None
    assert check.finish(lambda o: "", []).findings == {}


def test_recent_additions_are_found_and_merged_later(tmp_path):
    texts = [f"{BASE} Ausgabe {i}: " + " ".join(f"wort{i}x{k}" for k in range(40)) for i in range(12)]
    with DocumentIndex.open(tmp_path / "idx", P, create=True) as idx:
        add(idx, *texts[:8], prefix="old")  # first batch: straight into the main band table
        add(idx, texts[8], prefix="new")  # small batch: kept in bands_recent
        count = idx.conn.execute("SELECT COUNT(*) FROM bands_recent").fetchone()[0]
        assert count == P.bands
        found = idx.lookup_near(compute_signatures([texts[0] + " x", texts[8] + " x"], P), 0.7)
        assert [m.id for m in found] == ["old0", "new0"]
        add(idx, *texts[9:12], prefix="more")  # recent now over a quarter: merged
        assert idx.conn.execute("SELECT COUNT(*) FROM bands_recent").fetchone()[0] == 0
        assert idx.conn.execute("SELECT COUNT(*) FROM bands").fetchone()[0] == 12 * P.bands
        found = idx.lookup_near(compute_signatures([texts[8], texts[11]], P), 0.99)
        assert [m.id for m in found] == ["new0", "more2"]


def test_concurrent_updates_never_collide(tmp_path, monkeypatch):
    """Two filters add to one index at once: the second waits for the first's write lock (here: gives up
    at once, adding nothing) instead of numbering its documents like the first's (UNIQUE constraint failed)."""
    import audit.index as index_mod

    DocumentIndex.open(tmp_path / "idx", P, create=True).close()
    first = DocumentIndex.open(tmp_path / "idx", P)
    second = DocumentIndex.open(tmp_path / "idx", P)
    second.conn.execute("PRAGMA busy_timeout = 50")
    real = index_mod.band_array
    outcome = {}

    def interleave(sig, params):  # runs inside first.add, after it has numbered its documents
        if not outcome:
            outcome["second"] = "running"
            try:
                add(second, OTHER, prefix="s")
                outcome["second"] = "added"
            except InputError as err:
                outcome["second"] = str(err)
        return real(sig, params)

    monkeypatch.setattr(index_mod, "band_array", interleave)
    add(first, BASE)  # must not fail
    assert "locked" in outcome["second"] and "nothing was added" in outcome["second"]
    monkeypatch.setattr(index_mod, "band_array", real)
    add(second, OTHER, prefix="s")  # once the first is done, the second goes through
    assert len(first) == 2
    first.close()
    second.close()
