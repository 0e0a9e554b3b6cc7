"""What the vote server knows, without any HTTP: the join code, the one open question (ballot), the votes.

Anonymous by design: a vote is stored under a random token that the server gave the phone (a cookie), and
only to let that phone change its vote. Tokens, votes and rate limits live in memory only and are gone when
the server stops; the session log keeps the counts. No names, addresses or device details are kept.
"""

from __future__ import annotations

import re
import secrets
import time
from collections import deque
from dataclasses import dataclass, field

from ilomo.room.phones import texts

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: easy to read from a screen
CODE_LENGTH = 5
BALLOT_ID = re.compile(r"[a-z0-9-]{1,40}")
MAX_OPTIONS = 26  # letters A-Z
MAX_LABEL = 500  # characters per option label or title
MAX_TOKENS = 5000  # phones per server run
RATE_WINDOW = 10.0  # seconds
RATE_VOTES = 12  # vote requests per token per window


class Refused(Exception):
    """A request the server will not carry out: HTTP status and a Dutch message; nothing changed."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(text: str) -> str:
    """What a participant typed, as a code: capitals, no spaces."""
    return "".join(text.split()).upper()[:20]


@dataclass
class Ballot:
    """One question open for votes: its options (labels) and the vote per token (an option's position)."""

    id: str
    title: str
    options: list[str]
    open: bool = True
    votes: dict[str, int] = field(default_factory=dict)

    @property
    def counts(self) -> list[int]:
        counts = [0] * len(self.options)
        for position in self.votes.values():
            counts[position] += 1
        return counts


class Room:
    """The state of one vote server: join code, current ballot, tokens, and a version that counts changes."""

    def __init__(self, code: str | None = None, clock=time.monotonic) -> None:
        self.code = code or new_code()
        self.ballot: Ballot | None = None
        self.version = 0  # every change (ballot, vote, close): the trainer's screen follows it
        self._tokens: set[str] = set()
        self._requests: dict[str, deque[float]] = {}
        self._clock = clock

    # -- phones ------------------------------------------------------------------------------------
    def code_ok(self, code: str) -> bool:
        return secrets.compare_digest(normal_code(code).encode(), normal_code(self.code).encode())

    def new_token(self) -> str:
        if len(self._tokens) >= MAX_TOKENS:
            raise Refused(503, texts.E_TOO_MANY_PEOPLE)
        token = secrets.token_urlsafe(18)
        self._tokens.add(token)
        return token

    def known(self, token: str | None) -> bool:
        return bool(token) and token in self._tokens

    @property
    def phone_version(self) -> str:
        """Changes only when what a phone shows changes (a new ballot, opened or closed), not with each vote."""
        ballot = self.ballot
        return f"{ballot.id}:{int(ballot.open)}" if ballot else "-"

    def vote(self, code: str, token: str | None, ballot_id: str, option: str) -> Ballot:
        """Count (or change) this token's vote; ``Refused`` leaves everything as it was."""
        if not self.code_ok(code):
            raise Refused(403, texts.E_CODE)
        if not self.known(token):
            raise Refused(403, texts.E_NO_TOKEN)
        assert token is not None
        self._limit(token)
        ballot = self.ballot
        if ballot is None or ballot.id != ballot_id:
            raise Refused(409, texts.E_GONE)
        if not ballot.open:
            raise Refused(409, texts.E_CLOSED)
        if not re.fullmatch(r"[0-9]{1,2}", option) or int(option) >= len(ballot.options):
            raise Refused(400, texts.E_OPTION)
        position = int(option)
        if ballot.votes.get(token) != position:
            ballot.votes[token] = position
            self.version += 1
        return ballot

    def _limit(self, token: str) -> None:
        now = self._clock()
        times = self._requests.setdefault(token, deque())
        while times and now - times[0] > RATE_WINDOW:
            times.popleft()
        if len(times) >= RATE_VOTES:
            raise Refused(429, texts.E_RATE)
        times.append(now)

    # -- the trainer -------------------------------------------------------------------------------
    def open(self, ballot_id: str, title: str, options: list[str]) -> Ballot:
        """A new ballot replaces the old one (its votes are gone: the trainer's log has the counts)."""
        if not BALLOT_ID.fullmatch(ballot_id):
            raise Refused(400, texts.E_FORM)
        if not 1 <= len(options) <= MAX_OPTIONS or not all(isinstance(o, str) for o in options):
            raise Refused(400, texts.E_FORM)
        if not isinstance(title, str):
            raise Refused(400, texts.E_FORM)
        if self.ballot is not None and self.ballot.id == ballot_id:
            self.ballot.open = True  # opened again: the votes stay
        else:
            self.ballot = Ballot(ballot_id, title[:MAX_LABEL], [o[:MAX_LABEL] for o in options])
        self.version += 1
        return self.ballot

    def close(self, ballot_id: str) -> Ballot:
        ballot = self.ballot
        if ballot is None or ballot.id != ballot_id:
            raise Refused(409, texts.E_GONE)
        if ballot.open:
            ballot.open = False
            self.version += 1
        return ballot

    def state(self) -> dict:
        """What the trainer's screen shows: counts only, never tokens."""
        ballot = self.ballot
        return {
            "version": self.version,
            "code": self.code,
            "ballot": None
            if ballot is None
            else {"id": ballot.id, "open": ballot.open, "options": len(ballot.options), "counts": ballot.counts},
        }


__all__ = ["Ballot", "Refused", "Room", "new_code", "normal_code"]
