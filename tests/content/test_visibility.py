"""Drafts, private and expired pages never reach the public API."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from content.models import CauseCategoryPage, CausePage, RelatedCause
from tests.factories import CausePageFactory, linked_body

pytestmark = pytest.mark.django_db

MARKER = "HIDDEN-MARKER"

EVERYTHING = """
fragment Links on StreamFieldInterface {
  ... on PageLinkBlock { page { title slug url } }
  ... on RichTextBlock { value }
}
{
  causeIndex { categories { causes { title slug body { ...Links } } } }
  causes(limit: 100) { title slug relatedCauses { title slug } body { ...Links } }
  causeCategories { causes { slug } }
  pages(limit: 100) { title slug }
  search(query: "hidden") { ... on CausePage { title slug } }
}
"""


def add_hidden_cause(category, slug: str, **fields) -> CausePage:
    return CausePageFactory(
        parent=category,
        slug=slug,
        title=f"{MARKER} {slug}",
        summary=f"{MARKER} hidden summary",
        **fields,
    )


def point_at(source: CausePage, target: CausePage) -> None:
    """Reference ``target`` from ``source`` through every kind of link."""
    source = CausePage.objects.get(pk=source.pk)
    source.body = linked_body(target.pk) + list(source.body.raw_data)
    source.related_causes.add(RelatedCause(target=target))
    source.save_revision().publish()


def assert_nothing_hidden(graphql, *slugs: str) -> None:
    result = graphql(EVERYTHING)
    assert not result.errors, result.errors
    text = json.dumps(result.json)
    assert MARKER not in text
    for slug in slugs:
        assert f'"slug": "{slug}"' not in text
        assert f"/{slug}/" not in text
        for query in (
            '{ cause(slug: "%s") { title } }',
            '{ page(slug: "%s") { title } }',
        ):
            single = graphql(query % slug)
            assert list(single.data.values()) == [None]


@pytest.fixture
def uterine(demo_article):
    return CauseCategoryPage.objects.get(slug="uterine")


@pytest.fixture
def source_cause(demo_article):
    return CausePage.objects.get(slug="thin-endometrium")


def test_live_page_with_newer_draft_serves_the_live_version(source_cause, graphql):
    source_cause.title = f"{MARKER} draft title"
    source_cause.save_revision()
    result = graphql('{ cause(slug: "thin-endometrium") { title } }')
    assert result.data["cause"]["title"] == "Thin endometrium"
    assert_nothing_hidden(graphql)


def test_unpublished_page_is_absent_from_every_query(uterine, source_cause, graphql):
    hidden = add_hidden_cause(uterine, "never-published", live=False)
    point_at(source_cause, hidden)
    assert_nothing_hidden(graphql, "never-published")


def test_links_to_hidden_pages_keep_text_but_lose_target(
    uterine, source_cause, graphql
):
    hidden = add_hidden_cause(uterine, "never-published", live=False)
    point_at(source_cause, hidden)
    result = graphql(
        '{ cause(slug: "thin-endometrium") { body { blockType '
        "... on PageLinkBlock { page { slug } } ... on RichTextBlock { value } } } }"
    )
    body = result.data["cause"]["body"]
    assert body[2] == {"blockType": "page_link", "page": None}
    assert "See <a>this</a>." in body[1]["value"]


def test_raw_values_and_chooser_blocks_never_name_a_hidden_page(
    uterine, source_cause, graphql
):
    hidden = add_hidden_cause(uterine, "never-published", live=False)
    point_at(source_cause, hidden)
    result = graphql(
        '{ cause(slug: "thin-endometrium") { body { blockType rawValue '
        "... on PageLinkBlock { blocks { field rawValue "
        "... on PageChooserBlock { page { slug } } } } } } }"
    )
    assert not result.errors, result.errors
    body = result.data["cause"]["body"]
    assert "<a>this</a>" in body[1]["rawValue"]
    assert json.loads(body[2]["rawValue"]) == {"page": None, "link_text": "Read next"}
    chooser = next(b for b in body[2]["blocks"] if b["field"] == "page")
    assert chooser == {"field": "page", "rawValue": "null", "page": None}
    text = json.dumps(result.json)
    assert f'id=\\"{hidden.pk}\\"' not in text
    assert MARKER not in text


def test_unpublished_page_disappears_after_unpublish(source_cause, graphql):
    target = CausePage.objects.get(slug="hydrosalpinx")
    point_at(source_cause, target)
    assert "hydrosalpinx" in json.dumps(graphql(EVERYTHING).json)
    target.unpublish()
    assert_nothing_hidden(graphql, "hydrosalpinx")


def test_private_pages_and_their_subtrees_are_absent(uterine, source_cause, graphql):
    hidden = add_hidden_cause(uterine, "private-cause")
    point_at(source_cause, hidden)
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert_nothing_hidden(graphql, "private-cause")


def test_restriction_on_an_ancestor_hides_the_descendants(demo_article, graphql):
    systemic = CauseCategoryPage.objects.get(slug="systemic")
    PageViewRestriction.objects.create(
        page=systemic, restriction_type=PageViewRestriction.LOGIN
    )
    result = graphql("{ causes(limit: 100) { slug } causeCategories { slug } }")
    slugs = json.dumps(result.data)
    assert "systemic" not in slugs and "thyroid-problems" not in slugs
    assert graphql('{ cause(slug: "thyroid-problems") { title } }').data == {
        "cause": None
    }


def test_expired_page_is_absent_even_before_the_scheduler_runs(
    uterine, source_cause, graphql
):
    hidden = add_hidden_cause(
        uterine, "expired-cause", expire_at=timezone.now() - timedelta(minutes=1)
    )
    point_at(source_cause, hidden)
    assert hidden.live
    assert_nothing_hidden(graphql, "expired-cause")


def test_parent_of_a_page_is_gated_too(demo_article, graphql):
    result = graphql(
        '{ cause(slug: "hydrosalpinx") { parent { slug parent { slug } } } }'
    )
    assert result.data["cause"]["parent"] == {
        "slug": "uterine",
        "parent": {"slug": demo_article.slug},
    }
    # The hub is the top of the public tree: the home page above it (the site
    # root) is structure, with no content of its own, and is never served.
    hub = graphql("{ causeIndex { parent { title } } }")
    assert not hub.errors, hub.errors
    assert hub.data["causeIndex"]["parent"] is None


def test_draft_site_chrome_is_not_served(demo_article, graphql):
    from content.models import SiteChrome

    chrome = SiteChrome.objects.get()
    chrome.organisation_name = MARKER
    chrome.save_revision()
    result = graphql("{ siteChrome { organisationName } snippets { snippetType } }")
    assert MARKER not in json.dumps(result.json)
    chrome.unpublish()
    assert graphql("{ siteChrome { organisationName } }").data == {"siteChrome": None}
    assert graphql("{ snippets { snippetType } }").data == {"snippets": []}


def test_no_page_type_exposes_draft_or_editorial_fields(db, graphql):
    result = graphql(
        '{ __type(name: "PageInterface") { possibleTypes { name fields { name } } } }'
    )
    forbidden = {
        "draftTitle",
        "hasUnpublishedChanges",
        "latestRevisionCreatedAt",
        "aliasOf",
        "lockedAt",
        "lockedBy",
        "owner",
        "numchild",
    }
    types = result.data["__type"]["possibleTypes"]
    assert {"CausePage", "CauseCategoryPage", "CauseIndexPage"} <= {
        t["name"] for t in types
    }
    for page_type in types:
        assert forbidden.isdisjoint(f["name"] for f in page_type["fields"])


def test_querying_a_draft_title_is_rejected(source_cause, graphql):
    source_cause.title = f"{MARKER} draft title"
    source_cause.save_revision()
    result = graphql('{ cause(slug: "thin-endometrium") { draftTitle } }')
    assert result.status_code == 400
    assert MARKER not in json.dumps(result.json)


def test_unpublishing_a_category_withdraws_its_causes(demo_article, graphql):
    CauseCategoryPage.objects.get(slug="systemic").unpublish()
    result = graphql(
        '{ causes(limit: 100) { slug } cause(slug: "thyroid-problems") { title } '
        "pages(limit: 100) { slug } }"
    )
    assert not result.errors, result.errors
    text = json.dumps(result.data)
    assert "thyroid-problems" not in text and "systemic" not in text
    assert result.data["cause"] is None
    assert len(result.data["causes"]) == 8


def test_home_pages_are_structure_and_never_served(demo_article, graphql):
    call_command("load_demo_content", translations="de", stdout=io.StringIO())
    homes = Page.objects.filter(depth=2)
    assert {home.locale.language_code for home in homes} == {"en", "de"}
    assert all(home.live for home in homes)
    result = graphql(
        """{
          en: causeIndex { parent { title } ancestors { title } }
          de: causeIndex(locale: "de") { parent { title } ancestors { title } }
          pages(locale: "de", limit: 100) { title contentType }
          cause(slug: "hydrosalpinx", locale: "de") { ancestors { contentType } }
        }"""
    )
    assert not result.errors, result.errors
    for code in ("en", "de"):
        assert result.data[code] == {"parent": None, "ancestors": []}
    assert len(result.data["pages"]) == 16
    assert "wagtailcore.Page" not in {p["contentType"] for p in result.data["pages"]}
    assert [a["contentType"] for a in result.data["cause"]["ancestors"]] == [
        "content.CauseIndexPage",
        "content.CauseCategoryPage",
    ]
    for home in homes:
        page = graphql("query ($id: ID) { page(id: $id) { title } }", {"id": home.pk})
        assert page.data["page"] is None
    # A site's root page is a home page: withheld, as null, not an error.
    root = graphql("{ sites { hostname rootPage { title } } }")
    assert not root.errors, root.errors
    assert root.data["sites"] == [{"hostname": "localhost", "rootPage": None}]

    report = graphql(
        '{ translationReport(locale: "de") { total items { typeName title } } }'
    ).data["translationReport"]
    assert "Page" not in {item["typeName"] for item in report["items"]}
    assert report["total"] == 17  # 16 article pages and the site chrome


def test_the_compiled_gate_admits_exactly_the_pages_visible_pages_admits(
    uterine, source_cause
):
    """The loader's once-per-request compilation of the gate
    (``CompiledGate``) is the same rule: unpublished, private (on the page
    or an ancestor), expired pages and pages below a withdrawn one are out."""
    from wagtail.models import Locale

    from content.visibility import CompiledGate, visible_pages

    add_hidden_cause(uterine, "draft-cause", live=False)
    add_hidden_cause(
        uterine, "expired-cause", expire_at=timezone.now() - timedelta(minutes=1)
    )
    private = add_hidden_cause(uterine, "private-cause")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    systemic = CauseCategoryPage.objects.get(slug="systemic")
    systemic.unpublish()
    gate = CompiledGate()
    english = Locale.objects.get(language_code="en")
    for queryset, locale in [
        (Page.objects.all(), None),
        (Page.objects.filter(pk__in=[source_cause.pk, private.pk]), None),
        (Page.objects.descendant_of(uterine), english),
    ]:
        expected = set(visible_pages(queryset, locale=locale).values_list("pk"))
        compiled = set(gate.apply(queryset, locale=locale).values_list("pk"))
        assert compiled == expected
    admitted = {p.slug for p in gate.apply(Page.objects.all())}
    assert source_cause.slug in admitted
    assert not {"draft-cause", "expired-cause", "private-cause"} & admitted
    assert "thyroid-problems" not in admitted and "systemic" not in admitted
    # Querysets on a page type's own table are gated as visible_pages does.
    causes = set(gate.apply(CausePage.objects.all()).values_list("pk", flat=True))
    assert causes == set(
        visible_pages(CausePage.objects.all()).values_list("pk", flat=True)
    )
