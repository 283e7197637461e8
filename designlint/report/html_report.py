"""The audit as one self-contained HTML page: inline CSS, an inline SVG chart, no script.

Every piece of text that comes from scanned code (paths, messages, excerpts, suppression
reasons) goes through `esc`, and a Content-Security-Policy forbids scripts, so a scanned file
holding `</script><script>...` or `<img onerror=...>` shows as text. The page uses landmarks,
one heading outline, table headers with scope, visible focus and AA contrast, and prints well.
"""

from __future__ import annotations

import html
from urllib.parse import urlparse

from designlint.audit import Audit, AuditFinding, Excerpt, PatternSection
from designlint.docs import help_uri
from designlint.findings import related_place

SEVERITY_COLOURS = {"error": "#a4001d", "warning": "#8a4b00", "info": "#1f5f8b"}
CHART_BAR_HEIGHT = 22
CHART_LABEL_WIDTH = 190
CHART_WIDTH = 640

CSS = """
:root { color-scheme: light; --fg:#1b1b1b; --muted:#4a4a4a; --line:#c8c8c8; --bg:#ffffff; --soft:#f3f4f6; --link:#0b57a4; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--link); }
a:focus, summary:focus { outline: 3px solid #000; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5em; }
.skip:focus { left: .5em; }
header, nav, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem; }
table.narrow { width: auto; min-width: 24rem; }
header { border-bottom: 2px solid var(--fg); }
h1 { font-size: 1.8rem; margin: .2em 0; }
h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2em; }
h3 { font-size: 1.15rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
nav ul { columns: 2; padding-left: 1.2em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; }
th, td { border: 1px solid var(--line); padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.sev { font-weight: 700; }
.sev-error { color: #a4001d; } .sev-warning { color: #8a4b00; } .sev-info { color: #1f5f8b; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--line); padding: .5rem 1rem; margin: 1rem 0; page-break-inside: avoid; }
.finding.error { border-left-color: #a4001d; } .finding.warning { border-left-color: #8a4b00; } .finding.info { border-left-color: #1f5f8b; }
.finding h4 { font-size: 1rem; }
.loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
pre.code { background: var(--soft); padding: .5em 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre.code span.ln { display: inline-block; width: 4.5em; padding-right: 1em; text-align: right; color: var(--muted); user-select: none; }
pre.code mark { background: #fff3b0; color: inherit; display: block; }
pre.code span.row { display: block; }
pre.code span.ln + * { white-space: pre-wrap; }
.muted { color: var(--muted); }
.chart { max-width: 100%; height: auto; }
.legend span { display: inline-block; margin-right: 1em; }
.legend i { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -.1em; }
ul.crit { padding-left: 1.2em; }
@media print {
  a { color: inherit; text-decoration: none; }
  nav, .skip { display: none; }
  header, nav, main, footer { max-width: none; padding: 0; }
  h2 { page-break-after: avoid; }
  .finding, table { page-break-inside: avoid; }
  pre.code { white-space: pre-wrap; }
}
"""


def esc(value: object) -> str:
    """Escape text for HTML element content and attribute values."""
    return html.escape(str(value), quote=True)


def safe_url(url: str) -> str:
    """Only http(s) links leave the report; anything else becomes '#'."""
    first = url.split()[0] if url.split() else ""
    return esc(first) if urlparse(first).scheme in ("http", "https") else "#"


