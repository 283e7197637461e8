"""Swift: the end of a video recognised through the player's state enum in a playback state handler
(`if newState == .ended { … }`, `case .ended:` in `switch playbackState`), whose branch starts the next
item, directly (`playNext()`) or through an "Up next" countdown that plays it when it runs out
(`startAutoplayCountdown()` -> `Timer.scheduledTimer { … playNextInQueue() }`), also when the countdown
is a method of the same type written in another file (an `extension PlayerSheet` file).

Not reported: an `.ended` branch that only shows a replay button, hides controls or stops a timer; a
countdown whose expiry only dismisses; a branch whose advance is guarded by an autoplay setting that is off
unless the person turns it on; a gesture recogniser's `.ended`, an audio interruption's `.ended` or a
Combine completion's `.finished` (not a playback state); a branch that hands the end to a function named for
it (`handleVideoEnded()`), which swift-ended-function-advance reports.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.autoplay_mobile_situation import ADVANCE, AUTOPLAY_FLAG, flag_defaults_off, function_named, is_muted, situation, strip_comments, verdict
from designlint.checks.polyglot import calls, enclosing_functions, function_name
from designlint.checks.util import ancestors, text

END_CASES = frozenset({"ended", "finished", "didFinishPlaying", "playedToEnd", "reachedEnd", "endReached", "playbackEnded"})
# The compared or switched value is the player's state (`newState`, `playerState?.playbackState`, `player.status`) ...
STATE_SUBJECT = re.compile(r"(?i)(state|status)\W*$")
# ... and not a gesture, a touch, an audio session interruption or a publisher's completion.
NOT_PLAYBACK = re.compile(r"(?i)gesture|recogni[sz]er|\bpan\b|pinch|swipe|drag|touch|sender|press|interruption|completion|scroll|keyboard|animation|transition|download|upload|task")
# The handler, the type or the compared value speaks of playing media.
PLAYBACK_WORDS = re.compile(r"(?i)play|video|media|audio|track|episode|clip|movie|stream")
COUNTDOWN = re.compile(r"\bTimer\s*\.\s*(scheduledTimer|publish)\b|\basyncAfter\s*\(|\bTask\s*\.\s*sleep\b|\bperform\s*\(\s*#selector\([^)]*\)\s*,\s*with\s*:[^)]*afterDelay")
# A function named for the end itself: reported by swift-ended-function-advance, not again here.
ENDED_FUNCTION = re.compile(r"(?i)(ended|end|finished|finishedPlaying|didFinish\w*|completed?)$")
TYPE_DECLARATIONS = ("class_declaration", "struct_declaration", "protocol_declaration")


def _subject_and_branch(node: Node) -> tuple[str, Node] | None:
    """(the value compared with `.ended`, the statements that run when it matches)."""
    if node.type == "switch_pattern":
        entry = node.parent
        switch = entry.parent if entry is not None else None
        if entry is None or switch is None or switch.type != "switch_statement":
            return None
        subject = next((c for c in switch.named_children if c.type not in ("switch_entry", "comment")), None)
        body = next((c for c in entry.named_children if c.type == "statements"), None)
        return (text(subject), body) if subject is not None and body is not None else None
    equality = node.parent  # `.ended` in `newState == .ended`
    if equality is not None and equality.type == "conjunction_expression" and equality.named_children[0].id == node.id:
        equality = equality.parent  # `newState == .ended && autoplayNext`, parsed as `newState == (.ended && …)`
    if equality is None or equality.type != "equality_expression" or "==" not in [c.type for c in equality.children]:
        return None
    branch = equality.parent
    while branch is not None and branch.type in ("conjunction_expression", "tuple_expression"):
        branch = branch.parent  # `if newState == .ended && autoplayNext`
    if branch is None or branch.type != "if_statement":
        return None
    body = next((c for c in branch.named_children if c.type == "statements"), None)
    other = [c for c in equality.named_children if not (c.start_byte <= node.start_byte < c.end_byte)]
    return (text(other[0]), body) if other and body is not None else None


def _type_name(node: Node) -> str:
    owner = [a for a in ancestors(node) if a.type in TYPE_DECLARATIONS]
    if not owner:
        return ""
    head = text(owner[-1]).split("{", 1)[0]
    found = re.search(r"\b(?:class|struct|extension|actor|enum)\s+([A-Za-z_][\w.]*)", head)
    return found.group(1).split(".")[-1] if found else ""


def _own_method_text(name: str, owner: str, node: Node, ctx: CheckContext) -> str:
    """The code of the method `name` of this type: in this file, or in an extension of the type in another
    file of the project (`extension PlayerSheet { func startAutoplayCountdown() { … } }`)."""
    here = function_named(name, ctx)
    if here is not None:
        return text(here)
    if not owner:
        return ""
    definitions = [d for d in project_index.for_context(ctx).definitions(name) if d.path.endswith(".swift")]
    mine = next((d.text for d in definitions if d.owner == owner), "")
    if mine or not _closure_property(name, node):
        return mine
    # `let startAutoplayCountdown: () -> Void`, a closure that a view of this file hands the modifier it builds:
    # that view's own method of the name (`startAutoplayCountdown: startAutoplayCountdown`)
    code = ctx.data.decode("utf-8", "replace")
    if not re.search(rf"\b{re.escape(name)}\s*:\s*(?:self\.)?{re.escape(name)}\b", code):
        return ""
    return next((d.text for d in definitions if d.owner and re.search(rf"\b(?:struct|class|extension)\s+{re.escape(d.owner)}\b", code)), "")


def _closure_property(name: str, node: Node) -> bool:
    owner = [a for a in ancestors(node) if a.type in TYPE_DECLARATIONS]
    return bool(owner) and re.search(rf"\b(?:let|var)\s+{re.escape(name)}\s*:\s*[^=\n]*->", text(owner[-1])) is not None



# What stops, hides or shows something: no advance, though its name is an autoplay countdown's (`stopAutoplayCountdown()`).
HALTS = re.compile(r"(?i)^(stop|cancel|reset|invalidate|pause|hide|show|dismiss|clear|end)")


def _advances(code: str) -> set[str]:
    """The names of the calls in `code` that start the next item (`playNextInQueue`, `advanceToNextItem`),
    or an autoplay countdown (`startAutoplayCountdown`), not those that stop one."""
    found = set()
    for match in ADVANCE.finditer(code):
        name = re.match(r"[\w.]*", match.group(0)).group(0).split(".")[-1]
        if not HALTS.match(name):
            found.add(name or match.group(0))
    return found


def ended_state_advance(ctx: CheckContext) -> Verdict | bool:
    """`if newState == .ended { startAutoplayCountdown() }` in a playback state handler, where the
    countdown (or the branch itself) plays the next item."""
    node = ctx.node
    if ctx.language != "swift":
        return False
    found = _subject_and_branch(node)
    if found is None:
        return False
    subject, body = found
    if not STATE_SUBJECT.search(subject) or NOT_PLAYBACK.search(subject):
        return False
    handler = next((f for f in enclosing_functions(node) if function_name(f)), None)
    handler_name = function_name(handler) if handler is not None else ""
    owner = _type_name(node)
    # `.onChange(of: model.playbackState) { _, newState in … }`: the value the closure watches
    watched = " ".join(text(c) for a in ancestors(node) if a.type == "call_suffix" for c in a.named_children if c.type == "value_arguments")
    if not PLAYBACK_WORDS.search(f"{subject} {handler_name} {owner} {watched}") or NOT_PLAYBACK.search(handler_name):
        return False
    if situation(node, ctx, screens=False)[0] == "user":
        return False  # `func togglePlayPause() { if state == .ended { … } }`: the person's tap
    branch = strip_comments(text(body))
    advances, countdown = _advances(branch), False
    for call in calls(body):
        if call.receiver.rstrip("?!") not in ("", "self") or not call.name:
            continue
        if ENDED_FUNCTION.search(call.name):
            return False  # `handleVideoEnded()`: the end handler reports itself (swift-ended-function-advance)
        code = strip_comments(_own_method_text(call.name, owner, node, ctx))
        if not code:
            continue
        advances -= {call.name}  # judged by what the method does, not by its name
        inner = _advances(code.split("{", 1)[-1])
        advances |= inner
        countdown = countdown or bool(inner and COUNTDOWN.search(code))
    if not advances:
        return False  # a replay button, hidden controls, a countdown that only dismisses
    for flag in AUTOPLAY_FLAG.finditer(branch + " " + " ".join(text(a).split("{", 1)[0] for a in ancestors(body) if a.type == "if_statement")):
        if flag_defaults_off(flag.group(1), ctx):
            return False  # `if autoplayNext { … }` with `@AppStorage("autoplayNext") var autoplayNext = false`: an opt-in
    what = subject.strip() + " == ." + text(node).lstrip(".") if node.type != "switch_pattern" else f"case {text(node)} of {subject.strip()}"
    where = (f" in {handler_name}()" if handler.type == "function_declaration" else f" in {handler_name}") if handler is not None and handler_name else ""
    if countdown:
        message = f"the player's end state ({what}{where}) starts an up-next countdown that plays the next item when it runs out (auto-advance)"
    else:
        message = f"the player's end state ({what}{where}) starts the next item by itself (auto-advance)"
    return verdict(message, is_muted(node, ctx))
