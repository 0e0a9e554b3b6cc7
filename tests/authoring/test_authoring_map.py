"""The dilemma map: layers by distance from the start, the advised route, hidden-meter branches, unreachable nodes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ilomo.authoring.map import edges, layers, svg
from ilomo.scenario import load
from tests.scenario.scenario_helpers import choice, dilemma, ending, meter, situation

BUURTHUIS = Path(__file__).parents[1] / "scenario" / "fixtures" / "buurthuis.yml"
NS = {"s": "http://www.w3.org/2000/svg"}
G = "{http://www.w3.org/2000/svg}g"


def test_layers_follow_the_distance_from_the_start():
    sc = load(BUURTHUIS)
    rows, unreachable = layers(sc, edges(sc))
    assert rows[0] == ["begin"] and set(rows[1]) == {"gesprek", "pers"}
    assert rows[-1] == ["rust", "onrust", "stilte"] and unreachable == set()  # every ending in the bottom row


def test_the_advised_route_and_the_hidden_branch_are_marked():
    sc = load(BUURTHUIS)
    tree = ET.fromstring(svg(sc))
    arrows = {g.find("s:title", NS).text: g.get("class") for g in tree.iter(G)
              if "kaart-pijl" in (g.get("class") or "")}  # fmt: skip
    assert "geadviseerd" in arrows["begin naar gesprek (geadviseerd)"]
    assert "geadviseerd" not in arrows["begin naar pers"]
    hidden = [t for t, c in arrows.items() if "verborgen" in c]
    assert hidden == ["raad naar stilte (geadviseerd) (alleen als vertrouwen <= 2; verborgen meter)"]
    nodes = {g.get("data-id"): g.get("class") for g in tree.iter(G) if g.get("data-id")}
    assert "geadviseerd" in nodes["rust"] and "start" in nodes["begin"] and "einde" in nodes["stilte"]


def test_unreachable_situations_are_drawn_apart():
    sc = dilemma(
        [situation("a", choice("b")), situation("b", choice("e")), situation("los", choice("e"))],
        [ending("e")],
        [meter("contact")],
    )
    rows, unreachable = layers(sc, edges(sc))
    assert unreachable == {"los"} and rows[-2:] == [["los"], ["e"]]  # apart, above the endings
    drawing = svg(sc)
    ET.fromstring(drawing)  # well-formed
    assert 'class="kaart-knoop situatie onbereikbaar" data-id="los"' in drawing
