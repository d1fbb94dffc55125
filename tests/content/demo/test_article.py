"""The demo article's content (content/demo/article.py), as loaded."""

import pytest

from content.models import CausePage
from tests.content.management.commands.test_load_demo_content import load

pytestmark = pytest.mark.django_db


def test_demo_covers_every_cause_of_the_brief():
    load()
    titles = " ".join(CausePage.objects.values_list("title", flat=True)).lower()
    for term in (
        "embryo development",
        "embryo quality",
        "thin endometrium",
        "microbiome",
        "polyps",
        "congenital",
        "hydrosalpinx",
        "natural killer",
        "thyroid",
        "autoimmune",
        "alloimmune",
        "endometriosis",
    ):
        assert term in titles


def test_the_articles_internal_references_name_pages_of_the_article():
    import json
    import re

    from content.demo import article

    slugs = (
        {
            cause["slug"]
            for category in article.HUB["categories"]
            for cause in category["causes"]
        }
        | {category["slug"] for category in article.HUB["categories"]}
        | {article.HUB["slug"]}
    )
    referenced = set(re.findall(r"@slug:([a-z0-9-]+)", json.dumps(article.HUB)))
    assert referenced and referenced <= slugs
    addresses = re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", json.dumps(article.ORGANISATION))
    assert addresses and all(a.endswith("@example.org") for a in addresses)
