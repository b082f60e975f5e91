"""Speed paths of the duplicates stage give exactly what the plain paths give (issue 15)."""

from __future__ import annotations

import pytest

from audit.model import Document
from audit.rules import DocContext
from audit.sourcing.tables import headline_outlet


def _ctx(text: str) -> DocContext:
    return DocContext(Document(id="d", text=text, source="f.txt"), 0)


OUTLET_TEXTS = [
    # must name the outlet: headline lines with a dash or a bar before the outlet
    "Markets rally after the rate cut – Daily Ledger\nStocks rose on Tuesday.\n",
    "Intro line.\nCity council approves new budget | Evening Post\nMore text.\n"
    "Council members argue over the parks plan - Evening Post\n",
    "A\n\nTwo headlines here for a test — Morning Star\nSecond headline for a second test — Morning Star\n"
    "Third headline for the last test — Other Times\n",
    # must name none
    "A well-known fact, stated plainly. No outlet here.\n",
    "Prices rose 3 - 4 pct in the period.\nShr 1.10 vs 95 cts\n",
    "Line ending with a dash -\nNext line - not a headline at all.\n",
    "- a bullet item\n- another item\n  -  \n",
    "Headline text that is long enough –\nOutlet\n",  # the dash ends one line, the name is on the next
    "",
    "   \n \t - \n",
]


@pytest.mark.parametrize("text", OUTLET_TEXTS)
def test_outlet_fast_path_agrees_with_every_line(text):
    ctx = _ctx(text)
    assert ctx.outlet == headline_outlet(text, _ctx(text).lines)


def test_outlet_fast_path_finds_and_skips():
    assert _ctx(OUTLET_TEXTS[0]).outlet == "Daily Ledger"
    assert _ctx(OUTLET_TEXTS[1]).outlet == "Evening Post"
    assert _ctx(OUTLET_TEXTS[2]).outlet == "Morning Star"
    assert _ctx(OUTLET_TEXTS[3]).outlet is None
    assert _ctx(OUTLET_TEXTS[7]).outlet is None
    # a text without a dash between white space never builds its lines
    ctx = _ctx("Plain text, hyphen-joined words only.\nSecond line.\n")
    assert ctx.outlet is None
    assert "line_bounds" not in ctx.layer.__dict__


def test_record_source_plain_string_and_missing_fast_paths():
    ctx = DocContext(Document(id="d", text="x", source="f.txt", metadata={"source": "  Wire  ", "n": 0}), 0)
    assert ctx.record_source() == "Wire"
    assert ctx.record_source("n") == "0"
    assert ctx.record_source("missing") is None
    blank = DocContext(Document(id="d", text="x", source="f.txt", metadata={"source": "   "}), 0)
    assert blank.record_source() is None


def test_text_store_appends_after_reads():
    from audit.pipeline import TextStore

    store = TextStore()
    a = store.add("first text")
    assert store.get(a) == "first text"
    b = store.add("sécond")  # after a read: appended at the end, not where the read stopped
    assert store.get(a) == "first text"
    c = store.add("third")
    assert [store.get(i) for i in (a, b, c)] == ["first text", "sécond", "third"]
    store.close()


def test_prepare_key_names_the_defining_class():
    from audit.duplicates.check import DuplicateCheck

    class Sub(DuplicateCheck):
        pass

    assert DuplicateCheck().prepare_key == Sub().prepare_key == "audit.duplicates.check.DuplicateCheck"


def test_plugin_entry_points_are_read_once(monkeypatch):
    import audit.rules as rules

    calls = []

    def fake_entry_points(group):
        calls.append(group)
        return []

    monkeypatch.setattr(rules, "entry_points", fake_entry_points)
    monkeypatch.setattr(rules, "_PLUGIN_EPS", [])
    for _ in range(3):
        rules.check_classes(select=["duplicate"])
    assert calls == [rules.ENTRY_POINT_GROUP]


@pytest.mark.parametrize("n", [0, 1, 2, 3, 5, 64, 1000, (1 << 18) + 7])
def test_cumpow_by_doubling_equals_running_product(n):
    import numpy as np

    from audit.tokenhash import _P, _cumpow

    for base in (_P, np.uint32(pow(int(_P), -1, 1 << 32)), np.uint64(0xD6E8FEB86659FD93), np.uint64(3)):
        want = np.empty(n, dtype=np.asarray(base).dtype)
        if n:
            want[0] = 1
            want[1:] = base
            with np.errstate(over="ignore"):
                np.multiply.accumulate(want, out=want)
        got = _cumpow(base, n)
        assert got.dtype == want.dtype and np.array_equal(got, want)
        # grown from a shorter table (the tables grow as longer batches come)
        for k in sorted({2, 3, 7, n // 2, n - 1, n}):
            if 2 <= k <= n:
                grown = _cumpow(base, n, want[:k].copy())
                assert grown.dtype == want.dtype and np.array_equal(grown, want)
