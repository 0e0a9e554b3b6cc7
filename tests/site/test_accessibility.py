"""WCAG 2.1 A/AA (plus axe best practices) on every built page, with the pinned axe-core from npm."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PINNED = json.loads((ROOT / "package.json").read_text())["devDependencies"]["axe-core"]


def axe_violations(page, selector: str | None = None) -> list[str]:
    """Run axe on the page as it is now (or only on the elements `selector` matches); one line per violating node."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "([tags, sel]) => axe.run(sel ? {include: [[sel]]} : document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        [AXE_TAGS, selector],
    )
    return [
        f"{v['id']} ({v['impact']}): {node['target']} — {v['help']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


def is_redirect_stub(html: Path) -> bool:
    """Jupyter Book's index.html only forwards to the root page, which is checked itself."""
    return 'http-equiv="Refresh"' in html.read_text(encoding="utf-8")


def test_axe_is_the_pinned_version() -> None:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make install does)")
    installed = json.loads((AXE.parent / "package.json").read_text())["version"]
    assert installed == PINNED


def test_every_page_has_no_axe_violation(built_html: Path, site_url: str, browser) -> None:
    context = browser.new_context(bypass_csp=True)  # axe is injected by the test, not by the site
    page = context.new_page()
    problems = []
    for html in sorted(built_html.rglob("*.html")):
        rel = html.relative_to(built_html)
        if "_static" in rel.parts or is_redirect_stub(html):
            continue
        page.goto(f"{site_url}/{rel}")
        problems += [f"{rel}: {v}" for v in axe_violations(page)]
    context.close()
    assert not problems, "\n".join(problems)
