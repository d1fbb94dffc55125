"""The admin's Webhooks menu: subscriptions and the delivery log."""

from wagtail import hooks

from cms.webhooks.views import WebhooksGroup


@hooks.register("register_admin_viewset")
def register_webhooks_viewsets():
    return WebhooksGroup()
