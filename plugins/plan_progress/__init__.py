"""Publish an improvement plan as an accessible MkDocs progress site.

``plan_progress.core`` holds the domain (content model, validation, rendering to
HTML/Markdown fragments, open data) and imports nothing from MkDocs, so it can
outlive any one theme. ``plan_progress.plugin`` is the thin MkDocs adapter.
"""
