"""Every write to the catalogue goes through a function in this package.

records: save, delete and publish one record (the version check lives here).
ingest: new source texts -> draft records.  fixtures: the seed build.
Callers (admin, API, commands) import the module they need; none writes models
directly.
"""
