"""The committed minified scripts (ilomo.sphinxext.minified): current, esbuild's own output, and used by the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilomo.sphinxext import minified

ROOT = Path(__file__).resolve().parents[2]
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"  # installed by `make install` (npm ci), as in CI


def test_every_script_of_the_site_has_a_current_minified_copy() -> None:
    stale = [name for name, source in minified.sources().items()
             if minified.minified(name, source.read_bytes()) is None]
    assert not stale, f"run `make assets`: the minified copies of {stale} are missing or older than their sources"


def test_the_copies_are_what_esbuild_makes_of_the_sources() -> None:
    assert ESBUILD.is_file(), "esbuild is missing: run `make install` (npm ci)"
    for name, source in minified.sources().items():
        assert minified.esbuild(ESBUILD, name, source.read_bytes()) == minified.minified_copy(name), name


def test_a_changed_source_is_not_replaced_by_an_old_copy(tmp_path: Path) -> None:
    from ilomo.sphinxext.weight import minify_own_assets

    static = tmp_path / "_static"
    static.mkdir()
    current = minified.sources()["ilomo.js"].read_bytes()
    (static / "ilomo.js").write_bytes(current)
    (static / "ilomo-stelling.js").write_bytes(current.replace(b"2.0.0", b"2.0.1"))  # not the stelling source
    minify_own_assets(tmp_path)
    assert (static / "ilomo.js").read_bytes() == minified.minified_copy("ilomo.js")
    changed = (static / "ilomo-stelling.js").read_bytes()
    assert changed != minified.minified_copy("ilomo-stelling.js") and b'"2.0.1"' in changed  # rjsmin, not the copy


@pytest.mark.parametrize("page", ["notebooks/07-contact-maken-en-houden.html", "book/mijn-reflecties.html"])
def test_the_built_site_ships_the_minified_copies(built_html: Path, page: str) -> None:
    text = (built_html / page).read_text(encoding="utf-8")
    own = [name for name in minified.sources() if f"_static/{name}" in text]
    assert "ilomo.js" in own
    for name in own:
        assert (built_html / "_static" / name).read_bytes() == minified.minified_copy(name), name
