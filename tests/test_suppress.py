"""Inline suppressions in every comment syntax, reports of bare and unused ones, baselines."""

from __future__ import annotations

import json

VIDEO = '<video autoplay src="a.mp4"></video>'
JSX = "const v = <video autoPlay />;"


def _findings(run_cli, root, *extra):
    result = run_cli(["check", "-f", "json", *extra, "."], cwd=root)
    return result, json.loads(result.stdout)["findings"]


def test_html_comment_on_the_line_above(project, run_cli):
    root = project({"a.html": f"<!-- designlint: ignore[sample-autoplay] approved hero video -->\n{VIDEO}\n"})
    result, findings = _findings(run_cli, root)
    assert result.exit_code == 0
    assert findings[0]["suppressed"] and findings[0]["suppression_reason"] == "approved hero video"


def test_trailing_comment_on_the_same_line(project, run_cli):
    root = project({"a.jsx": f"{JSX} // designlint: ignore[sample-autoplay] muted preview\n"})
    result, findings = _findings(run_cli, root)
    assert result.exit_code == 0 and findings[0]["suppressed"]


def test_block_and_jsx_comments(project, run_cli):
    src = (
        "/* designlint: ignore[sample-autoplay] reason one */\n"
        f"{JSX}\n"
        "const el = (\n  <div>\n    {/* designlint: ignore[sample-autoplay] reason two */}\n    <video autoPlay />\n  </div>\n);\n"
    )
    root = project({"a.jsx": src})
    result, findings = _findings(run_cli, root)
    assert result.exit_code == 0, result.stdout
    assert [f["suppression_reason"] for f in findings] == ["reason one", "reason two"]


def test_suppression_applies_only_to_the_next_line(project, run_cli):
    root = project({"a.html": f"<!-- designlint: ignore[sample-autoplay] x -->\n<p>gap</p>\n{VIDEO}\n"})
    result, findings = _findings(run_cli, root)
    assert result.exit_code == 1
    rules = sorted(f["rule"] for f in findings if not f["suppressed"])
    assert rules == ["sample-autoplay", "unused-suppression"]


def test_bare_ignore_is_reported_and_suppresses_nothing(project, run_cli):
    root = project({"a.html": f"<!-- designlint: ignore -->\n{VIDEO}\n"})
    result, findings = _findings(run_cli, root)
    assert sorted(f["rule"] for f in findings) == ["bare-suppression", "sample-autoplay"]


def test_unused_and_unknown_rule_suppressions_are_reported(project, run_cli):
    root = project({"a.html": "<!-- designlint: ignore[sample-autoplay] old -->\n<p>x</p>\n<!-- designlint: ignore[no-such] y -->\n<p>y</p>\n"})
    result, findings = _findings(run_cli, root)
    messages = [f["message"] for f in findings]
    assert any("unused suppression" in m for m in messages)
    assert any("unknown rule 'no-such'" in m for m in messages)
    assert result.exit_code == 1


def test_baseline_hides_known_findings_and_survives_inserted_lines(project, run_cli):
    root = project({"a.html": f"{VIDEO}\n", "b.html": "<p>x</p>\n"})
    assert run_cli(["check", "--write-baseline", "baseline.json", "."], cwd=root).exit_code == 0
    baseline = json.loads((root / "baseline.json").read_text())
    assert baseline["version"] == 1 and len(baseline["findings"]) == 1
    (root / "a.html").write_text("<header>new</header>\n<nav>more</nav>\n\n" + VIDEO + "\n")
    result = run_cli(["check", "--baseline", "baseline.json", "."], cwd=root)
    assert result.exit_code == 0, result.stdout
    assert "1 in baseline" in result.stdout
    (root / "b.html").write_text(VIDEO + "\n")
    result = run_cli(["check", "--baseline", "baseline.json", "."], cwd=root)
    assert result.exit_code == 1
    assert "b.html:1:1" in result.stdout and "a.html" not in result.stdout


def test_two_identical_findings_in_one_file_get_distinct_fingerprints(project, run_cli):
    root = project({"a.html": f"{VIDEO}\n{VIDEO}\n"})
    _, findings = _findings(run_cli, root)
    assert len({f["fingerprint"] for f in findings}) == 2


def test_corrupt_baseline_is_a_clean_error(project, run_cli):
    root = project({"a.html": VIDEO, "baseline.json": "{not json"})
    result = run_cli(["check", "--baseline", "baseline.json", "."], cwd=root)
    assert result.exit_code == 2 and "baseline" in result.stderr
