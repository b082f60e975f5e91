"""The command line sets glibc's allocator thresholds (audit.collector.tune_allocator) before it runs."""

from __future__ import annotations

import sys

import pytest

from audit import collector


class _FakeLibc:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def mallopt(self, param: int, value: int) -> int:
        self.calls.append((param, value))
        return 1


def test_tune_allocator_sets_the_mmap_and_trim_thresholds_on_linux(monkeypatch):
    import ctypes

    fake = _FakeLibc()
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", lambda name: fake)
    collector.tune_allocator()
    assert fake.calls == [(-3, collector.MMAP_THRESHOLD), (-1, collector.TRIM_THRESHOLD)]


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_tune_allocator_does_nothing_elsewhere(monkeypatch, platform):
    import ctypes

    fake = _FakeLibc()
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(ctypes, "CDLL", lambda name: fake)
    collector.tune_allocator()
    assert fake.calls == []


def test_tune_allocator_without_mallopt_is_a_no_op(monkeypatch):
    import ctypes

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes, "CDLL", lambda name: object())  # no mallopt (another C library)
    collector.tune_allocator()


def test_cli_main_tunes_the_allocator_before_the_app_runs(monkeypatch):
    from audit import cli

    order: list[str] = []
    monkeypatch.setattr(cli, "tune_allocator", lambda: order.append("allocator"))
    monkeypatch.setattr(cli, "app", lambda: order.append("app"))
    monkeypatch.setattr(sys, "argv", ["corpus-audit", "--version"])
    cli.main()
    assert order == ["allocator", "app"]


def test_the_real_call_succeeds():
    collector.tune_allocator()  # in this process: glibc on Linux, nothing elsewhere
