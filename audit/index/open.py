"""Where an index lives: a folder (SQLite, the default) or a ``redis://`` / ``rediss://`` URL."""

from __future__ import annotations

import re

from audit.errors import InputError
from audit.minhash import MinHashParams

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def is_url(location: str) -> bool:
    return bool(_SCHEME.match(str(location)))


def display(location: str) -> str:
    """The location as logs and reports show it (a URL without its password)."""
    if not is_url(location):
        return str(location)
    from audit.index.redis import RedisLocation

    try:
        return str(RedisLocation(str(location), password_env=""))
    except InputError:
        scheme = _SCHEME.match(str(location))
        assert scheme is not None  # is_url matched it above
        return scheme.group(0) + "..."


def open_index(
    location: str,
    params: MinHashParams | None = None,
    *,
    create: bool = False,
    readonly: bool = False,
    bucket_bits: int = 18,
    password_env: str = "CORPUS_AUDIT_REDIS_PASSWORD",
):
    """Open the index at ``location``; an unknown URL scheme is a usage error (:class:`InputError`)."""
    location = str(location)
    m = _SCHEME.match(location)
    if m is None:
        from audit.index.sqlite import SqliteIndex

        return SqliteIndex.open(location, params, create=create, readonly=readonly)
    if m.group(1).lower() not in ("redis", "rediss"):
        raise InputError(
            f"unknown index URL scheme {m.group(1)!r} in --index: use a folder (SQLite), "
            "redis://host:port/db or rediss://host:port/db"
        )
    from audit.index.redis import RedisIndex

    return RedisIndex.open(
        location, params, create=create, readonly=readonly, bucket_bits=bucket_bits, password_env=password_env
    )


__all__ = ["display", "is_url", "open_index"]
