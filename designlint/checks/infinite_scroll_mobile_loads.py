"""What counts as a load in the mobile `infinite-scroll` checks (Kotlin, Java, Swift, Dart), and the
small lookups every one of them shares.

* `loads`: a call that fetches more of a list (`loadMore()`, `viewModel.fetchNextPage()`,
  `bloc.add(PostFetched())`, `items.addAll(...)`, a flow `emit` of a load event), not UI work, a
  report of the scroll state (`onScrollDown()`), progress bookkeeping (`setProgress()`) or a getter
  whose result is read (`repo.getItems().size`);
* `own_records_at_info`: the decorator that lowers a finding to info when the list pages through the
  person's own finite records (tasks, notes, mailbox, orders, saved items), not a content feed;
* declarations of the file followed by name (`declarations`, `definitions_of`, `expanded_text`: a local
  value or getter replaced by what it is computed from), and text helpers (`name_words`, `scope_text`,
  `project_declaration`, `braced`, ...).
"""

from __future__ import annotations

import functools
import re
from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.polyglot import Call, argument_nodes, as_call, calls, enclosing_functions, function_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, closing_bracket, text, text_without_comments, walk


# Names that load the next page whatever the condition.
STRONG_LOADER = re.compile(
    r"(?i)load_?more|more_?(items|data|posts|results|content|entries|pages?|feed|rows|messages|photos|videos|articles)"
    r"|load_?next|fetch_?next|next_?page|fetch_?more|get_?more|request_?more|load_?page|fetch_?page|paginat|load_?older"
    r"|fetch_?older|append_?(page|items|data|more)|on_?end_?reached|on_?bottom_?reached|(on_?|did_?)reach(ed|ing)?_?(the_?)?(end|bottom)|infinite"
    r"|load_?additional|next_?batch|load_?batch|fetch_?batch|if_?threshold|end_?of_?(the_?)?(list|feed|items|data|content)_?reached"
    r"|last_?(cell|row|item)_?(is_?)?(showing|shown|displayed|appeared|visible|reached)"
    r"|(carregar|cargar|buscar|obter|obtener|traer)_?(mais|m[aá]s)|pr[oó]xima_?p[aá]gina|siguiente_?p[aá]gina"
    r"|(?-i:(?<![A-Za-z])(?:mais|mas|más|Mais|Mas|Más)|(?<=[a-z0-9])(?:Mais|Mas|Más))_?(dados|datos|itens|items|p[aá]ginas?|resultados)"
)  # (Portuguese and Spanish "load more", "next page")
# Names that load data; enough when the condition says the last row is shown.
LOADER = re.compile(r"(?i)^_?(load|fetch|request|retrieve|download|query|obtain|pull|refill|add_?more(?![a-z0-9])|carregar|cargar|get\w*(data|list|page|items|posts|feed|more|next|records|results|articles|news|comments|messages|videos|products|movies|repos|users)\b)")
# A load verb as a later word of a function's camel-case or snake name (`pageFetch`, `nextPageLoad`),
# not next to a word that makes it an event, a stop or a thing (`viewDidLoad`, `onLoad`,
# `cancelRequest`, `onAdFailedToLoad`, `handleLoadState`, `permissionRequest`).
LOAD_WORDS = frozenset({"fetch", "load", "request"})
NOT_LOAD_BEFORE = frozenset({"did", "will", "on", "after", "before", "should", "can", "cancel", "stop", "finish", "end", "abort", "is", "has", "was",
                             "un", "pre", "to", "show", "dismiss", "prepare", "ad", "ads", "permission",
                             "complete", "fail", "failed", "friend", "follow", "pull", "accept", "reject", "decline", "approve", "verification", "review", "token"})
NOT_LOAD_AFTER = frozenset({"error", "failed", "failure", "state", "status", "options", "result", "callback", "listener", "control", "config",
                            "body", "button", "code", "type", "permission"})
# First words of setters, getters, event handlers and builders, whatever follows (`setLoadWithOverviewMode`).
NOT_LOAD_FIRST = frozenset({"set", "get", "is", "has", "should", "can", "on", "did", "will", "build", "test"})
# Calls that report how far the user got (`delegate?.setCurrentPage(page)`, `setCompleted()`,
# `markRead()`, `saveReadingPosition(row)`, `updateProgress(1)`): bookkeeping, not content.
REPORT_VERBS = frozenset({"set", "update", "save", "store", "persist", "report", "record", "mark", "sync", "remember", "track"})
PROGRESS_WORDS = frozenset({"progress", "position", "completed", "complete", "finished", "done", "read", "seen", "viewed"})
# (one image is decoration; a page of `photos` / `images` is content)
NOT_DATA = re.compile(r"(?i)fragment|image(?!s)|photo(?!s)|icon|avatar|thumbnail(?!s)|cover(?!s)|banner|bitmap|drawable|font|animation|glide|picasso|coil|kingfisher|sdwebimage|view$|layout$|url$|(?-i:(^|[a-z_])Ads?$|^ads?$)")
# An event or action dispatched to a bloc / view model: `bloc.add(PostFetched())`, `send(.loadMore)`.
DISPATCH = re.compile(r"^(add|send|dispatch|emit|trySend|onEvent|onAction|onIntent|handle|handleEvent|handleIntent|process|accept|submit|postAction|sendEvent|sendAction|obtainEvent|onTriggerEvent|intent|reduce)$")
EVENT_ARG = re.compile(r"(?i)fetch|load|more|next|page|paginat|older|append|request|continue|\bget[A-Z]")
# Calls that are UI, scrolling, logging or plumbing, never the load itself.
NOT_LOADER = re.compile(
    r"(?i)^(show|hide|reveal|animate|fade|scroll|smooth|jump|toggle|log|print|debug|track|analytics|invalidate|notify|request_?layout|post_?value"
    r"|set_?(visib|alpha|elevation|enabled|text|title|color|background|state|value|scroll|refreshing|selection)|toast|make_?text|snack|vibrate|dismiss"
    r"|expand|collapse|get_?item_?count|get_?child|find|can_?scroll|is_?|has_?|contains|layout_?if_?needed|reload_?data|remember"
    r"|mark|change_?read|update_?(fab|toolbar|header|ui|view|padding|layout)|clear|remove_?on_?scroll|add_?on_?scroll|use_?normal|haptic|feedback|stop|cancel"
    r"|move|drag|swap|measure|layout|offset|translate|resize|compute|calc|draw|render|focus|request_?focus|with_?(animation|transaction)|clamp)"
    r"|^(d|e|i|v|w|read|watch|of|select|context|get|let|also|apply|run|with|take_?if|require|check|assert|min|max|abs|last|first|last_?or_?null"
    r"|first_?or_?null|to_?string|equals|size|count|length|await|try|emit_?ui|on_?scroll(ed|_?changed?|_?state_?changed)?"
    r"|ceil|floor|round|truncate|to_?int|to_?double|parse|try_?parse|to_?json|from_?json|dispatch_?time|dispatch_?get_?\w+"
    r"|enumerated|map|compact_?map|flat_?map|for_?each|filter|reduce|sorted|reversed|joined|zip|indices"
    r"|((mutable|array|hash|linked|sorted|persistent|immutable)_?)?(list|set|map|array|sequence)_?of(_?not_?null)?|empty_?(list|set|map|array|sequence)|build_?(list|set|map|string))$"
    r"|image(?!s)|photo(?!s)|thumbnail(?!s)|avatar|bitmap|glide|picasso|kingfisher|prefetcher|elevation|\bfab\b|toolbar|header|badge|scroll_?to|scroll_?by"
)
# Appending the next items to the list the user sees.
APPENDS = frozenset({"addAll", "append", "appendAll", "extend", "plusAssign", "insertAll", "appendContentsOf"})
# Objects that own the list's data: a call on them under a scroll-end condition is a load.
MODEL_RECEIVER = re.compile(r"(?i)view_?model|presenter|bloc|cubit|controller|repository|repo$|store|model$|manager|source|notifier|provider|ref$|fetcher|loader|paginator|interactor|use_?case|service|api$|client|delegate|listener|callback|feed|adapter|items|list|data|posts|results|state$|handler|coordinator|interface|vm$|ctrl?$|^widget$")

