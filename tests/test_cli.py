"""The command line: exit codes, formats on stdout and in files, version, subcommands."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO

VIDEO = '<video autoplay src="a.mp4"></video>\n'


def test_exit_1_on_findings_and_0_on_clean(project, run_cli):
    root = project({"a.html": VIDEO, "b.html": "<p>calm</p>\n"})
    assert run_cli(["check", "a.html"], cwd=root).exit_code == 1
    assert run_cli(["check", "b.html"], cwd=root).exit_code == 0


def test_default_command_is_check(project, run_cli):
    root = project({"a.html": VIDEO})
    result = run_cli(["a.html"], cwd=root)
    assert result.exit_code == 1
    assert "a.html:1:1: sample-autoplay" in result.stdout


def test_exit_zero_and_fail_on(project, run_cli):
    root = project({"a.html": VIDEO})
    assert run_cli(["check", "--exit-zero", "."], cwd=root).exit_code == 0
    assert run_cli(["check", "--fail-on", "error", "."], cwd=root).exit_code == 0
    assert run_cli(["check", "--fail-on", "info", "."], cwd=root).exit_code == 1


def test_muted_lowers_to_info_and_fail_on_warning_passes(project, run_cli):
    root = project({"a.html": '<video autoplay muted src="a.mp4"></video>\n'})
    result = run_cli(["check", "."], cwd=root)
    assert "mitigated: the media is muted" in result.stdout
    assert result.exit_code == 0  # info is below the default fail level (warning)
    assert run_cli(["check", "--fail-on", "info", "."], cwd=root).exit_code == 1


def test_usage_errors_exit_2_with_one_line(project, run_cli):
    root = project({"a.html": VIDEO})
    for args in (["check", "--format", "xml", "."], ["check", "--select", "no-such-rule", "."], ["explain", "no-such-rule"]):
        result = run_cli(args, cwd=root)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.stderr
        assert result.stderr.strip().count("\n") <= 2


def test_output_file_is_written_and_stdout_is_empty(project, run_cli):
    root = project({"a.html": VIDEO})
    result = run_cli(["check", "-f", "json", "-o", "report.json", "."], cwd=root)
    assert result.exit_code == 1
    assert result.stdout == ""
    doc = json.loads((root / "report.json").read_text())
    assert doc["summary"]["findings"] == 1
    assert not list(root.glob(".report.json.*"))  # no temporary file left behind


def test_unwritable_output_is_a_clean_error(project, run_cli):
    root = project({"a.html": VIDEO})
    result = run_cli(["check", "-o", "missing-dir/report.txt", "."], cwd=root)
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


def test_version_and_module_entry_point():
    out = subprocess.run([sys.executable, "-m", "designlint", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("designlint, version ")
    out = subprocess.run([sys.executable, "-m", "designlint", "check", "--help"], capture_output=True, text=True, check=True)
    assert "--format" in out.stdout


def test_rules_and_explain_list_the_shipped_rules(run_cli):
    result = run_cli(["rules"], cwd=REPO)
    assert result.exit_code == 0
    for rule_id in ("infinite-scroll", "autoplay"):
        assert rule_id in result.stdout
    result = run_cli(["explain", "autoplay"], cwd=REPO)
    assert result.exit_code == 0
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## References"):
        assert heading in result.stdout
    assert "https://" in result.stdout


def test_quiet_prints_findings_only(project, run_cli):
    root = project({"a.html": VIDEO, "bin.js": b"\x00\x00"})
    result = run_cli(["check", "-q", "."], cwd=root)
    assert result.stdout.strip().splitlines() == [result.stdout.strip()]
    assert result.stderr == ""


def test_no_colour_when_not_a_terminal(project, run_cli):
    root = project({"a.html": VIDEO})
    assert "\033[" not in run_cli(["check", "."], cwd=root).stdout
    assert "\033[" in run_cli(["check", "--color", "."], cwd=root).stdout


def test_designlint_test_command_reports_fixture_failures(project, run_cli):
    root = project(
        {
            "fx/good.html": "<!-- designlint-expect: sample-autoplay -->\n" + VIDEO + "<!-- designlint-ok: sample-autoplay -->\n<video controls></video>\n",
            "fx/bad.html": "<!-- designlint-ok: sample-autoplay -->\n" + VIDEO,
        }
    )
    result = run_cli(["test", "fx/good.html"], cwd=root)
    assert result.exit_code == 0, result.stdout
    result = run_cli(["test", "fx"], cwd=root)
    assert result.exit_code == 1
    assert "near miss flagged" in result.stdout


def test_output_files_get_the_usual_permissions(project, run_cli):
    import os
    import stat

    root = project({"a.html": '<video autoplay src="a.mp4"></video>\n'})
    old = os.umask(0o022)
    try:
        run_cli(["check", "-f", "json", "-o", "out.json", "."], cwd=root)
    finally:
        os.umask(old)
    assert stat.S_IMODE((root / "out.json").stat().st_mode) == 0o644
