"""The project index: call sites of a name across a project's files, with what triggers them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from designlint import project_index
from designlint.config import Config
from designlint.runner import Scanner, ScanOptions


@pytest.fixture(autouse=True)
def _fresh_index():
    project_index.reset()
    yield
    project_index.reset()


def write(root: Path, files: dict[str, str]) -> Path:
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body), encoding="utf-8")
    return root


DART_APP = {
    "pubspec.yaml": "name: demo\n",
    "lib/music.dart": """
        class MusicService {
          Future<void> playBackgroundMusic() async {
            await player.play();
          }
        }
    """,
    "lib/home.dart": """
        class _HomeState extends State<Home> {
          @override
          void initState() {
            super.initState();
            _startAudio();
          }
          void _startAudio() {
            music.playBackgroundMusic();
          }
        }
    """,
    "lib/settings.dart": """
        class SettingsPage extends StatelessWidget {
          Widget build(BuildContext context) {
            return IconButton(onPressed: music.playBackgroundMusic, icon: Icon(Icons.music_note));
          }
        }
    """,
}


def kinds(triggers) -> set[tuple[str, str]]:
    return {(t.kind, t.site.shown) for t in triggers}


def test_dart_callers_in_other_files_with_their_triggers(tmp_path):
    root = write(tmp_path / "app", DART_APP)
    index = project_index.index_for(root, "dart")
    calls = index.calls("playBackgroundMusic")
    assert [(s.shown, s.line, s.functions) for s in calls] == [("lib/home.dart", 9, ("_startAudio",))]
    found = kinds(index.triggers("playBackgroundMusic"))
    # through _startAudio up to initState; handed to onPressed as a tear-off
    assert found == {("load", "lib/home.dart"), ("user", "lib/settings.dart")}
    via = {t.kind: t.via for t in index.triggers("playBackgroundMusic")}
    assert via["load"] == ("_startAudio",)


def test_a_name_no_file_calls_has_no_triggers_and_a_dead_end_is_other(tmp_path):
    root = write(tmp_path / "app", {
        **DART_APP,
        "lib/home.dart": """
            class _HomeState extends State<Home> {
              void didChangeAppLifecycleState(AppLifecycleState state) {
                music.playBackgroundMusic();
              }
            }
        """,
        "lib/settings.dart": "",
    })
    index = project_index.index_for(root, "dart")
    assert index.triggers("playIntroJingle") == []
    assert kinds(index.triggers("playBackgroundMusic")) == {("other", "lib/home.dart")}


@pytest.mark.parametrize(
    "language, files, name, expected",
    [
        (
            "kotlin",
            {
                "settings.gradle": "",
                "app/src/main/java/a/PlayerActivity.kt": """
                    class PlayerActivity : AppCompatActivity() {
                        override fun onCreate(savedInstanceState: Bundle?) {
                            super.onCreate(savedInstanceState)
                            startIntroVideo()
                        }
                    }
                """,
                "app/src/main/java/a/Replay.java": """
                    class Replay {
                        void bind(View button) {
                            button.setOnClickListener(v -> startIntroVideo());
                        }
                    }
                """,
            },
            "startIntroVideo",
            {("load", "app/src/main/java/a/PlayerActivity.kt"), ("user", "app/src/main/java/a/Replay.java")},
        ),
        (
            "csharp",
            {
                "ProjectSettings/ProjectVersion.txt": "m_EditorVersion: 2022.3.1f1\n",
                "Assets/Scripts/Menu.cs": """
                    public class Menu : MonoBehaviour {
                        void Start() { AudioManager.Instance.PlayMenuTheme(); }
                        void Awake() { replayButton.onClick.AddListener(AudioManager.Instance.PlayMenuTheme); }
                    }
                """,
            },
            "PlayMenuTheme",
            {("load", "Assets/Scripts/Menu.cs"), ("user", "Assets/Scripts/Menu.cs")},
        ),
        (
            "lua",
            {
                "default.project.json": "{}",
                "src/server/Lobby.server.lua": """
                    Players.PlayerAdded:Connect(function(player)
                        MusicModule.playLobbyTheme(player)
                    end)
                """,
            },
            "playLobbyTheme",
            {("load", "src/server/Lobby.server.lua")},
        ),
        (
            "lua",
            {
                "default.project.json": "{}",
                "src/client/Intro.client.luau": """
                    local Music = require(script.Parent.Music)
                    task.spawn(function()
                        Music.playIntroTheme()
                    end)
                """,
                "src/client/Shop.client.lua": """
                    local function openShop()
                        Music.playIntroTheme()
                    end
                    shopButton.MouseButton1Click:Connect(function() Music.playIntroTheme() end)
                """,
            },
            "playIntroTheme",
            {("load", "src/client/Intro.client.luau"), ("user", "src/client/Shop.client.lua"), ("other", "src/client/Shop.client.lua")},
        ),
        (
            "gdscript",
            {
                "project.godot": "",
                "scenes/title.gd": """
                    extends Control

                    func _ready():
                        AudioController.play_title_theme()

                    func _on_replay_pressed():
                        AudioController.play_title_theme()
                """,
            },
            "play_title_theme",
            {("load", "scenes/title.gd"), ("user", "scenes/title.gd")},
        ),
    ],
)
def test_triggers_in_other_languages(tmp_path, language, files, name, expected):
    root = write(tmp_path / "game", files)
    assert kinds(project_index.index_for(root, language).triggers(name)) == expected


def test_project_root_is_the_nearest_marker_of_the_language(tmp_path):
    root = write(tmp_path / "repo", {
        "pubspec.yaml": "", "lib/a.dart": "", "android/settings.gradle": "", "android/app/B.kt": "",
    })
    (tmp_path / "repo" / ".git").mkdir()
    assert project_index.project_root(root / "lib/a.dart", "dart") == root.resolve()
    assert project_index.project_root(root / "android/app/B.kt", "kotlin") == (root / "android").resolve()
    # no marker for Swift: the git root
    write(root, {"ios/Runner/AppDelegate.swift": ""})
    assert project_index.project_root(root / "ios/Runner/AppDelegate.swift", "swift") == root.resolve()


def test_a_gradle_project_without_settings_is_rooted_at_its_topmost_build_file(tmp_path):
    root = write(tmp_path / "snapshot", {
        "build.gradle": "", "app/build.gradle": "", "app/src/main/AndroidManifest.xml": "<manifest/>",
        "app/src/main/java/a/Main.kt": "", "lib/build.gradle": "", "lib/src/main/java/b/C.kt": "",
    })
    assert project_index.project_root(root / "app/src/main/java/a/Main.kt", "kotlin") == root.resolve()
    assert project_index.project_root(root / "lib/src/main/java/b/C.kt", "kotlin") == root.resolve()
    assert project_index.index_for(root, "kotlin").root_is_project()
    # settings.gradle anywhere up wins over the module build files
    write(root, {"app/settings.gradle": ""})
    project_index.reset()
    assert project_index.project_root(root / "app/src/main/java/a/Main.kt", "kotlin") == (root / "app").resolve()


def test_listing_skips_build_and_hidden_folders(tmp_path):
    root = write(tmp_path / "app", {
        **DART_APP,
        "build/generated.dart": "void f() { music.playBackgroundMusic(); }",
        ".dart_tool/x.dart": "void f() { music.playBackgroundMusic(); }",
    })
    index = project_index.index_for(root, "dart")
    assert {s.shown for s in index.calls("playBackgroundMusic")} == {"lib/home.dart"}


def test_an_unparsable_or_binary_file_is_skipped_not_fatal(tmp_path):
    root = write(tmp_path / "app", DART_APP)
    (root / "lib" / "blob.dart").write_bytes(b"\x00\x01playBackgroundMusic()\x00" * 100)
    index = project_index.index_for(root, "dart")
    assert {s.shown for s in index.calls("playBackgroundMusic")} == {"lib/home.dart"}


# A rule whose check asks the index: it keeps a match only when another file calls the
# function holding it from a load hook. Used to prove the cache re-checks the project.
CHECK_MODULE = '''
from designlint import project_index
from designlint.checks.polyglot import enclosing_named_function, function_name

def loaded_elsewhere(ctx):
    holder = enclosing_named_function(ctx.node)
    if holder is None:
        return False
    index = project_index.for_context(ctx)
    return any(t.kind == "load" for t in index.triggers(function_name(holder)))
'''

RULE = """
id: test-cross-file
name: Test cross-file
severity: warning
summary: play() in a function another file calls on load
criteria: [trimbos-2025-ethical-design]
docs:
  what: test
  why: test
  example: test
  instead: test
