"""When a mobile branch says "the list is near its end" and which call it runs (Kotlin, Java, Swift, Dart).

* a branch (`if`, `guard`, `when` entry) whose condition says "the list is near its end", with
  local names and getters followed to their definition in the file
  (`lastVisible + threshold >= totalItemCount` where `lastVisible =
  layoutManager.findLastVisibleItemPosition()`; `_isBottom` where `bool get _isBottom => ...
  maxScrollExtent`): `near_end`;
* scroll-API conditions (RecyclerView positions, `canScrollVertically(1)`, Compose
  `visibleItemsInfo` / `totalItemsCount`, Flutter `maxScrollExtent` / `extentAfter`, UIKit
  `contentSize`) accept any call that is not UI work (a callback, `bloc.add(PostFetched())`,
  `items.addAll(...)`); row-index conditions (`item == items.last`, `index == items.length - 1`)
  need a loader name (or grow the list in place, `items += more`) and must sit where rows are
  built or shown (`onAppear`, `willDisplay`, `itemBuilder`, `onBindViewHolder`, a Compose
  `items {}` block); local values are followed through their compound assignments (`h -= ...`):
  `branch_load`;
* SwiftUI `.onChange(of:)` of state that moves as the list scrolls (a paged `TabView` selection, a
  `.scrollPosition(id:)` binding, an index rows record in `.onAppear` / `.onDisappear`): its new value is
  the reached row under any name (swiftui_scroll_state.py);
* the near misses the triggers share: chats loading their history (a bottom-up list,
  `chat_history`), and a branch inside one of the same function that already reports the load (`covered`).
"""

from __future__ import annotations

import re
from pathlib import Path
from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext
from designlint.checks.infinite_scroll_mobile_loads import (
    BRANCH_TYPES, DECLARATION_TYPES, IDENTIFIER, IDENTIFIER_TYPES, LOAD_MORE_ARGUMENT, MODEL_RECEIVER, NOT_DATA,
    NOT_LOADER, STRONG_LOADER, call_name, collection_getter, conditions, definitions_of, enclosing_type_name,
    expanded_text, in_user_action, last_name, load_verb, loads, named_function, page_state_bump, short, task_submission,
    with_trailing_lambda,
)
from designlint.checks.polyglot import Call, argument_nodes, calls, enclosing_functions, function_name, functions_by_name
from designlint.checks.swiftui_scroll_state import scroll_position
from designlint.checks.util import FUNCTION_TYPES, ancestors, closing_bracket, text, text_without_comments, walk


# Conditions that compare a scroll position with the end of the content.
CONTENT_END = "the scroll offset nears contentSize.height"
SCROLL_END = [
    (re.compile(r"findLast\w*Visible\w*Positions?"), re.compile(r"(?i)item_?count|total|\bsize\b|\bcount\b|length|lastIndex|threshold"),
     "the last visible item nears the end of the RecyclerView (findLastVisibleItemPosition near itemCount)"),
    (re.compile(r"(?i)(\b|(?<=get))last_?(completely_?)?visible(_?item)?(_?pos(ition)?)?\b"), re.compile(r"(?i)item_?count|total_?item|\btotal\b|\bgetCount\(\)"),
     "the last visible item nears the end of the list (lastVisible near itemCount)"),
    (re.compile(r"(?i)first_?visible\w*|past_?visible\w*"), re.compile(r"(?i)(visible_?item_?count|child_?count|visible_?count)[\s\S]*(?<!visible)(?<!visible_)(item_?count|total)|(?<!visible)(?<!visible_)(item_?count|total)[\s\S]*(visible_?item_?count|child_?count|visible_?count)"),
     "the visible items reach the end of the list (firstVisibleItem + visibleItemCount near totalItemCount)"),
    (re.compile(r"canScrollVertically\(\s*(1|\+1|(\w+\.)?FOCUS_DOWN|SCROLL_DIRECTION_DOWN|DIRECTION_DOWN)\s*\)"), None,
     "the list can no longer scroll down (canScrollVertically(1) is false)"),
    (re.compile(r"\bcanScrollForward\b"), None, "the lazy list can no longer scroll forward (canScrollForward is false)"),
    (re.compile(r"visibleItemsInfo|lastVisibleItemIndex"), re.compile(r"totalItemsCount|\bsize\b|\bcount\b|lastIndex|itemCount"),
     "the last visible item of the lazy list nears totalItemsCount (layoutInfo.visibleItemsInfo)"),
    (re.compile(r"maxScrollExtent"), re.compile(r"pixels|offset|extent|\bscroll", re.I),
     "the scroll position nears maxScrollExtent"),
    (re.compile(r"\bextentAfter\b"), None, "the remaining scroll extent (extentAfter) is small"),
    (re.compile(r"\batEdge\b"), re.compile(r"pixels\s*(!=|>)\s*0|!\s*_?isTop\b|pixels\s*(==|>=)\s*[\w.]*maxScrollExtent|\b_?isBottom\b"),
     "the list is scrolled to its bottom edge (position.atEdge away from the top)"),
    (re.compile(r"contentSize(?!\s*=[^=])(?!\.width)"), re.compile(r"(?i)offset|bottom|scroll"),  # not `contentSize = CGSize(...)`
     CONTENT_END),
    (re.compile(r"(?i)scroll_?y\b|\.scrollY\b|getScrollY\(\)"), re.compile(r"getChildAt\(0\)|\.getChildAt\(0\)|children\.first\(\)|getChildAt\(\s*(\w+\.)?(childCount|getChildCount\(\))\s*-\s*1\s*\)"),
     "the scroll position reaches the bottom of the scroll view"),
    # states, not actions: `didScrollToBottom`, `isScrolledToEnd`, `needPagination()`; a
    # `scrollToBottom()` action or a scroll-to-bottom button says nothing about loading
    (re.compile(r"(?i)scrolled_?to_?(the_?)?(end|bottom)|did_?scroll_?to_?(the_?)?(end|bottom)|\b_?(is|at)_?(at_?)?(the_?)?bottom\b|is_?at_?(the_?)?end\b|near_?(the_?)?(end|bottom)\b"
                r"|need_?paginat\w*|needs?_?more_?(page|data|items|content)?\b|should_?(load|fetch)_?(more|next)|should_?paginate|reached_?bottom\b"
                r"|end_?of_?(the_?)?list_?reached|bottom_?reached|reach(ed|ing)_?(the_?)?(bottom|end)\b|end_?of_?list_?visible|is_?last_?item_?visible"), None,
     "the list is scrolled to the bottom"),
]
# Conditions that compare a row's index (or the row itself) with the last one.
ROW_POSITION = re.compile(r"(?i)\b(index|idx|i|position|pos|row|item|it|element|post|entry|page|current\w*|indexPath|index_?path)\b|\.(row|item|id|index)\b"
                          r"|(?-i:[a-z](Index|Position|Idx|Row)\b)")
