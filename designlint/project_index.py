"""The project index: what the other files of a file's project say about a name.

Rules are file-local by default, but some patterns span files: a music service whose `play()`
runs because five screens call `playMusic()` from `initState`, a shop that charges gems and then
calls `OpenChest()` written in another class, a worker class a settings file schedules every day.
A check asks here for the call sites of a function name (or the places a type name is used) in
the same project and language group, each with its context: the named functions around it, the
calls and labels (`onPressed:`, `setOnClickListener`, `PlayerAdded:Connect`) it sits in, and the
class that holds it. `triggers()` follows callers up a few levels and says whether a name runs
when a screen or scene loads, when the user acts, or neither. `type_unused()` says a screen or
class is never created or named anywhere (code, Android manifest and layouts, storyboards), so
what it does never runs.

The project is the nearest folder up with a marker for the language (pubspec.yaml, settings.gradle,
Package.swift, ProjectSettings/, project.godot, default.project.json, pyproject.toml, package.json,
else .git); a scanner may pin it (fixture folders are their own project). The same files are read
whether one file or the whole tree is scanned, so pre-commit and CI agree. Files of the group are
listed once per scan and process, read as bytes; only files whose bytes contain a queried name are
parsed, once each. An answer depends on every file of the group: the check records one input,
`project:<root>|<group>` with a digest of them all, and the content cache re-checks that digest
(`input_unchanged`) before it reuses the file's result.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tree_sitter import Node, Query, QueryCursor

from designlint import budget
from designlint.checks import polyglot
from designlint.checks.util import FUNCTION_TYPES, within
from designlint.files import DEFAULT_EXCLUDED_DIRS
from designlint.languages import EXTENSIONS, kind_for, language_family, load_language, path_top_level_is_script_body
from designlint.source import SkipFile, SourceFile, TimeBudgetExceeded, parse_source

# Groups of languages whose files call each other (Kotlin calls Java, TSX imports TS).
GROUPS: dict[str, str] = {
    "kotlin": "android", "java": "android",
    "javascript": "ecmascript", "typescript": "ecmascript", "tsx": "ecmascript",
}
# Files that mark a project's root folder, per group; `.git` is the fallback for all.
ROOT_MARKERS: dict[str, tuple[str, ...]] = {
    "dart": ("pubspec.yaml",),
    "android": ("settings.gradle", "settings.gradle.kts", "pom.xml"),
    "swift": ("Package.swift", "Podfile", "Cartfile", "*.xcodeproj", "*.xcworkspace"),
    "csharp": ("ProjectSettings", "*.sln"),
    "gdscript": ("project.godot",),
    "lua": ("default.project.json", "wally.toml", "aftman.toml", "rokit.toml", "selene.toml", "conf.lua"),
    "python": ("manage.py", "pyproject.toml", "setup.py", "setup.cfg", "requirements.txt", "Pipfile"),
    "ecmascript": ("package.json",),
}
MAX_LEVELS = 24  # folders walked up looking for a marker (Android sources sit 10+ deep)
MAX_FILES = 4000  # files of one group indexed per project (the first ones in path order)
MAX_FILE_BYTES = 1_000_000
PARSE_SECONDS = 5.0
MAX_SITES = 300  # call sites returned for one name
MAX_FILES_PER_NAME = 200  # files read for one name
KEPT_TREES = 48  # parsed files kept between questions
INPUT_PREFIX = "project:"
MAX_RESOURCE_FILES = 1500  # resource files (manifests, layouts, storyboards) read per project
# Resource files that create classes by name, per group: the Android manifest (activities,
# services, receivers), layouts (custom views, <fragment android:name>), navigation graphs and
# preference screens; iOS storyboards and xibs (customClass="...").
RESOURCE_FILES: dict[str, re.Pattern[str]] = {
    # Also the default-locale value files (`res/values/strings.xml`), which create no class: the text
    # an `R.string.name` reference shows (checks/android_strings.py; `value_resources()`).
    "android": re.compile(r"(^|/)(AndroidManifest\.xml|res/(layout|navigation|xml)[\w-]*/[^/]+\.xml|res/values/[^/]+\.xml)$"),
    "swift": re.compile(r"\.(storyboard|xib)$|(^|/)[\w.-]*Info\.plist$"),
    # Godot scenes, resources and settings attach and autoload scripts (read by autoplay games'
    # `godot_script_unused`; listed here so the project digest covers them).
    "gdscript": re.compile(r"\.(tscn|tres|godot|cfg)$"),
    # Unity `.meta` files (an asset's guid, which scenes reference) and ProjectSettings `.asset`
    # files (the scenes in the build): read by autoplay_unity through its own listing, no check
    # asks the index for this group.
    "unity-scene": re.compile(r"\.(meta|asset)$"),
}
# Android value files of the default locale (strings, plurals, colours): text, not class names.
VALUE_FILE = re.compile(r"(^|/)res/values/[^/]+\.xml$")
# Groups whose types are all created from code or the resources above. Unity components, Godot
# scripts and Roblox modules are attached in scenes and prefabs: never "unused" by this test.
TYPES_CREATED_IN_CODE = frozenset({"android", "swift", "dart"})
# Groups whose typed receivers are followed one hop through another file's property
# (`cell?.playerView?.play(url:)`, `playerView` declared `@IBOutlet var playerView: VideoPlayerView!`
# in the cell's class): Swift, where a view controller reaches its cells' player views so.
PROPERTY_HOP_GROUPS = frozenset({"swift"})
# A Swift stored or computed property declared with a type: `@IBOutlet weak var playerView: T!`,
# `let player: T?`, `private(set) var player: T`.
SWIFT_PROPERTY = re.compile(rb"\b(?:var|let)\s+(\w+)\s*:\s*(\w+)\s*[?!]?")
# The type declarations of a Swift file, to find the class a property belongs to.
SWIFT_TYPE_DECLARATION = re.compile(rb"^[ \t]*(?:@\w+\s+)*(?:(?:public|private|fileprivate|internal|open|final)\s+)*(?:class|struct|actor|extension)\s+(\w+)", re.M)
# Where a use of a type does not make it run: tests, and previews that only render it in the IDE.
NOT_A_RUN_PATH = re.compile(r"(^|/)(test|tests|androidTest|testDebug|integration_test|test_driver|\w*UITests|\w*Tests)/|_test\.dart$|Tests?\.(swift|kt|java)$")
PREVIEW_OWNER = re.compile(r"\w*_Previews?$|Previews?$")  # SwiftUI `ContentView_Previews: PreviewProvider`
# Types the system starts: a Swift `@main` App or app delegate.
ENTRY_POINT = re.compile(rb"@(main|UIApplicationMain|NSApplicationMain)\b")
# Screens a router opens by a path string declared on the class (ARouter/TheRouter @Route, WMRouter
# @RouterUri, DeepLinkDispatch @DeepLink): no code names the class, yet it runs.
ROUTED = re.compile(rb"@(Route|RouterUri|RouterPage|Router|DeepLink|AppLink|WebDeepLink)\s*\(")

# Where a name runs, read from the names around a call site (innermost first).
LOAD_NAME = re.compile(
    r"^(initState|didChangeDependencies|onCreate|onCreateView|onViewCreated|onStart|onResume|onPostResume|"
    r"onAttach|onActivityCreated|onWindowFocusChanged|viewDidLoad|viewWillAppear|viewDidAppear|loadView|"
    r"awakeFromNib|onAppear|task|didMoveToView|didMove|sceneDidLoad|Start|Awake|OnEnable|OnStart|"
    r"OnStartClient|OnStartLocalPlayer|Init|Initialize|_ready|_enter_tree|load|onLoad|onMount|"
    r"componentDidMount|useEffect|onMounted|mounted|PlayerAdded|CharacterAdded|LocalPlayerAdded|"
    r"application|didFinishLaunchingWithOptions|main|runApp|LaunchedEffect|DisposableEffect|"
    r"OnSceneLoaded|sceneLoaded|onReady|ready|onInit)$"
)
# Labels (named arguments, event receivers) that mean load: Roblox join events. Other labels such
# as `onLoad:` of a refresh widget mean "load the next page", not "the screen opened".
LOAD_LABEL = re.compile(r"^(PlayerAdded|CharacterAdded|LocalPlayerAdded|sceneLoaded|Loaded)$")
# Callbacks named for what the person does, beyond tap and press (`onWatch`, `onReplay`,
# `onPlayRequested`, `onPointerUp`, a seek bar's `onStopTrackingTouch`, a switch's `onCheckedChanged`): a
# widget's own callback parameters, handed a closure or a method, or the methods of its listener.
# (`onReady`, `onLoaded`, `onInit`, `onPageChanged`, `onVisibilityChanged` are not: no one asked.)
USER_CALLBACK = (
    r"_?on(Watch|Rewatch|Replay|Replayed|PlayAgain)(Now|Clip|Video|Episode|Trailer|Movie|Pressed|Tapped|Clicked|Selected)?|"
    r"_?on(Confirm|Confirmed|Accept|Accepted)(Listener|Pressed|Tapped|Clicked|Callback|Action)?|"  # a dialog's confirm button
    r"_?on(StartRadio|PlayNext|PlayLater|Enqueue|AddToQueue|Shuffle(Play|All|Queue|Songs)?|PlayAll)|"  # a media app's menu and queue entries
    r"_?on\w*Requested|_?onPointer(Up|Down)|_?on(Double|Secondary|Tertiary)?Tap\w*|_?on(Item|Video|Clip|Episode|Movie|Song|Track)?(Selected|Chosen|Picked)|"
    r"_?onScrub(Start|Move|Stop)|_?on(Start|Stop)TrackingTouch|_?onCheckedChanged?"  # a time bar or seek bar the person drags, a switch they flip
)
USER_NAME = re.compile(
    r"^(" + USER_CALLBACK + r"|on[A-Z]?\w*(Click|Clicked|Press|Pressed|Tap|Tapped|LongPress|Submit|Submitted)|"
    r"setOn\w*(Click|Touch|CheckedChange)Listener|onClick|onPressed|onTap|onTapGesture|onLongPress|onLongPressGesture|"
    r"clickable|combinedClickable|Button|IconButton|TextButton|ElevatedButton|GestureDetector|InkWell|"
    r"action|primaryAction|addTarget|handle\w*(Click|Press|Tap)|\w+(Tapped|Clicked|Pressed|ButtonTap)|"
    r"_on_\w*_(pressed|button_up|button_down|toggled|gui_input)|pressed|button_up|"
    r"MouseButton1Click|MouseButton1Down|Activated|Triggered|TouchTap|OnPointerClick|OnMouseDown|"
    r"OnClick|OnButton\w*|onValueChanged|onSubmit|ElementClicked|IBAction)$"
)


@dataclass(frozen=True)
class Site:
    """One place a name is called or used: where, and what surrounds it (innermost first)."""

    path: str  # absolute
    shown: str  # relative to the project root
    line: int  # 1-based
    name: str
    receiver: str  # `musicService` for musicService.playMusic(); "" for a bare call or a reference
    # `call`: name(...); `passed`: the name handed over as a value (`onPressed: playMusic`,
    # `AddListener(PlayMusic)`), so it runs when the receiver decides; `type`: a type-like name used.
    role: str
    owner: str  # the class (object, struct, extension) holding it, "" at top level
    # ("fn", name) named functions, ("call", name) calls it is an argument of, ("label", name)
    # named arguments and assignments it is the value of; innermost first, up to the top.
    context: tuple[tuple[str, str], ...]
    snippet: str
    column: int = 0  # 0-based, on `line`
    byte: int = 0  # start byte in the file

    @property
    def functions(self) -> tuple[str, ...]:
        return tuple(name for kind, name in self.context if kind == "fn")

    def where(self) -> str:
        return f"{self.shown}:{self.line}"


@dataclass(frozen=True)
class Definition:
    """A named function in the project: where, its class and its source text (capped)."""

    path: str
    shown: str
    line: int
    name: str
    owner: str
    text: str


@dataclass(frozen=True)
class Trigger:
    """What makes a name run: `load`, `user` or `other`, and the call site that says so."""

    kind: str
    site: Site
    via: tuple[str, ...]  # names between the queried one and the site that decided (callers first)


@dataclass
class _NameFacts:
    """What the project's files say about one name."""

    calls: list[Site] = field(default_factory=list)
    references: list[Site] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)


