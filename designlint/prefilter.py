"""Byte prefilters derived from rule queries: words a file must contain for a query to match.

A query's text predicates name what a captured node's text must be (`#eq? @fn "play"`,
`#any-of?`, `#match? @fn "^(play|playVideo)$"`). A node's text is a piece of the file, so when
the capture is present in every match, the file must contain one of those words. This module
reads a query's S-expression to find the captures present in every match (not under `?`/`*`,
not in only some branches of `[...]`), turns each predicate into the set of words any match must
contain (from the regular expression's syntax tree for `#match?`), and keeps the most selective
set per top-level pattern. A pattern of the query with no such set means no prefilter at all:
the result is always safe, never a guess. Words anchored to a whole node (`#eq?`, `^...$`) must
also stand alone as a token (`play` does not count inside `display`).

The prefilter is checked on the file's lower-cased bytes, before parsing; see rules.Pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

try:  # Python 3.11+: the regular-expression parser
    import re._constants as _c
    import re._parser as _sre
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]

MIN_WORD = 3  # shorter words would let nearly every file through: not worth checking
_IDENT = b"a-z0-9_"


@dataclass(frozen=True)
class Word:
    text: bytes  # lower-cased (ASCII) UTF-8
    whole: bool  # must not be glued to identifier characters on either side

    @property
    def pattern(self) -> re.Pattern[bytes]:
        return _boundary_pattern(self.text)


_BOUNDARY: dict[bytes, re.Pattern[bytes]] = {}


def _boundary_pattern(text: bytes) -> re.Pattern[bytes]:
    pattern = _BOUNDARY.get(text)
    if pattern is None:
        left = rb"(?<![" + _IDENT + rb"])" if re.match(rb"[a-z0-9_]", text) else b""
        right = rb"(?![" + _IDENT + rb"])" if re.search(rb"[a-z0-9_]$", text) else b""
        pattern = _BOUNDARY[text] = re.compile(left + re.escape(text) + right)
    return pattern


def prune(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Drop words that contain another, looser word: `waiting for you` adds nothing to `waiting`."""
    kept = []
    for word in words:
        if not any(other is not word and not other.whole and other.text in word.text for other in words):
            kept.append(word)
    return tuple(kept)


def admits(words: tuple[Word, ...], lowered: bytes, seen: dict | None = None) -> bool:
    """Whether the lower-cased file holds one of the words (as a token where required).
    `seen` caches answers per file: word -> found."""
    for word in words:
        key = (word.text, word.whole)
        found = seen.get(key) if seen is not None else None
        if found is None:
            found = word.text in lowered and (not word.whole or word.pattern.search(lowered) is not None)
            if seen is not None:
                seen[key] = found
        if found:
            return True
    return False


# ----------------------------------------------------------------------------------------------
# Query syntax: a small reader for tree-sitter's S-expressions.


@dataclass
class _Node:
    kind: str  # group | alt | leaf | predicate
    children: list["_Node"] = field(default_factory=list)
    captures: list[str] = field(default_factory=list)
    optional: bool = False  # quantified with ? or *
    predicate: tuple[str, list[str]] | None = None  # (name, args) for kind == predicate


_TOKEN = re.compile(
    r"""\s+|;[^\n]*|(?P<open>[(\[])|(?P<close>[)\]])|(?P<string>"(?:[^"\\]|\\.)*")|(?P<capture>@[\w.\-]+)"""
    r"""|(?P<quant>[?*+])|(?P<pred>\#[\w?!\-]+)|(?P<atom>[^\s()\[\]"@;?*+]+)""",
    re.S,
)


def _tokens(source: str) -> list[tuple[str, str]]:
    out = []
    pos = 0
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if m is None:
            raise ValueError(f"cannot read query at {pos}")
        pos = m.end()
        kind = m.lastgroup
        if kind:
            out.append((kind, m.group(kind)))
    return out