ROW_END = re.compile(r"(?i)\.(count|size|length|lastIndex|last|endIndex|itemCount|getItemCount\(\))\b|\b(count|size|length|lastIndex|itemCount|getItemCount\(\))\b|\bget(Item)?(Size|Count|Length)\(\)|(?-i:[a-z](Count|Size|Length)\b)|isLast(?!_?Page)\w*|lastItem|last_?(row_?|item_?|cell_?)?index|last_?(row|cell)\b|(?-i:\b[uúUÚ]ltim[oa](?![a-z]))"
                     r"|\bnumberOf(Rows|Items|Objects|Elements|Cells|Records)\b|\btotal_?(items?|count)\b|\bitems_?loaded\b|\bloaded_?(items|count)\b")
NEGATED_SCROLL = re.compile(r"!\s*[\w.()?]*canScroll\w*\([^)]*\)|canScroll\w*\([^)]*\)\s*(==|===)\s*false|!\s*[\w.?]*canScrollForward|canScrollForward\s*==\s*false")
LAST_ROW = re.compile(r"(==|===)\s*[\w.?!()]*\.last\b|\.last\b[\w.?!()]*\s*(==|===)|\.lastIndex\b|\bisLast(?!_?Page)\w*\(|\.last\?\.id\b")
COMPARISON = re.compile(r"===|==|!=|>=|<=|(?<![-=>])>|<")
OPERATOR_LINE_BREAK = re.compile(r"(?<=[-+*/%<>=])[ \t]*\n\s*|[ \t]*\n\s*(?=[-+*/%<>=](?!>))")
CONDITION_PARTS = re.compile(r"&&|\|\||\band\b|\bor\b|,|;|\n")
# `indexPath.row % pageSize == 5`: a given row of every page (the next page is asked for before the end is reached).
PAGE_MODULO_ROW = re.compile(r"(?i)(\b(index|idx|row|item|position|pos)\b|\.(row|item)\b|(?-i:[a-z](Index|Position|Row)\b))\s*%\s*[\w.]*(page|per_?page|limit|batch|chunk)\w*\s*(==|>=)\s*[\w.]+")

# Loading the older messages of a chat or history (often a footer of an upside-down table) is
# not a feed that never ends: the conversation has a start.
CHAT_HISTORY = re.compile(r"(?i)(^|[^a-z])(load|fetch|get|request|pull)_?(more_?|older_?|previous_?|earlier_?)?history|(chat|message|conversation|msg)s?_?history|history_?(messages?|chats?)\b|\bhistory\b"
                          r"|older_?messages?|earlier_?messages?|previous_?messages?|oldest_?message|load_?(earlier|previous)")
# A list laid out bottom-up (a chat): its "end" is the start of the conversation.
REVERSED_LIST = re.compile(r"reverse\s*:\s*true|axisDirection\s*:\s*AxisDirection\.up\b|reverseLayout\s*=\s*true|stackFromEnd\s*=\s*true|setStackFromEnd\(\s*true|setReverseLayout\(\s*true|scaleX:\s*1,\s*y:\s*-1")

# Where a row-index condition means "the last row is being shown or built".
ROW_CONTEXT_FUNCTIONS = re.compile(r"^_?(\w*[Aa]ppear\w*|onBindViewHolder|getView|getGroupView|getChildView|bind|onBind|convert|onViewAttachedToWindow|getItem|onPageSelected|onPageChanged|itemBuilder|builder|build\w*Item\w*|onScrolled|onScrollStateChanged|onScroll|scrollViewDidScroll|loadMore\w*IfNeeded|\w*IfNeeded)$")
ROW_CONTEXT_CALLS = re.compile(r"^(onAppear|task|ForEach|List|LazyVStack|LazyHStack|LazyVGrid|LazyHGrid|items|itemsIndexed|item|LaunchedEffect|SideEffect|DisposableEffect|builder|separated|onVisibilityChanged|VisibilityDetector|SliverChildBuilderDelegate)$")
ROW_CONTEXT_LABELS = re.compile(r"\b(willDisplay|cellForRowAt|cellForItemAt|prefetchRowsAt|prefetchItemsAt|willDisplayCell|itemBuilder|builder)\b")


def scroll_end(condition_text: str) -> str | None:
    """What a scroll-API condition says ("the scroll position nears maxScrollExtent"), or None."""
    for api, partner, what in SCROLL_END:
        # the partner is something else than the API itself (`maxScrollExtent <= 0` reads no position)
        if api.search(condition_text) and (partner is None or partner.search(api.sub(" ", condition_text))):
            return what
    return None


