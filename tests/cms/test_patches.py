"""Every third-party target that cms extends or reads privately still exists.

An upgrade that renames or reshapes one fails here, with the patch's name,
rather than on a user's request. The versions are those of requirements.txt.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from django.http import HttpRequest
from django.template import engines
from graphene_django.views import GraphQLView as GrapheneGraphQLView
from graphql import ExecutionContext, Source
from graphql.language.parser import Parser
from wagtail.admin.views.pages import search as page_search

ROOT = Path(__file__).resolve().parents[2]


def page_title_column_header() -> str:
    import wagtail.admin

    return (
        Path(wagtail.admin.__file__).parent
        / "templates/wagtailadmin/pages/listing/_page_title_column_header.html"
    ).read_text()


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def lexer_of_a_parser():
    parser = Parser(Source("{ a: b }"), max_tokens=10)
    return parser._lexer


PATCHES = {
    # cms.graphql.limits.LimitedParser (graphql-core 3.2.14): counts aliases
    # in parse_field, reading the private lexer's token, lookahead and source;
    # refuses over-long integers in parse_int.
    "LimitedParser: Parser.parse_field": lambda: (
        parameters(Parser.parse_field) == ["self"]
    ),
    "LimitedParser: Parser.parse_document": lambda: (
        parameters(Parser.parse_document) == ["self"]
    ),
    "LimitedParser: Parser(max_tokens=...)": lambda: (
        "max_tokens" in parameters(Parser.__init__)
    ),
    "LimitedParser: Parser.parse_int": lambda: (
        parameters(Parser.parse_int) == ["self", "_is_const"]
    ),
    "LimitedParser: Parser._lexer.token/lookahead/source": lambda: (
        all(
            hasattr(lexer_of_a_parser(), name)
            for name in ("token", "lookahead", "source")
        )
        and hasattr(lexer_of_a_parser().token, "start")
    ),
    # cms.graphql.errors.MaskingExecutionContext (graphql-core 3.2.14).
    "MaskingExecutionContext: ExecutionContext.complete_value": lambda: (
        parameters(ExecutionContext.complete_value)
        == ["self", "return_type", "field_nodes", "info", "path", "result"]
    ),
    # cms.graphql.view.GraphQLView (graphene-django 3.2.3): replaced methods
    # keep upstream's signatures, called ones still exist.
    "GraphQLView: get_graphql_params": lambda: (
        isinstance(
            inspect.getattr_static(GrapheneGraphQLView, "get_graphql_params"),
            staticmethod,
        )
        and parameters(GrapheneGraphQLView.get_graphql_params) == ["request", "data"]
    ),
    "GraphQLView: parse_body": lambda: (
        parameters(GrapheneGraphQLView.parse_body) == ["self", "request"]
    ),
    "GraphQLView: execute_graphql_request": lambda: (
        parameters(GrapheneGraphQLView.execute_graphql_request)
        == [
            "self",
            "request",
            "data",
            "query",
            "variables",
            "operation_name",
            "show_graphiql",
        ]
    ),
    "GraphQLView: get_response": lambda: (
        parameters(GrapheneGraphQLView.get_response)
        == ["self", "request", "data", "show_graphiql"]
    ),
    "GraphQLView: format_error": lambda: (
        parameters(GrapheneGraphQLView.format_error) == ["error"]
    ),
    "GraphQLView: request_wants_html": lambda: (
        parameters(GrapheneGraphQLView.request_wants_html) == ["request"]
    ),
    "GraphQLView: get_content_type": lambda: (
        parameters(GrapheneGraphQLView.get_content_type) == ["request"]
    ),
    "GraphQLView: json_encode": lambda: (
        parameters(GrapheneGraphQLView.json_encode)[:3] == ["self", "request", "d"]
    ),
    # cms.cache.keys.site_key (Django 5.2): the raw host, before validation,
    # is what get_host() validates and returns.
    "site_key: HttpRequest._get_raw_host": lambda: (
        parameters(HttpRequest._get_raw_host) == ["self"]
        and "self._get_raw_host()" in inspect.getsource(HttpRequest.get_host)
    ),
    # cms.admin_search (wagtail 7.4): the page search's results header says
    # its verbose_name_plural after the count.
    "page search: SearchView.verbose_name(_plural)": lambda: (
        all(
            hasattr(page_search.SearchView, name)
            for name in ("verbose_name", "verbose_name_plural")
        )
        and "{{ model_name }}" in page_title_column_header()
    ),
}


@pytest.mark.parametrize("name", PATCHES)
def test_patched_target_is_still_there(name):
    try:
        still_there = PATCHES[name]()
    except Exception as error:  # a target gone altogether
        pytest.fail(f"{name}: {type(error).__name__}: {error}")
    assert still_there, f"{name}: the upstream target changed"


def test_the_translation_editor_template_still_has_the_block_it_extends():
    """cms/templates/wagtail_localize/admin/edit_translation.html (wagtail-localize
    1.14.5) extends upstream's template of the same name and fills its
    ``content`` block."""
    import wagtail_localize

    upstream = (
        Path(wagtail_localize.__file__).parent
        / "templates/wagtail_localize/admin/edit_translation.html"
    )
    assert upstream.exists(), "edit_translation.html override: upstream template gone"
    assert "{% block content %}" in upstream.read_text(), (
        "edit_translation.html override: upstream has no content block"
    )
    # And ours is the one Django finds.
    template = engines["django"].get_template(
        "wagtail_localize/admin/edit_translation.html"
    )
    assert Path(template.origin.name).is_relative_to(ROOT / "cms")


def test_the_bulk_actions_footer_is_upstream_but_for_the_permitted_choices():
    """cms/templates/wagtailadmin/bulk_actions/footer.html (Wagtail 7.4) is
    Wagtail's, with ``permitted_bulk_action_choices`` for
    ``bulk_action_choices``; an upgrade that changes the footer shows here."""
    import wagtail

    template = "wagtailadmin/bulk_actions/footer.html"
    upstream = (
        Path(wagtail.__file__).parent / "admin/templates" / template
    ).read_text()
    ours = (ROOT / "cms/templates" / template).read_text()
    assert ours == upstream.replace(
        "{% load i18n wagtailadmin_tags %}",
        "{% load i18n wagtailadmin_tags cms_bulk_actions %}",
    ).replace(
        "{% bulk_action_choices app_label model_name %}",
        "{% permitted_bulk_action_choices app_label model_name %}",
    )
    found = engines["django"].get_template(template)
    assert Path(found.origin.name).is_relative_to(ROOT / "cms")


def test_grapple_still_builds_media_urls_where_cms_replaces_them():
    """cms.graphql.media (wagtail-grapple 0.31) replaces the module-level
    ``get_media_item_url`` its image and document types call, and the
    rendition type's ``resolve_url``."""
    from grapple.types import documents, images

    assert hasattr(documents, "get_media_item_url")
    assert hasattr(images, "get_media_item_url")
    assert "resolve_url" in vars(images.ImageRenditionObjectType)
    # srcSet without sizes is refused before grapple's resolver runs.
    parameters = inspect.signature(
        inspect.unwrap(images.ImageObjectType.resolve_src_set)
    ).parameters
    assert list(parameters)[:3] == ["instance", "info", "sizes"], parameters
