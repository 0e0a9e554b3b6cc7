"""`python -m ilomo.sphinxext.minified [esbuild]`: write the minified copies (see the package)."""

from ilomo.sphinxext.minified import main

raise SystemExit(main())