def row_end(condition_text: str) -> bool:
    """`item == items.last`, `index >= items.length - 3`, `indexPath.row == data.count - 1`."""
    if LAST_ROW.search(condition_text) or PAGE_MODULO_ROW.search(condition_text):
        return True
    condition_text = OPERATOR_LINE_BREAK.sub(" ", condition_text)  # `index >\n items.length -\n 5`: one comparison over three lines
    for part in CONDITION_PARTS.split(condition_text):
        if re.search(r"\bisLast(?!_?Page)", part):  # `isLastPage` says no more pages exist, not "the last row"
            return True
        found = COMPARISON.search(part)
        if found is None:
            continue
        left, op, right = part[: found.start()], found.group(0), part[found.end():]
        # the row's position reaches the list's end: `index >= items.count - 3`, `items.size - 2 <= position`
        # (not `count > 1`, nor the bounds check `position < items.size` or `i != items.count - 1`)
        if op in ("==", "===", ">=", ">") and ROW_POSITION.search(left) and ROW_END.search(right):
            return True
        if op in ("==", "===", "<=", "<") and ROW_END.search(left) and ROW_POSITION.search(right):
            return True
    return False


def guarded(branch: Node, conds: list[Node]) -> list[Node]:
    """What runs because of the branch: its body, or (for `guard` / `if (...) return`) what follows it."""
    if branch.type == "guard_statement":
        return following_statements(branch) or _after_enclosing_if(branch)
    end = conds[-1].end_byte
    alternative = branch.child_by_field_name("alternative")
    body = [c for c in branch.named_children if c.start_byte >= end and c != alternative and c.type not in ("else", "else_clause", "comment")]
    if branch.type != "when_entry" and body and _is_exit(body[0]):
        return following_statements(branch)
    return body[:1]


EXIT_TYPES = frozenset({"return_statement", "break_statement", "continue_statement", "control_transfer_statement", "jump_expression", "throw_statement"})


def _is_exit(node: Node) -> bool:
    """The branch body ends by leaving the function or loop (`return`, `break`, `guard ... else`)."""
    current = node
    while current.type in ("block", "statements", "control_structure_body") and current.named_child_count:
        current = current.named_children[-1]
    return current.type in EXIT_TYPES


def _after_enclosing_if(guard: Node) -> list[Node]:
    """Swift `if lastId != nil { guard lastId! >= items.count - 6 else { return } }`: the guard is the last
    statement of an `if` with no `else`, so what follows that `if` runs when the guard lets it through."""
    statements = guard.parent
    holder = statements.parent if statements is not None and statements.type == "statements" else None
    if holder is None or holder.type != "if_statement" or holder.child_by_field_name("alternative") is not None \
            or any(c.type == "else" for c in holder.children):
        return []
    return following_statements(holder) or _after_enclosing_if(holder)


def following_statements(stmt: Node) -> list[Node]:
    out = []
    sibling = stmt.next_named_sibling
    while sibling is not None:
        out.append(sibling)
        sibling = sibling.next_named_sibling
    return out


def loader(regions: list[Node], any_call: bool, plain_self: bool = True) -> Call | None:
    """The first call in `regions` that loads more. With `any_call`, any call that is not UI,
    scrolling or logging counts (a scroll-end condition already says what it is for); without
    `plain_self`, not a call on the object itself unless its name loads (see `loads`)."""
    for region in regions:
        for call in calls(region):
            if loads(call, any_call, plain_self):
                return call
    return None


SCROLL_EVENT = re.compile(r"\brx\.(didScroll|didEndDecelerating|didEndDragging|contentOffset|willDisplayCell)\b|\bvisibleCells\b|\bindexPathsForVisible(Rows|Items)\b")


def in_row_context(node: Node) -> bool:
    """The node runs when a row is built, bound or shown, or while the list scrolls (also an Rx
    subscription to the scroll view's events, `rx.didEndDecelerating` ... `visibleCells.last`)."""
    fn = named_function(node)
    if fn is not None and fn.type == "function_declaration" and SCROLL_EVENT.search(text(fn)):
        return True
    for a in ancestors(node):
        if a.type in FUNCTION_TYPES:
            name = function_name(a)
            if name and ROW_CONTEXT_FUNCTIONS.match(name):
                return True
            if a.type == "function_declaration" and ROW_CONTEXT_LABELS.search(signature(a)):
                return True
        if ROW_CONTEXT_CALLS.match(call_name(a)):
            return True
        if a.type == "named_argument" and re.match(r"^(itemBuilder|builder|onVisibilityChanged|onNotification|onPageChanged)\b", text(a)):
            return True
    return False


# The handler of a tap, click or long press: code in it runs because the person acted (a "next
# article" button that fetches the next batch when it stands on the last one), not by scrolling.
TAP_HANDLER_ARGUMENT = re.compile(r"^(on(Pressed|Tap|TapUp|TapDown|LongPress|DoubleTap|Click|LongClick)|action|primaryAction)$")
TAP_HANDLER_CALL = re.compile(r"^(setOnClickListener|setOnLongClickListener|onTapGesture|onLongPressGesture|clickable|combinedClickable|Button)$")
# ... and the arguments and calls that run code as rows are built or the list scrolls: a tap handler
# further out (a sheet opened from a button) does not make the rows inside it tapped
ROW_OR_SCROLL_ARGUMENT = re.compile(r"^(itemBuilder|builder|onNotification|onVisibilityChanged|onPageChanged|onScroll\w*|onEndReached\w*|onLoadMore\w*|listener)$")
ROW_OR_SCROLL_CALL = re.compile(r"^(addListener|addOnScrollListener|setOnScrollListener|setOnScrollChangeListener|onAppear|task)$")


