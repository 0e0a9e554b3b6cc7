"""Tools for authors: a new exercise in one command (`new`), a live preview (`preview`) and the map of a
dilemma (`map`). The commands are ``ilomo new`` and ``ilomo preview`` (``ilomo/cli/``)."""
