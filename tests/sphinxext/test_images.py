"""The charts as palette PNGs (``ilomo.sphinxext.images``): smaller, the same picture, nothing else touched."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import pytest
from PIL import Image, ImageChops

from ilomo.sphinxext.images import palette_png, shrink_images

matplotlib.use("agg")
import matplotlib.pyplot as plt


def chart_png(transparent: bool = False) -> bytes:
    """A small bar chart as the inline backend writes it: matplotlib's full-colour PNG."""
    fig, axes = plt.subplots(figsize=(4, 3))
    axes.bar(["2023", "2024"], [29, 67], color=["#8fcae7", "#01689b"])
    axes.set_title("Signalen per jaar (verzonnen)")
    out = io.BytesIO()
    fig.savefig(out, format="png", transparent=transparent)
    plt.close(fig)
    return out.getvalue()


def pixels(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def test_a_chart_becomes_a_smaller_palette_png_that_looks_the_same() -> None:
    data = chart_png()
    smaller = palette_png(data)
    assert smaller is not None and len(smaller) < len(data) / 2
    assert Image.open(io.BytesIO(smaller)).mode == "P"
    assert Image.open(io.BytesIO(smaller)).size == Image.open(io.BytesIO(data)).size
    difference = ImageChops.difference(pixels(data), pixels(smaller)).getextrema()
    assert max(high for _, high in difference) <= 16  # anti-aliased edges at most a shade off; flat colours exact


@pytest.mark.parametrize("make", [
    lambda: chart_png(transparent=True),  # its transparency stays
    lambda: _save(Image.new("RGB", (40, 40), "#01689b")),  # not written by matplotlib: maybe a photo
    lambda: palette_png(chart_png()),  # already a palette PNG
], ids=["transparent", "not-matplotlib", "palette"])
def test_other_images_are_left_alone(make) -> None:
    assert palette_png(make()) is None


def test_a_smooth_colour_scale_that_would_band_is_left_alone() -> None:
    fig, axes = plt.subplots(figsize=(3, 3))
    gradient = [[(x * 7 + y * 13) % 997 for x in range(200)] for y in range(200)]
    axes.imshow(gradient, cmap="twilight", interpolation="bicubic")  # ~1000 colours, no room for a palette
    out = io.BytesIO()
    fig.savefig(out, format="png")
    plt.close(fig)
    assert palette_png(out.getvalue()) is None


def test_shrink_images_rewrites_the_charts_in_the_folder_once(tmp_path: Path) -> None:
    (tmp_path / "chart.png").write_bytes(chart_png())
    (tmp_path / "broken.png").write_bytes(b"\x89PNG not really")
    before, after = shrink_images(tmp_path)
    assert 0 < after < before
    assert (tmp_path / "chart.png").stat().st_size == after
    assert (tmp_path / "broken.png").read_bytes() == b"\x89PNG not really"
    assert shrink_images(tmp_path) == (0, 0)  # a rebuild does no work twice


def _save(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
