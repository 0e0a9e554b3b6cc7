"""``ilomo preview``: one page on 127.0.0.1 with an exercise as the book shows it, while the author writes it.

The page holds the validator's messages (with the didactic warnings of ``--strict``), for a dilemma its map
(``authoring/map.py``), the static player and the full text version (``ilomo.static``). It reloads itself when
the file changes: ``preview.js`` polls ``/versie`` (a hash of the file) once a second. Standard library only
(``http.server``): one author, one page, nothing that needs a framework.

Safety: it listens on 127.0.0.1 only, answers only requests whose Host is that address (or localhost) with its
own port (no DNS rebinding), serves only its fixed routes (never a file by name), and every page carries a
strict Content-Security-Policy (scripts and styles from itself only, no connection elsewhere).
"""

from __future__ import annotations

import hashlib
import html
import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path

HOST = "127.0.0.1"
POLL_MS = 1000
CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
])  # fmt: skip
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _asset(folder: str, name: str) -> bytes:
    """The site's player (shared part and every kind's script) and print stylesheet from ilomo.static; the
    preview's own from authoring/static."""
    if folder == "site":
        from ilomo.static import ASSETS, player_files

        player = player_files()
        return player[name] if name in player else (ASSETS / name).read_bytes()
    return files("ilomo").joinpath("authoring", "static", name).read_bytes()


def _routes() -> dict[str, tuple[str, str, str]]:
    from ilomo.static import player_files

    site = [*player_files(), "ilomo-print.css"]
    types = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
    return {f"/{name}": (folder, name, types[Path(name).suffix])
            for folder, names in (("site", site), ("authoring", ["preview.js", "preview.css"])) for name in names}


ROUTES = _routes()  # path -> (folder, file name, content type)


