"""`make bench`: build times, page weight and first interaction (static site and Voilà), validation time.

A benchmark, not a test: it prints a table with each figure next to its budget and writes everything as JSON to
bench/results/bench-<date>.json (and latest.json). It never fails on a budget; the gates in tests/ do that.

1. Build: a copy of the book's sources in a temporary folder, built from scratch (every notebook executed, empty
   Jupyter cache), then built again after a one-line change to one page of the copy (the cached rebuild).
2. Pages of that fresh build, served on 127.0.0.1 as `make serve` serves them, each load in a new browser context
   (nothing cached): bytes transferred and ilomo's own JS and CSS from one load; DOMContentLoaded and the time until
   the first choice button of an exercise is visible and enabled (measured in the page with a MutationObserver) as
   the median of RUNS further loads, which Playwright does not watch.
3. The same first-choice time for the live widget in Voilà (classic template; kernel start and notebook run
   included, so measured from navigation start), and its ratio to the static page's time from navigation start.
4. `ilomo validate` on a generated 1,000-situation scenario (bench/bench_validate.py).
5. Phone votes in the room: 300 phones within 10 s on the vote server, each counted once, vote to screen
   (bench/bench_votes.py).

Options: --no-build measures the existing _build/html instead of a fresh build (faster, no build times);
--runs N loads per page (default 3); --no-voila skips Voilà.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ilomo.kinds import KINDS  # noqa: E402
from ilomo.static import PLAYER_CORE  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent
DEMO = "notebooks/00-demo-dilemma.ipynb"
BUDGET = {
    "module_page_bytes": 500 * 1024,
    "ilomo_assets_bytes": 30 * 1024,
    "first_choice_after_dcl_ms": 100,
    "rebuild_ratio": 0.20,
    "validate_s": 1.0,
    "voila_ratio": 20,  # the static page's first choice at least this many times sooner than Voilà's
}
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "_build", "node_modules", ".hypothesis", ".ruff_cache",
                                     ".pytest_cache", "results", "__pycache__", "*.egg-info", ".jupyter_cache", "dist")
STATIC_CHOICE = ".ilomo-oefening .ilomo-keuzes button"
# Every host but this machine fails to resolve, at once and without intercepting requests (Voilà's classic template
# asks two CDNs for jQuery and Font Awesome; the static site must ask none).
BROWSER_ARGS = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
# The static player: its shared part and every kind's script (a page loads the kinds it shows).
PLAYER_FILES = {*PLAYER_CORE, *(kind.script for kind in KINDS.values())}
VOILA_CHOICE = "button.ilomo-choice"
# Records when the first choice button is visible and enabled (performance.now(), ms since navigation start).
WATCH = """(selector) => {
  const check = () => {
    if (window.__firstChoice) return;
    const b = document.querySelector(selector);
    if (b && !b.disabled && b.getClientRects().length && getComputedStyle(b).visibility !== 'hidden') {
      window.__firstChoice = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true, attributes: true});
  document.addEventListener('DOMContentLoaded', check);
}"""
NAVIGATION = """() => { const n = performance.getEntriesByType('navigation')[0];
  return {dcl: n.domContentLoadedEventStart, load: n.loadEventEnd}; }"""


# --- 1. build ---------------------------------------------------------------------------------------------

def jupyter_book(source: Path) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run([str(BIN / "jupyter-book"), "build", str(source), "-W", "-n", "--keep-going"],
                          cwd=source, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"the book did not build in {source}:\n{(proc.stdout + proc.stderr)[-3000:]}")
    return round(seconds, 2), proc.stdout


def build_times(copy: Path) -> dict:
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    clean, _ = jupyter_book(copy)
    page = copy / "book" / "intro.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen extra regel voor de benchmark.\n", encoding="utf-8")
    cached, _ = jupyter_book(copy)
    return {"clean_build_s": clean, "cached_rebuild_s": cached, "rebuild_ratio": round(cached / clean, 3),
            "notebooks": len(list((copy / "notebooks").glob("*.ipynb")))}


# --- 2. and 3. pages in the browser -----------------------------------------------------------------------

def timed_load(browser, url: str, selector: str, timeout_ms: int = 10_000, wait: bool = False) -> dict:
    """One load in a fresh context, with nothing of Playwright's between the browser and the server: request
    interception and response listeners made the static page's first choice some 30 ms later (162 and 145 against
    132 ms, medians of 11). `wait`: the choice comes later than the load event (a live widget)."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(f"({WATCH})({json.dumps(selector)})")
    page.goto(url, wait_until="load", timeout=120_000)
    if wait or page.evaluate("() => !!document.querySelector('.ilomo-oefening')"):
        page.wait_for_function("() => window.__firstChoice", timeout=timeout_ms)
    nav = page.evaluate(NAVIGATION)
    first = page.evaluate("() => window.__firstChoice || null")
    context.close()
    return {
        "dcl_ms": round(nav["dcl"], 1),
        "first_choice_ms": round(first, 1) if first else None,
        "first_choice_after_dcl_ms": round(first - nav["dcl"], 1) if first else None,
    }


