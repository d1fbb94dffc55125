"""Turns a refused publication into a clear answer in the admin."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect

from content.review import ReviewOverdue


class ReviewOverdueMiddleware:
    """Approving a page whose review is overdue answers 403 with the reason.

    The approval ran in a transaction that the refusal rolled back, so the
    task stays in review. The admin's modal (an XMLHttpRequest) gets a 403
    with the message; a plain form post is sent back to the page editor with
    the message shown.
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
            return JsonResponse({"error": str(exception)}, status=403)
        messages.error(request, str(exception))
        if exception.page_id is not None:
            return redirect("wagtailadmin_pages:edit", exception.page_id)
        return redirect("wagtailadmin_home")
