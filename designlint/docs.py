"""Rule documentation rendered from rule data, in ruff's sections (one source for `explain`,
SARIF help and generated docs pages)."""

from __future__ import annotations

from designlint.criteria import Criterion
from designlint.rules import Rule

REPOSITORY_URL = "https://github.com/designlint/designlint"
DOCS_URL = REPOSITORY_URL + "/blob/main/docs/rules/{id}.md"


def help_uri(rule_id: str) -> str:
    return DOCS_URL.format(id=rule_id)


def reference_lines(rule: Rule, catalog: dict[str, Criterion]) -> list[str]:
    lines = []
    for cid in rule.criteria:
        crit = catalog.get(cid)
        if crit is None:
            lines.append(f"- `{cid}` (not in the criteria catalog)")
        else:
            lines.append(f"- `{cid}`: {crit.source}, {crit.section}. <{crit.url}>")
    return lines


def rule_markdown(rule: Rule, catalog: dict[str, Criterion]) -> str:
    langs = ", ".join(rule.languages)
    parts = [
        f"# {rule.id}: {rule.name}",
        "",
        f"Severity: **{rule.severity}** · Languages: {langs}",
        "",
        rule.summary,
        "",
        "## What it does",
        "",
        rule.docs["what"],
        "",
        "## Why is this bad?",
        "",
        rule.docs["why"],
        "",
        "## Example",
        "",
        rule.docs["example"],
        "",
        "## Use instead",
        "",
        rule.docs["instead"],
        "",
    ]
    if rule.mitigations:
        parts += ["## Safeguards", ""]
        effects = {
            "drop": "when present, drops the finding",
            "lower": "when present, lowers the severity one step",
            "raise-when-missing": "when missing, raises the severity one step",
        }
        for m in rule.mitigations:
            parts.append(f"- {m.description} ({effects[m.effect]})")
        parts.append("")
    parts += ["## References", "", *reference_lines(rule, catalog), ""]
    return "\n".join(parts)


def write_rule_docs(folder, rules, catalog) -> list[str]:
    """Write docs/rules/<id>.md for each rule; returns the file names written."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for rule in rules:
        (folder / f"{rule.id}.md").write_text(rule_markdown(rule, catalog), encoding="utf-8")
        written.append(f"{rule.id}.md")
    return written


if __name__ == "__main__":  # python -m designlint.docs [FOLDER]: regenerate the rule pages
    import sys

    from designlint.criteria import builtin_criteria
    from designlint.rules import load_rules

    target = sys.argv[1] if len(sys.argv) > 1 else "docs/rules"
    for name in write_rule_docs(target, load_rules(), builtin_criteria()):
        print(f"wrote {target}/{name}")
