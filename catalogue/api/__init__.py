"""The JSON API under /api/: declarative viewsets over the shared querysets,
FilterSets, search entry point, services and exports."""
