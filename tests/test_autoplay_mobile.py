"""Severities of autoplay findings in mobile fixture projects (the annotations say only whether a
line is reported; these say how strongly)."""

from __future__ import annotations

from designlint.config import Config
from designlint.files import Discoverer
from designlint.testing import fixture_scanner
from conftest import REPO

KOTLIN = REPO / "fixtures" / "autoplay" / "kotlin"


def test_playlist_without_pause_is_a_warning_unless_a_setting_decides():
    # nextplayer PlayerService.kt:560 `pauseAtEndOfMediaItems = !playerPreferences.autoplay`: info
    scanner = fixture_scanner(Config(root=REPO))
    found = {}
    for path, kind in Discoverer(respect_gitignore=False).discover([KOTLIN / "playlistend"]).files:
        for f in scanner.scan_file(path, kind)[0]:
            if f.rule_id == "autoplay" and "pauseAtEndOfMediaItems" in f.message:
                found[path.name] = f
    assert found["QueueService.kt"].severity == "info"
    assert found["EpisodeActivity.kt"].severity == "warning"


def test_repeat_toggle_modes_are_not_a_loop():
    # Player PlayerActivity.java:332 `setRepeatToggleModes(REPEAT_MODE_ONE)`: the modes the repeat
    # button offers, not a loop the app turns on
    scanner = fixture_scanner(Config(root=REPO))
    found = []
    for path, kind in Discoverer(respect_gitignore=False).discover([REPO / "fixtures" / "autoplay" / "java" / "SeekBarAndSwitchListeners.java"]).files:
        found += [f for f in scanner.scan_file(path, kind)[0] if f.rule_id == "autoplay"]
    teaser = [f for f in found if "teaserPlayer" in f.snippet]
    assert teaser and "loops" not in teaser[0].message


def test_legacy_list_player_set_loop_is_folded_into_the_start():
    # kotlinreddit BookmarkAdapter.kt:71 `holder.mp4Player.setLoop(true)` (JCVideoPlayer): a loop like
    # `setLooping(true)`; reported with the start of a clip the screen starts by itself, not alone
    scanner = fixture_scanner(Config(root=REPO))
    found = []
    for folder in (KOTLIN / "legacy_list_player_loops.kt", KOTLIN / "gifposts", REPO / "fixtures" / "autoplay" / "java" / "gifclips"):
        for path, kind in Discoverer(respect_gitignore=False).discover([folder]).files:
            found += [f for f in scanner.scan_file(path, kind)[0] if f.rule_id == "autoplay"]
    assert len(found) == 3 and all("loops without end" in f.message for f in found), [f.message for f in found]


def test_dart_setting_that_defaults_on_does_not_lower_the_advance():
    # Kazumi player_item.dart:1150 `completed && autoPlayNext` with SettingKey<bool>(..autoPlayNext, true):
    # the setting is on until the person finds it, so the next-episode advance stays a warning
    scanner = fixture_scanner(Config(root=REPO))
    found = {}
    project = REPO / "fixtures" / "autoplay" / "dart" / "next_episode_setting"
    for path, kind in Discoverer(respect_gitignore=False).discover([project]).files:
        for f in scanner.scan_file(path, kind)[0]:
            if f.rule_id == "autoplay":
                found[path.name] = f
    # a series of videos rolling on is not a person's music queue (that tier is info): it keeps its warning
    assert "a user setting can turn autoplay off" not in found["series_player.dart"].mitigations
    assert found["series_player.dart"].severity == "warning"
    assert "a user setting can turn autoplay off" in found["trailer_player.dart"].mitigations


def _dart_autoplay_findings(folder: str) -> list:
    scanner = fixture_scanner(Config(root=REPO))
    found = []
    for path, kind in Discoverer(respect_gitignore=False).discover([REPO / "fixtures" / "autoplay" / "dart" / folder]).files:
        found += [f for f in scanner.scan_file(path, kind)[0] if f.rule_id == "autoplay"]
    return found


def test_dart_media_kit_completed_stream_moving_through_the_queue_is_info():
    # musicpod player_service.dart:87 `player.stream.completed.listen((value) { if (value) ... playNext(); })`
    # in a service that also holds a VideoController for video podcasts: the person's queue, info
    found = _dart_autoplay_findings("done_stream_queue")
    assert len(found) == 2 and all(f.severity == "info" for f in found), [(f.line, f.severity) for f in found]


def test_dart_near_end_check_in_a_build_helper_opening_the_next_episode_is_a_warning():
    # ShonenX bottom_controls.dart:368 `_checkAutoNext(position:, duration:)` -> `skipEpisode()` behind
    # `autoNext` (on by default): a video rolling into the next episode stays a warning
    found = _dart_autoplay_findings("episode_countdown")
    assert len(found) == 2 and all(f.severity == "warning" and "near-end check" in f.message for f in found), [(f.line, f.message) for f in found]
