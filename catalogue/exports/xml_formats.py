"""The XML exports one table: which records each applies to, how to build
it and how to read what it needs. Pages (downloads), the API (renderers)
and OAI-PMH (metadata formats) all read it."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .dublin_core import OAI_DC, OAI_DC_SCHEMA, dublin_core
from .eac_cpf import EAC, EAC_SCHEMA, eac_cpf, for_eac
from .ead3 import EAD, EAD_SCHEMA, ead3


@dataclass(frozen=True)
class XMLFormat:
    name: str  # the download's and the API's ?format= name
    oai_prefix: str  # the OAI-PMH metadataPrefix
    label: str
    namespace: str
    schema: str
    models: tuple[str, ...] | None  # model names; None: every record type
    build: Callable[..., Any]  # (record, url) -> lxml element
    prepare: Callable[..., Any] = staticmethod(lambda queryset, user: queryset)  # type: ignore[assignment]
    media_type: str = "application/xml"

    def applies_to(self, model_name):
        return self.models is None or model_name in self.models


def _ead3_unit(record, url):
    return ead3(record, url, components=False)


XML_FORMATS = (
    XMLFormat("dc", "oai_dc", "Dublin Core", OAI_DC, OAI_DC_SCHEMA, None, dublin_core),
    XMLFormat(
        "eac-cpf",
        "eac-cpf",
        "EAC-CPF",
        EAC,
        EAC_SCHEMA,
        ("person", "organisation", "repository"),
        eac_cpf,
        for_eac,
        "application/vnd.eac-cpf+xml",
    ),
    XMLFormat(
        "ead3",
        "ead3",
        "EAD3",
        EAD,
        EAD_SCHEMA,
        ("collection",),
        ead3,
        media_type="application/vnd.ead3+xml",
    ),
)
BY_NAME = {f.name: f for f in XML_FORMATS}
BY_OAI_PREFIX = {f.oai_prefix: f for f in XML_FORMATS}

# OAI-PMH harvests each unit as its own record: a collection's ead3 there is the unit alone.
OAI_BUILD = {"ead3": _ead3_unit}


def formats_for(model_name):
    """The XML formats a record of this model can be exported in, in table order."""
    return [f for f in XML_FORMATS if f.applies_to(model_name)]