def render_html(audit: Audit, catalog) -> str:
    title = f"Wellbeing design audit: {audit.target}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#main">Skip to the report</a>',
        _header(audit),
        _nav(audit),
        '<main id="main">',
        _summary(audit),
        _matrix(audit),
        _findings(audit, catalog),
        _accountability(audit),
        _method(audit),
        "</main>",
        '<footer><p class="muted">Generated by designlint '
        f"{esc(audit.designlint_version)} (rule pack {esc(audit.rule_pack_version)}) on {esc(audit.generated)}.</p></footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _header(audit: Audit) -> str:
    rows = [
        ("Scanned", f'<span class="loc">{esc(audit.target)}</span>'),
        ("Git commit", f'<span class="loc">{esc(audit.git_commit)}</span>' if audit.git_commit else "not a git repository"),
    ]
    if audit.git_branch:
        rows.append(("Branch", esc(audit.git_branch)))
    rows += [
        ("Date", esc(audit.generated)),
        ("designlint", f"{esc(audit.designlint_version)}, rule pack {esc(audit.rule_pack_version)}"),
        ("Files", f"{audit.files_scanned:,} files, {audit.lines_scanned:,} lines"),
    ]
    if audit.criteria_filter:
        rows.append(("Criteria filter", esc(", ".join(audit.criteria_filter))))
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    lang_rows = "".join(
        f'<tr><th scope="row">{esc(lang)}</th><td class="num">{files:,}</td><td class="num">{lines:,}</td></tr>'
        for lang, files, lines in audit.languages
    )
    skipped = ""
    if audit.skipped:
        items = "".join(f'<li><span class="loc">{esc(p)}</span>: {esc(reason)}</li>' for p, reason in audit.skipped)
        skipped = f"<details><summary>{len(audit.skipped)} files skipped (and why)</summary><ul>{items}</ul></details>"
    else:
        skipped = "<p>No files were skipped.</p>"
    if audit.parse_errors:
        skipped += f"<p>{audit.parse_errors} files had syntax errors and were read with error recovery.</p>"
    return (
        "<header>"
        f"<h1>{esc('Wellbeing design audit')}</h1>"
        '<p class="muted">A static review of the code for design patterns that put pressure on users\' time, '
        "attention and money, with the criteria each one touches.</p>"
        f'<dl class="meta">{meta}</dl>'
        '<table class="narrow"><caption class="muted">Files and lines per language</caption>'
        '<thead><tr><th scope="col">Language</th><th scope="col" class="num">Files</th><th scope="col" class="num">Lines</th></tr></thead>'
        f"<tbody>{lang_rows}</tbody></table>"
        f"{skipped}"
        "</header>"
    )


def _nav(audit: Audit) -> str:
    links = [("summary", "Summary"), ("criteria", "Criteria matrix"), ("findings", "Findings")]
    links += [(f"rule-{p.rule_id}", f"{p.name} ({len(p.findings)})") for p in audit.patterns]
    links += [("accountability", "Accountability"), ("method", "Method and limits")]
    items = "".join(f'<li><a href="#{esc(a)}">{esc(t)}</a></li>' for a, t in links)
    return f'<nav aria-label="Contents"><h2 id="contents">Contents</h2><ul>{items}</ul></nav>'


def _chart(patterns: list[PatternSection]) -> str:
    """Horizontal stacked bars, one per pattern, segments per severity; described by the table beside it."""
    biggest = max((sum(p.by_severity.values()) for p in patterns), default=0) or 1
    scale = (CHART_WIDTH - CHART_LABEL_WIDTH - 60) / biggest
    height = len(patterns) * (CHART_BAR_HEIGHT + 10) + 10
    rows = []
    for i, pattern in enumerate(patterns):
        y = 10 + i * (CHART_BAR_HEIGHT + 10)
        rows.append(
            f'<text x="{CHART_LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" font-size="14" fill="#1b1b1b">{esc(pattern.rule_id)}</text>'
        )
        x = CHART_LABEL_WIDTH
        for severity in ("error", "warning", "info"):
            count = pattern.by_severity.get(severity, 0)
            if count:
                width = max(count * scale, 2)
                rows.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{CHART_BAR_HEIGHT}" fill="{SEVERITY_COLOURS[severity]}"/>'
                )
                x += width
        total = sum(pattern.by_severity.values())
        rows.append(f'<text x="{x + 6:.1f}" y="{y + 16}" font-size="14" fill="#1b1b1b">{total}</text>')
    return (
        f'<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 {CHART_WIDTH} {height}" '
        f'width="{CHART_WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="chart-title">Findings per pattern, by severity (the same numbers are in the table below)</title>'
        + "".join(rows)
        + "</svg>"
    )


