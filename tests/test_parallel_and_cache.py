"""Parallel scanning and the content cache: the same output whatever the number of workers,
warm runs that read results instead of parsing, caches that are stale or corrupt ignored, and
a worker that dies losing nothing but its own file."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import REPO

FIXTURE_SAMPLE = ["autoplay/javascript", "autoplay/tsx", "loot-box/typescript", "notification-spam/html", "streak-rewards/vue"]


@pytest.fixture
def tree(tmp_path):
    """A copy of some fixtures: enough files for several worker chunks."""
    root = tmp_path / "app"
    for sub in FIXTURE_SAMPLE:
        shutil.copytree(REPO / "fixtures" / sub, root / sub)
    return root


def test_output_is_identical_with_1_and_4_jobs(tree, run_cli):
    outputs = {}
    for jobs in ("1", "4"):
        for fmt in ("json", "sarif"):
            # No time budget: on a loaded machine a file could pass it in one run and not the other.
            result = run_cli(["check", "--no-cache", "--file-timeout", "0", "--jobs", jobs, "-f", fmt, "."], cwd=tree)
            assert result.exit_code == 1, result.stderr
            outputs[(jobs, fmt)] = result.stdout
    assert outputs[("1", "json")] == outputs[("4", "json")]
    assert outputs[("1", "sarif")] == outputs[("4", "sarif")]
    assert '"findings": []' not in outputs[("1", "json")]


def test_warm_run_reads_the_cache_and_rescans_only_changed_files(tree, run_cli, monkeypatch):
    from designlint.runner import Scanner

    cold = run_cli(["check", "-j", "1", "-f", "json", "."], cwd=tree)
    assert (tree / ".designlint_cache" / "results.sqlite3").is_file()
    assert (tree / ".designlint_cache" / ".gitignore").read_text().strip().endswith("*")

    scanned: list[str] = []
    original = Scanner.scan_file

    def counting(self, path, kind, raw=None):
        scanned.append(path.name)
        return original(self, path, kind, raw)

    monkeypatch.setattr(Scanner, "scan_file", counting)
    warm = run_cli(["check", "-j", "1", "-f", "json", "."], cwd=tree)
    assert warm.stdout == cold.stdout and scanned == []

    changed = next(tree.joinpath("autoplay/javascript").iterdir())
    changed.write_text(changed.read_text() + "\n// edited\n")
    run_cli(["check", "-j", "1", "-f", "json", "."], cwd=tree)
    assert scanned == [changed.name]


def test_a_cached_result_is_not_reused_once_another_file_it_read_changes(tmp_path, run_cli):
    """jobs.py is reported because config/settings.py schedules its function (CRONJOBS): editing
    only the settings file must change jobs.py's findings, cache or not."""
    project = tmp_path / "beat_project"
    shutil.copytree(REPO / "fixtures" / "notification-spam" / "python" / "beat_project", project)
    args = ["check", "-j", "1", "-f", "json", "--select", "notification-spam", "engagement/jobs.py"]
    before = run_cli(args, cwd=project)
    assert "a schedule in settings.py" in before.stdout
    settings = project / "config" / "settings.py"
    settings.write_text(settings.read_text().replace("engagement.jobs.ping_quiet_players", "engagement.jobs.gone"))
    after = run_cli(args, cwd=project)
    fresh = run_cli([*args[:1], "--no-cache", *args[1:]], cwd=project)
    assert after.stdout == fresh.stdout != before.stdout


def test_settings_are_part_of_the_cache_key(tree, run_cli):
    every = run_cli(["check", "-j", "1", "-f", "json", "."], cwd=tree).stdout
    only = run_cli(["check", "-j", "1", "-f", "json", "--select", "autoplay", "."], cwd=tree).stdout
    assert '"rule": "loot-box"' in every and '"rule": "loot-box"' not in only


def test_corrupt_cache_is_ignored_and_rebuilt(tree, run_cli):
    expected = run_cli(["check", "--no-cache", "-j", "1", "-f", "json", "."], cwd=tree).stdout
    cache = tree / ".designlint_cache"
    cache.mkdir()
    (cache / "results.sqlite3").write_bytes(b"this is not a database" * 100)
    result = run_cli(["check", "-j", "1", "-f", "json", "."], cwd=tree)
    assert result.stdout == expected
    assert "cache" in result.stderr  # said once, as a warning
    shutil.rmtree(cache)
    run_cli(["check", "-j", "1", "-f", "json", "."], cwd=tree)
    import sqlite3

    db = sqlite3.connect(cache / "results.sqlite3")
    db.execute("UPDATE results SET value = '{\"findings\": [{\"nonsense\": 1}]}'")
    db.commit()
    db.close()
    assert run_cli(["check", "-j", "1", "-f", "json", "."], cwd=tree).stdout == expected


def test_no_cache_writes_nothing(tree, run_cli):
    run_cli(["check", "--no-cache", "-f", "json", "."], cwd=tree)
    assert not (tree / ".designlint_cache").exists()


def test_cache_dir_option(tree, run_cli, tmp_path):
    run_cli(["check", "--cache-dir", str(tmp_path / "elsewhere"), "-f", "json", "."], cwd=tree)
    assert (tmp_path / "elsewhere" / "results.sqlite3").is_file()
    assert not (tree / ".designlint_cache").exists()


@pytest.mark.skipif(os.name != "posix", reason="relies on fork to carry the patch into workers")
def test_a_worker_that_dies_loses_only_its_own_file(tree, run_cli, monkeypatch):
    import multiprocessing

    from designlint.runner import Scanner

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("workers are not forked on this platform")
    victim = sorted(tree.joinpath("autoplay/tsx").iterdir())[0]
    expected = run_cli(["check", "--no-cache", "-j", "1", "-f", "json", "."], cwd=tree)
    original = Scanner.scan_file

    def crash_on_victim(self, path, kind, raw=None):
        if path.name == victim.name:
            os._exit(13)  # as a segfault or the OOM killer would
        return original(self, path, kind, raw)

    monkeypatch.setattr(Scanner, "scan_file", crash_on_victim)
    result = run_cli(["check", "--no-cache", "-j", "2", "-f", "json", "."], cwd=tree)
    assert result.exit_code == 2  # an internal error
    import json

    got, want = json.loads(result.stdout), json.loads(expected.stdout)
    kept = [f for f in want["findings"] if not f["path"].endswith(victim.name)]
    assert [f["fingerprint"] for f in got["findings"]] == [f["fingerprint"] for f in kept]
    died = [d for d in got["diagnostics"] if d["kind"] == "internal-error"]
    assert len(died) == 1 and died[0]["path"].endswith(victim.name) and "died" in died[0]["message"]
