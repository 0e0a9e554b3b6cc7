"""The themes' four stylesheets as one (ilomo.sphinxext.stylesheets), without a build: the bundle's content and the
page's links. The built site's pages and the computed styles are checked in tests/site/test_loading.py."""

from __future__ import annotations

from pathlib import Path

from ilomo.sphinxext.stylesheets import BUNDLE, bundle_theme_css, link_bundle, rebase

HEAD = """<link href="../_static/basic.css" rel="stylesheet" />
<link href="../_static/styles/pydata-sphinx-theme.css?digest=55c2" rel="stylesheet" />
<link rel="preload" as="script" href="../_static/scripts/bootstrap.js?digest=55c2" />
<link rel="stylesheet" type="text/css" href="../_static/styles/sphinx-book-theme.css?v=3c74b3bc" />
<link rel="stylesheet" type="text/css" href="../_static/mystnb.11b39860a7.css?v=f91563d4" />
<link media="print" rel="stylesheet" type="text/css" href="../_static/ilomo-print.css?v=e6beeac9" />
<link rel="stylesheet" type="text/css" href="../_static/ilomo.css?v=10463e82" />
"""


def write_parts(static: Path, charset: bool = True) -> None:
    (static / "styles").mkdir(parents=True)
    (static / "basic.css").write_text("ul.search li { background-image: url(file.png); }\n", encoding="utf-8")
    first = '@charset "UTF-8";\n' if charset else ""
    (static / "styles" / "pydata-sphinx-theme.css").write_text(
        first + '@font-face { src: url(../vendor/fa.woff2); }\n.a::before { content: "\\f00c"; }\n', encoding="utf-8")
    (static / "styles" / "sphinx-book-theme.css").write_text(first + ".b { color: red; }\n", encoding="utf-8")
    (static / "mystnb.0123abcd.css").write_text(".c { margin: 0; }\n", encoding="utf-8")


def test_one_link_where_the_four_were_and_every_other_link_kept_in_order() -> None:
    out = link_bundle(HEAD, "aaaa1111")
    lines = out.splitlines()
    assert lines[0] == f'<link rel="stylesheet" href="../_static/{BUNDLE}?v=aaaa1111" />'
    assert [line.split("href=")[1].split("?")[0] for line in lines[1:]] == [
        '"../_static/scripts/bootstrap.js', '"../_static/ilomo-print.css', '"../_static/ilomo.css']
    for gone in ("basic.css", "pydata-sphinx-theme.css", "sphinx-book-theme.css", "mystnb."):
        assert gone not in out


def test_linking_again_updates_the_version_and_keeps_one_link() -> None:
    again = link_bundle(link_bundle(HEAD, "aaaa1111"), "bbbb2222")
    assert again.count(BUNDLE) == 1 and "?v=bbbb2222" in again and "aaaa1111" not in again


def test_the_prefix_of_each_page_is_kept() -> None:
    for prefix in ("", "../", "../../"):
        head = f'<link href="{prefix}_static/basic.css" rel="stylesheet" />\n'
        assert link_bundle(head, "v") == f'<link rel="stylesheet" href="{prefix}_static/{BUNDLE}?v=v" />\n'


def test_a_page_without_the_theme_is_left_alone() -> None:
    page = '<link rel="stylesheet" href="_static/ilomo.css" />\n<link rel="preload" href="_static/basic.css" />\n'
    assert link_bundle(page, "v") == page


def test_rebase_moves_relative_addresses_only() -> None:
    css = 'a{background:url(file.png)} b{src:url("x/y.woff2")} c{background:url(data:image/png;base64,AA)} ' \
          "d{background:url(/abs.png)} e{background:url(https://example.org/x.png)} f{filter:url(#f)}"
    assert rebase(css, 1) == (
        'a{background:url(../file.png)} b{src:url("../x/y.woff2")} c{background:url(data:image/png;base64,AA)} '
        "d{background:url(/abs.png)} e{background:url(https://example.org/x.png)} f{filter:url(#f)}")


def test_the_bundle_is_the_four_in_cascade_order_with_one_charset(tmp_path: Path) -> None:
    write_parts(tmp_path / "_static")
    version = bundle_theme_css(tmp_path)
    bundle = (tmp_path / "_static" / BUNDLE).read_text(encoding="utf-8")
    assert version and len(version) == 8
    assert bundle.startswith('@charset "UTF-8";\n') and bundle.count("@charset") == 1
    order = [bundle.index(marker) for marker in ("ul.search", "@font-face", ".b {", ".c {")]
    assert order == sorted(order)
    assert "url(../file.png)" in bundle and "url(../vendor/fa.woff2)" in bundle  # basic.css rebased, styles/ not


def test_the_version_follows_the_content(tmp_path: Path) -> None:
    write_parts(tmp_path / "a" / "_static")
    write_parts(tmp_path / "b" / "_static")
    (tmp_path / "b" / "_static" / "mystnb.0123abcd.css").write_text(".c { margin: 1px; }\n", encoding="utf-8")
    assert bundle_theme_css(tmp_path / "a") != bundle_theme_css(tmp_path / "b")


def test_no_bundle_when_a_part_is_missing(tmp_path: Path) -> None:
    write_parts(tmp_path / "_static")
    (tmp_path / "_static" / "basic.css").unlink()
    assert bundle_theme_css(tmp_path) is None
    assert not (tmp_path / "_static" / BUNDLE).exists()
