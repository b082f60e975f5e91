"""Findings past ``[engine] findings_memory_mb`` go to a spill file; reports stay byte-identical."""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import pickle
import random
import tracemalloc
from pathlib import Path

import pytest

from audit.config import Config, EngineConfig
from audit.findings_store import FINDING_BYTES, FindingsStore, SpilledFindings, replace
from audit.model import Category, Finding, Related, Severity

ROOT = Path(__file__).resolve().parent.parent


def _finding(i: int) -> Finding:
    return Finding(
        "ART002",
        Category.ARTEFACT,
        Severity.WARNING,
        i,
        i + 5,
        f"message {i} \u00e9",
        related=(Related("d1", 3, 9),) if i % 2 else (),
        data={"score": i / 7, "k": [i, "x"]} if i % 3 else None,
    )


def test_store_keeps_lists_in_memory_up_to_its_bound_then_spills():
    store = FindingsStore(memory_mb=3 * FINDING_BYTES / (1024 * 1024))
    first = [_finding(i) for i in range(3)]
    second = [_finding(i) for i in range(10, 14)]
    assert store.put(first) is first  # 3 findings: exactly the bound
    assert not store.spilling
    held = store.put(second)
    assert isinstance(held, SpilledFindings) and store.spilling
    assert len(held) == 4 and bool(held) and held == second and list(held) == second and held[1] == second[1]
    assert sorted(held, key=lambda f: -f.start)[0] == second[-1]
    assert store.put([]) == []  # nothing to spill
    # Replacing an in-memory list frees its share of the bound.
    smaller = store.put(first[:1], replacing=first)
    assert smaller == first[:1] and not isinstance(smaller, SpilledFindings)
    assert store.held == FINDING_BYTES
    # A spilled list replaced goes back through its store (what baselines do): in memory while there is
    # room, spilled past the bound; the old handle still reads.
    again = replace(held, second[:2])
    assert again == second[:2] and not isinstance(again, SpilledFindings) and held == second
    assert isinstance(replace(held, second), SpilledFindings)
    assert replace(first, first[:2]) == first[:2]
    store.close()
    assert not store.spilling


def test_unbounded_and_zero_bound():
    fs = [_finding(1)]
    assert FindingsStore(None).put(fs) is fs
    zero = FindingsStore(0)
    assert isinstance(zero.put(fs), SpilledFindings)
    zero.close()
    with pytest.raises(ValueError):
        EngineConfig(findings_memory_mb=-1)


def test_spilled_findings_hold_far_less_memory_than_the_lists():
    def held(memory_mb):
        gc.collect()
        tracemalloc.start()
        store = FindingsStore(memory_mb)
        kept = [store.put([_finding(i * 50 + j) for j in range(50)]) for i in range(400)]
        size, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert sum(len(k) for k in kept) == 20_000
        store.close()
        return size

    in_memory, spilled = held(None), held(0)
    assert spilled * 10 < in_memory, (spilled, in_memory)


def _generated(path: Path, n: int = 40) -> Path:
    """Pages with menus, markup, mojibake and footers (many findings each), and an exact copy."""
    rng = random.Random(5)
    lines = []
    for i in range(n):
        blocks = [
            f"Home | News | Sport | Contact us\nThe council said on Tuesday that rents rose {rng.randint(2, 40)} "
            f'percent. Experts say prices will fall.\n<div class="x">caf&eacute; menu</div> \u00c3\u00a9t\u00c3\u00a9 '
            f"price {i * j}\nCopyright 2024 Example Media. All rights reserved.\n"
            for j in range(3 + i % 9)
        ]
        lines.append({"id": f"g{i}", "text": "\n".join(blocks), "source": f"s{i % 3}"})
    lines.append({"id": "copy", "text": lines[1]["text"]})
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def _config(memory_mb: float) -> Config:
    config = Config()
    config.engine = dataclasses.replace(config.engine, findings_memory_mb=memory_mb)
    return config


def _rendered(report) -> dict[str, str]:
    from audit.render import RENDERERS

    return {f: RENDERERS[f][1](report) for f in ("json", "md", "html")}


