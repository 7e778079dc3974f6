"""Linking three welfare-fund sources of 10,000 funds each: our engine against Splink 5 with DuckDB.

Both get the same generated records and the same normalised names and resolved area codes; both are timed from
the raw records to the clusters. Pairwise precision, recall and F1 are measured against the generator's truth.
Targets: our F1 >= 0.98 and our time <= 0.5x Splink's. Prints FAIL on a miss, exits 0 either way.
"""

import logging
import resource
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

N_FUNDS = 10_000
SEED = 2562
THRESHOLD = 0.9


def pairwise_scores(predicted: dict, truth: dict) -> tuple[float, float, float]:
    """Precision, recall and F1 over the pairs of records put in one cluster."""

    def pairs(assignment: dict) -> set:
        groups = defaultdict(list)
        for ref, cluster in assignment.items():
            groups[cluster].append(ref)
        return {pair for members in groups.values() for pair in combinations(sorted(members), 2)}

    found, expected = pairs(predicted), pairs(truth)
    true_positives = len(found & expected)
    precision = true_positives / len(found) if found else 1.0
    recall = true_positives / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_ours(records) -> dict:
    from sanphalang.welfare.linkage import link_records

    return link_records(records).cluster_of


def run_splink(sources: dict) -> dict:
    import pyarrow as pa
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    from sanphalang.welfare.linkage import _prepare

    started = time.perf_counter()
    frames = []
    for source, records in sources.items():
        rows = []
        for record in records:
            p = _prepare(record)
            rows.append({
                "unique_id": f"{source}:{record.row}",
                "name_key": p.name.key or None,
                "name_prefix": p.name.key[:3] or None,
                "kind": "m" if p.name.is_municipality else ("v" if p.name.is_village else "t"),
                "village_number": p.name.village_number or None,
                "subdistrict_code": p.area.subdistrict_code or None,
                "district_code": p.area.district_code or None,
                "province_code": p.area.province_code or None,
                "members": record.members,
            })
        frames.append((source, pa.Table.from_pylist(rows)))
    prepare_time = time.perf_counter() - started
    settings = SettingsCreator(
        link_type="link_and_dedupe",
        comparisons=[
            cl.JaroWinklerAtThresholds("name_key", [0.95, 0.88, 0.8]),
            cl.ExactMatch("subdistrict_code"),
            cl.ExactMatch("district_code"),
            cl.ExactMatch("kind"),
            cl.ExactMatch("village_number"),
            cl.CustomComparison(output_column_name="members", comparison_levels=[
                cll.NullLevel("members"),
                cll.PercentageDifferenceLevel("members", 0.1),
                cll.PercentageDifferenceLevel("members", 0.5),
                cll.ElseLevel(),
            ]),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("subdistrict_code"),
            block_on("district_code", "name_prefix"),
            block_on("province_code", "name_prefix"),
            block_on("name_key"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI()
    tables = [db_api.register(frame, dataset_display_name=source) for source, frame in frames]
    linker = Linker(tables, settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("subdistrict_code", "kind", "name_key")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=SEED)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("subdistrict_code"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name_key"))
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=THRESHOLD)
    result = {}
    for row in clusters.as_record_list():
        source, number = row["unique_id"].split(":")
        result[(source, int(number))] = row["cluster_id"]
    return result, prepare_time


def main() -> int:
    import geothai

    from sanphalang.welfare.generator import generate_sources

    logging.getLogger("splink").setLevel(logging.WARNING)
    provinces = tuple(p.code for p in geothai.provinces())
    sources, truth = generate_sources(N_FUNDS, seed=SEED, provinces=provinces)
    records = [record for rows in sources.values() for record in rows]
    print(f"{N_FUNDS:,} funds in {len(provinces)} provinces; "
          + ", ".join(f"{name} {len(rows):,} rows" for name, rows in sources.items()))

    from sanphalang.welfare.normalise import clear_caches

    clear_caches()
    started = time.perf_counter()
    ours = run_ours(records)
    our_time = time.perf_counter() - started
    precision, recall, f1 = pairwise_scores(ours, truth)
    print(f"ours:   F1 {f1:.4f}  precision {precision:.4f}  recall {recall:.4f}  time {our_time:.2f} s")
    failures = []
    if f1 < 0.98:
        failures.append(f"our F1 {f1:.4f} < 0.98")

    try:
        from sanphalang.welfare import normalise

        normalise.clear_caches()  # Splink pays for normalising and resolving the records too
        started = time.perf_counter()
        theirs, prepare_time = run_splink(sources)
        splink_time = time.perf_counter() - started
    except Exception as exc:  # report why Splink did not run rather than stopping the benchmark
        print(f"splink: could not run: {type(exc).__name__}: {exc}")
        failures.append("splink did not run: no time comparison")
    else:
        s_precision, s_recall, s_f1 = pairwise_scores(theirs, truth)
        print(f"splink: F1 {s_f1:.4f}  precision {s_precision:.4f}  recall {s_recall:.4f}  time {splink_time:.2f} s "
              f"(of which normalising and resolving areas {prepare_time:.2f} s)")
        ratio = our_time / splink_time
        print(f"time ratio ours/splink: {ratio:.2f} (target <= 0.5)")
        if ratio > 0.5:
            failures.append(f"time ratio {ratio:.2f} > 0.5")

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak_mb:.0f} MB (target < 2048 MB)")
    if peak_mb >= 2048:
        failures.append("peak memory >= 2 GB")
    print("FAIL: " + "; ".join(failures) if failures else "OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
