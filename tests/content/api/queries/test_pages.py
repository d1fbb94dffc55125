"""Grapple's page queries with the locale argument and the visibility gate
(content/api/queries/pages.py), over HTTP."""

import logging

import pytest
from wagtail.models import PageViewRestriction

from content.models import CauseCategoryPage, CauseIndexPage

pytestmark = pytest.mark.django_db


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
