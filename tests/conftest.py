"""Shared fixtures: the built book, a local web server for it, and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

# Fixture notebooks are broken on purpose: they are checked, never executed.
collect_ignore_glob = ["**/fixtures/*.ipynb"]
# sphinx.testing's fixtures (make_app, app): extension tests build small sites instead of the whole book.
pytest_plugins = ("sphinx.testing.fixtures",)


def pytest_configure(config: pytest.Config) -> None:
    """Reflection answers typed by tests (and by notebooks nbval runs) go to a temporary journal, never to
    the tester's own ~/.ilomo/journal.json (ilomo.journal)."""
    import tempfile

    # xdist's workers inherit the controller's environment: each worker gets a journal of its own.
    if not os.environ.get("ILOMO_JOURNAL") or os.environ.get("PYTEST_XDIST_WORKER"):
        os.environ["ILOMO_JOURNAL"] = str(Path(tempfile.mkdtemp(prefix="ilomo-journal-")) / "journal.json")


# pyproject.toml gives every test `timeout` seconds (pytest-timeout, method "thread": a hang fails with the stacks
# of all threads). Longer limits, unless a test sets its own with @pytest.mark.timeout: the first test that needs
# the built book waits for the whole build (every notebook executed), and tests marked slow.
BUILD_TIMEOUT = 1800
SLOW_TIMEOUT = 600


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("timeout"):
            continue
        if {"book_build", "built_html"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.timeout(BUILD_TIMEOUT))
        elif item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.timeout(SLOW_TIMEOUT))


ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
CHROMIUM = os.environ.get("ILOMO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class BookBuild:
    returncode: int
    output: str
    html: Path


@pytest.fixture(scope="session")
def book_build(tmp_path_factory: pytest.TempPathFactory) -> BookBuild:
    """Build the book once per test run, exactly as `make book` does.

    With pytest-xdist (`make test` runs two workers) the first worker that needs the book builds it while the
    other waits on a lock; the other reads the outcome from the shared temporary folder (xdist's own recipe)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return _build_book()
    shared = tmp_path_factory.getbasetemp().parent
    outcome = shared / "book-build.json"
    with FileLock(str(shared / "book-build.lock")):
        if not outcome.is_file():
            build = _build_book()
            outcome.write_text(json.dumps({"returncode": build.returncode, "output": build.output}), encoding="utf-8")
        stored = json.loads(outcome.read_text(encoding="utf-8"))
    return BookBuild(stored["returncode"], stored["output"], HTML)


def _build_book() -> BookBuild:
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    proc = subprocess.run(
        [str(jupyter_book), "build", str(ROOT), "-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        timeout=BUILD_TIMEOUT - 60,
    )
    return BookBuild(proc.returncode, proc.stdout + proc.stderr, HTML)


@pytest.fixture(scope="session")
def built_html(book_build: BookBuild) -> Path:
    if book_build.returncode != 0:
        pytest.fail(f"the book did not build:\n{book_build.output[-4000:]}")
    return book_build.html


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser closing a connection early (a broken pipe) is not a test failure


def serve_directory(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a directory on 127.0.0.1 on a free port; returns the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_url(built_html: Path) -> Iterator[str]:
    server, url = serve_directory(built_html)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
