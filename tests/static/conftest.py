"""Fixtures for the static players: Debian Chromium, standalone pages on 127.0.0.1, a guarded page."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.static.static_helpers import copy_assets, page_html, write_page


@pytest.fixture(scope="session")
def static_browser(browser: Any) -> Any:
    """The session's Chromium from tests/conftest.py: Playwright allows one sync instance per thread."""
    return browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Site:
    """A tmp directory with the assets, served on 127.0.0.1."""

    root: Path
    url: str

    def page(self, name: str, scenarios: list[Any]) -> str:
        return f"{self.url}/{write_page(self.root, name, scenarios)}"

    def raw(self, name: str, body: str) -> str:
        (self.root / name).write_text(page_html([body]), encoding="utf-8")
        return f"{self.url}/{name}"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("static-site")
    copy_assets(root)
    (root / "leeg.html").write_text(page_html([]), encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Site(root, f"http://127.0.0.1:{server.server_address[1]}")
    server.shutdown()


@dataclass
class Guard:
    """What a page did that it must not: requests off 127.0.0.1, console errors, page errors, dialogs."""

    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert not self.external, f"requests left 127.0.0.1: {self.external}"
        assert not self.errors, f"console or page errors: {self.errors}"
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"


def _route(guard: Guard, route: Any) -> None:
    url = route.request.url
    if url.startswith("data:") or urlsplit(url).hostname == "127.0.0.1":
        route.continue_()
    else:
        guard.external.append(url)
        route.abort()


def open_context(browser: Any, guard: Guard, **options: Any) -> Any:
    context = browser.new_context(**options)
    context.route("**/*", functools.partial(_route, guard))
    return context


def watch(page: Any, guard: Guard) -> Any:
    page.on("console", lambda m: guard.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: guard.errors.append(str(e)))
    page.on("dialog", lambda d: (guard.dialogs.append(d.message), d.dismiss()))
    return page


@dataclass
class Tab:
    page: Any
    context: Any
    guard: Guard


@pytest.fixture
def tab(static_browser: Any) -> Iterator[Tab]:
    """A fresh context (empty storage) and page; checked for leaks and errors afterwards."""
    guard = Guard()
    context = open_context(static_browser, guard)
    page = watch(context.new_page(), guard)
    yield Tab(page, context, guard)
    context.close()
    guard.check()


@pytest.fixture
def make_tab(static_browser: Any) -> Iterator[Any]:
    """Factory for pages with context options (viewport, reduced motion, init scripts)."""
    opened: list[Tab] = []

    def make(init_script: str | None = None, **options: Any) -> Tab:
        guard = Guard()
        context = open_context(static_browser, guard, **options)
        if init_script:
            context.add_init_script(init_script)
        t = Tab(watch(context.new_page(), guard), context, guard)
        opened.append(t)
        return t

    yield make
    for t in opened:
        t.context.close()
    for t in opened:
        t.guard.check()
