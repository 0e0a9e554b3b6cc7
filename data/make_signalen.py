"""Maak data/signalen-fictief.csv: een VERZONNEN signalenlogboek van de verzonnen gemeente Lindervoort.

Alles in dit bestand is synthetisch. De gemeente, de wijken, de gebeurtenissen en de signalen bestaan niet.
Het logboek is bedoeld voor de oefening in module 06 (een lokaal beeld van maatschappelijke onrust).

Elke regel is één signaal, geen persoon: er staan geen namen of andere persoonsgegevens in.
De thema's zijn voorbeeldthema's. Het verslag van de MAST-dag noemt de vijf thema's van de pilot niet.

Het script gebruikt alleen de standaardbibliotheek en een vaste seed, dus elke keer komt er precies
hetzelfde bestand uit. Opnieuw maken:  python data/make_signalen.py
"""

from __future__ import annotations

import csv
import math
import random
from datetime import date, timedelta
from pathlib import Path

SEED = 2025
START = date(2023, 1, 1)
END = date(2024, 12, 31)  # twee jaar: het beeld wordt eens in de 2 jaar bijgewerkt (take-away s6-2)
OUT = Path(__file__).with_name("signalen-fictief.csv")

HEADER_LINES = [
    "# VERZONNEN GEGEVENS - synthetisch signalenlogboek van de verzonnen gemeente Lindervoort (2023-2024).",
    "# De gemeente, de wijken en alle signalen zijn verzonnen. Gebruik dit bestand alleen om te oefenen.",
    "# Eén regel is één signaal, geen persoon. Er staan geen namen of andere persoonsgegevens in.",
    "# De thema's zijn voorbeeldthema's. Gemaakt met data/make_signalen.py (vaste seed 2025).",
]

WIJKEN = ["Centrum", "De Brink", "Noordhoek", "Hoge Weide", "Oude Haven", "Buitengebied"]

# Voorbeeldthema's: basisniveau (signalen per maand) en welke wijken en bronnen er vaak bij horen.
THEMAS = {
    "Opvang asielzoekers": {
        "per_maand": 2.0,
        "wijken": {"Centrum": 2, "Hoge Weide": 3, "De Brink": 1, "Noordhoek": 1, "Oude Haven": 1, "Buitengebied": 1},
        "bronnen": {
            "klantcontactcentrum": 3,
            "wijkagent": 2,
            "raadsvergadering": 2,
            "lokale media": 2,
            "openbare online bron": 2,
            "sociaal wijkteam": 1,
        },
    },
    "Energietransitie": {
        "per_maand": 1.5,
        "wijken": {"Buitengebied": 4, "Noordhoek": 2, "Centrum": 1, "De Brink": 1, "Hoge Weide": 1, "Oude Haven": 1},
        "bronnen": {
            "klantcontactcentrum": 3,
            "raadsvergadering": 2,
            "lokale media": 2,
            "openbare online bron": 2,
            "wijkagent": 1,
        },
    },
    "Landelijk gebied": {
        "per_maand": 1.5,
        "wijken": {"Buitengebied": 6, "Noordhoek": 1, "Centrum": 1},
        "bronnen": {
            "raadsvergadering": 2,
            "lokale media": 2,
            "wijkagent": 2,
            "klantcontactcentrum": 1,
            "openbare online bron": 1,
        },
    },
    "Vertrouwen in de overheid": {
        "per_maand": 2.5,
        "wijken": {"Centrum": 1, "De Brink": 2, "Noordhoek": 2, "Hoge Weide": 1, "Oude Haven": 2, "Buitengebied": 2},
        "bronnen": {"klantcontactcentrum": 4, "sociaal wijkteam": 3, "wijkagent": 1, "openbare online bron": 1},
    },
    "Internationale conflicten": {
        "per_maand": 1.0,
        "wijken": {"Oude Haven": 3, "De Brink": 3, "Centrum": 2, "Hoge Weide": 1},
        "bronnen": {
            "jongerenwerk": 3,
            "wijkagent": 3,
            "sociaal wijkteam": 2,
            "openbare online bron": 1,
            "lokale media": 1,
        },
    },
}

# Soort signaal: buiten een golf, en tijdens een golf (dan meer klachten, oproepen en incidenten).
SOORT_RUSTIG = {"vraag": 5, "zorg": 3, "klacht": 2, "oproep tot actie": 0.3, "incident": 0.2}
SOORT_GOLF = {"vraag": 3, "zorg": 3, "klacht": 3, "oproep tot actie": 1.2, "incident": 0.6}

# Verzonnen gebeurtenissen die een golf van signalen geven: (datum, thema, extra per dag, duur in dagen, wijk).
GEBEURTENISSEN = [
    (date(2023, 3, 14), "Energietransitie", 2.2, 14, "Buitengebied"),  # zoekgebied windmolens bekend
    (date(2023, 6, 20), "Landelijk gebied", 1.8, 12, "Buitengebied"),  # plan voor natuurgebied bij boerderijen
    (date(2023, 10, 10), "Internationale conflicten", 1.6, 10, "Oude Haven"),  # conflict ver weg laait op
    (date(2024, 2, 6), "Opvang asielzoekers", 2.6, 16, "Hoge Weide"),  # raad besluit over opvanglocatie
    (date(2024, 5, 21), "Vertrouwen in de overheid", 1.6, 12, "Noordhoek"),  # fout in de belastingbrieven
    (date(2024, 9, 2), "Opvang asielzoekers", 1.0, 10, "Hoge Weide"),  # opening opvanglocatie
    (date(2024, 11, 12), "Energietransitie", 1.4, 12, "Buitengebied"),  # raad stelt windpark vast
]


def poisson(rng: random.Random, lam: float) -> int:
    """Een Poisson-getal (methode van Knuth; prima voor kleine lambda)."""
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def kies(rng: random.Random, gewichten: dict[str, float]) -> str:
    namen = list(gewichten)
    return rng.choices(namen, weights=[gewichten[n] for n in namen])[0]


def maak(rng: random.Random) -> list[dict[str, str]]:
    rijen = []
    dag = START
    while dag <= END:
        for thema, info in THEMAS.items():
            basis = info["per_maand"] * 12 / 365
            golf, golfwijk = 0.0, None
            for datum, g_thema, extra, duur, wijk in GEBEURTENISSEN:
                dagen = (dag - datum).days
                if g_thema == thema and dagen >= 0:
                    bijdrage = extra * math.exp(-dagen / duur)
                    if bijdrage > golf:
                        golfwijk = wijk
                    golf += bijdrage
            for _ in range(poisson(rng, basis + golf)):
                in_golf = rng.random() < golf / (basis + golf)
                wijken = dict(info["wijken"])
                if in_golf and golfwijk:
                    wijken[golfwijk] = wijken.get(golfwijk, 0) + 6
                rijen.append(
                    {
                        "datum": dag.isoformat(),
                        "thema": thema,
                        "soort": kies(rng, SOORT_GOLF if in_golf else SOORT_RUSTIG),
                        "bron": kies(rng, info["bronnen"]),
                        "wijk": kies(rng, wijken),
                    }
                )
        dag += timedelta(days=1)
    return rijen


def main() -> None:
    rijen = maak(random.Random(SEED))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("\n".join(HEADER_LINES) + "\n")
        writer = csv.DictWriter(f, fieldnames=["datum", "thema", "soort", "bron", "wijk"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rijen)
    print(f"{OUT.name}: {len(rijen)} signalen")


if __name__ == "__main__":
    main()
