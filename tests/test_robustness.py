"""Bad input never stops the run: each problem file gets a warning naming it and why."""

from __future__ import annotations

import codecs
import json
import os

VIDEO = '<video autoplay src="a.mp4"></video>\n'


def test_bad_files_are_reported_and_the_rest_is_scanned(project, run_cli):
    root = project(
        {
            "binary.js": b"\x7fELF\x00\x00\x01",
            "latin1.jsx": "const t = 'caf\xe9'; const v = <video autoPlay />;\n".encode("latin-1"),
            "utf16.html": codecs.BOM_UTF16_LE + VIDEO.encode("utf-16-le"),
            "bom.html": codecs.BOM_UTF8 + VIDEO.encode(),
            "empty.ts": b"",
            "broken.jsx": "function ( { <<< const v = <video autoPlay />;\n",
            "crlf.html": "<p>x</p>\r\n<p>y</p>\r\n" + VIDEO.replace("\n", "\r\n"),
            "z-good.html": VIDEO,
        }
    )
    result = run_cli(["check", "-f", "json", "."], cwd=root)
    doc = json.loads(result.stdout)
    places = {(f["path"], f["line"]) for f in doc["findings"]}
    assert ("z-good.html", 1) in places
    assert ("utf16.html", 1) in places
    assert ("bom.html", 1) in places
    assert ("crlf.html", 3) in places
    assert ("latin1.jsx", 1) in places
    kinds = {(d["path"], d["kind"]) for d in doc["diagnostics"]}
    assert ("binary.js", "skipped") in kinds
    assert ("latin1.jsx", "warning") in kinds
    assert ("broken.jsx", "parse-error") in kinds
    assert doc["summary"]["files_scanned"] == 7
    assert result.exit_code == 1


def test_unreadable_file_is_skipped_with_a_reason(project, run_cli):
    root = project({"a.html": VIDEO, "b.html": VIDEO})
    if os.geteuid() == 0:
        # root reads everything; simulate an unreadable file with a dangling symlink instead
        os.symlink(root / "missing.html", root / "c.html")
    else:
        (root / "b.html").chmod(0)
    result = run_cli(["check", "."], cwd=root)
    assert "a.html:1:1" in result.stdout


def test_output_is_deterministic(project, run_cli):
    files = {f"d{i % 3}/f{i}.html": VIDEO * (i % 4 + 1) for i in range(12)}
    root = project(files)
    first = run_cli(["check", "-f", "json", "."], cwd=root).stdout
    second = run_cli(["check", "-f", "json", "."], cwd=root).stdout
    assert first == second
    paths = [f["path"] for f in json.loads(first)["findings"]]
    assert paths == sorted(paths)


def test_a_fault_in_a_check_becomes_an_internal_error_diagnostic(project, run_cli, monkeypatch):
    import designlint.checks as checks

    root = project({"a.html": VIDEO, "b.html": VIDEO})
    rule_path = root / "rules" / "sample-autoplay.yaml"
    rule_path.write_text(rule_path.read_text().replace('    message: "<{tag}> starts', '    check: boom:explode\n    message: "<{tag}> starts'))

    def fake_resolve(ref, owner):
        def explode(ctx):
            raise RuntimeError("kaboom")

        return explode

    monkeypatch.setattr(checks, "resolve_check", fake_resolve)
    result = run_cli(["check", "-f", "json", "."], cwd=root)
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    errors = [d for d in doc["diagnostics"] if d["kind"] == "internal-error"]
    assert {d["path"] for d in errors} == {"a.html", "b.html"}
    assert "kaboom" in errors[0]["message"]


