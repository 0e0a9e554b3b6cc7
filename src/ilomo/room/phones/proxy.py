"""JupyterHub: the vote server behind jupyter-server-proxy, at ``<server>/ilomo-stemmen/``.

The package declares the entry point ``jupyter_serverproxy_servers: ilomo-stemmen``, so with
``pip install jupyter-server-proxy`` in the image, JupyterLab starts the server on the first request to
``/user/<trainer>/ilomo-stemmen/``. The server writes its address and secret to ``~/.ilomo/stemserver.json``,
where the trainer's kernel finds it. Phones need the full public address in the QR code: jupyter-server-proxy
fills in ``{base_url}`` (``/user/<trainer>/``); the host comes from ``ILOMO_STEMMEN_HOST`` or
``JUPYTERHUB_PUBLIC_URL``. See ``book/trainers/`` for the hub's side (who may open that address).
"""

from __future__ import annotations

import os
import sys
from typing import Any

NAME = "ilomo-stemmen"
HOST_ENV = "ILOMO_STEMMEN_HOST"


def public_host() -> str:
    """``https://hub.example.org`` (no path), from ``ILOMO_STEMMEN_HOST`` or ``JUPYTERHUB_PUBLIC_URL``."""
    host = os.environ.get(HOST_ENV) or os.environ.get("JUPYTERHUB_PUBLIC_URL") or ""
    if "://" not in host:
        return ""
    scheme, rest = host.split("://", 1)
    return f"{scheme}://{rest.split('/', 1)[0]}"


def setup_stemmen() -> dict[str, Any]:
    """The jupyter-server-proxy configuration (``{port}`` and ``{base_url}`` are filled in by the proxy)."""
    public = f"{public_host()}{{base_url}}{NAME}/"
    return {
        "command": [sys.executable, "-m", "ilomo.room.phones", "--port", "{port}", "--public-url", public],
        "timeout": 20,
        "absolute_url": False,  # the server sees /stem, not /user/x/ilomo-stemmen/stem; its links are relative
        "new_browser_tab": True,
        "launcher_entry": {"enabled": False},
    }


__all__ = ["NAME", "setup_stemmen"]
