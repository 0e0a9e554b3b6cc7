"""Benchmark: 300 phones vote within 10 seconds on the room's vote server; every vote counted exactly once;
time from a phone's vote to the projector's tally showing it (median, 95th percentile, worst).

Run: .venv/bin/python bench/bench_votes.py [--phones N] [--seconds S]   (writes bench/results/votes.json)

What runs: the real server (``python -m ilomo.room.phones``, its own process, 127.0.0.1), the phones as
asyncio HTTP clients in this process (each opens the vote page first, for its token cookie, then votes once at
a random moment in the window), and the screen: the kernel's own ``link.Follower`` (long poll) feeding a real
``VoteTally`` widget, as in Voilà. "Updated screen" is the moment the tally widget holds the new total; the
browser's repaint after the widget message is not included (a few ms on localhost).
Latency per vote: votes are ranked by when the server answered them; the k-th vote shows once the tally's total
first reaches k.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).parent / "results" / "votes.json"
OPTIONS = ("Ik bel de wijkagent.", "Ik ga zelf langs.", "Ik wacht af.", "Ik vraag de buren.")
PORT = 8690  # this work's range (8660-8699); another free one is taken when it is busy


def start_server(state: Path) -> subprocess.Popen[bytes]:
    import socket

    port = PORT
    for candidate in range(PORT, 8700):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            port = candidate
            break
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "ilomo.room.phones", "--port", str(port), "--state-file", str(state)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not state.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("the vote server did not start")
        time.sleep(0.05)
    return process


def run(phones: int = 300, seconds: float = 10.0, seed: int = 7) -> dict:
    import httpx

    sys.path.insert(0, str(ROOT / "src"))
    from ilomo.room.phones import link
    from ilomo.room.votes import VoteTally

    with tempfile.TemporaryDirectory(prefix="ilomo-votes-") as tmp:
        state = Path(tmp) / "stemserver.json"
        process = start_server(state)
        try:
            server = link.from_state_file(state)
            assert server is not None
            info = json.loads(state.read_text())
            code = info["code"]
            tally = VoteTally()
            tally.show(list(OPTIONS))
            shown: list[tuple[float, int]] = []  # (time, total on the tally) after each screen update
            lock = threading.Lock()

            def on_state(data: dict) -> None:
                ballot = data.get("ballot") or {}
                if ballot.get("id") == "bench-1":
                    tally.receive(ballot["counts"])
                    with lock:
                        shown.append((time.perf_counter(), sum(tally.counts)))

            follower = link.Follower(server)
            server.call("POST", "/trainer/open", {"id": "bench-1", "title": "Bench", "options": list(OPTIONS)})
            follower.listen(on_state)
            rng = random.Random(seed)
            choices = [rng.randrange(len(OPTIONS)) for _ in range(phones)]
            moments = sorted(rng.uniform(0, seconds) for _ in range(phones))
            sent: list[float] = [0.0] * phones
            done: list[float] = [0.0] * phones
            statuses: list[int] = [0] * phones

            async def phone(n: int, client: httpx.AsyncClient, start: float) -> None:
                await asyncio.sleep(max(0.0, start + moments[n] - time.perf_counter()))
                sent[n] = time.perf_counter()
                answer = await client.post("/stem", data={"code": code, "ballot": "bench-1", "option": str(choices[n])})
                done[n] = time.perf_counter()
                statuses[n] = answer.status_code

            async def room() -> float:
                limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
                clients = [httpx.AsyncClient(base_url=info["url"], timeout=30, limits=limits) for _ in range(phones)]
                await asyncio.gather(*(c.get(f"/stem?code={code}") for c in clients))  # every phone joins first
                start = time.perf_counter()
                await asyncio.gather(*(phone(n, c, start) for n, c in enumerate(clients)))
                window = max(done) - start
                await asyncio.gather(*(c.aclose() for c in clients))
                return window

            window = asyncio.run(room())
            deadline = time.monotonic() + 10
            while sum(tally.counts) < phones and time.monotonic() < deadline:
                time.sleep(0.01)
            follower.stop()
            final = server.call("GET", "/trainer/state")["ballot"]["counts"]
        finally:
            process.terminate()
            process.wait(timeout=10)
    expected = [choices.count(i) for i in range(len(OPTIONS))]
    order = sorted(range(phones), key=lambda n: done[n])
    latencies = []
    for rank, n in enumerate(order, start=1):
        seen = next((t for t, total in shown if total >= rank), None)
        latencies.append(None if seen is None else (seen - sent[n]) * 1000)
    measured = sorted(x for x in latencies if x is not None)
    p95 = measured[max(0, round(0.95 * len(measured)) - 1)] if measured else None
    return {
        "phones": phones,
        "window_s": seconds,
        "all_votes_within_s": round(window, 2),
        "accepted": statuses.count(303),
        "server_counts": final,
        "screen_counts": tally.counts,
        "expected_counts": expected,
        "counted_exactly_once": final == expected and tally.counts == expected,
        "screen_updates": len(shown),
        "vote_to_screen_ms": {
            "median": round(statistics.median(measured), 1) if measured else None,
            "p95": round(p95, 1) if p95 is not None else None,
            "max": round(measured[-1], 1) if measured else None,
            "missing": phones - len(measured),
        },
        "cpus": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args(argv)
    result = run(args.phones, args.seconds)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    latency = result["vote_to_screen_ms"]
    print(f"{result['phones']} phones in {result['all_votes_within_s']} s (window {result['window_s']} s): "
          f"{result['accepted']} accepted, counted exactly once: {result['counted_exactly_once']} "
          f"({result['server_counts']}); vote to screen: median {latency['median']} ms, p95 {latency['p95']} ms, "
          f"max {latency['max']} ms; {result['screen_updates']} screen updates")  # fmt: skip
    return result


if __name__ == "__main__":
    main()
