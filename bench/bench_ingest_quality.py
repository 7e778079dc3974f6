"""How well the extractor reads Thai reports: field-level F1 on the corpus (expected.json) and on generated reports.

Matching, per field (each expected or extracted value is one item; whitespace is normalised everywhere):
- scalars (event_kind, event_date, province, meeting_number, participant_count): exact. Equal is a true positive
  (a null expected and a null found count as one too: saying nothing where the report says nothing is right); a
  wrong value is a false positive and a false negative; a value where null was expected a false positive; null
  where a value was expected a false negative.
- venue and chair.position: the expected text must be a substring of what was found (expected.json says so);
  chair.name: exact, without titles. chair null is scored as a scalar.
- lists (organisations, provinces, figures as (value, unit), periods as (start, end)): sets. Each expected item
  found is a true positive, each one missing a false negative. On the corpus the expected lists are what the output
  must include (expected.json: "it may hold more"), so extra items are not counted; on generated reports the
  answer is complete and each extra item is a false positive. An organisation matches when the names are equal
  after dropping ฯ and "(องค์การมหาชน)", or alike to 0.9 (difflib), so a report's spelling slip ("องค์กรชุม") and
  the directory's spelling of the same agency meet.
F1 = 2TP / (2TP + FP + FN), per field and over all fields together.

    .venv/bin/python bench/bench_ingest_quality.py [--seeds 1 2 3] [--reports 40]
"""

import argparse
import difflib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

CORPUS = Path(
    os.environ.get("SANPHALANG_CORPUS", Path(__file__).resolve().parents[1] / "tests" / "ingest" / "corpus")
)
TARGET = 0.9
SCALARS = ("event_kind", "event_date", "province", "meeting_number", "participant_count")


def _norm(value):
    return re.sub(r"\s+", " ", value).strip() if isinstance(value, str) else value


def _org_key(name: str) -> str:
    return re.sub(r"\(?องค์การมหาชน\)?|ฯ|\s", "", name)


def _same_org(a: str, b: str) -> bool:
    a, b = _org_key(a), _org_key(b)
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def _count_scalar(tally: Counter, field: str, expected, found, equal) -> None:
    if expected is None and found is None:
        tally[field, "tp"] += 1
    elif expected is not None and found is not None and equal(expected, found):
        tally[field, "tp"] += 1
    else:
        if found is not None:
            tally[field, "fp"] += 1
        if expected is not None:
            tally[field, "fn"] += 1


def _count_list(tally: Counter, field: str, expected: list, found: list, equal, strict: bool) -> None:
    unmatched = list(found)
    for item in expected:
        match = next((other for other in unmatched if equal(item, other)), None)
        if match is None:
            tally[field, "fn"] += 1
        else:
            unmatched.remove(match)
            tally[field, "tp"] += 1
    if strict:
        tally[field, "fp"] += len(unmatched)


def score(tally: Counter, expected: dict, found: dict, *, strict: bool) -> None:
    for field in SCALARS:
        _count_scalar(tally, field, _norm(expected.get(field)), _norm(found.get(field)), lambda a, b: a == b)
    _count_scalar(
        tally, "venue", _norm(expected.get("venue")), _norm(found.get("venue")), lambda a, b: a in b
    )
    chair_e, chair_f = expected.get("chair"), found.get("chair")
    if chair_e is None or chair_f is None:
        _count_scalar(tally, "chair.name", chair_e, chair_f, lambda a, b: True)
        _count_scalar(tally, "chair.position", chair_e, chair_f, lambda a, b: True)
    else:
        _count_scalar(
            tally, "chair.name", _norm(chair_e["name"]), _norm(chair_f["name"]), lambda a, b: a == b
        )
        _count_scalar(
            tally,
            "chair.position",
            _norm(chair_e["position"]),
            _norm(chair_f["position"]),
            lambda a, b: a in b,
        )
    _count_list(tally, "organisations", expected["organisations"], found["organisations"], _same_org, strict)
    _count_list(tally, "provinces", expected["provinces"], found["provinces"], lambda a, b: a == b, strict)
    figure = lambda f: (f["value"], f["unit"])  # noqa: E731
    _count_list(
        tally, "figures", expected["figures"], found["figures"], lambda a, b: figure(a) == figure(b), strict
    )
    period = lambda p: (p["start"], p["end"])  # noqa: E731
    _count_list(
        tally, "periods", expected["periods"], found["periods"], lambda a, b: period(a) == period(b), strict
    )


def f1(tp: int, fp: int, fn: int) -> float:
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def print_scores(title: str, tally: Counter) -> float:
    fields = sorted(
        {field for field, _ in tally},
        key=lambda f: list(tally).index((f, next(k for g, k in tally if g == f))),
    )
    print(title)
    totals = Counter()
    for field in fields:
        tp, fp, fn = (tally[field, kind] for kind in ("tp", "fp", "fn"))
        totals.update(tp=tp, fp=fp, fn=fn)
        print(f"  {field:18} F1 {f1(tp, fp, fn):.3f}  (tp {tp}, fp {fp}, fn {fn})")
    overall = f1(totals["tp"], totals["fp"], totals["fn"])
    print(f"  {'overall':18} F1 {overall:.3f}  (target >= {TARGET}) {'OK' if overall >= TARGET else 'FAIL'}")
    return overall


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--reports", type=int, default=40, help="generated reports per seed")
    args = parser.parse_args()

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanphalang.settings")
    django.setup()
    from ingest_reports import report

    from sanphalang.ingest.extract import extract

    failed = False
    answers = CORPUS / "expected.json"
    if answers.is_file():
        expected = json.loads(answers.read_text(encoding="utf-8"))
        corpus_tally = Counter()
        for name, answer in expected.items():
            if name.startswith("_"):
                continue
            draft = extract((CORPUS / name).read_text(encoding="utf-8")).as_json()
            score(corpus_tally, answer, draft, strict=False)
        title = f"corpus ({len(expected) - 1} reports, lists as must-include):"
        failed = print_scores(title, corpus_tally) < TARGET
    else:
        print(f"no corpus at {CORPUS} (set SANPHALANG_CORPUS): the corpus is not scored")
    for seed in args.seeds:
        tally = Counter()
        for index in range(args.reports):
            text, answer = report(seed * 100_000 + index)
            score(tally, answer, extract(text).as_json(), strict=True)
        failed |= (
            print_scores(f"generated, seed {seed} ({args.reports} reports, lists as exact sets):", tally)
            < TARGET
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
