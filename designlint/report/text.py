"""Text output: one line per finding, `path:line:col: rule-id message [criteria]`, then a summary."""

from __future__ import annotations

from designlint.findings import SEVERITY_ORDER, related_text

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def finding_line(f, color: bool = False) -> str:
    extras = [*f.notes, *(f"mitigated: {m}" for m in f.mitigations), *filter(None, [related_text(f)])]
    extra = f" ({'; '.join(extras)})" if extras else ""
    crit = f" [{', '.join(f.criteria)}]" if f.criteria else ""
    location = f"{f.path}:{f.line}:{f.column}:"
    if color:
        return f"{BOLD}{location}{RESET} {COLORS[f.severity]}{f.rule_id}{RESET} {f.message}{extra}{DIM}{crit}{RESET}"
    return f"{location} {f.rule_id} {f.message}{extra}{crit}"


def summary_line(result) -> str:
    active = result.active_findings
    counts = {s: sum(1 for f in active if f.severity == s) for s in sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.get, reverse=True)}
    by_sev = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    noun = "finding" if len(active) == 1 else "findings"
    text = f"Found {len(active)} {noun}" + (f" ({by_sev})" if by_sev else "")
    text += f" in {result.files_scanned} file{'s' if result.files_scanned != 1 else ''}"
    suppressed = sum(1 for f in result.findings if f.suppressed is not None)
    baselined = sum(1 for f in result.findings if f.baselined and f.suppressed is None)
    skipped = sum(1 for d in result.diagnostics if d.kind == "skipped")
    extras = []
    if suppressed:
        extras.append(f"{suppressed} suppressed")
    if baselined:
        extras.append(f"{baselined} in baseline")
    if skipped:
        extras.append(f"{skipped} skipped")
    return text + (f"; {', '.join(extras)}" if extras else "") + "."


def render_text(result, color: bool = False) -> str:
    lines = [finding_line(f, color) for f in result.active_findings]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
