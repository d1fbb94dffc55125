"""One RequestState per request, holding what the view learns about it."""

from django.test import RequestFactory

from cms.graphql.state import RequestState, attach, state_of


def test_a_request_gets_its_state_once():
    request = RequestFactory().get("/graphql/")
    assert state_of(request) is None
    state = attach(request, "first-request-id")
    assert attach(request, "second-request-id") is state
    assert state_of(request) is state
    assert state == RequestState(request_id="first-request-id")


def test_what_resolvers_record_on_the_request_is_taken_in():
    request = RequestFactory().get("/graphql/")
    state = attach(request, "some-request-id")
    state.absorb_resolver_marks(request)
    assert state.private is False and state.valid_until is None
    request.graphql_private = True
    request.graphql_valid_until = 1_900_000_000.0
    state.absorb_resolver_marks(request)
    assert state.private is True and state.valid_until == 1_900_000_000.0


def test_each_response_carries_the_id_of_its_own_request(db, client):
    ids = {
        client.get("/graphql/", {"query": "{ locales { code } }"})["X-Request-ID"]
        for _ in range(2)
    }
    assert len(ids) == 2