@pytest.mark.parametrize("share", [0, 0.5])
def test_reports_are_byte_identical_with_a_tiny_bound(tmp_path, share):
    """Every finding spilled (bound 0), or about half of them (the first documents' stay in memory)."""
    from audit.pipeline import scan

    for corpus in (str(ROOT / "corpus"), str(_generated(tmp_path / "gen.jsonl"))):
        default = scan([corpus], Config())
        total = sum(len(d.findings) for d in default.documents)
        tiny = scan([corpus], _config(share * total * FINDING_BYTES / (1024 * 1024)))
        spilled = sum(isinstance(d.findings, SpilledFindings) for d in tiny.documents)
        assert spilled > 0 and not any(isinstance(d.findings, SpilledFindings) for d in default.documents)
        if share:
            assert spilled < sum(bool(d.findings) for d in tiny.documents)  # the first ones stayed in memory
        assert _rendered(tiny) == _rendered(default)
        assert [d.verdict for d in tiny.documents] == [d.verdict for d in default.documents]
        assert tiny.extra["sources"] == default.extra["sources"]


def test_a_baseline_applies_the_same_to_spilled_findings(tmp_path):
    from audit.baseline import load_baseline, write_baseline
    from audit.pipeline import scan

    corpus = str(_generated(tmp_path / "gen.jsonl"))
    first = scan([corpus], Config())
    # Accept the findings of half the documents.
    half = first.documents[::2]
    write_baseline(tmp_path / "b.json", half, first.text_of)
    baseline = load_baseline(tmp_path / "b.json")
    default = scan([corpus], Config(), baseline=baseline)
    tiny = scan([corpus], _config(0), baseline=baseline)
    assert default.extra["baseline"]["suppressed"] > 0
    assert any(isinstance(d.findings, SpilledFindings) for d in tiny.documents)
    assert _rendered(tiny) == _rendered(default)
    assert tiny.baseline_suppressed == default.baseline_suppressed


def _open_spill_files() -> int:
    n = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        n += "corpus-audit-findings-" in target or ("(deleted)" in target and "findings-spill" in target)
    return n


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_the_spill_file_exists_during_the_run_and_is_gone_after_it_and_after_an_error(tmp_path):
    from audit.pipeline import ScanHooks, scan

    spill_dir = tmp_path / "findings-spill"
    spill_dir.mkdir()
    config = _config(0)
    config.engine = dataclasses.replace(config.engine, work_dir=str(spill_dir))
    corpus = str(_generated(tmp_path / "gen.jsonl"))
    before = _open_spill_files()
    seen = []

    def watch(doc):
        seen.append(_open_spill_files() - before)
        if len(seen) == 20 and fail:
            raise RuntimeError("stop")

    fail = False
    report = scan([corpus], config, hooks=ScanHooks(on_document=watch))
    assert max(seen) == 1  # open while scanning ...
    assert list(spill_dir.iterdir()) == []  # ... and never a name in the folder (unlinked when created)
    assert _rendered(report)["json"]
    del report
    gc.collect()
    assert _open_spill_files() == before  # closed with the report

    fail, seen = True, []
    with pytest.raises(RuntimeError):
        scan([corpus], config, hooks=ScanHooks(on_document=watch))
    gc.collect()
    assert seen[-1] == 1 and _open_spill_files() == before  # closed on the error too
    assert list(spill_dir.iterdir()) == []


def test_a_spilled_handle_is_not_pickled_by_accident():
    store = FindingsStore(0)
    handle = store.put([_finding(2)])
    with pytest.raises(TypeError):
        pickle.dumps(handle)
    store.close()


def test_filter_keeps_and_rejects_the_same_with_spilled_findings(tmp_path):
    from audit.filter import filter_paths

    corpus = str(_generated(tmp_path / "gen.jsonl"))
    outputs = []
    for name, config in (("default", Config()), ("spill", _config(0))):
        keep, reject = tmp_path / f"{name}.kept.jsonl", tmp_path / f"{name}.rejected.jsonl"
        result = filter_paths([corpus], config, keep, reject)
        outputs.append((keep.read_bytes(), reject.read_bytes(), result.kept, result.rejected, dict(result.reasons)))
    assert outputs[0] == outputs[1]
    assert outputs[0][3] > 0  # something was rejected for its findings
