"""Every write to the catalogue goes through a function in this package.

records: create, change, delete, publish one record; `check_version`, the one
version check (admin form, API, import) under a row lock.  links: the same
for link rows (citations, mentions, statements, parties, relations, excerpts).
ingest: new source texts -> draft records.  fixtures: the seed build.
seed: loading the built seed into the catalogue.
Callers (admin, API, commands) import the module they need; none writes models
directly.
"""
