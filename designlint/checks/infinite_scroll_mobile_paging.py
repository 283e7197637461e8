"""Android Paging in the mobile `infinite-scroll` checks (Kotlin, Java).

* Paging 3 `Pager`s, lowered to info when they page the app's own database with no `RemoteMediator`
  (the repository reads a local store), and not reported when nothing reads their flow;
* Paging 2 KTX `dataSourceFactory.toLiveData(pageSize = 20)`;
* Compose `collectAsLazyPagingItems()` of a real pager, not sample data (`flowOf(PagingData.from(list))`)
  or a `@Preview`.

One finding per feed: a Pager collected by a Compose screen is reported at the screen (the project index
finds the composables that collect a view model's Pager), and the Pagers one class builds over the same
paging source fold into one finding.
"""

from __future__ import annotations

import re
from pathlib import Path
from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.infinite_scroll_mobile_loads import (
    IDENTIFIER, braced, declared_name, enclosing_type_name, expanded_text, named_function, own_records_at_info,
    project_bytes, project_declaration, stored_name, with_trailing_lambda,
)
from designlint.checks.polyglot import argument_nodes, as_call, function_name, functions_by_name
from designlint.checks.util import ancestors, text, walk


def paging_pager(ctx: CheckContext) -> Verdict | bool:
    """A Pager that loads the next page by itself (`_paging_pager`). The Pagers one class builds over
    the same paging source (one per constructor or listing type of a view model) show one feed: they
    fold into one finding, the others its related sites."""
    verdict = _paging_pager(ctx)
    if not verdict:
        return verdict
    verdict = verdict if isinstance(verdict, Verdict) else Verdict()
    holder = with_trailing_lambda(ctx.node)
    verdict.fold_key = _pager_source_key(ctx, holder)
    verdict.fold_site = any(_pager_source_key(ctx, with_trailing_lambda(other)) == verdict.fold_key for other in _earlier_pagers(ctx))
    return verdict


def _earlier_pagers(ctx: CheckContext) -> list[Node]:
    """The Pager constructions of the file before the reported one (same node type and class name)."""
    name = text(ctx.capture("type") or ctx.capture("fn") or ctx.node)
    return [n for n in walk(ctx.root) if n.type == ctx.node.type and n.start_byte < ctx.node.start_byte
            and re.match(rf"(new\s+)?{re.escape(name)}\b", text(n))]


CONSTRUCTED_SOURCE = re.compile(r"\b([A-Z]\w*(?:PagingSource|DataSource|Source|SourceFactory|Factory))\s*(?:<[^<>()]*>)?\s*\(")


def _pager_source_key(ctx: CheckContext, holder: Node) -> str:
    """`paging-pager:<file>:<class>:<source>`: the source is the PagingSource class the Pager's factory
    constructs (`() -> new PostPagingSource(...)`, `{ FeedSource(api) }`, or the method a reference such as
    `this::returnPagingSource` names makes), else the whole construction
    as written (`new Pager<>(config, this::returnPagingSource)`)."""
    source = text(holder)
    constructed = CONSTRUCTED_SOURCE.search(source)
    reference = None if constructed else re.search(r"(?:\bthis|\b[A-Z]\w*)?::(\w+)\s*[),]", source)
    if reference:  # `this::returnPagingSource`: the source class its body makes
        made = (CONSTRUCTED_SOURCE.search(text(fn)) for fn in functions_by_name(ctx).get(reference.group(1), []))
        constructed = next((m for m in made if m), None)
    name = constructed.group(1) if constructed else re.sub(r"\s+", "", source)
    return f"paging-pager:{ctx.path}:{enclosing_type_name(holder)}:{name}"


