"""The policy layer: which findings count, how severe they are, and what they mean.

Checks only detect. This module decides: ``--select``/``--ignore``, per-rule severity overrides,
the per-document verdict (keep / review / drop), the exit code for ``--fail-on``, and what
``filter`` rejects. A document's verdict is ``drop`` exactly when :meth:`Policy.drops` holds for one
of its findings, and ``filter`` rejects a document for its own findings by the same predicate (it
decides whole-document duplicates by claiming documents in order, against the index and the batch's
earlier kept documents: :mod:`audit.index`). The same findings therefore serve a report, a CI gate
and the pre-ingest filter, with one set of keys (``[policy]``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterable

from audit.config import Config
from audit.errors import UnknownRuleError
from audit.model import Category, Finding, Report, Severity, Verdict
from audit.rules import Rule, all_rules, check_classes, resolve_patterns

#: Rules whose findings say that a whole document is a copy of another.
DOCUMENT_DUPLICATE_RULES = frozenset({"DUP001", "DUP002", "DUP010", "DUP011"})


@dataclass(frozen=True)
class Policy:
    enabled: frozenset[str]
    severity: dict[str, Severity]
    fail_on: Severity | None
    drop_on: Severity = Severity.ERROR
    review_on: Severity = Severity.WARNING
    drop_rules: frozenset[str] = frozenset()
    review_rules: frozenset[str] = frozenset()
    keep_rules: frozenset[str] = frozenset()
    drop_duplicates: bool = True
    drop_unexpected_language: bool = True
    document_coverage: float = 0.9

    @classmethod
    def from_config(cls, config: Config, rules: list[Rule] | None = None) -> Policy:
        if rules is None:
            pc = config.policy
            if config.select and not (config.severity or pc.drop_rules or pc.review_rules or pc.keep_rules):
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
                from audit.errors import ConfigError

                raise ConfigError(f"[severity] names unknown rule {rule_id!r}; valid: {', '.join(sorted(known))}")
            severity[rule_id] = Severity.parse(sev)
        pc = config.policy
        return cls(
            enabled=frozenset(enabled),
            severity=severity,
            fail_on=Severity.parse(config.fail_on) if config.fail_on else None,
            drop_on=Severity.parse(pc.drop_on),
            review_on=Severity.parse(pc.review_on),
            drop_rules=frozenset(resolve_patterns(pc.drop_rules, rules, "policy.drop_rules")),
            review_rules=frozenset(resolve_patterns(pc.review_rules, rules, "policy.review_rules")),
            keep_rules=frozenset(resolve_patterns(pc.keep_rules, rules, "policy.keep_rules")),
            drop_duplicates=pc.drop_duplicates,
            drop_unexpected_language=pc.drop_unexpected_language,
            document_coverage=pc.document_coverage,
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

    # -- one decision per document ------------------------------------------------

    def whole_document(self, f: Finding, chars: int) -> bool:
        return f.start == 0 and (f.end - f.start) >= self.document_coverage * chars if chars else True

    def is_document_duplicate(self, f: Finding, chars: int) -> bool:
        """A finding that says the whole document is a copy of another one (decided by claiming in ``filter``)."""
        return (
            f.category is Category.DUPLICATE
            and bool(f.related)
            and (f.rule in DOCUMENT_DUPLICATE_RULES or self.whole_document(f, chars))
        )

    def drops(self, f: Finding, chars: int) -> bool:
        """Whether this finding drops its document (a report's ``drop`` verdict, a filter rejection)."""
        if f.rule in self.keep_rules:
            return False
        if self.is_document_duplicate(f, chars):
            return self.drop_duplicates
        if f.rule in self.drop_rules or f.severity.rank >= self.drop_on.rank:
            return True
        return (
            self.drop_unexpected_language
            and f.category is Category.LANGUAGE
            and f.severity.rank >= Severity.WARNING.rank
            and self.whole_document(f, chars)
        )

    def reviews(self, f: Finding) -> bool:
        if f.rule in self.keep_rules:
            return False
        return f.rule in self.review_rules or f.severity.rank >= self.review_on.rank

    def verdict(self, findings: Iterable[Finding], chars: int = 0) -> Verdict:
        verdict = Verdict.KEEP
        for f in findings:
            if self.drops(f, chars):
                return Verdict.DROP
            if self.reviews(f):
                verdict = Verdict.REVIEW
        return verdict

    def own_reasons(self, findings: Iterable[Finding], chars: int) -> list[Finding]:
        """The findings that drop a document for itself (not for being a copy of another document)."""
        return [f for f in findings if not self.is_document_duplicate(f, chars) and self.drops(f, chars)]

    def failing(self, report: Report) -> int:
        """How many findings reach ``fail_on`` (0 when no threshold is set)."""
        if self.fail_on is None:
            return 0
        return sum(1 for doc in report.documents for f in doc.findings if f.severity.rank >= self.fail_on.rank)


def exit_code(report: Report, policy: Policy) -> int:
    """0: clean at the threshold; 1: findings reach ``fail_on``; 2: unreadable input."""
    if report.unreadable:
        return 2
    return 1 if policy.failing(report) else 0
