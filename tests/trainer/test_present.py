"""`ilomo present`: the Voilà command and, end to end, module 07 played by the room in headless Chromium."""

from __future__ import annotations

import json
import os
import re
import sys
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
    chart = dilemma.locator("table.ilomo-ballot")
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


@pytest.mark.browser
@pytest.mark.slow
def test_a_reload_continues_and_phones_vote(browser: object, presenting: str, sessions: Path) -> None:
    """The trainer reloads the page mid-session: the room is where it was, in the same session file; then the
    room votes from phones and the projector's chart follows."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(presenting)
    dilemma = page.locator(".ilomo-room", has=page.locator("h2", has_text="Een brief die niet aankomt"))
    dilemma.locator("h3", has_text="Aan de balie").wait_for(timeout=45_000)
    fields = dilemma.locator("input[type=number]")
    for n, count in enumerate([2, 9, 1, 0]):
        fields.nth(n).fill(str(count))
    fields.nth(3).press("Tab")
    dilemma.get_by_text("De meeste stemmen: B.").wait_for()
    dilemma.get_by_role("button", name="Verder met de meerderheid").click()
    dilemma.get_by_text("De zaal koos B:").wait_for()
    situation = dilemma.locator("h3").last.inner_text()

    page.reload()
    dilemma = page.locator(".ilomo-room", has=page.locator("h2", has_text="Een brief die niet aankomt"))
    dilemma.get_by_text("Verder waar de zaal was.").wait_for(timeout=45_000)
    assert dilemma.locator("h3").last.inner_text() == situation
    dilemma.get_by_text("De zaal koos B:").wait_for()
    assert len(list(sessions.glob("sessie-*.json"))) == 1  # one file per session, never one per reload

    dilemma.get_by_role("button", name="Stemmen met telefoons").first.click()
    join = dilemma.locator(".ilomo-join")
    join.locator("svg").wait_for()
    code = re.search(r"Code: (\w{5})", join.inner_text()).group(1)
    address = re.search(r"http://127\.0\.0\.1:\d+/", join.inner_text()).group(0)
    phone_context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)  # type: ignore
    phone = phone_context.new_page()
    violations: list[str] = []
    phone.on("console", lambda message: message.type == "error" and violations.append(message.text))
    phone.goto(f"{address}stem?code={code}")
    options = phone.locator("ul.options button")
    assert options.count() == dilemma.locator("input[type=number]").count()
    box = options.first.bounding_box()
    assert box and box["height"] >= 44 and box["width"] >= 300  # big targets on a phone
    options.nth(1).click()
    phone.get_by_text("Jouw stem: B.").wait_for()
    dilemma.locator("table.ilomo-ballot").get_by_text("1 stem (100%)").wait_for(timeout=10_000)
    dilemma.get_by_text("1 stem binnen").wait_for()
    dilemma.get_by_role("button", name="Stemming sluiten").click()
    phone.get_by_text("De stemming is gesloten.").wait_for(timeout=10_000)  # the phone's page follows by itself
    assert violations == [] and errors == []
    phone_context.close()
    context.close()
