"""The pre-commit hook: a valid manifest, and `pre-commit try-repo` on a temporary git repo
with one flagged file fails the commit check (installs designlint into pre-commit's own env)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def test_manifest_is_valid():
    subprocess.run([*PRE_COMMIT, "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")], check=True)


@pytest.mark.slow
def test_try_repo_flags_a_file(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    hook_repo = tmp_path / "hook-repo"
    # try-repo needs a git repository; copy the working tree (tracked or not) into a fresh one.
    shutil.copytree(REPO, hook_repo, ignore=shutil.ignore_patterns(".git", "*.egg-info", "__pycache__", ".pytest_cache", "build", "dist"))
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "snapshot"]):
        subprocess.run(["git", *args], cwd=hook_repo, check=True, env=env)

    work = tmp_path / "app"
    work.mkdir()
    (work / "index.html").write_text('<video autoplay src="intro.mp4"></video>\n')
    (work / "notes.txt").write_text("not scanned\n")
    subprocess.run(["git", "init", "-q"], cwd=work, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=work, check=True, env=env)
    run = subprocess.run(
        [*PRE_COMMIT, "try-repo", str(hook_repo), "designlint", "--all-files", "--verbose"],
        cwd=work, capture_output=True, text=True, env=env, timeout=900,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "index.html:1:1: autoplay" in output

    (work / "index.html").write_text('<video controls src="intro.mp4"></video>\n')
    run = subprocess.run(
        [*PRE_COMMIT, "try-repo", str(hook_repo), "designlint", "--all-files"],
        cwd=work, capture_output=True, text=True, env=env, timeout=900,
    )
    assert run.returncode == 0, run.stdout + run.stderr
