"""The vote server: tornado (it comes with Jupyter), one process beside Voilà or JupyterLab.

Phones:   GET  /              join page (type the code)
          GET  /stem?code=C   the question with big buttons, or the result (sets the anonymous token cookie)
          POST /stem          a vote (form: code, ballot, option), then back to /stem (303)
          GET  /status?code=C what the page shows now ({"v": ...}); stem.js reloads the page when it changes
          GET  /static/…      stem.css, stem.js
Trainer:  POST /trainer/open  {"id", "title", "options": [...]}      (Authorization: Bearer <secret>)
          POST /trainer/close {"id"}
          GET  /trainer/state?since=N   counts; waits up to 20 s for a change after version N (long poll)
          GET  /health        "ok"

Every answer carries a strict Content-Security-Policy; refusals are a Dutch page or JSON, never a traceback.
The access log is off: the server writes no IP addresses anywhere.
"""

from __future__ import annotations

import argparse
import asyncio
import hmac
import json
import logging
import math
import os
import secrets
import socket
import sys
import time
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote

import tornado.httpserver
import tornado.locks
import tornado.netutil
import tornado.web

from ilomo.room.phones import pages, texts
from ilomo.room.phones.state import Refused, Room

STATIC = Path(__file__).parent / "static"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
TOKEN_COOKIE = "ilomo_stem"
MAX_BODY = 4096  # bytes: a vote is about 60
WAIT_SECONDS = 20.0
IDLE_HOURS = 12  # a server nobody asked anything for this long stops by itself


class Base(tornado.web.RequestHandler):
    room: Room

    def initialize(self, room: Room, changed: tornado.locks.Condition, secret: str, seen: list[float]) -> None:
        self.room, self.changed, self.secret, self.seen = room, changed, secret, seen

    def set_default_headers(self) -> None:
        self.set_header("Content-Security-Policy", CSP)
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")
        self.set_header("X-Frame-Options", "DENY")
        self.set_header("Cache-Control", "no-store")
        self.set_header("Cross-Origin-Opener-Policy", "same-origin")
        self.set_header("Cross-Origin-Resource-Policy", "same-origin")
        self.clear_header("Server")

    def prepare(self) -> None:
        self.seen[0] = time.monotonic()
        length = self.request.headers.get("Content-Length", "0")
        if not length.isdigit() or int(length) > MAX_BODY or len(self.request.body) > MAX_BODY:
            raise Refused(413, texts.E_SIZE)

    def refuse(self, status: int, message: str) -> None:
        self.set_status(status)
        if self.wants_json():
            self.set_header("Content-Type", "application/json; charset=utf-8")
            self.finish(json.dumps({"error": message}, ensure_ascii=False))
        else:
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(pages.refused(message))

    def wants_json(self) -> bool:
        return self.request.path.startswith(("/trainer/", "/status"))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        error = kwargs.get("exc_info", (None, None))[1]
        if isinstance(error, Refused):
            self.refuse(error.status, error.message)
            return
        message = {404: texts.E_NOT_FOUND, 405: texts.E_METHOD, 413: texts.E_SIZE}.get(status_code)
        if message is None:
            message = texts.E_FORM if 400 <= status_code < 500 else texts.E_SERVER
        self.refuse(status_code, message)

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        """Our own line without the request summary (tornado's names the client's IP address)."""
        if not isinstance(value, (Refused, tornado.web.HTTPError)):
            logging.getLogger("ilomo.stemmen").error("fout bij %s %s", self.request.method, self.request.path,
                                                     exc_info=(typ, value, tb))  # fmt: skip


class Join(Base):
    def get(self) -> None:
        code = self.get_query_argument("code", "")
        if code:
            self.redirect(f"stem?code={quote(code[:20])}", status=303)
            return
        self.finish(pages.join())


