"""The rule pack and the rule format: validation errors, query checks, criteria, docs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from designlint.criteria import builtin_criteria
from designlint.errors import DesignlintError
from designlint.rules import builtin_rules_dir, load_rule_file, load_rules, parse_rule
from conftest import SAMPLE_RULES

CORE_RULES = ("infinite-scroll", "autoplay", "streak-rewards", "notification-spam", "loot-box")
PAPER_PREFIX = "trimbos-2025-"


def sample() -> dict:
    return yaml.safe_load((SAMPLE_RULES / "sample-autoplay.yaml").read_text())


def test_shipped_rules_load_and_every_query_compiles():
    rules = load_rules()
    assert {r.id for r in rules} >= set(CORE_RULES)
    for rule in rules:
        rule.compile_all()


def test_every_cited_criterion_exists_and_has_a_url():
    catalog = builtin_criteria()
    for crit in catalog.values():
        assert crit.url.startswith("https://"), crit.id
    for rule in load_rules():
        for cid in rule.criteria:
            assert cid in catalog, f"{rule.id} cites unknown criterion {cid}"


@pytest.mark.parametrize("rule_id", CORE_RULES)
def test_core_rules_cite_the_paper_and_a_regulation_or_guideline(rule_id):
    rule = next(r for r in load_rules() if r.id == rule_id)
    assert any(c.startswith(PAPER_PREFIX) for c in rule.criteria)
    assert any(not c.startswith((PAPER_PREFIX, "res-")) for c in rule.criteria)
    for key in ("what", "why", "example", "instead"):
        assert len(rule.docs[key]) > 40, f"{rule_id} docs.{key} is too thin"


def test_unknown_key_is_named_with_the_file():
    data = sample()
    data["patterns"][0]["querry"] = "x"
    with pytest.raises(DesignlintError) as info:
        parse_rule(Path("rules/sample-autoplay.yaml"), data)
    assert "rules/sample-autoplay.yaml" in str(info.value)
    assert "patterns[0]" in str(info.value) and "'querry'" in str(info.value)


def test_invalid_query_names_rule_language_and_position():
    data = sample()
    data["patterns"][0]["query"] = "((no_such_node) @match)"
    rule = parse_rule(Path("rules/sample-autoplay.yaml"), data)
    with pytest.raises(DesignlintError) as info:
        rule.compile_all()
    message = str(info.value)
    assert "sample-autoplay/html-attr" in message and "html" in message and "row" in message.lower()


@pytest.mark.parametrize(
    "mutate, fragment",
    [
        (lambda d: d.update(severity="fatal"), "severity"),
        (lambda d: d.pop("docs"), "missing key 'docs'"),
        (lambda d: d["docs"].pop("why"), "docs"),
        (lambda d: d.update(criteria=[]), "criteria"),
        (lambda d: d["patterns"][0].update(languages=["cobol"]), "unknown language 'cobol'"),
        (lambda d: d["patterns"][0].update(query="((element) @e (#lua-match? @e \"x\"))"), "unsupported predicate"),
        (lambda d: d["patterns"][0].update(query="(element) @e"), "@match"),
        (lambda d: d["patterns"][0].update(check="not a ref"), "module:function"),
        (lambda d: d["mitigations"][0].update(effect="vanish"), "effect"),
        (lambda d: d["mitigations"][0].update(patterns=["nope"]), "unknown pattern id"),
        (lambda d: d.update(id="Sample_Autoplay"), "kebab-case"),
        (lambda d: d.update({"fold-same-text": "yes"}), "fold-same-text: expected true or false"),
    ],
)
def test_validation_errors(mutate, fragment):
    data = sample()
    mutate(data)
    with pytest.raises(DesignlintError) as info:
        parse_rule(Path("rules/sample-autoplay.yaml"), data)
    assert fragment in str(info.value)


def test_broken_yaml_names_the_line(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("id: x\nname: [unclosed\n")
    with pytest.raises(DesignlintError, match=r"x.yaml: line \d+: invalid YAML"):
        load_rule_file(path)


def test_missing_check_function_is_a_clean_error():
    data = sample()
    data["patterns"][0]["check"] = "no_such_module:fn"
    rule = parse_rule(Path("rules/sample-autoplay.yaml"), data)
    with pytest.raises(DesignlintError, match="check module 'no_such_module' not found"):
        rule.compile_all()


def test_rule_pack_dir_has_no_stray_files():
    names = {p.name for p in builtin_rules_dir().iterdir() if p.is_file()}
    assert "criteria.yaml" in names
    assert all(n.endswith(".yaml") for n in names)


def test_invalid_query_in_a_user_rule_exits_2_before_scanning(project, run_cli):
    root = project({"a.html": "<p>x</p>\n"})
    rule_path = root / "rules" / "sample-autoplay.yaml"
    rule_path.write_text(rule_path.read_text().replace("(element (start_tag", "(elemnt (start_tag"))
    result = run_cli(["check", "."], cwd=root)
    assert result.exit_code == 2
    assert "sample-autoplay/html-attr" in result.stderr and "invalid tree-sitter query for html" in result.stderr


def _write_rule_with_platform(tmp_path: Path, platform: dict) -> Path:
    rule_file = tmp_path / "sample-autoplay.yaml"
    rule_file.write_text(yaml.safe_dump(sample()))
    (tmp_path / "sample-autoplay").mkdir()
    (tmp_path / "sample-autoplay" / "android.yaml").write_text(yaml.safe_dump(platform))
    return rule_file


ANDROID_PLATFORM = {
    "extends": "sample-autoplay",
    "platform": "Android (Kotlin)",
    "docs": {"what": "Finds `player.play()` at load.", "example": "```kotlin\nplayer.play()\n```", "instead": "Play on tap."},
    "patterns": [
        {
            "id": "kotlin-play",
            "languages": ["kotlin"],
            "query": '((call_expression (navigation_expression (identifier) (identifier) @name)) @match (#eq? @name "play"))',
            "message": "player starts by itself",
        }
    ],
    "mitigations": [
        {
            "id": "muted",
            "description": "muted",
            "languages": ["kotlin"],
            "patterns": ["kotlin-play"],
            "query": '((identifier) @m (#eq? @m "volume"))',
        }
    ],
}


def test_platform_file_adds_patterns_mitigations_and_doc_sections(tmp_path):
    rule = load_rule_file(_write_rule_with_platform(tmp_path, ANDROID_PLATFORM))
    assert "kotlin" in rule.languages and rule.patterns[-1].id == "kotlin-play"
    assert rule.mitigations[-1].id == "muted"
    assert "### Android (Kotlin)\n\nFinds `player.play()` at load." in rule.docs["what"]
    assert "### Android (Kotlin)" in rule.docs["instead"] and "### Android" not in rule.docs["why"]
    rule.compile_all()


@pytest.mark.parametrize(
    "change,fragment",
    [
        ({"extends": "other-rule"}, "extends: 'other-rule' does not match"),
        ({"surprise": 1}, "unknown key 'surprise'"),
        ({"patterns": [{"id": "html-attr", "languages": ["kotlin"], "message": "m"}]}, "duplicate pattern id"),
    ],
)
def test_platform_file_errors_name_the_file_and_key(tmp_path, change, fragment):
    data = {**ANDROID_PLATFORM, **change}
    with pytest.raises(DesignlintError, match=fragment) as info:
        load_rule_file(_write_rule_with_platform(tmp_path, data))
    assert "android.yaml" in str(info.value)


def test_platform_exclude_paths_apply_to_that_platforms_patterns_only(tmp_path):
    rule = load_rule_file(_write_rule_with_platform(tmp_path, {**ANDROID_PLATFORM, "exclude-paths": ["**/src/test/"]}))
    kotlin = next(p for p in rule.patterns if p.id == "kotlin-play")
    web = next(p for p in rule.patterns if p.id != "kotlin-play")
    assert kotlin.skips("app/src/test/PlayerTest.kt") and not kotlin.skips("app/src/main/Player.kt")
    assert not web.skips("app/src/test/player.test.js") and not rule.skips("app/src/test/PlayerTest.kt")


def test_the_rule_files_exclude_paths_cover_its_own_patterns_not_a_platforms(tmp_path):
    rule_file = _write_rule_with_platform(tmp_path, ANDROID_PLATFORM)
    rule_file.write_text(yaml.safe_dump({**sample(), "exclude-paths": ["test/"]}))
    rule = load_rule_file(rule_file)
    kotlin = next(p for p in rule.patterns if p.id == "kotlin-play")
    web = next(p for p in rule.patterns if p.id != "kotlin-play")
    assert web.skips("web/test/player.js")
    # an Android package named test is the app's own code
    assert not kotlin.skips("app/src/main/java/com/example/test/PlayerActivity.kt")
    assert not rule.skips("app/src/main/java/com/example/test/PlayerActivity.kt")


@pytest.mark.parametrize("rule_id", ["autoplay", "loot-box", "notification-spam", "streak-rewards"])
def test_unity_demo_and_sample_code_of_plugins_is_not_the_games_code(rule_id):
    [rule] = [r for r in load_rules() if r.id == rule_id]
    csharp = next(p for p in rule.patterns if "csharp" in p.languages)
    for vendor in ("Assets/Samples/Mobile Notifications/2.3/Example/Demo.cs", "Game/Assets/VoxelBusters/Demo/Scripts/Ui.cs",
                   "Assets/Plugins/Shop/Examples/Open.cs", "Assets/GleyPlugins/JumpyCompleteGame/Scripts/Gm.cs"):
        assert csharp.skips(vendor), vendor
    for own in ("Assets/Scripts/Rewards.cs", "Assets/_Game/Scripts/Notifications.cs", "Assets/Scripts/DemoMode.cs"):
        assert not csharp.skips(own), own


def test_exclude_paths_with_a_folder_path_are_not_anchored_at_the_scan_root():
    # gitignore anchors a glob with a slash inside it ("src/test/") at the root, so it would not
    # skip app/src/test/ in an Android project: such globs must start with **/
    for path in sorted(builtin_rules_dir().glob("**/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        globs = data.get("exclude-paths", []) if isinstance(data, dict) else []
        anchored = [g for g in globs if "/" in g.rstrip("/") and not g.startswith("**/")]
        assert not anchored, f"{path.name}: {anchored}"


def test_every_rule_file_skips_the_same_test_folders():
    # The rule files' own (web, JSON, YAML) patterns skip tests alike: a test scenario in Habitto's
    # Tests/GoldenScenarios/*.json was reported by streak-rewards, whose list lacked the folders
    # autoplay had. Xcode's AppTests/ and AppUITests/ (and a plain Tests/) are test folders too.
    lists = {}
    for path in sorted(builtin_rules_dir().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "patterns" in data:
            lists[path.name] = data.get("exclude-paths")
    assert len(lists) >= 5 and len({tuple(v or ()) for v in lists.values()}) == 1, lists
    rule = load_rule_file(builtin_rules_dir() / "streak-rewards.yaml")
    json_pattern = next(p for p in rule.patterns if p.id == "streak-loss-message-json")
    own = json_pattern if json_pattern.exclude_paths is not None else rule
    for test_path in ("Tests/GoldenScenarios/a.json", "HabitTests/a.json", "HabitUITests/a.json", "app/test/a.json", "src/__tests__/a.json"):
        assert own.skips(test_path), test_path
    for app_path in ("Contests/weekly.json", "latest/a.json", "src/TestimonialsView.json"):
        assert not own.skips(app_path), app_path