class ProjectIndex:
    """The files of one project and language group, read lazily and answered from."""

    def __init__(self, root: Path, group: str):
        self.root = root
        self.group = group
        global _seconds
        started = budget.now()
        self.key = f"{INPUT_PREFIX}{root}|{group}"
        self._files: list[tuple[Path, bytes]] = _read_group(root, group)
        resources = _read_resources(root, group)
        self.digest = _digest(root, self._files + resources)
        # Value files hold text, not class names: kept apart from the resources that create classes.
        self._values = [(p, data) for p, data in resources if VALUE_FILE.search(_relative(root, p))]
        self._resources: list[tuple[Path, bytes]] = [(p, data) for p, data in resources if not VALUE_FILE.search(_relative(root, p))]
        _seconds += budget.now() - started
        self._names: dict[str, _NameFacts] = {}
        self._sources: OrderedDict[Path, SourceFile | None] = OrderedDict()
        self._by_path: dict[str, bytes] | None = None
        self._unused: dict[tuple[str, str, int], bool] = {}
        self._complete: bool | None = None
        self._typed: dict[str, list[Site]] = {}
        self._holders: dict[tuple[str, ...], dict[str, tuple[frozenset[str], bool]]] = {}

    def root_is_project(self) -> bool:
        """The root holds a project marker of the group (pubspec.yaml, Gradle settings, an Xcode
        project...) or .git: the index covers a real project, not only a file's folder, so
        "no other file calls it" means nothing does."""
        markers = [*ROOT_MARKERS.get(self.group, ()), *FALLBACK_MARKERS.get(self.group, ()), ".git"]
        try:
            names = [entry.name for entry in self.root.iterdir()]
        except OSError:
            return False
        return any(n == m or (m.startswith("*") and n.endswith(m[1:])) for m in markers for n in names)

    def calls(self, name: str) -> list[Site]:
        """Every call of `name` in the project (any receiver), in path and line order."""
        return self._facts(name).calls[:MAX_SITES]

    def references(self, name: str) -> list[Site]:
        """Every use of `name` that is not a call: a type-like name used (`VideoActivity::class`,
        `ReminderWorker` as a type argument) or a function handed over as a value."""
        return self._facts(name).references[:MAX_SITES]

    def calls_on_type(self, name: str, types: tuple[str, ...]) -> list[Site]:
        """Calls of `name` made on an object of one of `types` (a class and its own supertypes), in
        the files whose bytes name one of them: for method names too common to follow by name alone
        (`play`, `start`), such as an app's own player wrapper's `play()`. A call counts when its
        receiver names the type (`ReelPlayer.shared`, `get<ReelPlayer>()`), is a property, variable
        or parameter that file declares with the type or creates from it (`val player: ReelPlayer`,
        `player = ReelPlayer(ctx)`, `ReelPlayer player;`, `final ReelPlayer player`), or is named
        after it (`reelPlayer`), or is a bare call inside the class itself. In Swift also one hop
        through another class's property (`videoCell?.playerView?.play(url:)`, with `playerView`
        declared `VideoPlayerView!` in `VideoCell`): then the calling file need only name the
        class that holds the property (see `property_holders`), and a receiver named after the
        type in camel case (`videoPlayerView`) counts without the type's own spelling."""
        key = f"{name}@{'|'.join(types)}"
        if key in self._typed:
            return self._typed[key]
        global _seconds
        started = budget.now()
        out: list[Site] = []
        needles = [t.encode("utf-8", "replace") for t in types if t]
        holders: dict[str, tuple[frozenset[str], bool]] = {}
        if self.group in PROPERTY_HOP_GROUPS:
            needles += [n[:1].lower() + n[1:] for n in needles if n[:1].isupper()]  # `videoPlayerView`
            holders = self.property_holders(types)
        hops = [(b"." + prop.encode(), [h.encode() for h in classes]) for prop, (classes, _) in holders.items()]
        try:
            if needles and re.fullmatch(r"[A-Za-z_$][\w$]*", name):
                matched = 0
                for path, data in self._files:
                    if name.encode() not in data:
                        continue
                    if not any(n in data for n in needles) and not any(prop in data and any(h in data for h in held) for prop, held in hops):
                        continue
                    source = self._source(path, data)
                    if source is None:
                        continue
                    facts = _NameFacts()
                    _collect(self.root, source, name, facts)
                    text = data.decode("utf-8", "replace")
                    out.extend(s for s in facts.calls if receiver_has_type(s, types, text, holders))
                    matched += 1
                    if matched >= MAX_FILES_PER_NAME or len(out) >= MAX_SITES:
                        break
        finally:
            _seconds += budget.now() - started
        self._typed[key] = out[:MAX_SITES]
        return self._typed[key]

    def property_holders(self, types: tuple[str, ...]) -> dict[str, tuple[frozenset[str], bool]]:
        """Swift properties declared with one of `types`, by name, each with the classes (structs,
        extensions) that declare it and whether some class declares the same name with another
        type: `{"playerView": ({"VideoCell", "PlayerCell"}, False)}` from `@IBOutlet weak var
        playerView: VideoPlayerView!`. Read by text (no parsing): the files that spell one of the
        types, then every file for the other declarations of those names."""
        key = tuple(types)
        if key in self._holders:
            return self._holders[key]
        wanted = {t.encode("utf-8", "replace") for t in types if t}
        found: dict[str, set[str]] = {}
        other: set[str] = set()
        for _path, data in self._files:
            if not any(t in data for t in wanted):
                continue
            heads = [(m.start(), m.group(1).decode()) for m in SWIFT_TYPE_DECLARATION.finditer(data)]
            for m in SWIFT_PROPERTY.finditer(data):
                if m.group(2) not in wanted:
                    continue
                holder = next((name for start, name in reversed(heads) if start < m.start()), "")
                if holder and holder.encode() not in wanted:
                    found.setdefault(m.group(1).decode(), set()).add(holder)
        names = {n.encode() for n in found}
        if names:
            for _path, data in self._files:
                for m in SWIFT_PROPERTY.finditer(data):
                    if m.group(1) in names and m.group(2) not in wanted:
                        other.add(m.group(1).decode())
        self._holders[key] = {n: (frozenset(c), n in other) for n, c in found.items()}
        return self._holders[key]

    def definitions(self, name: str) -> list[Definition]:
        """Every named function `name` in the project, with its text."""
        return self._facts(name).definitions

    def type_unused(self, name: str, path: str | Path, span: tuple[int, int], depth: int = 2) -> bool:
        """True when the whole project shows that type `name`, declared in `path` over the byte
        `span`, is never created or named: no call or use of the name outside its own declaration
        and no resource that creates it (a manifest entry that can start by itself, a layout tag,
        a navigation destination, a storyboard customClass). Tests, IDE previews, extensions of the
        type and a Flutter `State<Name>` do not count, nor uses inside another class that is itself
        unused (followed `depth` classes up). A screen or player nobody opens never runs. False
        whenever unsure: the root is not a whole project, the group attaches scripts in scenes
        (Unity, Godot, Roblox), the name is short or common, or a resource names it in a form this
        test cannot resolve."""
        if self.group not in TYPES_CREATED_IN_CODE or too_common(name) or not self.root_is_project() or not self._resources_complete():
            return False
        if not name.lstrip("_$")[:1].isupper():
            return False  # `videoPlayerActivity`: uses of lower-case names are not indexed as type uses
        key = (name, str(Path(path).resolve()), span[0])
        if key in self._unused:
            return self._unused[key]
        self._unused[key] = False  # a cycle of classes naming each other counts as used
        self._unused[key] = answer = self._type_unused(name, key[1], span, depth)
        return answer

    def _type_unused(self, name: str, own: str, span: tuple[int, int], depth: int) -> bool:
        not_uses = re.compile(rf"\bState<\s*{re.escape(name)}\s*>|^\s*(?:(?:public|private|fileprivate|internal)\s+)?extension\s+{re.escape(name)}\b")
        sites = [*self.calls(name), *self.references(name)]
        if len(sites) >= MAX_SITES:
            return False
        for site in sites:
            if site.path == own and span[0] <= site.byte < span[1]:
                continue
            if NOT_A_RUN_PATH.search(site.shown) or PREVIEW_OWNER.fullmatch(site.owner or "-") or any(n == "Preview" for _, n in site.context):
                continue
            if not_uses.search(site.snippet):
                continue
            holder = self._class_around(site) if depth > 0 and site.owner and site.owner != name else None
            if holder is not None and self.type_unused(site.owner, site.path, holder, depth - 1):
                continue
            return False
        declaration = self.files().get(own, b"")[max(0, span[0] - 40) : span[1]]
        if ENTRY_POINT.search(declaration) or ROUTED.search(declaration.split(b"{", 1)[0]):
            return False
        return not self._named_in_resources(name, own)

    def _class_around(self, site: Site) -> tuple[int, int] | None:
        """The byte span of the class named `site.owner` that holds the site."""
        source = self.source(site.path)
        if source is None:
            return None
        for region in source.regions:
            node = region.root.descendant_for_byte_range(site.byte, site.byte)
            while node is not None:
                if node.type in CLASS_TYPES and class_name(node) == site.owner:
                    if node.type == "class_body" and node.parent is not None:
                        node = node.parent  # the declaration, with its attributes (@main) and head
                    return node.start_byte, node.end_byte
                node = node.parent
        return None

    def _resources_complete(self) -> bool:
        """The resources that create classes are all here: an Android project has its manifest, an
        Xcode project has every storyboard, xib and Info.plist its project file lists (a partial
        checkout or a snapshot without them would make every screen look unused)."""
        if self._complete is None:
            names = {path.name for path, _ in self._resources}
            if self.group == "android":
                self._complete = "AndroidManifest.xml" in names
            elif self.group == "swift":
                listed: set[str] = set()
                for project_file in self.root.glob("**/*.xcodeproj/project.pbxproj"):
                    if any(part in DEFAULT_EXCLUDED_DIRS for part in project_file.relative_to(self.root).parts):
                        continue  # CocoaPods' own project lists the pods' plists
                    try:
                        data = project_file.read_bytes()
                    except OSError:
                        continue
                    listed |= {m.decode("utf-8", "replace") for m in re.findall(rb"([\w .+-]+\.(?:storyboard|xib|plist))\b", data)}
                wanted = {n.strip().strip('"') for n in listed if n.strip().endswith((".storyboard", ".xib")) or n.strip().endswith("Info.plist")}
                self._complete = wanted <= names
            else:
                self._complete = True
        return self._complete

    def _named_in_resources(self, name: str, declared_in: str) -> bool:
        """A resource names the type. Android entries are resolved against the class's package:
        `.douyin.MainActivity` or `com.app.douyin.MainActivity` name that class, `.MainActivity`
        names the one in the manifest's package; an entry this cannot resolve (`${applicationId}.X`)
        counts as naming it."""
        needle = name.encode()
        qualified = _qualified_name(self.files().get(declared_in, b""), name)
        for path, data in self._resources:
            if needle not in data:
                continue
            if self.group != "android" or qualified is None:
                if any(not _tools_attribute(data, m.start()) for m in re.finditer(rb"(?<![\w$])" + re.escape(needle) + rb"(?![\w$])", data)):
                    return True
                continue
            package = _manifest_package(path, data)
            for match in re.finditer(rb"[\w.$]*(?<![\w$])" + re.escape(needle) + rb"(?![\w$])", data):
                if _tools_attribute(data, match.start()):
                    continue
                entry = match.group(0).decode("utf-8", "replace")
                if data[max(0, match.start() - 1) : match.start()] == b"}":
                    return True  # `${applicationId}.BootReceiver`: a Gradle placeholder, resolved at build time
                if "." not in entry or entry.startswith("."):
                    if package is None:
                        return True
                    entry = package + ("" if entry.startswith(".") else ".") + entry
                if entry == qualified and _entry_runs(data, match.start()):
                    return True
        return False

    def triggers(self, name: str, depth: int = 3, exclude: str | None = None) -> list[Trigger]:
        """What makes `name` run, following callers up to `depth` levels: for each call site (or
        place the function is handed over as a callback), `load` or `user` as soon as the names
        around it say so, else the named function holding it is followed in turn; `other` when a
        chain ends undecided (no caller found, or the depth limit). `exclude` is a path whose
        direct sites are left out (the asking file, when it has judged its own calls)."""
        out: list[Trigger] = []
        seen = {name}
        # (name to find callers of, names followed so far, the site that led here)
        frontier: list[tuple[str, tuple[str, ...], Site | None]] = [(name, (), None)]
        for level in range(max(1, depth) + 1):
            next_frontier: list[tuple[str, tuple[str, ...], Site | None]] = []
            for current, via, led_here in frontier:
                sites = self._runs_of(current)
                if exclude is not None and not via:
                    sites = [s for s in sites if s.path != exclude]
                if led_here is not None and (not sites or level == depth):
                    out.append(Trigger("other", led_here, via))  # a dead end or the depth limit
                    continue
                followed = len(out) + len(next_frontier)
                for site in sites:
                    kind = classify(site)
                    holder = next((n for k, n in site.context if k == "fn"), "")
                    if kind or not holder or too_common(holder):
                        out.append(Trigger(kind or "other", site, via))
                    elif holder not in seen:  # a holder met before is followed once
                        seen.add(holder)
                        next_frontier.append((holder, (*via, holder), site))
                if led_here is not None and len(out) + len(next_frontier) == followed:
                    out.append(Trigger("other", led_here, via))  # only calls from itself (recursion, super)
            frontier = next_frontier
            if not frontier:
                break
        return out

    def _runs_of(self, name: str) -> list[Site]:
        """Where `name` is called or handed over as a callback."""
        return [*self.calls(name), *(r for r in self.references(name) if r.role == "passed")]

    def _facts(self, name: str) -> _NameFacts:
        """Calls, uses and definitions of `name` in the files whose bytes contain it (the first
        MAX_FILES_PER_NAME of them). A tree-sitter query finds the name's identifiers, so only
        they are looked at. The time spent is counted in `seconds_spent()`."""
        if name in self._names:
            return self._names[name]
        global _seconds
        started = budget.now()
        facts = _NameFacts()
        needle = name.encode("utf-8", "replace")
        try:
            if len(needle) >= 3 and re.fullmatch(r"[A-Za-z_$][\w$]*", name):
                matched = 0
                for path, data in self._files:
                    if needle not in data:
                        continue
                    source = self._source(path, data)
                    if source is not None:
                        _collect(self.root, source, name, facts)
                    matched += 1
                    if matched >= MAX_FILES_PER_NAME:
                        break
        finally:
            _seconds += budget.now() - started
        self._names[name] = facts
        return facts

    def files(self) -> dict[str, bytes]:
        """path -> bytes of every file of the project's language group (what the digest covers:
        a check that reads them needs no dependency of its own)."""
        if self._by_path is None:
            self._by_path = {str(p): data for p, data in self._files}
        return self._by_path

    def resources(self) -> list[tuple[str, bytes]]:
        """(path, bytes) of the project's resource files the digest covers (Android layouts and
        manifests, storyboards, Godot scenes): where a name may be used without a call in code."""
        return [(str(p), data) for p, data in self._resources]

    def value_resources(self) -> list[tuple[str, bytes]]:
        """(path, bytes) of the Android default-locale value files (`res/values/*.xml`, not
        `values-de/`) the digest covers: the text of the app's string resources."""
        return [(str(p), data) for p, data in self._values]

    def is_test_path(self, path: str | Path) -> bool:
        """Whether a file of the project is test code (its path under the project's root)."""
        return bool(NOT_A_RUN_PATH.search(_relative(self.root, Path(path))))

    def source(self, path: str | Path) -> SourceFile | None:
        """Another file of the project, parsed (the bytes the digest was made of; the last few files
        are kept). None for a file outside the index or one that cannot be parsed."""
        data = self.files().get(str(path))
        if data is None:
            return None
        global _seconds
        started = budget.now()
        try:
            return self._source(Path(path), data)
        finally:
            _seconds += budget.now() - started

    def _source(self, path: Path, data: bytes) -> SourceFile | None:
        """The parsed file, kept for the last few files asked about (None: not parseable)."""
        if path in self._sources:
            self._sources.move_to_end(path)
            return self._sources[path]
        kind = kind_for(path.name)
        source = None
        if kind is not None:
            try:
                source = parse_source(path, data, kind, budget.deadline_in(PARSE_SECONDS))
            except (SkipFile, TimeBudgetExceeded, ValueError, RecursionError):
                source = None
        self._sources[path] = source
        if len(self._sources) > KEPT_TREES:
            self._sources.popitem(last=False)
        return source