@own_records_at_info
def _paging_pager(ctx: CheckContext) -> Verdict | bool:
    """androidx.paging `Pager(PagingConfig(...)) { source }`, not some other class named Pager.
    A Pager whose pages a Compose screen collects (`collectAsLazyPagingItems()` in a composable that
    uses the view model holding it) is reported there, once per feed."""
    holder = with_trailing_lambda(ctx.node)
    head = ctx.data.decode("utf-8", "replace")[:5000]
    if not (re.search(r"PagingConfig|pagingSourceFactory|PagedList\.Config", text(holder)) or "androidx.paging" in head or "android.arch.paging" in head):
        return False
    if ctx.language == "kotlin" and (_collected_by_compose(ctx, holder) or _pager_shown_by_compose(ctx, holder)):
        return False
    if ctx.language == "kotlin" and _pager_flow_unread(ctx, holder):
        return False
    if LOCAL_SOURCE.search(text(holder)) and "remoteMediator" not in text(holder):
        return Verdict(severity="info", note="The pages come from the app's own database (a DAO query, no RemoteMediator): "
                       "the list ends where the stored data ends, so this is lowered to info.")
    if _stored_paged_list(ctx, holder):
        return Verdict(severity="info", note="The pages come from the app's own database (no BoundaryCallback fetches more): "
                       "the list ends where the stored data ends, so this is lowered to info.")
    if "remoteMediator" not in text(holder) and _source_reads_local_store(ctx, holder):
        return Verdict(severity="info", note="The app's PagingSource reads its pages through a repository backed only by the app's "
                       "own database (a DAO, no network client): the list ends where the stored data ends, so this is lowered to info.")
    if "remoteMediator" not in text(holder) and _repository_pages_local_store(ctx, holder):
        return Verdict(severity="info", note="The pages come from a repository method that returns the app's own database query "
                       "(a Room DAO PagingSource) and a repository that names no network client: the list ends where the stored data ends, "
                       "so this is lowered to info.")
    return True


def _repository_pages_local_store(ctx: CheckContext, holder: Node) -> bool:
    """`Pager(config) { savedFiltersRepository.getAll() }` where the repository (a class of another file,
    `class SavedFiltersRepository(private val savedFiltersDao: SavedFiltersDao)`) answers `getAll()` with
    `savedFiltersDao.getAll()`, a Room query: each implementation of the method (an interface's abstract one
    left out) reads a DAO or database, and no such repository class names a network client anywhere (an
    API, service, GraphQL or remote source): one that also calls the network is not taken as local."""
    source = text(holder)
    m = re.search(r"\{\s*(?:\w+\s*->\s*)?(\w+)\s*\.\s*(\w+)\s*\(", source) or re.search(r"(?:->|pagingSourceFactory\s*=)\s*(\w+)\s*\.\s*(\w+)\s*\(", source)
    if m is None:
        return False
    receiver, method = m.groups()
    types = [t for t in project_index.declared_types(receiver, ctx.data.decode("utf-8", "replace")) if t != "Pager"][:2]
    if not types:
        return False
    index = project_index.for_context(ctx)
    owned = [d for d in index.definitions(method) if any(t in d.owner for t in types) and re.search(r"\)[^()]*[={]", d.text)]
    if not owned:
        return False
    for definition in owned:
        body = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", definition.text)
        if not LOCAL_SOURCE.search(body) or NETWORK_CALL_OWNER.search(body):
            return False
        owner = project_declaration(ctx, definition.owner, re.compile(rf"\bclass\s+{re.escape(definition.owner)}\b"))
        owner = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", owner or "")
        if not owner or NETWORK_CALL_OWNER.search(owner) or NETWORK_TYPE.search(owner):
            return False
    return True


def _pager_flow_unread(ctx: CheckContext, pager: Node) -> bool:
    """Kotlin: the Pager's flow reaches nothing that is read. Its property (`val pages = Pager(...).flow`) or
    function (`override fun search(q) = Pager(...).flow`) is followed through the whole project: each
    caller hands it to a property nobody reads (`val moviesFlow = query.flatMapLatest { repo.search(it) }`
    and no screen names `moviesFlow`) or to a use case `invoke` whose injected instance is never used.
    No screen shows those pages. False whenever unsure (a single file, a common name, a caller in
    code this test cannot place, more than three levels)."""
    index = project_index.whole_project(ctx)
    if index is None:
        return False
    name = _pager_property(pager)
    if name:
        return _property_unread(index, name)
    fn = named_function(pager)
    return fn is not None and _function_unread(index, function_name(fn), enclosing_type_name(pager), 3)


def _occurrences(index: project_index.ProjectIndex, name: str) -> int:
    word = re.compile(rb"\b" + re.escape(name.encode()) + rb"\b")
    return sum(len(word.findall(data)) for data in index.files().values())


