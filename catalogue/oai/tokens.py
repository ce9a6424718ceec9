"""Resumption tokens: the harvest's arguments and the keyset position (the
last harvest entry sent), signed so that a garbled or altered token is
refused, and timed so that an old one expires. Nothing is stored on the
server: any app server answers any page."""

import datetime

from django.conf import settings
from django.core import signing
from django.utils import timezone

SALT = "catalogue.oai.resumption"
# Every key a token carries, and the type of its value (a token is also checked
# after its signature, so a token made by an older release fails cleanly).
FIELDS = {"m": str, "s": str, "f": str, "u": str, "a": int, "c": int, "n": int}


class BadToken(Exception):
    """The token cannot be used; the message says why, for the harvester."""


def lifetime():
    return datetime.timedelta(seconds=settings.OAI_TOKEN_SECONDS)


def token_make(*, prefix, set_spec, from_, until, after, cursor, complete):
    """A token resuming the list after harvest entry `after`; returns (token, expiry)."""
    payload = {
        "m": prefix,
        "s": set_spec,
        "f": from_,
        "u": until,
        "a": after,
        "c": cursor,
        "n": complete,
    }
    return signing.dumps(payload, salt=SALT, compress=True), timezone.now() + lifetime()


def token_read(token):
    """The payload of `token`, or BadToken (garbled, altered, expired)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=lifetime())
    except signing.SignatureExpired:
        raise BadToken("The resumptionToken has expired: start the list again.") from None
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        raise BadToken("The resumptionToken is not one this repository issued.") from None
    if not isinstance(payload, dict) or set(payload) != set(FIELDS):
        raise BadToken("The resumptionToken is not one this repository issued.")
    for key, kind in FIELDS.items():
        if not isinstance(payload[key], kind) or isinstance(payload[key], bool):
            raise BadToken("The resumptionToken is not one this repository issued.")
    return payload
