"""The phone controls of one room tally: start a vote for the step on screen, show how to join (address, QR
code made here with segno, join code), follow the count, close and reopen, and stop using phones.

Counts from phones go into the tally's number fields, so the chart, the majority and the session log work as
with typed counts; typing stays possible (the fallback), and phones can be switched off at any time.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import re
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from ilomo.room.phones import link, texts
from ilomo.widgets.markup import esc

if TYPE_CHECKING:
    from ilomo.room.votes import VoteTally

_MARKUP = re.compile(r"[*_`]+|\[([^\]]*)\]\([^)]*\)")
_server: link.Server | None = None
_follower: link.Follower | None = None
_panels: weakref.WeakSet[PhonePanel] = weakref.WeakSet()
_opened: dict[str, int] = {}  # step key -> votes opened for it in this kernel


def plain(text: str) -> str:
    """Inline Markdown as plain text for the phone page (which escapes it)."""
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or "", text).split())


def html_text(fragment: str) -> str:
    """Contract HTML as plain text for the phone page (which escapes it)."""
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def qr_svg(url: str) -> str:
    """The address as a QR code, an inline SVG made on this machine (segno; nothing is fetched)."""
    import segno

    code = segno.make(url, error="m")
    return code.svg_inline(scale=4, border=2, dark="#000", light="#fff", title=texts.PANEL_QR.format(url=url))


def join_html(server: link.Server, code: str) -> str:
    """QR code, join code and address, in a narrow column beside the options on the projector."""
    url = server.public
    target = f"{url}stem?code={code}"
    return (
        '<div class="ilomo-join" style="text-align:center;width:200px">'
        f'<div role="img" aria-label="{esc(texts.PANEL_QR.format(url=target))}">{qr_svg(target)}</div>'
        f'<p class="ilomo-code" style="font-size:26px;font-weight:700;margin:.1em 0;white-space:nowrap">'
        f"{esc(texts.PANEL_CODE.format(code=code))}</p>"
        f'<p style="font-size:16px;line-height:1.3;margin:0;overflow-wrap:anywhere">'
        f"{esc(texts.PANEL_JOIN.format(url=url))}</p></div>"
    )


def _connect() -> tuple[link.Server, link.Follower]:
    """The kernel's one server and follower (found or started on first use)."""
    global _server, _follower
    if _server is None or _follower is None or not _server.alive():
        if _follower is not None:
            _follower.stop()
        _server = link.find_or_start()
        _follower = link.Follower(_server, _deliverer())
    return _server, _follower


def _deliverer() -> Callable[[Callable[[], None]], None] | None:
    """Run updates on the kernel's event loop when there is one (widgets change on the main thread); outside a
    kernel (tests, the benchmark) another library's loop may be running that nobody drives, so not then."""
    try:
        from IPython import get_ipython

        if get_ipython() is None:
            return None
        loop = asyncio.get_running_loop()
    except (ImportError, RuntimeError):
        return None
    return lambda job: loop.call_soon_threadsafe(job)


def _dispatch(state: dict[str, Any]) -> None:
    for panel in list(_panels):
        try:
            panel.received(state)
        except Exception:  # one broken (closed) view must not stop the counts reaching the others
            logging.getLogger("ilomo.stemmen").exception("telefoonpaneel")


def reset() -> None:
    """Forget the server and the votes opened (for tests, and as a new kernel starts)."""
    global _server, _follower
    if _follower is not None:
        _follower.stop()
    _server = _follower = None
    _opened.clear()


