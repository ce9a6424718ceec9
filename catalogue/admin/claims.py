"""Reviewing what ingest proposed: per article, its text with every claim and
candidate name highlighted, and a form to accept, edit or reject each one (or
many at once). Archivists (change_claim) decide; publishing stays an Editor's
step on the records themselves. Every decision is kept in the claim's history."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from catalogue.models import Article, Candidate, Claim, Decision
from catalogue.models.claims import RECORD_FIELDS
from catalogue.services import records as record_services
from catalogue.services.candidates import candidate_accept, candidate_reject
from catalogue.services.claims import REVIEW_PERMISSION, ClaimError, claims_decide

from .mixins import CatalogueAdmin

DECISION_ERRORS = (ClaimError, record_services.StaleVersionError)


def marked_text(text, claims, candidates):
    """The text cut into pieces [(words, [claim ids], is candidate, [anchor ids])], so the
    template can highlight every claim's words (overlaps included) without nesting."""
    spans = [(c.start, c.end, c.pk, False) for c in claims if c.end > c.start]
    spans += [(s, e, f"candidate-{c.pk}", True) for c in candidates for s, e in c.spans if e > s]
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    pieces, anchored = [], set()
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [span for span in spans if span[0] <= start and end <= span[1]]
        anchors = [str(s[2]) for s in covering if s[2] not in anchored]
        anchored.update(s[2] for s in covering)
        pieces.append(
            (
                text[start:end],
                [s[2] for s in covering if not s[3]],
                any(s[3] for s in covering),
                anchors,
            )
        )
    return pieces


class ClaimReviewMixin:
    """Adds the review screen to the article admin (admin/catalogue/article/<id>/review/)."""

    def get_urls(self):
        review = path(
            "<path:object_id>/review/",
            self.admin_site.admin_view(self.review_view),
            name="catalogue_article_review",
        )
        return [review, *super().get_urls()]

    @admin.display(description="claims to review")
    def review_link(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        proposed = obj.claims.filter(state=Decision.PROPOSED).count()
        names = obj.candidates.filter(state=Decision.PROPOSED).count()
        url = reverse("admin:catalogue_article_review", args=[obj.pk])
        return format_html(
            '<a href="{}">Review {} proposed claim(s) and {} new name(s)</a>', url, proposed, names
        )

    def review_view(self, request, object_id):
        if not request.user.has_perm("catalogue.view_claim"):
            raise PermissionDenied
        article = get_object_or_404(Article, pk=object_id)
        if request.method == "POST":
            if not request.user.has_perm(REVIEW_PERMISSION):
                raise PermissionDenied
            self._review_post(request, article)
            return HttpResponseRedirect(request.path)
        claims = list(
            article.claims.select_related(*RECORD_FIELDS, "candidate", "decided_by").order_by(
                "start", "pk"
            )
        )
        candidates = list(article.candidates.select_related("decided_by").order_by("name"))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Review what \u201c{article}\u201d states",
            "opts": self.model._meta,
            "original": article,
            "article": article,
            "claims": claims,
            "candidates": candidates,
            "pieces": marked_text(article.source_text, claims, candidates),
            "can_decide": request.user.has_perm(REVIEW_PERMISSION),
            "proposed": Decision.PROPOSED,
        }
        return TemplateResponse(request, "admin/catalogue/article/review.html", context)

    def _review_post(self, request, article):
        post = request.POST
        claims = {str(c.pk): c for c in article.claims.select_related("document")}
        if "accept" in post or "reject" in post:
            claim = claims.get(post.get("accept") or post.get("reject"))
            if claim is None:
                messages.error(request, "That claim is not one of this article's.")
                return
            if "accept" in post:
                value = post.get(f"value-{claim.pk}")
                if value is not None and value.strip() != claim.value:
                    claim.value = value.strip()
            self._decide(request, [claim], "accept" in post)
        elif "bulk-accept" in post or "bulk-reject" in post:
            chosen = [claims[pk] for pk in post.getlist("selected") if pk in claims]
            if not chosen:
                messages.warning(request, "No claims were selected.")
                return
            self._decide(request, chosen, "bulk-accept" in post)
        elif "accept-candidate" in post or "reject-candidate" in post:
            pk = post.get("accept-candidate") or post.get("reject-candidate")
            candidate = article.candidates.filter(pk=pk).first()
            if candidate is None:
                messages.error(request, "That name is not one of this article's.")
                return
            self._decide_candidate(request, candidate, "accept-candidate" in post)

    def _decide(self, request, claims, accept):
        state = Decision.ACCEPTED if accept else Decision.REJECTED
        decided, refused = claims_decide(claims=claims, state=state, user=request.user)
        if decided:
            messages.success(request, f"{decided} claim(s) {state}.")
        for claim, reason in refused:
            messages.error(request, f"Not accepted: {claim}: {reason}")

    def _decide_candidate(self, request, candidate, accept):
        try:
            if not accept:
                candidate_reject(candidate=candidate, user=request.user)
                messages.success(request, f"\u201c{candidate.name}\u201d rejected.")
                return
            variant_of = request.POST.get(f"variant-of-{candidate.pk}", "").strip()
            record, added = candidate_accept(
                candidate=candidate, user=request.user, variant_of=variant_of or None
            )
        except DECISION_ERRORS as error:
            messages.error(request, str(error))
            return
        how = "a name variant of" if variant_of else "the new draft record"
        messages.success(
            request,
            f"\u201c{candidate.name}\u201d accepted as {how} {record.identifier}; "
            f"{added} mention(s) linked in the ingested texts.",
        )


