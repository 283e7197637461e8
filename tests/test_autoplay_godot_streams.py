"""autoplay in GDScript: a script that plays a node by its path reads the node's stream in the scene that attaches
the script (fm14 DungeonsAndDaggers_godot3 Singletons/Audio.gd:5, a Godot 3 project with binary tilesets)."""

from __future__ import annotations

import json

import pytest

SCENE = """[gd_scene load_steps=3 format=2]

[ext_resource path="res://singletons/speaker.gd" type="Script" id=1]
[ext_resource path="res://assets/{stream}" type="AudioStream" id=2]

[node name="Speaker" type="Node"]
script = ExtResource( 1 )

[node name="Output" type="AudioStreamPlayer" parent="."]
stream = ExtResource( 2 )
"""


def _project(tmp_path, stream: str):
    (tmp_path / "project.godot").write_text(
        'config_version=4\n\n[application]\n\nrun/main_scene="res://singletons/speaker.tscn"\n\n'
        '[autoload]\n\nSpeaker="*res://singletons/speaker.tscn"\n')
    (tmp_path / "singletons").mkdir()
    (tmp_path / "singletons" / "speaker.gd").write_text('extends Node\n\nfunc _ready():\n\tget_node("Output").play()\n')
    (tmp_path / "singletons" / "speaker.tscn").write_text(SCENE.format(stream=stream))
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "walls.res").write_bytes(b"RSRC\x00\x01\x02binary tileset")  # a binary resource beside them


@pytest.mark.parametrize("stream, reported", [("background_music.ogg", True), ("music/level_1.ogg", True),
                                              ("click.wav", False), ("sfx/jump.ogg", False)])
def test_a_node_played_by_path_is_music_when_its_scene_stream_is(tmp_path, run_cli, stream, reported):
    _project(tmp_path, stream)
    result = run_cli(["check", str(tmp_path), "-f", "json", "--no-cache", "--exit-zero", "-q", "--select", "autoplay"])
    findings = [f for f in json.loads(result.stdout)["findings"] if f["path"].endswith("speaker.gd")]
    assert bool(findings) == reported, findings
