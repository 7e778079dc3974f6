"""How fast reports are read: extracting every corpus report against PyThaiNLP's word_tokenize of the same text, in
the same run (best of several interleaved rounds, after one warm-up that builds the dictionaries). Goal: <= 3x.

    .venv/bin/python bench/bench_ingest_speed.py
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

from common import best_of_interleaved, report  # noqa: E402

CORPUS = Path(
    os.environ.get("SANPHALANG_CORPUS", Path(__file__).resolve().parents[1] / "tests" / "ingest" / "corpus")
)
ROUNDS = 7
LIMIT = 3.0


def main() -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanphalang.settings")
    django.setup()
    from pythainlp.tokenize import word_tokenize

    from sanphalang.ingest.extract import extract

    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    if not texts:
        from ingest_reports import report as generated

        print(f"no corpus at {CORPUS} (set SANPHALANG_CORPUS): timing 20 generated reports instead")
        texts = [generated(seed)[0] for seed in range(20)]

    def tokenize_all():
        for text in texts:
            word_tokenize(text)

    def extract_all():
        for text in texts:
            extract(text)

    tokenize_all()
    extract_all()
    baseline, measured = best_of_interleaved(ROUNDS, tokenize_all, extract_all)
    print(f"{len(texts)} reports, {sum(map(len, texts))} characters")
    return report(
        "ingest extraction vs word_tokenize",
        measured * 1000,
        baseline * 1000,
        unit="ms",
        limit=LIMIT,
        higher_is_better=False,
    )


if __name__ == "__main__":
    sys.exit(main())
