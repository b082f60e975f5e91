"""Staged near-duplicate detection with files as the interface between stages.

The in-memory duplicates check (:mod:`audit.duplicates`) holds every signature on one machine. The
staged design cuts the same computation into stages that exchange files in a work folder, so each
stage runs as many small tasks, on a local process pool or on Ray (:mod:`audit.staged.executor`),
and no task (nor the driver) holds more than a bounded slice of the corpus:

1. **shards** (:func:`audit.staged.stages.shard_stage`): each shard of input writes its texts and
   ids (for verification and reports), per-document facts (length, date, source), its uint16
   MinHash signatures and its ``(band, key, document)`` rows, partitioned by a hash of the key
   (exact content keys in ``rows/exact``, LSH band keys in ``rows/near``);
2. **exact partitions**: groups of equal content keys; the driver chooses each group's kept copy
   by the keep policy (:func:`audit.duplicates.exact.exact_clusters`);
3. **near partitions**: each partition sorts its rows by (band, key, document) and emits, per
   bucket, an edge from every member to the bucket's first member and to its predecessor (the
   candidate set of :func:`audit.duplicates.lsh.candidate_pairs`, linear in the bucket size); a
   bucket over ``max_bucket`` is skipped and counted. Exact copies other than the first stand in
   through their kept copy, as in the in-memory check. Pairs are written partitioned by the shard
   of the document whose text the verification reads first;
4. **verification** where the texts live: each task reads its shard's pairs, drops those whose
   estimated Jaccard similarity is under ``min_estimate`` and verifies the rest by word alignment
   (:func:`audit.duplicates.near.verify_docs`), keeping every score;
5. **components** on the driver: connected components of the verified edges only (numpy
   union-find on arrays), then stars around the kept copy of each component (more verification
   rounds through the same stage for pairs not verified yet), then the clusters and findings of
   :mod:`audit.duplicates.near`.

So the clusters are those of the in-memory check (tested in ``tests/test_staged_dedup.py``).
"""

from audit.staged.driver import StagedResult, run_staged

__all__ = ["StagedResult", "run_staged"]
