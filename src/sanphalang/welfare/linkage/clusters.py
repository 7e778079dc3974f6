"""Record linkage of welfare funds across sources: the scored pairs joined into funds, best first."""

import gc
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .scoring import DIFFERENT_AREA_BEST, FundRecord, ScoredPair, candidate_pairs, prepare, score_pair

LINK_THRESHOLD = 0.85
REVIEW_THRESHOLD = 0.65


@dataclass
class LinkResult:
    clusters: dict[str, list[FundRecord]]
    cluster_of: dict[tuple[str, int], str]
    links: list[ScoredPair] = field(default_factory=list)
    review: list[ScoredPair] = field(default_factory=list)
    in_source_duplicates: list[ScoredPair] = field(default_factory=list)
    pairs: list[ScoredPair] = field(default_factory=list)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, as it was before afterwards.

    Linking makes hundreds of thousands of small objects that all live to the end and hold no cycles; the
    collector would walk them, and the whole heap, over and over and free nothing: a quarter of the time.
    The pause is process-wide, so other threads' cycles wait for it too: a second or two for 30,000 records.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def link_records(
    records: list[FundRecord],
    *,
    threshold: float = LINK_THRESHOLD,
    review_threshold: float = REVIEW_THRESHOLD,
    progress: Callable[[str, int, int], None] | None = None,
) -> LinkResult:
    """Group the records that are the same fund, at most one per source per group.

    Pairs are scored within blocks (same subdistrict, same district and name start, same province and name start,
    same name, same fund code), then joined best first; a pair that would put two records of one source in one
    fund is a within-source duplicate if its score is high enough, and is otherwise left for review.
    """
    with collector_paused():
        return _link(records, threshold, review_threshold, progress)


def _link(
    records: list[FundRecord],
    threshold: float,
    review_threshold: float,
    progress: Callable[[str, int, int], None] | None,
) -> LinkResult:
    report = progress or (lambda stage, done, total: None)
    prepared = []
    for index, record in enumerate(records):
        prepared.append(prepare(record))
        if index % 1000 == 0:
            report("prepare", index, len(records))
    report("prepare", len(records), len(records))
    # in no particular order: the scored pairs are sorted on their own
    candidates = list(candidate_pairs(prepared, skip_different_areas=review_threshold > DIFFERENT_AREA_BEST))
    scored: list[tuple[float, int, int, tuple]] = []
    for done, (i, j) in enumerate(candidates):
        score, reasons = score_pair(prepared[i], prepared[j])
        if score >= review_threshold:
            scored.append((score, i, j, reasons))
        if done % 5000 == 0:
            report("score", done, len(candidates))
    report("score", len(candidates), len(candidates))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))

    parent = list(range(len(records)))
    # The sources in each cluster as bits of an int: no set per record for the collector to keep track of.
    source_bit = {name: 1 << n for n, name in enumerate(dict.fromkeys(r.source for r in records))}
    sources_of = [source_bit[r.source] for r in records]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def pair(i: int, j: int, score: float, reasons: tuple) -> ScoredPair:
        return ScoredPair(records[i], records[j], min(1.0, max(0.0, score)), reasons)

    result = LinkResult(clusters={}, cluster_of={})
    result.pairs = [pair(i, j, s, r) for s, i, j, r in scored]
    duplicate_candidates = []
    for scored_pair, (score, i, j, reasons) in zip(result.pairs, scored, strict=True):
        if records[i].source == records[j].source:
            duplicate_candidates.append((score, i, j, reasons))
            continue
        if score < threshold:
            continue
        root_i, root_j = find(i), find(j)
        if root_i == root_j:
            result.links.append(scored_pair)
            continue
        if sources_of[root_i] & sources_of[root_j]:
            continue
        parent[root_j] = root_i
        sources_of[root_i] |= sources_of[root_j]
        result.links.append(scored_pair)

    duplicate_of: dict[int, int] = {}
    size = Counter(find(i) for i in range(len(records)))
    for score, i, j, reasons in duplicate_candidates:
        if score < threshold or i in duplicate_of or j in duplicate_of:
            continue
        # The record that no other source confirmed is the extra one; with a tie, the later row.
        extra, kept = (i, j) if size[find(i)] < size[find(j)] else (j, i)
        if size[find(extra)] > 1:
            continue
        duplicate_of[extra] = kept
        result.in_source_duplicates.append(pair(kept, extra, score, reasons))

    for scored_pair, (score, i, j, _reasons) in zip(result.pairs, scored, strict=True):
        if threshold > score and find(i) != find(j) and i not in duplicate_of and j not in duplicate_of:
            result.review.append(scored_pair)

    cluster_ids: dict[int, str] = {}
    for index, record in enumerate(records):
        root = find(duplicate_of.get(index, index))
        if root not in cluster_ids:
            cluster_ids[root] = f"F{len(cluster_ids) + 1:05d}"
        cluster_id = cluster_ids[root]
        result.cluster_of[record.ref] = cluster_id
        if index not in duplicate_of:
            result.clusters.setdefault(cluster_id, []).append(record)
    return result


@dataclass
class LinkSummary:
    funds: int
    in_all_sources: int
    in_one_source: int
    in_source_duplicates: int
    review: int
    disagreements: dict[str, int]


def summarise(result: LinkResult, sources: list[str]) -> LinkSummary:
    """How many funds were found where, and on how many funds the sources disagree, field by field."""
    disagreements = Counter()
    in_all = in_one = 0
    for records in result.clusters.values():
        present = {r.source for r in records}
        in_all += present >= set(sources)
        in_one += len(present) == 1
        for field_name in ("members", "status", "founded"):
            values = {getattr(r, field_name) for r in records if getattr(r, field_name) not in (None, "")}
            if field_name == "status":
                values = {str(v).strip().casefold() for v in values}
            if len(values) > 1:
                disagreements[field_name] += 1
    return LinkSummary(
        funds=len(result.clusters),
        in_all_sources=in_all,
        in_one_source=in_one,
        in_source_duplicates=len(result.in_source_duplicates),
        review=len(result.review),
        disagreements={f: disagreements.get(f, 0) for f in ("members", "status", "founded")},
    )
