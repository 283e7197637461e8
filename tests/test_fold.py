"""One finding per rule and function: sites of one rule inside one named function (or a Lua
script's top-level body) are folded into the most severe one as related sites, in every output,
and so are the findings of a unit copied into another file; --each-site turns it off; baselines
and suppressions still see every site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema

from designlint.findings import PROJECT_PART, Finding, fold_copies, fold_findings, fold_same_behaviour, fold_same_text
from test_output import _sarif_schema

TWO_IN_ONE = "function Hero() {\n  return <div><video autoPlay /><video autoPlay /></div>;\n}\n"
TWO_FUNCTIONS = "function A() {\n  return <video autoPlay />;\n}\nfunction B() {\n  return <video autoPlay />;\n}\n"
TOP_LEVEL = "const a = <video autoPlay />;\nconst b = <video autoPlay />;\n"


def _finding(line: int, severity: str = "warning", unit=(1, 9), **extra) -> Finding:
    return Finding(
        rule_id="r", pattern_id="p", severity=severity, message=f"m{line}", path="a.js", line=line, column=1,
        end_line=line, end_column=2, column_utf16=1, end_column_utf16=2, snippet=f"s{line}", criteria=[],
        unit=list(unit) if unit else None, **extra,
    )


def test_the_most_severe_site_carries_the_others():
    kept = fold_findings([_finding(2, "info"), _finding(3, "error"), _finding(5, "warning")])
    assert [f.line for f in kept] == [3]
    assert [r["line"] for r in kept[0].related] == [2, 5]


def test_other_functions_rules_lines_outside_functions_and_suppressed_sites_stay_apart():
    other_unit = _finding(12, unit=(10, 20))
    top_level = _finding(30, unit=None)
    same_line_top_level = _finding(30, "info", unit=None)
    suppressed = _finding(4, suppressed="ok")
    other_rule = _finding(6)
    other_rule.rule_id = "q"
    kept = fold_findings([_finding(2), other_unit, top_level, same_line_top_level, suppressed, other_rule])
    assert sorted((f.rule_id, f.line) for f in kept) == [("q", 6), ("r", 2), ("r", 4), ("r", 12), ("r", 30)]
    assert [len(f.related) for f in sorted(kept, key=lambda f: (f.rule_id, f.line))] == [0, 0, 0, 0, 1]


def _check(run_cli, root, *extra):
    result = run_cli(["check", "-f", "json", *extra, "."], cwd=root)
    return json.loads(result.stdout)["findings"]


def test_two_sites_in_one_component_are_one_finding(project, run_cli):
    root = project({"a.jsx": TWO_IN_ONE, "b.jsx": TWO_FUNCTIONS, "c.jsx": TOP_LEVEL})
    findings = _check(run_cli, root)
    by_file = {}
    for f in findings:
        by_file.setdefault(f["path"], []).append(f)
    assert len(by_file["a.jsx"]) == 1 and [r["line"] for r in by_file["a.jsx"][0]["related"]] == [2]
    assert by_file["a.jsx"][0]["related"][0]["column"] > by_file["a.jsx"][0]["column"]
    assert len(by_file["b.jsx"]) == 2 and len(by_file["c.jsx"]) == 2
    assert len(_check(run_cli, root, "--each-site")) == 6


def test_text_and_sarif_name_the_other_sites(project, run_cli):
    root = project({"a.jsx": TWO_IN_ONE})
    text = run_cli(["check", "."], cwd=root).stdout
    assert "(also line 2: " in text and "Found 1 finding" in text
    sarif = json.loads(run_cli(["check", "-f", "sarif", "."], cwd=root).stdout)
    jsonschema.validate(sarif, _sarif_schema())
    (result,) = sarif["runs"][0]["results"]
    (related,) = result["relatedLocations"]
    assert related["physicalLocation"]["region"]["startLine"] == 2 and related["id"] == 1
    assert "also [line 2](1)" in result["message"]["text"]


def test_a_baseline_records_every_folded_site(project, run_cli):
    root = project({"a.jsx": TWO_IN_ONE})
    assert run_cli(["check", "--write-baseline", "baseline.json", "."], cwd=root).exit_code == 0
    baseline = json.loads((root / "baseline.json").read_text())
    assert len(baseline["findings"]) == 2
    assert run_cli(["check", "--baseline", "baseline.json", "."], cwd=root).exit_code == 0
    assert run_cli(["check", "--each-site", "--baseline", "baseline.json", "."], cwd=root).exit_code == 0


def test_a_suppressed_site_is_not_folded_into_an_active_one(project, run_cli):
    src = "function Hero() {\n  const a = <video autoPlay />;\n  // designlint: ignore[sample-autoplay] muted loop\n  const b = <video autoPlay />;\n}\n"
    root = project({"a.jsx": src})
    findings = _check(run_cli, root)
    assert sorted((f["line"], f["suppressed"]) for f in findings) == [(2, False), (4, True)]


LUA_MUSIC = """local SoundService = game:GetService("SoundService")
local lobbyMusic = SoundService:WaitForChild("LobbyMusic")
lobbyMusic:Play()
local menuTheme = SoundService:WaitForChild("MenuTheme")
menuTheme.Looped = true
menuTheme:Play()
"""


def test_a_lua_scripts_top_level_body_is_one_unit(tmp_path, run_cli):
    (tmp_path / "Music.server.lua").write_text(LUA_MUSIC)
    findings = _check(run_cli, tmp_path, "--select", "autoplay")
    assert [(f["line"], [r["line"] for r in f["related"]]) for f in findings] == [(3, [6])]
    assert len(_check(run_cli, tmp_path, "--select", "autoplay", "--each-site")) == 2


# A component big enough that the same code in another file is a copy, not a shared idiom.
COPIED = """function PromoReel() {
  const clips = usePromoClips();
  const headline = 'Watch what is new this week';
  const caption = clips.length > 1 ? `${clips.length} new clips` : 'One new clip';
  return (
    <section className="promo-reel" aria-label={headline}>
      <h2>{headline}</h2>
      <video src={clips[0].url} autoPlay muted={false} />
      <p className="promo-caption">{caption}</p>
    </section>
  );
}
"""
SMALL = "function Hero() {\n  return <video autoPlay />;\n}\n"


def test_a_unit_copied_into_another_file_is_one_finding_naming_the_copy(project, run_cli):
    root = project({"src/PromoReel.jsx": COPIED, "template/PromoReel.jsx": COPIED, "a.jsx": SMALL, "b.jsx": SMALL})
    findings = _check(run_cli, root, "--select", "autoplay")
    assert sorted(f["path"] for f in findings) == ["a.jsx", "b.jsx", "src/PromoReel.jsx"]
    (reel,) = [f for f in findings if f["path"] == "src/PromoReel.jsx"]
    assert [(r["path"], r["line"]) for r in reel["related"]] == [("template/PromoReel.jsx", 8)]
    assert "also template/PromoReel.jsx line 8: " in run_cli(["check", "--select", "autoplay", "."], cwd=root).stdout
    sarif = json.loads(run_cli(["check", "-f", "sarif", "--select", "autoplay", "."], cwd=root).stdout)
    jsonschema.validate(sarif, _sarif_schema())
    (result,) = [r for r in sarif["runs"][0]["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src/PromoReel.jsx"]
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "template/PromoReel.jsx"
    assert len(_check(run_cli, root, "--select", "autoplay", "--each-site")) == 4


def test_a_baseline_records_the_copy_under_its_own_path(project, run_cli):
    root = project({"src/PromoReel.jsx": COPIED, "template/PromoReel.jsx": COPIED})
    assert run_cli(["check", "--select", "autoplay", "--write-baseline", "baseline.json", "."], cwd=root).exit_code == 0
    baseline = json.loads((root / "baseline.json").read_text())
    assert sorted(e["path"] for e in baseline["findings"]) == ["src/PromoReel.jsx", "template/PromoReel.jsx"]


def test_copies_fold_only_with_their_own_rule_and_kind():
    first = _finding(3, unit_digest="d1")
    copy = _finding(3, unit_digest="d1")
    copy.path = "b.js"
    other_rule = _finding(3, unit_digest="d1")
    other_rule.rule_id = "q"
    suppressed = _finding(3, unit_digest="d1", suppressed="ok")
    suppressed.path = "c.js"
    no_digest = _finding(3)
    no_digest.path = "d.js"
    kept = fold_copies([first, copy, other_rule, suppressed, no_digest])
    assert sorted((f.rule_id, f.path) for f in kept) == [("q", "a.js"), ("r", "a.js"), ("r", "c.js"), ("r", "d.js")]
    (primary,) = [f for f in kept if f.rule_id == "r" and f.path == "a.js"]
    assert [(r["path"], r["line"]) for r in primary.related] == [("b.js", 3)]


def test_copies_in_two_projects_scanned_together_stay_apart(project, run_cli):
    root = project({"shop/package.json": "{}", "shop/src/PromoReel.jsx": COPIED, "blog/package.json": "{}", "blog/src/PromoReel.jsx": COPIED})
    findings = _check(run_cli, root, "--select", "autoplay")
    assert sorted((f["path"], len(f["related"])) for f in findings) == [("blog/src/PromoReel.jsx", 0), ("shop/src/PromoReel.jsx", 0)]


PASTED_INTO_TWO_SCREENS = """class {screen} : Fragment() {{
    private fun setUpRefresh() {{
        refreshLayout.setOnLoadMoreListener {{
            page += 1
            presenter.loadArticles(page)
            analytics.track("articles_next_page", page)
        }}
        refreshLayout.setPrimaryColorsId(R.color.primary, android.R.color.white)
        refreshLayout.setEnableLoadMore(true)
        refreshLayout.setOnRefreshListener {{ presenter.loadArticles(0) }}
    }}
}}
"""


def test_a_method_pasted_into_two_screens_stays_two_findings_a_backup_copy_folds(project, run_cli):
    root = project({
        "settings.gradle": "include ':app'\n",
        "app/src/main/java/a/HomeFragment.kt": PASTED_INTO_TWO_SCREENS.format(screen="HomeFragment"),
        "app/src/main/java/a/TopicFragment.kt": PASTED_INTO_TWO_SCREENS.format(screen="TopicFragment"),
        "backup/a/TopicFragment.kt": PASTED_INTO_TWO_SCREENS.format(screen="TopicFragment"),
    })
    findings = _check(run_cli, root, "--select", "infinite-scroll")
    assert sorted((f["path"], [r.get("path") for r in f["related"] if "path" in r]) for f in findings) == [
        ("app/src/main/java/a/HomeFragment.kt", []),
        ("app/src/main/java/a/TopicFragment.kt", ["backup/a/TopicFragment.kt"]),
    ]


def test_a_small_unit_folds_only_into_a_file_of_the_same_name(project, run_cli):
    # A folder copied whole (a tutorial's chapters): the same two-line component in a file of the
    # same name is a copy; in a file of another name it is a shared idiom and stays apart.
    root = project({"chapter-1/Hero.jsx": SMALL, "chapter-2/Hero.jsx": SMALL, "chapter-2/Banner.jsx": SMALL})
    findings = _check(run_cli, root, "--select", "autoplay")
    assert sorted((f["path"], [r.get("path") for r in f["related"]]) for f in findings) == [
        ("chapter-1/Hero.jsx", ["chapter-2/Hero.jsx"]),
        ("chapter-2/Banner.jsx", []),
    ]


PLATFORM_TWINS = Path(__file__).resolve().parent.parent / "fixtures" / "notification-spam" / "csharp" / "platform_twins"


def test_one_reminder_written_per_platform_is_one_finding(tmp_path, run_cli):
    """notification-spam folds findings whose functions hold the same prose (fold-same-text): the
    Android and iOS halves of one reminder, in two files or in one class; other words stay apart."""
    root = tmp_path / "game"
    shutil.copytree(PLATFORM_TWINS, root / "Assets" / "Scripts")
    (root / "ProjectSettings").mkdir()
    (root / "ProjectSettings" / "ProjectVersion.txt").write_text("m_EditorVersion: 2022.3.0f1\n")
    findings = _check(run_cli, root, "--select", "notification-spam")
    places = {(f["path"].rsplit("/", 1)[-1], f["line"]): f for f in findings}
    assert sorted(places) == [("HarvestReminderAndroid.cs", 19), ("LeaveReminders.cs", 34), ("LeaveReminders.cs", 58)]
    harvest = places[("HarvestReminderAndroid.cs", 19)]
    assert [(r["path"].rsplit("/", 1)[-1], r["line"]) for r in harvest["related"]] == [("HarvestReminderIos.cs", 16)]
    assert 48 in {r["line"] for r in places[("LeaveReminders.cs", 34)]["related"]}  # the iOS half, same class
    assert [r["line"] for r in places[("LeaveReminders.cs", 58)]["related"]] == [61]  # other words: apart
    assert len(_check(run_cli, root, "--select", "notification-spam", "--each-site")) == 9


def test_same_text_folds_only_findings_that_carry_a_text_digest():
    first = _finding(3, text_digest="t1")
    twin = _finding(3, text_digest="t1", unit=(20, 30))
    twin.path = "b.js"
    silent = _finding(3)
    silent.path = "c.js"
    kept = fold_same_text([first, twin, silent])
    assert sorted(f.path for f in kept) == ["a.js", "c.js"]
    assert [(r["path"], r["line"]) for r in kept[0].related] == [("b.js", 3)]


def test_a_site_of_a_behaviour_folds_into_its_start_in_another_file():
    """fold_same_behaviour: a replay hook (a behaviour_site) folds into the start that carries the
    same key, also when the hook's file sorts first; a site with no start stays a finding."""
    hook = _finding(9, behaviour_key="player-script:/g/music.gd", behaviour_site=True)
    hook.path = "a_music.gd"
    start = _finding(40, behaviour_key="player-script:/g/music.gd")
    start.path = "level.gd"
    lone_hook = _finding(12, behaviour_key="player-script:/g/jukebox.gd", behaviour_site=True)
    lone_hook.path = "jukebox.gd"
    unkeyed = _finding(5)
    kept = fold_same_behaviour([hook, start, lone_hook, unkeyed])
    assert sorted((f.path, f.line) for f in kept) == [("a.js", 5), ("jukebox.gd", 12), ("level.gd", 40)]
    (primary,) = [f for f in kept if f.path == "level.gd"]
    assert [(r["path"], r["line"]) for r in primary.related] == [("a_music.gd", 9)]


