"""Configuration: ``corpus-audit.toml`` or ``[tool.corpus-audit]`` in ``pyproject.toml``.

Top-level keys are the run's settings; each check family reads its own table
(``[duplicates]``, ``[language]``, ...) into its own small dataclass. Unknown
keys are an error that names the key. Command-line flags override the file.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from audit.errors import ConfigError
from audit.model import Severity
from audit.readers import ReaderConfig
from audit.rules import Settings, build_config, family_sections

CONFIG_FILE = "corpus-audit.toml"


@dataclass(frozen=True)
class PolicyConfig:
    """How findings become a verdict per document (``[policy]``): the report's verdicts and what
    ``filter`` rejects are the same decision (:class:`audit.policy.Policy`)."""

    #: A document with a finding at or above this severity is dropped (``filter`` rejects it).
    drop_on: str = "error"
    #: ... and one at or above this severity is sent for review.
    review_on: str = "warning"
    #: Rules whose findings always drop / review the document, whatever their severity.
    drop_rules: tuple[str, ...] = ()
    review_rules: tuple[str, ...] = ()
    #: Rules whose findings never drop or review a document (overrides everything else).
    keep_rules: tuple[str, ...] = ()
    #: Drop a whole-document duplicate: of an earlier kept copy (``filter``: of an earlier kept document
    #: of the batch or an indexed one). Duplicates of a dropped document are not dropped for it.
    drop_duplicates: bool = True
    #: Drop a document whose whole-document language finding is a warning or worse (unexpected language).
    drop_unexpected_language: bool = True
    #: A finding covering at least this share of a document's characters is "whole-document".
    document_coverage: float = 0.9

    def __post_init__(self) -> None:
        if not 0.0 < self.document_coverage <= 1.0:
            raise ValueError("document_coverage must be in (0, 1]")


@dataclass(frozen=True)
class EngineConfig:
    """Where per-document checks run (``[engine]``; ``--engine``)."""

    #: ``local`` (this process, and a process pool after a warm-up) or ``ray``.
    kind: str = "local"
    #: Ray: the cluster to join (``ray://host:10001`` or ``auto``); empty: ``RAY_ADDRESS``, else a local instance.
    address: str = ""
    #: Workers (processes or Ray CPUs); 0 = every CPU (of this machine, or of the Ray cluster).
    workers: int = 0
    #: Near-duplicate documents: ``memory`` (signatures held by the scan) or ``staged`` (audit.staged:
    #: signatures and band rows in files, candidates verified by the workers; same findings).
    dedup: str = "memory"
    #: Staged dedup: the folder for its intermediate files (a temporary folder inside it, removed at the
    #: end; empty: the system's temporary folder). With Ray on several machines, a path all of them share.
    work_dir: str = ""
    #: Staged dedup: partitions of the band rows (0: 16).
    partitions: int = 0
    #: Findings of finished documents held in memory (MB, estimated); past it they go to a temporary
    #: file (:mod:`audit.findings_store`) and are read back for the report. 0: spill every finding.
    findings_memory_mb: float = 256
    #: A folder where each document's outcome is kept and reused by later scans of the same document with
    #: the same code and configuration (:mod:`audit.cache`; ``--cache``). Empty: no cache.
    cache: str = ""

    def __post_init__(self) -> None:
        if self.kind not in ("local", "ray"):
            raise ValueError(f"kind must be 'local' or 'ray', not {self.kind!r}")
        if self.dedup not in ("memory", "staged"):
            raise ValueError(f"dedup must be 'memory' or 'staged', not {self.dedup!r}")
        if self.partitions < 0:
            raise ValueError("partitions must be 0 (automatic) or more")
        if self.workers < 0:
            raise ValueError("workers must be 0 (every CPU) or more")
        if self.findings_memory_mb < 0:
            raise ValueError("findings_memory_mb must be 0 (spill every finding) or more")


@dataclass
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    #: Expected document languages (ISO 639-1); empty means any.
    languages: tuple[str, ...] = ()
    text_field: str = "text"
    id_field: str = "id"
    source_field: str = "source"
    date_field: str | None = None
    max_record_bytes: int = 64 * 1024 * 1024
    #: Worker processes for per-document checks: 0 = one per CPU (after a 200-document warm-up), 1 = serial.
    jobs: int = 0
    #: Per-rule severity overrides: {"ART003": "info"}.
    severity: dict[str, str] = field(default_factory=dict)
    policy: PolicyConfig = field(default_factory=PolicyConfig)
    engine: EngineConfig = field(default_factory=EngineConfig)
    #: Family sections, validated: {"duplicates": DuplicatesConfig(...)}.
    sections: dict[str, Any] = field(default_factory=dict)
    #: Where the configuration came from (for messages), or None for defaults.
    path: str | None = None

    def section(self, name: str, cls: type) -> Any:
        value = self.sections.get(name)
        return value if value is not None else cls()

    def reader_config(self, keep_records: bool = False) -> ReaderConfig:
        return ReaderConfig(
            text_field=self.text_field,
            id_field=self.id_field,
            source_field=self.source_field,
            max_record_bytes=self.max_record_bytes,
            keep_records=keep_records,
        )

    def settings(self) -> Settings:
        return Settings(languages=self.languages, source_field=self.source_field, date_field=self.date_field)


_TOP_KEYS = {f.name for f in dataclasses.fields(Config)} - {"sections", "path", "policy", "severity", "engine"}
#: Sections that are not check families.
EXTRA_SECTIONS: dict[str, type] = {"policy": PolicyConfig}
#: Keys of the former ``[filter]`` table and where they live now (one policy for reports and filter).
_MOVED_FILTER_KEYS = {
    "reject_on": "drop_on",
    "reject_rules": "drop_rules",
    "keep_rules": "keep_rules",
    "reject_duplicates": "drop_duplicates",
    "reject_language": "drop_unexpected_language",
    "document_coverage": "document_coverage",
}


def find_config(start: Path | None = None) -> Path | None:
    """``corpus-audit.toml`` or a ``pyproject.toml`` with ``[tool.corpus-audit]``, in cwd."""
    here = start or Path.cwd()
    candidate = here / CONFIG_FILE
    if candidate.is_file():
        return candidate
    pyproject = here / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            return None
        if "corpus-audit" in data.get("tool", {}):
            return pyproject
    return None


def load_config(path: str | Path | None = None, *, discover: bool = True) -> Config:
    """Load a config file (or discover one in the current folder); defaults otherwise."""
    if path is None:
        found = find_config() if discover else None
        if found is None:
            return Config()
        path = found
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path} is not valid TOML: {err}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"cannot read config file {path}: {err}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("corpus-audit", {})
        where = f"{path} [tool.corpus-audit]"
    else:
        where = str(path)
    return config_from_mapping(data, where)


def config_from_mapping(data: Mapping[str, Any], where: str = "config") -> Config:
    families = family_sections()
    sections: dict[str, Any] = {}
    top: dict[str, Any] = {}
    policy = PolicyConfig()
    engine = EngineConfig()
    severity: dict[str, str] = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'severity' must be a table of RULE = \"info|warning|error\"")
            for rule, sev in value.items():
                try:
                    severity[str(rule).upper()] = Severity.parse(sev).value
                except ValueError as err:
                    raise ConfigError(f"{where}: [severity] {rule}: {err}") from None
        elif name == "filter":
            moved = ", ".join(f"{k} -> [policy] {_MOVED_FILTER_KEYS.get(k, k)}" for k in _table(value, key, where))
            raise ConfigError(
                f"{where}: the [filter] table is now part of [policy], so that report verdicts and "
                f"filter decisions are one decision ({moved or 'no keys given'})"
            )
        elif name == "policy":
            policy = build_config(PolicyConfig, _table(value, key, where), f"{where} policy")
        elif name == "engine":
            engine = build_config(EngineConfig, _table(value, key, where), f"{where} engine")
        elif key in families:
            sections[key] = build_config(families[key], _table(value, key, where), f"{where} {key}")
        elif key in EXTRA_SECTIONS:
            sections[key] = build_config(EXTRA_SECTIONS[key], _table(value, key, where), f"{where} {key}")
        elif name in _TOP_KEYS:
            top[name] = value
        else:
            valid = sorted(_TOP_KEYS | {"severity", "policy", "engine"} | set(families) | set(EXTRA_SECTIONS))
            raise ConfigError(f"{where}: unknown key {key!r}; valid keys: {', '.join(valid)}")
    for name in ("select", "ignore", "languages"):
        if name in top:
            value = top[name]
            if isinstance(value, str):
                value = [v for v in value.split(",") if v.strip()]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: {name!r} must be a list of strings")
            top[name] = tuple(v.strip() for v in value)
    for name in ("jobs", "max_record_bytes"):
        if name in top and (isinstance(top[name], bool) or not isinstance(top[name], int) or top[name] < 0):
            raise ConfigError(f"{where}: {name!r} must be a non-negative integer, not {top[name]!r}")
    for name in ("text_field", "id_field", "source_field", "date_field"):
        if name in top and not isinstance(top[name], str):
            raise ConfigError(f"{where}: {name!r} must be a string, not {top[name]!r}")
    if top.get("fail_on") is not None:
        try:
            top["fail_on"] = Severity.parse(top["fail_on"]).value
        except ValueError as err:
            raise ConfigError(f"{where}: fail_on: {err}") from None
    for name in ("drop_on", "review_on"):
        try:
            Severity.parse(getattr(policy, name))
        except ValueError as err:
            raise ConfigError(f"{where}: policy.{name}: {err}") from None
    return Config(**top, severity=severity, policy=policy, engine=engine, sections=sections, path=where)


def _table(value: Any, key: str, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [{key}] must be a table")
    return value