# A delegate, listener or callback is told many things while the list scrolls; only a method
# that asks for data loads (`delegate?.loadNextPage()`, not `delegate?.panelScrollStatus(isUp:)`).
NOTIFIER_RECEIVER = re.compile(r"(?i)(delegate|listener|callback)s?$")
NOTIFIED_LOAD = re.compile(r"(?i)fetch|load|more|next|page|paginat|append|request|older|reach(ed)?_?(the_?)?(end|bottom)|(end|bottom)_?reached")
# A scroll-direction callback (`onScrollUp()`, `onScrollDown()`, `scrollDirectionChanged(up)`) of a detector
# that hides a toolbar or floating button: it reports which way the list moved and loads nothing.
SCROLL_DIRECTION = re.compile(r"(?i)scroll(ed|ing)?_?(up|down|direction)|(up|down)_?scroll")
SCROLL_REPORT = re.compile(r"(?i)scroll_?(status|bottom|up|down|direction|offset|state|position|progress|distance)")
# Calls whose lambda or closure runs the code inside it (look inside for the loader).
WRAPPERS = re.compile(r"^(launch|async|Task|post|postDelayed|runOnUiThread|withContext|setState|asyncAfter|sync|microtask|Future|then|whenComplete|run|let|also|apply|with|runCatching|viewModelScope|lifecycleScope|MainScope|schedule|perform\w*|addPostFrameCallback|delayed|dispatch_after|dispatch_async)$")

# The person's own finite records (a to-do list, notes, their mailbox, calendar, transactions, orders,
# downloads, files, bookmarks), and content feeds, which stay at warning whatever else they are named.
OWN_RECORDS = frozenset({"task", "todo", "note", "inbox", "mailbox", "mail", "email", "message", "notification", "agenda", "calendar", "transaction", "order", "download",
                         "file", "bookmark", "reminder", "expense", "invoice", "receipt", "payment", "favorite", "favourite", "history", "saved", "fav"})
# What the person kept themselves (saved, favourites, bookmarks, 收藏 `collect`, read later, read records): their own
# list even when it holds posts or articles.
KEPT_BY_THEM = frozenset({"saved", "favorite", "favourite", "fav", "bookmark", "collect", "collection", "record"})
# Two-word names of the person's own lists: what they read (`ReadRecordActivity`), kept to read later, or watched.
OWN_RECORD_PAIRS = frozenset({("read", "record"), ("read", "later"), ("watch", "later"), ("read", "history"), ("watch", "history"), ("browse", "history")})
# "Collect" is the usual English rendering of 收藏 (favourites) in apps from China (`MyCollectActivity`,
# `CollectionFragment`); not on iOS, where a `…CollectionViewController` is any grid.
FAVOURITES_ANDROID = frozenset({"collect", "collection"})
CONTENT_FEED = frozenset({"post", "video", "timeline", "feed", "explore", "discover", "search", "product", "news", "article", "story", "stories",
                          "reel", "movie", "tweet", "shop", "catalog", "trending", "recommend", "recommendation", "home", "clip", "short", "photo", "comment"})
OWN_RECORDS_NOTE = ("The list pages through the person's own records (its names say tasks, notes, mailbox, messages, notifications, calendar, transactions, orders, "
                    "downloads, files, bookmarks or their history): it has no stopping cue, but it ends where their records end, so this is lowered to info.")


def _own_records(ctx: CheckContext, message: str | None) -> bool:
    """The screen's file, the class around the match, the function holding it or the finding's load call is
    named for the person's own records (`OrderHistoryFragment`, `class TransactionsAdapter`, `loadMoreTasks()`,
    a repository's `getMessagePagingData()`) and none of them for a content feed (posts, videos, timeline,
    search results, products, news)."""
    outer = [a for a in ancestors(ctx.node) if a.type in TYPE_DECLARATIONS]
    fn = named_function(ctx.node)
    names = [ctx.path.stem, declared_type_name(outer[-1]) if outer else "", function_name(fn) if fn is not None else "",
             *(TASK_SUFFIX.sub("", n) for n in re.findall(r"\b[A-Za-z_]\w*(?=\(\))", message or ""))]  # `GetPostsTask()` is a background job, not a to-do
    words = {w[:-1] if w.endswith("s") and w not in ("stories", "news") else w for n in names for w in _fetch_verb_dropped(n)}
    own = OWN_RECORDS | (FAVOURITES_ANDROID if ctx.language in ("kotlin", "java") else frozenset())
    found = words & own
    pairs = [(a, b[:-1] if b.endswith("s") else b) for n in names for a, b in zip(word_list(n), word_list(n)[1:])]
    found |= {"record" for p in pairs if p in OWN_RECORD_PAIRS}
    if found & KEPT_BY_THEM:
        return True  # their saved posts, favourite videos or read-later articles are content, but a list they chose and that ends
    if words & PERSON_COLLECTION and not words & CONTENT_FEED and _pages_local_store(ctx, message):
        return True  # their own playlist or library, paged out of the app's database

    if found == {"mail"} and not _mail_messages(ctx):
        return False  # "mail" alone names mail-order shopping as often as a mailbox (`OverseasMailActivity`)
    return bool(found) and not words & CONTENT_FEED


