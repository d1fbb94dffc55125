"""Turns a refused publication into a clear answer in the admin."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.html import format_html

from content.editorial.review import ReviewOverdue


class ReviewOverdueMiddleware:
    """Approving a page whose review is overdue is refused with the reason.

    The approval ran in a transaction that the refusal rolled back, so the
    task stays in review. The admin's approve dialog (an XMLHttpRequest) shows
    the message as its next step; a plain form post is sent back to the page
    editor with the message shown.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not isinstance(exception, ReviewOverdue):
            return None
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's workflow dialog shows only successful answers (any
            # other status becomes a generic error), so the refusal comes back
            # as the dialog's next step, with the reason in it.
            html = format_html(
                '<div class="help-block help-critical" role="alert"><p>{}</p></div>',
                str(exception),
            )
            return JsonResponse(
                {"step": "action", "html": html, "error": str(exception)}
            )
        messages.error(request, str(exception))
        if exception.page_id is not None:
            return redirect("wagtailadmin_pages:edit", exception.page_id)
        return redirect("wagtailadmin_home")
