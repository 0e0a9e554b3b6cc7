"""Release artefacts of the built site: a versioned zip that works from disk, and one PDF handout per module.

    python -m ilomo.publish dist [_build/html] [dist]      # dist/ilomo-site-<version>.zip and .zip.sha256
    python -m ilomo.publish pdf  [_build/html] [_build/pdf] [--module 07]
                                   # _build/pdf/NN-slug-deelnemers.pdf and NN-slug-trainers.pdf per module

The zip holds one folder ``ilomo-site-<version>/``; unzipped, its ``index.html`` opens from disk (file://) with no
server and no internet. Entries are sorted and dated at a fixed time, so the same site gives the same checksum.
PDFs are printed by headless Chromium (the system browser, via Playwright) from the built pages, with the print
stylesheet ``ilomo-print.css``: every exercise appears as its full text version. Each module gives two handouts:
for participants (the exercises as questions with room to write; no answers, feedback, debrief questions or
trainer plan) and for trainers (everything). The version is set as ``html[data-ilomo-handout]`` before printing.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import zipfile
from collections.abc import Iterable
from html import escape as html_escape
from pathlib import Path
from typing import Any

from ilomo.cli.publish import DIST, HTML, PDF  # relative to the working directory (the book's folder)

CHROMIUM = os.environ.get("ILOMO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MODULE_PAGE = re.compile(r"^(0[1-9]|[1-9]\d)-[a-z0-9][a-z0-9-]*\.html$")  # 00-demo is no module
ZIP_DATE = (2020, 1, 1, 0, 0, 0)
# Build bookkeeping that a reader of the site never needs.
SKIP = {".buildinfo", ".doctrees"}
README_NAME = "LEESMIJ.txt"
README_TEXT = """ILOMO: omgaan met maatschappelijke onrust (versie {version})

Open index.html in je browser (dubbelklik). Er is geen internet en geen server nodig.
Je voortgang in de oefeningen bewaart je browser op deze computer.
Zoeken werkt ook zonder server. Je ziet dan alleen de titels van de pagina's, zonder stukje tekst.
"""


def package_version() -> str:
    from ilomo import __version__

    return __version__


def site_files(html: Path) -> list[Path]:
    """Every file of the built site, sorted, without build bookkeeping."""
    return sorted(p for p in html.rglob("*") if p.is_file() and not SKIP & set(p.relative_to(html).parts))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def make_dist(html: Path = HTML, out: Path = DIST, version: str | None = None) -> Path:
    """Zip the built site into ``out/ilomo-site-<version>.zip`` plus a ``sha256sum -c`` compatible checksum."""
    if not (html / "index.html").is_file():
        raise FileNotFoundError(f"{html}/index.html is missing: build the site first (make book)")
    version = version or package_version()
    name = f"ilomo-site-{version}"
    out.mkdir(parents=True, exist_ok=True)
    archive = out / f"{name}.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        _write(zf, f"{name}/{README_NAME}", README_TEXT.format(version=version).encode("utf-8"))
        for path in site_files(html):
            _write(zf, f"{name}/{path.relative_to(html).as_posix()}", path.read_bytes())
    Path(f"{archive}.sha256").write_text(f"{sha256_of(archive)}  {archive.name}\n", encoding="utf-8")
    return archive


def _write(zf: zipfile.ZipFile, arcname: str, data: bytes) -> None:
    info = zipfile.ZipInfo(arcname, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


HANDOUTS = ("deelnemers", "trainers")


def module_pages(html: Path = HTML, module: str | None = None) -> list[Path]:
    """The built module pages ``notebooks/NN-slug.html`` (01 and up), sorted; `module` ("07" or "7") picks one."""
    pages = sorted(p for p in (html / "notebooks").glob("*.html") if MODULE_PAGE.match(p.name))
    if module is None:
        return pages
    number = module.strip().zfill(2)
    chosen = [p for p in pages if p.name.startswith(f"{number}-")]
    if not chosen:
        known = ", ".join(p.name[:2] for p in pages) or "geen"
        raise FileNotFoundError(f"module {module!r} bestaat niet in {html}/notebooks (wel: {known})")
    return chosen


def handout_name(page: Path, handout: str) -> str:
    return f"{page.stem}-{handout}.pdf"


# Chromium fills the spans; the footer names the page, the version (participants or trainers), ILOMO's version and
# the page number.
FOOTER = ('<div style="font-size:8pt;width:100%;text-align:center;color:#444"><span class="title"></span>'
          ' · voor {{handout}} · ILOMO {version} · <span class="pageNumber"></span>/'
          '<span class="totalPages"></span></div>')


def make_pdfs(html: Path = HTML, out: Path = PDF, pages: Iterable[Path] | None = None,
              browser: Any = None, module: str | None = None) -> list[Path]:
    """Print each module page (or only `module`) to ``out/NN-slug-deelnemers.pdf`` and ``out/NN-slug-trainers.pdf``
    with headless Chromium; nothing leaves the machine.

    ``browser`` is a running Playwright browser to reuse (tests have one); by default the system Chromium starts.
    """
    pages = list(module_pages(html, module) if pages is None else pages)
    if not pages:
        raise FileNotFoundError(f"no module pages in {html}/notebooks: build the site first (make book)")
    out.mkdir(parents=True, exist_ok=True)
    if browser is not None:
        return _print_pages(browser, pages, out)
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return _print_pages(own, pages, out)
        finally:
            own.close()


# The handouts' own print rules (_static/ilomo-handout.css, next to the print stylesheet every page links): only
# the PDFs need them, so pages do not load them.
HANDOUT_CSS = """() => new Promise((resolve, reject) => {
  const print = document.querySelector('link[href*="ilomo-print.css"]');
  if (!print) { reject(new Error('this page does not link ilomo-print.css')); return; }
  const link = Object.assign(document.createElement('link'), {rel: 'stylesheet', media: 'print',
    href: new URL('ilomo-handout.css', print.href).href, onload: resolve, onerror: () => reject(new Error(link.href))});
  document.head.append(link);
})"""


def _print_pages(browser: Any, pages: list[Path], out: Path) -> list[Path]:
    footer = FOOTER.format(version=html_escape(package_version()))
    context = browser.new_context()
    # Offline by construction: only the site's own files load.
    context.route(lambda url: not url.startswith(("file:", "data:")), lambda route: route.abort())
    written = []
    try:
        for page_file in pages:
            page = context.new_page()
            page.goto(page_file.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            # What a browser does before printing: exercises and dropdowns open (ilomo-site.js, ilomo.js).
            page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
            page.evaluate(HANDOUT_CSS)
            for handout in HANDOUTS:
                page.evaluate("(h) => { document.documentElement.dataset.ilomoHandout = h; }", handout)
                target = out / handout_name(page_file, handout)
                page.pdf(path=str(target), format="A4", print_background=False, display_header_footer=True,
                         header_template="<div></div>", footer_template=footer.replace("{handout}", handout),
                         prefer_css_page_size=True, outline=True, tagged=True)
                written.append(target)
            page.close()
    finally:
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m ilomo.publish dist|pdf …`` is ``ilomo publish dist|pdf …`` (``ilomo.cli.publish``)."""
    from ilomo.cli import main as cli

    return cli(["publish", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
