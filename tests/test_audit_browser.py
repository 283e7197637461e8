"""The HTML audit report as a person sees it: rendered by headless Chromium (Debian's package),
driven by Playwright for Python, checked for its sections and links, for scripts that must not
run, and with axe-core for accessibility (no serious or critical violations).

`.ci/run` installs Chromium and axe-core, so in CI (CI=true) a missing browser is a failure;
elsewhere the test is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from test_audit import HOSTILE

CHROMIUM = os.environ.get("DESIGNLINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(os.environ.get("DESIGNLINT_AXE_JS") or REPO / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]


def _requirements() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if not AXE.exists():
        return f"axe-core not found at {AXE} (npm install --prefix .ci/node axe-core)"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _requirements()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def test_report_in_a_real_browser(browser, tmp_path, run_cli):
    app = tmp_path / "app"
    shutil.copytree(REPO / "fixtures" / "autoplay", app / "autoplay")
    shutil.copytree(REPO / "fixtures" / "notification-spam" / "javascript", app / "notification-spam")
    (app / "hostile.js").write_text(HOSTILE)
    assert run_cli(["audit", "-o", str(tmp_path / "report.html"), str(app)]).exit_code == 0

    # CSP bypassed: escaping alone must keep scanned code from running (the CSP is a second
    # line of defence, checked in test_audit.py), and axe-core can be injected.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((tmp_path / "report.html").as_uri())
    page.screenshot(path=str(tmp_path / "report.png"), full_page=False)

    # Sections a reader navigates by, as landmarks and headings.
    assert page.locator("main").count() == 1 and page.locator("header").count() >= 1 and page.locator("nav").count() == 1
    headings = page.locator("h2").all_inner_texts()
    for name in ("Summary", "Criteria matrix", "Findings", "Accountability", "Method and limits"):
        assert name in headings
    # Every in-page link lands on an element.
    targets = page.eval_on_selector_all("a[href^='#']", "els => els.map(e => e.getAttribute('href').slice(1))")
    assert targets
    missing = page.evaluate("ids => ids.filter(id => !document.getElementById(id))", targets)
    assert missing == []
    # Scanned code is text: no dialog opened, no script element, the payload visible as characters.
    assert dialogs == []
    assert page.evaluate("document.scripts.length") == 0
    assert "</script><script>alert('pwned')</script>" in page.inner_text("main")

    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, json.dumps([(v["id"], v["help"], len(v["nodes"])) for v in serious], indent=1)
    context.close()