def test_a_project_part_folds_into_the_rules_most_severe_finding_or_per_file():
    """PROJECT_PART sites (streak copy) hang on the rule's most severe, then first, other finding of the
    project when it is at least as severe; with none, the sites of one file are one finding."""
    def part(path: str, line: int, severity: str = "warning") -> Finding:
        f = _finding(line, severity, unit=None, behaviour_key=PROJECT_PART, behaviour_site=True)
        f.path = path
        return f

    info, sale = _finding(30, "info"), _finding(40)
    info.path = sale.path = "streaks.lua"
    kept = fold_same_behaviour([part("popup.lua", 9), part("push.lua", 3), part("push.lua", 8), info, sale])
    assert sorted((f.path, f.line) for f in kept) == [("streaks.lua", 30), ("streaks.lua", 40)]
    (primary,) = [f for f in kept if f.line == 40]
    assert [(r["path"], r["line"]) for r in primary.related] == [("popup.lua", 9), ("push.lua", 3), ("push.lua", 8)]

    alone = fold_same_behaviour([part("push.lua", 3), part("push.lua", 8), part("hint.lua", 2), _finding(5, "info")])
    assert sorted((f.path, f.line, len(f.related)) for f in alone) == [("a.js", 5, 0), ("hint.lua", 2, 0), ("push.lua", 3, 1)]


