"""Swift autoplay message: a start gated by a `@Published` flag that another file's scroll handler sets
on the visible cells is described as starting on scroll, not on load (fm17 dekrypt VideoCarouselCellV2)."""

from __future__ import annotations

from designlint.config import Config
from designlint.testing import fixture_findings
from conftest import REPO


def test_published_gate_set_on_visible_cells_names_the_scroll():
    [finding] = fixture_findings(REPO / "fixtures" / "autoplay" / "swift" / "visiblegate", "autoplay", Config(root=REPO))
    assert "scrolls into view" in finding.message
    assert "setActive, which sets wantsPlay" in finding.message
    assert "screen loads" not in finding.message
