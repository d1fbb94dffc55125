"""Abusive queries are rejected before any SQL runs."""

import pytest

from tests.cms.support import post_counted as post

pytestmark = pytest.mark.django_db


def nested(depth: int) -> str:
    # causeIndex { parent { parent { ... { title } } } }: one level per field.
    query = "title"
    for _ in range(depth - 2):
        query = f"parent {{ {query} }}"
    return f"{{ causeIndex {{ {query} }} }}"


def test_depth_eight_is_allowed(demo_article, client):
    response, body, _ = post(client, nested(8))
    assert response.status_code == 200, body


def test_depth_nine_is_rejected_without_sql(demo_article, client):
    response, body, queries = post(client, nested(9))
    assert response.status_code == 400
    assert body["errors"][0]["message"] == "Query is too deep: 9 levels (at most 8)."
    assert queries == 0


def test_more_than_ten_aliases_are_rejected_without_sql(db, client):
    aliases = " ".join(f"a{i}: locales {{ code }}" for i in range(11))
    response, body, queries = post(client, f"{{ {aliases} }}")
    assert response.status_code == 400
    messages = " ".join(e["message"] for e in body["errors"])
    assert "Too many aliases: more than 10 (at most 10)." in messages
    assert queries == 0


def test_an_alias_bomb_is_refused_at_its_eleventh_alias(db, client):
    """The parser stops there: the error points at the 11th alias, and a
    syntax error further on is never reached."""
    aliases = [f"a{i}: locales {{ code }}" for i in range(11)]
    query = "{ " + " ".join(aliases) + " a11: locales { code ]]] }"
    response, body, queries = post(client, query)
    assert response.status_code == 400
    [error] = body["errors"]
    assert error["message"] == "Too many aliases: more than 10 (at most 10)."
    assert error["locations"] == [{"line": 1, "column": query.index("a10:") + 1}]
    assert queries == 0


def test_aliases_in_fragments_count_too(db, client):
    spread = " ".join(f"a{i}: code" for i in range(6))
    query = (
        "{ x1: locales { ...F } x2: locales { ...G } }"
        f" fragment F on Locale {{ {spread} }}"
        f" fragment G on Locale {{ {spread.replace('a', 'b')} }}"
    )
    response, body, queries = post(client, query)
    assert response.status_code == 400
    assert body["errors"][0]["message"].startswith("Too many aliases")
    assert queries == 0


def test_ten_aliases_are_fine(db, client):
    aliases = " ".join(f"a{i}: locales {{ code }}" for i in range(10))
    response, body, _ = post(client, f"{{ {aliases} }}")
    assert response.status_code == 200, body


def test_expensive_nested_lists_are_rejected_without_sql(db, client):
    query = "{ pages(limit: 100) { children(limit: 100) { title } } }"
    response, body, queries = post(client, query)
    assert response.status_code == 400
    assert body["errors"][0]["message"].startswith(
        "Query is too expensive: estimated cost 10000 (at most 2000)."
    )
    assert queries == 0


def test_unbounded_nested_lists_count_as_the_page_size(db, client):
    query = "{ pages { descendants { title } } }"
    response, body, queries = post(client, query)
    assert response.status_code == 400
    assert "estimated cost 10000" in body["errors"][0]["message"]
    assert queries == 0


def test_the_contract_article_query_fits_the_budget(demo_article, graphql):
    from content.api.examples import FULL_ARTICLE_QUERY

    result = graphql(FULL_ARTICLE_QUERY)
    assert result.status_code == 200 and not result.errors


def test_parser_stops_at_the_token_limit(db, client):
    query = "{ locales { " + "code " * 2500 + "} }"
    response, body, queries = post(client, query)
    assert response.status_code == 400
    assert "Document contains more than 2000 tokens" in body["errors"][0]["message"]
    assert queries == 0


def test_specified_rules_still_apply(db, client):
    response, body, _ = post(client, "{ pagez { title } }")
    assert response.status_code == 400
    assert "Cannot query field 'pagez'" in body["errors"][0]["message"]