def weighed_load(browser, url: str, selector: str, timeout_ms: int = 10_000, wait: bool = False) -> dict:
    """One load in a fresh context that records every response (bytes, requests, ilomo's own files) and every
    request to another host (the browser cannot resolve other hosts: BROWSER_ARGS)."""
    context = browser.new_context()
    page = context.new_page()
    sizes: list[tuple[str, int]] = []
    external: list[str] = []
    page.on("request", lambda r: external.append(r.url) if urlparse(r.url).hostname not in (None, "127.0.0.1")
            else None)
    page.on("requestfinished", lambda r: sizes.append((r.url, r.sizes()["responseBodySize"])))
    page.add_init_script(f"({WATCH})({json.dumps(selector)})")
    page.goto(url, wait_until="load", timeout=120_000)
    if wait or page.evaluate("() => !!document.querySelector('.ilomo-oefening')"):
        page.wait_for_function("() => window.__firstChoice", timeout=timeout_ms)
    page.wait_for_timeout(200)  # late requests (fonts)
    context.close()
    names = [(Path(urlparse(u).path).name, n) for u, n in sizes]
    own = sum(n for name, n in names if name.startswith("ilomo") and name.endswith((".js", ".css")))
    player = sum(n for name, n in names if name in PLAYER_FILES)
    return {
        "bytes": sum(n for _, n in sizes),
        "requests": len(sizes),
        "ilomo_js_css_bytes": own,
        "player_js_css_bytes": player,
        "external_requests": external,
    }


def measure(browser, url: str, selector: str, runs: int, **load: Any) -> dict:
    """Weight from one load, times as the median of `runs` loads."""
    times = [timed_load(browser, url, selector, **load) for _ in range(runs)]
    out = weighed_load(browser, url, selector, **load)
    for key in ("dcl_ms", "first_choice_ms", "first_choice_after_dcl_ms"):
        values = [t[key] for t in times if t[key] is not None]
        out[key] = round(statistics.median(values), 1) if values else None
    return out


@contextmanager
def served(html: Path) -> Iterator[str]:
    """`html` served as `make serve` serves it: `python -m http.server` in its own process, like Voilà below (a
    server thread in this process would share its interpreter lock with the browser driver). Its default HTTP/1.0
    was 10 % faster here than HTTP/1.1 keep-alive, which answers one connection's requests one by one. Yields the
    base address."""
    port = free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(html)], stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, proc, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc, log)


def measure_pages(browser, html: Path, runs: int) -> dict[str, dict]:
    pages = sorted(p.relative_to(html).as_posix() for p in html.rglob("*.html")
                   if "_static" not in p.parts and p.name != "index.html")
    with served(html) as url:
        return {rel: measure(browser, f"{url}/{rel}", STATIC_CHOICE, runs) for rel in pages}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, log) -> None:
    """Until the server listens (a request would do work: Voilà starts a kernel for /)."""
    for _ in range(240):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if proc.poll() is not None:
                log.seek(0)
                raise SystemExit(f"{proc.args[0]} stopped:\n{log.read().decode(errors='replace')[-2000:]}") from None
            time.sleep(0.25)
    raise SystemExit(f"nothing listens on port {port} after 60 s")


