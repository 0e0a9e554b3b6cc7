"""Every built page loads in headless Chromium with no third-party request and no console error."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest


def built_pages(html: Path) -> list[str]:
    return sorted(str(p.relative_to(html)) for p in html.rglob("*.html") if "_static" not in p.parts)


def test_every_page_stays_local_and_error_free(built_html: Path, site_url: str, browser) -> None:
    pages = built_pages(built_html)
    assert len(pages) >= 3, "the build produced almost no pages"
    problems: list[str] = []
    context = browser.new_context()
    for rel in pages:
        page = context.new_page()
        external: list[str] = []
        errors: list[str] = []

        def on_request(request, external=external) -> None:
            host = urlparse(request.url).hostname
            if request.url.startswith(("http:", "https:")) and host != "127.0.0.1":
                external.append(request.url)

        page.on("request", on_request)
        page.on("console", lambda msg, errors=errors: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc, errors=errors: errors.append(f"uncaught: {exc}"))
        page.route(
            lambda url: urlparse(url).hostname not in (None, "127.0.0.1"),
            lambda route: route.abort(),
        )
        page.goto(f"{site_url}/{rel}", wait_until="load")
        page.wait_for_timeout(150)
        problems += [f"{rel}: request to another host: {u}" for u in external]
        problems += [f"{rel}: console error: {e}" for e in errors]
        page.close()
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("script", ["require.js", "html-manager", "mathjax", "jsdelivr", "cdnjs", "unpkg"])
def test_no_page_references_a_cdn_script(built_html: Path, script: str) -> None:
    offenders = [
        rel for rel in built_pages(built_html) if script in (built_html / rel).read_text(encoding="utf-8").lower()
    ]
    assert offenders == []
