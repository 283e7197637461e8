"""The engine's judging: checks, mitigation effects and scopes, data-file languages."""

from __future__ import annotations

import json
from pathlib import Path

from designlint.engine import Engine
from designlint.languages import kind_for
from designlint.rules import parse_rule
from designlint.source import parse_source

DOCS = {"what": "w", "why": "y", "example": "e", "instead": "i"}


def rule(patterns, mitigations=(), rule_id="probe"):
    data = {
        "id": rule_id, "name": "Probe", "severity": "warning", "summary": "s", "criteria": ["uk-aadc-05"],
        "docs": DOCS, "patterns": list(patterns), "mitigations": list(mitigations),
    }
    return parse_rule(Path(f"{rule_id}.yaml"), data)


def scan(r, name, text):
    source = parse_source(Path(name), text.encode(), kind_for(name))
    findings, diagnostics = Engine([r]).scan(source)
    assert not diagnostics
    return findings


RANDOM_CALL = {
    "id": "random", "languages": ["ecmascript"], "message": "random pick",
    "query": '((call_expression function: (member_expression object: (identifier) @o property: (property_identifier) @p)) @match (#eq? @o "Math") (#eq? @p "random"))',
}


def test_raise_when_missing_raises_and_notes_the_missing_safeguard():
    odds = {"id": "odds", "description": "odds disclosure", "effect": "raise-when-missing", "scope": "file",
            "languages": ["ecmascript"], "query": '((identifier) @id (#eq? @id "dropRates"))'}
    r = rule([RANDOM_CALL], [odds])
    [bare] = scan(r, "a.js", "function open() { return Math.random(); }\n")
    assert bare.severity == "error" and bare.notes == ["no odds disclosure found"]
    [shown] = scan(r, "b.ts", "const dropRates = { rare: 0.1 };\nfunction open() { return Math.random(); }\n")
    assert shown.severity == "warning" and shown.notes == []


def test_function_scope_and_drop_effect():
    seeded = {"id": "seeded", "description": "a seeded test RNG", "effect": "drop", "scope": "function",
              "languages": ["ecmascript"], "query": '((identifier) @id (#eq? @id "seed"))'}
    r = rule([RANDOM_CALL], [seeded])
    text = "function a(seed) { return Math.random(); }\nfunction b() { return Math.random(); }\n"
    assert [f.line for f in scan(r, "a.js", text)] == [2]


def test_check_verdict_changes_message_and_severity(monkeypatch):
    import designlint.checks as checks
    from designlint.checks import Verdict

    def fake(ref, owner):
        return lambda ctx: Verdict(message=f"picked in {ctx.language}", severity="info", note="seen")

    monkeypatch.setattr(checks, "resolve_check", fake)
    r = rule([{**RANDOM_CALL, "check": "x:y"}])
    [f] = scan(r, "a.tsx", "const n = Math.random();\n")
    assert (f.message, f.severity, f.notes) == ("picked in tsx", "info", ["seen"])


def test_json_and_yaml_strings_are_matched_and_suppressible():
    json_copy = {
        "id": "json-copy", "languages": ["json"], "message": "streak copy: {s}",
        "query": '((string_content) @match @s (#match? @s "(?i)streak"))',
    }
    yaml_copy = {
        "id": "yaml-copy", "languages": ["yaml"], "message": "streak copy: {s}",
        "query": '([(double_quote_scalar) (string_scalar)] @match @s (#match? @s "(?i)streak"))',
    }
    r = rule([json_copy, yaml_copy])
    found = scan(r, "en.json", '{\n  "title": "Keep your streak alive",\n  "ok": "Saved"\n}\n')
    assert [(f.line, f.message) for f in found] == [(2, "streak copy: Keep your streak alive")]
    found = scan(r, "en.yml", "en:\n  title: Keep your streak alive\n  quoted: \"Your streak ends soon\"\n  ok: Saved\n")
    assert [f.line for f in found] == [2, 3]


def test_hide_mitigated_drops_lowered_findings(project, run_cli):
    root = project({"a.html": '<video autoplay muted src="a.mp4"></video>\n<video autoplay src="b.mp4"></video>\n'})
    doc = json.loads(run_cli(["check", "-f", "json", "."], cwd=root).stdout)
    assert [f["severity"] for f in doc["findings"]] == ["info", "warning"]
    doc = json.loads(run_cli(["check", "-f", "json", "--hide-mitigated", "."], cwd=root).stdout)
    assert [f["line"] for f in doc["findings"]] == [2]


def test_yaml_and_json_suppressions(project, run_cli):
    files = {"a.html": "<p>x</p>\n", "b.yml": "# designlint: ignore[sample-autoplay] nothing here\nkey: value\n"}
    root = project(files)
    doc = json.loads(run_cli(["check", "-f", "json", "."], cwd=root).stdout)
    assert [f["rule"] for f in doc["findings"]] == ["unused-suppression"]


def test_exclude_paths_skip_a_rule_for_matching_files():
    data = {
        "id": "probe", "name": "Probe", "severity": "warning", "summary": "s", "criteria": ["uk-aadc-05"],
        "docs": DOCS, "patterns": [RANDOM_CALL], "exclude-paths": ["__tests__/", "*.test.*"],
    }
    r = parse_rule(Path("probe.yaml"), data)
    text = "const n = Math.random();\n"
    assert scan(r, "src/pick.js", text)
    assert not scan(r, "src/__tests__/pick.js", text)
    assert not scan(r, "src/pick.test.ts", text)


def test_shipped_rules_do_not_read_test_files(project, run_cli, tmp_path):
    video = "export const Hero = () => <video src='a.mp4' autoPlay loop />;\n"
    root = project({"src/Hero.jsx": video, "src/__tests__/Hero.test.jsx": video, "src/Hero.stories.jsx": video},
                   config="select: [autoplay]\n")
    doc = json.loads(run_cli(["check", "-f", "json", "src"], cwd=root).stdout)
    assert [f["path"] for f in doc["findings"]] == ["src/Hero.jsx"]


def test_a_safeguard_for_other_languages_neither_lowers_nor_raises():
    """A web-only `raise-when-missing` safeguard does not raise a Kotlin finding, and a
    file-scope safeguard still sees the <script> of a .vue file for a template finding."""
    kotlin_random = {
        "id": "kotlin-random", "languages": ["kotlin"], "message": "random pick",
        "query": '((call_expression (navigation_expression (identifier) @o (identifier) @p)) @match (#eq? @o "Random") (#eq? @p "nextInt"))',
    }
    odds = {"id": "odds", "description": "odds disclosure", "effect": "raise-when-missing", "scope": "file",
            "languages": ["ecmascript"], "query": '((identifier) @id (#eq? @id "dropRates"))'}
    [finding] = scan(rule([kotlin_random], [odds]), "Chest.kt", "fun open() { val r = Random.nextInt(10) }\n")
    assert finding.severity == "warning" and finding.notes == []

    video = {"id": "tag", "languages": ["html"], "message": "video",
             "query": '((element (start_tag (tag_name) @t)) @match (#eq? @t "video"))'}
    muted = {"id": "setting", "description": "a user setting", "scope": "file", "languages": ["ecmascript"],
             "query": '([(identifier) (property_identifier)] @id (#eq? @id "autoplayEnabled"))'}
    vue = "<template><video src='a.mp4'></video></template>\n<script>\nexport default { data: () => ({ autoplayEnabled: false }) }\n</script>\n"
    [finding] = scan(rule([video], [muted]), "Clip.vue", vue)
    assert finding.mitigations == ["a user setting"] and finding.severity == "info"
