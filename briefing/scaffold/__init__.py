"""Files `briefing init` writes: project/ always, example/ unless `--bare`. Names starting
with `dot-` are written with a leading dot (a wheel would drop a dotted folder)."""
