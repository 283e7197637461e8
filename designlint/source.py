"""Reading and parsing one file: bytes -> SourceFile with one or more parsed Regions.

A Region is one tree over the file's bytes in one language. Plain JS/TS files have one region.
Container files (.html, .vue, .svelte) have the HTML tree of the whole file plus one region per
<script> block, parsed with tree-sitter's `included_ranges` so that every position already
points into the original file. Nothing here knows about rules.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from tree_sitter import Node, Parser, Query, QueryCursor, Range, Tree

from designlint import budget
from designlint.languages import GRAMMARS, FileKind, load_language, script_grammar_for
from designlint.parse_repairs import repaired

BINARY_SNIFF_BYTES = 8192
_LONE_CR = re.compile(rb"\r(?!\n)")
# <script type="..."> values whose content is data or a template, not code.
NON_CODE_SCRIPT_TYPES = ("json", "template", "importmap", "x-tmpl", "text/html", "speculationrules")


def _replace_bytewise(exc: UnicodeDecodeError) -> tuple[str, int]:
    return "?" * (exc.end - exc.start), exc.end


_ONE_QUESTION_MARK_PER_BYTE = "designlint-bytewise"
codecs.register_error(_ONE_QUESTION_MARK_PER_BYTE, _replace_bytewise)


class SkipFile(Exception):
    """The file cannot be read as source; the message says why (shown as a warning)."""


class TimeBudgetExceeded(Exception):
    """A file took longer than its time budget (`--file-timeout`); the message says where."""


PARSE_CHUNK = 1 << 16


def _parse(parser: Parser, data: bytes, deadline: float | None) -> Tree:
    """Parse, giving up at `deadline` (budget.now()) through tree-sitter's progress callback."""
    if deadline is None:
        return parser.parse(data)
    try:
        tree = parser.parse(
            lambda offset, _point: data[offset : offset + PARSE_CHUNK],
            progress_callback=lambda _offset, _has_error: budget.now() > deadline,
        )
    except ValueError:  # tree-sitter cancelled the parse
        parser.reset()
        raise TimeBudgetExceeded("parsing exceeded the time budget") from None
    # A tree parsed from a read callback reads every node's text through that callback again
    # (queries' #match? and checks read a lot of text: 4x slower). Parsing the bytes with the
    # finished tree as the old tree reuses all of it (about 3% of a parse) and keeps the bytes.
    return parser.parse(data, old_tree=tree)


@dataclass
class Region:
    """One parsed tree of a file in one language."""

    language: str
    tree: Tree
    start_byte: int
    end_byte: int

    @property
    def root(self) -> Node:
        return self.tree.root_node


@dataclass
class SourceFile:
    """A file ready for matching: its path, display language, bytes and parsed regions."""

    path: Path  # as shown in reports (relative to the working directory when possible)
    display_language: str
    data: bytes
    regions: list[Region] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    memo: dict = field(default_factory=dict)  # per-file facts computed by checks (CheckContext.memo)
    # The path rules' `exclude-paths` globs are matched against: relative to the project root
    # (or to the folder given on the command line), never the absolute path of the scan.
    rule_path: str | None = None
    # The folder the project index reads other files from; None: found from the file's path
    # (designlint/project_index.py). Fixture folders pin it to the fixture's own folder.
    project_root: Path | None = None
    _lines: list[bytes] | None = None

    @property
    def lines(self) -> list[bytes]:
        """The file's lines as bytes, without line terminators (0-based list)."""
        if self._lines is None:
            self._lines = self.data.split(b"\n")
        return self._lines

    def line_text(self, row: int) -> str:
        """Line `row` (0-based) as text, without the trailing newline or CR."""
        if 0 <= row < len(self.lines):
            return self.lines[row].rstrip(b"\r").decode("utf-8", "replace")
        return ""


