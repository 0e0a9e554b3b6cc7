"""Votes from phones: joining with the code, voting once per step (changeable until closed), the result,
the trainer's panel under a room tally, the QR code, and the jupyter-server-proxy configuration."""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ilomo.player import Player, play
from ilomo.room import texts
from ilomo.room.phones import link, panel, proxy
from ilomo.room.phones import texts as phone_texts
from ilomo.room.phones.server import CSP
from tests.trainer.phones_helpers import Running, free_port, vote_server
from tests.trainer.room_helpers import plain, session_data
from tests.widgets.widget_helpers import DATA, buttons, click

DILEMMA = DATA / "test-dilemma.yml"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Running]:
    with vote_server(tmp_path) as running:
        yield running


@pytest.fixture
def connected(server: Running, monkeypatch: pytest.MonkeyPatch) -> Iterator[Running]:
    """The kernel finds the server as `ilomo present` tells it: through the environment."""
    monkeypatch.setenv(link.URL_ENV, server.url)
    monkeypatch.setenv(link.SECRET_ENV, server.secret)
    panel.reset()
    yield server
    panel.reset()


def until(check, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "not in time"
        time.sleep(0.02)


def test_listens_on_127_0_0_1_and_keeps_its_secret_private(server: Running) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    assert stat.S_IMODE(server.state_file.stat().st_mode) & 0o077 == 0
    assert server.secret not in server.process.stdout.readline()  # what it prints has no secret


def test_join_with_the_code_vote_change_and_see_the_result(server: Running) -> None:
    phone = httpx.Client(base_url=server.url, timeout=10)
    start = phone.get("/")
    assert start.status_code == 200 and 'action="stem"' in start.text and phone_texts.JOIN_HELP in start.text
    wrong = phone.get("/stem?code=ZZZZZ")
    assert wrong.status_code == 403 and phone_texts.WRONG_CODE in wrong.text and not phone.cookies
    waiting = phone.get(f"/stem?code={server.code.lower()}")  # typed in small letters: still right
    assert waiting.status_code == 200 and phone_texts.WAIT in waiting.text and phone.cookies
    server.open(options=("Ik bel de wijkagent.", "Ik wacht af.", "Ik ga erheen."))
    page = phone.get(f"/stem?code={server.code}").text
    assert "<h1>Aan de balie</h1>" in page
    assert re.findall(r'name="option" value="(\d)"', page) == ["0", "1", "2"]
    assert ">A</span>" in page and "Ik ga erheen." in page
    form = {"code": server.code, "ballot": "s-1", "option": "1"}
    answer = phone.post("/stem", data=form, follow_redirects=True)
    assert answer.status_code == 200 and phone_texts.YOUR_VOTE.format(letter="B") in answer.text
    assert server.counts() == [0, 1, 0]
    phone.post("/stem", data={**form, "option": "2"})  # changed her mind: still one vote
    assert server.counts() == [0, 0, 1]
    server.trainer("POST", "/trainer/close", {"id": "s-1"})
    result = phone.get(f"/stem?code={server.code}").text
    assert phone_texts.CLOSED in result and "C. Ik ga erheen.: 1 stem (100%)" in result and "Jij koos C." in result
    late = phone.post("/stem", data={**form, "option": "0"})
    assert late.status_code == 409 and phone_texts.E_CLOSED in late.text and server.counts() == [0, 0, 1]


def test_the_page_follows_the_trainer(server: Running) -> None:
    phone = server.phone()
    before = phone.get(f"/status?code={server.code}").json()["v"]
    server.open()
    opened = phone.get(f"/status?code={server.code}").json()["v"]
    assert opened != before
    phone.post("/stem", data={"code": server.code, "ballot": "s-1", "option": "0"})
    assert phone.get(f"/status?code={server.code}").json()["v"] == opened  # other votes do not reload pages


def test_each_phone_counts_once(server: Running) -> None:
    server.open()
    phones = [server.phone() for _ in range(5)]
    for n, phone in enumerate(phones):
        for _ in range(3):  # pressed three times
            phone.post("/stem", data={"code": server.code, "ballot": "s-1", "option": str(n % 2)})
    assert server.counts() == [3, 2]


@pytest.mark.slow
def test_thirty_phones_at_once_every_vote_counted_once(server: Running) -> None:
    """The small version of the load benchmark (`make bench`: 300 phones)."""
    import asyncio
    import concurrent.futures

    server.open(options=("A", "B", "C"))

    async def phone(n: int) -> int:
        async with httpx.AsyncClient(base_url=server.url, timeout=20) as client:
            await client.get(f"/stem?code={server.code}")
            answer = await client.post("/stem", data={"code": server.code, "ballot": "s-1", "option": str(n % 3)})
            return answer.status_code

    async def room() -> list[int]:
        return await asyncio.gather(*(phone(n) for n in range(30)))

    # Its own thread: the session's Playwright (a sync API) may already run an event loop in this one.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, room()).result(timeout=60) == [303] * 30
    assert server.counts() == [10, 10, 10]


def test_the_trainer_panel_under_the_tally(connected: Running, sessions: Path) -> None:
    player: Player = play(DILEMMA, trainer=True)
    tally = player.view.tally
    click(player, phone_texts.PANEL_START)
    join = tally.phones.join.value
    assert "<svg" in join and connected.url in join and f"Code: {connected.code}" in plain(join)
    svg = join.split("<svg", 1)[1].split("</svg>")[0]
    assert not re.search(r"href|<image|url\(|<script", svg)  # drawn here: nothing to load
    state = connected.trainer("GET", "/trainer/state").json()
    ballot = state["ballot"]
    assert ballot["open"] and ballot["options"] == 2
    phones = [connected.phone() for _ in range(3)]
    for option, phone in zip("001", phones, strict=True):
        phone.post("/stem", data={"code": connected.code, "ballot": ballot["id"], "option": option})
    until(lambda: tally.counts == [2, 1])
    assert "De meeste stemmen: A." in plain(player.view.decision.status.value)
    assert "3 stemmen binnen" in plain(tally.phones.status.value)
    click(player, phone_texts.PANEL_CLOSE)
    assert not connected.trainer("GET", "/trainer/state").json()["ballot"]["open"]
    click(player, texts.GO_MAJORITY)
    step = session_data(sessions)["exercises"][0]["runs"][0]["steps"][0]
    assert [o["votes"] for o in step["options"]] == [2, 1]
    following = connected.trainer("GET", "/trainer/state").json()["ballot"]
    assert following["id"] != ballot["id"] and following["open"] and following["counts"] == [0, 0, 0]
    page = phones[0].get(f"/stem?code={connected.code}").text
    assert "Hij vertelt" not in page and "Ik vat samen wat ik hoor." in page  # the next step, on the phone
    click(player, phone_texts.PANEL_OFF)
    assert not connected.trainer("GET", "/trainer/state").json()["ballot"]["open"]
    assert phone_texts.PANEL_START in buttons(player)
    tally.fields[0].value = 4  # typed counts keep working
    assert tally.counts[0] == 4


def test_after_a_reload_the_open_vote_carries_on(connected: Running, sessions: Path) -> None:
    from ilomo.room import log

    player = play(DILEMMA, trainer=True)
    player.view.tally.fields[0].value = 3
    click(player, texts.GO_MAJORITY)  # one step on, so there is a session to continue
    click(player, phone_texts.PANEL_START)
    ballot = connected.trainer("GET", "/trainer/state").json()["ballot"]["id"]
    for option in "01":
        connected.phone().post("/stem", data={"code": connected.code, "ballot": ballot, "option": option})
    until(lambda: player.view.tally.counts[:2] == [1, 1])
    log.reset()  # a new kernel: the page was reloaded
    panel.reset()
    again = play(DILEMMA, trainer=True)
    phones = again.view.tally.phones
    assert phones.active and phones.ballot_id == ballot  # no click needed
    until(lambda: again.view.tally.counts[:2] == [1, 1])
    connected.phone().post("/stem", data={"code": connected.code, "ballot": ballot, "option": "2"})
    until(lambda: again.view.tally.counts == [1, 1, 1])
    click(again, phone_texts.PANEL_CLOSE)
    assert again.view.decision.majority_button.disabled  # a tie: the trainer picks
    click(again, "Verder met A")
    steps = session_data(sessions)["exercises"][0]["runs"][0]["steps"]
    assert [sum(o["votes"] for o in s["options"]) for s in steps] == [3, 3]


def test_typed_counts_when_the_server_is_gone(monkeypatch: pytest.MonkeyPatch, sessions: Path) -> None:
    monkeypatch.setenv(link.URL_ENV, f"http://127.0.0.1:{free_port()}/")
    monkeypatch.setenv(link.SECRET_ENV, "x")
    panel.reset()
    player = play(DILEMMA, trainer=True)
    monkeypatch.setattr(link, "start", lambda *a, **k: (_ for _ in ()).throw(link.Unreachable("weg")))
    click(player, phone_texts.PANEL_START)
    assert phone_texts.PANEL_FAILED in player.view.tally.phones.status.value
    player.view.tally.fields[1].value = 3
    click(player, texts.GO_MAJORITY)
    panel.reset()


def test_phones_see_the_question_in_plain_text(connected: Running) -> None:
    player = play(DATA / "test-stelling.yml", trainer=True)
    click(player, phone_texts.PANEL_START)
    page = connected.phone().get(f"/stem?code={connected.code}").text
    assert "<h1>Als ambtenaar ben je neutraal in een gesprek.</h1>" in page  # no ** on the phone


def test_every_answer_has_the_csp(server: Running) -> None:
    client = httpx.Client(base_url=server.url, timeout=10)
    for path in ("/", f"/stem?code={server.code}", "/stem?code=x", "/static/stem.css", "/static/stem.js", "/nope",
                 f"/status?code={server.code}", "/trainer/state", "/health"):  # fmt: skip
        answer = client.get(path)
        assert answer.headers["content-security-policy"] == CSP, path
        assert answer.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "default-src 'none'" in CSP


def test_the_jupyter_server_proxy_configuration_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    from tests.conftest import ROOT

    monkeypatch.setenv(proxy.HOST_ENV, "https://hub.example.org/hub/")
    config = proxy.setup_stemmen()
    assert config["absolute_url"] is False and config["timeout"] > 0
    port = free_port()
    command = [part.replace("{port}", str(port)).replace("{base_url}", "/user/trainer/") for part in config["command"]]
    assert "https://hub.example.org/user/trainer/ilomo-stemmen/" in command
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HOME": str(tmp_path), "ILOMO_SESSIONS": str(tmp_path / "s")}
    process = subprocess.Popen([*command, "--state-file", str(tmp_path / "state.json")], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        until(lambda: (tmp_path / "state.json").exists(), 20)
        assert httpx.get(f"http://127.0.0.1:{port}/health").text == "ok"
        server = link.from_state_file(tmp_path / "state.json")
        assert server is not None and server.public == "https://hub.example.org/user/trainer/ilomo-stemmen/"
        page = httpx.get(f"http://127.0.0.1:{port}/").text
        assert 'href="static/stem.css"' in page and 'action="stem"' in page  # relative: works under the prefix
    finally:
        process.terminate()
        process.wait(timeout=10)
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'ilomo-stemmen = "ilomo.room.phones.proxy:setup_stemmen"' in pyproject


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_phone_page_is_accessible_and_works_by_keyboard(browser: object, server: Running, scheme: str) -> None:
    from tests.site.test_accessibility import axe_violations

    server.open(title="Wat doe je *nu*?", options=("Ik bel de wijkagent.", "Ik wacht af.", "Ik ga zelf."))
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)  # type: ignore
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(server.url)
    assert axe_violations(page) == []
    page.keyboard.press("Tab")
    page.keyboard.type(server.code)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Wat doe je *nu*?").wait_for()
    assert axe_violations(page) == []
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineWidth")
    assert float(outline.removesuffix("px")) >= 2
    page.keyboard.press("Enter")  # the second option
    page.get_by_text("Jouw stem: B.").wait_for()
    assert page.get_by_role("button", name="B. Ik wacht af.").get_attribute("aria-pressed") == "true"
    server.trainer("POST", "/trainer/close", {"id": "s-1"})
    page.get_by_text("De stemming is gesloten.").wait_for(timeout=10_000)
    assert axe_violations(page) == []
    assert errors == []
    context.close()


def test_lan_only_when_asked(tmp_path: Path) -> None:
    from ilomo.room.phones.server import lan_address

    address = lan_address()
    with vote_server(tmp_path / "lan", "--lan") as lan:
        public = link.from_state_file(lan.state_file).public
        assert public == f"http://{address}:{lan.url.rsplit(':', 1)[1]}"
        if address != "127.0.0.1":
            assert httpx.get(f"{public}health", timeout=5).text == "ok"  # reachable on the network address
    with vote_server(tmp_path / "local") as local:
        port = int(local.url.rstrip("/").rsplit(":", 1)[1])
        if address != "127.0.0.1":
            with pytest.raises(httpx.ConnectError):
                httpx.get(f"http://{address}:{port}/health", timeout=5)


def test_a_knowledge_check_votes_from_phones(connected: Running, sessions: Path) -> None:
    player = play(DATA / "test-kennisvraag.yml", trainer=True)
    view = player.view
    click(player, phone_texts.PANEL_START)
    ballot = connected.trainer("GET", "/trainer/state").json()["ballot"]
    assert ballot["open"] and ballot["options"] == len(view.tally.labels)
    page = connected.phone().get(f"/stem?code={connected.code}").text
    assert "<h1>" in page and "&lt;p&gt;" not in page and "<p>" not in page.split("<h1>")[1].split("</h1>")[0]
    connected.phone().post("/stem", data={"code": connected.code, "ballot": ballot["id"], "option": "1"})
    until(lambda: view.tally.counts[1] == 1)
    assert view.screen.stage.children[-1] is view.tally.ballot_row
    assert view.tally.controls in view.screen.controls.children
