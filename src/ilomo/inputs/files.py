"""Reading a file under the input policy: regular files only, bounded size, strict UTF-8."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .policy import InputRefused, Limits, size_text
from .text import check_surrogates, position


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "een map, geen bestand"
    if stat.S_ISFIFO(mode):
        return "een pipe (FIFO), geen gewoon bestand"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaat, geen gewoon bestand"
    if stat.S_ISSOCK(mode):
        return "een socket, geen gewoon bestand"
    return "geen gewoon bestand"


def _stat(path: Path, name: str) -> os.stat_result:
    try:
        return path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise InputRefused(name, "de snelkoppeling (symlink) verwijst naar zichzelf (een lus)") from None
        if err.errno == errno.ENOENT:
            if path.is_symlink():
                message = "de snelkoppeling (symlink) verwijst naar een bestand dat niet bestaat"
                raise InputRefused(name, message) from None
            raise InputRefused(name, "het bestand bestaat niet") from None
        if err.errno == errno.EACCES:
            raise InputRefused(name, "geen toestemming om het bestand te lezen") from None
        raise InputRefused(name, f"kan het bestand niet lezen: {err.strerror or err}") from None


def read_bytes(path: str | os.PathLike[str], limits: Limits, name: str | None = None) -> bytes:
    """The bytes of a regular file no larger than `limits.max_bytes`; InputRefused otherwise.

    The file is opened non-blocking and checked again with fstat, so a FIFO or device swapped in after the
    first check can neither hang nor stream forever.
    """
    path = Path(path)
    name = name or str(path)
    info = _stat(path, name)
    if not stat.S_ISREG(info.st_mode):
        raise InputRefused(name, f"dit is {_kind_of(info.st_mode)}")
    too_big = f"het bestand is te groot voor een {limits.what}: hoogstens {size_text(limits.max_bytes)}"
    if info.st_size > limits.max_bytes:
        raise InputRefused(name, f"{too_big} (dit bestand: {size_text(info.st_size)})")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise InputRefused(name, f"kan het bestand niet openen: {err.strerror or err}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise InputRefused(name, "dit is geen gewoon bestand")
        data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise InputRefused(name, too_big)
    return data


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a UTF-8 BOM is dropped); InputRefused for UTF-16, binary data or invalid UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputRefused(name, "het bestand is UTF-16; sla het op als UTF-8")
    if b"\x00" in data:
        line, column = position(data, data.index(b"\x00"))
        raise InputRefused(name, "het bestand is geen tekstbestand", line, column)
    try:
        return data.decode("utf-8-sig")  # strict: encoded surrogates (ED A0 80) are invalid UTF-8 too
    except UnicodeDecodeError as err:
        line, column = position(data, err.start)
        message = "het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8"
        raise InputRefused(name, message, line, column) from None


def read_text(path: str | os.PathLike[str], limits: Limits, name: str | None = None) -> str:
    """A regular, bounded, strictly decoded text file."""
    name = name or str(path)
    text = decode(read_bytes(path, limits, name), name)
    check_surrogates(text, name)
    return text
