"""No server-side request forgery through webhooks.

A subscription made in the admin may not point at the machine itself or at
the private network it sits in: its URL is checked when it is saved (every
address its host resolves to must be public) and again at delivery, on the
address actually connected to, so a name that resolves differently later
(DNS rebinding) is refused too. ``WEBHOOKS_ALLOW_PRIVATE_URLS`` switches the
check off (development and tests, where receivers run on 127.0.0.1).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext


class AddressRefused(Exception):
    """A webhook URL resolves to an address webhooks may not reach."""


def private_allowed() -> bool:
    return bool(getattr(settings, "WEBHOOKS_ALLOW_PRIVATE_URLS", False))


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_address(address: str, host: str = "") -> None:
    """Refuse ``address`` (a connected peer or a resolved address) unless public."""
    if not is_public(address):
        shown = f"{host} ({address})" if host and host != address else address
        raise AddressRefused(
            gettext(
                "%(address)s is a private, loopback or link-local address: "
                "webhooks may not call internal services "
                "(WEBHOOKS_ALLOW_PRIVATE_URLS allows it)."
            )
            % {"address": shown}
        )


def check_url(url: str) -> None:
    """Refuse a URL whose scheme is not HTTP(S) or whose host resolves to a
    private address (unless allowed). Raises ``AddressRefused`` with a
    message fit for the editor."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddressRefused(gettext("Enter an http:// or https:// URL."))
    if private_allowed():
        return
    host = parts.hostname
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise AddressRefused(
            gettext("The host name %(host)s could not be resolved.") % {"host": host}
        ) from error
    for info in infos:
        check_address(info[4][0], host)