def test_introspection_and_suggestions_can_be_switched_off(db, client, settings):
    settings.GRAPHQL_INTROSPECTION = False
    settings.GRAPHQL_SUGGESTIONS = False
    response, body, _ = post(client, "{ __schema { types { name } } }")
    assert response.status_code == 400
    assert "introspection is disabled" in body["errors"][0]["message"]
    response, body, _ = post(client, "{ pagez { title } }")
    assert body["errors"][0]["message"] == "Cannot query field 'pagez' on type 'Query'."


def test_introspection_and_suggestions_are_on_by_default(db, client):
    response, body, _ = post(client, "{ __schema { queryType { name } } }")
    assert response.status_code == 200
    response, body, _ = post(client, "{ pagez { title } }")
    assert "Did you mean" in body["errors"][0]["message"]


def fragment_bomb(fragments: int) -> str:
    """Each fragment spreads the next four times: 4^n selections once
    expanded, from a document that grows by one line per fragment."""
    last = fragments - 1
    definitions = [
        f"fragment F{i} on PageInterface {{ children {{ "
        + " ".join([f"...F{i + 1}"] * 4)
        + " } }"
        for i in range(last)
    ]
    definitions.append(f"fragment F{last} on PageInterface {{ title }}")
    return "{ causeIndex { ...F0 } } " + " ".join(definitions)


def test_fragment_bombs_are_refused_with_work_linear_in_their_size(db, client):
    from cms.graphql import limits as graphql_limits

    visits = {}
    for fragments in (4, 8, 12, 16):
        before = graphql_limits.walk_stats.visits
        response, body, queries = post(client, fragment_bomb(fragments))
        visits[fragments] = graphql_limits.walk_stats.visits - before
        assert response.status_code == 400, body
        messages = [error["message"] for error in body["errors"]]
        assert any(m.startswith("Query is too expensive") for m in messages)
        assert queries == 0
    # Each fragment is looked at a fixed number of times, however often it
    # is spread: the work grows by the same amount with every 4 fragments.
    assert visits[8] - visits[4] == visits[12] - visits[8] == visits[16] - visits[12]
    assert visits[16] <= 12 * 16


def test_a_fragment_bomb_within_the_depth_and_cost_limits_is_refused(db, client):
    """Twelve fragments without lists: depth and cost stay small, but the
    query asks for millions of fields once its fragments are expanded."""
    definitions = [
        f"fragment F{i} on CauseIndexPage {{ title "
        + " ".join([f"...F{i + 1}"] * 4)
        + " }"
        for i in range(11)
    ]
    definitions.append("fragment F11 on CauseIndexPage { slug }")
    query = "{ causeIndex { ...F0 } } " + " ".join(definitions)
    assert len(query) < 1024
    response, body, queries = post(client, query)
    assert response.status_code == 400
    [error] = body["errors"]
    assert error["message"] == (
        "Query asks for too many fields: 5592406 (at most 200), "
        "each use of a fragment counting its fields."
    )
    assert queries == 0


def test_more_than_200_fields_are_refused(db, client):
    response, body, queries = post(client, "{ locales { " + "code " * 200 + "} }")
    assert response.status_code == 400
    assert body["errors"][0]["message"].startswith(
        "Query asks for too many fields: 201 (at most 200)"
    )
    assert queries == 0
    response, body, _ = post(client, "{ locales { " + "code " * 199 + "} }")
    assert response.status_code == 200, body


def test_more_than_50_fragments_are_refused(db, client):
    spreads = " ".join(f"...L{i}" for i in range(51))
    definitions = " ".join(f"fragment L{i} on Locale {{ code }}" for i in range(51))
    response, body, queries = post(
        client, f"{{ locales {{ {spreads} }} }} {definitions}"
    )
    assert response.status_code == 400
    assert body["errors"][0]["message"] == "Too many fragments: 51 (at most 50)."
    assert queries == 0


@pytest.mark.parametrize(
    ("definitions", "message"),
    [
        (
            "fragment A on CauseIndexPage { title ...B }"
            " fragment B on CauseIndexPage { slug ...A }",
            "Fragment 'A' spreads itself via 'B': fragments cannot form a cycle.",
        ),
        (
            "fragment A on CauseIndexPage { title ...A }",
            "Fragment 'A' spreads itself: fragments cannot form a cycle.",
        ),
    ],
)
def test_fragment_cycles_are_refused(db, client, definitions, message):
    response, body, queries = post(client, "{ causeIndex { ...A } } " + definitions)
    assert response.status_code == 400
    assert [error["message"] for error in body["errors"]] == [message]
    assert queries == 0


