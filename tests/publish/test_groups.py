"""Running the notebooks with a group: launch links in the built site, and the Binder environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from ilomo.sphinxext.config import ENV_DEFAULTS
from tests.conftest import ROOT

CONFIG = YAML(typ="safe").load(ROOT / "_config.yml")
MODULE_NOTEBOOK = "07-contact-maken-en-houden.ipynb"


def expected_repository() -> tuple[str, str]:
    """The repository and branch the build used: the environment overrides _config.yml (sphinxext/config.py)."""
    repo = os.environ.get(ENV_DEFAULTS["ilomo_repository_url"], "").strip() or CONFIG["repository"]["url"]
    branch = (os.environ.get(ENV_DEFAULTS["ilomo_repository_branch"], "").strip()
              or CONFIG["repository"].get("branch", "main"))
    return repo.removesuffix(".git"), branch


def notebook_pages(html: Path) -> list[Path]:
    return sorted((html / "notebooks").glob("[0-9][0-9]-*.html"))


def soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def test_every_notebook_page_has_a_jupyterhub_and_a_binder_link(built_html: Path) -> None:
    repo, branch = expected_repository()
    repo_name = urlsplit(repo).path.rstrip("/").rsplit("/", 1)[-1]
    pages = notebook_pages(built_html)
    assert len(pages) >= 10
    for page in pages:
        hrefs = [a["href"] for a in soup(page).find_all("a", href=True)]
        hub = [h for h in hrefs if "/hub/user-redirect/git-pull?" in h]
        binder = [h for h in hrefs if "/v2/gh/" in h]
        assert len(hub) == 1 and len(binder) == 1, page.name
        notebook = f"notebooks/{page.stem}.ipynb"
        assert (ROOT / notebook).is_file()

        url = urlsplit(hub[0])
        assert url.scheme == "https" and url.netloc and not url.fragment
        params = {k: v[0] for k, v in parse_qs(url.query, strict_parsing=True).items()}
        assert set(params) == {"repo", "urlpath", "branch"}
        assert params == {"repo": repo, "urlpath": f"lab/tree/{repo_name}/{notebook}", "branch": branch}
        assert urlsplit(params["repo"]).scheme == "https"

        url = urlsplit(binder[0])
        assert url.scheme == "https" and url.netloc
        assert url.path == f"/v2/gh/{urlsplit(repo).path.strip('/')}/{branch}"
        assert parse_qs(url.query, strict_parsing=True) == {"urlpath": [f"lab/tree/{notebook}"]}


def test_launch_buttons_load_nothing_from_other_hosts(built_html: Path) -> None:
    """The buttons are plain links: every script, image and stylesheet still comes from the site itself."""
    problems = []
    for page in notebook_pages(built_html):
        for tag, attr in (("script", "src"), ("img", "src"), ("link", "href"), ("iframe", "src"), ("source", "src")):
            for node in soup(page).find_all(tag, attrs={attr: True}):
                if tag == "link" and not {"stylesheet", "icon", "preload", "modulepreload"} & set(node.get("rel", [])):
                    continue
                target = urlsplit(node[attr])
                if target.scheme or target.netloc:
                    problems.append(f"{page.name}: <{tag} {attr}={node[attr]}>")
    assert problems == []


def test_binder_files_install_this_package() -> None:
    requirements = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert "-e ." in [line.strip() for line in requirements]
    assert (ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip().startswith("python-3.")


RUN_NOTEBOOK = textwrap.dedent("""
    import json, sys
    import nbclient, nbformat
    nb = nbformat.read(sys.argv[1], as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import sys, ilomo; print(sys.prefix); print(ilomo.__file__)"))
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    print(json.dumps({"errors": [o.get("ename") for o in outputs if o.output_type == "error"],
                      "results": sum(o.output_type in ("execute_result", "display_data") for o in outputs),
                      "last": nb.cells[-1].outputs[0]["text"]}))
""")


@pytest.mark.slow
def test_binder_environment_runs_a_module_in_a_fresh_venv(tmp_path: Path) -> None:
    """`pip install -r binder/requirements.txt` in a new venv (as repo2docker does), then a module with nbclient."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
           "JUPYTER_DATA_DIR": str(tmp_path / "jupyter"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", "binder/requirements.txt"],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr[-3000:]
    run = subprocess.run([str(python), "-c", RUN_NOTEBOOK, MODULE_NOTEBOOK], cwd=ROOT / "notebooks", env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["errors"] == []
    assert report["results"] >= 1  # the exercises rendered
    prefix, package = report["last"].split()
    assert Path(prefix) == venv and Path(package).is_relative_to(ROOT / "src")  # the kernel ran the fresh venv
