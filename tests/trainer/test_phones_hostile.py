"""Hostile or careless input on the vote server: a clear refusal, the tally unchanged, the server still serving,
and the strict CSP on every answer, also on refusals."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ilomo.room.phones import state as room_state
from ilomo.room.phones import texts
from ilomo.room.phones.server import CSP, MAX_BODY
from ilomo.room.phones.state import Refused, Room
from tests.trainer.phones_helpers import Running, vote_server

SCRIPT = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    with vote_server(tmp_path_factory.mktemp("stem")) as running:
        yield running


@pytest.fixture
def ballot(server: Running) -> str:
    """A fresh open ballot with one counted vote (option A) per test."""
    import secrets

    ballot_id = f"b-{secrets.token_hex(4)}"
    server.open(ballot_id, options=("Eens", "Oneens"))
    phone = server.phone()
    assert phone.post("/stem", data={"code": server.code, "ballot": ballot_id, "option": "0"}).status_code == 303
    return ballot_id


def refused(answer: httpx.Response, status: int, message: str) -> None:
    assert answer.status_code == status, answer.text
    assert message in answer.text
    assert answer.headers["content-security-policy"] == CSP
    assert "Traceback" not in answer.text


def still_serving(server: Running) -> None:
    assert httpx.get(server.url + "health", timeout=5).text == "ok"


@pytest.mark.parametrize(
    ("field", "value", "status", "message"),
    [
        ("code", "ZZZZZ", 403, texts.E_CODE),
        ("code", SCRIPT, 403, texts.E_CODE),
        ("ballot", "b-weg", 409, texts.E_GONE),
        ("ballot", SCRIPT, 409, texts.E_GONE),
        ("option", "2", 400, texts.E_OPTION),
        ("option", "-1", 400, texts.E_OPTION),
        ("option", "1e0", 400, texts.E_OPTION),
        ("option", " 1", 400, texts.E_OPTION),
        ("option", "١", 400, texts.E_OPTION),  # an Arabic-Indic digit: isdigit() would say yes
        ("option", SCRIPT, 400, texts.E_OPTION),
    ],
)
def test_bad_fields_are_refused_and_change_nothing(
    server: Running, ballot: str, field: str, value: str, status: int, message: str
) -> None:
    phone = server.phone()
    form = {"code": server.code, "ballot": ballot, "option": "1", field: value}
    answer = phone.post("/stem", data=form)
    refused(answer, status, message)
    assert "<script>" not in answer.text and "onerror=alert" not in answer.text.replace("onerror=alert(1)&gt;", "")
    assert server.counts() == [1, 0]
    still_serving(server)


def test_missing_fields_and_other_methods(server: Running, ballot: str) -> None:
    phone = server.phone()
    refused(phone.post("/stem", data={"code": server.code}), 400, texts.E_FORM)
    refused(phone.post("/stem", content=b"\xff\xfe", headers={"Content-Type": "application/x-www-form-urlencoded"}),
            400, texts.E_FORM)  # fmt: skip
    refused(phone.put("/stem", data={"code": server.code}), 405, texts.E_METHOD)
    refused(phone.get("/../../etc/passwd"), 404, texts.E_NOT_FOUND)
    refused(phone.get("/static/../server.py"), 404, texts.E_NOT_FOUND)
    assert server.counts() == [1, 0]


def test_a_vote_without_the_page_s_token_is_refused(server: Running, ballot: str) -> None:
    form = {"code": server.code, "ballot": ballot, "option": "1"}
    refused(httpx.post(server.url + "stem", data=form), 403, texts.E_NO_TOKEN)
    forged = httpx.post(server.url + "stem", data=form, cookies={"ilomo_stem": "made-up"})
    refused(forged, 403, texts.E_NO_TOKEN)
    assert server.counts() == [1, 0]


def test_a_vote_from_another_site_is_refused(server: Running, ballot: str) -> None:
    phone = server.phone()
    answer = phone.post("/stem", data={"code": server.code, "ballot": ballot, "option": "1"},
                        headers={"Origin": "https://kwaadaardig.example"})  # fmt: skip
    refused(answer, 403, texts.E_ORIGIN)
    assert server.counts() == [1, 0]


def test_a_vote_after_closing_is_refused(server: Running, ballot: str) -> None:
    phone = server.phone()
    server.trainer("POST", "/trainer/close", {"id": ballot})
    refused(phone.post("/stem", data={"code": server.code, "ballot": ballot, "option": "1"}), 409, texts.E_CLOSED)
    assert server.counts() == [1, 0]


def test_replayed_votes_count_once_and_floods_are_slowed(server: Running, ballot: str) -> None:
    phone = server.phone()
    form = {"code": server.code, "ballot": ballot, "option": "1"}
    statuses = [phone.post("/stem", data=form).status_code for _ in range(room_state.RATE_VOTES + 8)]
    assert statuses[: room_state.RATE_VOTES] == [303] * room_state.RATE_VOTES
    assert set(statuses[room_state.RATE_VOTES :]) == {429}
    refused(phone.post("/stem", data={**form, "option": "0"}), 429, texts.E_RATE)
    assert server.counts() == [1, 1]  # one vote for this phone, however often it was sent
    still_serving(server)


def test_oversized_bodies(server: Running, ballot: str) -> None:
    phone = server.phone()
    big = {"code": server.code, "ballot": ballot, "option": "1", "x": "a" * (MAX_BODY + 1)}
    refused(phone.post("/stem", data=big), 413, texts.E_SIZE)
    with pytest.raises(httpx.HTTPError):  # far too big: the connection is dropped before reading it
        answer = phone.post("/stem", data={**big, "x": "a" * (100 * MAX_BODY)})
        if answer.status_code == 400:
            raise httpx.HTTPError("refused")
    refused(phone.post("/trainer/open", content=b"{" * (MAX_BODY + 1)), 413, texts.E_SIZE)
    assert server.counts() == [1, 0]
    still_serving(server)


def test_a_slow_or_broken_client_does_not_stop_the_server(server: Running, ballot: str) -> None:
    host, port = server.url.split("//")[1].rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        raw.sendall(b"POST /stem HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nco")  # and then nothing
        still_serving(server)
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        raw.sendall(b"\x00\xff GARBAGE\r\n\r\n")
        raw.recv(100)
    still_serving(server)
    assert server.counts() == [1, 0]


def test_the_trainer_api_needs_the_secret(server: Running, ballot: str) -> None:
    for method, path in (("GET", "trainer/state"), ("POST", "trainer/open"), ("POST", "trainer/close")):
        for headers in ({}, {"Authorization": "Bearer fout"}, {"Authorization": f"Bearer {server.secret}x"}):
            answer = httpx.request(method, server.url + path, headers=headers, json={"id": ballot})
            refused(answer, 403, texts.E_TRAINER)
            assert server.secret not in answer.text and "counts" not in answer.text
    assert server.counts() == [1, 0] and server.trainer("GET", "/trainer/state").json()["ballot"]["open"]


def test_the_trainer_api_refuses_bad_ballots(server: Running, ballot: str) -> None:
    for body in ([1], {"id": "A B", "options": ["x"]}, {"id": "x", "options": []}, {"id": "x", "options": [1]},
                 {"id": "x", "options": ["x"] * 27}, {"id": "x", "title": ["t"], "options": ["x"]}):  # fmt: skip
        refused(server.trainer("POST", "/trainer/open", body), 400, texts.E_FORM)
    refused(server.trainer("POST", "/trainer/close", {"id": "weg"}), 409, texts.E_GONE)
    refused(server.trainer("GET", "/trainer/state?since=1&wait=nan"), 400, texts.E_FORM)
    answer = httpx.post(server.url + "trainer/open", content=b"{kapot",
                        headers={"Authorization": f"Bearer {server.secret}"})  # fmt: skip
    refused(answer, 400, texts.E_FORM)
    assert server.counts() == [1, 0]


def test_script_in_the_question_and_the_code_is_shown_as_text(server: Running) -> None:
    server.open("b-script", title=SCRIPT, options=(SCRIPT, "Nee"))
    phone = server.phone()
    page = phone.get(f"/stem?code={server.code}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page
    echoed = phone.get("/stem", params={"code": SCRIPT}).text
    assert "<script>alert" not in echoed
    redirect = httpx.get(server.url, params={"code": SCRIPT})
    assert redirect.status_code == 303 and "<" not in redirect.headers["location"]


def test_rate_limit_and_token_cap_in_the_state() -> None:
    now = [0.0]
    room = Room(code="ABCDE", clock=lambda: now[0])
    room.open("b-1", "Vraag", ["A", "B"])
    token = room.new_token()
    for _ in range(room_state.RATE_VOTES):
        room.vote("abcde", token, "b-1", "1")
    with pytest.raises(Refused) as refusal:
        room.vote("ABCDE", token, "b-1", "0")
    assert refusal.value.status == 429 and room.ballot.counts == [0, 1]
    now[0] += room_state.RATE_WINDOW + 0.1
    room.vote("ABCDE", token, "b-1", "0")
    assert room.ballot.counts == [1, 0]
    room._tokens = {str(n) for n in range(room_state.MAX_TOKENS)}
    with pytest.raises(Refused) as full:
        room.new_token()
    assert full.value.status == 503


def test_state_file_and_pages_never_hold_tokens(server: Running, ballot: str, tmp_path: Path) -> None:
    phone = server.phone()
    token = phone.cookies["ilomo_stem"]
    assert token not in server.trainer("GET", "/trainer/state").text
    assert token not in server.state_file.read_text()
    assert token not in phone.get(f"/stem?code={server.code}").text
