"""Swift files no Xcode project lists are skipped as not built; every way a file is built keeps it."""

from __future__ import annotations

from designlint.config import Config
from designlint.runner import ScanOptions, Scanner

PLAYS_ON_APPEAR = """import SwiftUI
import AVKit

struct ClipView: View {
    let player = AVPlayer(url: URL(string: "https://example.com/a.mp4")!)
    var body: some View {
        VideoPlayer(player: player)
            .onAppear { player.play() }
    }
}
"""


APP = """import SwiftUI

@main
struct ClipsApp: App {
    var body: some Scene {
        WindowGroup { ClipView() }
    }
}
"""


def _pbxproj(*names: str, synchronised: bool = False) -> str:
    refs = "".join(f"\t\tA{i} /* {n} */ = {{isa = PBXFileReference; path = {n}; sourceTree = \"<group>\"; }};\n" for i, n in enumerate(names))
    sync = "\t\tS1 /* App */ = {isa = PBXFileSystemSynchronizedRootGroup; path = App; };\n" if synchronised else ""
    return "// !$*UTF8*$!\n{\n\tobjects = {\n" + refs + sync + "\t};\n}\n"


def _app(tmp_path, pbxproj: str, files=("App/ClipView.swift", "App/OldClipView.swift")):
    (tmp_path / ".git").mkdir()
    (tmp_path / "App.xcodeproj").mkdir()
    (tmp_path / "App.xcodeproj" / "project.pbxproj").write_text(pbxproj)
    (tmp_path / "App").mkdir(exist_ok=True)
    (tmp_path / "App" / "ClipsApp.swift").write_text(APP)
    for name in files:  # each defines ClipView: a replaced screen left on disk keeps its type's name
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(PLAYS_ON_APPEAR)


def _scan(tmp_path, **options):
    result = Scanner(Config(root=tmp_path), ScanOptions(select=["autoplay"], **options)).scan([tmp_path])
    reported = sorted(f.path.split("/")[-1] for f in result.active_findings)
    skipped = {d.path.split("/")[-1]: d.message for d in result.diagnostics if d.kind == "skipped"}
    return reported, skipped


def test_a_swift_file_no_project_lists_is_skipped_as_not_built(tmp_path):
    _app(tmp_path, _pbxproj("ClipsApp.swift", "ClipView.swift", "OldClipViewModel.swift"))
    reported, skipped = _scan(tmp_path)
    assert reported == ["ClipView.swift"]
    assert skipped == {"OldClipView.swift": "not built: no Xcode project lists it (OldClipView.swift is not in App.xcodeproj)"}


def test_files_built_without_being_listed_are_scanned(tmp_path):
    # Xcode 16 folder-synchronised groups build a folder's files without listing them.
    (tmp_path / "synced").mkdir()
    _app(tmp_path / "synced", _pbxproj(synchronised=True))
    assert _scan(tmp_path / "synced")[0] == ["ClipView.swift", "OldClipView.swift"]
    # A Swift package, a pod spec or a generator spec on the way up builds files by folder.
    for marker in ["Package.swift", "Clips.podspec", "project.yml"]:
        root = tmp_path / marker.replace(".", "_")
        root.mkdir()
        _app(root, _pbxproj("ClipsApp.swift", "ClipView.swift"))
        (root / "App" / marker).write_text("// spec\n")
        assert _scan(root)[0] == ["ClipView.swift", "OldClipView.swift"], marker
    # No Xcode project at all: nothing says what is built.
    bare = tmp_path / "bare"
    (bare / "App").mkdir(parents=True)
    (bare / ".git").mkdir()
    (bare / "App" / "ClipsApp.swift").write_text(APP)
    (bare / "App" / "OldClipView.swift").write_text(PLAYS_ON_APPEAR)
    assert _scan(bare)[0] == ["OldClipView.swift"]


def test_a_workspace_project_beside_the_file_counts(tmp_path):
    # Shared/ sits under App.xcodeproj's folder, but Widget/Widget.xcodeproj is the one building it.
    _app(tmp_path, _pbxproj("ClipsApp.swift", "ClipView.swift"), files=("App/ClipView.swift", "Shared/SharedClipView.swift"))
    (tmp_path / "Widget" / "Widget.xcodeproj").mkdir(parents=True)
    (tmp_path / "Widget" / "Widget.xcodeproj" / "project.pbxproj").write_text(_pbxproj("SharedClipView.swift"))
    assert _scan(tmp_path)[0] == ["ClipView.swift", "SharedClipView.swift"]


def test_a_name_inside_a_longer_name_is_not_a_listing(tmp_path):
    _app(tmp_path, _pbxproj("ClipsApp.swift", "NewClipView.swift", "ClipView.swifty"), files=("App/ClipView.swift",))
    assert _scan(tmp_path)[0] == []


def test_the_cache_rechecks_a_file_when_the_project_changes(tmp_path):
    _app(tmp_path, _pbxproj("ClipsApp.swift", "ClipView.swift"))
    cache = tmp_path / ".cache"
    assert _scan(tmp_path, cache_dir=cache)[0] == ["ClipView.swift"]
    (tmp_path / "App.xcodeproj" / "project.pbxproj").write_text(_pbxproj("ClipsApp.swift", "ClipView.swift", "OldClipView.swift"))
    assert _scan(tmp_path, cache_dir=cache)[0] == ["ClipView.swift", "OldClipView.swift"]
    (tmp_path / "App.xcodeproj" / "project.pbxproj").write_text(_pbxproj("ClipsApp.swift", "OldClipView.swift"))
    assert _scan(tmp_path, cache_dir=cache)[0] == ["OldClipView.swift"]
