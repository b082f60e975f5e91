"""A shared index on a Redis server, for several ingest workers (``--index redis://host:port/db``).

Every worker's filter decides and records its documents with one atomic Lua script per chunk of
documents (claim-or-match): for each document in order the server either answers with the
already-ingested document it matches (exactly, or at the similarity threshold, verified on the
stored 8-bit signatures exactly as the SQLite index and the batch overlay do) or records the document
as the holder of its keys. Two workers can therefore never both keep the same text.

Layout under the key prefix ``P`` (``?prefix=NAME``, default ``corpus-audit``), packed to keep memory
per document small (see docs/ci-and-filter.md for the measured figure):

* ``P:meta`` hash: ``params`` (the header: shingling, num_perm, bands, hash scheme, normalisation,
  format, bucket bits; a run with other parameters is refused) and ``documents``;
* ``P:next``: the document counter;
* ``P:x:B`` strings of 10-byte records (6 more bytes of the exact key, 4 bytes document number), bucket
  ``B`` from the exact key's first bits (with the tag, 52 or more bits of the 128-bit key must agree);
* ``P:b:B`` strings of 6-byte records (2 bytes of the band key, 4 bytes document number), bucket
  ``B`` from the band key's first ``bucket_bits`` bits (candidates are verified, so the short tag only
  costs an occasional extra comparison);
* ``P:s:C`` strings of 127 signature slots (documents ``127*C`` to ``127*C+126``; 127 x 128 bytes
  fits the allocator's 16 KiB size class, 128 would take 20 KiB);
* ``P:r:C`` small hashes (128 fields, listpack-encoded): the document's claim (4 bytes of the batch
  fingerprint, its position), whether it has a signature, its length, id and source.

Standalone Redis (or a single primary); the scripts touch keys they compute, so Redis Cluster is
not supported.
"""

from __future__ import annotations

import json
import os
import struct
from typing import Any, Sequence
from urllib.parse import parse_qs, unquote, urlsplit

from audit.errors import AuditError, IndexMismatchError, InputError
from audit.index.common import MAX_CANDIDATES, Entry, Match, Outcome, mismatch, mismatch_advice, params_fingerprint
from audit.minhash import MinHashParams

DEFAULT_PREFIX = "corpus-audit"
#: Environment variable read for the password when the URL has none.
PASSWORD_ENV = "CORPUS_AUDIT_REDIS_PASSWORD"
#: Documents per claim script call (each call is atomic; calls of several workers interleave).
CHUNK = 64
_SLOTS = 128

_KINDS = {0: "new", 1: "own", 2: "exact", 3: "near"}

