"""The linkage engine against generated sources of known truth: clusters, duplicates and review."""

import gc
from collections import defaultdict
from itertools import combinations

import pytest

from sanphalang.demo.fund_sources import generate_sources
from sanphalang.welfare.linkage.clusters import link_records
from sanphalang.welfare.linkage.scoring import FundRecord


def _pairs(assignment):
    groups = defaultdict(list)
    for ref, cluster in assignment.items():
        groups[cluster].append(ref)
    return {p for members in groups.values() for p in combinations(sorted(members), 2)}


@pytest.fixture(scope="module")
def generated():
    sources, truth = generate_sources(300, seed=11)
    records = [r for rows in sources.values() for r in rows]
    return sources, truth, records, link_records(records)


def test_the_generator_is_deterministic_for_a_seed():
    assert generate_sources(120, seed=5) == generate_sources(120, seed=5)
    assert generate_sources(120, seed=5) != generate_sources(120, seed=6)


def test_the_generators_truth_covers_every_row_and_each_source_misses_some(generated):
    sources, truth, records, _result = generated
    assert set(truth) == {r.ref for r in records}
    funds = set(truth.values())
    for name, rows in sources.items():
        assert [r.row for r in rows] == list(range(1, len(rows) + 1))
        held = {truth[r.ref] for r in rows}
        assert 0.7 * len(funds) < len(held) < len(funds), name


def test_it_links_a_generated_set_with_f1_of_at_least_097(generated):
    _sources, truth, _records, result = generated
    found, expected = _pairs(result.cluster_of), _pairs(truth)
    precision = len(found & expected) / len(found)
    recall = len(found & expected) / len(expected)
    assert 2 * precision * recall / (precision + recall) >= 0.97


def test_a_cluster_holds_at_most_one_record_per_source(generated):
    result = generated[3]
    for records in result.clusters.values():
        assert len({r.source for r in records}) == len(records)


def test_every_link_has_a_score_and_reasons(generated):
    result = generated[3]
    assert result.links
    for link in result.links:
        assert 0 <= link.score <= 1
        assert link.reasons and all(isinstance(code[0], str) for code in link.reasons)


def _record(source, row, name, **fields):
    fields.setdefault("district", "เมืองเชียงราย")
    fields.setdefault("province", "เชียงราย")
    return FundRecord(source=source, row=row, fund_name=name, **fields)


def test_it_reports_an_in_source_duplicate_instead_of_merging_it():
    # given one fund written twice in the program's file and once in the survey
    records = [
        _record("program", 1, "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", tambon="แม่ยาว", members=500),
        _record("program", 2, "กองทุนฯ ตำบลแม่ยาว", tambon="แม่ยาว", members=505),
        _record("survey", 1, "สวัสดิการชุมชน แม่ยาว", location="ต.แม่ยาว อ.เมือง จ.เชียงราย", members=500),
    ]
    # when linked
    result = link_records(records)
    # then one fund holds one program row, and the other program row is its reported duplicate
    [cluster] = [c for c in result.clusters.values() if len(c) == 2]
    assert {r.source for r in cluster} == {"program", "survey"}
    [duplicate] = result.in_source_duplicates
    assert {duplicate.a.ref, duplicate.b.ref} == {("program", 1), ("program", 2)}
    assert len(set(result.cluster_of.values())) == 1


def test_a_municipality_and_a_tambon_of_the_same_name_are_not_linked():
    records = [
        _record("program", 1, "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", tambon="แม่ยาว"),
        _record("program", 2, "กองทุนสวัสดิการชุมชนเทศบาลตำบลแม่ยาว", tambon="แม่ยาว"),
        _record("matching", 1, "กองทุนสวัสดิการ ทต.แม่ยาว", tambon="ต.แม่ยาว"),
        _record("matching", 2, "กองทุนสวัสดิการ ต.แม่ยาว", tambon="ต.แม่ยาว"),
    ]
    result = link_records(records)
    assert result.cluster_of[("program", 1)] == result.cluster_of[("matching", 2)]
    assert result.cluster_of[("program", 2)] == result.cluster_of[("matching", 1)]
    assert result.cluster_of[("program", 1)] != result.cluster_of[("program", 2)]
    assert not result.in_source_duplicates
    linked = {frozenset((p.a.ref, p.b.ref)) for p in result.links}
    assert frozenset({("program", 1), ("matching", 1)}) not in linked


def test_funds_of_the_same_name_in_different_districts_are_not_linked():
    records = [
        _record("program", 1, "กองทุนสวัสดิการชุมชนตำบลเวียง", tambon="เวียง", district="เทิง"),
        _record("matching", 1, "กองทุนสวัสดิการ ต.เวียง", tambon="เวียง", district="อ.เชียงของ"),
    ]
    result = link_records(records)
    assert len(result.clusters) == 2


@pytest.mark.parametrize("enabled", [True, False])
def test_linking_leaves_the_garbage_collector_as_it_found_it(enabled):
    was_enabled = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        link_records([_record("program", 1, "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", tambon="แม่ยาว")])
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was_enabled else gc.disable)()
