"""The demo article's illustration (content/demo/illustration.py)."""

import io

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model

from tests.content.management.commands.test_load_demo_content import load

pytestmark = pytest.mark.django_db


IMAGE_QUERY = """
query ($locale: String) {
  cause(slug: "thin-endometrium", locale: $locale) {
    body {
      blockType
      ... on ImageBlock {
        altText caption
        image { id title width height rendition(width: 800) { url width height } }
      }
    }
  }
}
"""


def test_a_cause_shows_the_illustration_the_demo_draws(graphql):
    load()
    body = graphql(IMAGE_QUERY).data["cause"]["body"]
    images = [block for block in body if block["blockType"] == "image"]
    assert len(images) == 1
    block = images[0]
    assert block["altText"].startswith("Two simplified drawings of the uterus")
    assert (
        block["caption"]
        == "A typical lining (left) and a thin lining (right), simplified."
    )
    image = block["image"]
    assert (image["width"], image["height"]) == (1200, 700)
    assert image["title"].startswith("Illustration:")
    assert image["rendition"]["width"] == 800
    assert image["rendition"]["url"].endswith(".png")

    # A second run draws nothing new; a translation shares the image and
    # translates its words.
    call_command("load_demo_content", translations="de", stdout=io.StringIO())
    german = graphql(IMAGE_QUERY, {"locale": "de"}).data["cause"]["body"]
    german_image = next(b for b in german if b["blockType"] == "image")
    assert german_image["image"]["id"] == image["id"]
    assert german_image["altText"] == " ".join(reversed(block["altText"].split(" ")))
    assert get_image_model().objects.count() == 1


def test_the_drawing_is_a_png_of_the_declared_size_made_without_a_database():
    from PIL import Image as PILImage

    from content.demo.illustration import HEIGHT, WIDTH, draw_illustration

    picture = PILImage.open(io.BytesIO(draw_illustration()))
    assert picture.format == "PNG"
    assert picture.size == (WIDTH, HEIGHT) == (1200, 700)
    # Two lining thicknesses: the drawing is not a blank canvas.
    assert len(picture.getcolors(maxcolors=100_000)) > 3
