"""`ilomo present`: the Voilà command and, end to end, module 07 played by the room in headless Chromium."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ilomo.room import mode, present
from tests.conftest import ROOT

ILOMO = Path(sys.executable).with_name("ilomo")


def test_finds_the_module_notebook(tmp_path: Path) -> None:
    expected = ROOT / "notebooks" / "07-contact-maken-en-houden.ipynb"
    assert present.find_notebook("07", ROOT / "notebooks") == expected
    assert present.find_notebook("7", ROOT / "notebooks") == expected
    assert present.find_notebook(str(expected)) == expected
    assert present.find_notebook("99", ROOT / "notebooks") is None
    assert present.find_notebook("zeven", ROOT / "notebooks") is None
    assert present.find_notebook(str(tmp_path / "weg.ipynb")) is None


def test_command_is_local_with_our_template() -> None:
    notebook = ROOT / "notebooks" / "07-contact-maken-en-houden.ipynb"
    cmd = present.command(notebook, 8123)
    assert cmd[:3] == [sys.executable, "-m", "voila"] and str(notebook) in cmd
    for option in ("--no-browser", "--port=8123", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0",
                   "--template=ilomo-zaal"):  # fmt: skip
        assert option in cmd
    env = present.environment({"JUPYTER_PATH": "/elders"})
    assert env[mode.ENV] == "1"
    assert env["JUPYTER_PATH"] == os.pathsep.join([str(present.SHARE), "/elders"])
    assert (present.SHARE / "voila" / "templates" / "ilomo-zaal" / "index.html.j2").is_file()


def test_unknown_module_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    from ilomo.cli import main

    assert main(["present", "99"]) == 2
    assert "geen notebook voor module 99" in capsys.readouterr().err


def test_make_present_runs_the_command() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^present: .*\n\t\$\(BIN\)/ilomo present \$\(MODULE\)", makefile, re.MULTILINE)


@pytest.fixture
def presenting(sessions: Path) -> Iterator[str]:
    """`ilomo present 07` on a free port, as a trainer runs it; yields the printed address."""
    env = {**os.environ, "ILOMO_SESSIONS": str(sessions), "PYTHONWARNINGS": "ignore"}
    env.pop(mode.ENV, None)  # `present` itself must switch trainer mode on
    proc = subprocess.Popen(
        [str(ILOMO), "present", "07", "--port", str(present.free_port())],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
        start_new_session=True,  # its own process group: Voilà and the kernel stop with it
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    try:
        line = lines.get(timeout=60)
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, line
        yield match.group(0)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.mark.browser
@pytest.mark.slow
def test_module_07_in_the_room_end_to_end(browser: object, presenting: str, sessions: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(presenting)
    dilemma = page.locator(".ilomo-room", has=page.locator("h2", has_text="Een brief die niet aankomt"))
    dilemma.locator("h3", has_text="Aan de balie").wait_for(timeout=45_000)

    fields = dilemma.locator("input[type=number]")
    assert fields.count() == 4
    for n, count in enumerate([12, 5, 3, 0]):
        fields.nth(n).fill(str(count))
    fields.nth(3).press("Tab")
    chart = dilemma.locator("table.ilomo-bars")
    chart.get_by_text("12 stemmen (60%)").wait_for()
    assert "Uitslag: 20 stemmen" in chart.inner_text()
    dilemma.get_by_text("De meeste stemmen: A.").wait_for()
    dilemma.get_by_role("button", name="Verder met de meerderheid").click()
    dilemma.get_by_text("De zaal koos A:").wait_for()  # A: the first choice in this session's (shuffled) order
    assert dilemma.locator("input[type=number]").first.input_value() == "0"

    content = page.content()
    assert "Voor de trainer" not in content and "{admonition}" not in content  # the plan stays on the laptop
    assert page.locator(".jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor").count() == 0  # no code
    assert "ilomo.play(" not in page.inner_text("body")
    context.close()
    elsewhere = [url for url in requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                 and urlsplit(url).hostname != "127.0.0.1"]  # fmt: skip
    assert elsewhere == []
    assert errors == []
    [path] = sessions.glob("sessie-*.json")
    [entry] = json.loads(path.read_text(encoding="utf-8"))["exercises"]
    step = entry["runs"][0]["steps"][0]
    assert (entry["scenario"], [o["votes"] for o in step["options"]]) == ("07-leap-balie", [12, 5, 3, 0])
    assert step["choice"] == step["options"][0]["choice"]  # the log keeps the original index of letter A
    assert sorted(o["choice"] for o in step["options"]) == [0, 1, 2, 3]