# A playlist or library is the person's own when the app pages it out of its own database (a DAO, an Isar /
# sqflite / drift / Room query); one fetched from a streaming service is the service's, and stays a feed.
PERSON_COLLECTION = frozenset({"playlist", "library"})
LOCAL_STORE_READ = re.compile(r"\b_?\w*(Dao|DAO|dao)\??\.\w+\s*\(|\b_?(isar|db|database|box)\??\.\w+\s*[(.]|\.rawQuery\s*\(|\.query\s*\(\s*['\"]")
REMOTE_READ = re.compile(r"(?i)\b(http|dio|api|client|service|plugin|remote|network|retrofit|graphql|socket)\w*\??\.\w+\s*\(|\bfetch\w*\s*\(|https?://")


def _pages_local_store(ctx: CheckContext, message: str | None) -> bool:
    """The load call of the finding (`loadMoreTracks()`) is defined in the project and reads its page from the
    app's own database (`_playlistDao.getPlaylistTracksPage(id, offset: n, limit: 40)`), with no network
    client, service or plugin call in the same function."""
    index = project_index.for_context(ctx)
    for name in re.findall(r"\b[A-Za-z_]\w*(?=\(\))", message or ""):
        if project_index.too_common(name):
            continue
        bodies = [d.text for d in index.definitions(name)]
        if bodies and all(LOCAL_STORE_READ.search(b) and not REMOTE_READ.search(b) for b in bodies):
            return True
    return False


# A log or debug viewer: the screen, its class or the function around the load is named for logs, a
# debug page or a console (`LogsPage`, `DebugLogViewer`, `logs_screen.dart`, `ConsoleScreen`), and the file
# holds log lines (`_logLines`, `logMessages`, package:logging's `LogRecord`, a `.log` file, a logcat read; not a bare
# `log(...)` call, the name `TripLog` itself, nor the `LogEntry` rows of a logbook the person keeps).
LOG_SCREEN_WORDS = frozenset({"log", "logs", "logcat", "logger", "debug", "console"})
LOG_LINES = re.compile(r"(?<![A-Za-z])_?(log|logs|debugLog|consoleLog)(Lines?|Messages?|Files?|Text|Content|Output)\b|[a-z]Logs?(Lines?|Messages?|Output)\b"
                       r"|\blogcat\b|\bLogRecord\b|\.log['\"]|\blog_file\b")


def _log_viewer(ctx: CheckContext) -> bool:
    """The finding sits in a log or debug viewer (the decision of session 16: a screen loading more log
    lines at the end is a developer's tool, not a feed): a log / debug / console word names the file, the
    class around the match or its function, and the file's code (not its comments) holds log lines."""
    outer = [a for a in ancestors(ctx.node) if a.type in TYPE_DECLARATIONS]
    fn = named_function(ctx.node)
    names = [ctx.path.stem, *(declared_type_name(o) for o in outer), function_name(fn) if fn is not None else ""]
    if not any(set(word_list(n)) & LOG_SCREEN_WORDS for n in names if n):
        return False
    return bool(LOG_LINES.search(text_without_comments(ctx.root) if ctx.root is not None else ""))


TASK_SUFFIX = re.compile(r"(?<=[a-z])(Task|AsyncTask|Runnable|Callable|Thread|Worker)$")


def _fetch_verb_dropped(name: str) -> list[str]:
    """The words of a name, without a leading "download" used as a verb for what follows (`downloadImages()`,
    `downloadPosts(page)` fetch content; `DownloadsFragment`, `loadDownloads()`, `downloadList` are the person's downloads)."""
    words = word_list(name)
    if len(words) > 1 and words[0] == "download" and name[:1].islower() and words[1] not in ("list", "history", "queue", "record", "item", "manager", "s"):
        return words[1:]
    return words


# What a mailbox's code shows: messages with a sender, subject, read state or mail folders.
MAIL_MESSAGE = re.compile(r"(?i)inbox|mailbox|outbox|sender|recipient|subject|unread|\bis_?read\b|smtp|imap|pop3|mail_?folder|sent_?box|\bdrafts?\b|\bmessages?\b")


def _mail_messages(ctx: CheckContext) -> bool:
    """The file's code (not its comments: an author's `@email` tag) is about mail messages."""
    memo = ctx.memo.get("infinite-scroll:mail-messages")
    if memo is None:
        code = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", ctx.data.decode("utf-8", "replace"))
        memo = ctx.memo["infinite-scroll:mail-messages"] = bool(MAIL_MESSAGE.search(code))
    return memo


def own_records_at_info(check):
    """Lowers a finding to info when the list pages through the person's own finite records."""
    @functools.wraps(check)
    def judged(ctx: CheckContext) -> Verdict | bool | None:
        verdict = check(ctx)
        if verdict and _log_viewer(ctx):
            return False  # a developer's log or debug console loading more lines is not a feed a person consumes
        if not verdict or (isinstance(verdict, Verdict) and verdict.severity == "info"):
            return verdict
        message = verdict.message if isinstance(verdict, Verdict) else None
        if not _own_records(ctx, message):
            return verdict
        if isinstance(verdict, Verdict):  # lowered in place: a Swift feed's fold (swift_one_feed) holds this verdict
            verdict.severity, verdict.note = "info", OWN_RECORDS_NOTE
            return verdict
        return Verdict(message=message, severity="info", note=OWN_RECORDS_NOTE)
    return judged


IDENTIFIER = re.compile(r"^[A-Za-z_]\w*$")
BRANCH_TYPES = frozenset({"if_expression", "if_statement", "guard_statement", "when_entry"})
IDENTIFIER_TYPES = frozenset({"identifier", "simple_identifier"})
DECLARATION_TYPES = frozenset({"property_declaration", "variable_declarator", "initialized_variable_definition", "static_final_declaration",
                               "function_declaration", "method_declaration", "getter_signature", "function_signature"})


def _declarations(ctx: CheckContext) -> dict[str, list[tuple[Node, list[Node]]]]:
    """name -> [(scope, definition nodes)] for the variables, properties, getters and functions of
    the file; the scope is the function or class the declaration is visible in."""
    memo = ctx.memo.get("infinite_scroll_mobile.decls")
    if memo is not None:
        return memo
    out: dict[str, list[tuple[Node, list[Node]]]] = {}
    for node in walk(ctx.root):
        if node.type in ASSIGNMENT_TYPES and _compound_target(node):
            # `h -= v.getHeight() + v.getScrollY()`: a later step of the same value
            scope = next((a for a in ancestors(node) if a.type in FUNCTION_TYPES), ctx.root)
            out.setdefault(_compound_target(node), []).append((scope, [node]))
            continue
        if node.type not in DECLARATION_TYPES:
            continue
        name = declared_name(node)
        if not name or _has_parameters(node):
            continue
        parts = [node]
        holder = node
        if node.type in ("getter_signature", "function_signature"):  # Dart: the body is a sibling
            holder = node.parent if node.parent is not None and node.parent.type == "method_signature" else node
            body = holder.next_named_sibling
            if body is not None and body.type == "function_body":
                parts.append(body)
        scope = next((a for a in ancestors(holder) if a.type in FUNCTION_TYPES or a.type in SCOPE_TYPES), ctx.root)
        out.setdefault(name, []).append((scope, parts))
    ctx.memo["infinite_scroll_mobile.decls"] = out
    return out


