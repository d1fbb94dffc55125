"""Image URLs in the API: relative by default, or on the configured media base."""

from __future__ import annotations

import pytest
from django.test import override_settings
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from tests.factories import (
    CauseCategoryPageFactory,
    CauseIndexPageFactory,
    CausePageFactory,
)

QUERY = """
{ cause(slug: "illustrated") { body { ... on ImageBlock {
    image {
        url
        src
        srcSet(sizes: [400, 800])
        rendition(width: 400) { url }
        renditions { url }
    }
} } } }
"""


@pytest.fixture
def illustrated_cause(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    hub = CauseIndexPageFactory(parent=Page.get_first_root_node())
    category = CauseCategoryPageFactory(parent=hub)
    image = Image.objects.create(title="A diagram", file=get_test_image_file())
    return CausePageFactory(
        parent=category,
        slug="illustrated",
        body=[
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "A diagram", "caption": ""},
            }
        ],
    )


def image_urls(graphql) -> list[str]:
    result = graphql(QUERY)
    assert result.status_code == 200
    assert not result.errors, result.errors
    (block,) = result.data["cause"]["body"]
    image = block["image"]
    urls = [image["url"], image["src"], image["rendition"]["url"]]
    urls += [entry.split(" ")[0] for entry in image["srcSet"].split(", ")]
    urls += [rendition["url"] for rendition in image["renditions"]]
    # The original, two srcset widths and the 400 px rendition they share.
    assert len(urls) == 6 + len(image["renditions"]) - 1
    return urls


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
def test_image_urls_are_relative_by_default(illustrated_cause, graphql):
    urls = image_urls(graphql)
    for url in urls:
        assert url.startswith("/media/"), url
    assert urls[0].startswith("/media/original_images/")
    assert urls[2].startswith("/media/images/")


@override_settings(
    WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000",
    MEDIA_URL="https://media.example.org/cms/",
)
def test_image_urls_use_an_absolute_media_base(illustrated_cause, graphql):
    for url in image_urls(graphql):
        assert url.startswith("https://media.example.org/cms/"), url


def test_a_src_set_without_sizes_is_a_client_error(illustrated_cause, graphql, caplog):
    result = graphql(
        '{ cause(slug: "illustrated") { body { ... on ImageBlock {'
        " image { srcSet } } } } }"
    )
    assert result.status_code == 200
    assert [error["message"] for error in result.errors] == [
        "'srcSet' needs sizes, the widths to list"
        " (for example srcSet(sizes: [320, 640]))."
    ]
    assert not [record for record in caplog.records if record.levelname == "ERROR"]
