"""Property tests (Hypothesis): random bytes under every extension, and fixtures truncated,
flipped and spliced, never make designlint raise, report an internal error or point outside
the file. The long run is tests/fuzz/run_fuzz.py."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from fuzz_support import check_scan_holds, mutated_fixtures, random_files

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@SETTINGS
@given(random_files())
def test_random_bytes_never_break_a_scan(named):
    check_scan_holds(*named)


@SETTINGS
@given(mutated_fixtures())
def test_mutated_fixtures_never_break_a_scan(named):
    check_scan_holds(*named)
