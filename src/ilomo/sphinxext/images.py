"""The notebooks' charts as palette PNGs: the same picture at about a third of the bytes.

Matplotlib writes full-colour PNGs (RGBA, 8 bits a channel), but a chart has a few flat colours and the
anti-aliased edges between them: some 260 distinct colours. Stored with a palette of at most 128 colours
(median cut, no dithering) the chart looks the same and the file is two to three times smaller; on module 06
this is the difference between a page over and under its weight budget (`make bench`).

Why a build step and not the notebook: the inline backend hands IPython the PNG that matplotlib wrote, and
neither matplotlib's `savefig` nor IPython's `InlineBackend` options can ask for a palette. Doing it here keeps
the learners' code plain matplotlib, works for every module's charts, and leaves the notebooks (JupyterLab,
Voilà) and the execution cache untouched. The figure size and resolution stay a choice in the notebook.

Only PNGs written by matplotlib are converted (its `Software` text), only opaque ones (a transparent chart
would need its alpha kept), and a palette version is kept only when it is smaller and its colours are within
`MAX_ERROR` of the original (a heat map with a smooth colour scale keeps its full colours). A PNG that is
already a palette PNG is left alone, so a rebuild that did not write the page again does no work twice.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageStat
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
COLOURS = 128
MAX_ERROR = 2.0  # root-mean-square difference per channel (0-255) that still counts as the same picture


def palette_png(data: bytes) -> bytes | None:
    """The PNG `data` as a smaller palette PNG, or None when it is not a matplotlib chart that converts well."""
    with Image.open(io.BytesIO(data)) as image:
        if image.format != "PNG" or image.mode not in ("RGB", "RGBA"):
            return None
        if not str(image.info.get("Software", "")).startswith("Matplotlib"):
            return None
        if image.mode == "RGBA" and image.getchannel("A").getextrema()[0] < 255:
            return None  # transparent parts: keep them
        rgb = image.convert("RGB")
    palette = rgb.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    error = ImageStat.Stat(ImageChops.difference(rgb, palette.convert("RGB"))).rms
    if max(error) > MAX_ERROR:
        return None
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue() if out.tell() < len(data) else None


def shrink_images(folder: Path) -> tuple[int, int]:
    """Every chart PNG in `folder` as a palette PNG where that helps; (bytes before, bytes after)."""
    before = after = 0
    for path in sorted(folder.glob("*.png")):
        data = path.read_bytes()
        try:
            smaller = palette_png(data)
        except (OSError, ValueError) as err:  # a broken image is the notebook's problem, not the build's
            logger.debug("ilomo: %s not converted: %s", path.name, err)
            continue
        if smaller is not None:
            path.write_bytes(smaller)
            before, after = before + len(data), after + len(smaller)
    return before, after


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        before, after = shrink_images(Path(app.outdir) / "_images")
        if before:
            logger.info("ilomo: charts as palette PNGs: %d -> %d bytes", before, after)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", _finish)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