SCOPE_TYPES = frozenset({"class_body", "class_declaration", "class_definition", "object_declaration", "extension_declaration", "extension_body", "protocol_declaration", "enum_class_body", "mixin_declaration"})


def _has_parameters(node: Node) -> bool:
    """A function that takes arguments: its body is not a plain "is near the end" test."""
    for child in node.named_children:
        if child.type == "parameter" or (child.type in ("function_value_parameters", "formal_parameters", "formal_parameter_list") and child.named_child_count):
            return True
    return False


def declared_name(node: Node) -> str:
    name = node.child_by_field_name("name")
    if name is not None:
        if name.type == "pattern":  # Swift `let x = ...`
            name = name.child_by_field_name("bound_identifier") or name
        return text(name)
    if node.type == "property_declaration":  # Kotlin: (variable_declaration (identifier))
        var = next((c for c in node.named_children if c.type == "variable_declaration"), None)
        return text(var.named_children[0]) if var is not None and var.named_child_count else ""
    if node.type == "static_final_declaration" and node.named_child_count:  # Dart top-level `final x = ...`
        return text(node.named_children[0])
    return ""


def definitions_of(ctx: CheckContext, name: str, at: Node) -> list[Node]:
    """The nearest declaration of `name` visible from `at` (its scope encloses `at`), with the
    compound assignments (`h -= ...`) of the same scope."""
    visible = [(scope, parts) for scope, parts in _declarations(ctx).get(name, ())
               if scope.start_byte <= at.start_byte and at.end_byte <= scope.end_byte and not (parts[0].start_byte <= at.start_byte < parts[-1].end_byte)]
    if not visible:
        return []
    innermost = max(scope.start_byte for scope, _ in visible)
    found = [part for scope, parts in visible if scope.start_byte == innermost for part in parts]
    return found if sum(p.end_byte - p.start_byte for p in found) < 3000 else []


ASSIGNMENT_TYPES = frozenset({"assignment_expression", "assignment"})


def _compound_target(node: Node) -> str:
    """The variable a `+=` / `-=` assignment updates (`h` in `h -= v.getHeight()`), or ""."""
    if not any(c.type in ("+=", "-=") for c in node.children) or not node.named_child_count:
        return ""
    target = node.named_children[0]
    while target.type in ("directly_assignable_expression", "assignable_expression") and target.named_child_count:
        target = target.named_children[0]
    return text(target) if target.type in IDENTIFIER_TYPES else ""


def expanded_text(ctx: CheckContext, node: Node, depth: int = 2, seen: set[str] | None = None) -> str:
    """The node's text followed by the definitions of the names it reads, two levels deep."""
    parts = [text(node)]
    seen = set() if seen is None else seen
    if depth == 0:
        return parts[0]
    for ident in walk(node):
        name = text(ident) if ident.type in IDENTIFIER_TYPES else ""
        if not name or name in seen:
            continue
        seen.add(name)
        for definition in definitions_of(ctx, name, node):
            parts.append(expanded_text(ctx, definition, depth - 1, seen))
    return "\n".join(parts)


def conditions(branch: Node) -> list[Node]:
    """The condition nodes of a branch (Swift `if let x, a > b` has several)."""
    if branch.type == "when_entry":
        return [c for c in branch.named_children if c.type not in ("control_structure_body", "comment")][:1]
    conds = branch.children_by_field_name("condition")
    if not conds and branch.named_child_count:
        # Dart: the condition is what stands between the parentheses (`_controller.position.atEdge`
        # is an identifier followed by selectors, several nodes)
        close = next((c for c in branch.children if c.type == ")"), None)
        conds = [c for c in branch.named_children if close is not None and c.end_byte <= close.start_byte] or [branch.named_children[0]]
    return conds


# A named argument that switches a call to loading the next part: `run(loadMore: true)`, `fetch(isLoadingMore: true)`.
LOAD_MORE_FLAG = re.compile(r"(?i)^\s*(is_?)?(load_?more|loading_?more|fetch_?more|fetching_?more|next_?page|paginate|paging|append)\s*:\s*true\s*$")


