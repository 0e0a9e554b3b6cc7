"""ilomo installs like a real package: the wheel, installed outside the checkout, builds a book with every override.

The wheel is built from a copy of the sources and installed with ``--no-deps`` into a fresh venv in a temporary
folder; the shared venv's site-packages is added behind it (a ``.pth`` line, which does not run the editable install's
own ``.pth``), so the test needs no network and ``ilomo`` comes from the wheel alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from tests.conftest import ROOT, serve_directory

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

SCENARIO = "demo-gesprek"
PAGE = f"# Proef\n\nEen oefening.\n\n```{{oefening}} {SCENARIO}\n```\n"


def run(*command: str | Path, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ILOMO_SCENARIOS", "ILOMO_NOTEBOOKS")}
    proc = subprocess.run([str(c) for c in command], cwd=cwd, env={**env, "PYTHONWARNINGS": "ignore"},
                          capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (outside the checkout) with the wheel of this checkout installed."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", work / "dist",
        source, cwd=work)
    [wheel] = (work / "dist").glob("ilomo-*.whl")
    env = work / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", env, cwd=work)
    python = env / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel,
        cwd=work)
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=work).stdout.strip())
    (site / "zz-shared-venv.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return env


def test_ilomo_and_its_data_come_from_the_wheel(venv: Path, tmp_path: Path) -> None:
    code = textwrap.dedent("""
        import ilomo, ilomo.sphinxext as ext, ilomo.static as static
        from ilomo.content.modules import sources
        print(ilomo.__file__)
        print(all(p.is_file() for p in (ext.TEMPLATES / "static" / "webpack-macros.html", static.ASSETS / "ilomo.js")))
        print(len(sources()) > 0)
    """)
    out = run(venv / "bin" / "python", "-c", code, cwd=tmp_path).stdout.split()
    assert Path(out[0]).is_relative_to(venv) and out[1:] == ["True", "True"]


def test_voila_finds_the_template_without_jupyter_path(venv: Path, tmp_path: Path) -> None:
    code = "from jupyter_core.paths import jupyter_path; print('\\n'.join(jupyter_path('voila', 'templates')))"
    paths = run(venv / "bin" / "python", "-c", code, cwd=tmp_path).stdout.split()
    found = [Path(p) / "ilomo-zaal" for p in paths if (Path(p) / "ilomo-zaal" / "index.html.j2").is_file()]
    assert found and found[0].is_relative_to(venv)


def test_a_small_book_keeps_the_overrides(venv: Path, tmp_path: Path, browser: object) -> None:
    book = tmp_path / "boek"
    (book / "scenarios").mkdir(parents=True)
    shutil.copy(ROOT / "scenarios" / f"{SCENARIO}.yml", book / "scenarios")
    config = YAML(typ="safe").load(ROOT / "_config.yml")  # the real book's settings, with one page
    config["html"].pop("favicon", None)
    config.update(title="Proef", only_build_toc_files=True, exclude_patterns=["_build", "scenarios"])
    config["execute"]["execute_notebooks"] = "off"
    yaml = YAML()
    with (book / "_config.yml").open("w", encoding="utf-8") as out:
        yaml.dump(config, out)
    (book / "_toc.yml").write_text("format: jb-book\nroot: index\n", encoding="utf-8")
    (book / "index.md").write_text(PAGE, encoding="utf-8")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")  # a script: run by the new venv's python
    run(venv / "bin" / "python", jupyter_book, "build", book, "-W", "-n", "--keep-going", cwd=book)

    html = book / "_build" / "html"
    page = BeautifulSoup((html / "index.html").read_text(encoding="utf-8"), "html.parser")
    scripts = [s["src"] for s in page.find_all("script", src=True)]
    assert not any("fontawesome" in s for s in scripts), scripts  # templates/static/webpack-macros.html
    assert page.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) is not None
    assert any(s.endswith("ilomo.js") or "ilomo.js?" in s for s in scripts)

    server, url = serve_directory(html)
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda err: errors.append(str(err)))
        tab.on("console", lambda m: errors.append(m.text)  # a CSP violation is a console error
               if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
        # Every file the page asks for is there (the browser's own /favicon.ico aside: the book sets none).
        tab.on("response", lambda r: errors.append(f"{r.status} {r.url}")
               if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
        tab.goto(f"{url}/index.html", wait_until="load")
        exercise = tab.locator(".ilomo-oefening").first
        exercise.locator(".ilomo-stap [role=group] button").first.wait_for(timeout=10_000)
        assert exercise.get_attribute("data-ilomo-mounted") == "1"
        before = exercise.inner_text()
        exercise.locator(".ilomo-stap [role=group] button").first.click()
        assert exercise.inner_text() != before  # the player moved on to the next step
        assert errors == []
    finally:
        context.close()
        server.shutdown()
