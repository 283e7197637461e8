"""Python checks: what a tree-sitter query cannot express, one module per rule.

A rule's pattern or mitigation names a check as `module:function` (module relative to this
package, e.g. `autoplay:not_disabled`). A check receives a CheckContext and returns True to
keep the match as it is, False/None to drop it, or a Verdict to keep it with changes.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from tree_sitter import Node

from designlint.errors import DesignlintError


# The memo key under which checks record the other files a file's result depends on.
INPUTS_MEMO = "inputs"


@dataclass
class Verdict:
    """Keep a match, optionally changing its message or severity and adding a note."""

    message: str | None = None
    severity: str | None = None
    note: str | None = None
    # Names the one behaviour this finding is part of when its parts sit in different files
    # (a music script's replay hook and another file's call that starts it): findings of one rule
    # in one project with the same key fold into one (findings.fold_same_behaviour), the start
    # first; `fold_site` marks a part that is only ever a related site of that start.
    fold_key: str | None = None
    fold_site: bool = False
    # Other sites of the same behaviour the check found itself (the other screens that call a shared
    # helper's start): dicts with path, line, column, end_line, end_column, snippet and message; the
    # engine adds the finding's pattern and severity, findings.assign_fingerprints their fingerprints.
    related: list[dict] = field(default_factory=list)


@dataclass
class CheckContext:
    """What a check sees: the reported node, all captures, and the file around them."""

    node: Node
    captures: dict[str, list[Node]]
    language: str
    root: Node
    path: Path
    data: bytes
    # Every parsed region of the file as (language, root): a template check can read the
    # <script> trees of the same .vue/.svelte/.html file without parsing them again.
    regions: tuple[tuple[str, Node], ...] = ()
    # Facts a check computed once for this file (shared by every match in the file).
    memo: dict[str, Any] = field(default_factory=dict)
    # The project folder other files are read from (None: found from `path`; project_index.py).
    project_root: Path | None = None

    def text(self, node: Node | None) -> str:
        if node is None:
            return ""
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def script_roots(self) -> list[Node]:
        """Roots of the file's JavaScript/TypeScript regions (the file itself for a .js/.ts file)."""
        return [root for language, root in self.regions if language in ("javascript", "typescript", "tsx")]

    def remember(self, key: str, build: Callable[[], Any]) -> Any:
        """A per-file fact, built once for the whole file (every match shares it)."""
        if key not in self.memo:
            self.memo[key] = build()
        return self.memo[key]

    def code_without_comments(self) -> str:
        """The file's text with every comment blanked (a commented-out line does not count);
        offsets are unchanged. Built once per file and region."""

        def build() -> str:
            data = bytearray(self.data)
            stack = [self.root]
            while stack:
                node = stack.pop()
                if "comment" in node.type:
                    data[node.start_byte : node.end_byte] = b" " * (node.end_byte - node.start_byte)
                else:
                    stack.extend(node.children)
            return data.decode("utf-8", "replace")

        return self.remember(f"code_without_comments:{self.language}:{self.root.start_byte}", build)

    def depends_on(self, inputs: dict[str, str]) -> None:
        """Record other files (path -> SHA-256 of their bytes) this file's result was computed
        from: the content cache reuses the result only while they are unchanged."""
        self.memo.setdefault(INPUTS_MEMO, {}).update(inputs)

    def capture(self, name: str) -> Node | None:
        nodes = self.captures.get(name)
        return nodes[0] if nodes else None


def resolve_check(ref: str, owner: str) -> Callable[[CheckContext], Any]:
    """Import `module:function` from designlint.checks (or a dotted module path)."""
    module_name, _, func_name = ref.partition(":")
    qualified = module_name if "." in module_name else f"designlint.checks.{module_name}"
    try:
        module = importlib.import_module(qualified)
    except ImportError as exc:
        raise DesignlintError(f"rule {owner}: check module '{module_name}' not found ({exc})") from None
    func = getattr(module, func_name, None)
    if not callable(func):
        raise DesignlintError(f"rule {owner}: check '{ref}' is not a function in {qualified}")
    return func