def in_tap_handler(node: Node) -> bool:
    """The node sits in the handler of a tap (`onPressed: () async { if (idx == items.length - 1) await
    loadMore(); ... }`, also behind `cond ? null : () {...}`; Kotlin `setOnClickListener { }`, Compose
    `onClick = { }`; SwiftUI `Button(action:)`, `.onTapGesture { }`) nearer than any row builder or
    scroll listener, within its declared function."""
    for a in ancestors(node):
        if a.type in ("function_declaration", "method_declaration", "init_declaration") or (
                a.type == "function_body" and a.prev_named_sibling is not None and "signature" in a.prev_named_sibling.type):
            return False
        if a.type in ("named_argument", "value_argument") and a.named_child_count:
            label = text(a.named_children[0]).rstrip(": =").strip() if a.named_child_count > 1 or a.type == "named_argument" else ""
            if TAP_HANDLER_ARGUMENT.match(label) and (label not in ("action", "primaryAction") or _argument_of(a) == "Button"):
                return True
            if ROW_OR_SCROLL_ARGUMENT.match(label):
                return False
        if a.type in ("call_expression", "method_invocation"):
            name = call_name(a)
            if ROW_OR_SCROLL_CALL.match(name):
                return False
            if TAP_HANDLER_CALL.match(name) and name != "Button":
                return True
    return False


def _argument_of(argument: Node) -> str:
    """The name of the call an argument is passed to (`Button` for `Button(action: { ... })`)."""
    call = next((a for a in ancestors(argument) if a.type in ("call_expression", "method_invocation")), None)
    return call_name(call) if call is not None else ""


def signature(fn: Node) -> str:
    body = fn.child_by_field_name("body")
    end = body.start_byte if body is not None else fn.end_byte
    return fn.text[: end - fn.start_byte].decode("utf-8", "replace") if fn.text else ""


def _edge_context(branch: Node) -> str:
    """`atEdge` when an enclosing branch of the same function tests Flutter's
    `position.atEdge` (`if (atEdge) { if (!isTop) load(); }`)."""
    for a in ancestors(branch):
        if a.type in FUNCTION_TYPES:
            break
        if a.type in BRANCH_TYPES and any(re.search(r"\batEdge\b", text(c)) for c in conditions(a)):
            return "\natEdge"
    return ""


def near_end(ctx: CheckContext, conds: list[Node], branch: Node | None = None) -> str | None:
    """What the conditions say about the end of the list ("row" for a row-index test), or None."""
    edge = _edge_context(branch) if branch is not None and ctx.language == "dart" else ""
    for cond in conds:
        expanded = expanded_text(ctx, cond) + edge
        scroll = scroll_end(expanded)
        if scroll:
            return scroll
        if ctx.language == "dart" and _visible_positions_end(ctx, cond, expanded):
            return VISIBLE_POSITIONS_END
        if row_end(text(cond)) or (row_end(expanded) and ROW_END.search(text(cond))) or _last_alias_compared(ctx, cond):
            return "row"
        inlined = _inlined(ctx, cond)
        if inlined != text(cond) and COMPARISON.search(text(cond)) and row_end(inlined):
            return "row"  # `final offset = index + 1; if (offset + threshold > posts.length - 1)`: the row's index under a local name
        if _scroll_position_row_end(ctx, cond, branch):
            return "row"
    return None


# scrollable_positioned_list: the ItemPositionsListener reports the rows on screen; the last or largest
# visible index (`positions.last.index`, `positions.map((p) => p.index).reduce(max)`) is the bottom row.
VISIBLE_POSITIONS_END = "the last visible row of the ScrollablePositionedList nears the end of the list (ItemPositionsListener)"
ITEM_POSITIONS = re.compile(r"\bitemPositions\b|\bItemPosition\b")
BOTTOM_VISIBLE_INDEX = re.compile(r"\.last\??\.index\b|\.index\s*\)\s*\.reduce\(\s*(\w+\.)?max\b|\.lastOrNull\??\.index\b")


def _visible_positions_end(ctx: CheckContext, cond: Node, expanded: str) -> bool:
    """Dart: `lastIndex > statuses.length - 5` where `lastIndex` is the last (or largest) index an
    ItemPositionsListener reports: the person has scrolled to the last rows of the list."""
    if not ITEM_POSITIONS.search(expanded) or not BOTTOM_VISIBLE_INDEX.search(expanded):
        return False
    condition = text(cond)
    names = {text(n) for n in walk(cond) if n.type in IDENTIFIER_TYPES and not (n.prev_sibling is not None and text(n.prev_sibling) in (".", "?."))}
    for name in names:
        if any(BOTTOM_VISIBLE_INDEX.search(text(part)) for part in definitions_of(ctx, name, cond)):
            condition = re.sub(rf"(?<![\w.]){re.escape(name)}\b", "index", condition)
    condition = BOTTOM_VISIBLE_INDEX.sub(".index", condition)
    return condition != text(cond) and row_end(condition)


def _scroll_position_row_end(ctx: CheckContext, cond: Node, branch: Node | None) -> bool:
    """SwiftUI: `new >= statuses!.count - 6` where `new` is what an `.onChange` of scroll-driven state receives
    (or a parameter such a closure hands it to): the row the person reached, under any name."""
    if ctx.language != "swift" or branch is None or not ROW_END.search(text(cond)) or not COMPARISON.search(text(cond)):
        return False
    found = scroll_position(ctx, branch, text(cond))
    if found is None:
        return False
    names = "|".join(re.escape(n) for n in sorted(found[0], key=len, reverse=True))
    return row_end(re.sub(rf"(?<![\w.$])(?:self\.)?({names})\b!?", "index", text(cond)))


