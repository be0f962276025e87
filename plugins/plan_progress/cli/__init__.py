"""Commands for the people who keep the site current: ``scripts/validate``, ``scripts/set-status``,
``scripts/new-action`` and ``scripts/preview``.

Each command reads content through the module the build reads it with (``reading.py``, via
``common.open_project``), so the rules are the build's rules: there is no second copy of the
schema or of the checks here, and no command imports the plugin or runs its events.
"""
