"""The document checks' batch step (``DocumentCheck.prepare_batch``): every engine path calls it on each batch
before ``check``; the language check reads a batch's short records at once, with the answers it gives one
record at a time."""

from __future__ import annotations

import json
import os
import sys

import pytest

from audit.config import Config, Settings
from audit.engine import local
from audit.model import Document
from audit.rules import DocumentCheck


class _RecordsBatches(DocumentCheck):
    """Says in each outcome which process checked the document, whether ``prepare_batch`` had been called
    on a batch holding its very context, and that batch's documents."""

    def __init__(self) -> None:
        super().__init__()
        self._batch: dict[int, list[str]] = {}

    def prepare_batch(self, ctxs):
        ids = [ctx.doc.id for ctx in ctxs]
        self._batch = {id(ctx): ids for ctx in ctxs}

    def check(self, ctx):
        ctx.stats["pid"] = os.getpid()
        ctx.stats["batch"] = self._batch.get(id(ctx))
        return ()


def _docs(n: int, size: int = 40) -> list[Document]:
    return [
        Document(f"d{i}", f"Document {i} says the harbour reopened." + "x" * size, source="x.txt") for i in range(n)
    ]


def _batches(outcomes) -> list[list[str]]:
    out: list[list[str]] = []
    for o in outcomes:
        batch = o.stats["batch"]
        assert batch is not None  # prepared, on its own context
        if not out or out[-1] != batch:
            out.append(batch)
    return out


def test_the_serial_stage_prepares_each_batch_before_checking_it():
    from audit.model import Unreadable

    docs = _docs(70)
    events = [*docs[:3], Unreadable(file="x.jsonl", line=4, reason="not JSON"), *docs[3:]]
    got = list(local._document_stage(iter(events), [_RecordsBatches()], None))
    assert [e for e, _o in got] == events  # input order, the unreadable line in its place
    outcomes = [o for _e, o in got if o is not None]
    batches = _batches(outcomes)
    assert [d for b in batches for d in b] == [d.id for d in docs]  # every document once, in order
    assert [len(b) for b in batches] == [32, 32, 6]  # bounded batches (local.SERIAL_BATCH)


def test_a_batch_ends_at_the_document_that_reaches_its_characters():
    docs = _docs(10, size=30_000)
    outcomes = [o for _e, o in local._document_stage(iter(docs), [_RecordsBatches()], None)]
    assert [len(b) for b in _batches(outcomes)] == [2] * 5


def test_the_library_run_prepares_batches():
    from audit.pipeline import run_checks

    docs = _docs(40)
    state, _ = run_checks(iter(docs), [_RecordsBatches()], settings=Settings())
    assert [r.id for r in state.results] == [d.id for d in docs]
    assert [len(b) for b in _batches(state.results)] == [32, 8]


def test_a_ray_shard_prepares_its_documents(monkeypatch):
    from audit.engine import ray

    monkeypatch.setattr(ray, "_checks_for", lambda config, enabled: [_RecordsBatches()])
    docs = _docs(5)
    outcomes = ray._run_shard(Config(), frozenset(), docs)
    assert _batches(outcomes) == [[d.id for d in docs]]


def _parallel_scenario():
    parallel = local.Parallel(Config(), frozenset(), jobs=2, warmup=4, warmup_chars=10**9, batch=5)
    outcomes = [o for _e, o in local._document_stage(iter(_docs(23)), [_RecordsBatches()], parallel)]
    return {
        "main": os.getpid(),
        "run": parallel.run,
        "pids": [o.stats["pid"] for o in outcomes],
        "batches": _batches(outcomes),
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_worker_processes_prepare_each_task():
    import subprocess

    code = "import json, tests.test_engine_prepare_batch as t; print(json.dumps(t._parallel_scenario()))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")]))}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    got = json.loads(out.stdout.splitlines()[-1])
    assert got["run"] == {"engine": "local", "workers": 2}
    assert got["main"] not in got["pids"]
    assert [len(b) for b in got["batches"]] == [5, 5, 5, 5, 3]
    assert [d for b in got["batches"] for d in b] == [f"d{i}" for i in range(23)]


