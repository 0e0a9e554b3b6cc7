"""The extension's config values (``sphinx: config:`` in ``_config.yml``), registered with ``app.add_config_value``.

=========================  ==============  ==========================================================================
name                       default         meaning
=========================  ==============  ==========================================================================
``ilomo_notebooks``        ``notebooks``   folder of the module notebooks, relative to the book's root
``ilomo_scenarios``        ``scenarios``   folder of the scenario files, relative to the book's root
``ilomo_repository_url``   ``""``          repository for the launch buttons; empty: Jupyter Book's ``repository``
``ilomo_repository_branch`` ``""``         its branch; empty: Jupyter Book's ``repository.branch``
``ilomo_jupyterhub_url``   ``""``          the hub of the JupyterHub launch button; empty: ``launch_buttons``
=========================  ==============  ==========================================================================

The three publishing values take their default from ``ILOMO_REPOSITORY``, ``ILOMO_BRANCH`` and
``ILOMO_JUPYTERHUB_URL``: Jupyter Book has no command-line option for a single config value, and the publish
workflow sets the repository of the fork it runs in without editing a file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

ENV_DEFAULTS = {
    "ilomo_repository_url": "ILOMO_REPOSITORY",
    "ilomo_repository_branch": "ILOMO_BRANCH",
    "ilomo_jupyterhub_url": "ILOMO_JUPYTERHUB_URL",
}


def setup(app: Sphinx) -> dict[str, Any]:
    """Each part of the extension that reads these values loads this first (``app.setup_extension``, once)."""
    app.add_config_value("ilomo_notebooks", "notebooks", "env", types=[str])
    app.add_config_value("ilomo_scenarios", "scenarios", "env", types=[str])
    for name, variable in ENV_DEFAULTS.items():
        app.add_config_value(name, os.environ.get(variable, "").strip(), "html", types=[str])
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def notebooks_dir(env: BuildEnvironment) -> Path:
    return Path(env.srcdir, env.config.ilomo_notebooks)


def scenarios_dir(env: BuildEnvironment) -> Path:
    return Path(env.srcdir, env.config.ilomo_scenarios)
