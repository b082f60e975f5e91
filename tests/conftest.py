from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SCHEMA_PATH = ROOT.parent / "shared" / "report.schema.json"
LOCAL_SCHEMA = ROOT / "docs" / "contract" / "report.schema.json"


def pytest_configure(config) -> None:
    """The command's regular-expression cache (audit/recache.py) in a file of this test session, not the
    user's ~/.cache: every command the tests run reads and extends it, so both its paths run."""
    if "CORPUS_AUDIT_REGEX_CACHE" not in os.environ:
        import tempfile

        folder = tempfile.mkdtemp(prefix="corpus-audit-tests-")
        os.environ["CORPUS_AUDIT_REGEX_CACHE"] = os.path.join(folder, "regex.marshal")


def in_ci() -> bool:
    """CI=true: a missing tool the tests need is a failure, not a skip (scripts/test.sh installs it)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module")
def ray_instance():
    """A local Ray instance (2 CPUs) for one test module, importing this checkout in its workers."""
    try:
        import ray
    except ImportError:
        message = "the Ray tests need Ray: pip install -e '.[test,ray]' (scripts/test.sh does)"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        configure_logging=False,
        runtime_env={"env_vars": {"PYTHONPATH": str(ROOT)}},
    )
    yield ray
    ray.shutdown()


@pytest.fixture(scope="session")
def report_schema() -> dict:
    """The contract's schema (shared/ beside the checkout), else the copy in docs/contract/."""
    path = SCHEMA_PATH if SCHEMA_PATH.is_file() else LOCAL_SCHEMA
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS


#: Tests that start services or real processes, install packages or sweep whole corpora: marked ``slow``
#: here, in one place, so that ``python -m pytest -m "not slow"`` is the fast target (CONTRIBUTING.md).
#: CI runs everything. Keys are test file paths (every test in them) or ``path::test_name`` prefixes.
SLOW = (
    "tests/test_precommit.py",  # pre-commit against real git repositories; one test pip-installs from PyPI
    "tests/test_engine_ray.py",  # a local Ray instance
    "tests/browser/",  # headless Chromium
    "tests/test_index.py::test_kill_9",  # real filter processes killed and re-run
    "tests/test_index.py::test_four_filters_racing",
    "tests/test_index.py::test_redis",  # a redis-server per test
    "tests/test_index.py::test_scan_reports_duplicates_of_a_redis",  # real filter and scan processes
    "tests/test_readers.py::test_filter_keeps_and_indexes_nothing_from_a_corrupt_gzip",
    "tests/test_filter.py::test_worker_processes_give_identical_outputs",
    "tests/test_pipeline.py::test_parallel_document_stage_matches_serial",
    "tests/test_pipeline.py::test_a_broken_worker_pool",
    "tests/test_report_writes.py",
    "tests/duplicates/test_caps.py",
    "tests/sourcing/test_sourcing_limits.py",
    "tests/test_readme.py",
    "tests/test_windows.py::test_a_5_mb_one_line_document_is_checked_in_bounded_memory",  # a 5 MB scan, ~15 CPU s
    "tests/test_smoke.py::test_installed_script",
    "tests/test_staged.py",
    "tests/test_language_wordlists.py::test_every_language_matches_wordfreq",
)


def pytest_collection_modifyitems(config, items):
    slow = pytest.mark.slow
    for item in items:
        nodeid = item.nodeid
        if any(nodeid.startswith(key) for key in SLOW):
            item.add_marker(slow)
