"""The HTML pages for phones: plain server-rendered forms (they work without JavaScript), every text escaped.

All links are relative, so the pages work at ``/`` and behind a proxy prefix (``/user/x/ilomo-stemmen/``).
No inline script or style: the CSP allows only this server's own ``static/stem.css`` and ``static/stem.js``.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from ilomo.room.phones import texts
from ilomo.room.phones.state import Ballot, Room

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def letter(position: int) -> str:
    return LETTERS[position] if position < len(LETTERS) else str(position + 1)


def votes_text(n: int) -> str:
    return texts.VOTES_ONE if n == 1 else texts.VOTES_MANY.format(n=n)


def page(body: str, *, code: str = "", version: str = "") -> str:
    """A whole page; ``code`` and ``version`` let stem.js reload it when the question changes."""
    data = f' data-code="{esc(code)}" data-v="{esc(version)}"' if code else ""
    return (
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{esc(texts.PAGE_TITLE)}</title>"
        '<link rel="stylesheet" href="static/stem.css"><script src="static/stem.js" defer></script>'
        f'</head><body><main id="ilomo-stem"{data}>{body}'
        f'<p class="privacy">{esc(texts.PRIVACY)}</p></main></body></html>'
    )


def join(error: str = "") -> str:
    alert = f'<p class="error" role="alert">{esc(error)}</p>' if error else ""
    return page(
        f"<h1>{esc(texts.JOIN_HEADING)}</h1>{alert}"
        f'<form method="get" action="stem"><label for="code">{esc(texts.JOIN_HELP)}</label>'
        f'<input id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false"'
        f' maxlength="20" required aria-describedby="code-help">'
        f'<span id="code-help" class="help">{esc(texts.JOIN_LABEL)}: 5 tekens</span>'
        f'<button type="submit">{esc(texts.JOIN_BUTTON)}</button></form>'
    )


def refused(message: str) -> str:
    return page(f'<h1>{esc(texts.PAGE_TITLE)}</h1><p class="error" role="alert">{esc(message)}</p>'
                f'<p><a href="./">{esc(texts.JOIN_HEADING)}</a></p>')  # fmt: skip


def vote(room: Room, token: str, error: str = "") -> str:
    """The page for a phone that joined: waiting, the open question with big buttons, or the result."""
    ballot = room.ballot
    alert = f'<p class="error" role="alert">{esc(error)}</p>' if error else ""
    refresh = f'<p><a class="refresh" href="stem?code={quote(room.code)}">{esc(texts.REFRESH)}</a></p>'
    if ballot is None:
        body = f'<h1>{esc(texts.PAGE_TITLE)}</h1>{alert}<p role="status">{esc(texts.WAIT)}</p>{refresh}'
    elif ballot.open:
        body = _open(room, ballot, token, alert) + refresh
    else:
        body = _result(ballot, token, alert) + refresh
    return page(body, code=room.code, version=room.phone_version)


def _open(room: Room, ballot: Ballot, token: str, alert: str) -> str:
    mine = ballot.votes.get(token)
    buttons = "".join(
        f'<li><button type="submit" name="option" value="{i}" aria-pressed="{"true" if i == mine else "false"}">'
        f'<span class="letter" aria-hidden="true">{letter(i)}</span>'
        f'<span class="label"><span class="sr">{letter(i)}. </span>{esc(label)}</span></button></li>'
        for i, label in enumerate(ballot.options)
    )
    status = texts.YOUR_VOTE.format(letter=letter(mine)) if mine is not None else texts.NO_VOTE_YET
    return (
        f"<h1>{esc(ballot.title)}</h1>{alert}<p>{esc(texts.CHOOSE)}</p>"
        f'<form method="post" action="stem"><input type="hidden" name="code" value="{esc(room.code)}">'
        f'<input type="hidden" name="ballot" value="{esc(ballot.id)}"><ul class="options">{buttons}</ul></form>'
        f'<p role="status" class="status">{esc(status)}</p>'
    )


def _result(ballot: Ballot, token: str, alert: str) -> str:
    counts = ballot.counts
    total = sum(counts)
    rows = []
    for i, label in enumerate(ballot.options):
        percent = (200 * counts[i] + total) // (2 * total) if total else 0
        line = texts.RESULT_LINE.format(letter=letter(i), label=label, votes=votes_text(counts[i]), percent=percent)
        rows.append(f'<li>{esc(line)}<progress max="{max(total, 1)}" value="{counts[i]}"></progress></li>')
    mine = ballot.votes.get(token)
    yours = f"<p>{esc(texts.YOUR_FINAL.format(letter=letter(mine)))}</p>" if mine is not None else ""
    return (
        f'<h1>{esc(ballot.title)}</h1>{alert}<p role="status">{esc(texts.CLOSED)}</p>'
        f'<h2>{esc(texts.RESULT)}: {esc(votes_text(total))}</h2><ul class="result">{"".join(rows)}</ul>{yours}'
    )


__all__ = ["join", "page", "refused", "vote"]
