"""Third-party library code copied into an app's source: which files are not the app's own.

A library's internals are not the app's design: a bundled video player starting its video in its
own `onPrepared`, a load-more adapter's own scroll listener, a floating button's scroll-direction
detector. The app's use of the library is what rules judge. Two kinds of copies are recognised:

- JavaScript/CSS-family builds opening with a licence banner (`/*! Name v1.2.3 | MIT License */`);
- Java/Kotlin sources of well-known Android libraries, by their package (`package cn.jzvd;`,
  `package com.chad.library.adapter.base;`, framework packages such as `android.widget`) or, when
  the copy was moved into the app's own package, by the library's class and file name
  (`JZMediaManager.java`, `BaseQuickAdapter.kt`).

Every library named here was found copied into app repositories measured for designlint.
"""

from __future__ import annotations

import re

from designlint.languages import FileKind

# A licence banner opening a JavaScript/CSS-family file: `/*! Name v1.2.3 | MIT License */`,
# `/** @license React v16.14.0 ... */`. `/*!` is the "keep this comment when minifying" marker that
# library builds put on their distributed files; with a version number and a licence or copyright
# it names a third-party library copied into the app (`static/js/libs/`), not the app's own code.
BANNER_GRAMMARS = frozenset({"javascript", "typescript", "tsx"})
LIBRARY_BANNER = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:/\*!|/\*\*?\s*@(?:license|preserve)\b)((?:(?!\*/).){0,1200}?)\*/", re.S)
BANNER_VERSION = re.compile(rb"(?i)\bv?\d+\.\d+(?:\.\d+)?\b")
BANNER_LICENCE = re.compile(rb"(?i)licen[cs]|\bMIT\b|copyright|\(c\)|\xc2\xa9")
# The version of the licence itself is not a library's version: "Apache License, Version 2.0",
# SPDX ids such as `Apache-2.0`, "either version 3 of the License" (an app's own source header).
LICENCE_VERSION = re.compile(rb"(?i)\bversion\s+\d+(?:\.\d+)*|\b[A-Za-z]+-\d+\.\d+(?:[-+]\w+)?\b")

JVM_GRAMMARS = frozenset({"java", "kotlin"})
# Packages of Android libraries (and of the framework itself) whose sources apps copy in: video
# players (JiaoZi, JieCao, GSY, ijkplayer, DKPlayer, ExoPlayer/Media3), adapters and refresh/load-more
# widgets (BRVAH, SmartRefreshLayout, XRecyclerView, Android-PullToRefresh, Ultra-PTR, TwinklingRefresh),
# the FloatingActionButton library's scroll detectors, the support library and AOSP widgets.
LIBRARY_PACKAGES = (
    "cn.jzvd", "fm.jiecao.jcvideoplayer_lib", "com.shuyu.gsyvideoplayer", "tv.danmaku.ijk.media",
    "com.dueeeke.videoplayer", "com.dueeeke.videocontroller", "xyz.doikki.videoplayer", "xyz.doikki.videocontroller",
    "com.google.android.exoplayer2", "androidx.media3",
    "com.chad.library.adapter", "com.scwang.smartrefresh", "com.scwang.smart.refresh", "com.jcodecraeer.xrecyclerview",
    "com.handmark.pulltorefresh", "in.srain.cube.views.ptr", "com.lcodecore.tkrefreshlayout",
    "com.melnykov.fab",
    "android", "androidx", "com.android.internal",
)
JVM_PACKAGE = re.compile(rb"^\s*package\s+([\w.]+)", re.M)
# Class names of those libraries, for copies moved into the app's own package.
LIBRARY_CLASSES = frozenset(
    {
        "JZVideoPlayer", "JZVideoPlayerStandard", "JZMediaManager", "JZMediaSystem", "JZMediaInterface", "Jzvd", "JzvdStd",
        "JCVideoPlayer", "JCVideoPlayerStandard", "JCMediaManager",
        "GSYVideoManager", "GSYVideoPlayer", "GSYBaseVideoPlayer", "StandardGSYVideoPlayer",
        "IjkVideoView", "IjkMediaPlayer",
        "BaseQuickAdapter", "BaseMultiItemQuickAdapter", "BaseSectionQuickAdapter",
        "AbsListViewScrollDetector", "RecyclerViewScrollDetector", "XRecyclerView",
    }
)


def vendored_library(raw: bytes, kind: FileKind, file_name: str = "") -> str | None:
    """What names the file as a third-party library's code (shown in the skip message), or None
    when it is taken for the app's own."""
    if kind.grammar in BANNER_GRAMMARS:
        return _banner(raw)
    if kind.grammar in JVM_GRAMMARS:
        return _jvm_library(raw, file_name)
    return None


def _banner(raw: bytes) -> str | None:
    match = LIBRARY_BANNER.match(raw, 0, 4096)
    if match is None:
        return None
    banner = match.group(0)
    if not (BANNER_VERSION.search(LICENCE_VERSION.sub(b" ", banner)) and BANNER_LICENCE.search(banner)):
        return None
    first = next((line.strip(b" */!\t\r") for line in banner.splitlines() if line.strip(b" */!\t\r")), b"")
    return f"licence banner: {first.decode('utf-8', 'replace')[:80]!r}"


def _jvm_library(raw: bytes, file_name: str) -> str | None:
    match = JVM_PACKAGE.search(raw, 0, 8192)
    if match is not None:
        package = match.group(1).decode("ascii", "replace")
        if any(package == p or package.startswith(p + ".") for p in LIBRARY_PACKAGES):
            return f"package {package}"
    stem = file_name.rsplit(".", 1)[0]
    if stem in LIBRARY_CLASSES and re.search(rb"\b(class|interface)\s+" + re.escape(stem.encode()) + rb"\b", raw):
        return f"a copy of the library class {stem}"
    return None
