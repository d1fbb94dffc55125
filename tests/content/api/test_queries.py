"""The frontend contract (shared api-contract.md), exercised over HTTP."""

import logging

import pytest
from wagtail.models import Locale, PageViewRestriction

from content.models import CauseCategoryPage, CauseIndexPage, CausePage

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


def publish_translation(page, locale: Locale):
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = f"{page.title} (de)"
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


@pytest.fixture
def german_article(demo_article, german):
    hub = publish_translation(demo_article, german)
    uterine = CauseCategoryPage.objects.get(slug="uterine", locale__language_code="en")
    category = publish_translation(uterine, german)
    cause = publish_translation(
        CausePage.objects.get(slug="thin-endometrium", locale__language_code="en"),
        german,
    )
    return hub, category, cause


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


def test_grapple_built_in_queries_stay(demo_article, graphql):
    result = graphql(
        "{ pages(limit: 5) { title } page(id: %s) { title } }".replace(
            "%s", str(CauseIndexPage.objects.get().pk)
        )
    )
    assert not result.errors
    assert len(result.data["pages"]) == 5
    assert result.data["page"]["title"] == demo_article.title


PAGE_BY_PATH = """
query Route($path: String!, $locale: String) {
  asGiven: page(urlPath: $path) { id locale }
  inSite: page(urlPath: $path, inSite: true) { id locale }
  sameLocale: page(urlPath: $path, locale: $locale) { id locale }
}
"""


def test_every_live_page_is_found_by_the_paths_the_api_gives_out(
    machine_translated_article, graphql
):
    listed = {}
    for code in ("en", "de"):
        result = graphql(
            "query($l: String) { pages(locale: $l, limit: 100) "
            "{ id locale url urlPath } }",
            {"l": code},
        )
        assert not result.errors
        listed[code] = result.data["pages"]
    assert len(listed["de"]) == len(listed["en"]) > 12
    assert all(page["url"].startswith("/de/") for page in listed["de"])
    for page in listed["en"] + listed["de"]:
        expected = {"id": page["id"], "locale": page["locale"]}
        for path in (page["url"], page["urlPath"]):
            result = graphql(PAGE_BY_PATH, {"path": path, "locale": page["locale"]})
            assert not result.errors, result.errors
            assert result.data == {
                "asGiven": expected,
                "inSite": expected,
                "sameLocale": expected,
            }, path


def test_a_page_found_by_its_german_url_serves_german_all_the_way_down(
    german_article, graphql
):
    _hub, category, cause = german_article
    url = graphql('{ cause(slug: "thin-endometrium", locale: "de") { url } }').data[
        "cause"
    ]["url"]
    assert url.startswith("/de/")
    result = graphql(
        "query($p: String) { page(urlPath: $p) { id locale title "
        "... on CausePage { category { id locale } } "
        "ancestors { locale } } }",
        {"p": url},
    )
    assert not result.errors
    page = result.data["page"]
    assert (page["id"], page["locale"]) == (str(cause.pk), "de")
    assert page["title"] == "Thin endometrium (de)"
    assert page["category"] == {"id": str(category.pk), "locale": "de"}
    assert {ancestor["locale"] for ancestor in page["ancestors"]} == {"de"}


def test_a_path_never_serves_a_page_of_another_language(german_article, graphql):
    """A German path of a page without a live German translation is null, and a
    locale argument that contradicts the path gives null, never the other
    language's page."""
    _hub, _category, cause = german_article
    english = graphql('{ cause(slug: "hydrosalpinx") { url urlPath } }').data["cause"]
    german_cause = graphql(
        '{ cause(slug: "thin-endometrium", locale: "de") { url } }'
    ).data["cause"]["url"]
    english_cause = graphql('{ cause(slug: "thin-endometrium") { url } }').data[
        "cause"
    ]["url"]
    # Hydrosalpinx has no German translation; the German URL it would have
    # (same slug, below the German hub) leads nowhere.
    assert english["url"].startswith("/causes-of-failed-implantation")
    nowhere = [
        "/de" + english["url"],
        english["urlPath"].replace("/home/", "/home-de/", 1),
    ]
    for path in nowhere:
        assert graphql(PAGE_BY_PATH, {"path": path, "locale": "de"}).data == {
            "asGiven": None,
            "inSite": None,
            "sameLocale": None,
        }, path
    contradictions = [(english_cause, "de"), (german_cause, "en")]
    for path, locale in contradictions:
        result = graphql(PAGE_BY_PATH, {"path": path, "locale": locale})
        assert not result.errors
        assert result.data["sameLocale"] is None, (path, locale)
        assert result.data["asGiven"]["locale"] != locale


def test_a_german_translation_leaves_its_url_when_unpublished_or_private(
    german_article, graphql
):
    _hub, _category, cause = german_article
    url = graphql('{ cause(slug: "thin-endometrium", locale: "de") { url } }').data[
        "cause"
    ]["url"]
    query = "query($p: String) { page(urlPath: $p) { id locale } }"
    restriction = PageViewRestriction.objects.create(
        page=cause, restriction_type=PageViewRestriction.LOGIN
    )
    assert graphql(query, {"p": url}).data == {"page": None}
    restriction.delete()
    assert graphql(query, {"p": url}).data["page"]["id"] == str(cause.pk)
    cause.unpublish()
    assert graphql(query, {"p": url}).data == {"page": None}


