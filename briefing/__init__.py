"""Briefing: a static-site briefing generator. The core pipeline is
load → validate → link → render; `plugin` and `cli` are thin adapters over it."""
