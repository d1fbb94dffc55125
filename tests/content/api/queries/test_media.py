"""Images and documents in the API come from public collections only
(content/api/queries/media.py), over HTTP."""

from __future__ import annotations

import pytest
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(db):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Internal drafts")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return {
        "public_image": Image.objects.create(
            title="Public diagram", file=get_test_image_file()
        ),
        "private_image": Image.objects.create(
            title="Internal diagram",
            file=get_test_image_file(filename="internal.png"),
            collection=private,
        ),
        "private_document": Document.objects.create(
            title="Internal memo", collection=private
        ),
    }


def test_lists_leave_out_media_of_restricted_collections(media, graphql):
    result = graphql("{ images { title } documents { title } }")
    assert not result.errors, result.errors
    assert result.data == {"images": [{"title": "Public diagram"}], "documents": []}


def test_a_restricted_image_or_document_by_id_is_null(media, graphql):
    query = (
        "query ($a: ID, $b: ID, $c: ID) { a: image(id: $a) { title } "
        "b: image(id: $b) { title } c: document(id: $c) { title } }"
    )
    result = graphql(
        query,
        {
            "a": media["public_image"].pk,
            "b": media["private_image"].pk,
            "c": media["private_document"].pk,
        },
    )
    assert not result.errors, result.errors
    assert result.data == {"a": {"title": "Public diagram"}, "b": None, "c": None}


def test_search_finds_public_media_only(media, graphql):
    result = graphql('{ images(searchQuery: "diagram") { title } }')
    assert not result.errors, result.errors
    assert result.data["images"] == [{"title": "Public diagram"}]
