"""Every annotated fixture, checked both ways: each `designlint-expect` is flagged on its line,
each `designlint-ok` is not, and nothing unannotated is flagged. Also checks coverage: every
language a core rule claims has positives and near misses in several files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from designlint.config import Config
from designlint.testing import fixture_scanner, parse_annotations, run_fixtures
from conftest import REPO

FIXTURES = REPO / "fixtures"
WEB_LANGUAGES = ("javascript", "typescript", "tsx", "html", "vue", "svelte")
CORE_RULES = ("infinite-scroll", "autoplay")
FIXTURE_FILES = sorted(p for p in FIXTURES.rglob("*") if p.is_file())


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
    folder = FIXTURES / rule_id / language
    counts: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if path.is_file():
            for a in parse_annotations(path.read_text(encoding="utf-8")):
                if a.rule_id == rule_id:
                    counts[a.kind] += 1
    assert counts["expect"] >= 4, f"{folder}: {counts['expect']} positives (need 4)"
    assert counts["ok"] >= 3, f"{folder}: {counts['ok']} near misses (need 3)"


def test_the_annotation_check_can_fail(tmp_path):
    """Guard against a harness that passes everything: a wrong annotation must fail."""
    bad = tmp_path / "autoplay" / "html" / "bad.html"
    bad.parent.mkdir(parents=True)
    bad.write_text('<!-- designlint-ok: autoplay -->\n<video autoplay src="a.mp4"></video>\n<!-- designlint-expect: autoplay -->\n<p>calm</p>\n')
    [result] = run_fixtures([bad], Config(root=REPO))
    assert any("near miss flagged" in f for f in result.failures)
    assert any("missing" in f for f in result.failures)
