"""Serializers, one module per record family; `common` holds what they share."""
