"""The local engine loads the checks' models once, in the main process, before it forks its workers."""

from __future__ import annotations

import os
import sys

import pytest

from audit.config import Config
from audit.engine import local
from audit.model import Document
from audit.rules import DocumentCheck

#: What this process loaded: ("preload" | "check", pid), in order. A forked worker starts with a copy.
LOADS: list[tuple[str, int]] = []
MODEL: dict[str, int] = {}


class _CountsLoads(DocumentCheck):
    """A check with a "model" it loads on first use, unless ``preload`` loaded it already. Each outcome
    says which process checked the document and what that process had loaded by then."""

    def preload(self) -> None:
        if not MODEL:
            LOADS.append(("preload", os.getpid()))
            MODEL["words"] = 3

    def check(self, ctx):
        if not MODEL:
            LOADS.append(("check", os.getpid()))
            MODEL["words"] = 3
        ctx.stats["checked_by"] = os.getpid()
        ctx.stats["loads"] = list(LOADS)
        return ()


@pytest.fixture(autouse=True)
def _fresh():
    LOADS.clear()
    MODEL.clear()
    yield
    LOADS.clear()
    MODEL.clear()


def _docs(n: int) -> list[Document]:
    return [Document(f"d{i}", f"Document {i} says the harbour reopened.", source="x.txt") for i in range(n)]


def _outcomes(docs, parallel):
    return [out for _ev, out in local._document_stage(iter(docs), [_CountsLoads()], parallel)]


