"""Votes from participants' own phones, self-hosted: a small tornado server beside Voilà or JupyterLab.

- ``server``: the HTTP server (phone pages, trainer API), run as ``python -m ilomo.room.phones``;
- ``state``: the join code, the open question and the votes (anonymous tokens, memory only);
- ``pages`` and ``static/``: the phone pages (no inline script or style, strict CSP);
- ``link``: the trainer's side in the kernel (find or start the server, open and close a vote, follow counts);
- ``panel``: the phone controls under a room tally (QR code made locally with segno, address, code);
- ``proxy``: the jupyter-server-proxy entry point for JupyterHub.
"""
