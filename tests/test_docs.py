"""The generated rule pages in docs/rules/ match the rule data (regenerate with
`python -m designlint.docs`)."""

from __future__ import annotations

import pytest

from designlint.criteria import builtin_criteria
from designlint.docs import rule_markdown
from designlint.rules import load_rules
from conftest import REPO


@pytest.mark.parametrize("rule", load_rules(), ids=lambda r: r.id)
def test_rule_page_is_current(rule):
    page = REPO / "docs" / "rules" / f"{rule.id}.md"
    assert page.is_file(), f"missing {page}; run `python -m designlint.docs`"
    assert page.read_text(encoding="utf-8") == rule_markdown(rule, builtin_criteria()), (
        f"{page} is stale; run `python -m designlint.docs`"
    )
