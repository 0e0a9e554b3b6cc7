"""ilomo preview: the page, its messages for a broken file, the reload after a save, and what it refuses."""

from __future__ import annotations

import http.client
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ilomo.authoring.preview import CSP, PreviewServer
from ilomo.cli.preview import scenario_path

BUURTHUIS = Path(__file__).parents[1] / "scenario" / "fixtures" / "buurthuis.yml"


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    path = tmp_path / "buurthuis.yml"
    shutil.copy(BUURTHUIS, path)
    return path


@pytest.fixture
def server(scenario: Path) -> Iterator[PreviewServer]:
    server = PreviewServer(scenario, 0)
    server.start()
    yield server
    server.shutdown()
    server.server_close()


def get(server: PreviewServer, path: str = "/", host: str | None = None, method: str = "GET"):
    port = server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, headers={"Host": host or f"127.0.0.1:{port}"})
    answer = connection.getresponse()
    body = answer.read().decode("utf-8")
    connection.close()
    return answer, body


def test_the_page_has_messages_map_player_and_text_version(server):
    answer, page = get(server)
    assert answer.status == 200 and answer.getheader("Content-Security-Policy") == CSP
    assert "script-src 'self'" in CSP and "default-src 'none'" in CSP
    assert "Geen meldingen: het bestand is in orde, ook voor ilomo validate --strict." in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="ilomo-kaart"' in page
    assert 'src="/ilomo.js"' in page and 'src="/preview.js"' in page
    assert 'class="ilomo-oefening"' in page and 'class="ilomo-tekstversie"' in page  # the player and the text
    assert "De raad vergadert." in page  # a situation's text, in the text version
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing from elsewhere
    for asset in ("/ilomo.js", "/ilomo.css", "/preview.js", "/preview.css"):
        assert get(server, asset)[0].status == 200


def test_a_broken_file_shows_its_messages_instead_of_crashing(server, scenario):
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(text.replace("endings:\n", "  endings:\n", 1), encoding="utf-8")
    answer, page = get(server)
    assert answer.status == 200
    assert "1 fout: het bestand is niet in orde." in page
    assert ("regel 68, kolom 3: &#x27;endings&#x27; staat tussen de onderdelen van de lijst &#x27;situations&#x27; "
            "(regel 13); zet &#x27;endings:&#x27; op kolom 1") in page  # fmt: skip
    assert "  68 |   endings:" in page  # the line itself, under the message
    assert 'class="meldingen fout"' in page and "ilomo-oefening" not in page
    scenario.write_text("id: [niet afgesloten\n", encoding="utf-8")
    answer, page = get(server)
    assert answer.status == 200 and "lijst met [ is niet afgesloten met ]" in page


def test_warnings_of_strict_are_shown(server, scenario):
    text = scenario.read_text(encoding="utf-8").replace("advised: true}", "advised: true, tags: [luisetren]}", 1)
    scenario.write_text(text, encoding="utf-8")
    page = get(server)[1]
    assert "onbekende tag &#x27;luisetren&#x27;; bedoel je &#x27;luisteren&#x27;?" in page
    assert "Met ilomo validate --strict tellen ze als fout." in page


def test_the_version_changes_when_the_file_is_saved(server, scenario):
    first = json.loads(get(server, "/versie")[1])["versie"]
    scenario.write_text(scenario.read_text(encoding="utf-8") + "# bewaard\n", encoding="utf-8")
    assert json.loads(get(server, "/versie")[1])["versie"] != first
    scenario.unlink()
    assert json.loads(get(server, "/versie")[1])["versie"] == "weg"
    assert get(server)[0].status == 200  # a deleted file: messages, no crash


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1:1", "[::1]"])
def test_other_hosts_are_refused(server, host):
    answer, body = get(server, host=host)
    assert answer.status == 400 and "Onbekende host" in body


@pytest.mark.parametrize("path", ["/../../etc/passwd", "/buurthuis.yml", "/%2e%2e/x", "/ilomo.js/../x", "//etc"])
def test_nothing_but_its_own_routes_is_served(server, path):
    answer, body = get(server, path)
    assert answer.status == 404 and "root:" not in body and "kind: dilemma" not in body


def test_only_reading_is_allowed(server):
    assert get(server, method="POST")[0].status == 405
    assert get(server, method="DELETE")[0].status == 405


def test_a_server_keeps_serving_after_bad_requests(server):
    get(server, host="evil.example")
    get(server, "/../x")
    assert get(server)[0].status == 200


def test_the_target_is_an_id_or_a_yml_file(scenario, tmp_path):
    assert scenario_path("demo-gesprek").name == "demo-gesprek.yml"
    assert scenario_path(str(scenario)) == scenario
    assert scenario_path("bestaat-niet") is None
    (tmp_path / "notities.txt").write_text("x", encoding="utf-8")
    assert scenario_path(str(tmp_path / "notities.txt")) is None


def test_the_page_reloads_in_the_browser_after_a_save(server, scenario, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.url)
    page.wait_for_selector(".ilomo-kaart")
    page.wait_for_selector(".ilomo-oefening button")  # ilomo.js mounted the player under the strict CSP
    assert page.locator(".meldingen").inner_text().count("Geen meldingen") == 1
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("start: begin", "start: nergens"),
                        encoding="utf-8")  # fmt: skip
    deadline = time.monotonic() + 15
    page.wait_for_selector("text=start 'nergens' bestaat niet", timeout=15_000)
    assert time.monotonic() < deadline
    assert page.locator(".ilomo-kaart").count() == 0
    assert errors == []  # the strict CSP blocks nothing the page needs
    page.close()


def test_the_command_refuses_an_unknown_scenario_and_a_taken_port(capsys, server):
    from ilomo.cli import main

    assert main(["preview", "bestaat-niet"]) == 2
    assert "geen scenario 'bestaat-niet' gevonden" in capsys.readouterr().err
    assert main(["preview", "demo-gesprek", "--poort", str(server.server_address[1])]) == 2
    assert "is niet vrij" in capsys.readouterr().err
