"""The library's own exception types. Only the CLI turns them into exit code 2."""

from __future__ import annotations


class AuditError(Exception):
    """Base class: the message is meant to be shown to a user as is."""


class ConfigError(AuditError):
    """A configuration file or option is invalid (unknown key, bad value)."""


class UnknownRuleError(ConfigError):
    """A rule id, prefix or category matched no registered rule."""


class InputError(AuditError):
    """An input could not be opened at all (used where a run cannot go on)."""


class IndexMismatchError(AuditError):
    """A persistent index was built with parameters incompatible with this run."""
