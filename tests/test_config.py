"""Configuration: discovery by walking up, every key, errors for unknown keys and types."""

from __future__ import annotations

from pathlib import Path

import pytest

from designlint.config import find_config, parse_config, read_config_file
from designlint.errors import DesignlintError

VIDEO = '<video autoplay src="a.mp4"></video>\n'


def test_pyproject_section_is_found_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.designlint]\nignore = ["autoplay"]\nfail-on = "error"\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = find_config(nested)
    assert config.ignore == ["autoplay"]
    assert config.fail_on == "error"
    assert config.root == tmp_path.resolve()


def test_pyproject_without_section_is_skipped(tmp_path):
    (tmp_path / ".designlint.yaml").write_text("fail-on: info\n")
    sub = tmp_path / "pkg"
    sub.mkdir()
    (sub / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(sub).fail_on == "info"


@pytest.mark.parametrize(
    "data, fragment",
    [
        ({"selekt": ["autoplay"]}, "unknown key 'selekt'"),
        ({"select": 3}, "select: expected a list of strings"),
        ({"fail-on": "fatal"}, "fail-on: 'fatal'"),
        ({"severity": {"autoplay": "loud"}}, "severity.autoplay"),
        ({"per-path-ignores": ["x"]}, "per-path-ignores: expected a mapping"),
        ({"respect-gitignore": "yes"}, "respect-gitignore"),
    ],
)
def test_bad_values_name_the_key(data, fragment):
    with pytest.raises(DesignlintError, match=None) as info:
        parse_config(data, Path("/x/.designlint.yaml"))
    assert fragment in str(info.value)
    assert "/x/.designlint.yaml" in str(info.value)


def test_malformed_files_are_clean_errors(tmp_path):
    bad_toml = tmp_path / "pyproject.toml"
    bad_toml.write_text("[tool.designlint\n")
    with pytest.raises(DesignlintError, match="invalid TOML"):
        read_config_file(bad_toml)
    bad_yaml = tmp_path / ".designlint.yaml"
    bad_yaml.write_text("select: [a\n")
    with pytest.raises(DesignlintError, match="invalid YAML"):
        read_config_file(bad_yaml)


def test_broken_config_exits_2(project, run_cli):
    root = project({"a.html": VIDEO}, config="rules: [rules]\nunknown-key: 1\n")
    result = run_cli(["check", "."], cwd=root)
    assert result.exit_code == 2
    assert "unknown key 'unknown-key'" in result.stderr


def test_unknown_rule_id_in_config_exits_2(project, run_cli):
    root = project({"a.html": VIDEO}, config="rules: [rules]\nignore: [autoplai]\n")
    result = run_cli(["check", "."], cwd=root)
    assert result.exit_code == 2
    assert "unknown rule id 'autoplai'" in result.stderr


def test_select_ignore_and_cli_override(project, run_cli):
    root = project({"a.html": VIDEO}, config="rules: [rules]\nselect: [sample-autoplay]\nignore: [sample-autoplay]\n")
    assert run_cli(["check", "."], cwd=root).exit_code == 0
    root = project({"a.html": VIDEO}, config="rules: [rules]\nselect: [autoplay]\n")
    result = run_cli(["check", "--select", "sample-autoplay", "."], cwd=root)
    assert result.exit_code == 1
    assert "sample-autoplay" in result.stdout


def test_severity_override_and_fail_on_from_config(project, run_cli):
    config = "rules: [rules]\nselect: [sample-autoplay]\nseverity: {sample-autoplay: info}\n"
    root = project({"a.html": VIDEO}, config=config)
    assert run_cli(["check", "."], cwd=root).exit_code == 0
    root = project({"a.html": VIDEO}, config=config + "fail-on: info\n")
    assert run_cli(["check", "."], cwd=root).exit_code == 1
    assert run_cli(["check", "--fail-on", "warning", "."], cwd=root).exit_code == 0


def test_per_path_ignores_and_exclude(project, run_cli):
    config = (
        "rules: [rules]\nselect: [sample-autoplay]\n"
        "per-path-ignores: {'marketing/**': [sample-autoplay]}\nexclude: ['legacy/']\n"
    )
    root = project({"marketing/hero.html": VIDEO, "legacy/old.html": VIDEO, "app/page.html": VIDEO}, config=config)
    result = run_cli(["check", "."], cwd=root)
    assert "app/page.html" in result.stdout
    assert "marketing" not in result.stdout
    assert "legacy" not in result.stdout


def test_custom_rule_file_errors_name_file_and_key(project, run_cli):
    root = project({"a.html": VIDEO})
    sample = (root / "rules" / "sample-autoplay.yaml").read_text()
    broken = sample.replace("id: sample-autoplay", "id: broken").replace("severity: warning", "severity: loud")
    (root / "rules" / "broken.yaml").write_text(broken)
    result = run_cli(["check", "."], cwd=root)
    assert result.exit_code == 2
    assert "broken.yaml" in result.stderr and "severity" in result.stderr
