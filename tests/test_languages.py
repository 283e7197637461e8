"""The language registry: every grammar loads with the pinned tree-sitter, files map to
languages by extension, comments are found in every grammar, calls read the same across
grammars, and Python names resolve through libcst whatever the import style."""

from __future__ import annotations

from pathlib import Path

import pytest
import tree_sitter
from tree_sitter import Parser, Query, QueryCursor

from designlint.checks import CheckContext
from designlint.checks.polyglot import argument_nodes, as_call, calls, enclosing_named_function, function_name
from designlint.checks.util import parse_snippet
from designlint.languages import GRAMMARS, comment_query_source, expand_languages, kind_for, load_language, template_tag_line
from designlint.config import Config
from designlint.runner import Scanner, ScanOptions
from designlint.source import parse_source
from designlint.python_names import qualified_names

# A small valid program per grammar, with one comment and one call `obj.act(1)` in a function `run`.
SAMPLES = {
    "javascript": "function run() {\n  // note\n  obj.act(1);\n}\n",
    "typescript": "function run(): void {\n  // note\n  obj.act(1);\n}\n",
    "tsx": "function run() {\n  // note\n  obj.act(1);\n  return <div />;\n}\n",
    "kotlin": "fun run() {\n    // note\n    obj.act(1)\n}\n",
    "java": "class A {\n  void run() {\n    // note\n    obj.act(1);\n  }\n}\n",
    "swift": "func run() {\n    // note\n    obj.act(1)\n}\n",
    "dart": "void run() {\n  // note\n  obj.act(1);\n}\n",
    "csharp": "class A {\n  void run() {\n    // note\n    obj.act(1);\n  }\n}\n",
    "gdscript": "func run():\n\t# note\n\tobj.act(1)\n",
    "lua": "function run()\n  -- note\n  obj.act(1)\nend\n",
    "luau": "local function run(n: number): ()\n  -- note\n  obj.act(1)\n  n += 1\nend\n",
    "python": "def run():\n    # note\n    obj.act(1)\n",
}


@pytest.mark.parametrize("language", sorted(GRAMMARS))
def test_every_grammar_loads_with_the_pinned_tree_sitter(language):
    lang = load_language(language)
    assert tree_sitter.LANGUAGE_VERSION >= lang.abi_version >= tree_sitter.MIN_COMPATIBLE_LANGUAGE_VERSION
    Query(lang, comment_query_source(language))  # comment node names exist in this grammar


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_each_language_parses_finds_comments_and_reads_calls(language):
    source = SAMPLES[language].encode()
    tree = Parser(load_language(language)).parse(source)
    assert not tree.root_node.has_error, str(tree.root_node)
    comments = QueryCursor(Query(load_language(language), comment_query_source(language))).captures(tree.root_node)
    assert [c.text.decode() for c in comments["c"]] in (["// note"], ["# note"], ["-- note"])
    found = [(c.name, c.receiver) for c in calls(tree.root_node)]
    assert ("act", "obj") in found
    call = next(c for c in calls(tree.root_node) if c.name == "act")
    assert function_name(enclosing_named_function(call.node)) == "run"


@pytest.mark.parametrize(
    "name,display",
    [
        ("Feed.kt", "kotlin"), ("build.gradle.kts", "kotlin"), ("Main.java", "java"), ("View.swift", "swift"),
        ("main.dart", "dart"), ("Shop.cs", "csharp"), ("player.gd", "gdscript"), ("init.lua", "lua"),
        ("Crate.luau", "lua"), ("tasks.py", "python"), ("feed.tsx", "tsx"), ("level.tscn", "godot-scene"),
        ("Title.unity", "unity-scene"), ("Radio.prefab", "unity-scene"),
    ],
)
def test_extensions_map_to_languages(name, display):
    kind = kind_for(name)
    assert kind is not None and kind.display == display


def test_dart_calls_in_chains_and_cascades():
    root = parse_snippet("void f() { c = VideoPlayerController.network(u)..initialize(); Random().nextInt(5); }", "dart")
    found = [(c.name, c.receiver) for c in calls(root)]
    assert ("network", "VideoPlayerController") in found
    assert ("initialize", "") in found
    assert ("nextInt", "Random()") in found