def _property_unread(index: project_index.ProjectIndex, name: str) -> bool:
    """A property named only where it is declared, in the whole project (Java reads it as `getPages()`)."""
    return (IDENTIFIER.match(name) is not None and not project_index.too_common(name) and _occurrences(index, name) == 1
            and _occurrences(index, "get" + name[:1].upper() + name[1:]) == 0)


def _function_unread(index: project_index.ProjectIndex, name: str, owner: str, depth: int) -> bool:
    """Every caller of `name` feeds something unread (see `_pager_flow_unread`); an operator `invoke`
    is followed to the properties holding an instance of its class."""
    if depth <= 0 or not name:
        return False
    if name == "invoke":
        return _instance_unused(index, owner)
    if project_index.too_common(name):
        return False
    sites = [*index.calls(name), *(r for r in index.references(name) if r.role == "passed")]
    if not sites:  # named only in declarations (an interface and its implementation)
        return _occurrences(index, name) == len(index.definitions(name)) and not _framework_callback(index, name)
    if len(sites) >= 5:
        return False
    for site in sites:
        if _receiver_of_other_type(index, site, owner):
            continue
        if _site_reads_pages(index, site):
            return False
        kind, holder, holder_owner = _caller_container(index, site)
        if kind == "property" and _property_unread(index, holder):
            continue
        if kind == "function" and holder != name and _function_unread(index, holder, holder_owner, depth - 1):
            continue
        return False
    return True


PAGES_READ = re.compile(rb"\.observe\s*[({]|\bobserveAsState\b|\basLiveData\b|\bsubmitData\s*\(|\bcollectLatest\b|\.collect\s*[({]|\bcollectAsLazyPagingItems\b")


def _site_reads_pages(index: project_index.ProjectIndex, site: project_index.Site) -> bool:
    """The call's own statement reads what it returns: `vm.getImages().observe(viewLifecycleOwner) {
    adapter.submitData(lifecycle, it) }`, `repo.pages().collectLatest { ... }` (its line and the lines
    continuing its call chain)."""
    lines = index.files().get(site.path, b"").split(b"\n")
    if not 0 < site.line <= len(lines):
        return False
    statement = [lines[site.line - 1]]
    for line in lines[site.line:site.line + 5]:
        if not line.lstrip().startswith((b".", b"?.")):
            break
        statement.append(line)
    return PAGES_READ.search(b"\n".join(statement)) is not None


def _framework_callback(index: project_index.ProjectIndex, name: str) -> bool:
    """A function the project never calls whose every declaration overrides (`override fun onCreateView`,
    `override fun onViewCreated`): Android calls it, so what it feeds is shown."""
    overriding = re.compile(rb"\boverride\s+(?:suspend\s+)?fun\s+" + re.escape(name.encode()) + rb"\b")
    plain = re.compile(rb"\bfun\s+(?:<[^>]*>\s*)?" + re.escape(name.encode()) + rb"\s*\(")
    files = index.files().values()
    return sum(len(overriding.findall(d)) for d in files) == sum(len(plain.findall(d)) for d in files) > 0


def _receiver_of_other_type(index: project_index.ProjectIndex, site: project_index.Site, owner: str) -> bool:
    """`apiService.search(q)` where the caller's file declares `apiService: MovieApi` and the Pager's class
    (`class MovieRepositoryImpl(...) : MovieRepository`) neither is nor extends MovieApi: another
    function of the same name."""
    receiver = site.receiver.split(".")[-1].strip("?! ")
    if not owner or not IDENTIFIER.match(receiver or "-"):
        return False
    data = index.files().get(site.path, b"")
    typed = re.search(rb"\b" + re.escape(receiver.encode()) + rb"\s*:\s*([A-Z]\w*)", data)
    if typed is None:
        return False
    kind = typed.group(1).decode()
    header = re.compile(rb"\bclass\s+" + re.escape(owner.encode()) + rb"\b[^{]*")
    heads = [m.group(0) for data in index.files().values() for m in header.finditer(data)]
    supertypes = heads[0].rsplit(b")", 1)[-1] if len(heads) == 1 else b""  # after the constructor's parameters
    return kind != owner and len(heads) == 1 and re.search(rb"\b" + re.escape(kind.encode()) + rb"\b", supertypes) is None


