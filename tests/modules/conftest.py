"""The fixture notebooks are broken on purpose: never collect them (for example under `pytest --nbval-lax`)."""

collect_ignore_glob = ["fixtures/*.ipynb"]
