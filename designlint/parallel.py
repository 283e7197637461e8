"""Scanning files in worker processes.

Each worker builds its Scanner once (grammars loaded and rule queries compiled once per
process, not per file) and scans chunks of files; results come back in input order, so the
output does not depend on the number of workers. A worker that dies (a crash in a parser, the
OOM killer) breaks the pool: the files it may have held are scanned again one by one, each in
a fresh single-worker pool, and a file that kills its worker again becomes an
`internal-error` diagnostic. The other files' results are kept.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

from designlint.findings import Diagnostic
from designlint.languages import FileKind

CHUNK_FILES = 8

_worker_scanner = None  # set in each worker by _init_worker


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(config, options, scan_roots) -> None:
    global _worker_scanner
    from designlint.runner import Scanner

    _worker_scanner = Scanner(config, options)
    _worker_scanner.scan_roots = scan_roots


def _scan_chunk(items: list[tuple[int, Path, FileKind]]):
    return [(index, *_worker_scanner.scan_path(path, kind)) for index, path, kind in items]


def scan_in_workers(
    config, options, scan_roots: list[Path], items: list[tuple[int, Path, FileKind]], jobs: int,
    on_result: Callable[[int, str | None, object], None],
) -> None:
    """Scan `items` (index, path, kind) in `jobs` processes; call on_result(index, cache_key, result)."""
    chunks = [items[i : i + CHUNK_FILES] for i in range(0, len(items), CHUNK_FILES)]
    retry: list[tuple[int, Path, FileKind]] = []
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config, options, scan_roots)) as pool:
        futures = [(chunk, pool.submit(_scan_chunk, chunk)) for chunk in chunks]
        for chunk, future in futures:
            try:
                for index, key, result in future.result():
                    on_result(index, key, result)
            except BrokenProcessPool:
                retry += chunk
    for index, path, kind in retry:
        on_result(index, *_scan_isolated(config, options, scan_roots, index, path, kind))


def _scan_isolated(config, options, scan_roots, index: int, path: Path, kind: FileKind):
    try:
        with ProcessPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(config, options, scan_roots)) as pool:
            [(_, key, result)] = pool.submit(_scan_chunk, [(index, path, kind)]).result()
            return key, result
    except BrokenProcessPool:
        from designlint.runner import display_path

        message = "the worker process scanning this file died (a crash in a parser or out of memory); file not scanned"
        return None, ([], [Diagnostic(display_path(path).as_posix(), "internal-error", message)], None, {})

