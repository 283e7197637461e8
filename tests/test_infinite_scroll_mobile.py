"""Severities of infinite-scroll findings in mobile fixture projects (the annotations say only
whether a line is reported; these say how strongly)."""

from __future__ import annotations

import pytest

from designlint.config import Config
from designlint.files import Discoverer
from designlint.testing import fixture_scanner
from conftest import REPO

KOTLIN = REPO / "fixtures" / "infinite-scroll" / "kotlin"


@pytest.fixture(scope="module")
def scanner():
    return fixture_scanner(Config(root=REPO))


def _findings(scanner, folder):
    out = {}
    for path, kind in Discoverer(respect_gitignore=False).discover([folder]).files:
        for f in scanner.scan_file(path, kind)[0]:
            if f.rule_id == "infinite-scroll":
                out[(path.name, f.line)] = f
    return out


def test_compose_pages_of_a_database_only_project_are_info(scanner):
    # Feeder: every Pager reads a Room DAO PagingSource; the screens collecting them are lowered
    found = _findings(scanner, KOTLIN / "offline_reader")
    screens = {k: f for k, f in found.items() if k[0] == "ReaderScreen.kt"}
    assert len(screens) == 2 and all(f.severity == "info" and any("own database" in n for n in f.notes) for f in screens.values())


def test_compose_pages_stay_warning_when_one_pager_reads_the_network(scanner):
    found = _findings(scanner, KOTLIN / "online_reader")
    timeline = [f for (name, line), f in found.items() if name == "TimelineScreen.kt" and line == 10]
    assert len(timeline) == 1 and timeline[0].severity == "warning"


def test_a_commented_out_end_of_feed_toast_is_no_end_marker(scanner):
    found = _findings(scanner, REPO / "fixtures" / "infinite-scroll" / "java" / "end_toasts")
    severity = {name: f.severity for (name, _), f in found.items()}
    assert severity == {"ClipListFragment.java": "warning", "SearchListFragment.java": "info"}


def test_pager_over_a_repository_method_answered_by_a_dao_is_info(scanner):
    # `Pager { presetRepository.all() }` where the repository returns its Room DAO's PagingSource: info;
    # a repository that also calls a web API, and PagingSources that also query GraphQL / Apollo, stay warning
    found = _findings(scanner, KOTLIN / "preset_pages")
    severity = {line: f.severity for (name, line), f in found.items() if name == "PresetViewModels.kt"}
    assert severity == {15: "info", 22: "info", 27: "warning", 36: "warning", 57: "warning"}


SWIFT = REPO / "fixtures" / "infinite-scroll" / "swift"


def _folded(scanner, folder):
    from designlint.findings import fold_same_behaviour

    found = []
    for path, kind in Discoverer(respect_gitignore=False).discover([folder]).files:
        found += [f for f in scanner.scan_file(path, kind)[0] if f.rule_id == "infinite-scroll"]
    return {(f.path.rsplit("/", 1)[-1], f.line): sorted(site["line"] for site in f.related) for f in fold_same_behaviour(found)}


def test_swift_one_feed_in_two_layouts_is_one_finding_with_related_sites(scanner):
    found = _folded(scanner, SWIFT / "one_feed_layouts")
    assert found[("ArtistPageView.swift", 33)] == [45]  # the grid's last tile, same fetchMoreTracks()
    assert found[("ArtistPageView.swift", 63)] == []  # the albums: another load, another finding
    assert found[("StationSearchView.swift", 14)] == [26]  # the row builder's count - 4 trigger
    assert found[("FollowedFeedView.swift", 28)] == [47]
    assert ("FollowedFeedView.swift", 71) in found  # another View struct of the file
    assert ("StationSearchView.swift", 45) in found and ("StationSearchView.swift", 54) in found  # two models, two feeds


def test_swift_footers_of_one_body_list_the_others_as_related(scanner):
    found = _folded(scanner, SWIFT / "footer_trigger_packages" / "Reader")
    finder = [sites for (name, line), sites in found.items() if name == "ReaderLists.swift" and sites]
    assert finder == [[39]]


def test_the_persons_own_playlist_paged_from_the_local_database_is_info(scanner):
    # a playlist screen whose loader reads a DAO page: the person's own list (info); a playlist the
    # same app fetches from a streaming service's web client stays warning
    found = _findings(scanner, REPO / "fixtures" / "infinite-scroll" / "dart" / "mixtape_library_app")
    severity = {name: f.severity for (name, _), f in found.items()}
    assert severity == {"playlist_library_screen.dart": "info", "streaming_playlist_screen.dart": "warning"}
