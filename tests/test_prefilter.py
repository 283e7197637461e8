"""The byte prefilter is safe: on every fixture it changes nothing but the work done. (Scanning
every fixture a second time in one process also proves that checks keep no state between files.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from designlint.config import Config
from designlint.files import Discoverer
from designlint.rules import parse_rule
from designlint.runner import Scanner, ScanOptions
from conftest import REPO


def _scanner(prefilter: bool, select: list[str] | None = None) -> Scanner:
    return Scanner(Config(root=REPO), ScanOptions(select=select, prefilter=prefilter))


def test_prefilter_changes_no_finding_on_any_fixture():
    files = Discoverer(respect_gitignore=False).discover([REPO / "fixtures"]).files
    on, off = _scanner(True), _scanner(False)
    for path, kind in files:
        with_filter = on.scan_file(path, kind)
        without = off.scan_file(path, kind)
        assert [f.__dict__ for f in with_filter[0]] == [f.__dict__ for f in without[0]], path
        assert with_filter[2] == without[2], path


def test_file_without_any_patterns_words_is_not_parsed(tmp_path, monkeypatch):
    import designlint.runner as runner

    parsed: list[str] = []
    original = runner.parse_source
    monkeypatch.setattr(runner, "parse_source", lambda path, raw, kind, deadline=None: parsed.append(path.name) or original(path, raw, kind, deadline))
    (tmp_path / "plain.ts").write_text("export const add = (a: number, b: number) => a + b;\n")
    (tmp_path / "player.ts").write_text("const v = document.querySelector('video'); v.play();\n")
    scanner = _scanner(True, ["autoplay"])  # every autoplay pattern has words to look for
    result = scanner.scan([tmp_path])
    assert parsed == ["player.ts"] and result.files_scanned == 2 and result.lines_scanned == 2


@pytest.mark.parametrize(
    "value,groups",
    [(["Play", "autoplay"], ((b"play", b"autoplay"),)), ([["random"], ["gems", "coins"]], ((b"random",), (b"gems", b"coins")))],
)
def test_prefilter_syntax(value, groups):
    data = {
        "id": "probe", "name": "P", "severity": "info", "summary": "s", "criteria": ["uk-aadc-05"],
        "docs": {"what": "w", "why": "y", "example": "e", "instead": "i"},
        "patterns": [{"id": "p", "languages": ["javascript"], "message": "m", "query": "(identifier) @match", "prefilter": value}],
    }
    pattern = parse_rule(Path("probe.yaml"), data).patterns[0]
    assert pattern.prefilter == groups
    assert pattern.admits(b"const random = gems + play;") == (groups[0][0] in (b"play", b"random"))


@pytest.mark.parametrize(
    "query,words",
    [
        ('((call_expression function: (member_expression property: (property_identifier) @fn)) @match (#match? @fn "^(play|playVideo)$"))',
         {(b"play", True), (b"playvideo", True)}),
        ('((new_expression constructor: (identifier) @c) @match (#eq? @c "IntersectionObserver"))', {(b"intersectionobserver", True)}),
        ('([(function_declaration) (arrow_function)] @match (#match? @match "(?i)scroll|offsetHeight"))', {(b"scroll", False), (b"offsetheight", False)}),
        ('((attribute (attribute_name) @a) @match (#match? @a "^(:|v-bind:)?[aA][uU][tT][oO][pP][lL][aA][yY]$"))', {(b"autoplay", False)}),
        ('[((identifier) @a (#eq? @a "foo")) ((identifier) @b (#eq? @b "barbaz"))]', {(b"foo", True), (b"barbaz", True)}),
        # a capture missing from some matches (optional, or in one branch only) proves nothing
        ('((pair key: (_) @k value: (_)? @v) @match (#eq? @v "true"))', None),
        ('((call_expression function: [(identifier) @fn (member_expression property: (property_identifier) @p)]) @match (#eq? @fn "play"))', None),
        ('((identifier) @a (#eq? @a "foo")) ((string) @s)', None),
        ('((identifier) @a (#match? @a "^(on|off)$"))', None),  # too short to be worth it
        ('((function_declaration) @match)', None),
    ],
)
def test_words_derived_from_queries(query, words):
    from designlint.prefilter import derive

    got = derive(query)
    assert (None if got is None else {(w.text, w.whole) for w in got}) == words


def test_whole_words_must_stand_alone():
    from designlint.prefilter import Word, admits

    play = (Word(b"play", True),)
    assert admits(play, b"video.play();") and admits(play, b"x = play")
    assert not admits(play, b"display: none; autoplay")


def test_explicit_copy_prefilters_cover_the_phrases_the_checks_look_for():
    """The re-engagement copy patterns list words by hand: every phrase REENGAGE can match
    must contain one of them (else a file would be skipped that the check would report)."""
    import re

    from designlint.checks.notification_spam import REENGAGE
    from designlint.prefilter import regex_words
    from designlint.rules import load_rules

    needed = regex_words(REENGAGE.pattern, re.I)
    assert needed
    rule = next(r for r in load_rules() if r.id == "notification-spam")
    for pattern in (p for p in rule.patterns if p.id.startswith("reengagement-copy")):
        [group] = pattern.prefilter
        for word in needed:
            assert any(listed in word.text for listed in group), (pattern.id, word.text)


def test_loot_box_payment_prefilter_covers_every_payment_word_of_the_check():
    from designlint.checks import loot_box
    from designlint.rules import load_rules

    rule = next(r for r in load_rules() if r.id == "loot-box")
    [group] = next(p for p in rule.patterns if p.id == "paid-random-function").prefilter
    needed = set(loot_box.CURRENCY_WORDS) | set(loot_box.PRICE_WORDS) | set(loot_box.SPEND_VERB_STRONG)
    needed |= {"purchase", "checkout", "invoice", "buy", "order", "approved", "verified", "402", "payment"}
    for word in needed:
        assert any(listed.decode() in word for listed in group), word