_SCRIPT = """
local P = ARGV[1]
local threshold = tonumber(ARGV[2])
local claim = ARGV[3] == '1'
local fp = ARGV[4]
local nperm = tonumber(ARGV[5])
local nbands = tonumber(ARGV[6])
local ndocs = tonumber(ARGV[7])
local maxc = tonumber(ARGV[8])
local chance = 1.0 / 256
if redis.call('HEXISTS', P .. ':meta', 'params') == 0 then
  return redis.error_reply('INDEXGONE the index header ' .. P .. ':meta is missing')
end
local function find_all(s, tag, width, out)
  if not s then return end
  local tl = #tag
  local pos = 1
  while true do
    local p = string.find(s, tag, pos, true)
    if not p then return end
    if (p - 1) % width == 0 then
      out[#out + 1] = struct.unpack('<I4', s, p + tl)
      pos = p + width
    else
      pos = p + 1
    end
  end
end
local function record(n)
  return redis.call('HGET', P .. ':r:' .. math.floor(n / 128), tostring(n % 128))
end
local function claim_ord(rec)
  return (struct.unpack('>I4', rec, 5))
end
local function visible(rec, ord)
  return string.sub(rec, 1, 4) ~= fp or claim_ord(rec) < ord
end
local function append(key, data)
  local s = redis.call('GET', key)
  if s then redis.call('SET', key, s .. data) else redis.call('SET', key, data) end
end
local out = {}
local a = 9
for d = 1, ndocs do
  local ord = tonumber(ARGV[a]); local xb = ARGV[a + 1]; local xtag = ARGV[a + 2]
  local sig = ARGV[a + 3]; local tail = ARGV[a + 4]
  local bstart = a + 5
  a = bstart + 2 * nbands
  local kind, best_n, best_sim, best_rec = 0, -1, -1, ''
  local xs = {}
  find_all(redis.call('GET', P .. ':x:' .. xb), xtag, 10, xs)
  table.sort(xs)
  local recs = {}
  for i, n in ipairs(xs) do
    recs[i] = record(n)
    if string.sub(recs[i], 1, 4) == fp and claim_ord(recs[i]) == ord then
      kind = 1; best_n = n; best_rec = recs[i]; break
    end
  end
  if kind == 0 then
    for i, n in ipairs(xs) do
      if visible(recs[i], ord) then kind = 2; best_n = n; best_sim = 1; best_rec = recs[i]; break end
    end
  end
  if kind == 0 and #sig > 0 then
    local seen, cands = {}, {}
    for b = 0, nbands - 1 do
      local found = {}
      find_all(redis.call('GET', P .. ':b:' .. ARGV[bstart + 2 * b]), ARGV[bstart + 2 * b + 1], 6, found)
      for _, n in ipairs(found) do
        if not seen[n] then seen[n] = true; cands[#cands + 1] = n end
      end
    end
    table.sort(cands)
    local mine = {string.byte(sig, 1, nperm)}
    local count = 0
    for _, n in ipairs(cands) do
      if count >= maxc then break end
      local rec = record(n)
      if rec and string.byte(rec, 9) == 1 and visible(rec, ord) then
        count = count + 1
        local off = (n % 127) * nperm
        local other = redis.call('GETRANGE', P .. ':s:' .. math.floor(n / 127), off, off + nperm - 1)
        local eq = 0
        for i = 1, nperm do
          if string.byte(other, i) == mine[i] then eq = eq + 1 end
        end
        local sim = (eq / nperm - chance) / (1 - chance)
        if sim < 0 then sim = 0 end
        if sim > best_sim then best_sim = sim; best_n = n; best_rec = rec end
      end
    end
    if best_n >= 0 and best_sim >= threshold then kind = 3 else best_n = -1; best_rec = '' end
  end
  if kind == 0 and claim then
    local n = redis.call('INCR', P .. ':next') - 1
    local chunk = math.floor(n / 128)
    redis.call('HSET', P .. ':r:' .. chunk, tostring(n % 128), fp .. struct.pack('>I4', ord) .. tail)
    local nb = struct.pack('<I4', n)
    append(P .. ':x:' .. xb, xtag .. nb)
    if #sig > 0 then
      local skey = P .. ':s:' .. math.floor(n / 127)
      if redis.call('EXISTS', skey) == 0 then redis.call('SET', skey, string.rep('\\0', 127 * nperm)) end
      redis.call('SETRANGE', skey, (n % 127) * nperm, sig)
      for b = 0, nbands - 1 do
        append(P .. ':b:' .. ARGV[bstart + 2 * b], ARGV[bstart + 2 * b + 1] .. nb)
      end
    end
    redis.call('HINCRBY', P .. ':meta', 'documents', 1)
  end
  out[#out + 1] = kind
  out[#out + 1] = best_n
  out[#out + 1] = string.format('%.17g', best_sim)
  out[#out + 1] = best_rec
end
return out
"""


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _encode(e: Entry) -> bytes:
    """A record's tail (after the claim): signature flag, length, id, source; compact for short ids."""
    id_bytes = e.id.encode("utf-8", "surrogatepass")
    n = len(id_bytes)
    head = bytes([n]) if n < 255 else b"\xff" + struct.pack(">I", n)
    return (
        bytes([1 if e.sig is not None else 0])
        + _varint(max(0, int(e.chars)))
        + head
        + id_bytes
        + e.source.encode("utf-8", "replace")
    )


def _decode(rec: bytes) -> tuple[bytes, str, str, int]:
    """(batch fingerprint, id, source, chars) of a stored record."""
    p, chars, shift = 9, 0, 0
    while True:
        b = rec[p]
        p += 1
        chars |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            break
    n = rec[p]
    p += 1
    if n == 255:
        (n,) = struct.unpack(">I", rec[p : p + 4])
        p += 4
    return rec[:4], rec[p : p + n].decode("utf-8", "surrogatepass"), rec[p + n :].decode("utf-8", "replace"), chars


