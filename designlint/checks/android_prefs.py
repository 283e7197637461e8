"""Android list and string preferences that work as a switch.

A reminder interval or an autoplay mode is often a `ListPreference`: `getString("interval", "24")`
with `"0"` (or `"never"`, `"off"`) meaning off, where a boolean switch would be `getBoolean(key, true)`.
Its default decides whether the feature is on for everyone who never opened the settings. Text-based:
the checks hand in a function's code.
"""

from __future__ import annotations

import re

# `String s = prefs.getString(KEY, "24")`, `val every = settings.getString(KEY, "daily") ?: "daily"`,
# `int days = prefs.getInt("reminder_days", 1)`
LIST_READ = re.compile(
    r"\b(?P<var>\w+)\s*(?::\s*[\w?]+\s*)?=\s*[\w.()]*?\bget(?:String|Int|Long)\(\s*[^,()]+(?:\([^()]*\))?\s*,\s*(?P<default>\"[^\"\n]*\"|-?\d+L?)\s*\)"
)
OFF_VALUES = frozenset({"0", "-1", "never", "off", "none", "disabled", "false", "no"})


def _value(literal: str) -> str:
    return literal.strip().strip('"').rstrip("L").lower()


def _off_test(var: str, code: str) -> str | None:
    """The off value `code` compares the variable with (`s.equals("0")`, `"never".equals(s)`,
    `s == "off"`, `days == 0`, `TextUtils.equals(s, "0")`), or None."""
    v = re.escape(var)
    literal = r"(\"[^\"\n]*\"|-?\d+L?)"
    for pattern in (
        rf"\b{v}\s*\.\s*equals(?:IgnoreCase)?\(\s*{literal}\s*\)",
        rf"{literal}\s*\.\s*equals(?:IgnoreCase)?\(\s*{v}\s*\)",
        rf"\b{v}\s*(?:==|!=|<=)\s*{literal}",
        rf"{literal}\s*(?:==|!=)\s*{v}\b",
        rf"\bequals\(\s*{v}\s*,\s*{literal}\s*\)",
    ):
        for found in re.finditer(pattern, code):
            if _value(found.group(1)) in OFF_VALUES:
                return _value(found.group(1))
    return None


def list_preference_default(code: str) -> tuple[str, bool] | None:
    """(default, off) for a list or string preference the code reads with a literal default and
    tests against an off value (`if (s.equals("0")) return;`): `off` is whether the default is the
    off value. None when the code reads no such switch."""
    for read in LIST_READ.finditer(code):
        off = _off_test(read.group("var"), code)
        if off is not None:
            default = _value(read.group("default"))
            return default, default in OFF_VALUES
    return None


def list_preference_on_by_default(code: str) -> bool:
    """A list preference used as a switch whose default is an on value (`getString("interval", "24")`
    with `"0"` = off): on for everyone who never opened the settings."""
    found = list_preference_default(code)
    return found is not None and not found[1]


# `getString(KEY_VIDEO_AUTOPLAY, VIDEO_AUTOPLAY_VALUE_NEVER)`, `getString("autoplay", "off")`: the read of a
# list preference named by `key` whose default is an off value, written or a constant named for it.
OFF_CONSTANT = re.compile(r"^[\w.]*?\b\w*(NEVER|OFF|DISABLED|NONE)$|^[\w.]*\b(NEVER|OFF|DISABLED|NONE)_\w+$")


def list_preference_read_off(code: str, key: str) -> bool:
    """The code reads a list or string preference whose key matches `key` (a regex) with an off
    default: a literal off value (`"0"`, `"never"`, `"off"`) or a constant named for one
    (`VIDEO_AUTOPLAY_VALUE_NEVER`, `AUTOPLAY_OFF`). Everyone who never opened the settings has it off."""
    for read in re.finditer(r"\bgetString\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*\)", code):
        if not re.search(key, read.group(1)):
            continue
        default = read.group(2)
        if _value(default) in OFF_VALUES or OFF_CONSTANT.search(default):
            return True
    return False
