"""Discovery and languages: .gitignore, default excludes, minified files, embedded scripts."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from designlint.files import Discoverer
from designlint.languages import kind_for

VIDEO = '<video autoplay src="a.mp4"></video>\n'


def test_extensions_map_to_languages():
    expected = {
        "a.js": "javascript", "a.mjs": "javascript", "a.cjs": "javascript", "a.jsx": "javascript",
        "a.ts": "typescript", "a.mts": "typescript", "a.cts": "typescript", "a.tsx": "tsx",
        "a.html": "html", "a.HTM": "html", "a.vue": "vue", "a.svelte": "svelte",
    }
    for name, display in expected.items():
        assert kind_for(name).display == display
    assert kind_for("a.rb") is None and kind_for("Makefile") is None


def test_gitignore_and_default_excludes(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("generated/\n*.gen.js\n")
    for name in [
        "src/app.js", "src/x.gen.js", "generated/a.js", "node_modules/lib/index.js", "dist/app.js",
        "build/app.js", "vendor/v.js", "src/app.min.js", "src/nested/.gitignore", "src/nested/keep.js", "src/nested/drop.js",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("drop.js\n" if name.endswith(".gitignore") else "let x = 1;\n")
    found = Discoverer(exclude_base=tmp_path).discover([tmp_path])
    names = sorted(p.relative_to(tmp_path).as_posix() for p, _ in found.files)
    assert names == ["src/app.js", "src/nested/keep.js"]
    assert any("minified" in d.message for d in found.skipped)


def test_minified_content_is_skipped(project, run_cli):
    bundle = "var a=1;" * 5000 + "\n"
    root = project({"app.js": bundle, "a.html": VIDEO})
    result = run_cli(["check", "."], cwd=root)
    assert "app.js: minified bundle" in result.stderr
    assert "a.html:1:1" in result.stdout


def test_force_exclude_applies_to_explicit_files(project, run_cli):
    root = project({"node_modules/x/a.html": VIDEO, "ok.html": VIDEO})
    assert run_cli(["check", "node_modules/x/a.html"], cwd=root).exit_code == 1
    result = run_cli(["check", "--force-exclude", "node_modules/x/a.html", "ok.html"], cwd=root)
    assert "node_modules" not in result.stdout and "ok.html" in result.stdout


def test_vue_and_svelte_blocks_report_lines_in_the_original_file(project, run_cli):
    vue = textwrap.dedent(
        """\
        <template>
          <div>
            <video autoplay src="a.mp4"></video>
          </div>
        </template>

        <script setup lang="ts">
        const n: number = 1;
        </script>
        <script>
        export default { render() { return <video autoPlay /> } }
        </script>
        """
    )
    svelte = "<script>\n  let src = 'a.mp4';\n</script>\n\n<video autoplay {src}></video>\n"
    root = project({"C.vue": vue, "S.svelte": svelte})
    doc = json.loads(run_cli(["check", "-f", "json", "."], cwd=root).stdout)
    places = [(f["path"], f["line"], f["column"], f["pattern"]) for f in doc["findings"]]
    assert places == [("C.vue", 3, 5, "html-attr"), ("C.vue", 11, 43, "jsx-attr"), ("S.svelte", 5, 1, "html-attr")]


def test_inline_script_in_html_is_parsed_as_javascript(project, run_cli):
    html = "<html><body>\n<script>\nconst v = <video autoPlay />;\n</script>\n<script type=\"application/json\">{\"a\": 1}</script>\n</body></html>\n"
    root = project({"index.html": html})
    out = run_cli(["check", "."], cwd=root).stdout
    assert "index.html:3:18: sample-autoplay JSX autoPlay" in out


def test_grammars_load_lazily():
    code = (
        "import sys, pathlib, tempfile\n"
        "from designlint.config import Config\n"
        "from designlint.runner import Scanner\n"
        "d = pathlib.Path(tempfile.mkdtemp()); (d / 'a.html').write_text('<video autoplay></video>')\n"
        "Scanner(Config(root=d)).scan([d])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith('tree_sitter_')}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['tree_sitter_html']"


def test_a_folder_of_symlinked_folders_says_why_nothing_was_scanned(tmp_path):
    real = tmp_path / "real"
    (real / "kotlin").mkdir(parents=True)
    (real / "kotlin" / "Feed.kt").write_text("fun f() {}\n")
    links = tmp_path / "links"
    links.mkdir()
    (links / "kotlin").symlink_to(real / "kotlin", target_is_directory=True)
    (links / "gone.kt").symlink_to(tmp_path / "missing.kt")
    found = Discoverer(exclude_base=tmp_path).discover([links])
    assert found.files == []
    reasons = {d.path.rsplit("/", 1)[-1]: d.message for d in found.skipped}
    assert "not followed" in reasons["kotlin"] and reasons["gone.kt"] == "broken symlink"


LIBRARY_BUILD = """/*!
 * Endless Pages PACKAGED v4.0.1
 * Licensed GPLv3 for open source use
 */
