"""expo-router file routes: which route a screen file is, and how the project opens it.

In expo-router every file under the project's `app/` folder (or `src/app/`) is a screen, and its
route is its path there: `app/(auth)/player/direct-player.tsx` is `/player/direct-player` (groups
in parentheses are dropped, `index` names its folder, `[id]` stands for any segment; `_layout`,
`+html`, `+not-found` and `+api` files are not screens). Other files open a screen with
`router.push('/player/direct-player?id=1')`, `router.replace(...)`, `router.navigate(...)`,
`navigation.navigate(...)`, `router.push({ pathname: '/(auth)/player/direct-player' })`,
`<Link href="/player/...">` or `<Redirect href="/player/...">`.

`openings(ctx)` lists those places (read from the files of the project that import expo-router)
and says for each when it runs: `user` (a press handler, a link), `mount` (a mount effect, a
`<Redirect>`, top-level code), `change` (an effect that re-runs on its dependencies: a message, a
query result) or `other` (a callback this cannot place, such as a countdown's `onFinish`).
Calls are followed within a file, and across files through the project index for a named
function the file exports or returns from a hook (`openFile` of `useDownloadedFileOpener()`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext
from designlint.checks.util import FUNCTION_TYPES, ancestors as _ancestors, text as _t, unquote as _unquote, walk as _walk

# A file that is not a screen of its folder.
NOT_A_SCREEN = re.compile(r"^(_layout|\+html|\+not-found|\+native-intent|\+middleware|_sitemap)$|\+api$")
NAVIGATE_CALLS = re.compile(r"^(push|replace|navigate|dismissTo|pushState|reset)$")
USER_ATTR = re.compile(r"^on(Press|PressIn|PressOut|LongPress|Click|Tap|Submit|SelectItem|Select)$")
USER_KEY = re.compile(r"^(onPress|onClick|onTap|onLongPress|onSelect|onSubmit|onPressItem|onItemPress)$")
EFFECTS = re.compile(r"^(useEffect|useLayoutEffect|useIsomorphicLayoutEffect)$")
MOUNT_HOOKS = re.compile(r"^(useFocusEffect|useMount|useMountEffect|useEffectOnce|componentDidMount)$")
WRAPPERS = re.compile(r"^(useCallback|useMemo|useEvent|useEffectEvent|useStableCallback|debounce|throttle)$")
PASS_THROUGH = re.compile(r"^(then|catch|finally|setTimeout|requestAnimationFrame|runAfterInteractions|forEach|map|startTransition)$")
MAX_DEPTH = 6
MAX_SITES = 40


@dataclass(frozen=True)
class Opening:
    where: str  # path:line, relative to the project
    kind: str  # user | mount | change | other


def route_of(path: Path) -> tuple[Path, list[str]] | None:
    """(the project folder that holds `app/`, the route's segments with groups dropped) for a
    screen file of an expo-router `app/` folder; None when the file is not such a screen."""
    parts = path.resolve().parts
    if "app" not in parts[:-1]:
        return None
    at = len(parts) - 2 - list(reversed(parts[:-1])).index("app")
    stem = re.sub(r"\.(web|native|ios|android)$", "", Path(parts[-1]).stem)
    if NOT_A_SCREEN.search(stem):
        return None
    folder = Path(*parts[:at])
    if folder.name == "src":
        folder = folder.parent
    segments = [p for p in (*parts[at + 1 : -1], stem) if not (p.startswith("(") and p.endswith(")"))]
    if segments and segments[-1] == "index":
        segments.pop()
    return folder, segments


def _route_pattern(segments: list[str]) -> re.Pattern[str]:
    parts = []
    for seg in segments:
        if seg.startswith("[...") or seg.startswith("[[..."):
            parts.append(r".+")
        elif seg.startswith("["):
            parts.append(r"(?:[^/?#]+|\$\{[^}]*\})")
        else:
            parts.append(re.escape(seg))
    return re.compile(r"^/?(?:\([^/)]+\)/)*" + "/".join(parts) + r"(?:[?#].*)?$", re.S)


def _uses_expo_router(folder: Path, ctx: CheckContext) -> bool:
    """Whether the folder holding `app/` is an expo-router app: its package.json names
    expo-router. Any project may have an `app` folder (Next.js, a copy of an app under `app/`);
    only an expo-router app's files are screens opened by their path."""
    manifest = folder / "package.json"
    try:
        raw = manifest.read_bytes()
    except OSError:
        return False
    ctx.depends_on({str(manifest): hashlib.sha256(raw).hexdigest()})
    return b'"expo-router"' in raw


def openings(ctx: CheckContext) -> list[Opening] | None:
    """Where the project opens the screen of `ctx.path`, and when that runs; None when the file is
    not an expo-router screen with a static segment to look for (the app's index route: opened at
    launch, not by a press)."""
    route = route_of(Path(ctx.path))
    if route is None:
        return None
    folder, segments = route
    static = [s for s in segments if not s.startswith("[")]
    if not static or not _uses_expo_router(folder, ctx):
        return None
    key = ("expo_routes.openings", "/".join(segments))
    if key in ctx.memo:
        return ctx.memo[key]
    index = project_index.index_for(folder, ctx.language)
    ctx.depends_on({index.key: index.digest})
    pattern = _route_pattern(segments)
    needle = static[-1].encode()
    found: list[Opening] = []
    for path, data in index.files().items():
        if needle not in data or b"expo-router" not in data:
            continue
        source = index.source(path)
        if source is None:
            continue
        for region in source.regions:
            for node in _walk(region.root):
                if node.type not in ("string", "template_string"):
                    continue
                value = _unquote(_t(node)) if node.type == "string" else _t(node)[1:-1]
                if not pattern.match(value):
                    continue
                how = _navigation(node)
                if how is None:
                    continue
                kind = "mount" if how == "redirect" else "user" if how == "link" else _when(node, index, 0, set())
                shown = Path(path).relative_to(index.root).as_posix() if Path(path).is_relative_to(index.root) else path
                found.append(Opening(f"{shown}:{node.start_point[0] + 1}", kind))
                if len(found) >= MAX_SITES:
                    break
    ctx.memo[key] = found
    return found


def opened_by_press(ctx: CheckContext) -> str:
    """The place a press opens this screen from, when the project opens it only from presses
    (and callbacks this cannot place), never on mount; "" otherwise."""
    found = openings(ctx)
    if not found or any(o.kind == "mount" for o in found):
        return ""
    return next((o.where for o in found if o.kind == "user"), "")


def _navigation(string: Node) -> str | None:
    """`call` when the string is the target of a navigation call (`router.push(...)`, a `pathname`
    of its object), `link` for `<Link href>`, `redirect` for `<Redirect href>`; None otherwise."""
    node = string
    for _ in range(5):
        parent = node.parent
        if parent is None:
            return None
        if parent.type == "pair":
            if _unquote(_t(parent.child_by_field_name("key"))) not in ("pathname", "href"):
                return None
        elif parent.type == "jsx_expression":
            pass
        elif parent.type == "jsx_attribute":
            opening = parent.parent
            name = _t(opening.child_by_field_name("name")) if opening is not None else ""
            if not parent.named_children or _t(parent.named_children[0]) != "href":
                return None
            return "redirect" if name.split(".")[-1] == "Redirect" else "link"
        elif parent.type == "call_expression":
            fn = parent.child_by_field_name("function")
            prop = _t(fn.child_by_field_name("property")) if fn is not None and fn.type == "member_expression" else _t(fn)
            return "call" if NAVIGATE_CALLS.match(prop) else None
        elif parent.type not in ("arguments", "object", "parenthesized_expression", "as_expression", "binary_expression"):
            return None
        node = parent
    return None


def _when(node: Node, index, depth: int, seen: set[str]) -> str:
    """When the code at `node` runs: user, mount, change or other."""
    if depth > MAX_DEPTH:
        return "other"
    fn = next((a for a in _ancestors(node) if a.type in FUNCTION_TYPES), None)
    if fn is None:
        return "mount"  # top-level code runs when the module loads
    if fn.type in ("function_declaration", "method_definition"):
        name = _t(fn.child_by_field_name("name"))
        if name == "componentDidMount":
            return "mount"
        if USER_KEY.match(name) or re.match(r"^(handle|on)\w*(Press|Click|Tap)$", name):
            return "user"
        return _references(name, fn, index, depth + 1, seen)
    return _position(fn, index, depth + 1, seen)


def _position(fn: Node, index, depth: int, seen: set[str]) -> str:
    pos, parent = fn, fn.parent
    while parent is not None and parent.type in ("parenthesized_expression", "as_expression"):
        pos, parent = parent, parent.parent
    if parent is None:
        return "other"
    if parent.type == "arguments":
        call = parent.parent
        callee = call.child_by_field_name("function") if call is not None else None
        name = _t(callee.child_by_field_name("property")) if callee is not None and callee.type == "member_expression" else _t(callee)
        args = parent.named_children
        if EFFECTS.match(name) and args and args[0].id == pos.id:
            deps = args[1] if len(args) > 1 else None
            return "mount" if deps is None or (deps.type == "array" and not deps.named_children) else "change"
        if MOUNT_HOOKS.match(name):
            return "mount"
        if WRAPPERS.match(name) or PASS_THROUGH.match(name):
            holder = call.parent
            if WRAPPERS.match(name) and holder is not None and holder.type == "variable_declarator":
                var = _t(holder.child_by_field_name("name"))
                return _references(var, holder, index, depth + 1, seen)
            return _when(call, index, depth + 1, seen)
        return "other"
    if parent.type == "jsx_expression" and parent.parent is not None and parent.parent.type == "jsx_attribute":
        attr = _t(parent.parent.named_children[0]) if parent.parent.named_children else ""
        return "user" if USER_ATTR.match(attr) else "other"
    if parent.type == "pair":
        key = _unquote(_t(parent.child_by_field_name("key")))
        return "user" if USER_KEY.match(key) else "other"
    if parent.type == "variable_declarator":
        return _references(_t(parent.child_by_field_name("name")), parent, index, depth + 1, seen)
    return "other"


def _references(name: str, declaration: Node, index, depth: int, seen: set[str]) -> str:
    """When a named function runs, from its uses in its own file (calls, handlers it is given to)
    and, when none decides, from its uses in the project's other files."""
    if not name or name in seen or depth > MAX_DEPTH:
        return "other"
    seen.add(name)
    root = declaration
    while root.parent is not None:
        root = root.parent
    kinds: list[str] = []
    for node in _walk(root):
        if node.type not in ("identifier", "property_identifier", "shorthand_property_identifier") or _t(node) != name:
            continue
        if declaration.start_byte <= node.start_byte < declaration.end_byte:
            continue
        parent = node.parent
        if parent is not None and parent.type == "member_expression":
            node, parent = parent, parent.parent
        if parent is None:
            continue
        if parent.type == "call_expression" and parent.child_by_field_name("function") is not None and parent.child_by_field_name("function").id == node.id:
            kinds.append(_when(parent, index, depth + 1, seen))
        elif parent.type == "jsx_expression" and parent.parent is not None and parent.parent.type == "jsx_attribute":
            attr = _t(parent.parent.named_children[0]) if parent.parent.named_children else ""
            kinds.append("user" if USER_ATTR.match(attr) else "other")
        elif parent.type == "arguments":
            kinds.append(_position(node, index, depth + 1, seen))
        elif parent.type == "pair" and parent.child_by_field_name("value") is not None and parent.child_by_field_name("value").id == node.id:
            kinds.append(_position(node, index, depth + 1, seen))
    if not [k for k in kinds if k != "other"] and not project_index.too_common(name):
        kinds += _elsewhere(name, root, index, depth + 1, seen)
    return _decide(kinds)


def _elsewhere(name: str, own_root: Node, index, depth: int, seen: set[str]) -> list[str]:
    """When `name` runs, from its calls and handler uses in the project's other files."""
    kinds: list[str] = []
    for site in [*index.calls(name), *(r for r in index.references(name) if r.role == "passed")][:MAX_SITES]:
        source = index.source(site.path)
        if source is None:
            continue
        for region in source.regions:
            if region.root.start_byte <= site.byte < region.root.end_byte and region.root.id != own_root.id:
                leaf = region.root.descendant_for_byte_range(site.byte, site.byte)
                if leaf is not None:
                    kinds.append(_when(leaf, index, depth + 1, seen))
    return kinds


def _decide(kinds: list[str]) -> str:
    for kind in ("mount", "change", "user"):
        if kind in kinds:
            return kind
    return "other"