def _parse(tokens: list[tuple[str, str]]) -> list[_Node]:
    """Top-level patterns of a query as trees of groups, alternations, leaves and predicates."""
    root = _Node("group")
    stack = [root]
    last: _Node | None = None  # the item a following capture or quantifier belongs to
    for kind, value in tokens:
        top = stack[-1]
        in_predicate = bool(top.children) and top.children[0].kind == "pred-name"
        if kind == "open":
            node = _Node("alt" if value == "[" else "group")
            top.children.append(node)
            stack.append(node)
            last = None
        elif kind == "close":
            if len(stack) == 1:
                raise ValueError("unbalanced query")
            last = stack.pop()
            if in_predicate:
                name = last.children[0].captures[0]
                args = [c.captures[0] for c in last.children[1:] if c.kind in ("str", "cap")]
                last.kind, last.predicate, last.children = "predicate", (name, args), []
        elif kind == "pred":
            top.children.append(_Node("pred-name", captures=[value[1:]]))
            last = None
        elif kind == "string":
            last = _Node("str", captures=[_unquote(value)] if in_predicate else [])
            top.children.append(last)
        elif kind == "capture":
            if in_predicate:
                top.children.append(_Node("cap", captures=[value[1:]]))
            elif last is not None:
                last.captures.append(value[1:])
        elif kind == "quant":
            if last is not None and value in "?*":
                last.optional = True
        elif value.endswith(":") or value.startswith("!") or value == ".":
            last = None  # a field name, a negated field or an anchor: not an item of its own
        else:
            last = _Node("leaf")
            top.children.append(last)
    if len(stack) != 1:
        raise ValueError("unbalanced query")
    return root.children


def _unquote(value: str) -> str:
    body = value[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(m.group(1), m.group(1)), body)


MAX_VARIANTS = 32


def _mandatory_sets(node: _Node) -> list[frozenset[str]]:
    """For each way the node can match (one branch per alternation), the captures present in
    every such match. Optional parts contribute nothing."""
    if node.optional:
        return [frozenset()]
    own = frozenset(node.captures)
    if node.kind in ("leaf", "str"):
        return [own]
    if node.kind == "alt":
        out: list[frozenset[str]] = []
        for child in node.children:
            if child.kind in ("group", "alt", "leaf", "str"):
                out += [own | s for s in _mandatory_sets(child)]
        return _bounded(out or [own])
    combos = [own]
    for child in node.children:
        if child.kind in ("group", "alt", "leaf", "str"):
            combos = _bounded([a | b for a in combos for b in _mandatory_sets(child)])
    return combos


def _bounded(sets: list[frozenset[str]]) -> list[frozenset[str]]:
    """Too many variants: keep one, the captures common to all (still a safe answer)."""
    unique = list(dict.fromkeys(sets))
    if len(unique) > MAX_VARIANTS:
        return [frozenset.intersection(*unique)]
    return unique


def _predicates(node: _Node) -> list[tuple[str, list[str]]]:
    out = [node.predicate] if node.kind == "predicate" and node.predicate else []
    for child in node.children:
        out += _predicates(child)
    return out


# ----------------------------------------------------------------------------------------------
# Regular expressions: the words every match must contain.


def regex_words(pattern: str, flags: int = 0) -> tuple[Word, ...] | None:
    """Words one of which every match of `pattern` contains (lower-cased), or None."""
    try:
        parsed = _sre.parse(pattern, flags)
    except Exception:
        return None
    ignorecase = bool((parsed.state.flags | flags) & re.IGNORECASE) or "(?i" in pattern
    items = list(parsed)
    anchored = len(items) >= 2 and items[0] == (_c.AT, _c.AT_BEGINNING) and items[-1] == (_c.AT, _c.AT_END)
    if anchored:
        whole = _whole_literals(_strip_non_identifier_edges(items[1:-1]))
        if whole is not None and all(len(w) >= MIN_WORD for w in whole):
            return _words(whole, whole=True, ignorecase=ignorecase)
    found = _required(items)
    if found is None:
        return None
    return _words(found, whole=False, ignorecase=ignorecase)


def _words(texts: set[str], whole: bool, ignorecase: bool) -> tuple[Word, ...] | None:
    words = []
    for text in sorted(texts):
        if len(text) < MIN_WORD:
            return None
        if ignorecase and not text.isascii():
            # bytes.lower() folds ASCII only: spell out the case variants of the other letters
            # ("série" and "sÉrie"), or, when there are too many, keep the longest ASCII stretch.
            variants = _case_variants(text)
            if variants is None:
                text = max(re.findall(r"[\x00-\x7f]+", text) or [""], key=len)
                if len(text) < MIN_WORD:
                    return None
                words.append(Word(text.encode("utf-8").lower(), False))
            else:
                words += [Word(v.encode("utf-8").lower(), whole) for v in variants]
            continue
        words.append(Word(text.encode("utf-8").lower(), whole))
    return prune(tuple(dict.fromkeys(words)))


def _case_variants(text: str, limit: int = 16) -> list[str] | None:
    """Every spelling of `text` with its non-ASCII letters in each case, or None past `limit`."""
    spellings = [""]
    for ch in text:
        forms = {ch} if ch.isascii() else {ch, ch.lower(), ch.upper()} - {""}
        forms = {f for f in forms if len(f) == 1}
        spellings = [s + f for s in spellings for f in sorted(forms)]
        if len(spellings) > limit:
            return None
    return spellings


