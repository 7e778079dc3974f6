"""The coordinators' load test at the scale CI has time for: 20 coordinators on one province's synthetic data
for 20 s (load_coordinators.py runs the national one: 50 coordinators for 60 s).
Target: no errors. Prints p50 and p95 per page.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_coordinators import main  # noqa: E402

if __name__ == "__main__":
    sys.argv = [sys.argv[0], "--scale", "province", "--users", "20", "--seconds", "20"]
    sys.exit(main())
