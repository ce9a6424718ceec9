"""Errors as JSON with a message per field, never a 500 for something the client sent."""

import logging

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.db.models import ProtectedError, RestrictedError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from catalogue.services.records import StaleVersionError

logger = logging.getLogger(__name__)


def exception_handler(exc, context):
    if isinstance(exc, StaleVersionError):
        # The version check under the row lock lost a race the header check won.
        return Response({"detail": str(exc)}, status=status.HTTP_412_PRECONDITION_FAILED)
    if isinstance(exc, (ProtectedError, RestrictedError)):
        names = sorted({str(obj) for obj in exc.protected_objects if obj is not None})[:5]
        return Response(
            {"detail": "Other records still link to this one: " + "; ".join(names)},
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, IntegrityError):
        # Kept in the log: a conflict the serializers did not foresee is worth a look.
        logger.warning("API write refused by the database: %s", exc)
        return Response(
            {"detail": "This change conflicts with other records and was not saved."},
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, DataError):
        logger.warning("API write refused by the database: %s", exc)
        return Response(
            {"detail": "A value is out of the range the catalogue can store."},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, DjangoValidationError):
        body = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
