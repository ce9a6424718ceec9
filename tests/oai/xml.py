"""Reading OAI-PMH answers back: parse, check the protocol's namespace and
required elements, and pull out what the tests compare."""

from lxml import etree

OAI = "http://www.openarchives.org/OAI/2.0/"
NS = {
    "o": OAI,
    "dc": "http://purl.org/dc/elements/1.1/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
}


def oai(client, **params):
    """GET /oai/ with `params`; returns the parsed root, checked for the envelope."""
    response = client.get("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    root = etree.fromstring(response.content)
    assert root.tag == f"{{{OAI}}}OAI-PMH"
    assert [child.tag.split("}")[1] for child in root][:2] == ["responseDate", "request"]
    assert root.find("o:request", NS).text.endswith("/oai/")
    return root


def error_code(root):
    error = root.find("o:error", NS)
    return None if error is None else error.get("code")


def identifiers(root):
    return [node.text for node in root.iterfind(".//o:header/o:identifier", NS)]


def token(root):
    node = root.find(".//o:resumptionToken", NS)
    return node