def decode_to_utf8(raw: bytes, display: str) -> tuple[bytes, list[str]]:
    """Bring raw file bytes to UTF-8 for tree-sitter, or raise SkipFile.

    UTF-16 files with a BOM are transcoded; a UTF-8 BOM is replaced by spaces so byte offsets
    and lines stay put; files with NUL bytes are binary. Invalid UTF-8 is parsed as it is
    (tree-sitter recovers) and reported as a warning.
    """
    warnings: list[str] = []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16").encode("utf-8"), ["file is UTF-16; read as transcoded UTF-8"]
        except UnicodeDecodeError as exc:
            raise SkipFile(f"invalid UTF-16 ({exc.reason})") from None
    if raw.startswith(codecs.BOM_UTF8):
        raw = b"   " + raw[3:]
    if b"\x00" in raw[:BINARY_SNIFF_BYTES]:
        raise SkipFile("binary file (NUL bytes)")
    if b"\r" in raw:
        # A lone CR ends a line (classic Mac files): as LF it counts as one for tree-sitter's rows
        # and our line numbers, and the byte length stays the same. CRLF is left alone.
        raw = _LONE_CR.sub(b"\n", raw)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        warnings.append(f"not valid UTF-8 at byte {exc.start}; parsed with replacement")
        # Each invalid byte becomes one '?': offsets and lines stay put, and every node's text
        # decodes (query predicates decode captured text strictly and would fail on it).
        raw = raw.decode("utf-8", errors=_ONE_QUESTION_MARK_PER_BYTE).encode("utf-8")
    return raw, warnings


def _parser(language: str, ranges: list[Range] | None = None) -> Parser:
    parser = Parser(load_language(language))
    if ranges:
        parser.included_ranges = ranges
    return parser


_SCRIPT_QUERY_SOURCE = "(script_element (start_tag) @start (raw_text) @body)"


def _script_blocks(html_root: Node, data: bytes) -> list[tuple[str, Node]]:
    """(grammar, raw_text node) for each code <script> block of an HTML tree."""
    query = Query(load_language("html"), _SCRIPT_QUERY_SOURCE)
    blocks = []
    for _, caps in QueryCursor(query).matches(html_root):
        start, body = caps["start"][0], caps["body"][0]
        attrs = _attributes(start, data)
        script_type = attrs.get("type", "").lower()
        if "src" in attrs and not body.text.strip():
            continue
        if any(marker in script_type for marker in NON_CODE_SCRIPT_TYPES):
            continue
        blocks.append((script_grammar_for(attrs.get("lang")), body))
    return blocks


def _attributes(start_tag: Node, data: bytes) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for attr in start_tag.named_children:
        if attr.type != "attribute":
            continue
        name_node = next((c for c in attr.named_children if c.type == "attribute_name"), None)
        if name_node is None:
            continue
        value = ""
        for child in attr.named_children:
            if child.type in ("quoted_attribute_value", "attribute_value"):
                value = data[child.start_byte : child.end_byte].decode("utf-8", "replace").strip("\"'")
        attrs[data[name_node.start_byte : name_node.end_byte].decode("utf-8", "replace").lower()] = value
    return attrs


def _syntax_errors(tree: Tree) -> int:
    """How many ERROR and MISSING nodes a tree has (descending only into subtrees with errors)."""
    count, stack = 0, [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            count += 1
        elif node.has_error:
            stack.extend(node.children)
    return count


def parse_source(path: Path, raw: bytes, kind: FileKind, deadline: float | None = None) -> SourceFile:
    """Decode and parse a file into regions. Raises SkipFile when it is not source."""
    data, warnings = decode_to_utf8(raw, kind.display)
    source = SourceFile(path=path, display_language=kind.display, data=data, warnings=warnings)
    transcode = GRAMMARS[kind.grammar].transcode
    grammar, tree = kind.grammar, _parse(_parser(kind.grammar), transcode(data) if transcode else data, deadline)
    if kind.fallback and tree.root_node.has_error:
        other = _parse(_parser(kind.fallback), data, deadline)
        if _syntax_errors(other) < _syntax_errors(tree):
            grammar, tree = kind.fallback, other
    if tree.root_node.has_error:
        fixed = repaired(grammar, data)
        if fixed is not None:
            other = _parse(_parser(grammar), fixed, deadline)
            if _syntax_errors(other) < _syntax_errors(tree):
                tree = other  # same offsets; nodes' text is the repaired bytes, source.data the file's
    source.regions.append(Region(grammar, tree, 0, len(data)))
    if kind.embeds_scripts:
        for grammar, body in _script_blocks(tree.root_node, data):
            span = Range(body.start_point, body.end_point, body.start_byte, body.end_byte)
            sub = _parse(_parser(grammar, [span]), data, deadline)
            source.regions.append(Region(grammar, sub, body.start_byte, body.end_byte))
    return source
