"""Argument policies: order allowlist, whole-number ids, search length, renditions."""

import pytest

from tests.cms.support import post_counted as post

pytestmark = pytest.mark.django_db


def test_order_accepts_only_allowlisted_fields(demo_article, client):
    for query in (
        '{ pages(order: "owner__password") { title } }',
        '{ cause(slug: "hydrosalpinx") { children(order: "owner__password") { id } } }',
        '{ images(order: "uploaded_by_user__password") { id } }',
    ):
        response, body, _ = post(client, query)
        (error,) = body["errors"]
        assert error["message"].startswith("Cannot order by '")
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
    response, body, _ = post(client, '{ pages(order: "-title, id") { title } }')
    assert not body.get("errors")
    titles = [page["title"] for page in body["data"]["pages"]]
    assert titles == sorted(titles, reverse=True)


def test_search_strings_are_limited_to_200_characters(demo_article, client):
    long = "a" * 201
    for query in (
        f'{{ causes(searchQuery: "{long}") {{ slug }} }}',
        f'{{ search(query: "{long}") {{ __typename }} }}',
    ):
        response, body, _ = post(client, query)
        assert "limited to 200 characters" in body["errors"][0]["message"]


@pytest.mark.parametrize("field", ["image", "document", "tag"])
def test_single_object_fields_need_an_id(db, client, field):
    response, body, _ = post(client, f"{{ {field} {{ id }} }}")
    assert response.status_code == 200
    (error,) = body["errors"]
    assert error["message"] == f"'{field}' needs an id."
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    for missing in ("12345", "99999999999999999999999"):
        response, body, _ = post(client, f'{{ {field}(id: "{missing}") {{ id }} }}')
        assert body == {"data": {field: None}}


def test_only_allowlisted_image_renditions_are_made(db, client):
    from wagtail.images.models import Image, Rendition
    from wagtail.images.tests.utils import get_test_image_file

    Image.objects.create(title="Diagram", file=get_test_image_file(size=(900, 600)))
    response, body, _ = post(client, "{ images { rendition(width: 400) { width } } }")
    assert body["data"]["images"] == [{"rendition": {"width": 400}}]
    response, body, _ = post(client, "{ images { rendition(width: 123) { width } } }")
    (error,) = body["errors"]
    assert error["message"].startswith("Rendition 'width-123' is not allowed.")
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert not Rendition.objects.filter(filter_spec="width-123").exists()
