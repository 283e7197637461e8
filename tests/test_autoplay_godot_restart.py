"""autoplay in GDScript: a restart written with C-style operators (`if wanted && !deck.playing:` in `_process`)
reads as `not` / `and`, and the scene's `autoplay = true` on the node that restart plays is a related site of
the script's finding, not a finding of its own (fm20 BlitzWaveStudioGameJam70 music.gd:15-16 + music.tscn:15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "autoplay" / "gdscript" / "tidepool_project"


def _findings(run_cli, folder: Path) -> list[dict]:
    result = run_cli(["check", str(folder), "-f", "json", "--no-cache", "--exit-zero", "-q", "--select", "autoplay"])
    return json.loads(result.stdout)["findings"]


def test_the_scene_autoplay_is_a_related_site_of_the_restart(run_cli):
    findings = _findings(run_cli, FIXTURE)
    by_file = {(Path(f["path"]).name, f["line"]): f for f in findings}
    assert set(by_file) == {("jukebox.gd", 11), ("pier.gd", 11), ("pier.tscn", 20)}, sorted(by_file)
    related = [(Path(r["path"]).name, r["line"]) for r in by_file[("jukebox.gd", 11)]["related"]]
    assert related == [("jukebox.tscn", 13)]
    related = [(Path(r["path"]).name, r["line"]) for r in by_file[("pier.gd", 11)]["related"]]
    assert related == [("pier.tscn", 15)]


@pytest.mark.parametrize("condition", ["wanted && !deck.playing", "wanted and not deck.playing", "!deck.playing && wanted"])
def test_c_style_and_keyword_operators_read_the_same(tmp_path, run_cli, condition):
    project = tmp_path / "p"
    (project / "audio").mkdir(parents=True)
    for name in ("project.godot", "audio/jukebox.tscn"):
        (project / name).write_text((FIXTURE / name).read_text())
    (project / "scenes").mkdir()
    code = f'extends Node\n\nvar wanted := false\n\nfunc _process(_d):\n\tvar deck = get_node("Music")\n\tif {condition}:\n\t\tdeck.playing = true\n'
    (project / "audio" / "jukebox.gd").write_text(code)
    found = [(Path(f["path"]).name, f["line"], len(f["related"])) for f in _findings(run_cli, project)]
    assert found == [("jukebox.gd", 8, 1)], found


def test_a_scene_autoplay_stays_when_the_script_does_not_restart_it(tmp_path, run_cli):
    project = tmp_path / "p"
    (project / "audio").mkdir(parents=True)
    for name in ("project.godot", "audio/jukebox.tscn"):
        (project / name).write_text((FIXTURE / name).read_text())
    code = 'extends Node\n\nvar wanted := false\n\nfunc _process(_d):\n\tif wanted && !$Music.playing && $Music.volume_db < -10:\n\t\t$Music.play()\n'
    (project / "audio" / "jukebox.gd").write_text(code)
    found = [(Path(f["path"]).name, f["line"]) for f in _findings(run_cli, project)]
    assert found == [("jukebox.tscn", 13)], found
