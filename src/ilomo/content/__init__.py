"""Content checks: the rules the book's content keeps, in one package.

- ``modules``: read module notebooks and check them against the module standard (``book/auteurs.md``), plus the
  central source list ``ilomo/data/bronnen.yml`` (``sources``, ``check_sources``);
- ``language``: the clear-language (begrijpelijke taal) report over the built pages.

Scenario files have their own validator (``ilomo.scenario``). Authors run the checks with ``ilomo check`` and
``ilomo validate``; the tests run them on every build.
"""