def receiver_has_type(site: Site, types: tuple[str, ...], file_text: str, holders: dict[str, tuple[frozenset[str], bool]] | None = None) -> bool:
    """Whether the receiver of a call site is an object of one of `types`, read from the calling
    file's text (see `ProjectIndex.calls_on_type`): the type named in the receiver, else the type
    the file declares the receiver's last name with, else a property of another class declared
    with the type (`holders`, see `_through_property`), else (no declaration in the file: a
    parameter of a lambda, a property of a base class) a name spelled like the type."""
    receiver = site.receiver
    if not receiver:
        return site.owner in types
    if any(re.search(rf"\b{re.escape(t)}\b", receiver) for t in types):
        return True
    last = re.sub(r"[?!]|\(\s*\)", "", re.split(r"[.:]", re.sub(r"\s+", "", receiver).rstrip("?!."))[-1])
    if not re.fullmatch(r"[A-Za-z_$][\w$]*", last):
        return False
    declared = declared_types(last, file_text)
    if declared:
        return bool(declared & set(types))
    if holders and last in holders:
        return _through_property(receiver, *holders[last], file_text)
    bare = last[1:] if re.match(r"^m[A-Z]", last) else last.lstrip("_$")
    return any(bare.lower() == t.lower() for t in types)  # `reelPlayer`, `_reelPlayer`, `mReelPlayer`