@admin.register(Claim)
class ClaimAdmin(CatalogueAdmin):
    list_display = ["__str__", "article", "kind", "state", "negated", "decided_by", "decided_at"]
    list_select_related = ["article", *RECORD_FIELDS, "candidate", "decided_by"]
    list_filter = ["state", "kind", "negated"]
    search_fields = ["value", "value_label", "evidence", "article__title"]
    changelist_defer = ["article__source_text", "article__body", "document__transcription"]
    # A claim's value and wording may be corrected here (kept in its history); what it is
    # about and where it comes from are the text's, and decisions go through the actions.
    readonly_fields = [
        "article",
        *RECORD_FIELDS,
        "candidate",
        "kind",
        "negated",
        "start",
        "end",
        "evidence",
        "evidence_start",
        "evidence_end",
        "state",
        "decided_by",
        "decided_at",
    ]
    actions = ["accept_selected", "reject_selected"]

    def has_add_permission(self, request):
        return False  # claims come from texts; an archivist states a fact on the record itself

    @admin.action(description="Accept the selected claims", permissions=["change"])
    def accept_selected(self, request, queryset):
        self._bulk(request, queryset, Decision.ACCEPTED)

    @admin.action(description="Reject the selected claims", permissions=["change"])
    def reject_selected(self, request, queryset):
        self._bulk(request, queryset, Decision.REJECTED)

    def _bulk(self, request, queryset, state):
        decided, refused = claims_decide(claims=list(queryset), state=state, user=request.user)
        self.message_user(request, f"{decided} claim(s) {state}.")
        for claim, reason in refused:
            self.message_user(request, f"{claim}: {reason}", messages.ERROR)


@admin.register(Candidate)
class CandidateAdmin(CatalogueAdmin):
    list_display = ["name", "kind", "office", "variant_of", "article", "state", "decided_by"]
    list_select_related = ["article", "decided_by"]
    list_filter = ["state", "kind"]
    search_fields = ["name", "office", "variant_of", "article__title"]
    changelist_defer = ["article__source_text", "article__body"]
    readonly_fields = [
        "article",
        "key",
        "spans",
        "state",
        *RECORD_FIELDS,
        "decided_by",
        "decided_at",
    ]
    actions = ["accept_selected", "reject_selected"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Accept the selected names as new drafts", permissions=["change"])
    def accept_selected(self, request, queryset):
        for candidate in queryset.filter(state=Decision.PROPOSED):
            try:
                record, added = candidate_accept(candidate=candidate, user=request.user)
            except DECISION_ERRORS as error:
                self.message_user(request, f"{candidate}: {error}", messages.ERROR)
            else:
                self.message_user(
                    request, f"{candidate.name}: {record.identifier}, {added} mention(s) linked."
                )

    @admin.action(description="Reject the selected names", permissions=["change"])
    def reject_selected(self, request, queryset):
        for candidate in queryset.filter(state=Decision.PROPOSED):
            candidate_reject(candidate=candidate, user=request.user)
        self.message_user(request, "Rejected.")