def test_dart_calls_through_a_null_assertion():
    root = parse_snippet("void f() { widget.onLoadMore!(); cb!(); a.b!.play(); }", "dart")
    found = [(c.name, c.receiver) for c in calls(root)]
    assert found == [("onLoadMore", "widget"), ("cb", ""), ("play", "a.b")]


def test_csharp_generic_calls_are_named_without_their_type_arguments():
    source = "class A { void Start() { bus.Subscribe<GameStarted>(On); GetComponent<Animator>(); x.Get<List<int>>(); } }"
    found = [(c.name, c.receiver, c.type_arguments) for c in calls(parse_snippet(source, "csharp"))]
    assert found == [("Subscribe", "bus", "GameStarted"), ("GetComponent", "", "Animator"), ("Get", "x", "List<int>")]


@pytest.mark.parametrize(
    "source",
    [
        "from firebase_admin import messaging\n\ndef go(m):\n    messaging.send(m)\n",
        "import firebase_admin.messaging as fm\n\ndef go(m):\n    fm.send(m)\n",
        "from firebase_admin.messaging import send\n\ndef go(m):\n    send(m)\n",
        "import firebase_admin\n\ndef go(m):\n    firebase_admin.messaging.send(m)\n",
    ],
)
def test_python_import_styles_resolve_to_the_same_qualified_name(source):
    root = parse_snippet(source, "python")
    ctx = CheckContext(node=root, captures={}, language="python", root=root, path=Path("a.py"), data=source.encode())
    call = next(c for c in calls(root) if c.name == "send")
    assert qualified_names(ctx, call.node.child_by_field_name("function"), ["firebase_admin"]) == {
        "firebase_admin.messaging.send"
    }


def test_python_names_are_not_resolved_without_the_module_in_the_file():
    source = "from push import messaging\nmessaging.send(m)\n"
    root = parse_snippet(source, "python")
    ctx = CheckContext(node=root, captures={}, language="python", root=root, path=Path("a.py"), data=source.encode())
    call = next(calls(root))
    assert qualified_names(ctx, call.node.child_by_field_name("function"), ["firebase_admin"]) == set()
    assert "python_names" not in ctx.memo  # the prefilter kept libcst from running


def test_python_file_libcst_cannot_parse_resolves_nothing():
    source = "import firebase_admin.messaging as m\ndef f(:\n    m.send(x)\n"
    root = parse_snippet(source, "python")
    ctx = CheckContext(node=root, captures={}, language="python", root=root, path=Path("a.py"), data=source.encode())
    call = next(c for c in calls(root) if c.name == "send")
    assert qualified_names(ctx, call.node.child_by_field_name("function"), ["firebase_admin"]) == set()


def test_kotlin_call_with_a_trailing_lambda_is_one_call_with_its_own_name():
    root = parse_snippet("fun f() { repeat(5) { i -> notify(i) }\n items.forEach { show(it) } }", "kotlin")
    found = [(c.name, c.receiver) for c in calls(root)]
    assert found == [("repeat", ""), ("notify", ""), ("forEach", "items"), ("show", "")]
    repeat = next(c for c in calls(root) if c.name == "repeat")
    assert [a.text for a in argument_nodes(repeat)] == [b"5"]
    assert as_call(repeat.node.named_children[0]).name == "repeat"  # the inner `repeat(5)` node too


ROBLOX_TYPED_LUA = b"""local Players = game:GetService("Players")
local function hatch(player: Player, egg: string): number
\tlocal roll = math.random(1, 100)
\tcoins -= 10
\treturn roll :: number
end
"""
LOVE_LUA = b"""function love.load()\n  ::again::\n  local x = 1 // 2\n  if x then goto again end\nend\n"""


@pytest.mark.parametrize(
    "name,source,grammar",
    [
        ("pets.lua", ROBLOX_TYPED_LUA, "luau"),  # Luau syntax in a .lua file: reparsed as Luau
        ("main.lua", LOVE_LUA, "lua"),  # Lua 5.4 (goto, //) parses cleanly: stays Lua
        ("Pets.luau", b"local x = 1\n", "luau"),
        ("broken.lua", b"local = = =\n", "lua"),  # broken either way: the first grammar is kept
    ],
)
def test_lua_files_are_read_with_the_dialect_that_parses_them(name, source, grammar):
    parsed = parse_source(Path(name), source, kind_for(name))
    assert [r.language for r in parsed.regions] == [grammar]
    assert parsed.display_language == "lua"