def _inlined(ctx: CheckContext, cond: Node) -> str:
    """The condition with each local name replaced by the value it was declared with (`offset` ->
    `(index + 1)`), so a comparison written on an offset or margin variable reads as the row test it is."""
    out = text(cond)
    names = {text(n) for n in walk(cond) if n.type in IDENTIFIER_TYPES and not (n.prev_sibling is not None and text(n.prev_sibling) in (".", "?."))}
    for name in sorted(names, key=len, reverse=True):
        parts = definitions_of(ctx, name, cond)
        if len(parts) != 1 or parts[0].type not in DECLARATION_TYPES:
            continue
        value = re.split(r"(?<![=!<>])=(?!=)", text(parts[0]), maxsplit=1)
        if len(value) == 2 and "\n" not in value[1].strip() and len(value[1]) < 200:
            out = re.sub(rf"(?<![\w.]){re.escape(name)}\b", lambda _: f"({value[1].strip().rstrip(';')})", out)
    return out


LAST_ALIAS = re.compile(r"=\s*[\w.?!]*\.last\b(?!\s*\()")


def _last_alias_compared(ctx: CheckContext, cond: Node) -> bool:
    """`let last = self.items.last!` then `if last == item`: the row is compared with a local
    copy of the list's last element."""
    if not re.search(r"===?", text(cond)):
        return False
    names = {text(n) for n in walk(cond) if n.type in IDENTIFIER_TYPES}
    return any(LAST_ALIAS.search(text(part)) for name in names for part in definitions_of(ctx, name, cond))


def _polarity_ok(what: str, conds: list[Node], after: bool) -> bool:
    """`if (!canScrollVertically(1)) load()` and `if (canScrollVertically(1)) return; load()` load at
    the end; the opposite forms run while the list can still scroll."""
    condition = " ".join(text(c) for c in conds)
    if what.startswith("the list can no longer"):
        return bool(NEGATED_SCROLL.search(condition)) != after
    if what == "the list is scrolled to the bottom" and after:
        return "!" in condition or "not " in condition
    if what == CONTENT_END:
        # `!(y < 0 || y > contentSize.height - bounds.height)`: not past either edge, inside the content
        inner = _negated_group(condition, "contentSize")
        if inner is not None and _past_content_end(inner):
            return after
    return True


def _negated_group(condition: str, word: str) -> str | None:
    """The text inside the first `!( ... )` of the condition that holds `word`, or None."""
    for m in re.finditer(r"!\s*\(", condition):
        close = closing_bracket(condition, m.end() - 1, "()")
        if close is not None and word in condition[m.end():close]:
            return condition[m.end():close]
    return None


def _past_content_end(condition: str) -> bool:
    """A comparison says the position is at or past the content's end: `offset > contentSize.height - h`,
    `contentSize.height <= bottom` (not `bottom < contentSize.height - 200`, "short of the end")."""
    for part in CONDITION_PARTS.split(condition):
        found = COMPARISON.search(part)
        if found is None or "contentSize" not in part:
            continue
        op, end_on_right = found.group(0), "contentSize" in part[found.end():]
        if (op in (">", ">=") and end_on_right) or (op in ("<", "<=") and not end_on_right):
            return True
    return False


