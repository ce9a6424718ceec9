"""Every OAI-PMH error code, each from what a harvester might send: an
answer with status 200 and <error code>, never a 5xx."""

import pytest
from django.core import signing

from catalogue.models import Status
from catalogue.oai.tokens import SALT
from tests import factories

from .xml import error_code, oai

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "params",
    [{}, {"verb": "Harvest"}, {"verb": ["Identify", "Identify"]}, {"verb": ""}],
    ids=["missing", "unknown", "repeated", "empty"],
)
def test_a_missing_unknown_or_repeated_verb_is_bad_verb(client, params):
    root = oai(client, **params)
    assert error_code(root) == "badVerb"
    assert root.find("{http://www.openarchives.org/OAI/2.0/}request").attrib == {}


@pytest.mark.parametrize(
    "params",
    [
        {"verb": "Identify", "extra": "1"},
        {"verb": "ListRecords"},
        {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-02-30"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2026-01-01T10:00:00"},
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2026-01-01",
            "until": "2026-01-02T00:00:00Z",
        },
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2026-01-02",
            "until": "2026-01-01",
        },
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "type:nothing"},
        {"verb": "ListIdentifiers", "resumptionToken": "x", "metadataPrefix": "oai_dc"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
        {"verb": "GetRecord", "identifier": "oai:x:document/doc-1"},
        {"verb": "ListMetadataFormats", "metadataPrefix": "oai_dc"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:x:document/a\x00"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "collection:\x00"},
    ],
    ids=[
        "illegal",
        "missing-prefix",
        "repeated-prefix",
        "bad-date",
        "impossible-date",
        "date-without-zone",
        "granularity-mismatch",
        "from-after-until",
        "unknown-set",
        "token-not-exclusive",
        "getrecord-no-identifier",
        "getrecord-no-prefix",
        "formats-illegal-argument",
        "nul-identifier",
        "nul-set",
    ],
)
def test_bad_arguments_are_bad_argument_and_not_echoed(client, params):
    factories.make_document(status=Status.PUBLISHED)
    root = oai(client, **params)
    assert error_code(root) == "badArgument"
    assert root.find("{http://www.openarchives.org/OAI/2.0/}request").attrib == {}


def test_post_is_answered_as_get(client):
    factories.make_document(status=Status.PUBLISHED)
    response = client.post("/oai/", {"verb": "Identify", "bogus": "1"})
    assert response.status_code == 200 and b'code="badArgument"' in response.content
    response = client.post("/oai/", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    assert b"<header>" in response.content


@pytest.mark.parametrize(
    "bad", ["garbled!!", "eyJhIjoxfQ:1abc:xyz", ""], ids=["garbled", "forged", "empty"]
)
def test_a_garbled_or_forged_token_is_bad_resumption_token(client, bad):
    assert error_code(oai(client, verb="ListRecords", resumptionToken=bad)) == "badResumptionToken"


def test_a_tampered_token_is_bad_resumption_token(client):
    for _ in range(4):
        factories.make_document(status=Status.PUBLISHED)
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = root.find(".//{http://www.openarchives.org/OAI/2.0/}resumptionToken").text
    payload, rest = token.split(":", 1)
    tampered = payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB") + ":" + rest
    assert error_code(oai(client, verb="ListIdentifiers", resumptionToken=tampered)) == (
        "badResumptionToken"
    )
    # A token whose content was re-signed with another key is refused too.
    forged = signing.dumps({"a": 0}, salt=SALT, key="not-the-key")
    assert error_code(oai(client, verb="ListIdentifiers", resumptionToken=forged)) == (
        "badResumptionToken"
    )


def test_an_expired_token_is_bad_resumption_token(client, settings):
    for _ in range(4):
        factories.make_document(status=Status.PUBLISHED)
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = root.find(".//{http://www.openarchives.org/OAI/2.0/}resumptionToken").text
    settings.OAI_TOKEN_SECONDS = -1  # every token issued is now past its lifetime
    root = oai(client, verb="ListIdentifiers", resumptionToken=token)
    assert error_code(root) == "badResumptionToken"
    assert "expired" in root.find("{http://www.openarchives.org/OAI/2.0/}error").text


def test_an_unknown_prefix_cannot_be_disseminated(client):
    document = factories.make_document(status=Status.PUBLISHED)
    assert error_code(oai(client, verb="ListRecords", metadataPrefix="marc21")) == (
        "cannotDisseminateFormat"
    )
    identifier = f"oai:catalogue.example.org:document/{document.identifier}"
    # EAC-CPF describes people and organisations, not documents.
    root = oai(client, verb="GetRecord", identifier=identifier, metadataPrefix="eac-cpf")
    assert error_code(root) == "cannotDisseminateFormat"


@pytest.mark.parametrize(
    "identifier",
    [
        "oai:catalogue.example.org:document/doc-nothere",
        "oai:another.example.org:document/{ident}",
        "oai:catalogue.example.org:citation/{ident}",
        "{ident}",
        "oai:catalogue.example.org:document/<&]]>\x01",
    ],
    ids=["unknown", "other-repository", "type-not-harvested", "bare", "hostile"],
)
def test_an_unknown_identifier_does_not_exist(client, identifier):
    document = factories.make_document(status=Status.PUBLISHED)
    identifier = identifier.replace("{ident}", document.identifier)
    for verb, extra in (("GetRecord", {"metadataPrefix": "oai_dc"}), ("ListMetadataFormats", {})):
        assert error_code(oai(client, verb=verb, identifier=identifier, **extra)) == (
            "idDoesNotExist"
        )


def test_a_draft_is_not_an_identifier_either(client):
    draft = factories.make_document(status=Status.DRAFT)
    identifier = f"oai:catalogue.example.org:document/{draft.identifier}"
    root = oai(client, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    assert error_code(root) == "idDoesNotExist"


def test_an_empty_selection_is_no_records_match(client):
    factories.make_document(status=Status.PUBLISHED)
    for params in (
        {"from": "2999-01-01"},
        {"until": "1999-01-01"},
        {"set": "type:article"},
    ):
        root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **params)
        assert error_code(root) == "noRecordsMatch"


def test_sets_are_listed_so_no_set_hierarchy_never_applies(client):
    root = oai(client, verb="ListSets")
    assert error_code(root) is None
    specs = [n.text for n in root.iter("{http://www.openarchives.org/OAI/2.0/}setSpec")]
    assert "type:document" in specs and "type:person" in specs
    assert error_code(oai(client, verb="ListSets", resumptionToken="x")) == "badResumptionToken"


def test_other_methods_are_refused_without_a_server_error(client):
    assert client.put("/oai/").status_code == 405