def _through_property(receiver: str, classes: frozenset[str], ambiguous: bool, file_text: str) -> bool:
    """`videoCell?.playerView?` where `playerView` is a property the `classes` declare with the
    wanted type: the object before it is one of them, by its cast or declaration in the file
    (`let videoCell = collectionView.visibleCell as? VideoCell`, `cell: VideoCell`,
    `(cell as? VideoCell)?.playerView`); when the file says nothing of its type, the file naming
    one of the classes is enough, unless another class declares the same property name with
    another type (`ambiguous`). A `self.playerView` (or bare) in another class is not."""
    parts = [p for p in re.split(r"[.:]", re.sub(r"\s+", " ", receiver).rstrip("?!. ")) if p.strip()]
    if len(parts) < 2:
        return False
    before = parts[-2]
    if any(re.search(rf"\b{re.escape(c)}\b", before) for c in classes):
        return True
    base = re.sub(r"[?!]|\(\s*\)", "", before).strip()
    if not re.fullmatch(r"[A-Za-z_]\w*", base) or base == "self":
        return False
    casts = {m.group(1) for m in re.finditer(rf"\b{re.escape(base)}\s*=[^\n;]*?\bas[?!]?\s+(\w+)", file_text)}
    casts |= {m.group(1) for m in re.finditer(rf"\blet\s+{re.escape(base)}\s+as[?!]?\s+(\w+)", file_text)}  # `case let cell as VideoCell`
    known = declared_types(base, file_text) | casts
    if known:
        return bool(known & classes)
    return not ambiguous and any(re.search(rf"\b{re.escape(c)}\b", file_text) for c in classes)