def branch_load(ctx: CheckContext, branch: Node) -> tuple[str, Call] | None:
    """(what the condition says, the loading call) when the branch loads more near the end."""
    conds = conditions(branch)
    if not conds or in_tap_handler(branch):
        return None
    what = near_end(ctx, conds, branch)
    if what is None:
        return None
    regions = guarded(branch, conds)
    if not _polarity_ok(what, conds, after=bool(regions) and regions[0].parent != branch):
        return None
    if what == NAMED_END:
        # only a name says "bottom" (`isBottom`, `isAtEnd`): it must be about scrolling a list
        # (not a toolbar at the bottom or a video at its end) and the call must be a loader
        fn = named_function(branch)
        if fn is None or not SCROLL_CONTEXT.search(re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", text(fn))):
            return None
        call = loader(regions, any_call=False)
        return (what, call) if call is not None else None
    if what != "row":
        call = loader(regions, any_call=True, plain_self=what != CONTENT_END) or _load_hook_parameter_call(regions) or _event_method_load(ctx, regions, any_name=True) \
            or _abstract_hook_load(ctx, regions) or _stream_listener_load(ctx, regions) or page_state_bump(ctx, regions) \
            or task_submission(ctx, regions)
        return (what, call) if call is not None else None
    if not regions:
        return None
    row = f"the last row is shown ({short(_row_condition(conds))})"
    position = scroll_position(ctx, branch, " ".join(text(c) for c in conds)) if ctx.language == "swift" else None
    if position is not None:
        call = _more_of_the_list(regions)
        return (f"the last rows are reached ({short(_row_condition(conds))}; read when {position[1]})", call) if call is not None else None
    if not (in_row_context(branch) or _called_from_row_context(ctx, branch)):
        return _row_helper_load(ctx, branch, conds, regions) or _row_reported_index_load(ctx, branch, conds, regions)
    if any(PAGE_MODULO_ROW.search(text(c)) for c in conds):
        row = f"a given row of each page is shown ({short(next(c for c in conds if PAGE_MODULO_ROW.search(text(c))))})"
    if regions[0].parent != branch and branch.type != "guard_statement":
        # `if (index == items.length) return footer;` is a bounds check, unless the footer it
        # returns loads the next page when it appears (a VisibilityDetector, an onAppear)
        own = [c for c in branch.named_children if c.start_byte >= conds[-1].end_byte and c.type not in ("else", "else_clause", "comment")][:1]
        call = next((c for c in calls(own[0]) if loads(c, any_call=False) and not in_user_action(c.node, own[0])), None) if own else None
        return (row, call) if call is not None else None
    call = loader(regions, any_call=False) or _page_advance_call(regions) or _count_growth_call(conds, regions) or _list_growth(regions) \
        or _event_method_load(ctx, regions) or _abstract_hook_load(ctx, regions) or _own_fetching_method(ctx, regions) or page_state_bump(ctx, regions) \
        or task_submission(ctx, regions)
    return (row, call) if call is not None else None


# What starts a background fetch in Android code: an AsyncTask or Rx chain, a Retrofit or OkHttp call.
FETCH_START = re.compile(r"\.(execute|executeOnExecutor|executeInParallel|enqueue|subscribe|subscribeWith)\s*\(|\bnew\s+\w*(Task|Request)\s*\(")
# ... and what makes a method a restart of the list instead (pull to refresh: empty it, load page one).
LIST_RESTART = re.compile(r"\.clear\(\s*\)|\bsetRefreshing\s*\(|\b(page|pageToken|nextPageToken|offset|cursor)\s*=\s*(0|1|null|nil)\b|\breset\w*\(")


def _own_fetching_method(ctx: CheckContext, regions: list[Node]) -> Call | None:
    """Java / Kotlin: the last-row branch of an adapter calls a method of its own class whose name
    says nothing (`refresh(onFinished)`, `more()`), and that method starts a fetch (`YouTubeTasks.getX(...)
    .subscribe(...)`, `new GetPageTask().execute()`, `call.enqueue(...)`, a loader call) without emptying
    the list first (a pull-to-refresh restart `clear()`s it or goes back to page one)."""
    if ctx.language not in ("java", "kotlin"):
        return None
    functions = functions_by_name(ctx)
    for region in regions:
        for call in calls(region):
            if call.receiver not in ("", "this") or not IDENTIFIER.match(call.name) or NOT_DATA.search(call.name):
                continue
            owner = enclosing_type_name(call.node)
            for fn in functions.get(call.name, []):
                if enclosing_type_name(fn) != owner or fn.start_byte <= call.node.start_byte < fn.end_byte:
                    continue
                body = text_without_comments(fn) if fn.type != "constructor_declaration" else ""
                if body and not LIST_RESTART.search(body) and (FETCH_START.search(body) or any(loads(c, any_call=False) for c in calls(fn))):
                    return call
    return None


def _more_of_the_list(regions: list[Node]) -> Call | None:
    """What a scroll-driven `.onChange` runs near the end must fetch more of the same list: a load-more name
    (`loadMoreShorts()`), a fetch told where the loaded part ends (`fetchStatuses(lastStatusId:)`, `maxId:`),
    or the list growing in place (`posts.append(contentsOf:)`); not the last page of an onboarding pager
    loading its paywall."""
    for region in regions:
        for call in calls(region):
            if loads(call, any_call=False) and (STRONG_LOADER.search(call.name) or LOAD_MORE_ARGUMENT.search(text(call.arguments))):
                return call
    return _list_growth(regions) or _page_advance_call(regions)


def _stream_listener_load(ctx: CheckContext, regions: list[Node]) -> Call | None:
    """Dart: the end branch only adds a value to a stream subject (`trigger.add(false)`) whose listener in the
    same file (`trigger.stream.delay(d).listen((v) { bloc.dispatch(FetchPosts()); })`) runs the load."""
    if ctx.language != "dart":
        return None
    for region in regions:
        for call in calls(region):
            subject = call.receiver.strip("?!")
            if call.name not in ("add", "sink.add") or not IDENTIFIER.match(subject.removesuffix(".sink")):
                continue
            subject = subject.removesuffix(".sink")
            for listen in calls(ctx.root):
                if listen.name == "listen" and re.match(rf"^{re.escape(subject)}\.stream\b", listen.receiver) and listen.arguments is not None \
                        and any(loads(c, any_call=False) for c in calls(listen.arguments)):
                    return call
    return None


EVENT_METHOD = re.compile(r"^(will|did|on)[A-Z]\w*$")


def _event_method_load(ctx: CheckContext, regions: list[Node], any_name: bool = False) -> Call | None:
    """`if indexPath.item == viewModel.photos.count - 1 { viewModel.willDisplayLast() }`: the last row tells the
    view model an event, and that method (in another file of the project) runs a load (`fetchPhotoList()`).
    With `any_name` (the scroll offset reached the bottom), any method of a presenter or view model counts
    whose definition loads (`presenter.configureView()` running `interactor.getMovies(page:)`)."""
    index = project_index.for_context(ctx)
    for region in regions:
        for call in calls(region):
            if not (any_name or EVENT_METHOD.match(call.name)) or not MODEL_RECEIVER.search(last_name(call.receiver)) or project_index.too_common(call.name):
                continue
            for definition in index.definitions(call.name)[:4]:
                body = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", definition.text)
                body = body[body.find("{") + 1:] if "{" in body else ""
                if any(load_verb(name) and not NOT_LOADER.search(name) for name in re.findall(r"\b([A-Za-z_]\w*)\s*\(", body)):
                    return call
    return None


def _abstract_hook_load(ctx: CheckContext, regions: list[Node]) -> Call | None:
    """`if (position >= adapter.getCount() - OFFSET) reachedCloseToLastPage();` in a base screen that declares
    the hook abstract, and an override in another file of the project fetches (`service.getPosts(after)`): the
    base, where the end is tested, reports it once for its screens."""
    index, here = project_index.for_context(ctx), str(ctx.path.resolve())
    for region in regions:
        for call in calls(region):
            if call.receiver not in ("", "this", "self") or not IDENTIFIER.match(call.name) or project_index.too_common(call.name):
                continue
            classes = [a for a in ancestors(call.node) if a.type in ("class_declaration", "object_declaration")]
            if not classes or not re.search(rf"\babstract\b[^;{{}}=()]*\b{re.escape(call.name)}\s*\(", text(classes[-1])):
                continue
            for definition in index.definitions(call.name)[:6]:
                if str(Path(definition.path).resolve()) == here:
                    continue
                body = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", definition.text)
                body = body[body.find("{") + 1:] if "{" in body else ""
                if any((load_verb(name) and not NOT_LOADER.search(name)) or (collection_getter(name) and LOAD_MORE_ARGUMENT.search(args))
                       for name, args in re.findall(r"\b([A-Za-z_]\w*)\s*\(([^()]*)", body)):
                    return call
    return None


def _load_hook_parameter_call(regions: list[Node]) -> Call | None:
    """A callback handed in as a parameter of a function whose name or annotation says it is the
    load-more hook: `@BindingAdapter("setLoadMoreListener") fun setLoadMoreListener(rv: RecyclerView,
    listener: (() -> Unit)?)` whose scroll listener runs `listener?.invoke()` at the end of the list."""
    for region in regions:
        for call in calls(region):
            hook = call.receiver if call.name in ("invoke", "call") else "" if call.receiver else call.name
            if not IDENTIFIER.match(hook):
                continue
            for fn in enclosing_functions(call.node):
                head, parameters = head_and_parameters(fn)
                if function_name(fn) and re.search(rf"\b{re.escape(hook)}\b", parameters):
                    if STRONG_LOADER.search(head):
                        return call
                    break
    return None


PARAMETER_LISTS = frozenset({"function_value_parameters", "formal_parameters", "formal_parameter_list"})


def head_and_parameters(fn: Node) -> tuple[str, str]:
    """A declared function's text before its body (annotations, name, parameters) and its parameters' text."""
    body = fn.child_by_field_name("body") or next((c for c in fn.named_children if c.type in ("function_body", "block")), None)
    head = text(fn)[: (body.start_byte if body is not None else fn.end_byte) - fn.start_byte]
    lists = [c for c in fn.named_children if c.type in PARAMETER_LISTS]
    if not lists and fn.prev_named_sibling is not None and fn.type == "function_body":  # Dart: the signature is the previous sibling
        lists = [n for n in walk(fn.prev_named_sibling) if n.type in PARAMETER_LISTS][:1]
        head = text(fn.prev_named_sibling)
    parameters = " ".join(text(c) for c in lists) or " ".join(text(c) for c in fn.named_children if c.type == "parameter")
    return head, parameters


GROWTH_CALLS = frozenset({"addAll", "appendAll", "extend", "insertAll", "appendContentsOf"})
NOT_LIST = re.compile(r"(?i)page|count|offset|index|size|limit|total|height|width|score|time|progress|cursor|^(num|n|i)$")


def _list_growth(regions: list[Node]) -> Call | None:
    """At the last row the list grows in place: `self.items += last+1...last+30`,
    `items.append(contentsOf: more)`, `posts.addAll(next)` (not `page += 1`)."""
    for region in regions:
        for node in walk(region):
            if node.type in ("assignment", "assignment_expression") and any(c.type == "+=" for c in node.children):
                target, value = node.named_children[0], node.named_children[-1]
                if value.type not in ("integer_literal", "float_literal", "decimal_integer_literal", "real_literal") and not NOT_LIST.search(text(target).rsplit(".", 1)[-1]):
                    return Call(node, f"{text(target)} +=", "", None, "")
        for call in calls(region):
            if call.name in GROWTH_CALLS or (call.name == "append" and "contentsOf" in text(call.arguments)):
                return call
    return None


# What a count grows by: a number, or the length of a list (`_itemCount += _clips.length`).
GROWTH_STEP = r"\d+|[\w.]+\.(?:length|count|size)"


def _count_growth_call(conds: list[Node], regions: list[Node]) -> Call | None:
    """`if (page == itemCount - 1) { itemCount += 4; setState(() {}); }` (or `+= clips.length`): at
    the last page the list grows its own item count with no bound (not `(shown + 30).clamp(0,
    notes.length)`), and the rebuild shows the new rows."""
    for name in {m.group(1) for m in re.finditer(r"\b(\w*(?:[Cc]ount|[Ll]ength|[Ss]ize|[Tt]otal)\w*)\b", " ".join(text(c) for c in conds))}:
        grown = re.compile(rf"\b{re.escape(name)}\s*(\+=|=\s*{re.escape(name)}\s*\+)\s*({GROWTH_STEP})\s*;")
        if any(grown.search(text(r)) for r in regions):
            return next((c for r in regions for c in calls(r) if c.name == "setState"), None)
    return None


def _called_from_row_context(ctx: CheckContext, node: Node, depth: int = 2) -> bool:
    """The node's function is a helper that a row or page callback calls or is, up to two calls
    away (`onPageChanged: _onPage` where `_onPage` calls `_growFeed(page)`)."""
    fn = named_function(node)
    name = function_name(fn) if fn is not None else ""
    if not name or depth == 0:
        return False
    memo = ctx.memo.setdefault("infinite_scroll_mobile.row_helpers", {})
    if (name, depth) not in memo:
        memo[(name, depth)] = False  # recursion guard
        memo[(name, depth)] = any(
            n.type in IDENTIFIER_TYPES and text(n) == name and n.parent is not None and "signature" not in n.parent.type
            and n.parent.type not in DECLARATION_TYPES and not (fn.start_byte <= n.start_byte < fn.end_byte)
            and (in_row_context(n) or _called_from_row_context(ctx, n, depth - 1)) for n in walk(ctx.root))
    return memo[(name, depth)]


EFFECT_CALLS = re.compile(r"^(LaunchedEffect|SideEffect|DisposableEffect)$")


def _row_helper_load(ctx: CheckContext, branch: Node, conds: list[Node], regions: list[Node]) -> tuple[str, Call] | None:
    """A Compose helper that list rows in other files call, `PagingEffect(index, items.lastIndex) {
    viewModel.loadMore() }`, defined as `if (currentIndex == lastIndex - 3) SideEffect(block)`:
    at the last rows it runs the callback its callers hand it, and the callers hand it a load."""
    fn = named_function(branch)
    name = function_name(fn) if fn is not None else ""
    if ctx.language != "kotlin" or not name or project_index.too_common(name):
        return None
    params = {text(p.named_children[0]) for p in walk(fn) if p.type == "parameter" and p.named_child_count > 1
              and p.named_children[1].type == "function_type"}
    run = next((c for region in regions for c in calls(region)
                if c.name in params or (EFFECT_CALLS.match(c.name) and any(text(a) in params for a in argument_nodes(c)))), None)
    if run is None:
        return None
    site = _row_caller_handing_load(ctx, name)
    if site is None:
        return None
    return (f"the last rows are shown ({short(_row_condition(conds))}; {name}() is called for each row at {site.where()})", run)


def _row_reported_index_load(ctx: CheckContext, branch: Node, conds: list[Node], regions: list[Node]) -> tuple[str, Call] | None:
    """Kotlin: a view-model method that each lazy-list row calls with its index (`itemsIndexed { i, post ->
    model.onRowShown(i) }` in another file), whose body compares that index with the list's end
    (`if (i == posts.lastIndex) loadNextPage()`) and loads."""
    fn = named_function(branch)
    name = function_name(fn) if fn is not None else ""
    if ctx.language != "kotlin" or not name or project_index.too_common(name):
        return None
    params = {text(p.named_children[0]) for p in walk(fn) if p.type == "parameter" and p.named_child_count > 1
              and named_function(p) == fn}
    if not any(re.search(rf"\b{re.escape(p)}\b", text(c)) for c in conds for p in params):
        return None
    call = loader(regions, any_call=False)
    if call is None:
        return None
    index = project_index.for_context(ctx)
    site = next((s for s in index.calls(name)[:10] if s.role == "call" and s.path != str(ctx.path.resolve())
                 and any(kind == "call" and ROW_CONTEXT_CALLS.match(n) for kind, n in s.context)), None)
    if site is None:
        return None
    return (f"the last row is shown ({short(_row_condition(conds))}; {name}() is called for each row at {site.where()})", call)


def _row_caller_handing_load(ctx: CheckContext, name: str) -> project_index.Site | None:
    """A call of `name` in a lazy list row (another file's `itemsIndexed { ... }`) whose callback loads more."""
    index = project_index.for_context(ctx)
    for site in index.calls(name)[:10]:
        if not any((kind == "call" and ROW_CONTEXT_CALLS.match(n)) or (kind == "fn" and ROW_CONTEXT_FUNCTIONS.match(n)) for kind, n in site.context):
            continue
        source = index.source(site.path)
        if source is None or not source.regions:
            continue
        root = source.regions[0].root
        call = next((n for n in walk(root) if n.type == "call_expression" and n.start_point[0] + 1 == site.line and call_name(n) == name), None)
        if call is not None and any(loads(c, False) for c in calls(with_trailing_lambda(call))):
            return site
    return None


# `currentPage += 1`, `page++`, `offset += limit`: the branch moves on to the next page.
PAGE_ADVANCE = re.compile(r"(?i)\b\w*(page|offset|cursor|skip)\w*\s*(\+=|\+\+|=\s*\w*(page|offset|cursor|skip)\w*\s*\+)")


def _page_advance_call(regions: list[Node]) -> Call | None:
    """A row-end branch that advances the page counter and then calls something
    (`currentPage += 1; perform(#selector(callingApi))`): the call fetches that page."""
    if not any(PAGE_ADVANCE.search(text(r)) for r in regions):
        return None
    return next((c for r in regions for c in calls(r) if IDENTIFIER.match(c.name) and not NOT_LOADER.search(c.name)), None)


NAMED_END = "the list is scrolled to the bottom"
SCROLL_CONTEXT = re.compile(r"(?i)scroll|onScrolled|contentOffset|addListener|NotificationListener|RecyclerView|LazyList|visibleItems|willDisplay")


def _row_condition(conds: list[Node]) -> Node:
    """The condition that compares the row with the end (`guard indexPath.row == items.count - 1, !loading`)."""
    return next((c for c in conds if row_end(text(c))), conds[-1])


def covered(ctx: CheckContext, branch: Node) -> bool:
    """An enclosing branch of the same function already reports this load."""
    for a in ancestors(branch):
        if a.type in FUNCTION_TYPES:
            return False
        if a.type in BRANCH_TYPES and branch_load(ctx, a) is not None:
            return True
    return False


def has_reporting_branch(ctx: CheckContext, node: Node) -> bool:
    return any(n.type in BRANCH_TYPES and branch_load(ctx, n) is not None for n in walk(node))


def chat_history(ctx: CheckContext, call: Call) -> bool:
    """`fetchMessages(from: oldestMessageDate)`, or `_loadMoreMessages()` in a file whose list is
    laid out bottom-up: a chat loading its history, not a feed."""
    words = call.name + " " + text(call.arguments)
    source = ctx.data.decode("utf-8", "replace")
    if CHAT_HISTORY.search(words):
        # a bare `getHistory(...)` pages a chat only in a conversation's file, else it is the
        # person's own browsing or reading history (their records: lowered to info, not dropped)
        code = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", source)
        return not GENERIC_HISTORY.fullmatch(CHAT_HISTORY.search(words).group(0).lstrip("_. ")) or bool(CONVERSATION.search(code) or REVERSED_LIST.search(code))
    return bool(re.search(r"(?i)message|chat|conversation", words)) and bool(REVERSED_LIST.search(source))


GENERIC_HISTORY = re.compile(r"(?i)((load|fetch|get|request|pull)_?)?history")
CONVERSATION = re.compile(r"(?i)chat|conversation|messages|thread|repl(y|ies)|\bmsgs?\b|sender")
