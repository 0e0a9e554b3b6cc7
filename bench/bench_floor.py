"""Where the static page's first-choice time goes: the built 00-demo page against variants of it without parts of
the theme, loaded in turns in one browser (`python bench/bench_floor.py [--runs N]`, after `make book`).

Variants, each written next to the built page in a copy of _build/html:
- as built;
- with the theme's four stylesheets linked one by one, as before ilomo.sphinxext.stylesheets bundled them;
- the exercise alone: its section with `ilomo.css` and the player's scripts, no theme;
- without the theme's stylesheets (basic.css, pydata-sphinx-theme, sphinx-book-theme, myst-nb: one bundle);
- without the theme's scripts (and their preloads);
- with `documentation_options.js` inline, the player's scripts at `fetchpriority="high"` and no theme preloads.

The page's Content-Security-Policy is left out of the variants (an inline script needs its hash). Prints the median
and the spread per variant; the README's Benchmarks section quotes one run.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import BROWSER_ARGS, STATIC_CHOICE, served, timed_load  # noqa: E402

from ilomo.sphinxext.stylesheets import part_files  # noqa: E402
from tests.conftest import CHROMIUM  # noqa: E402

PAGE = "notebooks/00-demo-dilemma.html"
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
THEME_CSS = re.compile(r'<link[^>]*(?:basic|pydata-sphinx-theme|sphinx-book-theme|mystnb|theme-bundle)[^>]*\.css'
                       r'[^>]*>\n?')
THEME_JS = re.compile(r'<script defer(?:="defer")? src="\.\./_static/(?:doctools|ilomo-site|scripts/)[^>]*></script>')
PRELOADS = re.compile(r'<link rel="preload" as="script"[^>]*>\n?')
BUNDLE_LINK = re.compile(r'<link[^>]*theme-bundle\.css[^>]*>\n?')
OPTIONS = re.compile(r'<script src="\.\./_static/documentation_options\.js[^"]*"></script>')


def variants(page: str, options_js: str, theme_parts: list[str]) -> dict[str, str]:
    page = CSP.sub("", page)
    soup = BeautifulSoup(page, "html.parser")
    scripts = "".join(str(s) for s in soup.select('script[src*="_static/ilomo"]'))
    alone = ('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>oefening</title>'
             f'<link rel="stylesheet" href="../_static/ilomo.css">{scripts}</head>'
             f'<body>{soup.select_one("section.ilomo-oefening")}</body></html>')
    inline = OPTIONS.sub(lambda _: f"<script>{options_js}</script>", PRELOADS.sub("", page))
    four = "".join(f'<link rel="stylesheet" href="../_static/{name}" />\n' for name in theme_parts)
    return {
        "as built": page,
        "the theme's four stylesheets linked one by one (no bundle)": BUNDLE_LINK.sub(lambda _: four, page),
        "the exercise alone, no theme": alone,
        "without the theme's stylesheets": THEME_CSS.sub("", page),
        "without the theme's scripts": THEME_JS.sub("", PRELOADS.sub("", page)),
        "options inline, player scripts high priority, no preloads": inline.replace(
            '<script defer="defer" src="../_static/ilomo', '<script defer="defer" fetchpriority="high" '
            'src="../_static/ilomo'),
    }


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="ilomo-floor-") as tmp:
        html = Path(tmp) / "html"
        shutil.copytree(args.html, html)
        built = (html / PAGE).read_text(encoding="utf-8")
        options = (html / "_static" / "documentation_options.js").read_text(encoding="utf-8")
        names = {}
        parts = [p.relative_to(html / "_static").as_posix() for p in part_files(html)]
        for n, (label, text) in enumerate(variants(built, options, parts).items()):
            names[label] = f"notebooks/variant-{n}.html"
            (html / names[label]).write_text(text, encoding="utf-8")
        times: dict[str, list[float]] = {label: [] for label in names}
        with served(html) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            for run in range(args.runs + 1):  # the first round warms the browser up and is not counted
                for label, name in names.items():
                    first = timed_load(browser, f"{url}/{name}", STATIC_CHOICE)
                    if run:
                        times[label].append(first["first_choice_ms"])
            browser.close()
    medians = {label: round(statistics.median(t), 1) for label, t in times.items()}
    width = max(map(len, names))
    for label, t in times.items():
        print(f"{label:<{width}} | median {medians[label]:6.1f} ms | {min(t):6.1f}-{max(t):6.1f} ms")
    print(json.dumps(medians, ensure_ascii=False))
    return medians


if __name__ == "__main__":
    main()
