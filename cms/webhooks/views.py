"""The admin's webhooks: subscriptions (secret shown once, rotation) and the
delivery log (every attempt, *Resend*)."""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from cms.webhooks.addresses import AddressRefused, check_url
from cms.webhooks.delivery import resend
from cms.webhooks.models import EVENT_TYPES, Delivery, Subscription


class SubscriptionForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=Subscription._meta.get_field("url").help_text,
    )
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=EVENT_TYPES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The event types sent to this URL; none ticked: all of them."),
    )

    class Meta:
        model = Subscription
        fields = ["name", "url", "events", "active"]

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        try:
            check_url(url)
        except AddressRefused as error:
            raise ValidationError(str(error)) from error
        return url


def show_secret(request, subscription: Subscription, *, rotated: bool):
    """The one page that shows a secret; it is never shown again."""
    return render(
        request,
        "webhooks/secret.html",
        {
            "subscription": subscription,
            "secret": subscription.secret,
            "rotated": rotated,
            "edit_url": reverse("webhook_subscriptions:edit", args=[subscription.pk]),
            "index_url": reverse("webhook_subscriptions:index"),
            "header_title": subscription.name,
        },
    )


class SubscriptionCreateView(generic.CreateView):
    def save_action(self):
        return show_secret(self.request, self.object, rotated=False)


class SubscriptionEditView(generic.EditView):
    def get_header_more_buttons(self):
        buttons = super().get_header_more_buttons()
        if self.user_has_permission("change"):
            buttons.append(
                HeaderButton(
                    _("Rotate secret"),
                    url=reverse("webhook_subscriptions:rotate", args=[self.object.pk]),
                    icon_name="key",
                    priority=10,
                )
            )
        return buttons


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    form_class = SubscriptionForm
    icon = "link"
    menu_label = _("Subscriptions")
    name = "webhook_subscriptions"
    add_view_class = SubscriptionCreateView
    edit_view_class = SubscriptionEditView
    copy_view_enabled = False
    list_display = [
        "name",
        Column("url", label=_("URL")),
        Column("event_summary", label=_("Events")),
        Column("active", label=_("Active")),
        DateColumn("created_at", label=_("Created")),
    ]

    def get_form_class(self, for_update=False):
        return SubscriptionForm

    def rotate_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        subscription = get_object_or_404(Subscription, pk=pk)
        if request.method == "POST":
            subscription.rotate_secret()
            return show_secret(request, subscription, rotated=True)
        return render(
            request,
            "webhooks/confirm_rotate.html",
            {
                "subscription": subscription,
                "header_title": subscription.name,
                "edit_url": reverse("webhook_subscriptions:edit", args=[pk]),
            },
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("rotate/<int:pk>/", self.rotate_view, name="rotate"),
        ]


class DeliveryPermissionPolicy(ModelPermissionPolicy):
    """Deliveries are written by the worker only: they can be viewed, resent
    (with the change permission) and deleted, never added or edited."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        if action == "resend":
            action = "change"
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class DeliveryInspectView(generic.InspectView):
    template_name = "webhooks/delivery_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        delivery = self.object
        context["attempts"] = delivery.attempt_log.all()
        context["body"] = json.dumps(json.loads(delivery.event.body), indent=2)
        context["can_resend"] = self.permission_policy.user_has_permission(
            self.request.user, "resend"
        )
        context["resend_url"] = reverse("webhook_deliveries:resend", args=[delivery.pk])
        return context


class DeliveryViewSet(ModelViewSet):
    model = Delivery
    icon = "list-ul"
    menu_label = _("Deliveries")
    name = "webhook_deliveries"
    inspect_view_enabled = True
    inspect_view_class = DeliveryInspectView
    copy_view_enabled = False
    exclude_form_fields = []
    list_display = [
        Column("event", label=_("Event"), accessor="event.type"),
        Column("target", label=_("Sent to")),
        StatusColumn("status", label=_("Status")),
        Column("attempts", label=_("Attempts")),
        Column("last_error", label=_("Last error")),
        DateColumn("created_at", label=_("Queued")),
    ]
    list_filter = ["status", "event__type"]
    search_fields = ["target", "last_error"]
    inspect_view_fields = [
        "target",
        "status",
        "attempts",
        "created_at",
        "first_attempt_at",
        "next_attempt_at",
        "finished_at",
        "last_error",
    ]

    def get_queryset(self, request):
        return Delivery.objects.select_related("event")

    @property
    def permission_policy(self):
        return DeliveryPermissionPolicy(self.model)

    def resend_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "resend"):
            raise PermissionDenied
        delivery = get_object_or_404(Delivery, pk=pk)
        if request.method != "POST":
            return redirect("webhook_deliveries:inspect", pk)
        resend(delivery)
        messages.success(
            request,
            format_html(
                gettext("{event} is queued again for {target}."),
                event=delivery.event.type,
                target=delivery.target,
            ),
        )
        return redirect("webhook_deliveries:inspect", pk)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("resend/<int:pk>/", self.resend_view, name="resend"),
        ]


class WebhooksGroup(ViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link"
    menu_order = 800
    items = (SubscriptionViewSet, DeliveryViewSet)
