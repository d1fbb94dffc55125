import pytest
from django.urls import reverse
from wagtail.models import Page

from content.models import CauseCategoryPage, CauseIndexPage, CausePage, RelatedCause
from tests.factories import (
    CauseCategoryPageFactory,
    CauseIndexPageFactory,
    CausePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    root = Page.get_first_root_node()
    hub = CauseIndexPageFactory(parent=root)
    category = CauseCategoryPageFactory(parent=hub)
    cause = CausePageFactory(parent=category)
    return hub, category, cause


def test_hub_takes_only_categories_as_children(tree):
    hub, _category, _cause = tree
    assert CauseCategoryPage.can_create_at(hub)
    assert not CausePage.can_create_at(hub)
    assert not CauseIndexPage.can_create_at(hub)


def test_category_lives_under_a_hub_and_takes_only_causes(tree):
    hub, category, _cause = tree
    assert CausePage.can_create_at(category)
    assert not CauseCategoryPage.can_create_at(category)
    assert not CauseCategoryPage.can_create_at(Page.get_first_root_node())


def test_cause_takes_no_children(tree):
    _hub, _category, cause = tree
    assert not any(
        model.can_create_at(cause)
        for model in (CauseIndexPage, CauseCategoryPage, CausePage)
    )


def test_admin_refuses_a_cause_directly_under_the_hub(tree, admin_client):
    hub, _category, _cause = tree
    url = f"/admin/pages/add/content/causepage/{hub.pk}/"
    response = admin_client.post(
        url, {"title": "Misplaced", "slug": "misplaced", "summary": "No."}
    )
    # Wagtail answers a forbidden admin action with a redirect to the dashboard.
    assert response.status_code == 302
    assert response.url == "/admin/"
    assert not CausePage.objects.filter(slug="misplaced").exists()


def test_admin_offers_the_category_type_under_the_hub(tree, admin_client):
    hub, _category, _cause = tree
    response = admin_client.get(f"/admin/pages/{hub.pk}/add_subpage/", follow=True)
    assert response.status_code == 200
    # With a single allowed type, Wagtail goes straight to the category form.
    assert response.redirect_chain
    assert "/add/content/causecategorypage/" in response.redirect_chain[-1][0]


def test_related_causes_can_only_point_at_causes():
    assert RelatedCause._meta.get_field("target").related_model is CausePage


def test_cause_search_covers_title_summary_and_body():
    names = {field.field_name for field in CausePage.search_fields}
    assert {"title", "summary", "body"} <= names


def admin_search(client, query: str) -> tuple[list[str], str]:
    """The titles the admin's page search lists, and its results header."""
    import html
    import re

    response = client.get(reverse("wagtailadmin_pages:search"), {"q": query})
    assert response.status_code == 200
    page = response.content.decode()
    titles = [
        html.unescape(title)
        for title in re.findall(
            r'aria-label="More options for &#x27;(.+?)&#x27;"', page
        )
    ]
    header = re.search(r"(\d+-\d+ of \d+ [^<\n]*)", page)
    return titles, " ".join(header.group(1).split()) if header else ""


def test_admin_search_finds_pages_by_the_words_of_their_body(
    demo_article, editor, client
):
    """An editor searching for a word of the text finds the pages that say it,
    though their titles do not (the admin searches autocomplete fields)."""
    client.force_login(editor)
    titles, header = admin_search(client, "ultrasound")
    saying_it = sorted(
        page.title
        for page in CausePage.objects.filter(locale__language_code="en")
        if "ultrasound" in str(page.body).lower()
    )
    assert saying_it, "the demo article no longer mentions ultrasound"
    assert sorted(titles) == saying_it
    assert header == f"1-{len(saying_it)} of {len(saying_it)} pages"
    # The summary counts too, and a word's beginning finds it, as for titles.
    hydrosalpinx = CausePage.objects.get(
        slug="hydrosalpinx", locale__language_code="en"
    )
    word = hydrosalpinx.summary.split()[-1].strip(".").lower()
    assert "Hydrosalpinx" in admin_search(client, word[:-1])[0]
    titles, header = admin_search(client, "Hydrosalpinx")
    assert len(titles) > 1 and header == f"1-{len(titles)} of {len(titles)} pages"