def declared_types(name: str, file_text: str) -> set[str]:
    """The type names a file declares or creates `name` with: Kotlin/Swift `val name: T`, a
    parameter `name: T`, Java/Dart/C# `T name;` (and C# `T Name { get; set; }`), `name = T(...)` / `new T(...)` / `T.shared`,
    Kotlin `val name by lazy { T(...) }`."""
    n = re.escape(name)
    found: set[str] = set()
    patterns = (
        rf"\b{n}\s*:\s*([A-Z]\w*)",
        rf"\b([A-Z]\w*)\s*(?:<[^<>;=()]*>)?\s*[?!]?\s+{n}\s*[;=,){{]",  # `{`: a C# property
        rf"\b{n}\s*=\s*(?:new\s+)?([A-Z]\w*)\s*[(.<]",
        rf"\b{n}\s+by\s+\w+\s*\{{\s*([A-Z]\w*)\s*[(.]",
    )
    for pattern in patterns:
        found.update(m.group(1) for m in re.finditer(pattern, file_text))
    return found


def classify(site: Site) -> str:
    """`user` or `load` from the innermost name around a site that says either, else "". A Lua
    site outside any named function runs when the script starts: `load`."""
    for kind, name in site.context:
        if USER_NAME.match(name):
            return "user"
        if (LOAD_LABEL if kind == "label" else LOAD_NAME).match(name):
            return "load"
    if path_top_level_is_script_body(site.path) and not any(kind == "fn" for kind, _ in site.context):
        return "load"
    return ""


# Names so common that following their callers across the project says nothing.
COMMON_NAMES = frozenset(
    "build render update draw init start stop play pause load run show hide open close create dispose "
    "onCreate onResume initState setState main toString equals hashCode get set call invoke apply".split()
)


def too_common(name: str) -> bool:
    """Names so common (or short) that their call sites say nothing about one function."""
    return name in COMMON_NAMES or len(name) < 4


# --- the project and its files ---------------------------------------------------------------

_indexes: dict[tuple[Path, str], ProjectIndex] = {}
_roots: dict[tuple[Path, str], Path] = {}
_digests: dict[str, str] = {}
# Other per-scan listings of a project's files, by name (autoplay_unity's `.meta` guids).
_side_caches: dict[str, dict] = {}
_seconds = 0.0  # time spent reading and parsing other files, in this process


def seconds_spent() -> float:
    """Seconds this process has spent building project facts: the engine does not charge them to
    the time budget of the file that happened to ask first (the facts serve every file)."""
    return _seconds


def reset() -> None:
    """Forget every listing and answer (a new scan may follow edits on disk)."""
    _indexes.clear()
    _roots.clear()
    _digests.clear()
    _side_caches.clear()


def side_cache(name: str) -> dict:
    """A dict a check fills with what it read from a project's files, forgotten with the rest by
    `reset()` (a new scan may follow edits on disk)."""
    return _side_caches.setdefault(name, {})


def group_of(language: str) -> str:
    family = language_family(language)
    return GROUPS.get(family, family)


# Markers used only when no folder up has one of the group's ROOT_MARKERS: a Gradle module's own
# build file (a snapshot or an old project without settings.gradle); the topmost one is the root.
FALLBACK_MARKERS: dict[str, tuple[str, ...]] = {"android": ("build.gradle", "build.gradle.kts")}


def project_root(path: Path, language: str) -> Path:
    """The project folder of a file: the nearest folder up with a marker for its language group,
    else the topmost folder up with a fallback marker (below .git, if any), else the nearest with
    .git, else the file's folder."""
    group = group_of(language)
    folder = path.resolve().parent
    key = (folder, group)
    if key not in _roots:
        _roots[key] = _find_root(folder, ROOT_MARKERS.get(group, ()), FALLBACK_MARKERS.get(group, ()))
    return _roots[key]


def marked_project_root(path: Path, language: str) -> Path | None:
    """project_root when a marker or .git says where the project is, else None (a loose folder)."""
    root = project_root(path, language)
    group = group_of(language)
    if _has_marker(root, (*ROOT_MARKERS.get(group, ()), *FALLBACK_MARKERS.get(group, ()), ".git")):
        return root
    return None