def _caller_container(index: project_index.ProjectIndex, site: project_index.Site) -> tuple[str, str, str]:
    """("property" | "function" | "", name, owner class) of the declaration holding a call site."""
    source = index.source(site.path)
    for region in source.regions if source is not None else []:
        node = region.root.descendant_for_byte_range(site.byte, site.byte)
        if node is None or not (region.root.start_byte <= site.byte < region.root.end_byte):
            continue
        for a in ancestors(node):
            if a.type == "property_declaration" and a.parent is not None and a.parent.type in ("class_body", "source_file"):
                return "property", declared_name(a), ""
            if a.type == "function_declaration":
                return "function", function_name(a), enclosing_type_name(a)
            if a.type in ("class_body", "anonymous_initializer"):
                break
    return "", "", ""


def _instance_unused(index: project_index.ProjectIndex, owner: str) -> bool:
    """`class SearchUseCase { operator fun invoke(...) }` held only in properties (`private val search:
    SearchUseCase`) that are never named again, and named nowhere else (no direct `SearchUseCase(...)(q)`)."""
    if not owner or project_index.too_common(owner):
        return False
    typed = re.compile(rb"\b(?:val|var)\s+(\w+)\s*:\s*" + re.escape(owner.encode()) + rb"\b(?!\s*[<.])")
    holders = {m.group(1).decode() for data in index.files().values() for m in typed.finditer(data)}
    mentions = re.compile(rb"^(?!\s*import\b).*\b" + re.escape(owner.encode()) + rb"\b", re.M)
    lines = sum(len(mentions.findall(data)) for data in index.files().values())
    return lines == 1 + len(holders) and all(_property_unread(index, h) for h in holders)


NETWORK_OWNER = re.compile(r"(?i)api|service|retrofit|http|client|remote|network|server|firestore|firebase|graphql|supabase|socket|url")
# A network client named in code (`storyApi.page(n)`, `graphQLRepository.loadGames(...)`, `apolloClient.query(...)`,
# `private val service: FeedService`): the source also fetches from a server.
NETWORK_CALL_OWNER = re.compile(r"(?i)\b\w*(api|service|client|remote|graphql|gql|apollo|retrofit|http|helix)\w*\s*[.:]")
NETWORK_TYPE = re.compile(r"\b[A-Z]\w*(Api|API|Service|Client|GraphQL\w*|Apollo\w*|Retrofit|RemoteDataSource|RemoteSource)\b")
STORE_TYPE = re.compile(r":\s*([A-Z]\w*(?:Repository|Repo|DataSource|Storage|Store))\b")


def _source_reads_local_store(ctx: CheckContext, holder: Node) -> bool:
    """`Pager(config) { ExerciseSource(exerciseRepository) }` where the app's PagingSource class takes
    repositories whose implementation (`class ExerciseRepositoryImpl(private val dao: ExerciseDao)`)
    reads a DAO or database and names no network client: pages of the app's own stored data."""
    found = False
    for m in list(re.finditer(r"\b([A-Z]\w*Source)\s*\(", text(holder)))[:2]:
        source = project_declaration(ctx, m.group(1), re.compile(rf"\bclass\s+{re.escape(m.group(1))}\b"))
        if source is None:
            return False
        body = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", source)
        if NETWORK_CALL_OWNER.search(body):
            return False
        if LOCAL_SOURCE.search(body):
            found = True
            continue
        stores = sorted(set(STORE_TYPE.findall(body)))[:3]
        if not stores:
            return False
        for store in stores:
            impl = project_declaration(ctx, store, re.compile(rf"\bclass\s+\w*{re.escape(store)}\w*\b"))
            impl = re.sub(r"//[^\n]*|/\*[\s\S]*?\*/", "", impl or "")
            if not impl or not LOCAL_SOURCE.search(impl) or NETWORK_OWNER.search(" ".join(re.findall(r"\b[a-z]\w*(?=\s*:)", impl))):
                return False
        found = True
    return found


COMPOSE_COLLECT = b"collectAsLazyPagingItems("