def test_a_long_chain_of_fragments_is_a_clear_error(db, client, settings):
    """No recursion: a chain of 600 spreads is measured like any other."""
    settings.GRAPHQL_MAX_TOKENS = 10_000
    definitions = " ".join(
        f"fragment C{i} on CauseIndexPage {{ ...C{i + 1} }}" for i in range(600)
    )
    last = "fragment C600 on CauseIndexPage { title }"
    query = f"{{ causeIndex {{ ...C0 }} }} {definitions} {last}"
    response, body, queries = post(client, query)
    assert response.status_code == 400
    assert body["errors"][0]["message"] == "Too many fragments: 601 (at most 50)."
    assert queries == 0


def test_a_document_nested_too_deeply_for_the_parser_is_a_clear_error(db, client):
    query = "{ causeIndex { " + "parent { " * 1000 + "title" + " }" * 1001 + " }"
    response, body, queries = post(client, query)
    assert response.status_code == 400
    assert body["errors"][0]["message"] == (
        "Syntax Error: Document is nested too deeply. Parsing aborted."
    )
    assert queries == 0


TOUR_INLINE = """query Article($locale: String) {
  causeIndex(locale: $locale) {
    title
    intro
    categories {
      title
      slug
      causes {
        title
        slug
        summary
        relatedCauses { slug }
        body {
          blockType
          ... on CalloutBlock { kind title message }
          ... on PageLinkBlock { linkText page { url } }
        }
      }
    }
  }
  siteChrome(locale: $locale) { disclaimer contactEmail copyright }
}"""


TOUR_FRAGMENTS = """query Article($locale: String) {
  causeIndex(locale: $locale) { title intro categories { ...Category } }
  siteChrome(locale: $locale) { ...Chrome }
}
fragment Category on CauseCategoryPage { title slug causes { ...Cause } }
fragment Cause on CausePage { title slug summary relatedCauses { slug } ...Body }
fragment Body on CausePage { body { blockType ...Callout ...Link } }
fragment Callout on CalloutBlock { kind title message }
fragment Link on PageLinkBlock { linkText page { url } }
fragment Chrome on SiteChrome { disclaimer contactEmail copyright }"""


def test_fragments_are_measured_like_their_inline_form(demo_article, client, settings):
    inline, with_fragments = post(client, TOUR_INLINE), post(client, TOUR_FRAGMENTS)
    assert inline[0].status_code == with_fragments[0].status_code == 200
    assert inline[1] == with_fragments[1]
    settings.GRAPHQL_MAX_DEPTH = 5
    settings.GRAPHQL_MAX_COST = 100
    settings.GRAPHQL_MAX_FIELDS = 10
    settings.GRAPHQL_CACHE_SECONDS = 0  # measured again, not answered from cache
    inline = post(client, TOUR_INLINE)
    with_fragments = post(client, TOUR_FRAGMENTS)
    messages = [error["message"] for error in inline[1]["errors"]]
    assert messages == [
        "Query is too deep: 6 levels (at most 5).",
        "Query is too expensive: estimated cost 1501 (at most 100). "
        "Ask for fewer or smaller lists.",
        "Query asks for too many fields: 24 (at most 10), "
        "each use of a fragment counting its fields.",
    ]
    assert [error["message"] for error in with_fragments[1]["errors"]] == messages
    assert inline[2] == with_fragments[2] == 0


def test_graphiql_introspection_fits_the_limits_where_it_is_on(db, client):
    from graphql import get_introspection_query

    response, body, _ = post(client, get_introspection_query(descriptions=True))
    assert response.status_code == 200, body["errors"]
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


TYPENAME_QUERIES = {
    "in a selection": "{ causeIndex { __typename title } }",
    "in a fragment": (
        "{ causeIndex { ...Hub } } fragment Hub on CauseIndexPage { __typename title }"
    ),
    "at the root": "{ __typename causeIndex { title } }",
}


