extensions = ["myst_parser", "ilomo.sphinxext"]
