"""The cyclic garbage collector's and the C allocator's settings for a run (no imports beyond the standard
library, so the command line sets them before it imports anything heavy)."""

from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from typing import Iterator

#: The cyclic garbage collector's first threshold during a scan (Python's default is 700): a young
#: collection after every 10,000 net allocations of tracked objects, not 700. A scan allocates millions
#: of short-lived objects that reference counting frees anyway, and keeps large ones alive (word lists,
#: findings, the corpus checks' state) that every collection of the older generations walks again; at
#: the default, collecting took about 8% of a run's CPU (0.73 of 9.55 s on 300 real documents), at
#: 10,000 about 2% (0.18 s), with the same peak memory. Garbage in reference cycles is still collected.
GC_YOUNG = 10_000


def tune_collector() -> None:
    """Raise the collector's first threshold to :data:`GC_YOUNG` (never lower it)."""
    young, *older = gc.get_threshold()
    if young < GC_YOUNG:
        gc.set_threshold(GC_YOUNG, *older)


@contextmanager
def tuned_collector() -> Iterator[None]:
    """:func:`tune_collector` for the duration of a scan, then the caller's thresholds back."""
    old = gc.get_threshold()
    tune_collector()
    try:
        yield
    finally:
        gc.set_threshold(*old)


#: glibc's allocator during a command-line run: blocks under MMAP_THRESHOLD come from the heap, and freed
#: heap memory is kept for reuse up to TRIM_THRESHOLD, instead of glibc's adaptive defaults (mmap from
#: 128 KiB, trimming soon after). The dedup stage hashes each batch of ~2 M characters with numpy
#: temporaries of 1-20 MB; with the defaults most of them were fresh pages from the kernel, each page
#: faulted in and zeroed again (about 53,000 minor faults for `scan --select duplicate` of 16 MB of real
#: documents, 23,000 with these settings; 2.9 -> 2.4 CPU s, peak RSS 123 -> 137 MB). The whole audit of
#: 150 raw web pages: the same CPU within noise (5.5-6.0 s either way), 10 % fewer faults. Either
#: setting alone is worse than none (it turns glibc's adaptation off).
MMAP_THRESHOLD = 32 << 20
TRIM_THRESHOLD = 64 << 20


def tune_allocator() -> None:
    """Set :data:`MMAP_THRESHOLD` and :data:`TRIM_THRESHOLD` with glibc's ``mallopt`` (for the process
    and the workers it forks); nothing elsewhere (another C library, another system)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # <malloc.h>
    mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
