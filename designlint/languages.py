"""The language registry: names, file extensions, grammar loaders and comment syntax.

Grammars load lazily, on first use, so a run over HTML alone never imports TypeScript.
Container formats (.vue, .svelte, .html) are described here by which grammar parses the whole
file and which embedded blocks are parsed again with another grammar (see `source.py`).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Callable

from tree_sitter import Language, Node

from designlint.scene_text import godot_scene_as_yaml, unity_scene_as_yaml


@dataclass(frozen=True)
class Grammar:
    """A tree-sitter grammar: the language name rules use, and how to load it."""

    name: str
    module: str
    function: str = "language"
    # Node types that are comments: inline suppressions and fixture annotations live in them.
    comment_types: tuple[str, ...] = ("comment",)
    # A same-length rewrite of the file's bytes that this grammar parses (a format read through
    # another format's grammar, see scene_text.py); None: the bytes are parsed as they are.
    transcode: Callable[[bytes], bytes] | None = None


GRAMMARS: dict[str, Grammar] = {
    "javascript": Grammar("javascript", "tree_sitter_javascript"),
    "typescript": Grammar("typescript", "tree_sitter_typescript", "language_typescript"),
    "tsx": Grammar("tsx", "tree_sitter_typescript", "language_tsx"),
    "html": Grammar("html", "tree_sitter_html"),
    "json": Grammar("json", "tree_sitter_json"),
    "yaml": Grammar("yaml", "tree_sitter_yaml"),
    # Mobile and game languages.
    "kotlin": Grammar("kotlin", "tree_sitter_kotlin", comment_types=("line_comment", "block_comment")),
    "java": Grammar("java", "tree_sitter_java", comment_types=("line_comment", "block_comment")),
    "swift": Grammar("swift", "tree_sitter_swift", comment_types=("comment", "multiline_comment")),
    "dart": Grammar("dart", "tree_sitter_dart", comment_types=("comment", "documentation_comment")),
    "csharp": Grammar("csharp", "tree_sitter_c_sharp"),
    "gdscript": Grammar("gdscript", "tree_sitter_gdscript"),
    "lua": Grammar("lua", "tree_sitter_lua"),
    # Roblox Luau (type annotations, compound assignment, continue): rules name it `lua`.
    "luau": Grammar("luau", "tree_sitter_luau"),
    # Python: tree-sitter gives the tree the engine matches on; libcst resolves what names
    # refer to (designlint/python_names.py), only for files that need it.
    "python": Grammar("python", "tree_sitter_python"),
    # Godot scene files: read as YAML after a same-length rewrite (scene_text.py).
    "godot-scene": Grammar("godot-scene", "tree_sitter_yaml", transcode=godot_scene_as_yaml),
    # Unity scenes and prefabs: YAML, reduced to their media players' play-on-awake lines first.
    "unity-scene": Grammar("unity-scene", "tree_sitter_yaml", transcode=unity_scene_as_yaml),
}

# Names a rule may use in `languages:` that stand for several grammars.
LANGUAGE_ALIASES: dict[str, tuple[str, ...]] = {
    "ecmascript": ("javascript", "typescript", "tsx"),
    "android": ("kotlin", "java"),
    # A rule written for Lua reads Luau too: the two grammars share their node types.
    "lua": ("lua", "luau"),
}

# Dialect grammars and the language rules and checks call them by.
LANGUAGE_FAMILY: dict[str, str] = {"luau": "lua"}

# Languages (families) whose top-level code is a program body: a Roblox or LÖVE script runs it
# when it starts, so it is one unit that runs at load.
SCRIPT_BODY_LANGUAGES = frozenset({"lua"})


@dataclass(frozen=True)
class FileKind:
    """How a file with a given extension is read.

    `grammar` parses the whole file. `embeds_scripts` means its <script> blocks are parsed
    again as JavaScript/TypeScript; `display` is the language shown in reports. `fallback` is a
    dialect grammar tried when `grammar` finds syntax errors: the tree with fewer errors is kept
    (Roblox code in .lua files is often Luau). `size_factor` multiplies --max-file-size for this
    kind: Unity scenes run to several MB of editor data, and only a few lines of them are parsed.
    """

    display: str
    grammar: str
    embeds_scripts: bool = False
    fallback: str | None = None
    size_factor: int = 1


EXTENSIONS: dict[str, FileKind] = {
    ".js": FileKind("javascript", "javascript"),
    ".mjs": FileKind("javascript", "javascript"),
    ".cjs": FileKind("javascript", "javascript"),
    ".jsx": FileKind("javascript", "javascript"),
    ".ts": FileKind("typescript", "typescript"),
    ".mts": FileKind("typescript", "typescript"),
    ".cts": FileKind("typescript", "typescript"),
    ".tsx": FileKind("tsx", "tsx"),
    ".html": FileKind("html", "html", embeds_scripts=True),
    ".htm": FileKind("html", "html", embeds_scripts=True),
    ".vue": FileKind("vue", "html", embeds_scripts=True),
    ".svelte": FileKind("svelte", "html", embeds_scripts=True),
    # Data files: i18n message catalogues (en.json, locales/*.yml) and notification payloads.
    ".json": FileKind("json", "json"),
    ".yml": FileKind("yaml", "yaml"),
    ".yaml": FileKind("yaml", "yaml"),
    ".kt": FileKind("kotlin", "kotlin"),
    ".kts": FileKind("kotlin", "kotlin"),
    ".java": FileKind("java", "java"),
    ".swift": FileKind("swift", "swift"),
    ".dart": FileKind("dart", "dart"),
    ".cs": FileKind("csharp", "csharp"),
    ".gd": FileKind("gdscript", "gdscript"),
    ".lua": FileKind("lua", "lua", fallback="luau"),
    ".luau": FileKind("lua", "luau"),
    ".py": FileKind("python", "python"),
    ".pyw": FileKind("python", "python"),
    ".tscn": FileKind("godot-scene", "godot-scene"),
    ".unity": FileKind("unity-scene", "unity-scene", size_factor=8),
    ".prefab": FileKind("unity-scene", "unity-scene", size_factor=8),
}

# Generated data files that are never message catalogues: skipped by name.
GENERATED_DATA_FILES = frozenset(
    {"package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "composer.lock", "yarn.lock", "bun.lock"}
)


def comment_query_source(language: str) -> str:
    """A query capturing every comment of a grammar as @c."""
    types = GRAMMARS[language].comment_types
    return "[" + " ".join(f"({t})" for t in types) + "] @c"


def kind_for(path_name: str) -> FileKind | None:
    """The FileKind for a file name, or None when designlint does not read it."""
    dot = path_name.rfind(".")
    if dot < 0 or path_name in GENERATED_DATA_FILES:
        return None
    return EXTENSIONS.get(path_name[dot:].lower())


def grammars_for(kind: FileKind) -> set[str]:
    """Every grammar a file of this kind may be parsed with (its own, and embedded scripts')."""
    grammars = {kind.grammar, kind.fallback} - {None}
    return grammars | {"javascript", "typescript", "tsx"} if kind.embeds_scripts else grammars


def expand_languages(names: list[str]) -> list[str]:
    """Resolve aliases (`ecmascript`) to grammar names, keeping order, without repeats."""
    out: list[str] = []
    for name in names:
        for lang in LANGUAGE_ALIASES.get(name, (name,)):
            if lang not in out:
                out.append(lang)
    return out


def language_family(grammar: str) -> str:
    """The language name rules and checks use for a grammar (`luau` -> `lua`)."""
    return LANGUAGE_FAMILY.get(grammar, grammar)


def top_level_is_script_body(language: str) -> bool:
    """Whether code outside functions in this grammar's files runs when the script starts."""
    return language_family(language) in SCRIPT_BODY_LANGUAGES


def path_top_level_is_script_body(path_name: str) -> bool:
    """`top_level_is_script_body` for the grammar a file (name or path) is read with."""
    kind = kind_for(path_name.replace("\\", "/").rsplit("/", 1)[-1])
    return kind is not None and top_level_is_script_body(kind.grammar)


def known_language(name: str) -> bool:
    return name in GRAMMARS or name in LANGUAGE_ALIASES


@cache
def load_language(name: str) -> Language:
    """Import a grammar wheel and return its Language, once per process."""
    grammar = GRAMMARS[name]
    module = importlib.import_module(grammar.module)
    return Language(getattr(module, grammar.function)())


def script_grammar_for(lang_attr: str | None) -> str:
    """The grammar for a <script lang=...> block."""
    value = (lang_attr or "").strip().lower()
    if value in ("ts", "typescript"):
        return "typescript"
    if value == "tsx":
        return "tsx"
    return "javascript"


# An XML document under a code file's extension: Qt Linguist translations are `.ts` files, Tiled
# map tilesets `.tsx` files (Tuxemon's maps). No JavaScript, TypeScript or other code grammar
# here starts with an XML declaration or a DOCTYPE.
XML_PROLOG = re.compile(rb"\A(\xef\xbb\xbf)?\s*<(\?xml\s|!DOCTYPE\s)", re.I)
MARKUP_GRAMMARS = frozenset({"html", "yaml", "godot-scene", "unity-scene"})


def xml_document(data: bytes, kind: FileKind) -> bool:
    """Whether a file named as code is an XML document (it is skipped: it is not code)."""
    return kind.grammar not in MARKUP_GRAMMARS and not kind.embeds_scripts and XML_PROLOG.match(data) is not None


# Grammars whose own syntax never has a Jinja/Django statement tag (`{% for x in xs -%}`) at the
# start of a line: such a line, outside every string and comment of a tree with syntax errors,
# makes the file a template that renders to code, not code (hawkthorne-journey's
# templates/credits.lua). Markup (HTML, Vue, Svelte) and YAML are left out: a Django HTML
# template or a templated YAML file is still read as what it renders.
TEMPLATE_FOREIGN_GRAMMARS = frozenset(
    {"javascript", "typescript", "tsx", "json", "kotlin", "java", "swift", "dart", "csharp", "gdscript", "lua", "luau", "python"}
)
TEMPLATE_TAG = re.compile(rb"^[ \t]*(\{%-?\s*[a-z_]+\b[^\n]*?-?%\})", re.M)


def template_tag_line(data: bytes, language: str, root: Node) -> int | None:
    """The 1-based line of the first Jinja/Django statement tag standing as code in a file of
    `language` (parsed as `root`), or None: the file is a template, not code, when it has one."""
    if language not in TEMPLATE_FOREIGN_GRAMMARS or not root.has_error or b"{%" not in data:
        return None
    for match in TEMPLATE_TAG.finditer(data):
        node = root.descendant_for_byte_range(match.start(1), match.start(1) + 2)
        inside = []
        while node is not None:
            inside.append(node.type)
            node = node.parent
        if not any("string" in kind or "comment" in kind for kind in inside):
            return data.count(b"\n", 0, match.start(1)) + 1
    return None
