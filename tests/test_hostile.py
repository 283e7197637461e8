"""Hostile trees and runs: symlinks, odd names, files that vanish mid-scan, every output format
carrying faults, determinism across hash seeds and file-system order, and nothing written to
or executed from the scanned tree."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

PLAY = "const v = document.querySelector('video');\nv.play();\n"


def _snapshot(root: Path) -> dict[str, str]:
    """Every path under root with a hash of its bytes (symlinks by target)."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            out[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[rel] = "dir"
    return out


def test_symlink_loops_and_links_out_of_the_tree(tmp_path, run_cli):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.js").write_text(PLAY)
    root = tmp_path / "app"
    (root / "src").mkdir(parents=True)
    (root / "src" / "player.js").write_text(PLAY)
    os.symlink(root, root / "src" / "loop")  # a folder that contains itself
    os.symlink(outside, root / "linked-outside")
    os.symlink(outside / "secret.js", root / "src" / "secret-link.js")
    result = run_cli(["check", "--no-cache", "-f", "json", "."], cwd=root)
    doc = json.loads(result.stdout)
    assert [f["path"] for f in doc["findings"]] == ["src/player.js"]
    skipped = {d["path"]: d["message"] for d in doc["diagnostics"] if d["kind"] == "skipped"}
    assert any("outside" in message or "symlink" in message for message in skipped.values()), skipped


@pytest.mark.parametrize("name", ["my player/clip view.js", "vidéo/lecteur-ünï.js", "odd\nname.js", "tab\tname.js"])
def test_paths_with_spaces_unicode_and_newlines(tmp_path, run_cli, name):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PLAY)
    as_json = json.loads(run_cli(["check", "--no-cache", "-f", "json", "."], cwd=tmp_path).stdout)
    assert [f["path"] for f in as_json["findings"]] == [name]
    sarif = json.loads(run_cli(["check", "--no-cache", "-f", "sarif", "."], cwd=tmp_path).stdout)
    [result] = sarif["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert " " not in uri and "\n" not in uri and "\t" not in uri
    from urllib.parse import unquote

    assert unquote(uri) == name


def test_files_deleted_or_changed_during_the_scan(tmp_path):
    from designlint.config import Config
    from designlint.runner import Scanner, ScanOptions

    for i in range(4):
        (tmp_path / f"f{i}.js").write_text(PLAY)
    scanner = Scanner(Config(root=tmp_path), ScanOptions(select=["autoplay"], jobs=1))

    def meddle(done: int, total: int) -> None:
        if done == 1:
            (tmp_path / "f2.js").unlink()  # deleted before it is read
            (tmp_path / "f3.js").write_text("const quiet = 1;\n")  # changed before it is read

    result = scanner.scan([tmp_path], progress=meddle)
    assert sorted(f.path.rsplit("/", 1)[-1] for f in result.findings) == ["f0.js", "f1.js"]
    [gone] = [d for d in result.diagnostics if d.path.endswith("f2.js")]
    assert gone.kind == "skipped" and "cannot read" in gone.message


def _hostile_tree(root: Path) -> None:
    (root / "src").mkdir(parents=True)
    (root / "src" / "player.js").write_text(PLAY)
    (root / "src" / "feed.py").write_text(
        "import os\nos.system('touch PWNED')\nopen('PWNED2', 'w').write('x')\n"
        "from firebase_admin import messaging\nfor u in inactive_users():\n    messaging.send(build(u, 'We miss you!'))\n"
    )
    (root / "locales").mkdir()
    (root / "locales" / "en.yml").write_text("boom: !!python/object/apply:os.system ['touch PWNED3']\ntitle: We miss you\n")
    (root / "package.json").write_text('{"scripts": {"postinstall": "touch PWNED4"}}\n')


def test_nothing_is_written_to_or_executed_from_the_scanned_tree(tmp_path, run_cli):
    root = tmp_path / "third-party"
    _hostile_tree(root)
    before = _snapshot(root)
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ["check", "--no-cache", "-f", "json", "-o", str(out / "a.json"), str(root)],
        ["check", "--no-cache", "-f", "sarif", "-o", str(out / "a.sarif"), str(root)],
        ["audit", "-o", str(out / "report.html"), str(root)],
        ["audit", "-f", "markdown", "-o", str(out / "report.md"), str(root)],
        ["check", "--no-cache", "--write-baseline", str(out / "baseline.json"), str(root)],
    ):
        result = run_cli(args, cwd=tmp_path)
        assert result.exit_code in (0, 1), (args, result.stderr)
    assert _snapshot(root) == before
    assert not list(tmp_path.rglob("PWNED*"))
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "a.sarif", "baseline.json", "report.html", "report.md"]


def test_a_config_file_cannot_run_code(tmp_path, run_cli):
    (tmp_path / ".designlint.yaml").write_text("select: !!python/object/apply:os.system ['touch PWNED']\n")
    (tmp_path / "a.js").write_text(PLAY)
    result = run_cli(["check", "--no-cache", "."], cwd=tmp_path)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert not (tmp_path / "PWNED").exists()