class Vote(Base):
    def token(self) -> str | None:
        token = self.get_cookie(TOKEN_COOKIE)
        return token if self.room.known(token) else None

    def get(self) -> None:
        code = self.get_query_argument("code", "")
        if not self.room.code_ok(code):
            self.set_status(403)
            self.finish(pages.join(texts.WRONG_CODE if code else ""))
            return
        token = self.token()
        if token is None:
            token = self.room.new_token()
            self.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict", path="/")
        self.finish(pages.vote(self.room, token))

    def post(self) -> None:
        self.same_origin()
        try:
            code = self.get_body_argument("code", "", strip=False)
            ballot = self.get_body_argument("ballot", "", strip=False)
            option = self.get_body_argument("option", "", strip=False)
        except (tornado.web.MissingArgumentError, UnicodeDecodeError):
            raise Refused(400, texts.E_FORM) from None
        if not (ballot and option):
            raise Refused(400, texts.E_FORM)
        token = self.get_cookie(TOKEN_COOKIE)
        try:
            self.room.vote(code, token, ballot, option)
        except Refused as refusal:
            if refusal.status in (400, 409, 429) and self.room.code_ok(code) and self.room.known(token):
                self.set_status(refusal.status)
                self.finish(pages.vote(self.room, token or "", refusal.message))  # the page, with why
                return
            raise
        self.changed.notify_all()
        self.redirect(f"stem?code={quote(self.room.code)}", status=303)

    def same_origin(self) -> None:
        """A vote must come from a page of this server (no other site can post votes with the cookie)."""
        origin = self.request.headers.get("Origin")
        if origin is None or origin == "null":
            return  # older phones send no Origin; the SameSite=Strict cookie still guards the token
        host = origin.split("://", 1)[-1]
        forwarded = self.request.headers.get("X-Forwarded-Host")
        if host not in {self.request.host, forwarded}:
            raise Refused(403, texts.E_ORIGIN)


class Status(Base):
    def get(self) -> None:
        if not self.room.code_ok(self.get_query_argument("code", "")):
            raise Refused(403, texts.E_CODE)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps({"v": self.room.phone_version}))


class Static(Base):
    FILES: ClassVar[dict[str, str]] = {
        "stem.css": "text/css; charset=utf-8",
        "stem.js": "text/javascript; charset=utf-8",
    }

    def get(self, name: str) -> None:
        if name not in self.FILES:
            raise Refused(404, texts.E_NOT_FOUND)
        self.set_header("Content-Type", self.FILES[name])
        self.set_header("Cache-Control", "max-age=600")
        self.finish((STATIC / name).read_bytes())


class NoIcon(Base):
    """Browsers ask for /favicon.ico; answer with nothing rather than a 404 in the console."""

    def get(self) -> None:
        self.set_status(204)
        self.finish()


class Health(Base):
    def get(self) -> None:
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish("ok")


class Trainer(Base):
    def prepare(self) -> None:
        super().prepare()
        given = self.request.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {self.secret}".encode()):
            raise Refused(403, texts.E_TRAINER)

    def body(self) -> dict[str, Any]:
        try:
            data = json.loads(self.request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise Refused(400, texts.E_FORM) from None
        if not isinstance(data, dict):
            raise Refused(400, texts.E_FORM)
        return data

    def answer(self) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(self.room.state()))


class TrainerOpen(Trainer):
    def post(self) -> None:
        data = self.body()
        options = data.get("options")
        if not isinstance(options, list):
            raise Refused(400, texts.E_FORM)
        self.room.open(str(data.get("id", "")), data.get("title", ""), options)
        self.changed.notify_all()
        self.answer()


class TrainerClose(Trainer):
    def post(self) -> None:
        self.room.close(str(self.body().get("id", "")))
        self.changed.notify_all()
        self.answer()


class TrainerState(Trainer):
    async def get(self) -> None:
        since = self.get_query_argument("since", "")
        try:
            wait = float(self.get_query_argument("wait", str(WAIT_SECONDS)))
        except ValueError:
            raise Refused(400, texts.E_FORM) from None
        if not math.isfinite(wait):
            raise Refused(400, texts.E_FORM)
        wait = min(WAIT_SECONDS, max(0.0, wait))
        deadline = time.monotonic() + wait
        while since.isdigit() and int(since) >= self.room.version and time.monotonic() < deadline:
            await self.changed.wait(timeout=deadline)
        self.answer()