def test_rules_written_for_lua_find_the_pattern_in_luau(tmp_path):
    assert expand_languages(["lua"]) == ["lua", "luau"]
    from designlint.rules import load_rules

    for rule in load_rules():  # users see one `lua`, once
        assert "luau" not in rule.languages and len(rule.languages) == len(set(rule.languages))
    typed = (
        "local SoundService: SoundService = game:GetService(\"SoundService\")\n"
        "local music = Instance.new(\"Sound\") :: Sound\n"
        "music.Looped = true\n"
        "local function volumeFor(level: number): number\n\treturn level / 10\nend\n"
        "music.Parent = SoundService\n"
        "music:Play()\n"
    )
    (tmp_path / "Music.client.luau").write_text(typed)
    (tmp_path / "Music.client.lua").write_text(typed)
    result = Scanner(Config(root=tmp_path), ScanOptions(select=["autoplay"], jobs=1)).scan([tmp_path])
    assert sorted((Path(f.path).name, f.line) for f in result.findings) == [("Music.client.lua", 8), ("Music.client.luau", 8)]


UNITY_SCENE = (
    "%YAML 1.1\n%TAG !u! tag:unity3d.com,2011:\n--- !u!1 &10\nGameObject:\n  m_Name: Musik \u266a\n  m_IsActive: 1\n"
    "--- !u!82 &12\nAudioSource:\n  m_GameObject: {fileID: 10}\n  m_audioClip: {fileID: 8300000, guid: 0a1b2c3d4e5f60718293a4b5c6d7e8f9, type: 3}\n"
    "# designlint: ignore[autoplay] menu only\n"
    "  m_PlayOnAwake: 1\r\n  Loop: 1\n--- !u!114 &13\nMonoBehaviour:\n  m_PlayOnAwake: 1\n"
)


def test_unity_scenes_are_reduced_to_media_play_on_awake_lines_and_comments():
    from designlint.scene_text import unity_scene_as_yaml

    data = UNITY_SCENE.encode()
    reduced = unity_scene_as_yaml(data)
    assert len(reduced) == len(data) and reduced.count(b"\n") == data.count(b"\n")
    kept = [line.strip() for line in reduced.decode().splitlines() if line.strip()]
    # Only the AudioSource's line: a script's field of the same name is not a player setting.
    assert kept == ["# designlint: ignore[autoplay] menu only", "m_PlayOnAwake: 1"]
    tree = parse_source(Path("Title.unity"), data, kind_for("Title.unity")).regions[0].root
    assert not tree.has_error


