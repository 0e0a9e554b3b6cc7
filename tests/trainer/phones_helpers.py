"""A real vote server for the tests: ``python -m ilomo.room.phones`` on a free port of this branch's range."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import ROOT

PORTS = range(8660, 8700)


def free_port(skip: int = 0) -> int:
    """The first free port of the range (``skip``: leave that many free ones for another server)."""
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        if skip:
            skip -= 1
            continue
        return port
    raise RuntimeError("no free port in 8660-8699")


@dataclass
class Running:
    url: str
    code: str
    secret: str
    state_file: Path
    process: subprocess.Popen[str]

    def trainer(self, method: str, path: str, body: dict | None = None) -> httpx.Response:
        return httpx.request(method, self.url + path.lstrip("/"), json=body,
                             headers={"Authorization": f"Bearer {self.secret}"}, timeout=10)  # fmt: skip

    def open(self, ballot: str = "s-1", title: str = "Aan de balie", options: tuple[str, ...] = ("Bellen", "Wachten")):
        answer = self.trainer("POST", "/trainer/open", {"id": ballot, "title": title, "options": list(options)})
        assert answer.status_code == 200, answer.text
        return answer.json()

    def counts(self) -> list[int]:
        return self.trainer("GET", "/trainer/state").json()["ballot"]["counts"]

    def phone(self) -> httpx.Client:
        """A phone that joined: it has its token cookie."""
        client = httpx.Client(base_url=self.url, timeout=10)
        assert client.get(f"/stem?code={self.code}").status_code == 200
        return client


@contextmanager
def vote_server(tmp: Path, *extra: str) -> Iterator[Running]:
    state = tmp / "stemserver.json"
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(
        [sys.executable, "-m", "ilomo.room.phones", "--port", str(port), "--state-file", str(state), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while not state.exists():
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the vote server did not start"
            time.sleep(0.05)
        info = json.loads(state.read_text())
        yield Running(info["url"], info["code"], info["secret"], state, process)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
