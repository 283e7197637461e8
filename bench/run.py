"""Benchmark designlint on a code base against the parse floor and against peers.

    python bench/run.py PATH [--repeat N] [--jobs N]

Prints files and lines per language, then wall time, files/s and peak RSS for:
  (a) reading every file designlint would scan,
  (b) reading + tree-sitter parsing them, one process (the floor),
  (c) `designlint check` cold, 1 job,    (d) cold, all cores,    (e) warm (cache hit),
and the ratios. When `semgrep` or `ast-grep` is on PATH (or in DESIGNLINT_PEERS_BIN), it also
runs them with the rules in bench/peers/ (written by us to approximate the five rules' core
queries) and prints designlint/peer. Each measurement is a separate process, timed from start
to exit; the median of --repeat runs is shown. Peak RSS is the largest process's (workers
included). Run by hand: never as a timed test.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEERS = HERE / "peers"

READ_ONLY = """
import sys
from pathlib import Path
from designlint.files import Discoverer
files = Discoverer().discover([Path(sys.argv[1])]).files
total = sum(len(p.read_bytes()) for p, _ in files)
print(len(files), total)
"""

READ_AND_PARSE = """
import sys
from pathlib import Path
from designlint.files import Discoverer
from designlint.source import SkipFile, parse_source
files = Discoverer().discover([Path(sys.argv[1])]).files
parsed = 0
for path, kind in files:
    raw = path.read_bytes()
    if len(raw) > 1_000_000:
        continue
    try:
        parse_source(path, raw, kind)
        parsed += 1
    except SkipFile:
        pass
print(parsed)
"""

LANGUAGES = """
import sys
from pathlib import Path
from designlint.files import Discoverer
files = Discoverer().discover([Path(sys.argv[1])]).files
stats = {}
for path, kind in files:
    data = path.read_bytes()
    n, lines = stats.get(kind.display, (0, 0))
    stats[kind.display] = (n + 1, lines + data.count(b"\\n") + (0 if data.endswith(b"\\n") or not data else 1))
for lang, (n, lines) in sorted(stats.items()):
    print(f"{lang}\\t{n}\\t{lines}")
"""

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - start
rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(wall, rss_kb, done.returncode)
"""


def measure(cmd: list[str], repeat: int, env: dict | None = None) -> tuple[float, float, int]:
    """(median wall seconds, peak RSS MB, exit code) of running `cmd` `repeat` times."""
    walls, peaks, code = [], [], 0
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, env=env, check=True)
        wall, rss_kb, code = out.stdout.split()
        walls.append(float(wall))
        peaks.append(int(rss_kb) / 1024)
    return statistics.median(walls), max(peaks), int(code)


def designlint_cmd(path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "designlint", "check", "--exit-zero", "-q", "-f", "json", *extra, str(path)]


def peer_commands(path: Path) -> dict[str, list[str]]:
    bin_dir = os.environ.get("DESIGNLINT_PEERS_BIN")
    found = {}
    semgrep = shutil.which("semgrep", path=bin_dir) if bin_dir else shutil.which("semgrep")
    if semgrep:
        found["semgrep"] = [semgrep, "scan", "--config", str(PEERS / "semgrep.yaml"), "--metrics=off", "--disable-version-check",
                            "--json", "--quiet", "--no-git-ignore", str(path)]
    astgrep = (shutil.which("ast-grep", path=bin_dir) if bin_dir else None) or shutil.which("ast-grep")
    if astgrep:
        found["ast-grep"] = [astgrep, "scan", "--config", str(PEERS / "ast-grep" / "sgconfig.yml"), "--json=compact", str(path)]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count())
    args = parser.parse_args()
    path = args.path.resolve()

    import designlint

    print(f"designlint {designlint.__version__} · Python {platform.python_version()} · {platform.machine()} · "
          f"{os.cpu_count()} cores · {platform.platform()}")
    commit = subprocess.run(["git", "-C", str(path), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(f"code base: {path}" + (f" @ {commit}" if commit else ""))
    rows = subprocess.run([sys.executable, "-c", LANGUAGES, str(path)], capture_output=True, text=True, check=True).stdout
    total_files = total_lines = 0
    print("\nlanguage      files      lines")
    for row in rows.splitlines():
        lang, n, lines = row.split("\t")
        total_files += int(n)
        total_lines += int(lines)
        print(f"{lang:<12}{int(n):>7}{int(lines):>11,}")
    print(f"{'total':<12}{total_files:>7}{total_lines:>11,}\n")

    results: dict[str, tuple[float, float, int]] = {}
    results["(a) read"] = measure([sys.executable, "-c", READ_ONLY, str(path)], args.repeat)
    results["(b) read + parse, 1 process (floor)"] = measure([sys.executable, "-c", READ_AND_PARSE, str(path)], args.repeat)
    results["(c) designlint cold, 1 job"] = measure(designlint_cmd(path, "--no-cache", "--jobs", "1"), args.repeat)
    results[f"(d) designlint cold, {args.jobs} jobs"] = measure(designlint_cmd(path, "--no-cache", "--jobs", str(args.jobs)), args.repeat)
    with tempfile.TemporaryDirectory() as cache:
        warm_cmd = designlint_cmd(path, "--cache-dir", cache, "--jobs", str(args.jobs))
        subprocess.run(warm_cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results["(e) designlint warm (cache hit)"] = measure(warm_cmd, args.repeat)
    results["startup: check of one small file"] = measure(designlint_cmd(HERE / "peers" / "sample.tsx", "--no-cache", "--jobs", "1"), args.repeat)
    for name, cmd in peer_commands(path).items():
        results[f"peer: {name}"] = measure(cmd, args.repeat)

    print(f"{'measurement':<40}{'wall s':>9}{'files/s':>10}{'peak RSS MB':>13}")
    for name, (wall, rss, _code) in results.items():
        rate = total_files / wall if wall and not name.startswith("startup") else float("nan")
        print(f"{name:<40}{wall:>9.2f}{rate:>10.0f}{rss:>13.0f}")
    floor = results["(b) read + parse, 1 process (floor)"][0]
    cold1 = results["(c) designlint cold, 1 job"][0]
    coldn = results[f"(d) designlint cold, {args.jobs} jobs"][0]
    warm = results["(e) designlint warm (cache hit)"][0]
    print(f"\nratio (c)/(b) cold 1 job / floor:        {cold1 / floor:.2f}")
    print(f"ratio (d)/(b) cold {args.jobs} jobs / floor:       {coldn / floor:.2f}   (target <= 1.5, aim <= 1.0)")
    print(f"ratio (e)/(d) warm / cold:                {warm / coldn:.2f}   (target <= 0.20)")
    for name in peer_commands(path):
        peer = results[f"peer: {name}"][0]
        print(f"ratio (d)/{name}:{'':<{27 - len(name)}}{coldn / peer:.2f}")


if __name__ == "__main__":
    main()
