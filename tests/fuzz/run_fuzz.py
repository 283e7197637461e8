"""The long fuzz run (not part of the default test suite): Hypothesis over random bytes and
mutated fixtures, batch after batch with fresh seeds, for as many minutes as asked. Prints how
many inputs were tried; a failing input is shrunk and reported by Hypothesis.

    python tests/fuzz/run_fuzz.py --minutes 10
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fuzz_support import check_scan_holds, mutated_fixtures, random_files  # noqa: E402

BATCH = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0)
    args = parser.parse_args()
    tried = {"random": 0, "mutated": 0}
    inputs = st.one_of(random_files().map(lambda x: ("random", x)), mutated_fixtures().map(lambda x: ("mutated", x)))

    def batch(number: int) -> None:
        @seed(number)
        @settings(max_examples=BATCH, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(inputs)
        def run(item):
            kind, named = item
            tried[kind] += 1
            check_scan_holds(*named)

        run()

    started = time.monotonic()
    number = 0
    while time.monotonic() - started < args.minutes * 60:
        batch(number)
        number += 1
        elapsed = (time.monotonic() - started) / 60
        print(f"  batch {number}: {sum(tried.values())} inputs so far, {elapsed:.1f} min", flush=True)
    minutes = (time.monotonic() - started) / 60
    print(f"fuzz: {sum(tried.values())} inputs in {minutes:.1f} min "
          f"({tried['random']} random, {tried['mutated']} mutated fixtures) in {number} batches; no property failed")


if __name__ == "__main__":
    main()
