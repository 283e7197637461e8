"""Every annotated fixture, checked both ways: each `designlint-expect` is flagged on its line,
each `designlint-ok` is not, and nothing unannotated is flagged. Also checks coverage: every
language a core rule claims has positives and near misses in several files. Files designlint does
not scan may sit beside fixtures only as resources a check reads (Android res/layout/ XML)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from designlint import project_index
from designlint.config import Config
from designlint.languages import kind_for
from designlint.testing import fixture_scanner, parse_annotations, run_fixtures
from conftest import REPO

FIXTURES = REPO / "fixtures"
WEB_LANGUAGES = ("javascript", "typescript", "tsx", "html", "vue", "svelte")
CORE_RULES = ("infinite-scroll", "autoplay")
# Issue 3's rules are counted per language family rather than per grammar.
FAMILY_RULES = ("streak-rewards", "notification-spam", "loot-box")
FAMILIES = {
    "js/ts": (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"),
    "jsx/tsx": (".jsx", ".tsx"),
    "templates": (".html", ".vue", ".svelte"),
    "locale files": (".json", ".yml", ".yaml"),
}
ALL_CORE_RULES = CORE_RULES + FAMILY_RULES
FIXTURE_FILES = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and kind_for(p.name) is not None)
RESOURCE_FILES = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and kind_for(p.name) is None)


# Android translations (`res/values-de/strings.xml`) sit beside fixtures as near misses: the checks
# read the default locale only, so the index never lists them.
NOT_READ_ON_PURPOSE = re.compile(r"(^|/)res/values-[\w-]+/[^/]+\.xml$")


def test_files_that_are_not_fixtures_are_resources_a_check_reads():
    # The resources the project index reads (Android manifests, layouts and default-locale strings,
    # storyboards, Godot scenes and settings): which classes and scripts something creates or attaches,
    # and the text an `R.string` reference shows.
    stray = [
        p for p in RESOURCE_FILES
        if not any(rx.search(p.relative_to(FIXTURES).as_posix()) for rx in project_index.RESOURCE_FILES.values())
        and not NOT_READ_ON_PURPOSE.search(p.relative_to(FIXTURES).as_posix())
    ]
    assert RESOURCE_FILES and not stray, stray


@pytest.fixture(scope="module")
def scanner():
    return fixture_scanner(Config(root=REPO))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_fixture(path: Path, scanner):
    [result] = run_fixtures([path], Config(root=REPO), scanner)
    assert result.annotations, f"{path} has no designlint-expect/ok annotations"
    assert not result.failures, "\n".join(result.failures)


@pytest.mark.parametrize("rule_id", CORE_RULES)
@pytest.mark.parametrize("language", WEB_LANGUAGES)
def test_each_core_rule_has_positives_and_near_misses_per_language(rule_id, language):
    _assert_positives_and_near_misses(rule_id, FIXTURES / rule_id / language)


@pytest.mark.parametrize("rule_id", FAMILY_RULES)
@pytest.mark.parametrize("family", FAMILIES)
def test_new_rules_have_positives_and_near_misses_per_language_family(rule_id, family):
    counts: Counter[str] = Counter()
    for path in (FIXTURES / rule_id).rglob("*"):
        if path.is_file() and path.suffix in FAMILIES[family]:
            for a in parse_annotations(path.read_text(encoding="utf-8")):
                if a.rule_id == rule_id:
                    counts[a.kind] += 1
    assert counts["expect"] >= 5, f"{rule_id} {family}: {counts['expect']} positives (need 5)"
    assert counts["ok"] >= 4, f"{rule_id} {family}: {counts['ok']} near misses (need 4)"


@pytest.mark.parametrize("rule_id", ALL_CORE_RULES)
def test_fixtures_show_a_safeguard_lowering_a_finding(rule_id, scanner):
    """At least one fixture per rule shows a mitigated finding: kept, one step lower, safeguard named."""
    from designlint.files import Discoverer

    lowered = []
    for path, kind in Discoverer(respect_gitignore=False).discover([FIXTURES / rule_id]).files:
        findings, _, _, _ = scanner.scan_file(path, kind)
        lowered += [f for f in findings if f.rule_id == rule_id and f.mitigations]
    assert lowered, f"no {rule_id} fixture shows a safeguard"
    rule = next(r for r in scanner.rules if r.id == rule_id)
    assert all(f.severity != rule.severity or rule.severity == "info" for f in lowered)


def test_loot_box_severity_rises_without_an_odds_disclosure(scanner):
    from designlint.files import Discoverer

    findings = []
    for path, kind in Discoverer(respect_gitignore=False).discover([FIXTURES / "loot-box"]).files:
        findings += [f for f in scanner.scan_file(path, kind)[0] if f.rule_id == "loot-box"]
    raised = [f for f in findings if "no drop-rate/odds disclosure found" in f.notes]
    assert raised and all(f.severity == "error" for f in raised)
    shown = [f for f in findings if "drop rates/odds are disclosed in the same file" in f.mitigations]
    assert shown and all(f.severity == "info" for f in shown), "no loot-box fixture shows an odds table"


def test_the_annotation_check_can_fail(tmp_path):
    """Guard against a harness that passes everything: a wrong annotation must fail."""
    bad = tmp_path / "autoplay" / "html" / "bad.html"
    bad.parent.mkdir(parents=True)
    bad.write_text('<!-- designlint-ok: autoplay -->\n<video autoplay src="a.mp4"></video>\n<!-- designlint-expect: autoplay -->\n<p>calm</p>\n')
    [result] = run_fixtures([bad], Config(root=REPO))
    assert any("near miss flagged" in f for f in result.failures)
    assert any("missing" in f for f in result.failures)


# Issue 4: the mobile, game and server languages, per rule where the pattern exists on the platform.
PLATFORM_PAIRS = {
    "infinite-scroll": ("kotlin", "java", "swift", "dart"),
    "autoplay": ("kotlin", "java", "swift", "dart", "csharp", "gdscript", "lua"),
    "notification-spam": ("kotlin", "java", "swift", "dart", "csharp", "python"),
    "loot-box": ("kotlin", "java", "swift", "dart", "csharp", "gdscript", "lua", "python"),
    "streak-rewards": ("kotlin", "java", "swift", "dart", "csharp", "gdscript", "lua", "python"),
}


@pytest.mark.parametrize(
    "rule_id,language", [(rule, lang) for rule, langs in PLATFORM_PAIRS.items() for lang in langs]
)
def test_each_rule_has_positives_and_near_misses_per_mobile_game_and_server_language(rule_id, language, scanner):
    _assert_positives_and_near_misses(rule_id, FIXTURES / rule_id / language)
    rule = next(r for r in scanner.rules if r.id == rule_id)
    assert language in rule.languages


def _assert_positives_and_near_misses(rule_id: str, folder) -> None:
    """At least 4 positives and 3 near misses of the rule in a fixture folder."""
    counts: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if path.is_file():
            for a in parse_annotations(path.read_text(encoding="utf-8")):
                if a.rule_id == rule_id:
                    counts[a.kind] += 1
    assert counts["expect"] >= 4, f"{folder}: {counts['expect']} positives (need 4)"
    assert counts["ok"] >= 3, f"{folder}: {counts['ok']} near misses (need 3)"


@pytest.mark.parametrize("name", ["autoplay/dart/trail_clip_setting_answer.dart", "autoplay/kotlin/TrailClipSettingAnswer.kt"])
def test_autoplay_setting_read_through_a_yes_no_function_lowers_the_finding(name, scanner):
    """thunder-app/thunder: `if (autoPlayVideo(state)) play()` with `bool autoPlayVideo(...)` declared
    in the file (Kotlin `fun autoplay(): Boolean`) follows the person's setting: reported at info."""
    path = FIXTURES / name
    findings = [f for f in scanner.scan_file(path, kind_for(path.name))[0] if f.rule_id == "autoplay"]
    assert findings and all(f.severity == "info" and f.mitigations for f in findings)


def test_a_function_that_plays_named_autoplay_is_not_a_setting(scanner):
    path = FIXTURES / "autoplay/dart/trail_clip_autoplay_action.dart"
    findings = [f for f in scanner.scan_file(path, kind_for(path.name))[0] if f.rule_id == "autoplay"]
    assert findings and not any(f.mitigations for f in findings)


def test_an_audio_handler_going_on_into_songs_the_app_picks_behind_a_setting_is_info(scanner):
    """gokadzev/Musify: a BaseAudioHandler whose end of queue fetches and plays recommended songs,
    only while the person's `playNextSongAutomatically` is on: reported, at info."""
    path = FIXTURES / "autoplay/dart/harbor_radio_handlers.dart"
    findings = [f for f in scanner.scan_file(path, kind_for(path.name))[0] if f.rule_id == "autoplay"]
    assert findings and all(f.severity == "info" for f in findings)


def test_an_audio_handler_going_on_into_songs_the_app_picks_without_a_setting_is_a_warning(scanner):
    path = FIXTURES / "autoplay/dart/harbor_radio_autopick.dart"
    findings = [f for f in scanner.scan_file(path, kind_for(path.name))[0] if f.rule_id == "autoplay"]
    assert findings and all(f.severity == "warning" for f in findings)