patterns:
  - id: dart-play
    languages: [dart]
    query: |
      ((identifier) @name (#eq? @name "play")) @match
    check: xindex.check:loaded_elsewhere
    message: play() runs when a screen loads
"""


def test_cached_result_is_recomputed_when_another_file_of_the_project_changes(tmp_path, monkeypatch):
    modules = tmp_path / "mods"
    write(modules, {"xindex/__init__.py": "", "xindex/check.py": CHECK_MODULE})
    monkeypatch.syspath_prepend(str(modules))
    write(tmp_path / "rules", {"test-cross-file.yaml": RULE})
    root = write(tmp_path / "app", DART_APP)
    config = Config(root=tmp_path, rules=[tmp_path / "rules"])
    options = ScanOptions(select=["test-cross-file"], cache_dir=tmp_path / "cache")

    def scan() -> list[tuple[str, int]]:
        result = Scanner(config, options).scan([root])
        return [(Path(f.path).name, f.line) for f in result.findings]

    assert scan() == [("music.dart", 4)]
    assert scan() == [("music.dart", 4)]  # from the cache
    # only home.dart changes: music.dart's bytes are the same, its cached result must not be reused
    (root / "lib" / "home.dart").write_text("class _HomeState {}\n", encoding="utf-8")
    assert scan() == []
    uncached = Scanner(config, ScanOptions(select=["test-cross-file"])).scan([root])
    assert uncached.findings == []


SLOW_CHECK_MODULE = '''
from designlint import budget, project_index

def slow_index(ctx):
    started = budget.now()
    budget.now.__self__.advance(0.4)  # the test's BudgetClock: as if reading the project took that long
    project_index._seconds += budget.now() - started
    return True

def slow_own(ctx):
    budget.now.__self__.advance(0.4)
    return True
'''


@pytest.mark.parametrize("check, skipped", [("slow_index", False), ("slow_own", True)])
def test_time_the_index_spends_is_not_charged_to_the_asking_files_budget(tmp_path, monkeypatch, budget_clock, check, skipped):
    modules = tmp_path / "mods"
    write(modules, {"xslow/__init__.py": "", "xslow/check.py": SLOW_CHECK_MODULE})
    monkeypatch.syspath_prepend(str(modules))
    rule = RULE.replace("xindex.check:loaded_elsewhere", f"xslow.check:{check}")
    write(tmp_path / "rules", {"test-cross-file.yaml": rule})
    root = write(tmp_path / "app", {"pubspec.yaml": "", "lib/a.dart": "void f() { a.play(); b.play(); c.play(); }\n"})
    config = Config(root=tmp_path, rules=[tmp_path / "rules"])
    result = Scanner(config, ScanOptions(select=["test-cross-file"], file_timeout=0.6)).scan([root])
    assert any("time budget" in d.message for d in result.diagnostics) == skipped
    assert sum(1 + len(f.related) for f in result.findings) == (3 if not skipped else 0)


def test_kotlin_trailing_lambdas_are_the_calls_context(tmp_path):
    root = write(tmp_path / "app", {
        "settings.gradle": "",
        "app/Screen.kt": """
            class Screen : AppCompatActivity() {
                fun bind() {
                    replay.setOnClickListener { startIntroVideo() }
                }
            }
        """,
    })
    [site] = project_index.index_for(root, "kotlin").calls("startIntroVideo")
    assert site.context[:2] == (("call", "setOnClickListener"), ("label", "replay"))
    assert project_index.classify(site) == "user"


def test_a_function_handed_over_as_a_value_keeps_its_receiver(tmp_path):
    root = write(tmp_path / "game", {
        "ProjectSettings/ProjectVersion.txt": "",
        "Assets/Menu.cs": """
            class Menu : MonoBehaviour {
                void Awake() {
                    replay.onClick.AddListener(AudioManager.Instance.PlayMenuTheme);
                    other.onClick.AddListener(PlayMenuTheme);
                }
            }
        """,
    })
    passed = project_index.index_for(root, "csharp").references("PlayMenuTheme")
    assert [(r.role, r.receiver) for r in passed] == [("passed", "AudioManager.Instance"), ("passed", "")]
    dart = write(tmp_path / "app", DART_APP)
    [tear_off] = project_index.index_for(dart, "dart").references("playBackgroundMusic")
    assert (tear_off.role, tear_off.receiver) == ("passed", "music")


def test_source_gives_another_project_file_parsed_and_nothing_outside_the_project(tmp_path):
    root = write(tmp_path / "app", DART_APP)
    index = project_index.index_for(root, "dart")
    music = index.source(str(root.resolve() / "lib" / "music.dart"))
    assert music is not None and b"playBackgroundMusic" in music.data and music.regions[0].root.type == "program"
    assert index.source(str(tmp_path / "elsewhere.dart")) is None


def _declared(index: project_index.ProjectIndex, relative: str, name: str) -> tuple[Path, tuple[int, int]]:
    """The file and byte span of `class name` (to the end of the file: these files hold one class)."""
    path = index.root / relative
    data = path.read_bytes()
    start = data.index(f"class {name}".encode())
    return path, (start, len(data))


ANDROID_APP = {
    "settings.gradle": "include ':app'\n",
    "app/build.gradle": "android { namespace 'com.demo.app' }\n",
    "app/src/main/AndroidManifest.xml": """
        <manifest xmlns:android="http://schemas.android.com/apk/res/android">
          <application>
            <activity android:name=".MainActivity" android:exported="true">
              <intent-filter><action android:name="android.intent.action.MAIN" /></intent-filter>
            </activity>
            <activity android:name=".settings.SettingsActivity" />
            <!-- OldPlayerActivity was retired in 2.0 -->
          </application>
        </manifest>
    """,
    "app/src/main/res/navigation/nav.xml": """
        <navigation><fragment android:id="@+id/clips" android:name="com.demo.app.clips.ClipsFragment" /></navigation>
    """,
    "app/src/main/java/com/demo/app/MainActivity.kt": "package com.demo.app\nclass MainActivity : AppCompatActivity() {}\n",
    "app/src/main/java/com/demo/app/douyin/MainActivity.java": "package com.demo.app.douyin;\npublic class MainActivity extends Activity {}\n",
    "app/src/main/java/com/demo/app/clips/ClipsFragment.kt": "package com.demo.app.clips\nclass ClipsFragment : Fragment() {}\n",
    "app/src/main/java/com/demo/app/old/OldPlayerActivity.kt": "package com.demo.app.old\nclass OldPlayerActivity : AppCompatActivity() {}\n",
    "app/src/main/java/com/demo/app/LegacyPlayer.kt": "package com.demo.app\nclass LegacyPlayer {}\n",
    "app/src/main/java/com/demo/app/Home.kt": "package com.demo.app\nfun open(ctx: Context) { ctx.startActivity(Intent(ctx, LegacyPlayer::class.java)) }\n",
    "app/src/main/java/com/demo/app/settings/SettingsActivity.kt": "package com.demo.app.settings\nclass SettingsActivity : AppCompatActivity() {}\n",
    "app/src/test/java/com/demo/app/OldPlayerActivityTest.kt": "package com.demo.app\nclass OldPlayerActivityTest { val a = OldPlayerActivity() }\n",
}


def test_type_unused_reads_manifest_navigation_and_code_by_package(tmp_path):
    root = write(tmp_path, ANDROID_APP)
    index = project_index.index_for(root, "kotlin")
    for relative, name, unused in [
        ("app/src/main/java/com/demo/app/MainActivity.kt", "MainActivity", False),  # the manifest's .MainActivity
        ("app/src/main/java/com/demo/app/douyin/MainActivity.java", "MainActivity", True),  # same name, other package
        ("app/src/main/java/com/demo/app/clips/ClipsFragment.kt", "ClipsFragment", False),  # navigation graph
        ("app/src/main/java/com/demo/app/old/OldPlayerActivity.kt", "OldPlayerActivity", True),  # only a test names it
        ("app/src/main/java/com/demo/app/LegacyPlayer.kt", "LegacyPlayer", False),  # another file opens it
        # declared in the manifest with no intent filter, and no code starts it
        ("app/src/main/java/com/demo/app/settings/SettingsActivity.kt", "SettingsActivity", True),
    ]:
        path, span = _declared(index, relative, name)
        assert index.type_unused(name, path, span) is unused, (relative, unused)


def test_a_layouts_tools_context_is_a_preview_hint_not_a_use(tmp_path):
    files = {
        "settings.gradle": "include ':app'\n",
        "app/src/main/AndroidManifest.xml": '<manifest package="com.demo.lesson"><application>'
        '<activity android:name=".LauncherActivity"><intent-filter><action android:name="android.intent.action.MAIN"/></intent-filter></activity>'
        "</application></manifest>\n",
        "app/src/main/res/layout/activity_main.xml": '<LinearLayout xmlns:tools="http://schemas.android.com/tools"\n'
        '    tools:context=".AlarmActivity">\n  <com.demo.lesson.ClockView android:id="@+id/clock" />\n</LinearLayout>\n',
        "app/src/main/java/com/demo/lesson/LauncherActivity.kt": "package com.demo.lesson\nclass LauncherActivity : AppCompatActivity()\n",
        "app/src/main/java/com/demo/lesson/AlarmActivity.kt": "package com.demo.lesson\nclass AlarmActivity : AppCompatActivity()\n",
        "app/src/main/java/com/demo/lesson/ClockView.kt": "package com.demo.lesson\nclass ClockView : View()\n",
        # opened by a router path, named by no code: it runs
        "app/src/main/java/com/demo/lesson/PointsActivity.kt": 'package com.demo.lesson\n@Route(path = "/points/list")\nclass PointsActivity : AppCompatActivity()\n',
        # a lower-case class name: its uses are not indexed as type uses, so no answer
        "app/src/main/java/com/demo/lesson/clipActivity.java": "package com.demo.lesson;\npublic class clipActivity extends Activity {}\n",
        "app/src/main/java/com/demo/lesson/Opener.java": "package com.demo.lesson;\nclass Opener { void go(Context c) { c.startActivity(new Intent(c, clipActivity.class)); } }\n",
    }
    root = write(tmp_path, files)
    index = project_index.index_for(root, "kotlin")
    for relative, name, unused in [
        ("app/src/main/java/com/demo/lesson/AlarmActivity.kt", "AlarmActivity", True),  # only tools:context names it
        ("app/src/main/java/com/demo/lesson/ClockView.kt", "ClockView", False),  # the layout creates it
        ("app/src/main/java/com/demo/lesson/PointsActivity.kt", "PointsActivity", False),
        ("app/src/main/java/com/demo/lesson/clipActivity.java", "clipActivity", False),
    ]:
        path, span = _declared(index, relative, name)
        assert index.type_unused(name, path, span) is unused, (relative, unused)


def test_receivers_named_by_a_placeholder_a_library_manifest_or_code_are_used(tmp_path):
    boot = '<intent-filter><action android:name="android.intent.action.BOOT_COMPLETED"/></intent-filter>'
    files = {
        "settings.gradle": "include ':app', ':alerts'\n",
        # `${applicationId}` is the app id (set in Gradle), not necessarily the manifest's package
        "app/src/main/AndroidManifest.xml": f'<manifest package="com.demo.tea"><application>'
        f'<receiver android:name="${{applicationId}}.BootReceiver">{boot}</receiver></application></manifest>\n',
        "alerts/src/main/AndroidManifest.xml": f'<manifest package="com.demo.alerts"><application>'
        f'<receiver android:name=".AlertsBootReceiver">{boot}</receiver></application></manifest>\n',
        "app/src/main/java/com/demo/teatimer/BootReceiver.kt": "package com.demo.teatimer\nclass BootReceiver : BroadcastReceiver()\n",
        "alerts/src/main/java/com/demo/alerts/AlertsBootReceiver.kt": "package com.demo.alerts\nclass AlertsBootReceiver : BroadcastReceiver()\n",
        "app/src/main/java/com/demo/tea/ScreenReceiver.kt": "package com.demo.tea\nclass ScreenReceiver : BroadcastReceiver()\n",
        "app/src/main/java/com/demo/tea/App.kt": "package com.demo.tea\nclass App : Application() {\n"
        "  override fun onCreate() { registerReceiver(ScreenReceiver(), IntentFilter(Intent.ACTION_SCREEN_ON)) }\n}\n",
        # in no manifest, registered nowhere: Android never calls it
        "app/src/main/java/com/demo/tea/StartOnBootReceiver.kt": "package com.demo.tea\nclass StartOnBootReceiver : BroadcastReceiver()\n",
    }
    root = write(tmp_path, files)
    index = project_index.index_for(root, "kotlin")
    for relative, name, unused in [
        ("app/src/main/java/com/demo/teatimer/BootReceiver.kt", "BootReceiver", False),
        ("alerts/src/main/java/com/demo/alerts/AlertsBootReceiver.kt", "AlertsBootReceiver", False),
        ("app/src/main/java/com/demo/tea/ScreenReceiver.kt", "ScreenReceiver", False),
        ("app/src/main/java/com/demo/tea/StartOnBootReceiver.kt", "StartOnBootReceiver", True),
    ]:
        path, span = _declared(index, relative, name)
        assert index.type_unused(name, path, span) is unused, (relative, unused)


def test_type_unused_in_dart_and_swift_and_never_for_scene_attached_scripts(tmp_path):
    dart = write(tmp_path / "flutter", {
        "pubspec.yaml": "name: demo\n",
        "lib/clip_page.dart": "class ClipPage extends StatefulWidget {\n  State<ClipPage> createState() => _ClipPageState();\n}\n"
                              "class _ClipPageState extends State<ClipPage> {}\n",
        "lib/reel_page.dart": "class ReelPage extends StatelessWidget {}\n",
        "lib/main.dart": "void main() => runApp(MaterialApp(home: ReelPage()));\n",
    })
    index = project_index.index_for(dart, "dart")
    path = dart / "lib/clip_page.dart"
    # Its own State<ClipPage> does not open it; nothing else names it.
    assert index.type_unused("ClipPage", path, (0, path.read_bytes().index(b"class _ClipPageState"))) is True
    assert index.type_unused("ReelPage", *_declared(index, "lib/reel_page.dart", "ReelPage")) is False
    swift = write(tmp_path / "ios", {
        "Demo.xcodeproj/project.pbxproj": "// project\n",
        "Demo/Base.lproj/Main.storyboard": '<viewController customClass="FeedViewController" id="a1"/>\n',
        "Demo/FeedViewController.swift": "class FeedViewController: UIViewController {}\n",
        "Demo/PreviewPlayerViewController.swift": "class PreviewPlayerViewController: UIViewController {}\n"
                                                  "struct PreviewPlayerViewController_Previews: PreviewProvider {\n"
                                                  "  static var previews: some View { PreviewPlayerViewController() }\n}\n",
    })
    index = project_index.index_for(swift, "swift")
    assert index.type_unused("FeedViewController", *_declared(index, "Demo/FeedViewController.swift", "FeedViewController")) is False
    path = swift / "Demo/PreviewPlayerViewController.swift"
    assert index.type_unused("PreviewPlayerViewController", path, (0, path.read_bytes().index(b"struct"))) is True
    unity = write(tmp_path / "game", {"ProjectSettings/ProjectVersion.txt": "m_EditorVersion: 2022.3\n",
                                      "Assets/Scripts/IntroVideo.cs": "public class IntroVideo : MonoBehaviour {}\n"})
    index = project_index.index_for(unity, "csharp")
    assert index.type_unused("IntroVideo", *_declared(index, "Assets/Scripts/IntroVideo.cs", "IntroVideo")) is False
    # A folder that is not a whole project: no answer from absence.
    loose = write(tmp_path / "loose", {"Lonely.kt": "class LonelyScreen : Fragment() {}\n"})
    index = project_index.index_for(loose, "kotlin")
    assert index.type_unused("LonelyScreen", *_declared(index, "Lonely.kt", "LonelyScreen")) is False


GODOT_GAME = {
    "project.godot": 'config_version=5\n[application]\nrun/main_scene="res://scenes/dock.tscn"\n',
    "scenes/dock.tscn": '[gd_scene format=3]\n[node name="Dock" type="Node2D"]\n',
    "scripts/shanty.gd": "extends Node\nfunc _ready():\n    $Music.play()\n",
}


def test_cached_result_follows_the_scenes_that_attach_a_godot_script(tmp_path):
    root = write(tmp_path / "game", GODOT_GAME)
    config = Config(root=tmp_path)
    options = ScanOptions(select=["autoplay"], cache_dir=tmp_path / "cache")

    def scan() -> list[str]:
        return [Path(f.path).name for f in Scanner(config, options).scan([root]).findings]

    assert scan() == []  # no scene attaches shanty.gd: it never runs
    assert scan() == []  # from the cache
    # A scene now attaches it; shanty.gd's bytes are the same, its cached result must not be reused.
    (root / "scenes" / "dock.tscn").write_text(
        '[gd_scene load_steps=2 format=3]\n[ext_resource type="Script" path="res://scripts/shanty.gd" id="1"]\n'
        '[node name="Dock" type="Node2D"]\nscript = ExtResource("1")\n', encoding="utf-8")
    assert scan() == ["shanty.gd"]


KOTLIN_WRAPPER = {
    "settings.gradle": "include ':app'\n",
    "app/src/main/java/demo/ReelPlayer.kt": """
        class ReelPlayer(context: Context) {
            fun play(url: String) { exo.play() }
        }
    """,
    "app/src/main/java/demo/ReelAdapter.kt": """
        class ReelAdapter(private val reelPlayer: ReelPlayer) {
            override fun onViewAttachedToWindow(holder: Holder) {
                reelPlayer.play(url)
            }
        }
    """,
    "app/src/main/java/demo/Detail.kt": """
        class DetailActivity : AppCompatActivity() {
            private lateinit var trailer: ReelPlayer
            private val exo: ExoPlayer = ExoPlayer.Builder(this).build()
            override fun onCreate(state: Bundle?) {
                button.setOnClickListener { trailer.play(url) }
                exo.play()
            }
        }
    """,
    "app/src/main/java/demo/Other.kt": """
        class OtherActivity : AppCompatActivity() {
            override fun onResume() {
                val player = MediaPlayer()
                player.play()
            }
        }
    """,
}


def test_calls_on_type_keeps_calls_on_objects_of_the_class(tmp_path):
    root = write(tmp_path, KOTLIN_WRAPPER)
    index = project_index.index_for(root, "kotlin")
    sites = index.calls_on_type("play", ("ReelPlayer",))
    found = sorted((Path(s.path).name, s.receiver) for s in sites)
    # `exo.play()` (declared ExoPlayer) in a file naming ReelPlayer, and `player.play()` in a file
    # that does not name it at all, are left out
    assert found == [("Detail.kt", "trailer"), ("ReelAdapter.kt", "reelPlayer")]
    kinds = {Path(s.path).name: project_index.classify(s) for s in sites}
    assert kinds == {"ReelAdapter.kt": "", "Detail.kt": "user"}


SWIFT_OUTLET_WRAPPER = {
    "Package.swift": "// swift-tools-version:5.9\n",
    "Views/ClipView.swift": """
        final class ClipView: UIView {
            func play(url: URL) { queue.play() }
        }
    """,
    "Views/ClipCell.swift": """
        final class ClipCell: UICollectionViewCell {
            @IBOutlet weak var clipView: ClipView!
        }
    """,
    "Views/PosterCell.swift": """
        final class PosterCell: UICollectionViewCell {
            @IBOutlet weak var poster: ClipView!
            var preview: AVPlayer?
        }
        final class StillCell: UICollectionViewCell {
            @IBOutlet weak var poster: UIImageView!
        }
    """,
    "Screens/Wall.swift": """
        final class Wall: UIViewController {
            func startVisible() {
                let cell = wall.visibleCells.first as? ClipCell
                cell?.clipView?.play(url: url)
            }
            func startPoster(_ still: StillCell) {
                still.poster.play(url: url)
            }
            func startGuessed() {
                posterCell.poster.play(url: url)
            }
        }
    """,
    "Screens/Loose.swift": """
        final class Loose: UIViewController {
            func start() {
                self.clipView.play(url: url)
                tile.clipView.play(url: url)
            }
        }
    """,
}


def test_swift_calls_on_type_follow_a_property_of_another_class(tmp_path):
    # `cell?.clipView?.play(url:)` in a file that never spells `ClipView`: the cell's class (another
    # file) declares `clipView: ClipView!`. `poster` is declared with another type as well, so only
    # a receiver the file types as the holder counts; a file that does not name the holder, or
    # `self.clipView`, says nothing.
    root = write(tmp_path, SWIFT_OUTLET_WRAPPER)
    index = project_index.index_for(root, "swift")
    assert index.property_holders(("ClipView",)) == {
        "clipView": (frozenset({"ClipCell"}), False),
        "poster": (frozenset({"PosterCell"}), True),
    }
    sites = index.calls_on_type("play", ("ClipView",))
    found = sorted((Path(s.path).name, s.line, s.receiver) for s in sites)
    assert found == [("Wall.swift", 5, "cell?.clipView")]


def test_a_lua_function_stored_in_a_table_or_local_is_a_definition(tmp_path):
    # Roblox modules often store their functions by assignment (`Module.play = function() ... end`,
    # Pet_Clickers' AudioPlayer); a call stored in a table field, or a function passed as a value
    # to another target, is not a definition.
    root = write(tmp_path, {
        "default.project.json": "{}",
        "src/Deck.lua": """
            local Deck = {}
            Deck.playSound = function(name)
                SoundService:FindFirstChild(name):Play()
            end
            local playSound = function() end
            Deck.other = playSound
            Deck.cached = makePlaySound(playSound)
            return Deck
        """,
    })
    index = project_index.index_for(root, "lua")
    found = sorted((Path(d.path).name, d.line, d.text.split("\n")[0]) for d in index.definitions("playSound"))
    assert found == [("Deck.lua", 3, "function(name)"), ("Deck.lua", 6, "function() end")]


def test_a_dart_type_in_a_signature_is_not_a_definition_of_that_name(tmp_path):
    root = write(tmp_path, {
        "pubspec.yaml": "name: clips\n",
        "lib/clip_controller.dart": """
            class ClipController {
              ClipController({this.url}) {
                assert(url != null);
              }
              final String? url;
            }
        """,
        "lib/recorder.dart": """
            class Recorder {
              ClipController? _clip;
              ClipController? get current => _clip;
              ClipController make() => ClipController(url: 'a.mp4');
            }
        """,
    })
    index = project_index.index_for(root, "dart")
    found = sorted((Path(d.path).name, d.line) for d in index.definitions("ClipController"))
    assert found == [("clip_controller.dart", 3)]  # the constructor body, not the getter nor the factory-like method


@pytest.mark.parametrize(
    ("receiver", "text", "expected"),
    [
        ("player", "val player: ReelPlayer = ReelPlayer(ctx)", True),
        ("player", "private final ReelPlayer player;", True),
        ("player", "player = new ReelPlayer(this);", True),
        ("player", "val player by lazy { ReelPlayer(ctx) }", True),
        ("player", "val player: ExoPlayer = build()", False),  # declared with another type
        ("reelPlayer", "", True),  # named after the type, declared elsewhere
        ("mReelPlayer", "", True),
        ("ReelPlayer.shared", "", True),
        ("holder.binding.player", "lateinit var player: ExoPlayer", False),
        ("adapter", "", False),
    ],
)
def test_receiver_has_type(receiver, text, expected):
    site = project_index.Site("/x/A.kt", "A.kt", 1, "play", receiver, "call", "A", (), "")
    assert project_index.receiver_has_type(site, ("ReelPlayer",), text) is expected