def test_an_unknown_path_is_null(german_article, graphql):
    for path in (
        "/no-such-page/",
        "/de/no-such-page/",
        "/causes-of-failed-implantation-and-pregnancy-loss/uterine/no-such-cause/",
        "/fr/causes-of-failed-implantation-and-pregnancy-loss/",
        "/xx/causes-of-failed-implantation-and-pregnancy-loss/",
        "/home-fr/",
        "not a path at all %%",
    ):
        result = graphql("query($p: String) { page(urlPath: $p) { id } }", {"p": path})
        assert result.status_code == 200
        assert not result.errors
        assert result.data == {"page": None}, path


def test_a_full_url_or_a_path_without_its_last_slash_finds_the_page(
    german_article, graphql
):
    _hub, _category, cause = german_article
    url = graphql('{ cause(slug: "thin-endometrium", locale: "de") { url } }').data[
        "cause"
    ]["url"]
    query = "query($p: String) { page(urlPath: $p) { id locale } }"
    for path in (url.rstrip("/"), f"http://localhost{url}"):
        assert graphql(query, {"p": path}).data["page"] == {
            "id": str(cause.pk),
            "locale": "de",
        }, path


def test_page_by_id_is_that_page_in_its_own_language(german_article, graphql):
    _hub, _category, cause = german_article
    query = (
        "query($id: ID, $l: String) { page(id: $id, locale: $l) "
        "{ id locale ... on CausePage { category { locale } } } }"
    )
    own = {"id": str(cause.pk), "locale": "de", "category": {"locale": "de"}}
    assert graphql(query, {"id": cause.pk}).data["page"] == own
    assert graphql(query, {"id": cause.pk, "l": "de"}).data["page"] == own
    assert graphql(query, {"id": cause.pk, "l": "en"}).data["page"] is None


def test_pages_in_site_include_every_language(german_article, graphql):
    result = graphql(
        '{ de: pages(inSite: true, locale: "de", limit: 100) { locale } '
        "en: pages(inSite: true, limit: 100) { locale } }"
    )
    assert not result.errors
    assert {page["locale"] for page in result.data["de"]} == {"de"}
    assert len(result.data["de"]) >= 3
    assert {page["locale"] for page in result.data["en"]} == {"en"}


@pytest.mark.parametrize(
    ("query", "variables", "message"),
    [
        (
            "query($q: String) { causes(searchQuery: $q) { slug } }",
            {"q": "a" * 201},
            "'searchQuery' is limited to 200 characters.",
        ),
        (
            "query($q: String) { search(query: $q) { __typename } }",
            {"q": "a" * 201},
            "'query' is limited to 200 characters.",
        ),
        (
            '{ page(id: "12a") { title } }',
            None,
            "'id' must be a whole number, got '12a'.",
        ),
        (
            '{ image(id: "-3") { title } }',
            None,
            "'id' must be a whole number, got '-3'.",
        ),
        (
            "query($n: PositiveInt) { causes(limit: $n) { slug } }",
            {"n": -1},
            "Variable '$n' got invalid value -1; "
            "PositiveInt must be a whole number, zero or more.",
        ),
        (
            "query($n: PositiveInt) { causes(offset: $n) { slug } }",
            {"n": -1},
            "Variable '$n' got invalid value -1; "
            "PositiveInt must be a whole number, zero or more.",
        ),
        (
            "{ causes(limit: -1) { slug } }",
            None,
            "Expected value of type 'PositiveInt', found -1.",
        ),
    ],
)
def test_bad_arguments_are_refused_before_any_resolver(
    db, graphql, query, variables, message
):
    result = graphql(query, variables)
    assert result.status_code in (200, 400)
    assert [error["message"] for error in result.errors] == [message]


def test_lists_are_no_longer_than_grapples_page_size(demo_article, graphql, settings):
    settings.GRAPPLE = {**settings.GRAPPLE, "MAX_PAGE_SIZE": 5}
    result = graphql("{ causes(limit: 50) { slug } }")
    assert not result.errors
    assert len(result.data["causes"]) == 5
    assert len(graphql("{ causes { slug } }").data["causes"]) == 5


def test_pages_under_a_parent_or_ancestor_that_does_not_exist_are_none(
    demo_article, graphql, caplog
):
    category = CauseCategoryPage.objects.filter(locale=demo_article.locale).first()
    query = (
        "query($p: ID, $a: ID) { children: pages(parent: $p) { id } "
        "descendants: pages(ancestor: $a, limit: 100) { id } }"
    )
    found = graphql(query, {"p": category.pk, "a": demo_article.pk})
    assert not found.errors
    children = {int(page["id"]) for page in found.data["children"]}
    assert children == set(category.get_children().live().values_list("pk", flat=True))
    assert len(found.data["descendants"]) > len(children) > 0
    missing = category.pk + demo_article.pk + 10_000
    result = graphql(query, {"p": missing, "a": missing})
    assert result.status_code == 200
    assert result.json == {"data": {"children": [], "descendants": []}}
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_a_path_with_an_encoded_nul_is_null(demo_article, graphql, caplog):
    for path in ("/%00/", "/causes/hydro%00salpinx/", "%00"):
        result = graphql(
            "query($p: String) { page(urlPath: $p) { title } }", {"p": path}
        )
        assert result.status_code == 200
        assert result.json == {"data": {"page": None}}
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
