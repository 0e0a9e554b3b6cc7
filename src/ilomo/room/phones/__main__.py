"""``python -m ilomo.room.phones``: run the vote server (``ilomo present`` and jupyter-server-proxy start it)."""

import sys

from ilomo.room.phones.server import main

sys.exit(main())
