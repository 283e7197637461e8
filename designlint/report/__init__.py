"""Reporters: one module per output format. They turn a ScanResult into text; none parses code."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from designlint.errors import DesignlintError

FORMATS = ("text", "json", "sarif")


def render(fmt: str, result, color: bool = False) -> str:
    if fmt == "text":
        from designlint.report.text import render_text

        return render_text(result, color=color)
    if fmt == "json":
        from designlint.report.json_report import render_json

        return render_json(result)
    if fmt == "sarif":
        from designlint.report.sarif import render_sarif

        return render_sarif(result)
    raise DesignlintError(f"unknown output format '{fmt}' (choose from {', '.join(FORMATS)})")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename: never a partial output file."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DesignlintError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is read by others
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise DesignlintError(f"cannot write {path}: {exc.strerror or exc}") from None
