"""Where the catalogue's facts come from: the accepted claims behind a document's
date, place and agents (footnote-style markers on its page), and the passages of
an article those claims were read from (anchors on the article's page)."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from catalogue.models import Claim, links

# The fields a marker needs; the article's texts are never loaded for it.
MARKER_FIELDS = (
    "document_id",
    "kind",
    "value",
    "value_label",
    "evidence",
    "evidence_start",
    "evidence_end",
    "article__slug",
    "article__title",
    "article__status",
)


def evidence_prefetch(user):
    """A prefetch of a document's accepted claims `user` may see (one query for the page)."""
    queryset = (
        links(Claim, user)
        .accepted()
        .select_related("article")
        .only(*MARKER_FIELDS)
        .order_by("article__title", "evidence_start", "pk")
    )
    return Prefetch("claims", queryset=queryset, to_attr="accepted_claims")


def evidence_anchor(claim):
    """The id of the passage on the article page: one per sentence or reference."""
    return f"evidence-{claim.evidence_start}-{claim.evidence_end}"


@dataclass
class Marker:
    number: int
    url: str
    evidence: str
    article: object


@dataclass
class DocumentEvidence:
    date: list = field(default_factory=list)
    place: list = field(default_factory=list)
    agents: dict = field(default_factory=dict)  # (role, agent identifier) -> [Marker]


def document_evidence(document):
    """Markers for the document's date, place and agents, numbered in page order,
    one number per source passage (several facts from one sentence share it).
    Needs `evidence_prefetch` on the document."""
    numbers, result = {}, DocumentEvidence()

    def marker(claim):
        key = (claim.article_id, claim.evidence_start, claim.evidence_end)
        number = numbers.setdefault(key, len(numbers) + 1)
        url = f"{claim.article.get_absolute_url()}#{evidence_anchor(claim)}"
        return Marker(number, url, claim.evidence, claim.article)

    claims = getattr(document, "accepted_claims", [])
    order = {"date": 0, "place": 1}
    for claim in sorted(claims, key=lambda c: order.get(c.kind, 2)):
        # A less precise date that agrees ("1956-10" for "1956-10-19") is evidence too.
        if claim.kind == "date" and document.date_edtf.startswith(claim.value):
            result.date.append(marker(claim))
        elif claim.kind == "place" and document.place and claim.value == document.place.identifier:
            result.place.append(marker(claim))
        elif claim.kind in ("party", "signatory", "author", "publisher"):
            result.agents.setdefault((claim.kind, claim.value), []).append(marker(claim))
    return result


def agents_with_evidence(agents, evidence):
    """[(agent, [Marker])] for the page's list of people and organisations."""
    return [
        (agent, evidence.agents.get((agent.role, agent.agent.identifier), [])) for agent in agents
    ]


@dataclass
class Passage:
    anchor: str
    before: str
    marked: str  # the words of the first claim's value, highlighted
    after: str
    claims: list


def article_passages(article, user):
    """The passages of `article`'s source text that accepted claims (visible to
    `user`) were read from, in text order, each with its claims."""
    claims = (
        links(Claim, user)
        .accepted()
        .filter(article=article)
        .select_related("document", "person", "organisation", "place")
        .order_by("evidence_start", "start", "pk")
    )
    source, passages = article.source_text or "", {}
    for claim in claims:
        anchor = evidence_anchor(claim)
        if anchor not in passages:
            start, end = claim.evidence_start, claim.evidence_end
            words_start, words_end = max(claim.start, start), min(claim.end, end)
            if words_end - words_start >= end - start:
                words_start = words_end = start  # the whole passage: nothing to pick out
            passages[anchor] = Passage(
                anchor,
                source[start:words_start],
                source[words_start:words_end],
                source[words_end:end],
                [],
            )
        passages[anchor].claims.append(claim)
    return list(passages.values())