def test_invalid_utf8_inside_a_captured_node_does_not_break_predicates():
    """A Unity script saved in cp1251: a `#match?` predicate on a string holding those bytes
    used to raise inside tree-sitter and lose every finding of the rule for the file."""
    from pathlib import Path

    from designlint.engine import Engine
    from designlint.languages import kind_for
    from designlint.rules import parse_rule
    from designlint.source import parse_source

    rule = parse_rule(Path("copy.yaml"), {
        "id": "copy", "name": "Copy", "severity": "warning", "summary": "s", "criteria": ["uk-aadc-05"],
        "docs": {"what": "w", "why": "y", "example": "e", "instead": "i"},
        "patterns": [{"id": "lure", "languages": ["csharp"], "message": "lure",
                      "query": '((string_literal) @match (#match? @match "miss you"))'}],
    })
    raw = b'class Push { string Body = "\xcf\xf0\xe8 we miss you"; }\n'
    source = parse_source(Path("Push.cs"), raw, kind_for("Push.cs"))
    findings, diagnostics = Engine([rule]).scan(source)
    assert diagnostics == []
    assert [(f.line, f.column) for f in findings] == [(1, 28)]
    assert any("not valid UTF-8" in w for w in source.warnings)


def test_a_file_over_its_time_budget_is_skipped_and_named(tmp_path, run_cli, budget_clock):
    """Each reading of the budget's clock costs 1 ms: the big file's parse reads it at every
    progress check (about 21,000), the one-liner's a few times."""
    budget_clock.tick = 0.001
    big = "const rows = [\n" + "  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],\n" * 20000 + "];\nconst v = document.querySelector('video'); v.play();\n"
    (tmp_path / "big.js").write_text(big)
    (tmp_path / "small.js").write_text("const v = document.querySelector('video'); v.play();\n")
    result = run_cli(["check", "--no-cache", "-j", "1", "-f", "json", "--file-timeout", "5", "."], cwd=tmp_path)
    doc = json.loads(result.stdout)
    assert [f["path"] for f in doc["findings"]] == ["small.js"]
    [skip] = [d for d in doc["diagnostics"] if d["path"] == "big.js"]
    assert skip["kind"] == "skipped" and "time budget" in skip["message"]


def test_time_budget_while_matching_keeps_the_findings_made_so_far(tmp_path, monkeypatch, budget_clock):
    from pathlib import Path

    from designlint.config import Config
    from designlint.languages import kind_for
    from designlint.runner import Scanner, ScanOptions

    path = tmp_path / "player.js"
    path.write_text("const v = document.querySelector('video');\nv.play();\nNotification.requestPermission();\n")
    scanner = Scanner(Config(root=tmp_path), ScanOptions(select=["autoplay", "notification-spam"], file_timeout=3.0))
    original = scanner.engine._scan_rule

    def slow(rule, source):
        found = original(rule, source)
        if rule.id == "autoplay":
            budget_clock.advance(3.1)  # as a pathological file would
        return found

    monkeypatch.setattr(scanner.engine, "_scan_rule", slow)
    findings, diagnostics, _, _ = scanner.scan_file(path, kind_for(path.name))
    assert [f.rule_id for f in findings] == ["autoplay"]
    [skip] = diagnostics
    assert skip.kind == "skipped" and "not checked: notification-spam" in skip.message


def test_line_endings_crlf_and_lone_cr_give_the_right_lines_and_columns(tmp_path, run_cli):
    body = ["<p>one</p>", "<p>two</p>", "  <video autoplay src='a.mp4'></video>"]
    (tmp_path / "crlf.html").write_bytes("\r\n".join(body).encode() + b"\r\n")
    (tmp_path / "cr.html").write_bytes("\r".join(body).encode() + b"\r")
    (tmp_path / "lf.html").write_bytes("\n".join(body).encode() + b"\n")
    doc = json.loads(run_cli(["check", "--no-cache", "-f", "json", "--select", "autoplay", "."], cwd=tmp_path).stdout)
    places = sorted((f["path"], f["line"], f["column"]) for f in doc["findings"])
    assert places == [("cr.html", 3, 3), ("crlf.html", 3, 3), ("lf.html", 3, 3)]
    assert {f["snippet"] for f in doc["findings"]} == {"<video autoplay src='a.mp4'></video>"}
