"""The JSON Schemas of the annotation files, shipped in the package as briefing.schemas.

`briefing init` and `briefing schema` write them into a project (where the files'
`# yaml-language-server: $schema=` lines point); the tests keep them current."""
