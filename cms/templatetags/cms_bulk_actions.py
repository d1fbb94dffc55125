"""Bulk actions offered only to users who may carry them out.

Wagtail's ``bulk_action_choices`` offers every registered bulk action to
everyone and refuses the ones a user may not perform only after they chose
them. ``permitted_bulk_action_choices`` (used by the project's copy of
``wagtailadmin/bulk_actions/footer.html``) builds the same buttons, leaving
out the page actions that need a permission the user holds on no page: with
the medical review, editors submit pages for review and never see *Publish*
or *Unpublish*.
"""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets import Button, ButtonWithDropdown
from wagtail.admin.widgets.button import ListingButton
from wagtail.permission_policies.pages import PagePermissionPolicy

register = template.Library()

#: Page bulk actions by type, and the page permission each one needs.
PAGE_ACTION_PERMISSIONS = {"publish": "publish", "unpublish": "publish"}
#: As many buttons as Wagtail shows before its "More" menu.
VISIBLE_BUTTONS = 4


def may_offer(user, app_label: str, model_name: str, action_type: str) -> bool:
    if (app_label, model_name) != ("wagtailcore", "page"):
        return True
    permission = PAGE_ACTION_PERMISSIONS.get(action_type)
    if permission is None:
        return True
    return PagePermissionPolicy().user_has_permission(user, permission)


def permitted_actions(user, app_label: str, model_name: str) -> list:
    actions = [
        action
        for action in bulk_action_registry.get_bulk_actions_for_model(
            app_label, model_name
        )
        if may_offer(user, app_label, model_name, action.action_type)
    ]
    return sorted(actions, key=lambda action: action.action_priority)


def action_url(app_label: str, model_name: str, action) -> str:
    return reverse(
        "wagtail_bulk_action", args=[app_label, model_name, action.action_type]
    )


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def permitted_bulk_action_choices(context, app_label, model_name):
    """Wagtail's ``bulk_action_choices``, for the request's user."""
    actions = permitted_actions(context["request"].user, app_label, model_name)
    shown, more = actions[:VISIBLE_BUTTONS], actions[VISIBLE_BUTTONS:]
    buttons = [
        ListingButton(
            action.display_name,
            action_url(app_label, model_name, action),
            attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
            priority=action.action_priority,
            classname=" ".join(action.classes | {"bulk-action-btn"}),
        )
        for action in shown
    ]
    if more:
        buttons.append(
            ButtonWithDropdown(
                label=_("More"),
                attrs={"title": _("More bulk actions")},
                classname="button button-secondary button-small",
                buttons=[
                    Button(
                        label=action.display_name,
                        url=action_url(app_label, model_name, action),
                        attrs={
                            "aria-label": action.aria_label,
                            "data-bulk-action-button": "",
                        },
                        priority=action.action_priority,
                    )
                    for action in more
                ],
            )
        )
    return {"buttons": buttons}
