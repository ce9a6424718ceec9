"""/oai/: the OAI-PMH 2.0 endpoint, GET and POST (form-encoded). Every answer,
errors included, is an OAI-PMH document with status 200, as the protocol
says; a harvester never sees a 5xx for what it sent."""

from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

from catalogue.exports.xml import serialise, sub

from .protocol import OAIError, e, envelope
from .verbs import VERBS, check_arguments


@csrf_exempt  # harvesters POST without a session; nothing is changed by a request
def oai_endpoint(request):
    if request.method not in ("GET", "POST", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST", "HEAD"])
    query = request.POST if request.method == "POST" else request.GET
    base_url = request.build_absolute_uri(request.path)
    verbs = query.getlist("verb")
    verb = verbs[0] if len(verbs) == 1 else None
    root = None
    try:
        if verb not in VERBS:
            raise OAIError("badVerb", _bad_verb_message(verbs))
        args = check_arguments(verb, query)
        root = envelope(request, base_url, {"verb": verb, **args})
        VERBS[verb][0](request, root, args)
    except OAIError as error:
        # Arguments that were not valid are not echoed (the protocol's rule for
        # badVerb and badArgument); others are, as the request stated them.
        echoed = {} if error.code in ("badVerb", "badArgument") else _echo(verb, query)
        root = envelope(request, base_url, echoed)
        sub(root, e("error"), error.message, code=error.code)
    response = HttpResponse(serialise(root), content_type="text/xml; charset=utf-8")
    return response


def _bad_verb_message(verbs):
    if not verbs:
        return "The verb argument is missing."
    if len(verbs) > 1:
        return "The verb argument is given more than once."
    return f"{verbs[0]!r} is not an OAI-PMH verb."


def _echo(verb, query):
    return {"verb": verb, **{name: value for name, value in query.items() if name != "verb"}}
