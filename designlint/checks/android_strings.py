"""Android string resources: the text an `R.string.name` reference shows.

Android apps keep their copy in `res/values/strings.xml` and show it through `getString(R.string.x)`,
`context.getString(R.string.x, n)`, Compose `stringResource(R.string.x)` or `R.string.x` handed to
`setContentTitle`. A check that reads a notification's words or a streak's loss copy asks here for
the text of the default locale (`res/values/*.xml`; the translations in `values-de/` are the same
message and are not read). The value files come from the project index (`value_resources()`, covered
by the project digest, so cached results are reused only while they are unchanged) and are parsed once
per project into a dict name -> text.
"""

from __future__ import annotations

import html
import re

from tree_sitter import Node

from designlint import project_index
from designlint.checks.util import text

# `R.string.name`, also qualified (`com.app.R.string.name`)
R_STRING = re.compile(r"(?<![\w$])(?:[\w.]+\.)?R\s*\.\s*string\s*\.\s*([A-Za-z_]\w*)")
STRING_ELEMENT = re.compile(rb"<string\b([^>]*?)(?:/>|>(.*?)</string\s*>)", re.S)
NAME_ATTRIBUTE = re.compile(rb"\bname\s*=\s*[\"']([^\"']+)[\"']")
CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
TAG = re.compile(r"<[^<>]*>")
ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.S)
ESCAPED = {"n": " ", "t": " ", "'": "'", '"': '"', "\\": "\\", "@": "@", "?": "?"}
CACHE = "android-strings"


def project_strings(ctx) -> dict[str, str]:
    """name -> text of the project's default-locale string resources (empty outside Kotlin/Java or
    without a project). Records the project as an input of the file's result."""
    if ctx.language not in ("kotlin", "java"):
        return {}
    try:
        index = project_index.for_context(ctx)
    except Exception:  # no project around the file
        return {}
    cache = project_index.side_cache(CACHE)
    key = (index.key, index.digest)
    if key not in cache:
        cache[key] = parse_values(index.value_resources())
    return cache[key]


def parse_values(files: list[tuple[str, bytes]]) -> dict[str, str]:
    """The `<string name="...">` elements of value files, the app module's `src/main` first: a name
    defined twice (a flavour, a library module) keeps its first text."""
    out: dict[str, str] = {}
    for _path, data in sorted(files, key=lambda f: ("/src/main/" not in f[0].replace("\\", "/"), f[0])):
        if b"<string" not in data:
            continue
        for m in STRING_ELEMENT.finditer(data):
            name = NAME_ATTRIBUTE.search(m.group(1))
            if name is None:
                continue
            key = name.group(1).decode("utf-8", "replace").replace(".", "_")  # `a.b` is `R.string.a_b`
            out.setdefault(key, _text((m.group(2) or b"").decode("utf-8", "replace")))
    return out


def _text(raw: str) -> str:
    """What the app shows: CDATA opened, markup (`<b>`, `<xliff:g>`) dropped, entities and Android
    escapes (`\\'`, `\\n`, `\\u2014`) resolved, surrounding quotes taken off, spaces collapsed."""
    raw = CDATA.sub(lambda m: m.group(1), raw)
    raw = html.unescape(TAG.sub("", raw)).strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    raw = ESCAPE.sub(lambda m: chr(int(m.group(1)[1:], 16)) if len(m.group(1)) == 5 else ESCAPED.get(m.group(1), m.group(1)), raw)
    return " ".join(raw.split())


def reference_name(node: Node) -> str | None:
    """`x` for a node that is exactly `R.string.x`, else None."""
    m = R_STRING.fullmatch(re.sub(r"\s+", "", text(node)))
    return m.group(1) if m else None


def resource_text(ctx, node: Node) -> tuple[str, str] | None:
    """(name, text) of the string resource the node `R.string.name` shows, None when the project
    defines no such string."""
    name = reference_name(node)
    if name is None:
        return None
    value = project_strings(ctx).get(name)
    return (name, value) if value else None


def with_resource_texts(code: str, ctx) -> str:
    """`code` followed by the text of every string resource it shows, each as a quoted line (a
    worker's `getString(R.string.comeback_body)` read as its words)."""
    names = dict.fromkeys(R_STRING.findall(code))
    if not names:
        return code
    strings = project_strings(ctx)
    shown = [strings[n] for n in names if strings.get(n)]
    return code + "".join('\n"' + s.replace('"', "'") + '"' for s in shown)
