"""Publish an improvement plan as an accessible MkDocs progress site.

``plan_progress.core`` holds the domain (content model, validation, rendering to
HTML/Markdown fragments, open data) and imports nothing from MkDocs, so it can
outlive any one theme. ``plan_progress.plugin`` is the thin MkDocs adapter.
"""

# The plugin's version: the package metadata reads it from here (pyproject.toml), the build's info
# line says it, and CHANGELOG.md has a section for it. A ".dev0" version is the next release being
# prepared: CHANGELOG.md's "Unreleased" section.
__version__ = "0.3.0.dev0"
