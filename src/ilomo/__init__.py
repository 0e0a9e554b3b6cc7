"""ILOMO: a learning environment on societal unrest, built from the MAST-dag 2025 report."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ilomo")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

# `ilomo.play` is the function (module ilomo.player; light import).
from ilomo.player import play
from ilomo.room.mode import trainer

__all__ = ["__version__", "play", "trainer"]
