"""Discovery: walk the given paths and decide which files to scan, in a stable order.

Honours .gitignore files (the repository's and nested ones), skips dependency and build
folders and minified bundles by default, applies the config's `exclude` globs, and picks the
language by extension. Symlinked folders are not followed; symlinked files are read only when
they point inside the scanned root.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from designlint.findings import Diagnostic
from designlint.languages import FileKind, kind_for

DEFAULT_EXCLUDED_DIRS = frozenset(
    {
        "node_modules", "bower_components", "jspm_packages", "dist", "build", "vendor", ".git", ".hg",
        ".svn", ".designlint_cache", "__pycache__", ".venv", "venv", ".tox", ".next", ".nuxt",
        ".svelte-kit", ".output", ".parcel-cache", ".turbo", "coverage",
        # Python, Android/Gradle, iOS, Flutter, Unity and Godot caches, builds and vendored packages.
        "site-packages", ".mypy_cache", ".pytest_cache", ".gradle", "Pods", "Carthage", "DerivedData",
        ".build", ".dart_tool", ".pub-cache", "PackageCache", ".godot", ".import",
    }
)
MINIFIED_SUFFIXES = (".min.js", ".min.mjs", ".min.cjs", "-min.js", ".bundle.js", ".chunk.js")


@dataclass
class Discovered:
    files: list[tuple[Path, FileKind]] = field(default_factory=list)
    skipped: list[Diagnostic] = field(default_factory=list)


def git_root(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return None


def _load_ignore(folder: Path) -> pathspec.GitIgnoreSpec | None:
    gitignore = folder / ".gitignore"
    try:
        lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


class _Ignores:
    """The stack of .gitignore specs that apply to one folder, each with its base folder."""

    def __init__(self, specs: list[tuple[Path, pathspec.GitIgnoreSpec]]):
        self.specs = specs

    def child(self, folder: Path) -> "_Ignores":
        spec = _load_ignore(folder)
        return _Ignores(self.specs + [(folder, spec)]) if spec else self

    def ignored(self, path: Path, is_dir: bool) -> bool:
        result = False
        for base, spec in self.specs:
            try:
                rel = path.relative_to(base).as_posix()
            except ValueError:
                continue
            if is_dir:
                rel += "/"
            # Later (deeper) files can re-include with "!pattern"; check_file gives tri-state.
            check = spec.check_file(rel)
            if check.include is not None:
                result = check.include
        return result


def is_minified_name(name: str) -> bool:
    return name.lower().endswith(MINIFIED_SUFFIXES)


class Discoverer:
    def __init__(self, exclude: list[str] | None = None, exclude_base: Path | None = None, respect_gitignore: bool = True):
        self.exclude = pathspec.GitIgnoreSpec.from_lines(exclude or [])
        self.exclude_base = (exclude_base or Path.cwd()).resolve()
        self.respect_gitignore = respect_gitignore

    def excluded_by_config(self, path: Path, is_dir: bool) -> bool:
        try:
            rel = path.resolve().relative_to(self.exclude_base).as_posix()
        except ValueError:
            rel = path.as_posix()
        return self.exclude.match_file(rel + ("/" if is_dir else ""))

    def _initial_ignores(self, folder: Path) -> _Ignores:
        if not self.respect_gitignore:
            return _Ignores([])
        folder = folder.resolve()
        top = git_root(folder)
        chain = [folder] if top is None else [p for p in reversed([folder, *folder.parents]) if p == top or top in p.parents]
        ignores = _Ignores([])
        for parent in chain:
            ignores = ignores.child(parent)
        return ignores

    def discover(self, paths: list[Path], force_exclude: bool = False) -> Discovered:
        result = Discovered()
        seen: set[Path] = set()
        for given in paths:
            if not given.exists() and not given.is_symlink():
                result.skipped.append(Diagnostic(given.as_posix(), "skipped", "path does not exist"))
                continue
            if given.is_dir():
                self._walk(given, result, seen)
            else:
                self._add_explicit(given, result, seen, force_exclude)
        result.files.sort(key=lambda item: item[0].as_posix())
        result.skipped.sort(key=lambda d: d.sort_key)
        return result

    def _add_explicit(self, path: Path, result: Discovered, seen: set[Path], force_exclude: bool) -> None:
        kind = kind_for(path.name)
        if kind is None:
            return
        if force_exclude:
            if any(part in DEFAULT_EXCLUDED_DIRS for part in path.parts[:-1]) or self.excluded_by_config(path, False):
                return
            if self.respect_gitignore and self._initial_ignores(path.parent).ignored(path.resolve(), False):
                return
        if is_minified_name(path.name):
            result.skipped.append(Diagnostic(path.as_posix(), "skipped", "minified bundle (by name)"))
            return
        self._add(path, kind, result, seen)

    def _add(self, path: Path, kind: FileKind, result: Discovered, seen: set[Path]) -> None:
        key = path.resolve()
        if key in seen:
            return
        seen.add(key)
        result.files.append((path, kind))

    def _walk(self, root: Path, result: Discovered, seen: set[Path]) -> None:
        root_resolved = root.resolve()
        stack: list[tuple[Path, _Ignores]] = [(root, self._initial_ignores(root))]
        while stack:
            folder, ignores = stack.pop()
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError as exc:
                result.skipped.append(Diagnostic(folder.as_posix(), "skipped", f"cannot read folder: {exc.strerror or exc}"))
                continue
            for entry in entries:
                path = folder / entry.name
                try:
                    is_link = entry.is_symlink()
                    is_dir = entry.is_dir(follow_symlinks=False)
                    is_file = entry.is_file(follow_symlinks=True)
                except OSError:
                    continue
                if is_dir:
                    if entry.name in DEFAULT_EXCLUDED_DIRS or self.excluded_by_config(path, True):
                        continue
                    if ignores.ignored(path.resolve(), True):
                        continue
                    stack.append((path, ignores.child(path.resolve()) if self.respect_gitignore else ignores))
                    continue
                if is_link and not is_file:
                    # Symlinked folders are not followed (loops, trees outside the scan); say so,
                    # or a folder made of links scans nothing without a word.
                    reason = "symlinked folder: not followed (scan its target to include it)" if path.is_dir() else "broken symlink"
                    result.skipped.append(Diagnostic(path.as_posix(), "skipped", reason))
                    continue
                kind = kind_for(entry.name)
                if kind is None or not is_file:
                    continue
                if is_link:
                    target = path.resolve()
                    if root_resolved not in target.parents:
                        result.skipped.append(Diagnostic(path.as_posix(), "skipped", "symlink points outside the scanned folder"))
                        continue
                if self.excluded_by_config(path, False) or ignores.ignored(path.resolve(), False):
                    continue
                if is_minified_name(entry.name):
                    result.skipped.append(Diagnostic(path.as_posix(), "skipped", "minified bundle (by name)"))
                    continue
                self._add(path, kind, result, seen)