def _collected_by_compose(ctx: CheckContext, pager: Node) -> bool:
    """The Pager's pages are shown by a Compose lazy list that the lazy-paging-items pattern
    reports: a function that uses the class holding the Pager collects pages (for a Pager built
    in a top-level helper, a function using a class that calls the helper)."""
    owner = enclosing_type_name(pager)
    if owner and (_property_collected(ctx, pager, owner) or _collected_in_package(ctx, pager)):
        return True
    owners = [owner] if owner else []
    if not owners:
        fn = named_function(pager)
        name = function_name(fn) if fn is not None else ""
        if not name or project_index.too_common(name):
            return False
        index = project_index.for_context(ctx)
        owners = sorted({site.owner for site in index.calls(name) if site.owner})[:5]
    if not owners:
        return False
    index = project_index.for_context(ctx)
    files = project_bytes(ctx)
    for name in owners:
        for site in (*index.references(name), *index.calls(name)):
            holder = next((n for kind, n in site.context if kind == "fn"), "")
            if holder and COMPOSE_COLLECT in files.get(site.path, b"") and any(
                    d.path == site.path and (COMPOSE_COLLECT.decode() in d.text or "@Composable" in d.text) for d in index.definitions(holder)):
                return True  # `@Composable fun FeedScreen(vm: FeedViewModel) { vm.feed.collectAsLazyPagingItems() }`, or a route
                # composable handing `vm::pages` to the screen composable of its file that collects them
    return False


VIEW_PAGING = re.compile(rb"\bPagingDataAdapter\b|\bAsyncPagingDataDiffer\b|\bPagingDataPresenter\b|\bsubmitData\s*\(")
# Kotlin Multiplatform source sets whose code never reaches an Android view (an iOS or web wrapper of PagingData)
NON_ANDROID_SOURCE_SET = re.compile(r"[/\\](ios|macos|tvos|watchos|apple|darwin|native|js|wasmJs|wasm|desktop)\w*Main[/\\]")


def _pager_shown_by_compose(ctx: CheckContext, pager: Node) -> bool:
    """A Pager (in a view model, repository or use case, in any Gradle or Kotlin Multiplatform module of the
    project) in a project whose pages reach Android screens only through Compose `collectAsLazyPagingItems()`
    (no PagingDataAdapter, AsyncPagingDataDiffer or `submitData` outside iOS/web source sets): the screen that
    collects them is reported (lazy-paging-items), so the Pager would report the same feed a second time.
    PagingData has no other way onto an Android screen."""
    files = [data for path, data in project_bytes(ctx).items() if not NON_ANDROID_SOURCE_SET.search(str(path))]
    return any(COMPOSE_COLLECT in data for data in files) and not any(VIEW_PAGING.search(data) for data in files)


PAGED_FLOW_PROPERTY = re.compile(r"\b(?:val|var)\s+(\w+)\s*:\s*(?:Mutable)?(?:State)?Flow<\s*PagingData\b")


def _collected_in_package(ctx: CheckContext, pager: Node) -> bool:
    """The view model keeps its pages in a `Flow<PagingData<T>>` property (`var results: Flow<PagingData<Movie>>?
    by mutableStateOf(null)`, set from a function returning `Pager(...).flow`), a composable of the same folder
    reads that property and a file of the folder collects pages (`SearchResults(results)` calling
    `collectAsLazyPagingItems()` on its parameter): that screen is reported, once per feed."""
    owner = next((a for a in ancestors(pager) if a.type in ("class_declaration", "object_declaration")), None)
    names = PAGED_FLOW_PROPERTY.findall(text(owner)) if owner is not None else []
    if not names:
        return False
    here = ctx.path.resolve()
    siblings = {path: data for path, data in project_bytes(ctx).items() if Path(path) != here and Path(path).parent == here.parent}
    read = re.compile(rb"\.\s*(" + b"|".join(re.escape(n.encode()) for n in names[:5]) + rb")\b")
    return any(COMPOSE_COLLECT in data for data in siblings.values()) and any(
        b"@Composable" in data and read.search(data) for data in siblings.values())