def _run_designlint(args: list[str], cwd: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-m", "designlint", *args], cwd=cwd, env=env, capture_output=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_output_is_byte_identical_across_hash_seeds_workers_and_listing_order(tmp_path, monkeypatch):
    tree = tmp_path / "app"
    for sub in ("autoplay/javascript", "loot-box/python"):
        shutil.copytree(REPO / "fixtures" / sub, tree / sub)  # fixture folders may hold project folders
    runs = {
        (fmt, seed, jobs): _run_designlint(["check", "--no-cache", "-j", jobs, "-f", fmt, "."], tree, seed)
        for fmt in ("json", "sarif")
        for seed, jobs in (("0", "1"), ("12345", "2"))
    }
    for fmt in ("json", "sarif"):
        outputs = {out for (f, _, _), out in runs.items() if f == fmt}
        assert len(outputs) == 1, fmt

    # The same with the directory listing reversed (file systems list in any order).
    import designlint.files as files_module

    real_scandir = os.scandir

    class Reversed:  # an os.scandir iterator listing in reverse (os.walk calls next() on it)
        def __init__(self, path):
            self.entries = iter(list(real_scandir(path))[::-1])

        def __iter__(self):
            return self

        def __next__(self):
            return next(self.entries)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(files_module.os, "scandir", Reversed)
    from designlint.config import Config
    from designlint.report import render
    from designlint.runner import Scanner, ScanOptions

    monkeypatch.chdir(tree)
    result = Scanner(Config(root=tree), ScanOptions(select=None, jobs=1)).scan([Path(".")])
    assert render("json", result).encode() == runs[("json", "0", "1")]


def test_internal_errors_reach_every_output_format(project, run_cli, monkeypatch):
    import designlint.checks as checks

    root = project({"a.html": '<video autoplay src="a.mp4"></video>\n'})
    rule_path = root / "rules" / "sample-autoplay.yaml"
    rule_path.write_text(rule_path.read_text().replace('    message: "<{tag}> starts', '    check: boom:explode\n    message: "<{tag}> starts'))

    def fake_resolve(ref, owner):
        def explode(ctx):
            raise RuntimeError("kaboom")

        return explode

    monkeypatch.setattr(checks, "resolve_check", fake_resolve)
    text = run_cli(["check", "--no-cache", "-j", "1", "."], cwd=root)
    assert text.exit_code == 2 and "internal-error" in text.stderr and "kaboom" in text.stderr
    doc = json.loads(run_cli(["check", "--no-cache", "-j", "1", "-f", "json", "."], cwd=root).stdout)
    assert any(d["kind"] == "internal-error" and "kaboom" in d["message"] for d in doc["diagnostics"])
    sarif = json.loads(run_cli(["check", "--no-cache", "-j", "1", "-f", "sarif", "."], cwd=root).stdout)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("kaboom" in n["message"]["text"] and n["level"] == "error" for n in notes)
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_exclude_paths_see_paths_inside_the_scan_not_the_folders_above_it(tmp_path, run_cli):
    """A project that lives under a folder called `test/` is still scanned: rules' test-file
    globs apply to paths inside the project, not to where it sits on disk."""
    project = tmp_path / "test" / "proj"
    (project / "src").mkdir(parents=True)
    (project / "src" / "player.js").write_text(PLAY)
    (project / "src" / "player.test.js").write_text(PLAY)
    for jobs in ("1", "2"):
        doc = json.loads(run_cli(["check", "--no-cache", "-j", jobs, "-f", "json", str(project)], cwd=REPO).stdout)
        assert sorted(f["path"].rsplit("/", 2)[-2:][-1] for f in doc["findings"]) == ["player.js"]


def test_huge_long_and_deep_files(tmp_path, run_cli):
    """A 20 MB one-line bundle is skipped by the size cap; a 100k-line file and 10,000-deep
    brackets, parentheses and JSX are scanned (no RecursionError) and their findings kept."""
    (tmp_path / "bundle.js").write_bytes(b"var a=" + b"1+" * 10_000_000 + b"1;")
    (tmp_path / "long.js").write_text("const x = 1;\n" * 100_000 + PLAY)
    (tmp_path / "deep.js").write_text("const a = " + "[\n" * 10_000 + "]\n" * 10_000 + ";\n" + PLAY)
    (tmp_path / "deep_parens.js").write_text("x = " + "(\n" * 10_000 + "1" + ")\n" * 10_000 + ";\n" + PLAY)
    (tmp_path / "deep.tsx").write_text("const a = " + "<div>\n" * 5_000 + "</div>\n" * 5_000 + ";\n" + PLAY)
    result = run_cli(["check", "--no-cache", "-j", "1", "-f", "json", "--select", "autoplay", "--max-file-size", "5000000", "."], cwd=tmp_path)
    doc = json.loads(result.stdout)
    assert sorted(f["path"] for f in doc["findings"]) == ["deep.js", "deep.tsx", "deep_parens.js", "long.js"]
    [skip] = [d for d in doc["diagnostics"] if d["path"] == "bundle.js"]
    assert skip["kind"] == "skipped" and "larger than" in skip["message"]
    assert not [d for d in doc["diagnostics"] if d["kind"] == "internal-error"]
