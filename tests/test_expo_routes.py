"""expo-router file routes: the route of a screen file (checks/expo_routes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from designlint.checks.expo_routes import _route_pattern, route_of


@pytest.mark.parametrize(
    ("path", "segments"),
    [
        ("/p/app/(auth)/player/direct-player.tsx", ["player", "direct-player"]),
        ("/p/app/(tabs)/index.tsx", []),
        ("/p/src/app/watch/[id].tsx", ["watch", "[id]"]),
        ("/p/app/movie.native.tsx", ["movie"]),
    ],
)
def test_route_of_a_screen(path, segments):
    folder, found = route_of(Path(path))
    assert found == segments
    assert folder == Path("/p")


@pytest.mark.parametrize("path", ["/p/app/_layout.tsx", "/p/app/+not-found.tsx", "/p/components/Player.tsx", "/p/app/api/+api.ts"])
def test_not_a_screen(path):
    assert route_of(Path(path)) is None


def test_route_pattern_reads_groups_params_and_queries():
    pattern = _route_pattern(["player", "[id]"])
    for target in ("/player/42", "player/${item.Id}?audio=1", "/(auth)/player/abc", "/player/x#t"):
        assert pattern.match(target), target
    for target in ("/players/42", "/player", "/other/player/42"):
        assert not pattern.match(target), target
