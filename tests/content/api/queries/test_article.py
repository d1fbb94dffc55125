"""The frontend contract's root fields (content/api/queries/article.py), over HTTP."""

import pytest

from content.models import CausePage

pytestmark = pytest.mark.django_db

ARTICLE = """
query Article($locale: String) {
  causeIndex(locale: $locale) {
    title
    intro
    locale
    categories {
      title
      slug
      causes {
        title
        slug
        summary
        body { blockType field }
      }
    }
  }
  siteChrome(locale: $locale) { disclaimer contactEmail copyright }
}
"""


def test_whole_article_in_one_request(demo_article, graphql):
    result = graphql(ARTICLE)
    assert result.status_code == 200 and not result.errors
    hub = result.data["causeIndex"]
    assert hub["title"] == demo_article.title
    assert hub["locale"] == "en"
    assert [c["slug"] for c in hub["categories"]] == [
        "embryonic",
        "uterine",
        "systemic",
    ]
    causes = [cause for c in hub["categories"] for cause in c["causes"]]
    assert len(causes) == 12
    block_types = {block["blockType"] for c in causes for block in c["body"]}
    assert {"heading", "paragraph", "treatment"} <= block_types
    chrome = result.data["siteChrome"]
    assert "medical" in chrome["disclaimer"]
    assert chrome["contactEmail"] == "hello@example.org"
    assert chrome["copyright"].startswith("©")


def test_every_block_type_has_typed_fields(demo_article, graphql):
    result = graphql(
        """
        fragment Block on StreamFieldInterface {
            __typename blockType
            ... on HeadingBlock { text level }
            ... on BulletListBlock { items }
            ... on CalloutBlock { kind title message }
            ... on TreatmentBlock { title description }
            ... on QuoteBlock { text attribution }
            ... on FAQBlock { question answer }
            ... on PageLinkBlock { linkText page { title url } }
            ... on RichTextBlock { value }
            ... on ImageBlock { altText caption image { width height } }
        }
        { causeIndex { body { ...Block } categories { causes { body { ...Block } } } } }
        """
    )
    assert not result.errors
    blocks = [
        block
        for category in result.data["causeIndex"]["categories"]
        for cause in category["causes"]
        for block in cause["body"]
    ] + result.data["causeIndex"]["body"]
    by_type = {block["blockType"]: block for block in blocks}
    assert set(by_type) == {
        "paragraph",
        "heading",
        "bullet_list",
        "callout",
        "treatment",
        "quote",
        "faq",
        "page_link",
        "image",
    }
    assert by_type["image"]["altText"] and by_type["image"]["image"]["width"] > 0
    assert by_type["heading"]["text"] and by_type["heading"]["level"] in {"h2", "h3"}
    assert by_type["treatment"]["description"].startswith("<p>")
    assert by_type["faq"]["question"]
    assert by_type["page_link"]["page"]["url"].startswith("/")
    assert by_type["bullet_list"]["items"]
    assert by_type["paragraph"]["__typename"] == "RichTextBlock"
    assert {b["kind"] for b in blocks if b["blockType"] == "callout"} == {
        "info",
        "support",
        "warning",
    }


def test_rich_text_page_links_are_expanded_to_urls(demo_article, graphql):
    result = graphql(
        '{ cause(slug: "hydrosalpinx") { body { ... on RichTextBlock { value } } } }'
    )
    html = " ".join(b.get("value", "") for b in result.data["cause"]["body"])
    assert 'href="/' in html
    assert "linktype" not in html


def test_categories_list_in_tree_order(demo_article, graphql):
    result = graphql("{ causeCategories { slug index { slug } causes { slug } } }")
    categories = result.data["causeCategories"]
    assert [c["slug"] for c in categories] == ["embryonic", "uterine", "systemic"]
    assert {c["index"]["slug"] for c in categories} == {demo_article.slug}
    assert categories[0]["causes"][0]["slug"] == "embryo-development-and-genetics"


def test_category_by_slug(demo_article, graphql):
    result = graphql('{ causeCategory(slug: "uterine") { title causes { slug } } }')
    assert len(result.data["causeCategory"]["causes"]) == 6
    assert graphql('{ causeCategory(slug: "nope") { title } }').data == {
        "causeCategory": None
    }


def test_causes_filter_by_category_and_paginate(demo_article, graphql):
    result = graphql('{ causes(category: "systemic") { slug category { slug } } }')
    assert [c["slug"] for c in result.data["causes"]] == [
        "thyroid-problems",
        "autoimmune-diseases",
        "alloimmune-causes",
        "endometriosis",
    ]
    assert {c["category"]["slug"] for c in result.data["causes"]} == {"systemic"}
    page = graphql("{ causes(limit: 2, offset: 1) { slug } }").data["causes"]
    assert [c["slug"] for c in page] == ["embryo-quality-in-ivf", "thin-endometrium"]
    assert graphql('{ causes(category: "none") { slug } }').data == {"causes": []}


