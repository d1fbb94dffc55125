"""The medical-review panel of wagtail-localize's translation editor."""

from django import template

from content.translation_review import review_panel

register = template.Library()


@register.inclusion_tag("content/translations/review_panel.html", takes_context=True)
def translation_review_panel(context) -> dict:
    return review_panel(context["translation"], context["instance"])
