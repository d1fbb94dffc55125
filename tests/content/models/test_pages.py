import pytest
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
