"""``ilomo present``: a module notebook in Voilà on 127.0.0.1, with trainer mode on and the code hidden.

Voilà runs with our template ``ilomo-zaal`` (``share/voila/templates``, found through ``JUPYTER_PATH``): it drops
Voilà's CDN stylesheets, so the page asks nothing of another host. ``ILOMO_TRAINER=1`` reaches the kernel
through the environment, so ``ilomo.play`` shows the room players in the unchanged notebook.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path
from typing import TextIO

from ilomo.room import log, texts
from ilomo.room.mode import ENV as TRAINER_ENV

HOST = "127.0.0.1"
TEMPLATE = "ilomo-zaal"
SHARE = Path(str(files("ilomo").joinpath("room", "share")))  # package data (the wheel also installs it)
NOTEBOOKS_ENV = "ILOMO_NOTEBOOKS"
REPO_NOTEBOOKS = Path(__file__).resolve().parents[3] / "notebooks"  # src/ilomo/room -> repo root
START_SECONDS = 60


def notebooks_dir() -> Path:
    """``$ILOMO_NOTEBOOKS``, else the nearest ``notebooks/`` above the working directory, else the repository's."""
    if os.environ.get(NOTEBOOKS_ENV):
        return Path(os.environ[NOTEBOOKS_ENV])
    cwd = Path.cwd()
    for folder in (cwd, *cwd.parents):
        if (folder / "notebooks").is_dir():
            return folder / "notebooks"
    return REPO_NOTEBOOKS


def find_notebook(module: str, folder: Path | None = None) -> Path | None:
    """The notebook of a module: ``07`` or ``7`` gives ``notebooks/07-*.ipynb``; a path is taken as it is."""
    if module.endswith(".ipynb"):
        path = Path(module)
        return path if path.is_file() else None
    if not re.fullmatch(r"\d{1,2}", module):
        return None
    folder = folder if folder is not None else notebooks_dir()
    found = sorted(folder.glob(f"{int(module):02d}-*.ipynb"))
    return found[0] if found else None


def free_port() -> int:
    """A port on 127.0.0.1 that is free now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def command(notebook: Path, port: int) -> list[str]:
    """The Voilà command line: local only, our template, no browser, exactly this port."""
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={HOST}",
        "--Voila.port_retries=0",
        f"--template={TEMPLATE}",
        "--theme=light",
        # A reloaded page starts a new kernel; stop kernels no page uses any more after ten minutes.
        "--MappingKernelManager.cull_idle_timeout=600",
        "--MappingKernelManager.cull_interval=60",
    ]


def environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for Voilà and its kernel: trainer mode on, our template on ``JUPYTER_PATH``."""
    env = dict(os.environ if base is None else base)
    env[TRAINER_ENV] = "1"
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(SHARE), env.get("JUPYTER_PATH", "")) if p)
    return env


def wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float = START_SECONDS) -> bool:
    """True once something listens on the port; False when the process ends or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        with socket.socket() as probe:
            probe.settimeout(0.5)
            if probe.connect_ex((HOST, port)) == 0:
                return True
        time.sleep(0.1)
    return False


def present(module: str, port: int | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run Voilà until it stops or Ctrl+C; print the address when it is ready. Returns an exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    notebook = find_notebook(module)
    if notebook is None:
        print(texts.CLI_PRESENT_NO_MODULE.format(module=module, folder=notebooks_dir()), file=err)
        return 2
    try:
        import voila  # noqa: F401  (only to give a clear message when it is missing)
    except ImportError:
        print(texts.CLI_PRESENT_NO_VOILA, file=err)
        return 2
    port = port or free_port()
    process = subprocess.Popen(command(notebook, port), env=environment(), cwd=notebook.parent)
    _exit_on_sigterm()  # so `finally` stops Voilà when we are stopped
    try:
        if not wait_for_port(port, process):
            if process.poll() is None:
                print(texts.CLI_PRESENT_TIMEOUT.format(seconds=START_SECONDS), file=err)
                return 1
            print(texts.CLI_PRESENT_FAILED.format(code=process.returncode), file=err)
            return 1
        print(texts.CLI_PRESENT_READY.format(notebook=notebook.name, url=f"http://{HOST}:{port}/"), file=out)
        print(texts.CLI_PRESENT_STOP.format(folder=log.sessions_dir()), file=out, flush=True)
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _exit_on_sigterm() -> None:
    """Turn SIGTERM into ``SystemExit`` (only the main thread may set signal handlers)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))


__all__ = ["command", "environment", "find_notebook", "free_port", "notebooks_dir", "present"]