def _summary(audit: Audit) -> str:
    total = audit.total_findings
    by_sev = {s: sum(p.by_severity[s] for p in audit.patterns) for s in ("error", "warning", "info")}
    mitigated = sum(p.mitigated for p in audit.patterns)
    lead = (
        f"<p><strong>{total}</strong> findings in {audit.files_scanned:,} files: {by_sev['error']} errors, "
        f"{by_sev['warning']} warnings, {by_sev['info']} info. {mitigated} have a safeguard in place "
        f"(kept one level lower), {total - mitigated} have none.</p>"
        if total
        else "<p><strong>No findings.</strong> None of the patterns designlint looks for was found in the code it could read. "
        "See <a href=\"#method\">Method and limits</a> for what static analysis cannot see.</p>"
    )
    legend = "".join(
        f'<span><i style="background:{c}" aria-hidden="true"></i>{esc(s)}</span>' for s, c in SEVERITY_COLOURS.items()
    )
    rows = "".join(
        f'<tr><th scope="row"><a href="#rule-{esc(p.rule_id)}">{esc(p.name)}</a></th>'
        + "".join(f'<td class="num">{p.by_severity[s]}</td>' for s in ("error", "warning", "info"))
        + f'<td class="num">{p.mitigated}</td><td class="num">{p.unmitigated}</td><td class="num">{len(p.findings)}</td></tr>'
        for p in audit.patterns
    )
    table = (
        '<table><caption class="muted">Findings per pattern and severity</caption><thead><tr>'
        '<th scope="col">Pattern</th><th scope="col" class="num">Error</th><th scope="col" class="num">Warning</th>'
        '<th scope="col" class="num">Info</th><th scope="col" class="num">Safeguard found</th>'
        '<th scope="col" class="num">No safeguard</th><th scope="col" class="num">Total</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    folders = ""
    if audit.top_folders:
        frows = "".join(
            f'<tr><td class="loc">{esc(folder)}</td><td class="num">{count}</td></tr>' for folder, count in audit.top_folders
        )
        folders = (
            '<h3 id="folders">Folders with the most findings</h3>'
            '<table class="narrow"><thead><tr><th scope="col">Folder</th><th scope="col" class="num">Findings</th></tr></thead>'
            f"<tbody>{frows}</tbody></table>"
        )
    chart = f'{_chart(audit.patterns)}<p class="legend">{legend}</p>' if total else ""
    return f'<section aria-labelledby="summary"><h2 id="summary">Summary</h2>{lead}{chart}{table}{folders}</section>'


def _matrix(audit: Audit) -> str:
    parts = [
        '<section aria-labelledby="criteria"><h2 id="criteria">Criteria matrix</h2>',
        "<p>For each body of rules and guidance, the criteria this code touches. A criterion is touched when at least "
        "one finding bears on it; the links go to those findings.</p>",
    ]
    for group, rows in audit.matrix.items():
        touched = sum(1 for r in rows if r.anchors)
        body = []
        for row in rows:
            c = row.criterion
            if row.anchors:
                shown = row.anchors[:12]
                links = ", ".join(f'<a href="#{esc(a)}">{esc(a.replace("f-", "#"))}</a>' for a in shown)
                if len(row.anchors) > len(shown):
                    links += f" and {len(row.anchors) - len(shown)} more"
                status = f"<strong>touched</strong> by {len(row.anchors)}: {links}"
            else:
                status = '<span class="muted">not touched</span>'
            rules = esc(", ".join(row.rules)) if row.rules else '<span class="muted">none</span>'
            body.append(
                f'<tr id="crit-{esc(c.id)}"><th scope="row"><a href="{safe_url(c.url)}">{esc(c.section)}</a>'
                f'<br><span class="muted loc">{esc(c.id)}</span></th>'
                f"<td>{esc(c.requirement)}</td><td>{esc(c.audience)}</td>"
                f"<td>{rules}</td><td>{status}</td></tr>"
            )
        parts.append(
            f"<h3>{esc(group)} <span class=\"muted\">({touched} of {len(rows)} touched)</span></h3>"
            '<table><thead><tr><th scope="col">Criterion</th><th scope="col">What it asks (our words)</th>'
            '<th scope="col">Audience</th><th scope="col">Rules</th><th scope="col">In this code</th></tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def _excerpt(excerpt: Excerpt | None) -> str:
    if excerpt is None:
        return '<p class="muted">The file could not be read again for an excerpt.</p>'
    rows = []
    lo, hi = excerpt.highlight
    for offset, line in enumerate(excerpt.lines):
        number = excerpt.first_line + offset
        row = f'<span class="ln">{number}</span>{esc(line)}'
        rows.append(f"<mark>{row}</mark>" if lo <= number <= hi else f'<span class="row">{row}</span>')
    return f'<pre class="code" aria-label="Code excerpt">{"".join(rows)}</pre>'


def _finding(item: AuditFinding, catalog) -> str:
    f = item.finding
    safeguards = (
        "<p><strong>Safeguard found:</strong> " + esc("; ".join(f.mitigations)) + " (severity lowered one level).</p>"
        if f.mitigations
        else ""
    )
    missing = [n for n in f.notes if n.startswith("no ")]
    other = [n for n in f.notes if not n.startswith("no ")]
    if missing:
        safeguards += "<p><strong>Safeguard missing:</strong> " + esc("; ".join(missing)) + ".</p>"
    if not f.mitigations and not missing:
        safeguards += '<p><strong>Safeguard:</strong> none found in this file.</p>'
    notes = "".join(f"<p>{esc(n)}</p>" for n in other)
    if f.related:
        sites = "".join(f"<li>{esc(related_place(f, r))}: {esc(r['message'])}</li>" for r in f.related)
        notes += f"<p><strong>Other sites of this behaviour:</strong></p><ul>{sites}</ul>"
    crit = ", ".join(f'<a href="#crit-{esc(c)}">{esc(c)}</a>' for c in f.criteria if c in catalog)
    return (
        f'<article class="finding {esc(f.severity)}" id="{esc(item.anchor)}" aria-labelledby="{esc(item.anchor)}-h">'
        f'<h4 id="{esc(item.anchor)}-h"><span class="sev sev-{esc(f.severity)}">{esc(f.severity)}</span> '
        f'{esc(item.anchor.replace("f-", "#"))}: {esc(f.message)}</h4>'
        f'<p class="loc">{esc(f.path)}:{f.line}:{f.column}</p>'
        f"{_excerpt(item.excerpt)}{safeguards}{notes}"
        f"<p><strong>Criteria:</strong> {crit}</p>"
        "</article>"
    )


def _findings(audit: Audit, catalog) -> str:
    parts = ['<section aria-labelledby="findings"><h2 id="findings">Findings</h2>']
    for pattern in audit.patterns:
        crit = "".join(
            f'<li><a href="{safe_url(catalog[c].url)}">{esc(catalog[c].source.split(":")[0])}, {esc(catalog[c].section)}</a></li>'
            for c in pattern.criteria
            if c in catalog
        )
        parts.append(
            f'<section aria-labelledby="rule-{esc(pattern.rule_id)}">'
            f'<h3 id="rule-{esc(pattern.rule_id)}">{esc(pattern.name)} <span class="muted">({len(pattern.findings)})</span></h3>'
            f"<p>{esc(pattern.summary)} <a href=\"{safe_url(help_uri(pattern.rule_id))}\">Rule documentation</a>.</p>"
            f"<h4>Why it matters</h4><p>{_paragraphs(pattern.why)}</p>"
            f"<h4>What to do instead</h4><p>{_paragraphs(pattern.instead)}</p>"
            f'<details><summary>Criteria this pattern touches</summary><ul class="crit">{crit}</ul></details>'
        )
        if not pattern.findings:
            parts.append('<p class="muted">No findings for this pattern.</p>')
        parts += [_finding(item, catalog) for item in pattern.findings]
        parts.append("</section>")
    parts.append("</section>")
    return "".join(parts)


def _paragraphs(text: str) -> str:
    """Rule docs are markdown-ish: keep the words, drop the markup, escape everything."""
    cleaned = " ".join(line.strip().lstrip("-*").strip() for line in text.splitlines() if not line.strip().startswith("```"))
    return esc(cleaned.replace("`", "").replace("**", ""))


def _accountability(audit: Audit) -> str:
    parts = ['<section aria-labelledby="accountability"><h2 id="accountability">Accountability</h2>']
    if audit.suppressed:
        rows = "".join(
            f'<tr><td class="loc">{esc(f.path)}:{f.line}</td><td>{esc(f.rule_id)}</td><td>{esc(f.message)}</td><td>{esc(f.suppressed)}</td></tr>'
            for f in audit.suppressed
        )
        parts.append(
            f"<p>{len(audit.suppressed)} findings were suppressed in the code, each with the reason given there.</p>"
            '<table><thead><tr><th scope="col">Location</th><th scope="col">Rule</th><th scope="col">Finding</th>'
            f'<th scope="col">Reason given</th></tr></thead><tbody>{rows}</tbody></table>'
        )
    else:
        parts.append("<p>No findings were suppressed in the code.</p>")
    if audit.suppression_problems:
        items = "".join(f'<li><span class="loc">{esc(f.path)}:{f.line}</span>: {esc(f.message)}</li>' for f in audit.suppression_problems)
        parts.append(f"<p>Suppression comments that suppress nothing:</p><ul>{items}</ul>")
    if audit.baseline:
        parts.append(
            f'<p>Baseline in use: <span class="loc">{esc(audit.baseline)}</span>. {audit.baselined} known findings '
            "recorded in it are not shown above.</p>"
        )
    else:
        parts.append("<p>No baseline was used: every finding is shown.</p>")
    parts.append("</section>")
    return "".join(parts)


def _method(audit: Audit) -> str:
    paras = "".join(f"<p>{esc(p)}</p>" for p in audit.method)
    return f'<section aria-labelledby="method"><h2 id="method">Method and limits</h2>{paras}</section>'