def _find_root(folder: Path, markers: tuple[str, ...], fallback: tuple[str, ...] = ()) -> Path:
    candidates = [folder, *list(folder.parents)[: MAX_LEVELS - 1]]
    for candidate in candidates:
        if _has_marker(candidate, markers):
            return candidate
    if fallback:
        top = next((i for i, c in enumerate(candidates) if (c / ".git").exists()), len(candidates) - 1)
        marked = [c for c in candidates[: top + 1] if _has_marker(c, fallback)]
        if marked:
            return marked[-1]
    for candidate in candidates:
        if (candidate / ".git").exists():
            return candidate
    return folder


def _has_marker(folder: Path, markers: tuple[str, ...]) -> bool:
    for marker in markers:
        if marker.startswith("*"):
            try:
                if any(entry.name.endswith(marker[1:]) for entry in os.scandir(folder)):
                    return True
            except OSError:
                continue
        elif (folder / marker).exists():
            return True
    return False


def index_for(root: Path, language: str) -> ProjectIndex:
    """The index of `root` for a language's group, built once per scan and process."""
    group = group_of(language)
    key = (root.resolve(), group)
    if key not in _indexes:
        _indexes[key] = ProjectIndex(key[0], group)
    return _indexes[key]


def for_context(ctx, language: str | None = None) -> ProjectIndex:
    """The index for the file a check is looking at; records the project as an input of the
    file's result (its cached findings are reused only while the project is unchanged).
    `language`: the language whose project to index when not the file's own (a Godot scene
    file belongs to the project of its scripts)."""
    language = language or ctx.language
    root = ctx.project_root if getattr(ctx, "project_root", None) is not None else project_root(Path(ctx.path), language)
    index = index_for(Path(root), language)
    ctx.depends_on({index.key: index.digest})
    return index


def whole_project(ctx) -> ProjectIndex | None:
    """The index for the file a check is looking at when the file belongs to a whole project (a
    project marker or .git at the index's root), so "nothing else in the project does X" can be
    trusted; None for a lone file or folder, or when no project can be read."""
    try:
        index = for_context(ctx)
    except Exception:  # no project around the file
        return None
    return index if index.root_is_project() else None


def in_unused_class(node: Node, ctx) -> bool:
    """A class around `node`, at any level, is one the whole project never creates or names
    (`ProjectIndex.type_unused`): the code there never runs. A nested class used through its outer
    one (`Outer.Inner`) names the outer class, so it is not taken for dead."""
    index = for_context(ctx)
    current = node.parent
    while current is not None:
        if current.type in CLASS_TYPES and current.type != "class_body":
            name = class_name(current)
            if name and index.type_unused(name, ctx.path, (current.start_byte, current.end_byte)):
                return True
        current = current.parent
    return False


def input_unchanged(key: str, digest: str) -> bool:
    """Whether a recorded `project:` input still has the same digest (for the content cache)."""
    root, _, group = key[len(INPUT_PREFIX):].rpartition("|")
    if not root or not group:
        return False
    index = _indexes.get((Path(root), group))
    if index is not None:
        return index.digest == digest
    if key not in _digests:  # once per scan: every cached file of the project asks the same
        _digests[key] = _digest(Path(root), _read_group(Path(root), group) + _read_resources(Path(root), group))
    return _digests[key] == digest


def _extensions(group: str) -> tuple[str, ...]:
    return tuple(ext for ext, kind in EXTENSIONS.items() if group_of(kind.grammar) == group)


def _read_group(root: Path, group: str) -> list[tuple[Path, bytes]]:
    """(path, bytes) of the group's source files under root, in path order, skipping build,
    vendor and hidden folders; capped by count and size."""
    extensions = _extensions(group)
    return _read_files(root, lambda path: path.name.endswith(extensions), MAX_FILES)


def _read_resources(root: Path, group: str) -> list[tuple[Path, bytes]]:
    """(path, bytes) of the resource files that create the group's classes by name (see
    RESOURCE_FILES), in path order, capped like the sources."""
    wanted = RESOURCE_FILES.get(group)
    if wanted is None:
        return []
    return _read_files(root, lambda path: bool(wanted.search(_relative(root, path))), MAX_RESOURCE_FILES)


