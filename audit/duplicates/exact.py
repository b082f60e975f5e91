"""Exact duplicate documents (DUP001): groups of equal content keys, one kept copy each."""

from __future__ import annotations

from audit.duplicates.corpus import Corpus
from audit.duplicates.rules import DUP001
from audit.model import Cluster, Location, Related
from audit.rules import CorpusResult


def exact_clusters(corpus: Corpus, result: CorpusResult) -> None:
    """One cluster per group of identical documents; every copy but the kept one gets DUP001."""
    ids, lengths = corpus.ids, corpus.lengths
    n = 0
    for first, members in sorted(corpus.groups.items()):
        kept = min(members, key=corpus.priority)
        corpus.rep_kept[first] = kept
        n += 1
        cid = f"exact-doc-{n}"
        for m in members:
            corpus.doc_cluster[m] = -n
            if m != kept:
                corpus.copies.add(m)
        result.clusters.append(
            Cluster(
                id=cid,
                kind="exact",
                level="document",
                members=[Location(ids[m], 0, lengths[m]) for m in members],
                similarity_min=1.0,
                kept=Location(ids[kept], 0, lengths[kept]),
                data={"rule": "DUP001", "sources": corpus.sources_of(members)},
            )
        )
        for m in members:
            if m == kept:
                continue
            result.add(
                m,
                DUP001.finding(
                    (0, lengths[m]),
                    f"exact duplicate of {ids[kept]} (identical after normalisation)",
                    related=[Related(ids[kept], 0, lengths[kept], 1.0)],
                    data={
                        "cluster": cid,
                        "cluster_size": len(members),
                        "kept": ids[kept],
                        "similarity": 1.0,
                        "kept_span": [0, lengths[kept]],
                    },
                ),
            )
