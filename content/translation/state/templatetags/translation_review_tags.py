"""The medical-review panel of wagtail-localize's translation editor."""

from django import template

from content.translation.review import editor_props_for, review_panel

register = template.Library()


@register.inclusion_tag("content/translations/review_panel.html", takes_context=True)
def translation_review_panel(context) -> dict:
    request = context.get("request")
    return review_panel(
        context["translation"],
        context["instance"],
        request.user if request is not None else None,
    )


@register.simple_tag(takes_context=True)
def offer_only_permitted_editor_actions(context) -> str:
    """Drop the editor's actions the user may not take from its props.

    Sets ``props`` for the rest of the block (wagtail-localize's template
    renders the editor from it); renders nothing.
    """
    context["props"] = editor_props_for(
        context["request"].user, context["instance"], context["props"]
    )
    return ""
