"""The trainer's side of phone voting, in the kernel: find (or start) the vote server, open and close a vote,
and follow its counts with a long poll in a background thread.

Where the server is: ``ILOMO_STEMMEN_URL`` and ``ILOMO_STEMMEN_SECRET`` (set by ``ilomo present``), else the
state file a running server wrote (``~/.ilomo/stemserver.json``, readable by the trainer only; a server started
by jupyter-server-proxy writes it too), else a new server on 127.0.0.1 started from the kernel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ilomo.room.phones.server import state_file

URL_ENV, SECRET_ENV, PUBLIC_ENV = "ILOMO_STEMMEN_URL", "ILOMO_STEMMEN_SECRET", "ILOMO_STEMMEN_PUBLIC"
START_SECONDS = 15.0


class Unreachable(Exception):
    """The vote server does not answer (or refuses the trainer); the trainer counts by hand."""


@dataclass(frozen=True)
class Server:
    url: str  # for the kernel: http://127.0.0.1:port/
    public: str  # for phones: the address on the screen and in the QR code
    secret: str

    def call(self, method: str, path: str, body: dict[str, Any] | None = None, timeout: float = 5.0) -> dict:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url.rstrip("/") + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.secret}")
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                return json.loads(answer.read())
        except (OSError, ValueError) as err:
            raise Unreachable(str(err)) from None

    def alive(self) -> bool:
        try:
            with urllib.request.urlopen(self.url.rstrip("/") + "/health", timeout=2) as answer:
                return answer.read() == b"ok"
        except OSError:
            return False


def from_environment() -> Server | None:
    url, secret = os.environ.get(URL_ENV, ""), os.environ.get(SECRET_ENV, "")
    if not (url and secret):
        return None
    return Server(url, os.environ.get(PUBLIC_ENV) or url, secret)


def from_state_file(path: Path | None = None) -> Server | None:
    try:
        info = json.loads((path or state_file()).read_text(encoding="utf-8"))
        server = Server(str(info["url"]), str(info.get("public") or info["url"]), str(info["secret"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return server if server.alive() else None


def start(lan: bool = False, path: Path | None = None) -> Server:
    """A new vote server in its own process (it outlives this kernel: a reloaded page finds it again)."""
    path = path or state_file()
    path.unlink(missing_ok=True)
    command = [sys.executable, "-m", "ilomo.room.phones", "--state-file", str(path), *(["--lan"] if lan else [])]
    subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        server = from_state_file(path)
        if server is not None:
            return server
        time.sleep(0.1)
    raise Unreachable("the vote server did not start")


def find_or_start() -> Server:
    return from_environment() or from_state_file() or start()


class Follower:
    """Follows the server's counts (long poll) and hands every new state to the listeners, in one thread."""

    def __init__(self, server: Server, deliver: Callable[[Callable[[], None]], None] | None = None) -> None:
        self.server = server
        self._listeners: list[Callable[[dict[str, Any]], None]] = []
        self._deliver = deliver or (lambda job: job())
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.version = -1

    def listen(self, listener: Callable[[dict[str, Any]], None]) -> None:
        self._listeners.append(listener)
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="ilomo-stemmen", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                state = self.server.call("GET", f"/trainer/state?since={self.version}&wait=15", timeout=25)
            except Unreachable:
                self._stop.wait(1.0)
                continue
            if state.get("version", -1) != self.version:
                self.version = state["version"]
                for listener in list(self._listeners):
                    self._deliver(lambda listener=listener, state=state: listener(state))
            self._stop.wait(0.05)  # at most 20 screen updates a second, however fast the votes come


__all__ = ["Follower", "Server", "Unreachable", "find_or_start", "from_environment", "from_state_file", "start"]