def test_causes_full_text_search(demo_article, graphql):
    result = graphql('{ causes(searchQuery: "fallopian") { slug } }')
    assert not result.errors
    assert "hydrosalpinx" in [c["slug"] for c in result.data["causes"]]


def test_cause_by_slug_with_related_causes(demo_article, graphql):
    result = graphql(
        '{ cause(slug: "thin-endometrium") { title summary url lastPublishedAt '
        "category { slug } relatedCauses { slug } translations { locale } } }"
    )
    cause = result.data["cause"]
    assert cause["category"]["slug"] == "uterine"
    assert cause["relatedCauses"]
    assert cause["lastPublishedAt"]
    assert cause["translations"] == []


def test_locales_lists_content_languages(db, graphql):
    result = graphql("{ locales { code name isDefault } }")
    locales = result.data["locales"]
    assert [entry["code"] for entry in locales] == ["en", "de", "fr", "es", "it"]
    assert [entry["code"] for entry in locales if entry["isDefault"]] == ["en"]
    assert locales[1]["name"] == "Deutsch"


@pytest.mark.parametrize(
    "query",
    [
        '{ causeIndex(locale: "xx") { title } }',
        '{ causeCategories(locale: "xx") { title } }',
        '{ causeCategory(slug: "uterine", locale: "xx") { title } }',
        '{ causes(locale: "xx") { title } }',
        '{ cause(slug: "hydrosalpinx", locale: "xx") { title } }',
        '{ siteChrome(locale: "xx") { copyright } }',
        '{ page(slug: "hydrosalpinx", locale: "xx") { title } }',
        '{ pages(locale: "xx") { title } }',
    ],
)
def test_unknown_locale_is_a_clear_error(demo_article, graphql, query):
    result = graphql(query)
    assert result.status_code == 200
    (error,) = result.errors
    assert error["message"] == "Unknown locale 'xx'. Known locales: en, de, fr, es, it."
    assert error["extensions"]["code"] == "UNKNOWN_LOCALE"
    assert all(value is None for value in result.data.values())


def test_two_locales_sharing_slugs_never_break_a_lookup(german_article, graphql):
    _hub, category, cause = german_article
    assert CausePage.objects.filter(slug=cause.slug).count() == 2
    english = graphql('{ cause(slug: "thin-endometrium") { title locale } }')
    german = graphql(
        '{ cause(slug: "thin-endometrium", locale: "de") { title locale } }'
    )
    assert english.data["cause"] == {"title": "Thin endometrium", "locale": "en"}
    assert german.data["cause"] == {"title": "Thin endometrium (de)", "locale": "de"}
    for query in (
        '{ page(slug: "thin-endometrium") { title locale } }',
        '{ page(slug: "thin-endometrium", locale: "de") { title locale } }',
    ):
        result = graphql(query)
        assert not result.errors
    assert graphql('{ page(slug: "thin-endometrium", locale: "de") { locale } }').data[
        "page"
    ] == {"locale": "de"}
    assert graphql('{ page(slug: "thin-endometrium") { locale } }').data["page"] == {
        "locale": "en"
    }


def test_locale_lists_never_mix_languages(german_article, graphql):
    result = graphql(
        '{ causes(locale: "de") { slug locale } '
        'causeCategories(locale: "de") { slug locale causes { locale } } '
        'pages(locale: "de") { locale } }'
    )
    assert [c["slug"] for c in result.data["causes"]] == ["thin-endometrium"]
    assert {c["locale"] for c in result.data["causeCategories"]} == {"de"}
    assert {p["locale"] for p in result.data["pages"]} == {"de"}
    english = graphql("{ causes { locale } pages(limit: 100) { locale } }")
    assert {c["locale"] for c in english.data["causes"]} == {"en"}
    assert {p["locale"] for p in english.data["pages"]} == {"en"}


def test_translations_lists_live_translations_only(german_article, graphql, german):
    result = graphql(
        '{ cause(slug: "thin-endometrium") { translations { locale title } } }'
    )
    assert result.data["cause"]["translations"] == [
        {"locale": "de", "title": "Thin endometrium (de)"}
    ]
    _hub, _category, cause = german_article
    cause.unpublish()
    result = graphql('{ cause(slug: "thin-endometrium") { translations { locale } } }')
    assert result.data["cause"]["translations"] == []


def test_no_hub_in_a_language_without_content(demo_article, graphql):
    result = graphql(
        '{ causeIndex(locale: "fr") { title } causes(locale: "fr") { slug } }'
    )
    assert result.data == {"causeIndex": None, "causes": []}


def test_site_chrome_is_per_locale(demo_article, graphql):
    assert graphql('{ siteChrome(locale: "de") { copyright } }').data == {
        "siteChrome": None
    }
    english = graphql("{ siteChrome { organisationName registeredIn locale } }")
    assert english.data["siteChrome"] == {
        "organisationName": "Brightnest Fertility Network",
        "registeredIn": "United Kingdom",
        "locale": "en",
    }
