"""The audit report, the criteria catalog and the --criteria filter (the browser check of the
HTML report is in test_audit_browser.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from designlint.criteria import AUDIENCES, builtin_criteria, cited_by
from designlint.rules import load_rules
from conftest import REPO

HOSTILE = (
    "// </script><script>alert('pwned')</script> <img src=x onerror=alert(1)> [link](javascript:alert(1)) | a | b |\n"
    "const v = document.createElement('video');\n"
    "v.autoplay = true; // <!-- --> ``` <b>bold</b>\n"
    "document.body.appendChild(v);\n"
)


def test_every_rule_cites_two_criteria_that_exist_and_every_criterion_has_a_url_and_a_rule():
    catalog = builtin_criteria()
    rules = load_rules()
    for rule in rules:
        assert len(rule.criteria) >= 2, rule.id
        for cid in rule.criteria:
            assert cid in catalog, f"{rule.id} cites unknown criterion {cid}"
    citing = cited_by(catalog, rules)
    for cid, c in catalog.items():
        assert c.url.startswith("https://"), cid
        assert c.audience in AUDIENCES and c.jurisdiction and c.group and c.section and c.requirement, cid
        assert citing[cid], f"{cid} bears on no rule"


def test_criteria_command_lists_every_criterion_with_its_rules(run_cli):
    result = run_cli(["criteria"])
    assert result.exit_code == 0
    for cid in builtin_criteria():
        assert f"  {cid}  [" in result.stdout
    assert "UK Children's Code" in result.stdout and "rules: " in result.stdout


def _feed_app(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "player.js").write_text(HOSTILE)
    (tmp_path / "src" / "ask.js").write_text("Notification.requestPermission();\n")
    (tmp_path / "src" / "quiet.js").write_text(
        "// designlint: ignore[autoplay] trailer muted by product decision\nconst t = document.createElement('video'); t.autoplay = true;\n"
    )
    return tmp_path


def test_criteria_filter_keeps_only_findings_bearing_on_those_sources(tmp_path, run_cli):
    app = _feed_app(tmp_path)
    every = json.loads(run_cli(["check", "--format", "json", "."], cwd=app).stdout)
    assert {f["rule"] for f in every["findings"]} == {"autoplay", "notification-spam"}
    chosen = json.loads(run_cli(["check", "--format", "json", "--criteria", "apple-asrg-4.5,lh-", "."], cwd=app).stdout)
    assert {f["rule"] for f in chosen["findings"]} == {"notification-spam"}
    wrong = run_cli(["check", "--criteria", "uk-nope", "."], cwd=app)
    assert wrong.exit_code == 2 and "no criterion id starts with 'uk-nope'" in wrong.stderr


@pytest.fixture
def html_report(tmp_path, run_cli) -> str:
    app = _feed_app(tmp_path)
    result = run_cli(["audit", "."], cwd=app)
    assert result.exit_code == 0, result.stderr
    assert "scanning [" not in result.stderr  # no progress bar when stderr is not a terminal
    return (app / "designlint-report.html").read_text(encoding="utf-8")


def test_html_report_has_every_section(html_report):
    for heading in ("Summary", "Criteria matrix", "Findings", "Accountability", "Method and limits"):
        assert re.search(rf"<h2 id=\"[a-z-]+\">{heading}</h2>", html_report), heading
    assert "<svg" in html_report and "<title id=\"chart-title\">" in html_report
    assert "UK Children&#x27;s Code" in html_report
    assert "trailer muted by product decision" in html_report  # the suppression and its reason
    assert 'href="#f-1"' in html_report and 'id="f-1"' in html_report


def test_html_report_shows_scanned_code_as_text_and_runs_nothing(html_report):
    assert "<script" not in html_report.lower()
    assert "<img" not in html_report.lower()
    assert "onerror=alert(1)&gt;" in html_report
    assert "&lt;/script&gt;&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in html_report
    assert "Content-Security-Policy" in html_report and "default-src 'none'" in html_report
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html_report)


def test_markdown_report_escapes_code_and_keeps_tables_intact(tmp_path, run_cli):
    app = _feed_app(tmp_path)
    assert run_cli(["audit", "--format", "markdown", "-o", "audit.md", "."], cwd=app).exit_code == 0
    text = (app / "audit.md").read_text(encoding="utf-8")
    assert text.startswith("# Wellbeing design audit")
    for heading in ("## Summary", "## Criteria matrix", "## Findings", "## Accountability", "## Method and limits"):
        assert heading in text
    outside_fences = re.sub(r"(`{3,})text\n.*?\n\1\n", "", text, flags=re.S)
    assert "<script" not in outside_fences and "<img" not in outside_fences
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) in (3, 4, 5, 6, 9), line


def test_json_audit_holds_the_same_facts(tmp_path, run_cli):
    app = _feed_app(tmp_path)
    assert run_cli(["audit", "--format", "json", "."], cwd=app).exit_code == 0
    doc = json.loads((app / "designlint-report.json").read_text(encoding="utf-8"))
    assert doc["files_scanned"] == 3
    patterns = {p["rule_id"]: p for p in doc["patterns"]}
    assert len(patterns["autoplay"]["findings"]) == 1 and len(patterns["notification-spam"]["findings"]) == 1
    assert doc["suppressed"][0]["suppressed"] == "trailer muted by product decision"
    assert any(row["anchors"] for row in doc["matrix"]["UK Children's Code"])


def test_audit_reports_git_commit_and_reproducible_date(tmp_path, run_cli, monkeypatch):
    import subprocess

    app = _feed_app(tmp_path)
    subprocess.run(["git", "init", "-q", "-b", "main", str(app)], check=True)
    subprocess.run(["git", "-C", str(app), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "x"], check=True)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert run_cli(["audit", "--format", "json", "."], cwd=app).exit_code == 0
    doc = json.loads((app / "designlint-report.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"[0-9a-f]{40}", doc["git_commit"]) and doc["git_branch"] == "main"
    assert doc["generated"] == "2026-01-01T00:00:00Z"


def test_audit_output_that_cannot_be_written_is_exit_2_without_a_partial_file(tmp_path, run_cli):
    app = _feed_app(tmp_path)
    result = run_cli(["audit", "-o", "missing-dir/report.html", "."], cwd=app)
    assert result.exit_code == 2 and "cannot write" in result.stderr
    assert not (app / "missing-dir").exists()


def test_audit_of_the_shipped_example_names_every_pattern(run_cli, tmp_path):
    out = tmp_path / "example.md"
    assert run_cli(["audit", "--format", "markdown", "-o", str(out), str(REPO / "examples")]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "**5** findings" in text  # the player's autoPlay and its auto-advance are one finding


def test_markdown_report_renders_as_github_flavoured_markdown(tmp_path, run_cli):
    """Rendered with a CommonMark + GFM-tables parser (as GitHub does): every table keeps its
    columns, findings have anchors, and no tag from scanned code survives outside <code>/<pre>."""
    from markdown_it import MarkdownIt

    app = _feed_app(tmp_path)
    assert run_cli(["audit", "--format", "markdown", "-o", "audit.md", "."], cwd=app).exit_code == 0
    rendered = MarkdownIt("gfm-like", {"linkify": False}).disable("linkify").render((app / "audit.md").read_text(encoding="utf-8"))
    assert rendered.count("<table>") >= 6
    for table in re.findall(r"<table>.*?</table>", rendered, flags=re.S):
        widths = {len(re.findall(r"<t[hd][ >]", row)) for row in re.findall(r"<tr>.*?</tr>", table, flags=re.S)}
        assert len(widths) == 1, table[:300]
    outside_code = re.sub(r"<(code|pre)>.*?</\1>", "", rendered, flags=re.S)
    assert "<script" not in outside_code and "<img" not in outside_code
    assert '<a id="f-1"></a>' in rendered and 'href="#f-1"' in rendered


def test_progress_line_only_on_a_terminal(monkeypatch, capsys):
    from designlint import cli

    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True, raising=False)
    show = cli._progress(quiet=False)
    for done in range(1, 301):
        show(done, 300)
    err = capsys.readouterr().err
    assert "scanning [" in err and "300/300 files" in err
    assert cli._progress(quiet=True) is None
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: False, raising=False)
    assert cli._progress(quiet=False) is None
