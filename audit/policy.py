"""The policy layer: which findings count, how severe they are, and what they mean.

Checks only detect. This module decides: ``--select``/``--ignore``, per-rule
severity overrides, the per-document verdict (keep / review / drop) and the exit
code for ``--fail-on``. The same findings therefore serve a report, a CI gate and
the pre-ingest filter.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterable

from audit.config import Config, register_section
from audit.errors import ConfigError, UnknownRuleError
from audit.model import Finding, Report, Severity, Verdict
from audit.rules import Rule, all_rules, check_classes, resolve_patterns


@dataclass(frozen=True)
class FilterConfig:
    """``[filter]``: which findings make ``corpus-audit filter`` reject a document.

    A document is rejected when one of its findings (after select/ignore and
    severity overrides) is at or above ``reject_on``, names a rule in
    ``reject_rules`` or in ``[policy] drop_rules``, or is one of the two
    document-level kinds below. Passage-level duplicate findings (shared
    paragraphs, boilerplate) reject only when their rule is in ``reject_rules``.
    Rules in ``keep_rules`` never reject.
    """

    #: Any finding at or above this severity rejects ("error": certain problems only).
    reject_on: str = "error"
    #: Rules whose findings always reject, whatever their severity.
    reject_rules: tuple[str, ...] = ()
    #: Rules whose findings never reject (overrides everything else).
    keep_rules: tuple[str, ...] = ()
    #: Reject a whole-document duplicate (any severity) of a document that is kept in this batch or
    #: already in the index. Duplicates of a rejected document are not rejected for it.
    reject_duplicates: bool = True
    #: Reject a document whose whole-document language finding is a warning or worse (unexpected language).
    reject_language: bool = True
    #: A finding covering at least this share of a document's characters is "whole-document".
    document_coverage: float = 0.9

    def __post_init__(self) -> None:
        Severity.parse(self.reject_on)
        if not 0.0 < self.document_coverage <= 1.0:
            raise ValueError("document_coverage must be in (0, 1]")


register_section("filter", FilterConfig)


@dataclass(frozen=True)
class Policy:
    enabled: frozenset[str]
    severity: dict[str, Severity]
    fail_on: Severity | None
    drop_on: Severity
    review_on: Severity
    drop_rules: frozenset[str]
    review_rules: frozenset[str]

    @classmethod
    def from_config(cls, config: Config, rules: list[Rule] | None = None) -> Policy:
        if rules is None:
            if config.select and not (config.severity or config.policy.drop_rules or config.policy.review_rules):
                # Only the families the patterns can name are imported (a pattern naming nothing is
                # reported against every rule below).
                try:
                    return cls.from_config(config, all_rules(check_classes(select=[*config.select, *config.ignore])))
                except UnknownRuleError:
                    pass
            rules = all_rules()
        known = {r.id for r in rules}
        enabled = resolve_patterns(config.select, rules, "select") if config.select else set(known)
        enabled -= resolve_patterns(config.ignore, rules, "ignore")
        severity = {}
        for rule_id, sev in config.severity.items():
            if rule_id not in known:
                raise ConfigError(f"[severity] names unknown rule {rule_id!r}; valid: {', '.join(sorted(known))}")
            severity[rule_id] = Severity.parse(sev)
        for name in ("drop_rules", "review_rules"):
            for rule_id in getattr(config.policy, name):
                if rule_id not in known:
                    raise ConfigError(f"policy.{name} names unknown rule {rule_id!r}; valid: {', '.join(sorted(known))}")
        return cls(
            enabled=frozenset(enabled),
            severity=severity,
            fail_on=Severity.parse(config.fail_on) if config.fail_on else None,
            drop_on=Severity.parse(config.policy.drop_on),
            review_on=Severity.parse(config.policy.review_on),
            drop_rules=frozenset(config.policy.drop_rules),
            review_rules=frozenset(config.policy.review_rules),
        )

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """Keep enabled rules, apply severity overrides, sort deterministically."""
        out = []
        for f in findings:
            if f.rule not in self.enabled:
                continue
            override = self.severity.get(f.rule)
            if override is not None and override != f.severity:
                f = dataclasses.replace(f, severity=override)
            out.append(f)
        out.sort(key=Finding.sort_key)
        return out

    def verdict(self, findings: Iterable[Finding]) -> Verdict:
        verdict = Verdict.KEEP
        for f in findings:
            if f.rule in self.drop_rules or f.severity.rank >= self.drop_on.rank:
                return Verdict.DROP
            if f.rule in self.review_rules or f.severity.rank >= self.review_on.rank:
                verdict = Verdict.REVIEW
        return verdict

    def failing(self, report: Report) -> int:
        """How many findings reach ``fail_on`` (0 when no threshold is set)."""
        if self.fail_on is None:
            return 0
        return sum(
            1 for doc in report.documents for f in doc.findings if f.severity.rank >= self.fail_on.rank
        )


def exit_code(report: Report, policy: Policy) -> int:
    """0: clean at the threshold; 1: findings reach ``fail_on``; 2: unreadable input."""
    if report.unreadable:
        return 2
    return 1 if policy.failing(report) else 0
