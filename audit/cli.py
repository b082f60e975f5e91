"""The ``corpus-audit`` command: parse options, call the library, pick renderers, set the exit code.

No detection logic lives here. Library errors (:class:`audit.errors.AuditError`)
become one line on stderr and exit code 2.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from pathlib import Path
from typing import Any, List

import typer

from audit import __version__, recache
from audit.collector import tune_allocator, tune_collector
from audit.errors import AuditError
from audit.model import Skipped, Unreadable

app = typer.Typer(
    name="corpus-audit",
    help="Audit text corpora: duplicates, languages, scraping artefacts and unsourced claims.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: "--out DIR", never Python type names such as <list[Path]>
    context_settings={"help_option_names": ["-h", "--help"]},
)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _err(message: str) -> None:
    """One message on stderr; control characters from file names or corpus text are shown escaped
    (``\\x1b``), never sent raw to the terminal."""
    typer.echo(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", message), err=True)


def _fail(message: str) -> typer.Exit:
    _err(f"corpus-audit: error: {message}")
    return typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"corpus-audit {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Audit text corpora: duplicates, languages, scraping artefacts and unsourced claims."""


def _split(values: List[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or []:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


# Options that scan and filter share.
_SELECT = typer.Option(None, "--select", metavar="IDS", help="Only these rule ids, prefixes or categories.")
_IGNORE = typer.Option(None, "--ignore", metavar="IDS", help="Skip these rule ids, prefixes or categories.")
_LANGUAGES = typer.Option(None, "--languages", metavar="LANGS", help="Expected languages, e.g. en,es.")
_TEXT_FIELD = typer.Option(None, "--text-field", metavar="FIELD", help="Record field holding the text (default text).")
_ID_FIELD = typer.Option(None, "--id-field", metavar="FIELD", help="Record field holding the id (default id).")
_ENGINE = typer.Option(
    None,
    "--engine",
    metavar="local|ray",
    help="Where per-document checks run: local (default; processes on this machine) or ray (the cluster named by "
    "RAY_ADDRESS, else a local Ray instance; needs pip install 'corpus-audit[ray]').",
)
_JOBS = typer.Option(
    None,
    "--jobs",
    "-j",
    min=0,
    metavar="N",
    help="Worker processes for per-document checks (0 = one per CPU, 1 = serial).",
)


def _load_config(config_file: Path | None, engine: str | None = None, **overrides):
    from audit.config import load_config

    config = load_config(config_file)
    changes = {k: v for k, v in overrides.items() if v not in (None, ())}
    if changes:
        config = dataclasses.replace(config, **changes)
    if engine is not None:
        if engine not in ("local", "ray"):
            raise AuditError(f"--engine must be local or ray, not {engine!r}")
        config = dataclasses.replace(config, engine=dataclasses.replace(config.engine, kind=engine))
    return config


class _Progress:
    """Progress on stderr: a live rich display when stderr is a terminal (and not in CI); otherwise one
    plain line every ``CORPUS_AUDIT_PROGRESS_SECONDS`` (default 30) seconds, so a long run in CI or
    behind a pipe is never silent for minutes. Nothing is printed for runs shorter than the interval."""

    def __init__(self, live: bool, interval: float | None = None, verb: str = "scanning") -> None:
        self.live = live
        self.verb = verb
        if interval is None:
            try:
                interval = float(os.environ.get("CORPUS_AUDIT_PROGRESS_SECONDS", "30"))
            except ValueError:
                interval = 30.0
        self.interval = interval
        self._progress: Any = None
        self._task: Any = None
        self._docs = 0
        self._chars = 0
        self._start = 0.0
        self._next = 0.0
        self._next_draw = 0.0

    def __enter__(self) -> _Progress:
        import time

        self._start = time.monotonic()
        self._next = self._start + self.interval
        if self.live:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn(f"[bold]{self.verb}[/] {{task.completed}} documents"),
                TextColumn("{task.fields[current]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
                # Redrawn from advance(), never by a refresh thread: with no other thread running, the
                # worker processes of --jobs fork and inherit the models already loaded (a thread would
                # make them start from a fork server and load everything again).
                auto_refresh=False,
            )
            self._progress.start()
            self._task = self._progress.add_task("scan", total=None, current="")
        return self

    def advance(self, doc) -> None:
        self._docs += 1
        self._chars += len(doc.text)
        import time

        now = time.monotonic()
        if self._progress is not None:
            self._progress.update(self._task, advance=1, current=doc.source[-60:])
            if now >= self._next_draw:
                self._next_draw = now + 0.1
                self._progress.refresh()
            return
        if now >= self._next:
            self._next = now + self.interval
            elapsed = max(now - self._start, 1e-9)
            mb = self._chars / 1e6
            _err(
                f"corpus-audit: {self.verb}: {self._docs:,} documents, {mb:,.1f} M characters read, "
                f"{mb / elapsed:.2f} M characters/s, {int(elapsed) // 60}m{int(elapsed) % 60:02d}s"
            )

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()


def _show_progress() -> bool:
    """A live display only on a terminal outside CI; elsewhere periodic lines."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def _report_unreadable(u: Unreadable) -> None:
    _err(f"corpus-audit: unreadable: {u.describe()}")


@app.command()
def scan(
    paths: List[Path] = typer.Argument(..., metavar="PATH", hidden=True),  # described in the docstring
    out: Path = typer.Option(Path("reports"), "--out", "-o", metavar="DIR", help="Folder for the reports."),
    format: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMATS", help="Comma-separated subset of json,md,html."
    ),
    fail_on: str | None = typer.Option(
        None,
        "--fail-on",
        metavar="SEVERITY",
        help="Exit 1 when a finding reaches this severity: info, warning or error.",
    ),
    select: List[str] | None = _SELECT,
    ignore: List[str] | None = _IGNORE,
    config_file: Path | None = typer.Option(
        None,
        "--config",
        metavar="FILE",
        help="Config file (default: ./corpus-audit.toml, or the tool.corpus-audit table of ./pyproject.toml).",
    ),
    baseline: Path | None = typer.Option(
        None, "--baseline", metavar="FILE", help="Report only findings not in this baseline."
    ),
    write_baseline: Path | None = typer.Option(
        None, "--write-baseline", metavar="FILE", help="Record the current findings as accepted in this file."
    ),
    index: str | None = typer.Option(
        None,
        "--index",
        metavar="DIR|URL",
        help="Also report duplicates of documents in this persistent index (a folder, or redis://host:port/db; "
        "never changed by scan).",
    ),
    languages: str | None = _LANGUAGES,
    text_field: str | None = _TEXT_FIELD,
    id_field: str | None = _ID_FIELD,
    jobs: int | None = _JOBS,
    engine: str | None = _ENGINE,
    work_dir: Path | None = typer.Option(
        None,
        "--work-dir",
        metavar="DIR",
        help="Find near-duplicate documents in stages with files as the interface (signatures and band rows "
        "on disk, candidates verified by the workers: memory bounded on large corpora; same findings). "
        "Intermediate files go to a temporary folder in DIR, removed at the end (docs/scale-out.md).",
    ),
    cache: Path | None = typer.Option(
        None,
        "--cache",
        metavar="DIR",
        help="Keep each document's check results in DIR and reuse them when a later scan sees the same document "
        "with the same code and configuration (the same report, faster re-runs; docs/ci-and-filter.md).",
    ),
    staged: bool = typer.Option(
        False,
        "--staged",
        help="Scan the version of PATH staged for commit (the git index), not the working tree: what a pre-commit "
        "hook should audit. Untracked files are not scanned.",
    ),
) -> None:
    """Scan files and folders and write report.json, report.md and report.html.

    PATH is a file or a folder (walked recursively), or - for JSON lines on standard input.
    """
    from audit.baseline import load_baseline
    from audit.baseline import write_baseline as write_baseline_file
    from audit.pipeline import ScanHooks
    from audit.pipeline import scan as run_scan
    from audit.policy import Policy, exit_code
    from audit.render import RENDERERS, parse_formats, write_reports

    try:
        formats = parse_formats(format)
    except ValueError as err:
        raise _fail(f"--format: {err}")
    if fail_on is not None and fail_on.lower() not in ("info", "warning", "error"):
        raise _fail(f"--fail-on must be info, warning or error, not {fail_on!r}")
    if out.exists() and not out.is_dir():  # found before the scan, not after it
        raise _fail(f"--out {out} is a file, not a folder")
    try:
        config = _load_config(
            config_file,
            select=_split(select),
            ignore=_split(ignore),
            fail_on=fail_on.lower() if fail_on else None,
            languages=_split([languages] if languages else None),
            text_field=text_field,
            id_field=id_field,
            jobs=jobs,
            engine=engine,
        )
        if index is not None:
            config = _with_index(config, index)
        if work_dir is not None:
            config = dataclasses.replace(
                config, engine=dataclasses.replace(config.engine, dedup="staged", work_dir=str(work_dir))
            )
        if cache is not None:
            config = dataclasses.replace(config, engine=dataclasses.replace(config.engine, cache=str(cache)))
        policy = Policy.from_config(config)
        if not policy.enabled:  # e.g. --select DUP --ignore duplicate: a gate that can never fail
            _err(
                "corpus-audit: warning: --select/--ignore leave no rule enabled; only unreadable input can fail this run"
            )
        base = load_baseline(baseline) if baseline else None
        with _Progress(_show_progress()) as progress:
            hooks = ScanHooks(
                on_document=progress.advance,
                on_unreadable=_report_unreadable,
                on_cache=lambda line: _err(f"corpus-audit: {line}"),
            )
            own = {out / name: "a report written by corpus-audit (--out)" for name, _ in RENDERERS.values()}
            if staged:
                import tempfile

                from audit.git import staged_copy

                with tempfile.TemporaryDirectory(prefix="corpus-audit-staged-") as tmp:
                    report = run_scan(
                        staged_copy([str(p) for p in paths], tmp), config, hooks=hooks, baseline=base, exclude=own
                    )
                    report.extra["staged"] = True
            else:
                report = run_scan([str(p) for p in paths], config, hooks=hooks, baseline=base, exclude=own)
        written = write_reports(report, out, formats)
        if write_baseline is not None:
            n = write_baseline_file(write_baseline, report.documents, report.text_of, also=report.baseline_suppressed)
            _err(f"corpus-audit: wrote baseline {write_baseline} with {n} findings")
    except AuditError as err:
        raise _fail(str(err))
    except OSError as err:
        raise _fail(f"{getattr(err, 'filename', '') or ''}: {err.strerror or err}")
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        from audit.render.markdown import render as render_markdown

        try:
            with open(step_summary, "a", encoding="utf-8") as fh:
                fh.write(render_markdown(report))
        except OSError as err:
            _err(f"corpus-audit: warning: cannot append to GITHUB_STEP_SUMMARY {step_summary}: {err}")
    _report_renamed(report.extra.get("renamed_ids") or [])
    s = report.summary()
    total = sum(s["findings"].values())
    cats = ", ".join(f"{k} {v}" for k, v in s["findings"].items()) or "none"
    if "baseline" in report.extra:
        b = report.extra["baseline"]
        not_checked = f", {b['not_checked']} of rules not run (--select/--ignore)" if b.get("not_checked") else ""
        _err(
            f"corpus-audit: baseline {b['file']}: {b['suppressed']} suppressed, "
            f"{len(b['stale'])} stale entries (no longer match){not_checked}"
        )
    _err(
        f"corpus-audit: {s['documents']} documents, {total} findings ({cats}); "
        f"{report.unreadable_count()} unreadable, {len(report.skipped)} skipped; "
        f"wrote {', '.join(str(p) for p in written)}"
    )
    if not report.documents and not report.unreadable:  # a CI gate pointed at the wrong folder passes silently
        _err(
            f"corpus-audit: warning: no documents found in {', '.join(str(p) for p in paths)}"
            + (f" ({len(report.skipped)} paths skipped, listed in the report)" if report.skipped else "")
        )
    code = exit_code(report, policy)
    if code == 1 and policy.fail_on is not None:
        _err(f"corpus-audit: {policy.failing(report)} findings at or above {policy.fail_on.value}")
    elif code == 2:
        omitted = sum(report.unreadable_omitted.values())
        _err(
            f"corpus-audit: {report.unreadable_count()} inputs could not be read ("
            + (
                f"{len(report.unreadable)} listed in the report, {omitted} more counted in unreadable_omitted)"
                if omitted
                else "listed in the report)"
            )
        )
    raise typer.Exit(code)


def _report_renamed(renamed: list[dict]) -> None:
    """One stderr line when documents repeated an id (each is renamed ID#2, ID#3, ...)."""
    if not renamed:
        return
    r = renamed[0]
    where = f"{r['file']}:{r['line']}" if r.get("line") is not None else r["file"]
    _err(
        f"corpus-audit: {len(renamed)} documents repeat an earlier document's id and are named ID#2, ID#3, ... "
        f"(first: {r['was']!r} in {where} is {r['id']!r}; all listed in report.json renamed_ids)"
    )


def _with_index(config, index: str):
    from audit.index import IndexConfig

    section = dataclasses.replace(config.section("index", IndexConfig), path=str(index))
    return dataclasses.replace(config, sections={**config.sections, "index": section})


@app.command("filter")
def filter_command(
    paths: List[Path] = typer.Argument(..., metavar="PATH", hidden=True),  # described in the docstring
    keep: Path = typer.Option(
        ..., "--keep", metavar="KEPT.jsonl", help="JSONL file for the kept records (written atomically)."
    ),
    reject: Path = typer.Option(
        ..., "--reject", metavar="REJECTED.jsonl", help="JSONL file for rejected records with their reasons."
    ),
    index: str | None = typer.Option(
        None,
        "--index",
        metavar="DIR|URL",
        help="Persistent index of already-ingested documents to deduplicate against: a folder (SQLite) or "
        "redis://[user@]host:port/db?prefix=NAME (shared by several workers; password in $CORPUS_AUDIT_REDIS_PASSWORD).",
    ),
    update_index: bool = typer.Option(
        False, "--update-index", help="Claim the kept documents in --index (created if missing), atomically."
    ),
    select: List[str] | None = _SELECT,
    ignore: List[str] | None = _IGNORE,
    config_file: Path | None = typer.Option(None, "--config", metavar="FILE", help="Config file (see scan)."),
    languages: str | None = _LANGUAGES,
    text_field: str | None = _TEXT_FIELD,
    id_field: str | None = _ID_FIELD,
    jobs: int | None = _JOBS,
    engine: str | None = _ENGINE,
) -> None:
    """Split a batch into KEPT and REJECTED records before ingesting it; every input line lands in one of them.

    PATH is a file or a folder holding the incoming batch, or - for JSON lines on standard input.
    """
    from audit.filter import filter_paths
    from audit.pipeline import ScanHooks

    if update_index and index is None:
        raise _fail("--update-index needs --index DIR")
    try:
        config = _load_config(
            config_file,
            select=_split(select),
            ignore=_split(ignore),
            languages=_split([languages] if languages else None),
            text_field=text_field,
            id_field=id_field,
            jobs=jobs,
            engine=engine,
        )
        with _Progress(_show_progress(), verb="filtering") as progress:
            hooks = ScanHooks(on_document=progress.advance, on_unreadable=_report_unreadable)
            result = filter_paths(
                [str(p) for p in paths], config, keep, reject, index=index, update_index=update_index, hooks=hooks
            )
    except AuditError as err:
        raise _fail(str(err))
    except OSError as err:
        raise _fail(f"{getattr(err, 'filename', '') or ''}: {err.strerror or err}")
    if result.renamed:
        _err(
            f"corpus-audit: filter: {result.renamed} documents repeat an earlier document's id; "
            f"REJECTED names them ID#2, ID#3, ... (their records are unchanged)"
        )
    why = ", ".join(f"{rule} {n}" for rule, n in sorted(result.reasons.items())) or "none"
    line = (
        f"corpus-audit: filter: {result.documents} documents and {result.unreadable} unparseable lines: "
        f"kept {result.kept} -> {result.keep_path}, rejected {result.rejected + result.unreadable} -> "
        f"{result.reject_path} (reasons: {why})"
    )
    if result.skipped:
        line += f"; {result.skipped} paths skipped"
    _err(line)
    if index is not None:
        from audit.index import display

        _err(
            f"corpus-audit: index {display(index)}: {result.index_added} documents added, {result.index_total} in total"
        )
    if result.unopenable:
        _err(
            f"corpus-audit: {result.unopenable} inputs could not be opened or read at all (listed in {result.reject_path})"
        )
    if result.unopenable:
        raise typer.Exit(2)  # an input not read at all; both outputs are still written and complete
    raise typer.Exit(0)  # the contract: an unparseable line is data (rejected with its raw text, counted above)


@app.command()
def rules(
    examples: bool = typer.Option(False, "--examples", "-e", help="Also show what each rule flags and does not flag."),
    json_out: bool = typer.Option(False, "--json", help="Print the rules as JSON."),
) -> None:
    """List every rule: id, category, default severity and description."""
    import json

    from audit.rules import all_rules

    try:
        all_ = all_rules()
    except AuditError as err:
        raise _fail(str(err))
    if json_out:
        typer.echo(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "name": r.name,
                        "category": r.category.value,
                        "severity": r.severity.value,
                        "description": r.description,
                        "flags": list(r.flags),
                        "does_not_flag": list(r.not_flags),
                    }
                    for r in all_
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return
    width = max(len(r.name) for r in all_)
    for r in all_:
        typer.echo(f"{r.id}  {r.category.value:<9}  {r.severity.value:<7}  {r.name:<{width}}  {r.description}")
        if examples:
            for ex in r.flags:
                typer.echo(f"        flags:          {ex!r}")
            for ex in r.not_flags:
                typer.echo(f"        does not flag:  {ex!r}")


#: ``scan``'s options that take a value, as typer spells them -> the parameter (for :func:`_plain_scan`).
_SCAN_VALUES = {
    "--out": "out",
    "-o": "out",
    "--format": "format",
    "-f": "format",
    "--fail-on": "fail_on",
    "--select": "select",
    "--ignore": "ignore",
    "--config": "config_file",
    "--baseline": "baseline",
    "--write-baseline": "write_baseline",
    "--index": "index",
    "--languages": "languages",
    "--text-field": "text_field",
    "--id-field": "id_field",
    "--jobs": "jobs",
    "-j": "jobs",
    "--engine": "engine",
    "--work-dir": "work_dir",
    "--cache": "cache",
}
_SCAN_PATHS = frozenset({"out", "config_file", "baseline", "write_baseline", "work_dir", "cache"})


def _plain_scan(argv: list[str]) -> dict[str, Any] | None:
    """``scan``'s keyword arguments for a plain command line (``scan PATH... [--option VALUE]...
    [--staged]``, each option once, except ``--select`` and ``--ignore``), parsed without building the
    typer app: typer coerces parameters with pydantic, whose import is about 0.1 CPU s of every run's
    start-up. None for anything else (help, ``--option=value``, ``--``, an unknown or repeated option,
    a value that starts with ``-``, a ``--jobs`` that is not a whole number): typer parses those, and
    reports the usage errors. The same arguments as typer's (tested)."""
    if len(argv) < 2 or argv[0] != "scan":
        return None
    kw: dict[str, Any] = {"paths": [], "out": Path("reports"), "staged": False}
    kw.update(dict.fromkeys(set(_SCAN_VALUES.values()) - {"out"}))
    seen: set[str] = set()
    args = iter(argv[1:])
    for arg in args:
        name = _SCAN_VALUES.get(arg)
        if name is not None:
            value = next(args, None)
            if value is None or value.startswith("-") or (name in seen and name not in ("select", "ignore")):
                return None
            seen.add(name)
            if name in ("select", "ignore"):
                kw[name] = [*(kw[name] or ()), value]
            elif name == "jobs":
                if not (value.isascii() and value.isdigit()):
                    return None
                kw[name] = int(value)
            else:
                kw[name] = Path(value) if name in _SCAN_PATHS else value
        elif arg == "--staged" and not kw["staged"]:
            kw["staged"] = True
        elif arg == "-" or not arg.startswith("-"):
            kw["paths"].append(Path(arg))
        else:
            return None
    return kw if kw["paths"] else None


def main() -> None:
    """Console script entry point: an unexpected exception is an internal failure, exit 2 (never 1)."""
    # The scan's collector threshold (audit.collector.GC_YOUNG) from the start: importing the families,
    # their models and lexicons creates long-lived objects only, which Python's default (a young
    # collection every 700 allocations) walks about 120 times, 0.02-0.04 of a one-document scan's 0.8 CPU s.
    tune_collector()
    tune_allocator()  # numpy's batch temporaries reuse heap pages instead of faulting in fresh ones
    # numpy's OpenBLAS starts a thread per core when numpy is imported (0.03-0.04 CPU s a process); no check
    # multiplies matrices. Set before numpy is first imported (importing this module does not import it).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    recache.install()  # the families' compiled regular expressions from the last run (about 0.3 CPU s)
    try:
        plain = _plain_scan(sys.argv[1:])
        if plain is None:
            app()
        else:
            try:
                scan(**plain)
            except typer.Exit as end:  # as click's standalone mode ends a command
                sys.exit(end.exit_code)
            except KeyboardInterrupt:
                _err("Aborted!")
                sys.exit(1)
    except Exception as err:  # noqa: BLE001 - the contract's exit code for internal failures
        if os.environ.get("CORPUS_AUDIT_TRACEBACK"):
            import traceback

            traceback.print_exc()
        _err(
            f"corpus-audit: internal error: {type(err).__name__}: {err} "
            "(set CORPUS_AUDIT_TRACEBACK=1 to see the traceback)"
        )
        sys.exit(2)


__all__ = ["app", "main", "Skipped"]