@pytest.mark.parametrize("where", TYPENAME_QUERIES)
def test_typename_is_allowed_where_introspection_is_off(
    demo_article, client, settings, where
):
    settings.GRAPHQL_INTROSPECTION = False
    response, body, _ = post(client, TYPENAME_QUERIES[where])
    assert response.status_code == 200, body
    assert body["data"]["causeIndex"]["title"] == demo_article.title
    if where == "at the root":
        assert body["data"]["__typename"] == "Query"
    else:
        assert body["data"]["causeIndex"]["__typename"] == "CauseIndexPage"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("{ __schema { types { name } } }", "__schema"),
        ('{ __type(name: "CausePage") { name } }', "__type"),
        (
            "{ ...S } fragment S on Query { __schema { queryType { name } } }",
            "__schema",
        ),
    ],
)
def test_schema_introspection_is_refused_where_it_is_off(
    demo_article, client, settings, query, field
):
    settings.GRAPHQL_INTROSPECTION = False
    response, body, queries = post(client, query)
    assert response.status_code == 400
    assert [error["message"] for error in body["errors"]] == [
        f"Cannot query '{field}': introspection is disabled."
    ]
    assert queries == 0


def test_the_rules_after_the_limits_refuse_introspection_too(settings):
    """``validation_rules`` is complete on its own, without ``check_limits``."""
    from graphene_django.settings import graphene_settings
    from graphql import parse, validate

    from cms.graphql.limits import validation_rules

    settings.GRAPHQL_INTROSPECTION = False
    schema = graphene_settings.SCHEMA.graphql_schema
    [error] = validate(
        schema, parse('{ __type(name: "Query") { name } }'), validation_rules()
    )
    assert error.message == "Cannot query '__type': introspection is disabled."
    assert validate(schema, parse("{ __typename }"), validation_rules()) == []


def root_fields_query(count: int, spread: str) -> str:
    """``count`` root fields, asked for inline, in inline fragments on Query,
    or through one named fragment on Query per field."""
    field = "locales { code }"
    if spread == "inline":
        return "{ " + " ".join([field] * count) + " }"
    if spread == "inline fragments":
        return "{ " + " ".join([f"... on Query {{ {field} }}"] * count) + " }"
    definitions = [f"fragment R{i} on Query {{ {field} }}" for i in range(count)]
    spreads = " ".join(f"...R{i}" for i in range(count))
    return f"{{ {spreads} }} " + " ".join(definitions)


@pytest.mark.parametrize("spread", ["inline", "fragments", "inline fragments"])
def test_more_than_ten_root_fields_are_refused_however_they_are_spread(
    db, client, spread
):
    response, body, _ = post(client, root_fields_query(10, spread))
    assert response.status_code == 200, body
    assert body["data"]["locales"][0] == {"code": "en"}
    response, body, queries = post(client, root_fields_query(11, spread))
    assert response.status_code == 400, body
    messages = [error["message"] for error in body["errors"]]
    assert "Too many root fields: 11 (at most 10)." in messages
    assert queries == 0


def doubling_root_fragments(levels: int) -> str:
    """Each fragment on Query spreads the next twice: 2^levels root fields."""
    definitions = [
        f"fragment N{i} on Query {{ ...N{i + 1} ...N{i + 1} }}"
        for i in range(levels - 1)
    ]
    definitions.append(
        f"fragment N{levels - 1} on Query {{ locales {{ code }} locales {{ code }} }}"
    )
    return "{ ...N0 } " + " ".join(definitions)


def test_root_fields_through_nested_fragments_are_counted_in_linear_time(db, client):
    from cms.graphql import limits as graphql_limits

    visits = {}
    for levels in (4, 8, 12, 16):
        before = graphql_limits.walk_stats.visits
        response, body, queries = post(client, doubling_root_fragments(levels))
        visits[levels] = graphql_limits.walk_stats.visits - before
        assert response.status_code == 400, body
        messages = [error["message"] for error in body["errors"]]
        assert f"Too many root fields: {2**levels} (at most 10)." in messages
        assert queries == 0
    # Each fragment is measured once, however often it is spread.
    assert visits[8] - visits[4] == visits[12] - visits[8] == visits[16] - visits[12]
    assert visits[16] <= 12 * 16
