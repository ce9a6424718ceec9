"""The OAI-PMH 2.0 data provider at /oai/: verbs (verbs.py), resumption
tokens (tokens.py), metadata formats (formats.py) over the exports of
catalogue/exports, and the harvest entries that remember deletions
(tracking.py, models/harvest.py)."""
