"""The API's permission rule: DRF's model permissions, anonymous readers read-only."""

from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly


class ModelPermissionsOrAnonReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """DRF's rule, with the model read from the viewset's `model`: DRF calls
    get_queryset() only to learn the model, which built a detail's seven
    visibility-filtered prefetches a second time on every request."""

    def _queryset(self, view):
        model = getattr(view, "model", None)
        if model is None:
            return super()._queryset(view)
        return model._default_manager.none()
