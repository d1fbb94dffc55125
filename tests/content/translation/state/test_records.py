"""Out of date means the source's content changed, seen through the admin.

Editors republish through Wagtail's edit forms, whose rich-text editor
rewrites every paragraph it saves (block keys), and translators read the
translation status page and sync from it.
"""

import json

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail import blocks
from wagtail.models import Locale
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
)
from wagtail_localize.models import TranslationSource

from content.models import CauseCategoryPage, CausePage, SiteChrome
from tests.factories import CausePageFactory

pytestmark = pytest.mark.django_db

GERMAN_STATE = """
query State($slug: String!) {
  cause(slug: $slug, locale: "de") {
    untranslatedSegments untranslatedParts { field blockId }
    translationStatus { locale state isStale }
  }
}
"""


@pytest.fixture
def superuser(client):
    user = User.objects.create_superuser(
        "olena", "olena@example.org", "not-a-secret-either"
    )
    client.force_login(user)
    return user


def english(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en")


def block_form_data(block, value, prefix):
    """A block value as Wagtail's StreamField editor posts it, ids included."""
    data = {}
    if isinstance(block, blocks.StreamBlock):
        data[f"{prefix}-count"] = str(len(value))
        for i, child in enumerate(value):
            data[f"{prefix}-{i}-type"] = child.block_type
            data[f"{prefix}-{i}-id"] = child.id or ""
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            data.update(
                block_form_data(child.block, child.value, f"{prefix}-{i}-value")
            )
    elif isinstance(block, blocks.ListBlock):
        items = value.bound_blocks
        data[f"{prefix}-count"] = str(len(items))
        for i, item in enumerate(items):
            data[f"{prefix}-{i}-id"] = item.id or ""
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = str(i)
            data.update(
                block_form_data(block.child_block, item.value, f"{prefix}-{i}-value")
            )
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            data.update(block_form_data(child, value.get(name), f"{prefix}-{name}"))
    elif isinstance(block, blocks.RichTextBlock):
        data[prefix] = rich_text(value.source, features=block.features)
    elif isinstance(block, blocks.ChooserBlock):
        data[prefix] = str(value.pk) if value is not None else ""
    else:
        data[prefix] = "" if value is None else str(value)
    return data


def publish_page_form(client, page, body=None):
    """Post the page's edit form as the editor shows it, with Publish."""
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(edit)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = data.copy()
    form_body = block_form_data(page.body.stream_block, body or page.body, "body")
    extra = {**form_body, **nested_form_data({"comments": inline_formset([])})}
    for key, value in extra.items():
        data[key] = value
    data["action-publish"] = "action-publish"
    response = client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors


def publish_snippet_form(client, snippet):
    edit = reverse("wagtailsnippets_content_sitechrome:edit", args=[snippet.pk])
    response = client.get(edit)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    data = data.copy()
    data["action-publish"] = "action-publish"
    response = client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors


def german_report(client):
    return client.get(reverse("translation_status"), {"locale": "de"}).content.decode()


def german_state(graphql, slug="hydrosalpinx"):
    result = graphql(GERMAN_STATE, {"slug": slug})
    assert not result.errors, result.errors
    return result.data["cause"]


def test_republishing_through_the_admin_unchanged_keeps_translations_current(
    machine_translated_article, superuser, client, graphql
):
    cause = english(CausePage, "hydrosalpinx")
    chrome = SiteChrome.objects.get(locale__language_code="en")
    revisions = (cause.live_revision_id, chrome.live_revision_id)
    publish_page_form(client, cause)
    publish_snippet_form(client, chrome)

    cause.refresh_from_db()
    chrome.refresh_from_db()
    assert (cause.live_revision_id, chrome.live_revision_id) != revisions
    # The editor rewrote the rich text (Wagtail adds block keys)...
    assert "data-block-key" in json.dumps(list(cause.body.raw_data))
    assert "data-block-key" in chrome.disclaimer
    # ...and both were published after their last sync.
    source = TranslationSource.objects.get(object_id=cause.translation_key)
    assert cause.last_published_at > source.last_updated_at

    report = german_report(client)
    assert 'data-state="out_of_date"' not in report
    assert "Sync with source" not in report
    statuses = german_state(graphql)["translationStatus"]
    assert {"locale": "de", "state": "TRANSLATED", "isStale": False} in statuses


def test_an_edited_sentence_is_out_of_date_until_synced_and_then_marked(
    machine_translated_article,
    superuser,
    client,
    graphql,
    django_capture_on_commit_callbacks,
):
    cause = english(CausePage, "hydrosalpinx")
    body = cause.body
    index = next(i for i, child in enumerate(body) if child.block_type == "paragraph")
    paragraph = body[index]
    edited = paragraph.value.source.replace(
        "</p>", " Ask your clinic about this at your next visit.</p>", 1
    )
    body[index] = ("paragraph", blocks.RichTextBlock().to_python(edited), paragraph.id)
    publish_page_form(client, cause, body=body)

    report = german_report(client)
    assert report.count('data-state="out_of_date"') == 1
    source = TranslationSource.objects.get(object_id=cause.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert sync in report

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync, {"publish_translations": "on"})
    assert response.status_code == 302
    report = german_report(client)
    assert 'data-state="out_of_date"' not in report
    assert report.count('data-state="in_progress"') == 1

    # The republished German page carries the one new English sentence, and
    # says where it is.
    german = german_state(graphql)
    assert german["untranslatedSegments"] == 1
    assert german["untranslatedParts"] == [{"field": "body", "blockId": paragraph.id}]


def test_status_page_lists_objects_written_in_another_language(
    machine_translated_article, superuser, client
):
    uterine = CauseCategoryPage.objects.get(slug="uterine", locale__language_code="de")
    page = CausePageFactory(
        parent=uterine, title="Nur auf Deutsch", slug="only-in-german"
    )
    page.save_revision().publish()
    assert page.locale == Locale.objects.get(language_code="de")

    english_view = client.get(reverse("translation_status"), {"locale": "en"})
    assert english_view.status_code == 200
    row = next(
        line
        for line in english_view.content.decode().split("<tr>")
        if "Nur auf Deutsch" in line
    )
    assert "(Deutsch)" in row and 'data-state="untranslated"' in row
    assert reverse("wagtail_localize:submit_page_translation", args=[page.pk]) in row

    german_view = client.get(reverse("translation_status"), {"locale": "de"})
    row = next(
        line
        for line in german_view.content.decode().split("<tr>")
        if "Nur auf Deutsch" in line
    )
    assert 'data-state="source"' in row and "button" not in row
