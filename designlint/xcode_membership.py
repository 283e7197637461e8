"""Swift files an Xcode project does not build: which files are left out of the app.

An Xcode project lists every source file it compiles in `project.pbxproj` (a PBXFileReference
and a PBXBuildFile per file). A Swift file in the app's folder that no project lists is not
part of the app: a screen that was replaced and never deleted, an experiment kept on disk. What it
does never reaches a person, so its findings would be false alarms (whistle-iOS kept an old
bookmarked-feed screen that played its video on appear next to the new one).

A file counts as left out only when this is certain:
- an `*.xcodeproj/project.pbxproj` sits in a folder above it (up to the repository's root), none
  of them nor any other project up to three folders below the highest of them (a workspace's
  projects side by side) names the file, and none uses Xcode 16's folder-synchronised groups
  (`PBXFileSystemSynchronizedRootGroup`, where the folder's files are built without being listed);
- no folder on the way up holds a Swift package (`Package.swift`), a CocoaPods spec (`*.podspec`)
  or a project generator's spec (XcodeGen `project.yml`, Tuist `Project.swift`): those build
  files by folder, and a committed .xcodeproj beside them may be stale itself.

The answer depends on the .pbxproj files read: they are returned as inputs (path -> SHA-256) so
the content cache re-checks the file when a project changes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from designlint import project_index

MAX_LEVELS = 24  # folders walked up (Swift sources sit a few levels below the .xcodeproj)
SYNCHRONISED_GROUP = b"PBXFileSystemSynchronizedRootGroup"
# Specs that build the files of a folder without listing them.
BUILDS_BY_FOLDER = ("Package.swift", "project.yml", "project.yaml", "Project.swift")
BUILDS_BY_FOLDER_SUFFIXES = (".podspec",)
IGNORED_FOLDERS = {"Pods", "Carthage", "build", "DerivedData", ".build", "node_modules"}


@dataclass(frozen=True)
class XcodeProject:
    path: Path  # the project.pbxproj
    data: bytes
    digest: str

    @property
    def name(self) -> str:
        return self.path.parent.name

    def synchronised(self) -> bool:
        return SYNCHRONISED_GROUP in self.data

    def lists(self, file_name: str) -> bool:
        """The project names the file (`path = Name.swift;`, `/* Name.swift in Sources */`)."""
        return re.search(rb"(?<![\w.+-])" + re.escape(file_name.encode()) + rb"(?![\w])", self.data) is not None


def _read_project(pbxproj: Path) -> XcodeProject | None:
    """The project file, read once per scan (project_index.reset() forgets it)."""
    known = project_index.side_cache("xcode-projects")
    if pbxproj not in known:
        try:
            data = pbxproj.read_bytes()
            known[pbxproj] = XcodeProject(pbxproj, data, hashlib.sha256(data).hexdigest())
        except OSError:
            known[pbxproj] = None
    return known[pbxproj]


def _folder_facts(folder: Path) -> tuple[bool, tuple[Path, ...], bool]:
    """(builds files by folder, the .pbxproj files of .xcodeproj bundles in it, repository root),
    listed once per scan."""
    known = project_index.side_cache("xcode-folders")
    if folder not in known:
        try:
            names = [entry.name for entry in folder.iterdir()]
        except OSError:
            names = []
        by_folder = any(n in BUILDS_BY_FOLDER or n.endswith(BUILDS_BY_FOLDER_SUFFIXES) for n in names)
        projects = tuple(folder / n / "project.pbxproj" for n in sorted(names) if n.endswith(".xcodeproj") and (folder / n / "project.pbxproj").is_file())
        known[folder] = (by_folder, projects, ".git" in names)
    return known[folder]


def _projects_below(top: Path) -> list[Path]:
    """The .pbxproj files of .xcodeproj bundles up to three folders below `top`, once per scan."""
    known = project_index.side_cache("xcode-workspace")
    if top not in known:
        found = [*top.glob("*/*.xcodeproj/project.pbxproj"), *top.glob("*/*/*.xcodeproj/project.pbxproj"), *top.glob("*/*/*/*.xcodeproj/project.pbxproj")]
        known[top] = sorted(p for p in found if not IGNORED_FOLDERS.intersection(p.relative_to(top).parts[:-2]))
    return known[top]


def unbuilt_reason(path: Path) -> tuple[str | None, dict[str, str]]:
    """(why the Swift file at `path` is not built, or None; the project files read, path -> digest)."""
    projects: list[XcodeProject] = []
    folder = path.resolve().parent
    for candidate in [folder, *list(folder.parents)[: MAX_LEVELS - 1]]:
        by_folder, found, repository_root = _folder_facts(candidate)
        if by_folder:
            return None, {}
        projects += [p for p in map(_read_project, found) if p is not None]
        if repository_root:
            break
    if not projects:
        return None, {}
    if not any(p.synchronised() or p.lists(path.name) for p in projects):
        # A workspace's other projects, in folders beside the file's own (`Shared/` files built by
        # `AppB/AppB.xcodeproj` while `AppA.xcodeproj` sits above them).
        top = min((p.path.parent.parent for p in projects), key=lambda f: len(f.parts))
        projects += [p for p in map(_read_project, _projects_below(top)) if p is not None and p not in projects]
    inputs = {str(p.path): p.digest for p in projects}
    if any(p.synchronised() or p.lists(path.name) for p in projects):
        return None, inputs
    names = ", ".join(sorted({p.name for p in projects}))
    return f"not built: no Xcode project lists it ({path.name} is not in {names})", inputs