class NotFound(Base):
    def prepare(self) -> None:
        super().prepare()
        raise Refused(404, texts.E_NOT_FOUND)


def application(room: Room, secret: str, seen: list[float] | None = None) -> tornado.web.Application:
    args = {"room": room, "changed": tornado.locks.Condition(), "secret": secret, "seen": seen or [time.monotonic()]}
    routes = [
        (r"/", Join), (r"/stem", Vote), (r"/status", Status), (r"/static/([a-z.]+)", Static), (r"/health", Health),
        (r"/favicon.ico", NoIcon),
        (r"/trainer/open", TrainerOpen), (r"/trainer/close", TrainerClose), (r"/trainer/state", TrainerState),
    ]  # fmt: skip
    return tornado.web.Application(
        [(path, handler, args) for path, handler in routes],
        default_handler_class=NotFound,
        default_handler_args=args,
        log_function=lambda handler: None,  # no access log: no IP addresses anywhere
        xsrf_cookies=False,  # votes are guarded by the Origin check and the SameSite=Strict token cookie
        compress_response=False,
    )


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent: a UDP socket only picks a route)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed on the internet
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def state_file() -> Path:
    """Where a running server tells the trainer's kernel its address and secret (only the trainer can read it)."""
    from ilomo.room.log import sessions_dir

    return sessions_dir().parent / "stemserver.json"


def write_state(info: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(info, out)
    os.replace(temporary, path)


async def serve(args: argparse.Namespace) -> None:
    logging.getLogger("tornado.general").setLevel(logging.CRITICAL)  # "Malformed HTTP message from <IP>"
    room = Room(code=args.code)
    secret = os.environ.get("ILOMO_STEMMEN_SECRET") or secrets.token_urlsafe(24)
    seen = [time.monotonic()]
    host = "0.0.0.0" if args.lan else args.host
    server = tornado.httpserver.HTTPServer(
        application(room, secret, seen),
        max_body_size=16 * MAX_BODY,  # larger bodies: tornado drops the connection; up to here: our 413 page
        max_header_size=16 * 1024,
        idle_connection_timeout=60,
        body_timeout=10,
    )
    [listening] = tornado.netutil.bind_sockets(args.port, address=host, family=socket.AF_INET)
    server.add_sockets([listening])
    port = listening.getsockname()[1]
    shown_host = lan_address() if args.lan else "127.0.0.1"
    public = args.public_url or os.environ.get("ILOMO_STEMMEN_PUBLIC") or f"http://{shown_host}:{port}/"
    info = {"url": f"http://127.0.0.1:{port}/", "public": public, "code": room.code, "secret": secret,
            "pid": os.getpid()}  # fmt: skip
    if args.state_file:
        write_state(info, Path(args.state_file))
    print(json.dumps({k: v for k, v in info.items() if k != "secret"}), flush=True)
    while time.monotonic() - seen[0] < IDLE_HOURS * 3600:
        await asyncio.sleep(60)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ilomo.room.phones", description="De stemserver van ILOMO.")
    parser.add_argument("--port", type=int, default=0, help="poort (standaard: een vrije poort)")
    parser.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren (standaard 127.0.0.1)")
    parser.add_argument("--lan", action="store_true", help="luister ook op het lokale netwerk (voor telefoons)")
    parser.add_argument("--code", help="de code voor de zaal (standaard: een nieuwe, willekeurige)")
    parser.add_argument("--public-url", help="het adres dat telefoons openen (achter een proxy)")
    parser.add_argument("--state-file", default=str(state_file()), help="waar de server zijn adres opschrijft")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        return 0
    except OSError as err:
        print(f"ilomo stemserver: kan niet starten: {err.strerror or err}", file=sys.stderr)
        return 1
    return 0


__all__ = ["CSP", "application", "lan_address", "main", "serve", "state_file"]