def loads(call: Call, any_call: bool, plain_self: bool = True) -> bool:
    """Whether the call loads more. With `any_call` a call on a data owner (a presenter, a view model)
    or on the object itself counts too; without `plain_self`, a call on the object itself needs a load
    word in its name (`fetchStories()`), since the condition does not say it is about a list
    (`startDeceleration(...)` when a drag ends past contentSize is scroll physics)."""
    name = call.name
    if not IDENTIFIER.match(name) or _implicit_member(call) or _getter_read(call):  # Kotlin `f(x) { ... }`; Swift `state = .releasing(progress: 1)`
        return False
    if any(LOAD_MORE_FLAG.match(text(a)) for a in argument_nodes(call)) and not (NOT_DATA.search(name) or NOT_DATA.search(call.receiver)):
        return True  # `_cubit.run(loadMore: true)`: a named flag says the call loads the next part
    if WRAPPERS.match(name):  # `recyclerView.post(loadMoreRunnable)`, `Task { ... }`: the calls inside are judged on their own
        return any(STRONG_LOADER.search(text(a)) and a.type in IDENTIFIER_TYPES | {"callable_reference", "value_argument", "argument"}
                   and ("(" not in text(a) or re.fullmatch(r"#selector\(\s*(self\.)?\w+(\(\w*:?\))?\s*\)", text(a)))
                   for a in argument_nodes(call))  # also `perform(#selector(loadMore), with: nil, afterDelay: 0.25)`
    if NOT_DATA.search(name) or NOT_DATA.search(call.receiver):
        return False
    if SCROLL_DIRECTION.search(name) and not (STRONG_LOADER.search(name) or load_verb(name)):
        return False
    if reports_progress(name) and not STRONG_LOADER.search(name):
        return False
    if STRONG_LOADER.search(name) or load_verb(name):
        return not NOT_LOADER.search(name) or bool(STRONG_LOADER.search(name))
    receiver = _receiver_object(call.receiver)
    if _collection_fetch(call):
        return True  # `cubit.getSaved(loadMore: true, after: true)`, `await repo.getHistory(page)`
    if _unused_collection_get(call, receiver):
        return True  # `_store.getCategories();`: a MobX store's action fetching the next page, its result not read
    if name in ("invoke", "call") and IDENTIFIER.match(receiver) and STRONG_LOADER.search(receiver):
        return True  # `onLoadMore?.invoke()`: the callback's own name says what it does
    if name in ("invoke", "call") and any_call and IDENTIFIER.match(receiver) and SCROLLED_TO_END.search(receiver):
        return True  # `if (!state.canScrollForward) onScrollToEnd?.invoke()`: the end hook a screen hands its loader to
    if NOTIFIER_RECEIVER.search(receiver):  # `delegate?.listDidScroll(isUp:)` tells, `delegate?.loadNextPage()` asks
        return bool(NOTIFIED_LOAD.search(receiver if name in ("invoke", "call") else name)) and not SCROLL_REPORT.search(name)
    if name in FLOW_SENDS and _signals_load(call, receiver):
        return True  # `loadMoreChannel.trySend(Unit)`, `_reachedEnd.tryEmit(Unit)`: the collector elsewhere loads
    if DISPATCH.match(name):  # `bloc.add(PostFetched())`, not `layer.add(animation)`
        if any(EVENT_ARG.search(text(a)) for a in argument_nodes(call)):
            return True
        return any_call and (not receiver or receiver in ("this", "self") or bool(MODEL_RECEIVER.search(receiver)))
    if not any_call or NOT_LOADER.search(name) or NOT_LOADER.search(receiver) or _in_expression(call.node):
        return False
    if re.match(r"^_?get[A-Z_]", name) and not _fetching_getter(call, receiver):  # a getter, not a load
        return False
    if name in APPENDS or name in ("invoke", "call", "callback", "onNext"):
        return True
    if receiver and receiver not in ("this", "self", "super") and not MODEL_RECEIVER.search(receiver):
        return False  # `view.setTranslationY()`, `Modifier.align()`: work on some other object
    if not plain_self and (not receiver or receiver in ("this", "self", "super")):
        return False
    return (name[:1].islower() or name[:1] == "_") and not re.match(r"^_?set[A-Z_]", name) and name not in (
        "add", "remove", "get", "set", "put", "map", "filter", "forEach", "equals", "compareTo", "height", "width", "align", "padding", "fillMaxWidth")


# Sending a value into a Kotlin channel or flow: its collector (often in another file) acts on it.
FLOW_SENDS = frozenset({"emit", "tryEmit", "send", "trySend", "trySendBlocking", "offer"})
FLOW_BUILDERS = frozenset({"callbackFlow", "channelFlow", "flow", "produce"})


def _signals_load(call: Call, receiver: str) -> bool:
    """The value goes into a channel or flow named for loading more or for the end being reached
    (`loadMoreChannel.trySend(Unit)`, `_reachedEnd.emit(Unit)`, `onEndReached.tryEmit(Unit)`), or, sent
    bare inside `callbackFlow { }`, into the flow a function so named returns (`fun ViewPager2.loadMoreVideoData():
    Flow<Unit> = callbackFlow { ... trySend(Unit) }`): whoever collects it loads the next page."""
    if receiver and receiver not in ("this", "channel"):
        return bool(STRONG_LOADER.search(receiver) or SCROLLED_TO_END.search(receiver))
    for a in ancestors(call.node):
        builder = as_call(a) if a.type == "call_expression" else None
        if builder is not None and builder.name in FLOW_BUILDERS and not builder.receiver:
            owner = next((f for f in enclosing_functions(a) if function_name(f)), None)
            name = function_name(owner) if owner is not None else ""
            return bool(STRONG_LOADER.search(name) or SCROLLED_TO_END.search(name))
    return False


# `AppCubit.get(context)`, `BlocProvider.of<FeedBloc>(context)`, `context.read<FeedBloc>()`, `Get.find<FeedController>()`:
# a lookup of the object that owns the list, named by its type.
OBJECT_LOOKUP = re.compile(r"^(?P<owner>[\w.]*?)\.?\b(get|of|read|watch|find|instance|getInstance)\s*(<\s*(?P<type>[\w.]+)\s*>)?\s*\(\s*(context|ctx|this|)\s*\)\s*$")


def _receiver_object(receiver: str) -> str:
    """The last name of a call's receiver (`viewModel` in `this.viewModel?.`), or the type a lookup
    returns (`AppCubit` in `AppCubit.get(context)`, `FeedBloc` in `context.read<FeedBloc>()`)."""
    m = OBJECT_LOOKUP.match(receiver.strip())
    if m and (m.group("type") or m.group("owner")):
        return (m.group("type") or m.group("owner")).rsplit(".", 1)[-1]
    return receiver.rsplit(".", 1)[-1].strip("?!() ")


# Last words of getters that name one value or a setting, not a collection of items (`getSettings`, `getBounds`).
NOT_COLLECTION = frozenset({"status", "bounds", "settings", "options", "params", "extras", "arguments", "resources", "preferences", "prefs", "headers",
                            "insets", "margins", "paddings", "dimens", "children", "progress", "is", "has", "this", "details", "stats", "statistics",
                            "permissions", "credentials", "coordinates", "metrics", "properties", "attributes", "args", "props", "dimensions"})
COLLECTION_NOUNS = frozenset({"history", "saved", "feed", "timeline", "list", "data", "inbox", "collection", "content"})
LOAD_MORE_ARGUMENT = re.compile(r"(?i)page|offset|cursor|skip|next|last_?id|after|since|before|load_?more|\bmore\b|max_?id|until")


def _collection_fetch(call: Call) -> bool:
    """A getter of a collection that fetches the next part of it: `getSaved(loadMore: true, after: true)`,
    `getHistory(page)`, `await repo.getSubreddits()`, not `getItemCount()`, `getHeight()`, a no-argument
    `adapter.getData()` whose list is read, nor `getSettings(page)`."""
    if not collection_getter(call.name) or _getter_read(call):
        return False
    args = re.sub(r"\s", "", text(call.arguments)) if call.arguments is not None else ""
    return bool(LOAD_MORE_ARGUMENT.search(args)) or _awaited(call.node)


def _unused_collection_get(call: Call, receiver: str) -> bool:
    """`if (index > store.categories.length - 10 && store.hasMore) store.getCategories();`: a getter of a collection
    on the object that owns the list (a store, repository, notifier, bloc, controller) or on the screen itself, run
    as a statement (its result not even read) in a branch that asks whether there is more, fetches the next part
    (not `final rows = store.getRows();`, nor `repo.getTiles()` when the condition only says "last row")."""
    if not collection_getter(call.name) or not _result_unused(call) or not _asks_for_more(call.node):
        return False
    return not receiver or receiver in ("this", "self") or (bool(DART_DATA_OWNER.search(receiver)) and not NOT_LOADER.search(receiver))


def _asks_for_more(node: Node) -> bool:
    """A branch around `node` (in the same function) tests whether more pages exist (`hasMore`, `canLoadMore`)."""
    for a in ancestors(node):
        if a.type in FUNCTION_TYPES:
            return False
        if a.type in BRANCH_TYPES and any(MORE_PAGES.search(text(c)) for c in conditions(a)):
            return True
    return False


def _result_unused(call: Call) -> bool:
    """The call is a statement of its own (Dart: the statement holding it ends with its argument list)."""
    if call.node.type == "expression_statement":
        return call.arguments is not None and text(call.node)[call.arguments.end_byte - call.node.start_byte:].strip() in ("", ";")
    parent = call.node.parent
    return parent is not None and parent.type in STATEMENT_PARENTS


def collection_getter(name: str) -> bool:
    """`getSaved`, `getHistory`, `getSubreddits`: "get" and a collection noun (not `getItemCount`, `getSettings`)."""
    if not re.match(r"^_?get[A-Z_]", name) or NOT_LOADER.search(name) or NOT_DATA.search(name) or re.match(r"(?i)^_?get_?(item|child|view)", name):
        return False
    words = word_list(name)[1:]
    last = words[-1] if words else ""
    return last not in NOT_COLLECTION and (last in COLLECTION_NOUNS or (len(last) > 2 and last.endswith("s") and not last.endswith("ss")))


def _awaited(node: Node) -> bool:
    """`await repo.getHistory()`, `try await api.getPosts()`: the call is awaited."""
    for a in [node, *ancestors(node)]:
        if a.type == "await_expression" or (a.type == "unary_expression" and text(a).startswith("await")):
            return True
        if a.type in STATEMENT_PARENTS or a.type in ("function_body", "property_declaration", "local_variable_declaration"):
            return False
    return False


COLLECTION_READ = re.compile(r"^\s*(\?|!!)?\.\s*(size|length|count|isEmpty|isNotEmpty|get|first|last|indexOf)\b|^\s*\[")


def _getter_read(call: Call) -> bool:
    """`adapter.getData().size()` in `smoothScrollToPosition(adapter.getData().size() - 1)`: a getter
    with no arguments whose list is read (sized, indexed), not a load."""
    if not re.match(r"^_?get[A-Z_]", call.name) or STRONG_LOADER.search(call.name):
        return False
    if call.arguments is not None and re.sub(r"\s", "", text(call.arguments)) not in ("", "()"):
        return False
    parent = call.node.parent
    return parent is not None and bool(COLLECTION_READ.match(text(parent)[call.node.end_byte - parent.start_byte:]))


def word_list(name: str) -> list[str]:
    """`nextPageLoad` -> ["next", "page", "load"]; `_page_fetch` -> ["page", "fetch"]."""
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", name)]


def load_verb(name: str) -> bool:
    """`fetchTopNews`, `loadItems`, but also `pageFetch`, `nextPageLoad` (not `viewDidLoad`, `itemsLoaded`)."""
    if LOADER.search(name):
        return True
    if not re.match(r"^_?[a-z]", name):
        return False  # `URLRequest(url:)`, `PHFetchOptions()`: a type, not a call that loads
    words = word_list(name)
    if words[:1] and words[0] in NOT_LOAD_FIRST:
        return False
    return any(w in LOAD_WORDS and words[i - 1] not in NOT_LOAD_BEFORE and not NOT_LOAD_AFTER.intersection(words[i + 1:i + 2])
               for i, w in enumerate(words) if i > 0)


def reports_progress(name: str) -> bool:
    """`setCurrentPage`, `setCompleted`, `markAsRead`, `saveReadingPosition`, `reportProgress`."""
    words = word_list(name)
    if not words or words[0] not in REPORT_VERBS:
        return False
    return bool(PROGRESS_WORDS.intersection(words[1:])) or (words[1:2] == ["current"] and words[2:3] in (["page"], ["index"], ["item"], ["chapter"], ["article"], ["row"]))


STATEMENT_PARENTS = frozenset({"expression_statement", "statements", "block", "control_structure_body", "lambda_literal", "annotated_lambda"})
PAGE_ARGUMENT = re.compile(r"(?i)page|offset|cursor|skip|next|last_?id|after|since")


def _fetching_getter(call: Call, receiver: str) -> bool:
    """Under a scroll-end condition, `getMovies(pageCount)` or `viewModel.getMostPopular()` run as
    a statement (the result thrown away) fetch the data; a real getter's value is used."""
    parent = call.node.parent
    if parent is None or parent.type not in STATEMENT_PARENTS:
        return False
    if call.arguments is not None and PAGE_ARGUMENT.search(text(call.arguments)):
        return True
    if not receiver or receiver in ("this", "self"):
        return True  # `getMostPopularApp();` on the screen itself: its result is not even read
    return bool(MODEL_RECEIVER.search(receiver)) and not NOT_LOADER.search(receiver)


def _implicit_member(call: Call) -> bool:
    """Swift `.releasing(progress: 1)`: an enum case or a static factory, a value, not a load."""
    callee = call.node.named_children[0] if call.node.type == "call_expression" and call.node.named_child_count else None
    return callee is not None and callee.type in ("prefix_expression", "navigation_expression") and text(callee).startswith(".")


VALUE_EXPRESSIONS = frozenset({"multiplicative_expression", "additive_expression", "binary_expression", "relational_expression",
                               "equality_expression", "comparison_expression", "conjunction_expression", "disjunction_expression",
                               "logical_and_expression", "logical_or_expression", "prefix_expression", "unary_expression", "range_expression"})


def _in_expression(node: Node) -> bool:
    """The call's result is computed with (`return 0.4 * applyFriction(...)`, `a && check()`): a
    value, not a load run for its effect (a Dart call's node is the expression that holds it)."""
    for a in [node, *ancestors(node)]:
        if a.type == "unary_expression" and a.named_child_count == 1 and a.named_children[0].type == "await_expression":
            continue  # Dart `await _next();`: awaited for its effect, not a value
        if a.type in VALUE_EXPRESSIONS:
            return True
        if a.type in ("expression_statement", "statements", "block", "lambda_literal", "annotated_lambda", "function_body", "control_structure_body"):
            return False
    return False


def call_name(node: Node) -> str:
    """The invoked name of a call node; Kotlin `f(x) { ... }` nests the named call in the outer one."""
    if node.type == "call_expression" and node.named_child_count and node.named_children[0].type == "call_expression":
        node = node.named_children[0]
    call = as_call(node) if node.type in ("call_expression", "argument_part", "method_invocation") else None
    return call.name if call is not None else ""


