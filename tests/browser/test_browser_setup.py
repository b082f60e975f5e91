"""A missing browser must fail the browser tests under CI and only skip them locally."""

from __future__ import annotations

import pytest

from tests.browser import conftest


def test_missing_browser_fails_under_ci_and_skips_locally(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="headless Chromium"):
        conftest._unavailable("no chromium executable")
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception, match="scripts/test.sh"):
        conftest._unavailable("no chromium executable")
