"""The project's own preview page, used when no frontend is configured.

With a frontend (``FRONTEND_URL``) the address redirects to the frontend's
preview route with the same query, so a preview link always shows the draft
through the components readers see. Without one, it is a stand-in frontend:
the page loads the draft with the same GraphQL query, over the same endpoint,
that a frontend would send with the token it receives, and renders the result
with a few lines of JavaScript.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from content import frontend

PREVIEW_QUERY = """
fragment Body on StreamFieldInterface {
  blockType
  ... on RichTextBlock { value }
  ... on HeadingBlock { text level }
  ... on BulletListBlock { items }
  ... on CalloutBlock { kind title message }
  ... on TreatmentBlock { title description }
  ... on QuoteBlock { text attribution }
  ... on FAQBlock { question answer }
  ... on PageLinkBlock { linkText page { title url } }
  ... on ReferenceBlock { authors title }
}
fragment Review on MedicalReview {
  reviewedBy credentials lastReviewed nextReviewDue isOverdue
}
fragment Reference on Reference {
  number authors title publisher year doi pubmedId url
}
query Preview($token: String!, $locale: String) {
  page(token: $token, locale: $locale) {
    __typename
    title
    locale
    ... on CauseIndexPage {
      intro body { ...Body } medicalReview { ...Review }
      references { ...Reference }
    }
    ... on CauseCategoryPage {
      summary body { ...Body } medicalReview { ...Review }
      references { ...Reference }
    }
    ... on CausePage {
      summary body { ...Body } medicalReview { ...Review }
      references { ...Reference }
    }
  }
}
""".strip()


@require_GET
@xframe_options_sameorigin
def preview(request: HttpRequest) -> HttpResponse:
    if frontend.preview_route():
        query = request.GET.urlencode()
        response = HttpResponseRedirect(
            frontend.preview_route() + (f"?{query}" if query else "")
        )
        return private(response)
    response = render(
        request,
        "content/preview.html",
        {
            "query": PREVIEW_QUERY,
            "variables": {
                "token": request.GET.get("token", ""),
                "locale": request.GET.get("locale") or None,
            },
        },
    )
    return private(response)


def private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    # The token is in the address: keep it out of Referer headers.
    response["Referrer-Policy"] = "no-referrer"
    return response
