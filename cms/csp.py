"""Content-Security-Policy headers (django-csp), with a policy for the admin.

Every page the project serves itself gets the strict policy of
``CONTENT_SECURITY_POLICY`` (settings/base.py): scripts and styles only from
this origin or inline with the request's nonce (``request.csp_nonce``), no
plugins, no ``<base>``, forms posting only here. The preview page, the
GraphiQL page and the login lock-out page carry the nonce on their inline
code.

Wagtail's admin (``/admin/``, and Django's at ``/django-admin/``) cannot
run under that policy yet: its templates and widgets still write inline
``<script>`` blocks and ``style=""`` attributes without a nonce (for
example the page editor's Draftail and chooser initialisation, the
sidebar's ``style`` attributes, Django admin's inline scripts). So the
admin enforces the same policy with ``'unsafe-inline'`` for scripts and
styles (``admin_directives``) and sends the strict one alongside as
``Content-Security-Policy-Report-Only`` (``strict_admin_directives``): the
browser, and the ``CSP_REPORT_URI`` endpoint when set, reports what would
still break, without blocking it.
Everything else (plugins, ``<base>``, other origins for scripts, frames,
connections and form targets) is enforced in the admin too; the admin may
also load editors' avatars from Gravatar and ask releases.wagtail.org for
the latest version (``ADMIN_SOURCES``).
"""

from __future__ import annotations

from csp.constants import NONCE, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

#: URL prefixes served by Wagtail's or Django's admin.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


#: Other origins the admin loads from: editors' avatars (Wagtail's Gravatar
#: default, ``WAGTAIL_GRAVATAR_PROVIDER_URL``) and Wagtail's check for a new
#: release on the dashboard (``WAGTAIL_ENABLE_UPDATE_CHECK``).
ADMIN_SOURCES = {
    "img-src": ["www.gravatar.com"],
    "connect-src": ["https://releases.wagtail.org"],
}


def _without_nonce(sources):
    return [source for source in sources if source is not NONCE]


def strict_admin_directives(directives: dict) -> dict:
    """The admin's report-only policy: the strict ``directives`` plus
    ``ADMIN_SOURCES``."""
    admin = dict(directives)
    for name, sources in ADMIN_SOURCES.items():
        admin[name] = [*directives.get(name, []), *sources]
    return admin


def admin_directives(directives: dict) -> dict:
    """The enforced admin policy: the strict admin policy with inline scripts
    and styles allowed. The nonce is dropped from those two directives,
    because a browser ignores ``'unsafe-inline'`` next to a nonce."""
    admin = strict_admin_directives(directives)
    for name in ("script-src", "style-src"):
        admin[name] = [*_without_nonce(directives.get(name, [])), UNSAFE_INLINE]
    return admin


def is_admin_path(path: str) -> bool:
    return path.startswith(ADMIN_PREFIXES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's pair of policies under
    ``ADMIN_PREFIXES``: the relaxed one enforced, the strict one reported."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not is_admin_path(request.path_info) or parts.config is not None:
            return parts
        strict = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
        parts.config = (
            strict_admin_directives(strict) if report_only else admin_directives(strict)
        )
        return parts