def with_trailing_lambda(call: Node) -> Node:
    """Kotlin `f(x) { ... }`: the outer call that holds the trailing lambda of `f(x)`."""
    parent = call.parent
    if parent is not None and parent.type == "call_expression" and parent.named_children and parent.named_children[0] == call:
        return parent
    return call


def named_function(node: Node) -> Node | None:
    """The innermost declared function or method around a node (closures and lambdas skipped)."""
    for a in ancestors(node):
        if a.type in ("function_declaration", "method_declaration", "init_declaration"):
            return a
        if a.type == "function_body" and a.prev_named_sibling is not None and "signature" in a.prev_named_sibling.type:
            return a
    return None


TYPE_DECLARATIONS = frozenset({"class_declaration", "object_declaration", "class_definition", "struct_declaration"})


def declared_type_name(node: Node) -> str:
    named = node.child_by_field_name("name")
    if named is not None:
        return text(named)
    return next((text(c) for c in node.named_children if c.type in ("type_identifier", "simple_identifier", "identifier")), "")


def braced(code: str, start: int, pair: str = "{}") -> str:
    """The text from the `{` at `start` to its matching `}` (strings and comments already removed);
    `pair="()"` for parentheses."""
    close = closing_bracket(code, start, pair)
    return code[start:] if close is None else code[start: close + 1]


MORE_PAGES = re.compile(r"(?i)has_?more|can_?load_?more|has_?next|more_?(items|data|pages|results|content|available)|loading_?more")


USER_ACTION = re.compile(r"^(on(Pressed|Tap|TapUp|LongPress|DoubleTap|Click|LongClick|Submitted|Selected)|onClick|setOnClickListener|clickable"
                         r"|Button|TextButton|ElevatedButton|OutlinedButton|FilledButton|IconButton|InkWell|GestureDetector|CupertinoButton)$")


def in_user_action(node: Node, stop: Node) -> bool:
    """The node runs when the user taps something (`onPressed: () => ...`, `Button(action:)`)."""
    for a in ancestors(node):
        if a == stop:
            return False
        if a.type in ("named_argument", "value_argument") and a.named_child_count and USER_ACTION.match(text(a.named_children[0]).rstrip(": ")):
            return True
        if a.type in ("call_expression", "method_invocation") and USER_ACTION.match(call_name(a)):
            return True
    return False


SCROLLED_TO_END = re.compile(r"(?i)scroll(ed)?_?to_?(the_?)?(page_?)?(end|bottom)|(bottom|end)_?reached|reached_?(the_?)?(end|bottom)")


def stored_name(node: Node) -> str:
    """The property, field or variable a listener object is stored in (`val onMore = OnLoadMoreListener { }`,
    `private OnLoadMoreListener more = new OnLoadMoreListener() { ... };`), or ""."""
    for a in ancestors(node):
        if a.type in ("property_declaration", "variable_declarator"):
            return declared_name(a)
        if a.type not in ("call_expression", "object_creation_expression", "annotated_lambda", "call_suffix", "parenthesized_expression"):
            return ""
    return ""


def last_name(receiver: str) -> str:
    names = re.findall(r"\w+", receiver)
    return names[-1] if names else ""


def enclosing_type_name(node: Node) -> str:
    for a in ancestors(node):
        if a.type in ("class_declaration", "object_declaration"):
            return next((text(c) for c in a.named_children if c.type in ("type_identifier", "simple_identifier", "identifier")), "")
    return ""


def project_bytes(ctx: CheckContext) -> dict[str, bytes]:
    """path -> bytes of the project's files of this language group."""
    return project_index.for_context(ctx).files()


# Objects that own or fetch the list's data: a call on them from the load callback is the load
# (`controller.onLoadMore()`, `logic.nextPage()`, `vm.getMore()`), not a local collection.
DART_DATA_OWNER = re.compile(r"(?i)view_?model|^vm$|presenter|bloc|cubit|controller|logic|store|notifier|provider|repository|repo$|service|api$|client"
                             r"|fetcher|loader|paginator|interactor|use_?case|manager|^widget$|\bref\b|\bread\b|\bGet\.find\b")


def project_declaration(ctx: CheckContext, name: str, declaration: re.Pattern[str]) -> str | None:
    """The declaration of `name` in another file of the project (same language group), as
    `declaration` says (`class FeedFooter: MJRefreshAutoNormalFooter` in Components/), up to the
    next type declaration of that file, or None.
    (project_index has no public way to find a class declaration: its definitions are functions.)"""
    memo = ctx.memo.setdefault("infinite-scroll:project-declaration", {})
    if name not in memo:
        needle = name.encode("utf-8")
        found = (declaration.search(data.decode("utf-8", "replace")) for data in project_bytes(ctx).values() if needle in data)
        match = next((m for m in found if m), None)
        rest = match.string[match.end():] if match else ""
        following = NEXT_TYPE_DECLARATION.search(rest)
        memo[name] = match.group(0) + rest[: following.start() if following else None] if match else None
    return memo[name]


NEXT_TYPE_DECLARATION = re.compile(r"\n(?:(?:final|open|public|private|fileprivate|internal|abstract|data|sealed)\s+)*(?:class|struct|extension|enum|protocol|interface|object)\b")


def short(node: Node) -> str:
    value = " ".join(text(node).split())
    return value if len(value) <= 60 else value[:57] + "..."


def scope_text(ctx: CheckContext, comments: bool = True) -> str:
    """The finding's class or outermost function (the screen or listener it belongs to); with
    `comments=False` its comments are blanked."""
    outer = ctx.node
    for a in ancestors(ctx.node):
        if a.type in FUNCTION_TYPES or a.type in ("class_declaration", "class_definition", "object_declaration", "object_literal"):
            outer = a
    return text(outer) if comments else text_without_comments(outer)


# Kotlin/Java: the next page asked for by bumping a page number held in observable state, which the view model
# turns into a fetch: `page.postValue(page.value!! + 1)`, `page.setValue(page.getValue() + 1)`,
# `_page.value = _page.value + 1`, `page.value++`, `currentPage.update { it + 1 }`.
STATE_BUMP = re.compile(
    r"(?P<r>[\w.?!]+?)[?!]*\.(?:(?:postValue|setValue|emit|tryEmit|onNext|accept)\((?P=r)[?!]*\.(?:value|getValue\(\))(?:!!)?\+1\)"
    r"|value=\(?(?P=r)[?!]*\.value(?:!!|\?:[01]\))?\+1|value(?:\+=1|\+\+)|update\{(?:it|(?P<p>\w+)->(?P=p))\+1\})")
