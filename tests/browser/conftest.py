"""Headless Chromium (the system browser, never a downloaded one) driven by Playwright.

When the browser or Playwright is missing the browser tests FAIL under CI (``CI`` set to a
true value) with a message saying how to install them, and are skipped locally.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
]


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str):
    message = (
        f"browser tests need headless Chromium and Playwright: {reason}. Install them with "
        "scripts/test.sh (apt-get install chromium chromium-driver; pip install -e '.[test]')."
    )
    if _in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("CHROMIUM_PATH"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the machine
        _unavailable(f"cannot import playwright ({exc})")
    path = chromium_path()
    if path is None:
        _unavailable("no chromium executable (looked at $CHROMIUM_PATH, /usr/bin/chromium, PATH)")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
    except Exception as exc:  # pragma: no cover
        pw.stop()
        _unavailable(f"chromium at {path} did not start ({exc})")
    yield b
    b.close()
    pw.stop()


@dataclass
class Watched:
    """A page plus everything it did that a test may want to assert on."""

    page: Any
    url: str
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def goto(self, fragment: str = "") -> None:
        self.page.evaluate("h => { location.hash = h; }", fragment) if fragment else None
        self.page.wait_for_timeout(30)

    def console_errors(self) -> list[str]:
        return [t for kind, t in self.console if kind in ("error", "warning")] + self.errors

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if u.split("#")[0] != self.url.split("#")[0]]

    def violations(self) -> list[Any]:
        return self.page.evaluate("window.__cspViolations || []")


_INIT = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  {directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample}));
"""


@pytest.fixture
def open_report(browser, tmp_path):
    """``open_report(html, fragment="")`` writes the page to a file and opens it from disk."""
    contexts = []

    def _open(html: str, fragment: str = "", name: str = "report.html", viewport=(1400, 1000)) -> Watched:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        ctx = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, java_script_enabled=True)
        contexts.append(ctx)
        page = ctx.new_page()
        url = path.as_uri()
        w = Watched(page, url)
        page.on("console", lambda m: w.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: w.errors.append(str(e)))
        page.on("request", lambda r: w.requests.append(r.url))
        page.on("dialog", lambda d: (w.dialogs.append(d.message), d.dismiss()))
        page.add_init_script(_INIT)
        # anything that is not the page itself is refused (and recorded above)
        ctx.route("**/*", lambda route: route.continue_() if route.request.url.split("#")[0] == url else route.abort())
        page.goto(url + fragment)
        page.wait_for_selector("html[data-ready]", timeout=30_000)
        return w

    yield _open
    for ctx in contexts:
        ctx.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