# --------------------------------------------------------------------------- the language check

#: Short records (titles, tweets, word pairs, mixed English and Spanish), one of several passages, a long
#: one, blank and symbol-only ones: written for these tests.
_TEXTS = [
    "Harbour reopens after storm",
    "The council approved the budget on Tuesday after a two-hour debate.",
    "I love this song so much, la escucho todo el día con mis amigos",
    "no puedo believe this is happening lol",
    "titan daher",
    "maison rouge",
    "El consejo aprobó el presupuesto el martes.",
    "Der Rat hat den Haushalt am Dienstag beschlossen.",
    "",
    "   \n  ",
    "12345 | 678 | ---",
    "@maria jajaja see you at the beach mañana http://t.co/x #summer",
    "Show up: Venir. Te quiero mucho, my friend!",
    "WALL STREET CLOSES HIGHER ON TECH RALLY",
    "Ayer fuimos al cine and then we went home, it was great pero muy tarde",
    "Prices rose.\n\nLos precios subieron mucho en marzo, dijo el instituto de estadística.",
    "A first paragraph of news about the port.\n\nA second one about the weather on the coast.",
    (
        "The company said on Tuesday that net profit for the first quarter rose to 12.5 mln dlrs from 9.8 mln "
        "a year earlier, helped by lower costs and higher sales of its main products in Europe and in North "
        "America. It said it expected the second quarter to show a similar gain, and that its new plant in "
        "Ohio would open in June. Analysts had expected a smaller rise. "
    )
    * 3,
    "vamos a la playa",
    "Que bonito day today",
]


def _answers(check, ctxs, batch: bool):
    out = {}
    if batch:
        for i in range(0, len(ctxs), 7):
            part = ctxs[i : i + 7]
            check.prepare_batch(part)
            assert check._batch  # every part holds short records
            for ctx in part:
                out[ctx.doc.id] = list(check.check(ctx))
            assert not check._batch  # each taken by its record
    else:
        for ctx in ctxs:
            out[ctx.doc.id] = list(check.check(ctx))
    return [
        (
            ctx.language,
            ctx.languages,
            [(s.start, s.end, lang, conf) for s, lang, conf in ctx.passage_languages],
            dict(ctx.stats),
            [f.to_dict() for f in out[ctx.doc.id]],
        )
        for ctx in ctxs
    ]


def _contexts(texts):
    from audit.rules import DocContext

    return [DocContext(Document(f"t{i}", t, "x"), i) for i, t in enumerate(texts)]


def test_a_batch_gives_the_answers_of_one_record_at_a_time():
    from audit.language import LanguageCheck
    from audit.language.short import clear_word_cache

    texts = _TEXTS * 2  # a record seen again (answers cached) as well as fresh ones
    one = _answers(LanguageCheck(), _contexts(texts), batch=False)
    clear_word_cache()
    check = LanguageCheck()
    check.identifier.fasttext.clear_cache()
    batched = _answers(check, _contexts(texts), batch=True)
    assert batched == one
    langs = [a[0] for a in one]
    assert langs[2] in ("en", "es") and set(one[2][1]) == {"en", "es"}  # a mixed record is read as one
    assert langs[0] == "en" and langs[6] == "es" and langs[7] == "de"
    assert any(f["rule"] == "LANG004" for f in one[2][4])
    assert not any(f["rule"] == "LANG004" for f in one[1][4])


def test_the_check_takes_only_its_own_batch_answers():
    from audit.language import LanguageCheck

    check = LanguageCheck()
    first = _contexts(_TEXTS[:3])
    check.prepare_batch(first)
    assert len(check._batch) == 3
    check.prepare_batch(_contexts(_TEXTS[3:5]))  # the previous batch's answers are dropped
    assert len(check._batch) == 2
    # a context of the dropped batch (or none at all) is read as without the hook
    expected = _answers(LanguageCheck(), _contexts(_TEXTS[:3]), batch=False)
    assert _answers(check, first, batch=False) == expected
    assert len(check._batch) == 2
