"""The translation editor's template tags
(content/translation/state/templatetags/translation_review_tags.py)."""

from __future__ import annotations

import io
import json

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.template import Context, Template
from django.test import RequestFactory

from content.models import CausePage

pytestmark = pytest.mark.django_db

PROPS = json.dumps({"links": {"convertToAliasUrl": "/admin/localize/convert/1/"}})


def editor_props(user: User, instance) -> dict:
    request = RequestFactory().get("/admin/")
    request.user = user
    context = Context({"request": request, "instance": instance, "props": PROPS})
    rendered = Template(
        "{% load translation_review_tags %}{% offer_only_permitted_editor_actions %}"
        "{{ props|safe }}"
    ).render(context)
    return json.loads(rendered)


def test_convert_to_alias_is_offered_only_to_those_who_may_publish(
    machine_translated_article,
):
    call_command("setup_translators", stdout=io.StringIO())
    translator = User.objects.create_user("ines", "ines@example.org", "x")
    translator.groups.add(Group.objects.get(name="Translators"))
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    assert editor_props(translator, german)["links"]["convertToAliasUrl"] is None
    admin = User.objects.create_superuser("ada", "ada@example.org", "x")
    assert editor_props(admin, german) == json.loads(PROPS)


def test_props_of_a_snippet_are_left_as_they_are(machine_translated_article):
    from content.models import SiteChrome

    translator = User.objects.create_user("ines", "ines@example.org", "x")
    chrome = SiteChrome.objects.get(locale__language_code="de")
    assert editor_props(translator, chrome) == json.loads(PROPS)