class IndexUnavailableError(AuditError):
    """The index server cannot be reached, or was lost during the run."""


def _import_redis():
    try:
        import redis
    except ImportError:
        raise InputError("--index redis://... needs the redis client: pip install 'corpus-audit[redis]'") from None
    return redis


class RedisLocation:
    """A parsed ``redis://`` / ``rediss://`` URL; ``str()`` never shows the password."""

    def __init__(self, url: str, password_env: str = PASSWORD_ENV) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("redis", "rediss"):
            raise InputError(f"unknown index URL scheme {parts.scheme!r}: use a folder, redis:// or rediss://")
        self.scheme = parts.scheme
        try:
            self.host = parts.hostname or "127.0.0.1"
            self.port = parts.port or 6379
        except ValueError as err:
            raise InputError(f"invalid Redis URL {self._safe(url)}: {err}") from None
        path = parts.path.strip("/")
        if path and not path.isdigit():
            raise InputError(f"invalid Redis URL {self._safe(url)}: the path must be a database number, not {path!r}")
        self.db = int(path or 0)
        query = parse_qs(parts.query)
        unknown = set(query) - {"prefix"}
        if unknown:
            raise InputError(
                f"invalid Redis URL {self._safe(url)}: unknown option {sorted(unknown)[0]!r} (only ?prefix=NAME)"
            )
        self.prefix = query.get("prefix", [DEFAULT_PREFIX])[0] or DEFAULT_PREFIX
        self.username = unquote(parts.username) if parts.username else None
        password = unquote(parts.password) if parts.password else None
        self.password = password if password is not None else (os.environ.get(password_env) or None)

    @staticmethod
    def _safe(url: str) -> str:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.netloc.rsplit("@", 1)[1]
        return parts._replace(netloc=f"{parts.username or ''}:***@{netloc}").geturl()

    def __str__(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}/{self.db}?prefix={self.prefix}"


