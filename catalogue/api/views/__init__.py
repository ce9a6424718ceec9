"""Viewsets, one module per record family; `base` holds the shared behaviour."""