def _property_collected(ctx: CheckContext, pager: Node, owner: str) -> bool:
    """`val pages = Pager(config) { source }.flow` in a view model, and a file that uses the view model
    collecting `viewModel.pages.collectAsLazyPagingItems()` (in any function, `setContent { }` too):
    the lazy-paging-items pattern reports that screen."""
    name = _pager_property(pager)
    if not name or not IDENTIFIER.match(name):
        return False
    collected = re.compile(rf"\b{re.escape(name)}\b(\s*[?!]*\.\s*(flow|\w+Flow)\b)?\s*[?!]*\.\s*collectAsLazyPagingItems\(".encode())
    uses = re.compile(rf"\b{re.escape(owner)}\b".encode())
    return any(COMPOSE_COLLECT in data and collected.search(data) and uses.search(data) for data in project_bytes(ctx).values())


def _pager_property(pager: Node) -> str:
    """The property a Pager is stored in (`val pages = Pager(...) { }.flow.cachedIn(scope)`: up the chain
    to the declaration), or ""."""
    name = stored_name(pager)
    for a in ([] if name else ancestors(pager)):
        if a.type == "property_declaration":
            return declared_name(a)
        if a.type not in ("navigation_expression", "call_expression", "navigation_suffix", "call_suffix", "value_arguments"):
            break
    return name


def _stored_paged_list(ctx: CheckContext, builder: Node) -> bool:
    """Paging 2 `LivePagedListBuilder(factory, 10).build()` where `factory = roomRepository.getAllByAsc(...)`:
    a data source of the app's own database, read through a variable, with no `setBoundaryCallback`
    in the builder chain that would fetch the next page from the network."""
    call = as_call(builder)
    if call is None or call.name not in ("LivePagedListBuilder", "RxPagedListBuilder"):
        return False
    chain = builder
    while chain.parent is not None and chain.parent.type in ("navigation_expression", "call_expression", "method_invocation", "call_suffix", "navigation_suffix"):
        chain = chain.parent
    args = argument_nodes(call)
    if not args or "BoundaryCallback" in text(chain):
        return False
    source = expanded_text(ctx, args[0])
    return bool(LOCAL_SOURCE.search(source)) or _reads_local_store(ctx, source)


def _reads_local_store(ctx: CheckContext, source: str) -> bool:
    """`repository.fetchContributionsWithStates(states)` where the repository (another file of the
    project) returns `localDataSource.getContributionsWithStates(states)` or a DAO query."""
    index = project_index.for_context(ctx)
    names = [m.group(1) for m in re.finditer(r"\.\s*(\w{8,})\s*\(", source)][:3]
    return any(LOCAL_SOURCE.search(d.text) for name in names for d in index.definitions(name))


PAGED_LIST_CONFIG = re.compile(r"\bpageSize\s*=|\bPagedList\.Config\b|\bConfig\s*\(")


@own_records_at_info
def paging_ktx_builder(ctx: CheckContext) -> Verdict | bool:
    """Paging 2 KTX `dataSourceFactory.toLiveData(pageSize = 20)` / `.toFlowable(config)`: a
    PagedList that loads the next page as the list nears its end (not Rx `publisher.toLiveData()`,
    which takes no page size). Over the app's own database it is lowered to info, as `Pager` is."""
    holder = with_trailing_lambda(ctx.node)
    call = as_call(ctx.node)
    if call is None or not PAGED_LIST_CONFIG.search(text(call.arguments)) or not re.search(r"\b(androidx|android\.arch)\.paging\b|\bPagedList\b", ctx.data.decode("utf-8", "replace")):
        return False
    if LOCAL_SOURCE.search(text(holder)) and "BoundaryCallback" not in text(holder):
        return Verdict(severity="info", note="The pages come from the app's own database (a DAO query): "
                       "the list ends where the stored data ends, so this is lowered to info.")
    return True


STATIC_PAGING_DATA = re.compile(r"\bPagingData\.(from|empty)\s*\(|\bflowOf\s*\(")
PREVIEW_ANNOTATION = re.compile(r"@(?!FlowPreview\b)\w*Preview\w*\b")  # not the coroutines opt-in marker @FlowPreview


