"""tvOS "Up Next" content proposals (AVKit), for the `autoplay` rule.

An `AVContentProposal` set as an item's `nextContentProposal` is offered as the item ends; AVKit
accepts it by itself unless its `automaticAcceptanceInterval` is NaN, and a proposal view
controller given a `dateOfAutomaticAcceptance` accepts it when that countdown runs out. Accepting
plays the proposed item: the next video starts with nobody pressing anything (auto-advance).
A proposal accepted only by the card's own button (interval NaN, date cleared) is not reported.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.autoplay_mobile_situation import strip_comments
from designlint.checks.util import ancestors, text

# A non-nil countdown date on a proposal card: `card.dateOfAutomaticAcceptance = Date().addingTimeInterval(10)`.
COUNTDOWN = re.compile(r"\bdateOfAutomaticAcceptance\s*=\s*(?!nil\b)\S")
# Automatic acceptance turned off: the interval set to NaN, or the card's date cleared.
MANUAL_ONLY = re.compile(r"\bautomaticAcceptanceInterval\s*=\s*(?:\.nan|Double\.nan|TimeInterval\.nan|CGFloat\.nan)\b|\bdateOfAutomaticAcceptance\s*=\s*nil\b")


def content_proposal_advance(ctx: CheckContext) -> Verdict | bool:
    """`card.dateOfAutomaticAcceptance = <date>` (a countdown that accepts the next item), or
    `item.nextContentProposal = proposal` when neither this file nor another file of the project
    that handles proposals (the card's class) sets such a countdown (reported there: one finding per
    card) or turns automatic acceptance off."""
    assignment = ctx.node if ctx.node.type == "assignment" else next((a for a in ancestors(ctx.node) if a.type == "assignment"), ctx.node)
    target = assignment.child_by_field_name("target") or (assignment.named_children[0] if assignment.named_child_count else None)
    value = assignment.child_by_field_name("result") or (assignment.named_children[-1] if assignment.named_child_count > 1 else None)
    if target is None or value is None or text(value).strip() == "nil":
        return False
    if project_index.in_unused_class(ctx.node, ctx):
        return False  # a player host nothing in the project creates never shows the card
    if text(target).endswith("dateOfAutomaticAcceptance"):
        return Verdict(message="an \"Up Next\" card accepts itself when its countdown runs out (dateOfAutomaticAcceptance), so the next item plays by itself (auto-advance)")
    if any(COUNTDOWN.search(source) or MANUAL_ONLY.search(source) for source in _proposal_sources(ctx)):
        return False
    return Verdict(message="the next item's content proposal (nextContentProposal) is accepted by itself when playback ends (AVKit's automatic acceptance is on unless automaticAcceptanceInterval is NaN), so the next item plays by itself (auto-advance)")


def _proposal_sources(ctx: CheckContext) -> list[str]:
    """This file and the project's other files that handle content proposals (the card class often
    has a file of its own), without comments."""
    try:
        files = project_index.for_context(ctx).files()
    except Exception:  # no project around the file
        files = {}
    own = str(ctx.path.resolve())
    others = [data for path, data in files.items() if path != own and b"AutomaticAcceptance" in data]
    return [strip_comments(data.decode("utf-8", "replace")) for data in [ctx.data, *others]]