(function () {
  window.addEventListener('scroll', function () {
    if (window.innerHeight + window.scrollY >= document.body.offsetHeight - 300) loadNextPage();
  });
})();
"""


def test_third_party_library_build_is_skipped_by_its_banner(project, run_cli):
    app_note = "/*! keep: our own scroll helper */\n" + LIBRARY_BUILD.split("*/\n", 1)[1]
    root = project({"static/js/libs/pages.js": LIBRARY_BUILD, "static/js/app.js": app_note})
    result = run_cli(["check", "--select", "infinite-scroll", "."], cwd=root)
    assert "pages.js: third-party library (licence banner: 'Endless Pages PACKAGED v4.0.1')" in result.stderr
    # A `/*!` comment without a version and a licence is the app's own note: still scanned.
    assert "static/js/app.js:" in result.stdout
    assert "libs/pages.js:" not in result.stdout


def test_license_tag_banner_counts_as_library(project, run_cli):
    react_like = "/** @license Widget v2.3.0\n * (c) Someone. MIT\n */\n" + LIBRARY_BUILD.split("*/\n", 1)[1]
    root = project({"lib.js": react_like})
    result = run_cli(["check", "--select", "infinite-scroll", "."], cwd=root)
    assert "third-party library" in result.stderr
    assert "lib.js:" not in result.stdout


def test_own_source_with_a_licence_header_is_scanned(project, run_cli):
    header = "/**\n * @license\n * Copyright 2024 Example LLC\n * Licensed under the Apache License, Version 2.0\n * SPDX-License-Identifier: Apache-2.0\n */\n"
    root = project({"src/feed.js": header + LIBRARY_BUILD.split("*/\n", 1)[1]})
    result = run_cli(["check", "--select", "infinite-scroll", "."], cwd=root)
    assert "third-party library" not in result.stderr
    assert "src/feed.js:" in result.stdout


def test_exclude_paths_see_a_named_file_inside_its_repository(project, run_cli, tmp_path_factory):
    feed = ("class FeedFragment : Fragment() {\n    private fun setupList() {\n"
            "        recycler.addOnScrollListener(object : RecyclerView.OnScrollListener() {\n"
            "            override fun onScrolled(rv: RecyclerView, dx: Int, dy: Int) {\n"
            "                if (layoutManager.findLastVisibleItemPosition() >= adapter.itemCount - 3) viewModel.loadNextPage()\n"
            "            }\n        })\n    }\n}\n")
    root = project({".git/HEAD": "ref: refs/heads/main\n", "app/src/test/java/Feed.kt": feed, "app/src/main/java/Feed.kt": feed})
    elsewhere = tmp_path_factory.mktemp("elsewhere")  # outside the project and its config
    # Named by absolute path from another folder: the rule's `**/src/test/` still applies.
    excluded = run_cli(["check", "--select", "infinite-scroll", str(root / "app/src/test/java/Feed.kt")], cwd=elsewhere)
    assert "Feed.kt:" not in excluded.stdout
    reported = run_cli(["check", "--select", "infinite-scroll", str(root / "app/src/main/java/Feed.kt")], cwd=elsewhere)
    assert "Feed.kt:" in reported.stdout


def test_designlint_test_from_another_folder_applies_exclude_paths(run_cli, tmp_path_factory):
    # The shipped fixtures include near misses under paths a rule excludes (autoplay's `**/lib/test/`):
    # run from outside the repository, the fixture's path is still read inside it.
    from conftest import REPO

    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = run_cli(["test", str(REPO / "fixtures" / "autoplay" / "dart")], cwd=elsewhere)
    assert result.exit_code == 0, result.stdout + result.stderr


def test_android_library_sources_copied_into_an_app_are_skipped(tmp_path):
    from designlint.languages import kind_for
    from designlint.vendored import vendored_library

    player = b"package cn.jzvd;\n\npublic class JZMediaSystem { void onPrepared() { start(); } }\n"
    moved = b"package com.example.app.video;\n\npublic class JZMediaManager { }\n"
    own = b"package com.example.app.video;\n\npublic class FeedPlayer { }\n"
    framework = b"package android.widget\n\nclass VideoView\n"
    assert vendored_library(player, kind_for("JZMediaSystem.java"), "JZMediaSystem.java") == "package cn.jzvd"
    assert "JZMediaManager" in vendored_library(moved, kind_for("JZMediaManager.java"), "JZMediaManager.java")
    assert vendored_library(framework, kind_for("VideoView.kt"), "VideoView.kt") == "package android.widget"
    # The app's own code, and a file merely named like a library class without declaring it.
    assert vendored_library(own, kind_for("FeedPlayer.java"), "FeedPlayer.java") is None
    assert vendored_library(own, kind_for("JZMediaManager.java"), "JZMediaManager.java") is None
    # A package that only starts with a library's name is not that library.
    assert vendored_library(b"package com.chad.libraryx.app;\n", kind_for("A.java"), "A.java") is None