@own_records_at_info
def lazy_paging_items(ctx: CheckContext) -> Verdict | bool:
    """Compose `pager.flow.collectAsLazyPagingItems()` of a real pager, not static sample data
    (`flowOf(PagingData.from(list))`), a `@Preview`, or a wrapper extension that is itself named
    `collectAsLazyPagingItems` (its callers are reported)."""
    navigation = ctx.node.named_children[0] if ctx.node.named_child_count else None
    receiver = navigation.named_children[0] if navigation is not None and navigation.named_child_count else None
    if receiver is not None and STATIC_PAGING_DATA.search(expanded_text(ctx, receiver)):
        return False
    for fn in ancestors(ctx.node):
        if fn.type != "function_declaration":
            continue
        if function_name(fn) == "collectAsLazyPagingItems":
            return False
        modifiers = next((c for c in fn.named_children if c.type == "modifiers"), None)
        if modifiers is not None and PREVIEW_ANNOTATION.search(text(modifiers)):
            return False
    if _project_pages_only_local(ctx):
        return Verdict(severity="info", note="Every Pager and PagingSource of the app reads its own database (Room DAO queries, "
                       "no RemoteMediator or network source): the list ends where the stored data ends, so this is lowered to info.")
    return True


PAGER_CALL = re.compile(r"(?<![\w.])Pager\s*(?:<[^<>;{}]*>)?\s*\(")
# An app's own paging source class (Paging 3, or a Paging 2 DataSource): what its `load` reads decides.
PAGING_SOURCE_CLASS = re.compile(r"\bclass\s+\w+[^{]*?(?::|\bextends)\s*(?:Rx\w*|ListenableFuture)?(PagingSource|PageKeyedDataSource|ItemKeyedDataSource|PositionalDataSource)\s*<")
NETWORK_READ = re.compile(r"(?i)\b\w*(api|service|client|remote|retrofit|http|network|server|firestore|firebase|graphql|supabase)\w*\s*[.:(]")
STRINGS_AND_COMMENTS = re.compile(r'"""[\s\S]*?"""|"(?:\\.|[^"\\\n])*"|//[^\n]*|/\*[\s\S]*?\*/')


def _project_pages_only_local(ctx: CheckContext) -> bool:
    """Every androidx.paging `Pager` of the project pages a local database (`Pager(config) {
    feedDao.pagedItems() }`, a Room `@RawQuery` built in the lambda) and every PagingSource class the
    app writes itself reads a DAO or database and no network client; no RemoteMediator anywhere. Room
    writes the DAO's `PagingSource` functions, which read only stored rows. A screen collecting such
    pages shows a list that ends where the stored data ends (memoised per project)."""
    index = project_index.for_context(ctx)
    key = ("infinite-scroll:pages-only-local", index.key, index.digest)
    if key in _LOCAL_PAGES:
        return _LOCAL_PAGES[key]
    found = 0
    answer = True
    for data in index.files().values():
        if b"Pager" not in data and b"Source" not in data:
            continue
        code = STRINGS_AND_COMMENTS.sub('""', data.decode("utf-8", "replace"))
        if "RemoteMediator" in code:
            answer = False
            break
        blocks = [_pager_block(code, m.end() - 1) for m in PAGER_CALL.finditer(code)]
        blocks += [braced(code, code.find("{", m.end())) for m in PAGING_SOURCE_CLASS.finditer(code) if code.find("{", m.end()) >= 0]
        for block in blocks:
            found += 1
            if not LOCAL_SOURCE.search(block) or NETWORK_READ.search(block):
                answer = False
                break
        if not answer:
            break
    _LOCAL_PAGES[key] = answer = answer and found > 0
    return answer


_LOCAL_PAGES: dict[tuple, bool] = {}


def _pager_block(code: str, paren: int) -> str:
    """`Pager(...)` with its trailing lambda (`{ dao.paged() }`), from the `(` at `paren`."""
    arguments = braced(code, paren, "()")
    end = paren + len(arguments)
    after = len(code) - len(code[end:].lstrip())
    return arguments + (braced(code, after) if code[after:after + 1] == "{" else "")


# `Pager(config) { libraryDao.pagedShows() }`, `pagingSourceFactory = db.draftDao()::draftsPagingSource`
LOCAL_SOURCE = re.compile(r"\b\w*(Dao|dao|DAO)\b|\b(database|db|appDatabase|roomDatabase)\s*\.|\b(?![Ff]irebase)\w*(Db|DB|Database)\s*(\(\))?\s*\.|\w+Queries\s*\.|\broom(Repository|Repo|Db|Database|DataSource)\s*\.|\blocal\w*(DataSource|Source|Store|Repository|Repo)\s*\.")
