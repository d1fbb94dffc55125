"""Which language each request is answered in.

Django's ``LocaleMiddleware`` answers every unprefixed path in the default
language once ``i18n_patterns(prefix_default_language=False)`` routes the page
URLs: right for ``/causes/...`` (English by its URL), wrong for the Wagtail
admin, whose users expect their browser's language. Here the language comes
from:

- the URL for page URLs (``/de/...``, and no prefix for the default language);
- nothing but the default language for language-neutral views (the GraphQL
  API: its content language is chosen by ``locale`` arguments alone, and its
  cached answers are shared by every client whatever it accepts);
- the browser for everything else (the admin, its login page, the preview
  page): the language cookie, then ``Accept-Language``. Wagtail then applies a
  user's preferred admin language, when set, to every admin view.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import LocalePrefixPattern, Resolver404, get_resolver
from django.utils import translation
from django.utils.cache import patch_vary_headers

#: What decided the language of a request (kept on the request).
FROM_URL, NEUTRAL, FROM_BROWSER = "url", "neutral", "browser"


def language_neutral(view: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a view whose answer must not depend on the browser's language."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        return view(*args, **kwargs)

    wrapped.language_neutral = True
    return wrapped


def route_of(path: str, urlconf: Any) -> tuple[Any, Any] | None:
    """The top-level URL pattern that serves ``path``, and the view it leads to.

    Resolved as in the default language, where the default language's page
    URLs (unprefixed) belong to the ``i18n_patterns`` block too.
    """
    resolver = get_resolver(urlconf)
    match = resolver.pattern.match(path)
    if not match:
        return None
    rest = match[0]
    with translation.override(settings.LANGUAGE_CODE):
        for pattern in resolver.url_patterns:
            try:
                sub_match = pattern.resolve(rest)
            except Resolver404:
                continue
            if sub_match:
                return pattern, sub_match.func
    return None


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's ``LocaleMiddleware``, with the browser's language outside page
    URLs and none at all for language-neutral views."""

    def process_request(self, request: Any) -> None:
        source, language = self.language_of(request)
        request.language_source = source
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def language_of(self, request: Any) -> tuple[str, str]:
        path = request.path_info
        if language := translation.get_language_from_path(path):
            return FROM_URL, language
        route = route_of(path, getattr(request, "urlconf", settings.ROOT_URLCONF))
        if route is None:
            return FROM_URL, settings.LANGUAGE_CODE
        pattern, view = route
        if getattr(view, "language_neutral", False):
            return NEUTRAL, settings.LANGUAGE_CODE
        if isinstance(getattr(pattern, "pattern", None), LocalePrefixPattern):
            return FROM_URL, settings.LANGUAGE_CODE
        return FROM_BROWSER, translation.get_language_from_request(
            request, check_path=False
        )

    def process_response(self, request: Any, response: Any) -> Any:
        source = getattr(request, "language_source", FROM_BROWSER)
        if source == FROM_BROWSER:
            patch_vary_headers(response, ("Accept-Language",))
        if source != NEUTRAL:
            response.headers.setdefault("Content-Language", translation.get_language())
        return response