def test_unity_scenes_may_be_larger_than_the_file_size_limit(tmp_path):
    padding = "".join(f"--- !u!4 &{i}\nTransform:\n  m_LocalPosition: {{x: 0, y: 0, z: 0}}\n" for i in range(100, 4000))
    scene = tmp_path / "Big.unity"
    scene.write_text(UNITY_SCENE.replace("# designlint: ignore[autoplay] menu only\n", "") + padding)
    options = ScanOptions(select=["autoplay"], max_file_bytes=len(scene.read_bytes()) // 4)
    scanner = Scanner(Config(root=tmp_path), options)
    findings, diagnostics, lines, _ = scanner.scan_file(scene, kind_for(scene.name))
    assert lines and not diagnostics
    assert [f.message.split(" starts")[0] for f in findings] == ["music (Musik \u266a)"]
    script = tmp_path / "Big.cs"
    script.write_text("// " + "x" * options.max_file_bytes)
    assert scanner.scan_file(script, kind_for(script.name))[2] is None  # other files keep the limit


# A Lua file that is a Jinja template rendered into the game's credits screen (modelled on
# hawkthorne-journey's templates/credits.lua): the loop tags are not Lua.
LUA_TEMPLATE = (
    "local sound = require 'audio'\nlocal screen = {}\n\nfunction screen:enter()\n  sound.playMusic('credits')\nend\n\n"
    "screen.names = {\n  {% for name in names -%}\n  '{{name}}',\n  {% endfor -%}\n}\n\nreturn screen\n"
)
# Code that only carries template text in strings, comments or table braces stays code.
NOT_TEMPLATES = {
    "page.py": (
        "from flask import render_template_string\n\nPAGE = '''\n{% for clip in clips %}\n<video autoplay src=\"{{ clip }}\"></video>\n"
        "{% endfor %}\n'''\n\n\ndef show(clips):\n    return render_template_string(PAGE, clips=clips)\n"
    ),
    "grid.lua": "local grid = {{1, 2}, {3, 4}}\nlocal label = {{name = 'x'}}\n-- {% for row in grid %} in the docs\nmusic:play()\n",
    "intro.js": "const tpl = `\n{% if autoplay %}\n<video autoplay>\n{% endif %}\n`;\nvideo.play();\n",
    "base.html": "{% extends 'layout.html' %}\n{% block body %}\n<video autoplay muted src=\"a.mp4\"></video>\n{% endblock %}\n",
}


def test_a_source_file_that_is_a_jinja_template_is_skipped_as_a_template(tmp_path):
    (tmp_path / "credits.lua").write_text(LUA_TEMPLATE)
    cookie = "const intro = document.querySelector('video');\n{% if cookiecutter.intro_video %}\nintro.play();\n{% endif %}\n"
    (tmp_path / "boot.js").write_text(cookie)
    scanner = Scanner(Config(root=tmp_path), ScanOptions(select=["autoplay"], jobs=1))
    for name, line in (("credits.lua", 9), ("boot.js", 2)):
        findings, diagnostics, lines, _ = scanner.scan_file(tmp_path / name, kind_for(name))
        assert not findings and lines is None
        assert [(d.kind, d.message.split(":")[0]) for d in diagnostics] == [("skipped", "template, not code")]
        assert f"line {line}" in diagnostics[0].message


@pytest.mark.parametrize("name", sorted(NOT_TEMPLATES))
def test_template_text_in_strings_comments_tables_or_markup_is_still_scanned(tmp_path, name):
    (tmp_path / name).write_text(NOT_TEMPLATES[name])
    source = parse_source(Path(name), NOT_TEMPLATES[name].encode(), kind_for(name))
    assert template_tag_line(source.data, source.regions[0].language, source.regions[0].root) is None
    scanner = Scanner(Config(root=tmp_path), ScanOptions(select=None, jobs=1))
    _, diagnostics, lines, _ = scanner.scan_file(tmp_path / name, kind_for(name))
    assert lines is not None and not any("template" in d.message for d in diagnostics)


# XML documents under code extensions, and code that merely holds XML in a string.
XML_DOCUMENTS = {
    "app_nl.ts": '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="nl">\n<context>\n'
                 "    <message><source>Play video</source><translation>Video afspelen</translation></message>\n</context>\n</TS>\n",
    "forest.tsx": '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<tileset version="1.10" name="forest" tilewidth="16" tileheight="16">\n'
                  ' <image source="forest.png" width="256" height="256"/>\n</tileset>\n',
}
NOT_XML = {
    "feed.tsx": "const header = '<?xml version=\"1.0\"?>';\nexport const Feed = () => <video autoPlay src=\"a.mp4\" />;\n",
    "page.html": '<?xml version="1.0" encoding="UTF-8"?>\n<html><body><video autoplay src="a.mp4"></video></body></html>\n',
}


@pytest.mark.parametrize("name", sorted(XML_DOCUMENTS))
def test_an_xml_document_under_a_code_extension_is_skipped_as_xml(tmp_path, name):
    (tmp_path / name).write_text(XML_DOCUMENTS[name], encoding="utf-8")
    scanner = Scanner(Config(root=tmp_path), ScanOptions(select=None, jobs=1))
    findings, diagnostics, lines, _ = scanner.scan_file(tmp_path / name, kind_for(name))
    assert not findings and lines is None
    assert [(d.kind, d.message.split(",")[0]) for d in diagnostics] == [("skipped", "XML document")]


@pytest.mark.parametrize("name", sorted(NOT_XML))
def test_code_holding_xml_text_and_xhtml_pages_are_still_scanned(tmp_path, name):
    (tmp_path / name).write_text(NOT_XML[name], encoding="utf-8")
    scanner = Scanner(Config(root=tmp_path), ScanOptions(select=["autoplay"], jobs=1))
    findings, diagnostics, _, _ = scanner.scan_file(tmp_path / name, kind_for(name))
    assert [f.rule_id for f in findings] == ["autoplay"]
    assert not any("XML" in d.message for d in diagnostics)
