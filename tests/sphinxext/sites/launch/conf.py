extensions = ["myst_parser", "ilomo.sphinxext"]
ilomo_repository_url = "https://github.com/gemeente/ilomo.git"
ilomo_jupyterhub_url = "https://hub.gemeente.nl"
