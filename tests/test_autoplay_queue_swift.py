"""Session 15, decision B on iOS: a player moving on through the queue the person started is an
info finding, one per player engine; songs the app picks after the queue and a video's next
episode stay warnings."""

from __future__ import annotations

from designlint.config import Config
from designlint.findings import fold_same_behaviour
from designlint.testing import fixture_findings
from conftest import REPO

QUEUES = REPO / "fixtures" / "autoplay" / "swift" / "queues"


def _findings():
    return fold_same_behaviour(fixture_findings(QUEUES, "autoplay", Config(root=REPO)))


def test_queue_advance_is_info_and_one_finding_per_engine():
    found = _findings()
    queued = [f for f in found if "queue the person started" in f.message]
    assert queued and all(f.severity == "info" for f in queued)
    deck = [f for f in queued if f.path.endswith("TrackDeck.swift")]
    assert len(deck) == 1 and any(site["line"] == 41 for site in deck[0].related)  # AVQueuePlayer folded in


def test_app_picks_and_video_episodes_stay_warnings():
    found = [f for f in _findings() if f.path.endswith("QueueNearMisses.swift")]
    assert sorted(f.severity for f in found) == ["warning", "warning"]
    assert any("songs the app picks" in f.message for f in found)
