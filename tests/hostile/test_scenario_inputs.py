"""Hostile and careless scenario files: every one refused with a Dutch message and its place, fast,
by the validator's API and by the `ilomo validate` command (no traceback, no hang, no crash)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ilomo.scenario import validate_paths

pytestmark = pytest.mark.timeout(60)
CLI = "import sys; from ilomo.cli import main; sys.exit(main(sys.argv[1:]))"


def alias_bomb(levels: int = 10) -> str:
    """Ten levels of ten-fold aliases under an unknown key: 10**10 values when expanded."""
    lines = ['l0: &l0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "id: bomb\nkind: stelling\nonbekend:\n" + "\n".join("  " + line for line in lines) + "\n"


# (file name, bytes, expected "line:column: message")
CASES = [
    ("deep.yml", b"a: " + b"[" * 30000 + b"]" * 30000,
     "1:27: te diep genest: meer dan 24 niveaus (lijsten of velden in elkaar)"),
    ("bomb.yml", alias_bomb().encode(),
     "het bestand wordt te groot als de verwijzingen (*naam) worden uitgevouwen: meer dan 200.000 waarden"),
    ("digits.yml", b"id: x\nkind: stelling\nmodule: " + b"7" * 5000 + b"\n",
     "3:9: dit getal is te lang (5000 cijfers); gebruik een klein geheel getal"),
    ("markdown.yml", b"id: x\nkind: stelling\nintro: '" + b"*a " * 40000 + b"'\n",
     "3:8: deze tekst is te lang: 120.000 tekens, hoogstens 10.000; maak hem korter of verdeel hem"),
    ("surrogate.yml", b"id: x\ntitle: \xed\xa0\x80\n",
     "2:8: het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8"),
]


@pytest.mark.parametrize(("name", "content", "message"), CASES, ids=[c[0] for c in CASES])
def test_hostile_file_is_refused_with_its_place(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [problem] = validate_paths([path])
    assert str(problem).startswith(f"{path}:")
    assert str(problem).endswith(message)


def test_too_big_file(tmp_path: Path) -> None:
    path = tmp_path / "groot.yml"
    path.write_bytes(b"# " + b"x" * 2_100_000 + b"\n")
    [problem] = validate_paths([path])
    assert problem.message == ("het bestand is te groot voor een scenario: hoogstens 2,0 MB (dit bestand: 2,1 MB)")


@pytest.mark.parametrize("what", ["fifo", "device", "loop", "folder-named-yml", "empty-folder", "missing"])
def test_not_a_regular_file(tmp_path: Path, what: str) -> None:
    path = tmp_path / "x.yml"
    expected = {
        "fifo": "dit is een pipe (FIFO), geen gewoon bestand",
        "device": "dit is een apparaat, geen gewoon bestand",
        "loop": "de snelkoppeling (symlink) verwijst naar zichzelf (een lus)",
        "folder-named-yml": "dit is een map, geen bestand",
        "empty-folder": "in deze map staan geen scenario's (.yml-bestanden)",
        "missing": "het bestand bestaat niet",
    }[what]
    if what == "fifo":
        os.mkfifo(path)
    elif what == "device":
        path.symlink_to("/dev/zero")
    elif what == "loop":
        path.symlink_to(path)
    elif what == "folder-named-yml":
        path.mkdir()
    elif what == "empty-folder":
        path = tmp_path / "leeg"
        path.mkdir()
    [problem] = validate_paths([path])
    assert (problem.path, problem.message) == (str(path), expected)


def test_the_command_refuses_without_a_traceback(tmp_path: Path) -> None:
    """The crash (exit 139) and the hang of the issue, through the real command."""
    for name, content, _ in CASES:
        (tmp_path / name).write_bytes(content)
    os.mkfifo(tmp_path / "pipe.yml")
    (tmp_path / "zero.yml").symlink_to("/dev/zero")
    result = subprocess.run([sys.executable, "-c", CLI, "validate", str(tmp_path)],
                            capture_output=True, text=True, timeout=50)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    reported = {Path(line.split(":", 1)[0]).name for line in result.stdout.splitlines() if line.startswith("/")}
    assert reported >= {name for name, _, _ in CASES} | {"pipe.yml", "zero.yml"}