def stop(proc: subprocess.Popen, log) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def measure_voila(browser, runs: int) -> dict:
    port = free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below)
    proc = subprocess.Popen(
        [str(BIN / "voila"), DEMO, "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1", "--template=classic",
         "--show_tracebacks=True"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for_port(port, proc, log)
        result = measure(browser, url, VOILA_CHOICE, runs, timeout_ms=120_000, wait=True)
    finally:
        stop(proc, log)
    return {**result, "template": "classic", "notebook": DEMO}


# --- 4. validate ------------------------------------------------------------------------------------------

def validate_time() -> dict:
    import bench_validate

    bench_validate.main()
    return json.loads(bench_validate.RESULTS.read_text(encoding="utf-8"))


# --- 5. phone votes --------------------------------------------------------------------------------------

def vote_load() -> dict:
    import bench_votes

    return bench_votes.main([])


# --- report -----------------------------------------------------------------------------------------------

def kb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1024:,.1f} KB"


def ms(n: float | None) -> str:
    return "-" if n is None else f"{n:,.0f} ms"


def verdict(ok: bool | None) -> str:
    return "-" if ok is None else ("ok" if ok else "OVER")


def table(result: dict) -> str:
    pages, b = result["pages"], BUDGET
    modules = {k: v for k, v in pages.items() if k.startswith("notebooks/")}
    heaviest = max(modules.items(), key=lambda kv: kv[1]["bytes"]) if modules else ("-", {"bytes": None})
    exercise = {k: v for k, v in pages.items() if v["first_choice_after_dcl_ms"] is not None}
    slowest = max(exercise.items(), key=lambda kv: kv[1]["first_choice_after_dcl_ms"]) if exercise else None
    own = max((v["ilomo_js_css_bytes"] for v in pages.values()), default=None)
    player = max((v["player_js_css_bytes"] for v in pages.values()), default=None)
    rows = []
    build = result.get("build")
    if build:
        rows += [("clean build (all notebooks executed)", f"{build['clean_build_s']} s", "", ""),
                 ("cached rebuild after a one-line change", f"{build['cached_rebuild_s']} s", "", ""),
                 ("rebuild / clean", f"{build['rebuild_ratio']:.0%}", f"≤ {b['rebuild_ratio']:.0%}",
                  verdict(build["rebuild_ratio"] <= b["rebuild_ratio"]))]
    rows += [(f"heaviest module page ({heaviest[0]})", kb(heaviest[1]["bytes"]), f"≤ {kb(b['module_page_bytes'])}",
              verdict(heaviest[1]["bytes"] <= b["module_page_bytes"]) if heaviest[1]["bytes"] else "-"),
             ("static player on a page (ilomo.js, .css, its kinds)", kb(player), f"≤ {kb(b['ilomo_assets_bytes'])}",
              verdict(player <= b["ilomo_assets_bytes"]) if player is not None else "-"),
             ("all of ilomo's own JS + CSS on a page (max)", kb(own), f"≤ {kb(b['ilomo_assets_bytes'])}",
              verdict(own <= b["ilomo_assets_bytes"]) if own is not None else "-")]
    if slowest:
        rows.append((f"first choice clickable - DOMContentLoaded (worst: {slowest[0]})",
                     ms(slowest[1]["first_choice_after_dcl_ms"]), f"≤ {b['first_choice_after_dcl_ms']} ms",
                     verdict(slowest[1]["first_choice_after_dcl_ms"] <= b["first_choice_after_dcl_ms"])))
    voila = result.get("voila")
    if voila:
        static = pages.get("notebooks/00-demo-dilemma.html", {})
        rows += [("Voilà: first choice clickable from navigation start (with kernel start)",
                  ms(voila["first_choice_ms"]), "", ""),
                 ("static 00-demo page: the same", ms(static.get("first_choice_ms")),
                  "", ""),
                 ("Voilà / static", f"{result['voila_ratio']:,.0f}×" if result.get("voila_ratio") else "-",
                  f"≥ {b['voila_ratio']}×",
                  verdict(result["voila_ratio"] >= b["voila_ratio"]) if result.get("voila_ratio") else "-")]
    v = result["validate"]
    rows.append((f"ilomo validate, {v['situations']} situations", f"{v['validate_paths_s']} s",
                 f"≤ {b['validate_s']} s", verdict(v["validate_paths_s"] <= b["validate_s"])))
    votes = result.get("votes")
    if votes:
        once = votes["counted_exactly_once"]
        rows += [(f"phones: {votes['phones']} votes in {votes['window_s']:g} s, each counted once",
                  "yes" if once else "NO", "all, once", verdict(once)),
                 ("phones: vote to updated screen, 95th percentile", ms(votes["vote_to_screen_ms"]["p95"]), "", "")]
    width = max(len(r[0]) for r in rows)
    lines = [f"{'measure':<{width}} | {'value':>12} | {'budget':<18} | ok", "-" * (width + 45)]
    lines += [f"{r[0]:<{width}} | {r[1]:>12} | {r[2]:<18} | {r[3]}" for r in rows]
    lines += ["", f"{'page':<48} | {'bytes':>10} | {'ilomo JS+CSS':>12} | {'DCL':>7} | {'1st choice - DCL':>16}"]
    for rel, p in pages.items():
        lines.append(f"{rel:<48} | {kb(p['bytes']):>10} | {kb(p['ilomo_js_css_bytes']):>12} | {ms(p['dcl_ms']):>7} "
                     f"| {ms(p['first_choice_after_dcl_ms']):>16}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="measure the existing _build/html")
    parser.add_argument("--no-voila", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    result: dict = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "runs": args.runs,
        "budgets": BUDGET,
    }
    with tempfile.TemporaryDirectory(prefix="ilomo-bench-") as tmp:
        if args.no_build:
            html = ROOT / "_build" / "html"
        else:
            print("building a fresh copy of the book (every notebook executed) ...", flush=True)
            result["build"] = build_times(Path(tmp) / "book")
            html = Path(tmp) / "book" / "_build" / "html"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            print("loading every page ...", flush=True)
            result["pages"] = measure_pages(browser, html, args.runs)
            if not args.no_voila:
                print("starting Voilà ...", flush=True)
                result["voila"] = voila = measure_voila(browser, args.runs)
                static = result["pages"].get("notebooks/00-demo-dilemma.html", {}).get("first_choice_ms")
                if voila["first_choice_ms"] and static:
                    result["voila_ratio"] = round(voila["first_choice_ms"] / static, 1)
            browser.close()
    result["validate"] = validate_time()
    result["votes"] = vote_load()
    text = table(result)
    print("\n" + text)
    RESULTS.mkdir(exist_ok=True)
    stamp = result["date"].replace(":", "")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten: {RESULTS / 'latest.json'}")


if __name__ == "__main__":
    main()