def version(path: Path) -> str:
    """A short hash of the file's bytes ("weg" when it cannot be read): what the page polls for."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return "weg"


def render(path: Path) -> str:
    """The whole preview page for the scenario file at `path`; never raises for a bad file."""
    from ilomo.kinds import kind_of
    from ilomo.scenario.model import Dilemma
    from ilomo.scenario.validate import check_file
    from ilomo.static import exercise_html

    notes: list[str] = []
    model, problems, text = check_file(path, note=notes.append, warnings=True)
    lines = text.splitlines()
    body = [f'<header><h1>Voorbeeld: {html.escape(path.name)}</h1><p class="pad">{html.escape(str(path))}</p>'
            "<p>Deze pagina ververst zichzelf als je het bestand opslaat.</p></header>", "<main>"]  # fmt: skip
    body.append(messages_html(problems, notes, lines, valid=model is not None))
    if isinstance(model, Dilemma):
        from .map import svg

        body.append('<section class="kaart" aria-labelledby="kaart-kop"><h2 id="kaart-kop">Kaart</h2>'
                    "<p>Situaties en eindes in lagen vanaf de start. Dik: de geadviseerde route. Gestippeld: een tak "
                    "die afhangt van een verborgen meter. Rood omrand: niet te bereiken.</p>"
                    f'<div class="kaart-rol">{svg(model)}</div></section>')  # fmt: skip
    if model is not None:
        try:
            player = exercise_html(model, level=3)
        except Exception as err:  # a player that cannot show this file yet must not hide the rest of the page
            player = f'<p class="fout">De speler kan deze oefening nog niet tonen ({html.escape(repr(err))}).</p>'
        body.append('<section class="speler" aria-labelledby="speler-kop"><h2 id="speler-kop">De oefening</h2>'
                    f"{player}</section>")  # fmt: skip
    body.append("</main>")
    kind_script = f'<script defer src="/{kind_of(model.kind).script}"></script>' if model is not None else ""
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">'
        f"<title>Voorbeeld: {html.escape(path.name)}</title>"
        '<link rel="stylesheet" href="/ilomo.css"><link rel="stylesheet" media="print" href="/ilomo-print.css">'
        '<link rel="stylesheet" href="/preview.css">'
        f'<script defer src="/ilomo.js"></script>{kind_script}<script defer src="/preview.js"></script></head>'
        f'<body data-versie="{version(path)}" data-poll="{POLL_MS}">{"".join(body)}</body></html>'
    )


def messages_html(problems: list, notes: list[str], lines: list[str], valid: bool) -> str:
    errors = [p for p in problems if not p.warning]
    warned = [p for p in problems if p.warning]
    if errors:
        summary = (f"{len(errors)} {'fout' if len(errors) == 1 else 'fouten'}: het bestand is niet in orde. "
                   "Los eerst de bovenste op; de speler verschijnt als het bestand klopt.")  # fmt: skip
    elif warned:
        summary = (f"Het bestand is in orde, maar er {'is' if len(warned) == 1 else 'zijn'} {len(warned)} "
                   f"{'waarschuwing' if len(warned) == 1 else 'waarschuwingen'}. Met ilomo validate --strict "
                   "tellen ze als fout.")  # fmt: skip
    else:
        summary = "Geen meldingen: het bestand is in orde, ook voor ilomo validate --strict."
    items = []
    for p in problems:
        kind = "waarschuwing" if p.warning else "fout"
        source = lines[p.line - 1] if 0 < p.line <= len(lines) else ""
        code = f"<pre><code>{p.line:>4} | {html.escape(source)}</code></pre>" if source.strip() else ""
        items.append(f'<li class="{kind}"><strong>{kind}</strong>, regel {p.line}, kolom {p.column}: '
                     f"{html.escape(p.message)}{code}</li>")  # fmt: skip
    items += [f'<li class="let-op">{html.escape(n)}</li>' for n in notes]
    state = "fout" if errors else "waarschuwing" if warned else "in-orde"
    return (f'<section class="meldingen {state}" aria-labelledby="meldingen-kop" role="status">'
            f'<h2 id="meldingen-kop">Meldingen</h2><p>{html.escape(summary)}</p>'
            + (f"<ol>{''.join(items)}</ol>" if items else "") + "</section>")  # fmt: skip


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "ilomo-preview"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the terminal shows the address and the author's own messages

    def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8") -> None:
        self.send_response(status)
        for name, value in HEADERS.items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _host_ok(self) -> bool:
        port = self.server.server_address[1]
        return self.headers.get("Host", "") in {f"{HOST}:{port}", f"localhost:{port}"}

    def do_GET(self) -> None:
        if not self._host_ok():
            self._send(HTTPStatus.BAD_REQUEST, b"Onbekende host: open de voorbeeldpagina via 127.0.0.1.")
            return
        path = self.path.split("?", 1)[0]
        if path == "/":
            try:
                page = render(self.server.scenario)
            except Exception as err:  # a bug in a renderer must not stop the preview; show it instead
                page = ('<!doctype html><html lang="nl"><title>Fout</title><p>De voorbeeldpagina kon niet worden '
                        f"gemaakt: {html.escape(repr(err))}</p></html>")
            self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/versie":
            body = json.dumps({"versie": version(self.server.scenario)}).encode()
            self._send(HTTPStatus.OK, body, "application/json")
        elif path in ROUTES:
            folder, name, content_type = ROUTES[path]
            self._send(HTTPStatus.OK, _asset(folder, name), content_type)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"Niet gevonden: deze server toont alleen de voorbeeldpagina.")

    do_HEAD = do_GET

    def _refuse(self) -> None:
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"Alleen lezen (GET) is toegestaan.")

    do_POST = do_PUT = do_DELETE = do_PATCH = _refuse


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, scenario: Path, port: int = 0) -> None:
        self.scenario = scenario
        super().__init__((HOST, port), PreviewHandler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def start(self) -> threading.Thread:
        """Serve in a background thread (tests); stop with shutdown() and server_close()."""
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread
