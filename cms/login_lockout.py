"""Lock-out of repeated failed logins (django-axes), and its admin listing.

After ``LOGIN_FAILURE_LIMIT`` failed logins for one account from one client
address, that account is refused from that address for
``LOGIN_COOLOFF_MINUTES``, whatever the password: the Wagtail admin's login,
``/django-admin/`` and every other ``authenticate()`` call go through
``axes.backends.AxesStandaloneBackend``. The lock-out answers 429 with the
page ``cms/login_locked_out.html``.

The client address is the one the GraphQL rate limiter counts
(``rate_limit_subject``: the address behind ``GRAPHQL_TRUSTED_PROXIES``
proxies, an IPv6 client's /64), so forged ``X-Forwarded-For`` entries do
not give an attacker fresh addresses here either.

Superusers see the current lock-outs and counts in the Wagtail admin
(Settings > Login lock-outs) and can delete a row to lift it; the
``axes_reset*`` management commands do the same from a shell.
"""

from __future__ import annotations

import ipaddress

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from cms.ratelimit import rate_limit_subject


def client_address(request: HttpRequest) -> str | None:
    """The address a login is counted against (``AXES_CLIENT_IP_CALLABLE``).

    axes stores it in an IP address column, so an IPv6 client's /64 is
    written as the network's first address (``2001:db8:5:6::``), and a
    request without a usable address (one made in code, like the test
    client's ``force_login``) has none.
    """
    subject = rate_limit_subject(request)
    try:
        return str(ipaddress.ip_network(subject, strict=False).network_address)
    except ValueError:
        return None


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """The answer to a login refused by the lock-out (``AXES_LOCKOUT_CALLABLE``):
    429 with a page in our words and a Retry-After of the cool-off."""
    cooloff = settings.AXES_COOLOFF_TIME
    minutes = int(cooloff.total_seconds() // 60) if cooloff else None
    response = render(
        request,
        "cms/login_locked_out.html",
        {"cooloff_minutes": minutes, "login_url": reverse("wagtailadmin_login")},
        status=429,
    )
    if cooloff:
        response["Retry-After"] = str(int(cooloff.total_seconds()))
    return response


class SuperuserOnlyPolicy(BasePermissionPolicy):
    """Active superusers may view and delete the records; nobody may add or
    edit them (axes writes them)."""

    allowed_actions = frozenset({"view", "delete"})

    def user_has_permission(self, user, action):
        return (
            action in self.allowed_actions
            and user.is_authenticated
            and user.is_active
            and user.is_superuser
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        if not self.allowed_actions.intersection(actions):
            return users.none()
        return users


class FailuresColumn(Column):
    """The failure count, and whether it has reached the lock-out."""

    def get_value(self, instance):
        count = instance.failures_since_start
        if count >= settings.AXES_FAILURE_LIMIT:
            return _("%(count)s (locked out)") % {"count": count}
        return str(count)


class LoginLockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Login lock-outs")
    name = "login_lockouts"
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    exclude_form_fields = []
    list_display = [
        Column("username", label=_("Account")),
        Column("ip_address", label=_("Address")),
        FailuresColumn("failures_since_start", label=_("Failed logins")),
        DateColumn("attempt_time", label=_("Last failure")),
    ]
    search_fields = ["username", "ip_address"]
    inspect_view_fields = [
        "username",
        "ip_address",
        "failures_since_start",
        "attempt_time",
        "path_info",
        "user_agent",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_title=self.menu_label, **kwargs)

    @property
    def permission_policy(self):
        return SuperuserOnlyPolicy(self.model)


login_lockout_viewset = LoginLockoutViewSet()