class PhonePanel:
    """Under a ``VoteTally``: the trainer's phone buttons and, while phones vote, how to join."""

    def __init__(self, tally: VoteTally) -> None:
        self.tally = tally
        self.question: Callable[[], str] | None = None  # the title phones show (set by ``connect``)
        # Names the step on screen (set by ``connect``): the same step after a reload gets the same vote back.
        self.step_key: Callable[[], str] | None = None
        self.active = False  # phones on for this tally: every new step opens a vote
        self.open = False
        self.ballot_id: str | None = None
        self.code = ""
        self.server: link.Server | None = None
        self._fallback_key = f"{id(self)}"
        layout = w.Layout(width="auto", height="auto", margin="4px 8px 4px 0")
        self.start_button = w.Button(description=texts.PANEL_START, tooltip=texts.PANEL_START_TIP, layout=layout)
        self.close_button = w.Button(description=texts.PANEL_CLOSE, tooltip=texts.PANEL_CLOSE_TIP, layout=layout)
        self.off_button = w.Button(description=texts.PANEL_OFF, tooltip=texts.PANEL_OFF_TIP, layout=layout)
        self.start_button.on_click(lambda _: self.start())
        self.close_button.on_click(lambda _: self.toggle())
        self.off_button.on_click(lambda _: self.stop())
        self.join = w.HTML(layout=w.Layout(width="210px", flex="0 0 210px", display="none"))  # for the stage
        self.status = w.HTML(layout=w.Layout(width="100%"))
        self.buttons = w.HBox([self.start_button], layout=w.Layout(flex_flow="row wrap"))
        self.box = w.VBox([self.buttons], layout=w.Layout(width="100%"))
        self.box.add_class("ilomo-phones")
        _panels.add(self)

    # -- the trainer's buttons -----------------------------------------------------------------------
    def start(self) -> None:
        try:
            self.server, follower = _connect()
            self.active = True
            self._open_new()
            follower.listen(_dispatch)
        except link.Unreachable:
            self.active = self.open = False
            self.status.value = f"<p><strong>{esc(texts.PANEL_FAILED)}</strong></p>"
            self.box.children = (self.buttons, self.status)
            return
        self.render()

    def toggle(self) -> None:
        """Close the vote, or open it again (the votes so far stay)."""
        if self.server is None or self.ballot_id is None:
            return
        try:
            if self.open:
                self.server.call("POST", "/trainer/close", {"id": self.ballot_id})
            else:
                self._send_open()
            self.open = not self.open
        except link.Unreachable:
            self.status.value = f"<p><strong>{esc(texts.PANEL_FAILED)}</strong></p>"
            return
        self.render()

    def stop(self) -> None:
        if self.server is not None and self.ballot_id is not None and self.open:
            with contextlib.suppress(link.Unreachable):
                self.server.call("POST", "/trainer/close", {"id": self.ballot_id})
        self.active = self.open = False
        self.render()

    # -- from the tally and the server -----------------------------------------------------------------
    def new_step(self) -> None:
        """The tally shows new options: with phones on, a new vote opens for them."""
        if not self.active:
            return
        try:
            self._open_new()
        except link.Unreachable:
            self.active = self.open = False
            self.status.value = f"<p><strong>{esc(texts.PANEL_FAILED)}</strong></p>"
        self.render()

    def received(self, state: dict[str, Any]) -> None:
        ballot = state.get("ballot") or {}
        if not self.active or ballot.get("id") != self.ballot_id:
            return
        counts = ballot.get("counts") or []
        if len(counts) == len(self.tally.labels) and counts != self.tally.counts:
            self.tally.receive(counts)
        self.render()

    def _base(self) -> str:
        key = self.step_key() if self.step_key else self._fallback_key
        return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:12]

    def _open_new(self) -> None:
        base = self._base()
        _opened[base] = _opened.get(base, -1) + 1
        self.ballot_id = f"{base}-{_opened[base]}"
        self._send_open()
        self.open = True

    def adopt(self) -> None:
        """After a reload: when the server's open vote is this step's first one, follow it again (no click)."""
        server = link.from_environment() or link.from_state_file()
        if server is None or self.active:
            return
        base = self._base()
        try:
            state = server.call("GET", "/trainer/state", timeout=2)
        except link.Unreachable:
            return
        ballot = state.get("ballot") or {}
        if ballot.get("id") != f"{base}-0" or not ballot.get("open") or base in _opened:
            return
        try:
            self.server, follower = _connect()
        except link.Unreachable:
            return
        _opened[base] = 0
        self.active, self.open, self.ballot_id = True, True, ballot["id"]
        self.code = str(state.get("code", ""))
        follower.listen(_dispatch)
        self.received(state)
        self.render()

    def _send_open(self) -> None:
        assert self.server is not None and self.ballot_id is not None
        title = plain(self.question()) if self.question else ""
        options = [plain(label) for label in self.tally.labels]
        state = self.server.call("POST", "/trainer/open", {"id": self.ballot_id, "title": title, "options": options})
        self.code = str(state.get("code", ""))

    def render(self) -> None:
        if not self.active or self.server is None:
            self.box.children = (self.buttons,)
            self.buttons.children = (self.start_button,)
            self.join.layout.display = "none"
            return
        total = sum(self.tally.counts)
        votes = texts.VOTES_ONE if total == 1 else texts.VOTES_MANY.format(n=total)
        self.close_button.description = texts.PANEL_CLOSE if self.open else texts.PANEL_REOPEN
        line = (texts.PANEL_OPEN if self.open else texts.PANEL_CLOSED).format(votes=votes)
        self.status.value = f'<p role="status"><strong>{esc(line)}</strong></p>'
        if self.open and not self.join.value:
            self.join.value = join_html(self.server, self.code)
        self.join.layout.display = "block" if self.open else "none"
        self.buttons.children = (self.close_button, self.off_button)
        self.box.children = (self.status, self.buttons)


def connect(view: Any) -> None:
    """Give the phone panels of a room view the question phones show (the situation, the card, the statement)
    and a key for the step on screen; then pick up a vote that was open before a reload."""
    scenario = view.scenario
    session = getattr(view, "session", None)

    def key(*parts: object) -> Callable[[], str]:
        def step() -> str:
            entry = session.entry(scenario.id) if session is not None else None
            runs = len((entry or {}).get("runs") or [])
            started = session.data.get("started") if session is not None else ""
            return "|".join(str(p) for p in (started, scenario.id, runs, *(p() if callable(p) else p for p in parts)))

        return step

    for tally, step_key in view.phone_tallies(key):  # each kind's room view names its tallies and question
        if tally is not None and hasattr(tally, "phones"):
            tally.phones.question, tally.phones.step_key = view.phone_question, step_key
            tally.phones.adopt()


__all__ = ["PhonePanel", "connect", "join_html", "plain", "qr_svg", "reset"]
