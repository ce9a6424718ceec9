"""Public bulk downloads: dated, checksummed snapshots of the published catalogue."""
