"""Write official_area_keys.tsv.gz, the precomputed search and sort keys of the official areas.

Run it after upgrading geothai or changing areas/keys.py: `python src/sanphalang/areas/data/write_official_keys.py`.
The output depends only on geothai and the key functions (gzip without a timestamp), so a re-run on the same
versions writes the same bytes; tests/areas/test_area_data.py checks that the shipped file is current.
"""

import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from sanphalang.areas.loading import OFFICIAL_KEYS_FILE, official_area_rows, official_key_lines  # noqa: E402


def main() -> None:
    with (
        open(OFFICIAL_KEYS_FILE, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out,
    ):
        out.write("".join(official_key_lines(official_area_rows())).encode("utf-8"))
    print(f"Wrote {OFFICIAL_KEYS_FILE}")


if __name__ == "__main__":
    main()
