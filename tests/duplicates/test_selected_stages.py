"""The duplicates check runs only the stages the selected rules need (``--select DUP001``: the exact stage
alone), read from ``enabled`` when used: the engine sets it after the check is made."""

from __future__ import annotations

from dataclasses import replace

from audit.config import Config
from audit.duplicates import DuplicateCheck
from audit.model import Document
from audit.pipeline import build_checks
from audit.policy import Policy
from audit.rules import DocContext
from tests.duplicates.harness import run
from tests.duplicates.texts import EN, EN_HEADLINE


def _check(*select: str) -> DuplicateCheck:
    config = Config()
    policy = Policy.from_config(replace(config, select=select))
    (check,) = [c for c in build_checks(config, policy) if isinstance(c, DuplicateCheck)]
    return check


def test_each_selection_runs_the_stages_its_rules_need():
    stages = {}
    for select in [("DUP001",), ("DUP002",), ("DUP003",), ("DUP004",), ("DUP005",), ("DUP006",), ("duplicate",)]:
        check = _check(*select)
        stages[select[0]] = (check._want_near, check._want_passages)
    assert stages["DUP001"] == (False, False)
    assert stages["DUP002"] == (True, False)
    # The passage stage skips pairs of documents in one near cluster: it needs the near stage.
    for rule in ("DUP003", "DUP004", "DUP005", "DUP006", "duplicate"):
        assert stages[rule] == (True, True), rule


def test_exact_duplicates_alone_compute_no_passage_units():
    check = _check("DUP001")
    text = "\n\n".join([EN_HEADLINE, *EN])
    ctx = DocContext(Document("a", text), 0)
    assert check.prepare(ctx) == []
    assert "layout" not in ctx.layer.__dict__  # the paragraph layout was never asked for
    assert _check("duplicate").prepare(DocContext(Document("a", text), 0))  # the whole family: units


def test_exact_duplicates_alone_find_what_they_find_among_all():
    body = "\n\n".join(EN)
    docs = {
        "a": f"{EN_HEADLINE}\n\n{body}",
        "b": f"{EN_HEADLINE}\n\n{body}",  # an exact copy
        "c": f"A new headline for the same story\n\n{body}\n\nRead more at example.com",  # a near copy
        "d": f"Unrelated notes\n\n{EN[3]}\n\nSomething else entirely, written for this test alone.",  # a pasted paragraph
    }
    full = DuplicateCheck()
    alone = DuplicateCheck()
    alone.enabled = frozenset({"DUP001"})
    results = []
    for check in (full, alone):
        texts = list(docs.values())
        for o, (doc_id, text) in enumerate(docs.items()):
            check.observe(DocContext(Document(doc_id, text), o))
        results.append(check.finish(lambda o, texts=texts: texts[o], list(docs)))
    full_res, alone_res = results
    dup001 = {o: [f for f in fs if f.rule == "DUP001"] for o, fs in full_res.findings.items()}
    assert {o: fs for o, fs in dup001.items() if fs} == {o: fs for o, fs in alone_res.findings.items() if fs}
    assert {(c.level, c.kind) for c in full_res.clusters} > {("document", "exact")}  # the full run found more
    assert {(c.level, c.kind) for c in alone_res.clusters} == {("document", "exact")}
    assert run(docs)[0]["b"]  # (the harness agrees: b is a copy)


def test_exact_duplicates_alone_hash_no_signatures(monkeypatch):
    """DUP001 alone keys each document from its token hashes (minhash.sequence_keys, the batch's own keys)
    without shingles or signatures; the same exact copies are found."""
    from audit import minhash, windows

    body = "\n\n".join(EN)
    docs = {
        "a": f"{EN_HEADLINE}\n\n{body}",
        "b": f"{EN_HEADLINE.upper()}\n\n{body}  ",
        "c": body,
        "d": "Caf\u00e9 \u00d7 2",
    }
    docs["e"] = docs["d"].replace("\u00e9", "E\u0301")  # the same words after NFKC and case folding
    full = DuplicateCheck()
    texts = list(docs.values())
    for o, (doc_id, text) in enumerate(docs.items()):
        full.observe(DocContext(Document(doc_id, text), o))
    want = full.finish(lambda o: texts[o], list(docs))

    def no_signatures(*args, **kwargs):
        raise AssertionError("signatures computed for exact copies alone")

    monkeypatch.setattr(windows, "batch_signatures", no_signatures)
    alone = DuplicateCheck()
    alone.enabled = frozenset({"DUP001"})
    for o, (doc_id, text) in enumerate(docs.items()):
        alone.observe(DocContext(Document(doc_id, text), o))
    got = alone.finish(lambda o: texts[o], list(docs))
    dup001 = {o: [f for f in fs if f.rule == "DUP001"] for o, fs in want.findings.items()}
    assert {o: fs for o, fs in dup001.items() if fs} == {o: fs for o, fs in got.findings.items() if fs}
    assert set(got.findings) == {1, 4}  # b copies a, e copies d
    monkeypatch.undo()
    params = full.config.doc_params()
    batch = windows.batch_signatures(texts, [[] for _ in texts], params, full.config.passage_params())
    keys, words = minhash.sequence_keys(texts, params.seed)
    assert keys.tolist() == batch.doc_keys.tolist() and words.tolist() == batch.doc_words.tolist()
