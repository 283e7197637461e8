"""The content cache: one file's scan result, keyed by everything that could change it.

A key is the SHA-256 of the file's path and bytes, the rule pack (every rule file and the
criteria catalog), designlint's own source, and the settings that shape per-file results
(selected rules, severities, per-path ignores, safeguard display, size cap). A second run over
unchanged files reads results instead of parsing. Entries live in one SQLite file under the
cache folder (`.designlint_cache/` in the project root by default); a cache that is missing,
locked, stale or corrupt is ignored and rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict
from functools import cache as memoize
from pathlib import Path

from designlint import __version__, project_index
from designlint.findings import Diagnostic, Finding

DEFAULT_CACHE_DIR = ".designlint_cache"
CACHE_FORMAT = "1"
DB_NAME = "results.sqlite3"

FileResult = tuple[list[Finding], list[Diagnostic], "int | None", dict[str, str]]


@memoize
def designlint_source_hash() -> str:
    """Hash of designlint's own Python files: an edited check invalidates every entry."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(context: str, shown_path: str, data: bytes) -> str:
    """The key of one file's result: context (settings, rules, source), path and bytes."""
    digest = hashlib.sha256(context.encode())
    digest.update(b"\0" + shown_path.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def settings_key(parts: dict) -> str:
    """Hash of the settings that shape per-file results (JSON, sorted keys)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


class ResultCache:
    """Per-file scan results on disk. All methods swallow storage errors: a broken cache
    only makes the run slower."""

    def __init__(self, folder: Path, context: str):
        self.folder = folder
        self.context = context  # rule pack + source + settings, hashed
        self.hits = 0
        self.misses = 0
        self._pending: list[tuple[str, str]] = []
        self._db: sqlite3.Connection | None = None
        self.disabled_reason: str | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self.disabled_reason is not None:
            return self._db
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _mark_cache_folder(self.folder)
            db = sqlite3.connect(self.folder / DB_NAME, timeout=5)
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
            if row is None or row[0] != CACHE_FORMAT:
                db.execute("DROP TABLE IF EXISTS results")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (CACHE_FORMAT,))
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.commit()
            self._db = db
        except (OSError, sqlite3.Error) as exc:
            self.disabled_reason = f"cache disabled: {exc}"
            self._db = None
        return self._db

    def get(self, key: str) -> FileResult | None:
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
            result = _decode(row[0]) if row else None
        except (sqlite3.Error, ValueError, TypeError, KeyError):
            result = None
        if result is not None and not _inputs_unchanged(result[3]):
            result = None  # another file the result was computed from has changed
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def put(self, key: str, result: FileResult) -> None:
        self._pending.append((key, _encode(result)))

    def flush(self) -> None:
        """Write the new entries in one transaction."""
        db = self._connect()
        if db is None or not self._pending:
            return
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self._pending)
        except sqlite3.Error as exc:
            self.disabled_reason = f"cache not written: {exc}"
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None


def _mark_cache_folder(folder: Path) -> None:
    """Like ruff and pytest: keep the cache out of git and out of backups."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Created by designlint\n*\n", encoding="utf-8")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# designlint cache\n", encoding="utf-8")


def _inputs_unchanged(inputs: dict[str, str]) -> bool:
    """Whether every other file a result was computed from still has the same bytes (a
    `project:` input: whether the project index's files still have the same digest)."""
    for path, digest in inputs.items():
        if path.startswith(project_index.INPUT_PREFIX):
            if not project_index.input_unchanged(path, digest):
                return False
            continue
        try:
            if hashlib.sha256(Path(path).read_bytes()).hexdigest() != digest:
                return False
        except OSError:
            return False
    return True


def _encode(result: FileResult) -> str:
    findings, diagnostics, lines, inputs = result
    return json.dumps(
        {
            "findings": [asdict(f) for f in findings],
            "diagnostics": [asdict(d) for d in diagnostics],
            "lines": lines,
            "inputs": inputs,
        },
        ensure_ascii=False,
    )


def _decode(text: str) -> FileResult:
    doc = json.loads(text)
    findings = [Finding(**f) for f in doc["findings"]]
    diagnostics = [Diagnostic(**d) for d in doc["diagnostics"]]
    lines, inputs = doc["lines"], doc["inputs"]
    if lines is not None and not isinstance(lines, int):
        raise ValueError("bad line count")
    if not isinstance(inputs, dict):
        raise ValueError("bad inputs")
    return findings, diagnostics, lines, inputs
