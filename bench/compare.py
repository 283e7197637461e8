"""Compare the findings of two designlint revisions over a set of code bases (a fix's regression).

    python bench/compare.py --base main --head my-branch /tmp/corpus/* [--select autoplay] [--jobs N]

Each revision is exported with `git archive` into a scratch folder and run as
`python -m designlint check CODEBASE -f json --exit-zero -q --no-cache` from there, so the
revision's own package is imported (the running interpreter must have designlint's dependencies).
`--base`/`--head` may be `WORKTREE` for the files of this checkout as they are, or the path of
another checkout (a helper's worktree) for its files. Results are kept per (revision commit or
checkout state, code base, selection) under --cache-dir, so the base is scanned once per commit.

Prints, per code base, the findings only one side has (path:line rule/pattern [severity] message),
then a total: a finding whose severity changed shows as one removed and one added. A fix's regression is read from this list: every added or removed finding must be an
intended change. Run by hand, never as a test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORKTREE = "WORKTREE"


CACHE_FORMAT = "v2"  # v2: lines carry the severity


def _git(*args: str, repo: Path = REPO) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


def _checkout(rev: str) -> Path | None:
    """The folder whose files are used as they are for `rev` (WORKTREE or a checkout's path), or None."""
    if rev == WORKTREE:
        return REPO
    path = Path(rev)
    return path.resolve() if (path / "designlint").is_dir() else None


def _export(rev: str, into: Path) -> Path:
    """The package as it is at `rev` (or a checkout's files as they are), under `into`."""
    checkout = _checkout(rev)
    if checkout is not None:
        return checkout
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", rev, "designlint", "rules", "pyproject.toml"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _key(rev: str) -> str:
    checkout = _checkout(rev)
    if checkout is None:
        return _git("rev-parse", rev)
    status = _git("status", "--porcelain", "--", "designlint", "rules", repo=checkout)
    diff = _git("diff", "HEAD", "--", "designlint", "rules", repo=checkout)
    state = str(checkout) + _git("rev-parse", "HEAD", repo=checkout) + status + diff
    return "wt-" + hashlib.sha256(state.encode()).hexdigest()[:16]


def _findings(package: Path, codebase: Path, select: str | None, jobs: int) -> list[dict]:
    cmd = [sys.executable, "-m", "designlint", "check", str(codebase), "-f", "json", "--exit-zero", "-q",
           "--no-cache", "-j", str(jobs)]
    if select:
        cmd += ["--select", select]
    done = subprocess.run(cmd, cwd=package, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"designlint failed on {codebase} (exit {done.returncode}): {done.stderr[-2000:]}")
    return json.loads(done.stdout)["findings"]


def _line(finding: dict, codebase: Path) -> str:
    path = Path(finding["path"])
    try:
        path = path.resolve().relative_to(codebase.resolve())
    except ValueError:
        pass
    return f"{path}:{finding['line']} {finding['rule']}/{finding.get('pattern', '')} [{finding.get('severity', '')}] {finding['message']}"


def _scan(rev: str, codebases: list[Path], args: argparse.Namespace) -> dict[Path, list[str]]:
    key = _key(rev)
    results: dict[Path, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="designlint-compare-") as scratch:
        package: Path | None = None
        for codebase in codebases:
            name = hashlib.sha256(f"{codebase.resolve()}|{args.select}".encode()).hexdigest()[:16]
            cached = args.cache_dir / CACHE_FORMAT / key / f"{name}.json"
            if cached.exists():
                results[codebase] = json.loads(cached.read_text())
                continue
            package = package or _export(rev, Path(scratch))
            lines = sorted(_line(f, codebase) for f in _findings(package, codebase, args.select, args.jobs))
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps(lines))
            results[codebase] = lines
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("codebases", nargs="+", type=Path)
    parser.add_argument("--base", default="main")
    parser.add_argument("--head", default=WORKTREE)
    parser.add_argument("--select", default=None)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "designlint-compare")
    args = parser.parse_args()
    codebases = [c.resolve() for c in args.codebases if c.is_dir()]
    before = _scan(args.base, codebases, args)
    after = _scan(args.head, codebases, args)
    added = removed = 0
    for codebase in codebases:
        old, new = set(before[codebase]), set(after[codebase])
        if old == new:
            continue
        print(f"== {codebase}")
        for line in sorted(old - new):
            print(f"  - {line}")
        for line in sorted(new - old):
            print(f"  + {line}")
        added += len(new - old)
        removed += len(old - new)
    print(f"{len(codebases)} code bases: {added} findings added, {removed} removed ({args.base} -> {args.head})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
