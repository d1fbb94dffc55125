"""The reference block: validated identifiers, numbered list in the API."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from content.models import CausePage

pytestmark = pytest.mark.django_db


def reference(**fields) -> tuple[str, dict]:
    value = {
        "authors": "Example A, Sample B",
        "title": "An invented study of implantation",
        "publisher": "Journal of Examples",
        "year": "2021",
        "doi": "10.1000/example.42",
        "pubmed_id": "",
        "url": "https://example.org/study",
    }
    value.update(fields)
    return ("reference", value)


@pytest.fixture
def cause(demo_article) -> CausePage:
    return CausePage.objects.get(slug="hydrosalpinx")


@pytest.fixture
def superuser(db, client) -> User:
    user = User.objects.create_superuser("ada-admin", "ada@example.org", "x")
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("doi", "doi.org/10.1000/x"),
        ("doi", "10.12/too-short-prefix"),
        ("pubmed_id", "PMID123"),
        ("pubmed_id", "1234567890"),
    ],
)
def test_invalid_doi_or_pubmed_id_is_an_error_on_the_field(
    cause, superuser, admin_edit, field, value
):
    response = admin_edit(cause, body=[reference(**{field: value})])
    assert response.status_code == 200
    error = response.context["form"].errors["body"].as_data()[0]
    block_errors = error.block_errors[0].block_errors
    assert set(block_errors) == {field}


def test_reference_needs_a_doi_or_a_pubmed_id(cause, superuser, admin_edit):
    response = admin_edit(cause, body=[reference(doi="", pubmed_id="")])
    assert response.status_code == 200
    assert "body" in response.context["form"].errors


def test_references_are_served_in_body_order_and_numbered(
    cause, superuser, admin_edit, graphql
):
    body = [
        ("paragraph", {"x": 1}),
        reference(title="First source", doi="10.1000/first"),
        reference(title="Second source", doi="", pubmed_id="31415926", url="", year=""),
    ]
    from wagtail.test.utils.form_data import rich_text

    body[0] = ("paragraph", rich_text("<p>Claims that need sources.</p>"))
    response = admin_edit(cause, "action-publish", body=body)
    assert response.status_code == 302, response.context["form"].errors
    result = graphql(
        '{ cause(slug: "hydrosalpinx") { references { number title publisher year '
        "doi pubmedId url doiUrl pubmedUrl } body { blockType "
        "... on ReferenceBlock { title doi pubmedId } } } }"
    )
    assert not result.errors, result.errors
    assert result.data["cause"]["references"] == [
        {
            "number": 1,
            "title": "First source",
            "publisher": "Journal of Examples",
            "year": 2021,
            "doi": "10.1000/first",
            "pubmedId": None,
            "url": "https://example.org/study",
            "doiUrl": "https://doi.org/10.1000/first",
            "pubmedUrl": None,
        },
        {
            "number": 2,
            "title": "Second source",
            "publisher": "Journal of Examples",
            "year": None,
            "doi": None,
            "pubmedId": "31415926",
            "url": None,
            "doiUrl": None,
            "pubmedUrl": "https://pubmed.ncbi.nlm.nih.gov/31415926/",
        },
    ]
    assert [b["blockType"] for b in result.data["cause"]["body"]] == [
        "paragraph",
        "reference",
        "reference",
    ]