def _char(item) -> str | None:
    """The character an item stands for: a literal, or a class like [aA] (one letter, any case)."""
    op, av = item
    if op is _c.LITERAL:
        return chr(av)
    if op is _c.IN and len(av) == 2 and all(o is _c.LITERAL for o, _ in av):
        a, b = chr(av[0][1]), chr(av[1][1])
        if a.lower() == b.lower():
            return a.lower()
    return None


def _non_identifier_class(item) -> bool:
    """A (possibly optional) class or literal of characters that cannot be part of a token,
    such as the quotes around `'ended'`: the word inside still stands alone."""
    op, av = item
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and av[1] == 1 and len(av[2]) == 1:
        op, av = av[2][0]
    if op is _c.LITERAL:
        return not re.match(r"[A-Za-z0-9_$]", chr(av))
    if op is _c.IN:
        return all(o is _c.LITERAL and not re.match(r"[A-Za-z0-9_$]", chr(v)) for o, v in av)
    return False


def _strip_non_identifier_edges(items: list) -> list:
    while items and _non_identifier_class(items[0]):
        items = items[1:]
    while items and _non_identifier_class(items[-1]):
        items = items[:-1]
    return items


def _whole_literals(items) -> set[str] | None:
    """For `^...$`: the exact strings the pattern matches, when it is literals and alternations of literals."""
    results = {""}
    for item in items:
        op, av = item
        ch = _char(item)
        if ch is not None:
            results = {r + ch for r in results}
        elif op is _c.SUBPATTERN:
            inner = _whole_literals(list(av[-1]))
            if inner is None:
                return None
            results = {r + i for r in results for i in inner}
        elif op is _c.BRANCH:
            options: set[str] = set()
            for branch in av[1]:
                inner = _whole_literals(list(branch))
                if inner is None:
                    return None
                options |= inner
            results = {r + o for r in results for o in options}
        else:
            return None
        if len(results) > 64:
            return None
    return results


def _required(items) -> set[str] | None:
    """Best set of words one of which any match of this sequence contains."""
    candidates: list[set[str]] = []
    run = ""
    for item in items:
        ch = _char(item)
        if ch is not None:
            run += ch
            continue
        if run:
            candidates.append({run})
            run = ""
        op, av = item
        if op is _c.SUBPATTERN:
            inner = _required(list(av[-1]))
            if inner:
                candidates.append(inner)
        elif op is _c.BRANCH:
            options: set[str] = set()
            for branch in av[1]:
                inner = _required(list(branch))
                if not inner:
                    options = set()
                    break
                options |= inner
            if options:
                candidates.append(options)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, inner_items = av
            if low >= 1:
                inner = _required(list(inner_items))
                if inner:
                    candidates.append(inner)
    if run:
        candidates.append({run})
    candidates = [c for c in candidates if all(len(w) >= MIN_WORD for w in c)]
    if not candidates:
        return None
    return max(candidates, key=_selectivity)


def _selectivity(words: set[str]) -> tuple[int, int]:
    return (min(len(w) for w in words), -len(words))


# ----------------------------------------------------------------------------------------------


def derive(query_source: str | None) -> tuple[Word, ...] | None:
    """The words one of which a file must contain for this query to match, or None."""
    if not query_source:
        return None
    try:
        patterns = _parse(_tokens(query_source))
    except ValueError:
        return None
    union: set[Word] = set()
    for pattern in patterns:
        if pattern.kind == "predicate":
            continue
        predicates = _predicates(pattern)
        for mandatory in _mandatory_sets(pattern):
            best: tuple[Word, ...] | None = None
            for name, args in predicates:
                words = _predicate_words(name, args, mandatory)
                if words and (best is None or _word_score(words) > _word_score(best)):
                    best = words
            if best is None:
                return None
            union |= set(best)
    return prune(tuple(sorted(union, key=lambda w: (w.text, w.whole)))) or None


def _predicate_words(name: str, args: list[str], mandatory: set[str]) -> tuple[Word, ...] | None:
    if not args or args[0] not in mandatory:
        return None
    values = args[1:]
    if name == "eq?" and len(values) == 1:
        return _words({values[0]}, whole=True, ignorecase=False)
    if name == "any-of?" and values:
        return _words(set(values), whole=True, ignorecase=False)
    if name == "match?" and len(values) == 1:
        return regex_words(values[0])
    return None


def _word_score(words: tuple[Word, ...]) -> tuple[int, int, int]:
    return (min(len(w.text) for w in words), int(all(w.whole for w in words)), -len(words))