class RedisIndex:
    """The index on a Redis server (see the module docstring)."""

    def __init__(
        self, location: RedisLocation, client: Any, params: MinHashParams, readonly: bool, bucket_bits: int
    ) -> None:
        self.where = location
        self.location = str(location)
        self.client = client
        self.params = params
        self.readonly = readonly
        self.bucket_bits = bucket_bits
        self.exact_bits = max(4, bucket_bits - 5)
        self._script = client.register_script(_SCRIPT)
        self._errors = _import_redis().exceptions

    @classmethod
    def open(
        cls,
        url: str,
        params: MinHashParams | None = None,
        *,
        create: bool = False,
        readonly: bool = False,
        bucket_bits: int = 18,
        password_env: str = PASSWORD_ENV,
    ) -> RedisIndex:
        redis = _import_redis()
        params = params or MinHashParams()
        where = RedisLocation(url, password_env)
        client = redis.Redis(
            host=where.host,
            port=where.port,
            db=where.db,
            username=where.username,
            password=where.password,
            ssl=where.scheme == "rediss",
            socket_connect_timeout=10,
            socket_timeout=120,
            health_check_interval=0,
        )
        self = cls(where, client, params, readonly, bucket_bits)
        wanted = params_fingerprint(params)
        wanted["bucket_bits"] = bucket_bits
        meta = f"{where.prefix}:meta"
        stored = self._call(client.hget, meta, "params")
        if stored is None:
            if not create:
                raise InputError(f"no index at {where} (create one with filter --update-index)")
            self._call(client.hsetnx, meta, "params", json.dumps(wanted, sort_keys=True))
            stored = self._call(client.hget, meta, "params")
        have = json.loads(stored)
        # The bucket count is the index's own storage choice (made when it was created): adopt it.
        self.bucket_bits = int(have.get("bucket_bits", bucket_bits))
        self.exact_bits = max(4, self.bucket_bits - 5)
        wanted["bucket_bits"] = self.bucket_bits
        diffs = mismatch(have, wanted)
        if diffs:
            raise IndexMismatchError(
                f"index {where} was built with incompatible parameters ({'; '.join(diffs)}); "
                f"{mismatch_advice(have, wanted)}"
            )
        return self

    def _call(self, fn, *args):
        errors = _import_redis().exceptions
        try:
            return fn(*args)
        except (errors.ConnectionError, errors.TimeoutError) as err:
            raise IndexUnavailableError(f"Redis index {self.where}: server unreachable or lost ({err})") from None
        except errors.ResponseError as err:
            text = str(err)
            if "INDEXGONE" in text:
                raise IndexUnavailableError(
                    f"Redis index {self.where}: {text.split('INDEXGONE', 1)[1].strip()} "
                    "(the index was deleted during the run)"
                ) from None
            raise IndexUnavailableError(f"Redis index {self.where}: {text}") from None
        except errors.RedisError as err:
            raise IndexUnavailableError(f"Redis index {self.where}: {err}") from None

    def close(self) -> None:
        try:
            self.client.close()
        except Exception:  # noqa: BLE001 - closing a lost connection
            pass

    def __enter__(self) -> RedisIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __len__(self) -> int:
        return int(self._call(self.client.hget, f"{self.where.prefix}:meta", "documents") or 0)

    def stored_params(self) -> dict[str, Any]:
        return json.loads(self._call(self.client.hget, f"{self.where.prefix}:meta", "params"))

    def used_bytes(self) -> int:
        """Memory the index's keys use on the server (``MEMORY USAGE`` of every key under the prefix)."""
        total = 0
        for key in self.client.scan_iter(match=f"{self.where.prefix}:*", count=1000):
            total += int(self.client.memory_usage(key, samples=0) or 0)
        return total

    # -- claim-or-match -------------------------------------------------------

    def _args(self, entries: Sequence[Entry], fp: bytes, threshold: float, claim: bool) -> list:
        args: list = [
            self.where.prefix,
            repr(float(threshold)),
            "1" if claim else "0",
            fp[:4],
            self.params.num_perm,
            self.params.bands,
            len(entries),
            MAX_CANDIDATES,
        ]
        shift = 64 - self.bucket_bits
        xshift = 64 - self.exact_bits
        for e in entries:
            h = int.from_bytes(e.hash[:8], "big")
            args += [e.ordinal, h >> xshift, e.hash[8:14], e.sig or b"", _encode(e)]
            if e.sig is not None and e.bands is not None:
                for k in e.bands:
                    u = k & 0xFFFFFFFFFFFFFFFF
                    args += [u >> shift, ((u >> (shift - 16)) & 0xFFFF).to_bytes(2, "big")]
            else:
                args += [0, b""] * self.params.bands
        return args

    def _run(self, entries: Sequence[Entry], fp: bytes, threshold: float, claim: bool) -> list[Outcome]:
        out: list[Outcome] = []
        for i in range(0, len(entries), CHUNK):
            chunk = entries[i : i + CHUNK]
            reply = self._call(self._script, [], self._args(chunk, fp, threshold, claim))
            for j in range(0, len(reply), 4):
                kind, _n, sim, rec = _KINDS[int(reply[j])], reply[j + 1], float(reply[j + 2]), reply[j + 3]
                if kind in ("new", "own"):
                    out.append(Outcome(kind))
                    continue
                batch, doc_id, source, chars = _decode(rec)
                out.append(
                    Outcome(
                        kind,
                        Match(doc_id, source, chars, 1.0 if kind == "exact" else sim, kind == "exact", batch == fp[:4]),
                    )
                )
        return out

    def lookup(self, entries: Sequence[Entry], fp: bytes, threshold: float) -> list[Outcome]:
        """Each entry's outcome against the indexed documents only (nothing is written)."""
        return self._run(entries, fp, threshold, claim=False)

    def claim(self, entries: Sequence[Entry], fp: bytes, threshold: float) -> list[Outcome]:
        """Decide every entry in order and record the new ones (atomic per chunk of documents)."""
        if self.readonly:
            raise InputError(f"index {self.where} was opened read-only")
        return self._run(entries, fp, threshold, claim=True)


__all__ = ["IndexUnavailableError", "RedisIndex", "RedisLocation"]
