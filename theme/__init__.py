"""The Briefing theme for MkDocs (`theme: name: briefing`), registered through the
`mkdocs.themes` entry point; MkDocs reads the templates beside this file."""