PAGE_STATE_NAME = re.compile(r"(?i)^_?\w*(page|offset|cursor)(_?(number|num|no|index))?$")
NOT_PAGE_STATE = re.compile(r"(?i)pager|tab|indicator|selected|onboard|intro|tutorial|carousel|banner|slide")
STATE_HOLDER = r"(?:MutableLiveData|MutableStateFlow|mutableStateOf|mutableIntStateOf|MutableSharedFlow|BehaviorSubject|BehaviorRelay|BehaviorProcessor)\b"
# What a view model does with the page to fetch it: a switch to a new source for each page, or hands it to a fetch.
PAGE_TO_SOURCE = r"(?:switchMap|flatMapLatest|mapLatest|transformLatest|flatMapConcat|flatMapMerge|switchMapLatest|concatMap)"


def page_state_bump(ctx: CheckContext, regions: list[Node]) -> Call | None:
    """`postsViewModel.currentPage.postValue(postsViewModel.currentPage.value!! + 1)` at the end of the list,
    where `currentPage` is a `MutableLiveData` / `MutableStateFlow` of the project that its view model switches to a
    new source for (`page.switchMap { repo.posts(it) }`, `page.flatMapLatest { ... }`) or hands to a fetch
    (`repo.getCurrentPage(community, currentPage)`, `api.getInbox(page)`): bumping it loads the next page.
    A pager's page indicator or a counter nothing fetches with is not a load."""
    if ctx.language not in ("kotlin", "java"):
        return None
    for region in regions:
        for node in walk(region):
            if node.type not in ("call_expression", "method_invocation", "assignment", "assignment_expression", "postfix_expression", "update_expression"):
                continue
            found = STATE_BUMP.fullmatch(re.sub(r"\s", "", text(node)).rstrip(";"))
            holder = last_name(found.group("r")) if found else ""
            if holder and PAGE_STATE_NAME.match(holder) and not NOT_PAGE_STATE.search(holder) and _page_state_fetched(ctx, holder):
                return Call(node, f"{found.group('r')} + 1", "", None, "")
    return None


def _page_state_fetched(ctx: CheckContext, holder: str) -> bool:
    """A file of the project declares `holder` as observable state and fetches with it."""
    name = re.escape(holder)
    declared = re.compile(rf"\b{name}\s*(?::[^=\n]*)?=\s*(?:\w+\.)?{STATE_HOLDER}|{STATE_HOLDER}<[^;=\n]*>\s+{name}\s*=")
    used = re.compile(rf"\b{name}\b[\w.()!?\s]{{0,40}}\.{PAGE_TO_SOURCE}\b|\b{PAGE_TO_SOURCE}\(\s*{name}\b|\b(\w+)\s*\(([^()]*\b{name}\b[^()]*)\)")
    for data in project_bytes(ctx).values():
        if holder.encode() not in data:
            continue
        code = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", data.decode("utf-8", "replace"))
        if not declared.search(code):
            continue
        for m in used.finditer(code):
            fn = m.group(1)
            if fn is None or ((load_verb(fn) or collection_getter(fn)) and not NOT_LOADER.search(fn)):
                return True
    return False


# Kotlin/Java: a task object of the project started at the end of the list (`new GetPostsTask(this).execute()`,
# `Execute.background(GetVisualElementsTask(screen))`, `executor.submit(new FetchPageRunnable(page))`,
# `task = new NewsThread(); task.execute();`): the fetch sits in the task class.
TASK_BASE = re.compile(r"\b(AsyncTask|Runnable|Callable|Thread|Worker|CoroutineWorker|ListenableWorker|TimerTask)\b")
TASK_NAME = re.compile(r"^[A-Z]\w*(Task|Thread|Runnable|Callable|Worker|Job)$")
TASK_START = re.compile(r"^\s*(?:\?|!!)?\.\s*(execute|executeOnExecutor|start|run|call|submit|schedule)\s*\(")
TASK_LOAD_WORDS = frozenset({"get", "load", "fetch", "download", "retrieve", "request", "query", "pull", "more", "next", "page"})
# What fetches inside a task's class: a network client, a web API, a database query.
TASK_FETCH = re.compile(r"HttpURLConnection|openConnection\(|OkHttpClient|\bRetrofit\b|\.newCall\(|\.enqueue\(|Request\.Builder\(|Jsoup\.|\bURL\(|https?://"
                        r"|\.rawQuery\(|\.query\(|\b\w*(?:Api|API|api)\.\w+\(|\b\w*[Ss]ervice\.\w+\(|\b\w*[Dd]ao\.\w+\(")


def task_submission(ctx: CheckContext, regions: list[Node]) -> Call | None:
    """The construction of a task class of the project (an AsyncTask, Runnable, Callable, Thread or Worker, or a
    class named …Task) that the branch starts, either by calling `.execute()` / `.start()` on it (directly or
    through a local) or by handing it to an executor (`Execute.background(task)`, `executor.submit(task)`), when
    the task is named for getting or loading (`GetVisualElementsTask`, `LoadMoreTask`) or its class fetches."""
    if ctx.language not in ("kotlin", "java"):
        return None
    started = "\n".join(text(r) for r in regions)
    for region in regions:
        for call in calls(region):
            if not re.match(r"^[A-Z]\w*$", call.name) or call.receiver not in ("", "this") or not _task_started(call, started):
                continue
            declared = project_declaration(ctx, call.name, re.compile(rf"\bclass\s+{re.escape(call.name)}\b[^{{]*"))
            if declared is None:
                continue
            code_text = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", declared)
            header = code_text[: code_text.find("{")] if "{" in code_text else code_text
            if not (TASK_NAME.match(call.name) or TASK_BASE.search(header)):
                continue
            words = word_list(call.name)
            body = braced(code_text, code_text.find("{")) if "{" in code_text else ""
            if TASK_LOAD_WORDS.intersection(words[:2]) or TASK_FETCH.search(body):
                return call
    return None


def _task_started(call: Call, region_code: str) -> bool:
    """The constructed task is started: `.execute()` right on it, handed to a call (an executor), or kept in a
    local that is then started or handed on (`task = X(); task.execute()`, `executeOrdered(task)`)."""
    node = call.node
    parent = node.parent
    after = text(parent)[node.end_byte - parent.start_byte:] if parent is not None else ""
    if TASK_START.match(after) or (parent is not None and parent.type in ("value_argument", "argument_list", "value_arguments")):
        return True
    for a in ancestors(node):
        if a.type in ("property_declaration", "variable_declarator", "assignment", "assignment_expression"):
            name = declared_name(a) if a.type in ("property_declaration", "variable_declarator") else text(a.named_children[0]) if a.named_child_count else ""
            name = last_name(name)
            return bool(name) and bool(re.search(rf"\b{re.escape(name)}\s*(?:\?|!!)?\.\s*(execute|executeOnExecutor|start|submit)\s*\(|\(\s*{re.escape(name)}\s*[,)]", region_code))
        if a.type not in ("call_expression", "object_creation_expression", "navigation_expression", "parenthesized_expression"):
            return False
    return False