def _read_files(root: Path, keep, cap: int) -> list[tuple[Path, bytes]]:
    """The files under root that `keep(path)` accepts, in path order (build, vendor and hidden
    folders skipped), the first `cap` of them read; symlinks and files over MAX_FILE_BYTES left out."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in DEFAULT_EXCLUDED_DIRS and not d.startswith("."))
        found += [path for path in (Path(folder) / f for f in sorted(files)) if keep(path)]
        if len(found) >= cap:
            break
    out = []
    for path in found[:cap]:
        try:
            if path.is_symlink() or path.stat().st_size > MAX_FILE_BYTES:
                continue
            out.append((path, path.read_bytes()))
        except OSError:
            continue
    return out


PACKAGE_LINE = re.compile(rb"^\s*package\s+([\w.]+)", re.M)
MANIFEST_PACKAGE = re.compile(rb"<manifest\b[^>]*?\bpackage\s*=\s*\"([\w.]+)\"")
GRADLE_NAMESPACE = re.compile(rb"\b(?:namespace|applicationId)\s*=?\s*[\"']([\w.]+)[\"']")


STARTED_BY_CODE = frozenset({b"activity", b"activity-alias", b"service", b"receiver"})


TOOLS_ATTRIBUTE = re.compile(rb"""\btools:\w+\s*=\s*["'][^"'<>]*$""")


def _tools_attribute(data: bytes, offset: int) -> bool:
    """The name at `offset` is the value of an Android `tools:` attribute (`tools:context=".Main"`,
    `tools:listitem`): design-time preview hints that create nothing when the app runs."""
    return TOOLS_ATTRIBUTE.search(data, max(0, offset - 120), offset) is not None


def _entry_runs(data: bytes, offset: int) -> bool:
    """A manifest `<activity>`, `<service>` or `<receiver>` runs by itself only with an
    `<intent-filter>` (the launcher, a share target, BOOT_COMPLETED); without one only code starts
    it, and code that does names the class. Any other element (application, provider, a layout
    tag, a navigation destination) runs where it is declared. An element that is commented out
    still counts (developers switch the launcher screen that way; the screen stays part of the app);
    a name only mentioned in a comment's prose does not."""
    start = data.rfind(b"<", 0, offset)
    tag = re.match(rb"<([\w.:-]+)", data[start:]) if start >= 0 else None
    if tag is None:
        return False  # the name in prose (an XML comment's text), not in an element
    if tag.group(1) not in STARTED_BY_CODE:
        return True
    head_end = data.find(b">", offset)
    if head_end > 0 and data[head_end - 1 : head_end] == b"/":
        return False  # <activity android:name=".X" />: no children, no intent filter
    end = re.compile(rb"</" + re.escape(tag.group(1)) + rb"\s*>").search(data, offset)
    return b"<intent-filter" in data[offset : end.end() if end else len(data)]


def _qualified_name(data: bytes, name: str) -> str | None:
    """`com.app.douyin.MainActivity` for a Kotlin/Java file declaring `package com.app.douyin`."""
    match = PACKAGE_LINE.search(data)
    return f"{match.group(1).decode()}.{name}" if match else None


def _manifest_package(path: Path, data: bytes) -> str | None:
    """The package relative entries (`.MainActivity`) resolve against: the manifest's `package`,
    else the module's Gradle `namespace` / `applicationId` (the build file above `src/`)."""
    match = MANIFEST_PACKAGE.search(data)
    if match:
        return match.group(1).decode()
    if path.name != "AndroidManifest.xml":
        # a layout or navigation file: resolve against the module's manifest
        module = next((p for p in path.parents if p.name == "src"), None)
        manifests = sorted(module.glob("*/AndroidManifest.xml")) if module is not None else []
        for manifest in manifests:
            try:
                found = MANIFEST_PACKAGE.search(manifest.read_bytes())
            except OSError:
                continue
            if found:
                return found.group(1).decode()
    module = next((p.parent for p in path.parents if p.name == "src"), None)
    for build in ("build.gradle.kts", "build.gradle"):
        try:
            found = GRADLE_NAMESPACE.search((module / build).read_bytes()) if module is not None else None
        except OSError:
            continue
        if found:
            return found.group(1).decode()
    return None


def _digest(root: Path, files: list[tuple[Path, bytes]]) -> str:
    digest = hashlib.sha256(str(root).encode())
    for path, data in files:
        digest.update(b"\0" + str(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


# --- what one file says ----------------------------------------------------------------------

# Nodes that hold a value under a label: `onPressed: () {}`, `onClick = {}`, `btn.Click += f`.
LABEL_TYPES = frozenset(
    {
        "named_argument", "value_argument", "pair", "jsx_attribute", "assignment", "assignment_expression",
        "property_declaration", "variable_declarator", "argument", "field", "keyword_argument",
        "directly_assignable_expression", "labeled_statement",
    }
)
LABEL = re.compile(r"^\s*(?:[\w$]+\.)*([A-Za-z_$][\w$]*)\s*(?::|\+?=)")
CLASS_TYPES = frozenset(
    {
        "class_declaration", "object_declaration", "class_definition", "struct_declaration", "class_body",
        "protocol_declaration", "extension_declaration", "interface_declaration", "enum_declaration",
        "record_declaration", "extension_definition", "mixin_declaration", "companion_object",
    }
)


def _collect(root: Path, source: SourceFile, name: str, facts: _NameFacts) -> None:
    """Add what one parsed file says about `name`: each identifier spelled so is a function's
    declared name, the callee of a call, a function handed over as a value or a type used."""
    path = Path(source.path)
    shown = _relative(root, path)
    lines = source.data.split(b"\n")
    for region in source.regions:
        query = _identifier_query(region.language, name)
        if query is None:
            continue
        hits = QueryCursor(query).captures(region.root).get("id", [])
        for node in sorted(hits, key=lambda n: n.start_byte):
            defined = _defined_function(node, name)
            if defined is not None:
                text = source.data[defined.start_byte : defined.end_byte][:4000].decode("utf-8", "replace")
                facts.definitions.append(Definition(str(path), shown, defined.start_point[0] + 1, name, _owner(defined), text))
                continue
            call = _call_of(node, name)
            if call is not None:
                receiver = call.receiver
                if not receiver and call.node.type == "cascade_section":
                    receiver = polyglot.dart_cascade_target(call.node)  # `AudioService()..initialize()`: a call on that object
                facts.calls.append(_site(root, path, shown, lines, call.node, name, receiver, "call"))
                continue
            if len(name) < 4 or _is_declaration_name(node):
                continue
            receiver = _passed_as_value(node)
            role = "passed" if receiver is not None else "type" if name.lstrip("_$")[:1].isupper() else ""
            if role:
                facts.references.append(_site(root, path, shown, lines, node, name, receiver or "", role))


IDENTIFIER_KINDS = ("identifier", "simple_identifier", "type_identifier", "property_identifier", "name")


@lru_cache(maxsize=2048)
def _identifier_query(language: str, name: str) -> Query | None:
    """A query for the identifiers of a grammar spelled `name` (None for grammars without any)."""
    grammar = load_language(language)
    kinds = [k for k in IDENTIFIER_KINDS if grammar.id_for_node_kind(k, True)]
    if not kinds:
        return None
    alternatives = " ".join(f"({k})" for k in kinds)
    return Query(grammar, f'([{alternatives}] @id (#eq? @id "{name}"))')


# Dart declares a function in a signature whose body is the next sibling.
DART_SIGNATURES = frozenset({"function_signature", "method_signature", "getter_signature", "setter_signature", "constructor_signature"})


def _defined_function(node: Node, name: str) -> Node | None:
    """The function node `node` is the declared name of (Dart: the body after the signature)."""
    current = node
    for _ in range(3):
        current = current.parent
        if current is None:
            return None
        if current.type in DART_SIGNATURES:
            declared = current.child_by_field_name("name")
            if declared is None or declared.start_byte != node.start_byte:
                return None  # the return or parameter type (`VideoController? get current => ...`), not the name
            top = current.parent if current.parent is not None and current.parent.type == "method_signature" else current
            body = top.next_named_sibling
            return body if body is not None and body.type == "function_body" else None
        if current.type in FUNCTION_TYPES:
            named = polyglot.function_name(current) == name
            body = current.child_by_field_name("body")
            inside_body = body is not None and body.start_byte <= node.start_byte
            return current if named and not inside_body else None
        if current.type == "assignment_statement":
            return _assigned_function(current, node)
        if current.type in polyglot.CALL_TYPES or current.type in ("block", "class_body", "function_body"):
            return None
    return None


def _assigned_function(statement: Node, node: Node) -> Node | None:
    """Lua `AudioPlayer.playAudio = function(name) ... end` (a module's function stored in its
    table): the function when `node` is the name of the first target, else None."""
    targets = next((c for c in statement.named_children if c.type == "variable_list"), None)
    values = next((c for c in statement.named_children if c.type == "expression_list"), None)
    target = targets.named_children[0] if targets is not None and targets.named_children else None
    value = values.named_children[0] if values is not None and values.named_children else None
    if target is None or value is None or value.type != "function_definition":
        return None
    named = target.child_by_field_name("field") if target.type == "dot_index_expression" else target
    return value if named is not None and named.id == node.id else None


def _call_of(node: Node, name: str) -> polyglot.Call | None:
    """The call `node` names as its callee (not one it is an argument of), or None."""
    # Dart: the arguments follow the name as a sibling selector (`.play()`, `play!()`, `..play()`)
    start = node
    if start.parent is not None and start.parent.type in ("unconditional_assignable_selector", "conditional_assignable_selector", "cascade_selector"):
        start = start.parent
        if start.type != "cascade_selector" and start.parent is not None and start.parent.type == "selector":
            start = start.parent
    following = start.next_named_sibling
    if start.type == "cascade_selector" and following is None:
        cascade = _arrow_cascade_call(start.parent, name)
        if cascade is not None:
            return cascade
    while following is not None and following.type == "selector" and following.named_child_count == 0:
        following = following.next_named_sibling  # `!`
    if following is not None:
        part = following if following.type == "argument_part" else (
            following.named_children[0] if following.type == "selector" and following.named_child_count else None)
        if part is not None and part.type == "argument_part":
            call = polyglot.as_call(part)
            return call if call is not None and call.name == name else None
    current = node
    for _ in range(4):
        current = current.parent
        if current is None:
            return None
        if current.type in polyglot.CALL_TYPES:
            call = polyglot.as_call(current)
            if call is None or within(node, call.arguments):
                return None
            return call if call.name == name else None
    return None


def _arrow_cascade_call(section: Node | None, name: str) -> polyglot.Call | None:
    """tree-sitter-dart parses `create: (_) => AudioService()..initialize()` with the cascade's
    argument list outside the arrow function (`function_expression` then a `selector(...)`): the
    call is that cascade section, its arguments the list after the function."""
    body = section.parent if section is not None and section.type == "cascade_section" else None
    if body is None or body.type != "function_expression_body" or body.named_children[-1] != section:
        return None
    function = body.parent
    after = function.next_named_sibling if function is not None and function.type == "function_expression" else None
    part = after.named_children[0] if after is not None and after.type == "selector" and after.named_child_count else None
    if part is None or part.type != "argument_part":
        return None
    arguments = next((c for c in part.named_children if c.type == "arguments"), None)
    return polyglot.Call(section, name, "", arguments)


def _is_declaration_name(node: Node) -> bool:
    parent = node.parent
    if parent is None:
        return False
    named = parent.child_by_field_name("name")
    return named is not None and named.id == node.id and parent.type in CLASS_TYPES


# Parents of a value handed to a call or a label as it is (not part of a larger expression).
VALUE_HOLDERS = frozenset(
    {"argument", "arguments", "argument_list", "value_argument", "value_arguments", "named_argument", "pair",
     "keyword_argument", "label"}
)
# Member accesses a passed function may be written as (the name is the last part).
MEMBER_TYPES = frozenset(
    {"callable_reference", "method_reference", "navigation_suffix", "navigation_expression", "member_expression",
     "member_access_expression", "field_access", "attribute", "dot_index_expression", "method_index_expression",
     "unconditional_assignable_selector", "selector"}
)


def _passed_as_value(node: Node) -> str | None:
    """`onPressed: playMusic`, `AddListener(PlayMusic)`, `this::onPlay`, `btn.Click += OnPlay`,
    `Connect(onJoin)`: the identifier itself is the value given to something else. Returns the
    receiver it is taken from (`music` for `music.play`, "" for a bare name), None when not passed."""
    value = node
    # `music.playBackgroundMusic`, `self.on_join`, `this::onPlay`: climb to the whole member access
    # while the name is its last part.
    while value.parent is not None and value.parent.type in MEMBER_TYPES and value.parent.named_children[-1] == value:
        value = value.parent
    parent = value.parent
    if parent is None:
        return None
    if parent.type == "value_argument" and value.next_sibling is not None and value.next_sibling.type == "=":
        return None  # Kotlin `onPlay = { ... }`: the parameter's name, not a function `onPlay` handed over
    if parent.type in ("assignment_expression", "assignment") and b"+=" in (parent.text or b""):
        passed = parent.named_children[-1] == value
    elif parent.type not in VALUE_HOLDERS:
        return None
    else:
        # Dart: `music.play` is identifier + selector siblings; a following call selector makes it a call
        later = value.next_named_sibling
        passed = later is None or (later.type != "selector" and later.type != "argument_part")
    if not passed:
        return None
    if value is node:
        return ""
    if value.type == "selector":  # Dart: the receiver is the identifier and selectors before it
        start = value
        while start.prev_named_sibling is not None and start.prev_named_sibling.type in ("identifier", "selector"):
            start = start.prev_named_sibling
        prefix = (parent.text or b"")[start.start_byte - parent.start_byte : node.start_byte - parent.start_byte]
    else:
        prefix = (value.text or b"")[: node.start_byte - value.start_byte]
    return prefix.decode("utf-8", "replace").rstrip(".:?!>-& \t\n")


def _site(root: Path, path: Path, shown: str, lines: list[bytes], node: Node, name: str, receiver: str, role: str) -> Site:
    context: list[tuple[str, str]] = []
    owner = ""
    child = node
    current = node.parent
    while current is not None:
        kind = current.type
        if kind in FUNCTION_TYPES:
            fn_name = polyglot.function_name(current)
            if fn_name:
                context.append(("fn", fn_name))
        elif kind in polyglot.CALL_TYPES:
            call = polyglot.as_call(current)
            if call is not None and call.name and call.node is not node and _in_arguments(node, current, call.arguments):
                context.append(("call", call.name))
                last = re.split(r"[.:]", call.receiver)[-1].strip() if call.receiver else ""
                if re.fullmatch(r"[A-Za-z_$][\w$]*", last):
                    context.append(("label", last))  # `button.onClick.AddListener(...)`: onClick
        elif kind in LABEL_TYPES:
            head = current.text[: max(0, child.start_byte - current.start_byte)].decode("utf-8", "replace") if current.text else ""
            match = LABEL.match(head)
            if match:
                context.append(("label", match.group(1)))
        elif kind == "macro_invocation":  # Swift `#Preview { ClipFeed() }`: the macro's name, like a call's
            macro = next((c for c in current.named_children if c.type == "simple_identifier"), None)
            if macro is not None and macro.text:
                context.append(("call", macro.text.decode("utf-8", "replace")))
        elif kind in CLASS_TYPES and not owner:
            owner = class_name(current)
        child = current
        current = current.parent
    row = node.start_point[0]
    snippet = lines[row].decode("utf-8", "replace").strip()[:200] if row < len(lines) else ""
    return Site(str(path), shown, row + 1, name, receiver, role, owner, _dedupe(context), snippet, node.start_point[1], node.start_byte)


def _in_arguments(node: Node, call: Node, arguments: Node | None) -> bool:
    """Whether `node` is in a call's arguments, a Kotlin trailing lambda included
    (`button.setOnClickListener { play() }` has no argument list)."""
    if within(node, arguments):
        return True
    return any(child.type in ("annotated_lambda", "lambda_literal") and within(node, child) for child in call.children)


def _dedupe(context: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for item in context:
        if not out or out[-1] != item:
            out.append(item)
    return tuple(out)


def _owner(node: Node) -> str:
    current = node.parent
    while current is not None:
        if current.type in CLASS_TYPES:
            name = class_name(current)
            if name:
                return name
        current = current.parent
    return ""


def class_path(node: Node) -> str:
    """The names of the classes around `node`, outermost first (`Outer.Inner`; "" at top level)."""
    names: list[str] = []
    current = node.parent
    while current is not None:
        if current.type in CLASS_TYPES and current.type != "class_body":
            names.append(class_name(current))
        current = current.parent
    return ".".join(reversed(names))


def class_name(node: Node) -> str:
    """The declared name of a class-like node (a class body counts as its declaration); "" if none."""
    if node.type == "class_body" and node.parent is not None:
        node = node.parent
    name = node.child_by_field_name("name")
    if name is None:
        name = next((c for c in node.named_children if c.type in ("type_identifier", "identifier", "simple_identifier")), None)
    return name.text.decode("utf-8", "replace") if name is not None and name.text else ""


def _relative(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