RADIO_PROJECT = Path(__file__).resolve().parent.parent / "fixtures" / "autoplay" / "gdscript" / "radio_project"


def test_a_music_script_started_from_another_file_is_one_finding_with_its_hook(tmp_path, run_cli):
    """A Godot music node whose `finished` hook plays the next track, started by another script's
    `_ready` (KOBUGE-Games/minilens main/music.gd and level_holder.gd): one finding, the hook a
    related site; a hook whose music only a button starts stays a finding of its own."""
    shutil.copytree(RADIO_PROJECT, tmp_path / "radio")
    findings = _check(run_cli, tmp_path / "radio", "--select", "autoplay")
    assert sorted((f["path"], f["line"], [(r.get("path"), r["line"]) for r in f["related"]]) for f in findings) == [
        ("scripts/jukebox.gd", 12, []),
        ("scripts/station.gd", 10, [("scripts/radio.gd", 11)]),
    ]


JUKEBOX = Path(__file__).resolve().parent.parent / "fixtures" / "autoplay" / "swift" / "jukebox"


def test_a_shared_music_helper_names_its_first_load_caller_and_lists_the_others(tmp_path, run_cli):
    """One looping player every scene starts through a shared helper (SynapseIX/shotty-bird-ios
    AudioManager.playMusic, called from five scenes' didMove): one finding at the helper's play(),
    naming the first scene in path order; the other scenes that start it on load are related sites,
    the scene that starts it only on a tap is not."""
    shutil.copytree(JUKEBOX, tmp_path / "jukebox")
    findings = _check(run_cli, tmp_path / "jukebox", "--select", "autoplay", "--no-cache")
    assert [(f["path"], f["line"]) for f in findings] == [("Jukebox.swift", 23)]
    assert "called from didMove in LevelScene.swift:10" in findings[0]["message"]
    related = findings[0]["related"]
    assert [(r.get("path"), r["line"]) for r in related] == [("ResultsScene.swift", 9), ("TitleScene.swift", 11)]
    assert all("startTune() in didMove" in r["message"] and r["fingerprint"] for r in related)
