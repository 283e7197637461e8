"""The clock of the per-file time budget (`--file-timeout`) and of the project index's own
accounting: CPU seconds of this process, not wall-clock time.

The budget exists to bound a pathological file's parse and match, which is CPU work. Read off a
wall clock it ran out when the machine was busy with other work (a 252 KB SpriteKit scene was
skipped under a load of 9 on 2 cores and its music never reported), so the same revision gave
different findings on the same code. CPU time makes the outcome the same however busy the
machine is. Every deadline in designlint is a value of `now()`.
"""

from __future__ import annotations

import time


def now() -> float:
    """CPU seconds this process has used (all its threads)."""
    return time.process_time()


def deadline_in(seconds: float) -> float:
    """The `now()` value `seconds` of CPU time from now."""
    return now() + seconds