def _in_a_fresh_process(name: str, *args):
    """``name(*args)`` of this module, run in a new interpreter (workers are forked only from a process
    with no other thread, which a test run cannot promise); its JSON result."""
    import json
    import subprocess

    code = f"import json, tests.test_engine_preload as t; print(json.dumps(t.{name}(*{args!r})))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")]))}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def _preload_scenario():
    main = os.getpid()
    parallel = local.Parallel(Config(), frozenset(), jobs=2, warmup=4, warmup_chars=10**9, batch=3)
    outcomes = _outcomes(_docs(20), parallel)
    return {
        "main": main,
        "method": local._start_method(),
        "run": parallel.run,
        "loads": LOADS,
        "checked_by": [out.stats["checked_by"] for out in outcomes],
        "loads_seen": [out.stats["loads"] for out in outcomes],
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_models_load_once_in_the_main_process_and_every_document_goes_to_a_worker():
    got = _in_a_fresh_process("_preload_scenario")
    main = got["main"]
    assert got["method"] == "fork" and got["run"] == {"engine": "local", "workers": 2}
    assert len(got["checked_by"]) == 20
    # preloaded once, there, before the fork: no document was checked there, no worker loaded again
    assert got["loads"] == [["preload", main]]
    assert main not in got["checked_by"]
    assert all(seen == [["preload", main]] for seen in got["loads_seen"])


def test_a_small_input_is_checked_here_without_a_pool_or_a_preload(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool started")

    monkeypatch.setattr(local, "_parallel_stage", no_pool)
    main = os.getpid()
    parallel = local.Parallel(Config(), frozenset(), jobs=2, warmup=50, warmup_chars=10**9)
    outcomes = _outcomes(_docs(5), parallel)
    assert [out.stats["checked_by"] for out in outcomes] == [main] * 5
    assert LOADS == [("check", main)]  # loaded lazily, by the first document that needed it
    assert parallel.run == {"engine": "local", "workers": 1}


def test_read_ahead_stops_at_the_document_that_reaches_a_limit():
    from audit.model import Unreadable

    bad = Unreadable(file="x.jsonl", line=2, reason="not JSON")
    events = [Document("a", "x" * 10, "x"), bad, Document("b", "y" * 10, "x"), Document("c", "z", "x")]
    it = iter(events)
    head, large = local._read_ahead(it, docs=2, chars=10**6)
    assert large and head == events[:3] and next(it) is events[3]
    head, large = local._read_ahead(iter(events), docs=10, chars=15)
    assert large and head == events[:3]
    head, large = local._read_ahead(iter(events), docs=10, chars=10**6)
    assert not large and head == events


def test_the_families_preload_what_their_checks_load_on_first_use():
    """In a fresh process: after every check's ``preload``, checking an English and a Spanish document
    loads no model, profile set or lexicon again (``LangdetectBackend`` used to load its profiles on its
    first prediction, the sourcing lexicons on the first sentence of their language)."""
    import subprocess

    code = """
import json
from audit.config import Config
from audit.engine.common import DocOutcome, build_checks
from audit.language import backends, ldfast
from audit.model import Document
from audit.policy import Policy
from audit.rules import DocContext, DocumentCheck
from audit.sourcing import lexicon

config = Config()
checks = build_checks(config, Policy.from_config(config))
assert backends._FT_MODEL is None and ldfast._PROFILES is None and lexicon.lexicon.cache_info().currsize == 0
for check in checks:
    check.preload()
model, profiles, lexicons = backends._FT_MODEL, ldfast._PROFILES, lexicon.lexicon.cache_info().currsize
docs = [
    "The council approved the budget on Tuesday after a two-hour debate, officials said.",
    "El consejo aprobó el presupuesto el martes tras un debate de dos horas, según fuentes oficiales.",
]
doc_checks = [c for c in checks if isinstance(c, DocumentCheck)]
langs = [DocOutcome.compute(DocContext(Document(str(i), t, "x"), -1), doc_checks).language for i, t in enumerate(docs)]
print(json.dumps([model is not None, profiles is not None, lexicons, langs,
                  backends._FT_MODEL is model, ldfast._PROFILES is profiles, lexicon.lexicon.cache_info().currsize]))
"""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")]))}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    loaded, profiled, lexicons, langs, same_model, same_profiles, lexicons_after = __import__("json").loads(out.stdout)
    assert loaded and profiled and lexicons == 2
    assert langs == ["en", "es"]
    assert same_model and same_profiles and lexicons_after == lexicons


class _SeesPassageLanguages:
    """A corpus check that records how many passage languages ``observe`` sees per document."""

    def __init__(self, uses: frozenset[str]) -> None:
        self.uses = uses
        self.seen: list[int] = []

    def make(self):
        from audit.rules import CorpusCheck

        outer = self

        class Check(CorpusCheck):
            uses = outer.uses

            def observe(self, ctx):
                outer.seen.append(len(ctx.passage_languages))
                return ()

        return Check()


def _passage_languages_scenario(uses: list[str]):
    import dataclasses

    from audit.language import LanguageCheck
    from audit.pipeline import run_checks

    text = "The council approved the budget on Tuesday.\n\nEl consejo aprobó el presupuesto el martes por la tarde."
    docs = [Document(f"d{i}", text, source="x.txt") for i in range(6)]
    spy = _SeesPassageLanguages(frozenset(uses))
    config = dataclasses.replace(Config(), jobs=2)
    results = []
    for jobs in (1, 2):
        parallel = local.Parallel(config, frozenset(), jobs=jobs, warmup=2, batch=2)
        spy.seen.clear()
        state, _extra = run_checks(iter(docs), [LanguageCheck(), spy.make()], parallel=parallel)
        results.append([[[r.language, r.languages] for r in state.results], list(spy.seen), parallel.run])
    return results


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
@pytest.mark.parametrize("uses", [["language"], []])
def test_passage_languages_come_back_from_the_workers_only_for_a_corpus_check_that_uses_them(uses):
    """The outcomes of the workers carry the passage languages only when a corpus check declares that it
    reads the language annotations (``uses``); the report is the same either way."""
    (serial, serial_seen, _run1), (par, par_seen, run2) = _in_a_fresh_process("_passage_languages_scenario", uses)
    assert run2 == {"engine": "local", "workers": 2}
    assert par == serial and serial_seen == [2] * 6  # two passages, each with its language
    assert par_seen == ([2] * 6 if uses else [0] * 6)
