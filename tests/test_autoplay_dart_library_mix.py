"""fm18 harmonoid: a Dart player that appends a shuffled mix of the library after the person's list,
under a setting stored on by default, goes on into songs the app picks (warning); the same append
behind a setting that is off by default, or a shuffle of the person's own list, stays the info queue finding."""

from __future__ import annotations

from designlint.config import Config
from designlint.testing import fixture_findings
from conftest import REPO

MIX = REPO / "fixtures" / "autoplay" / "dart" / "library_mix"


def _findings():
    return fixture_findings(MIX, "autoplay", Config(root=REPO))


def test_mix_on_by_default_is_a_warning():
    mixed = [f for f in _findings() if f.path.endswith("shelf_player.dart")]
    assert [f.severity for f in mixed] == ["warning"] and "songs the app picks" in mixed[0].message


def test_mix_off_by_default_stays_the_queue_info():
    radio = [f for f in _findings() if f.path.endswith("radio_player.dart")]
    assert [f.severity for f in radio] == ["info"] and "queue the person started" in radio[0].message
