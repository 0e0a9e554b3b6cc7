"""ILOMO: a learning environment on societal unrest, built from the MAST-dag 2025 report."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ilomo")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

# The function, not the submodule: after this line `ilomo.play` is `ilomo.play.play` (light import).
from ilomo.play import play
from ilomo.room.mode import trainer

__all__ = ["__version__", "play", "trainer"]
