"""The contract's example queries (content/api/examples.py) answer the demo
article without errors, as the benchmark and the docs expect."""

from __future__ import annotations

import pytest

from content.api.examples import ARTICLE_QUERY, FULL_ARTICLE_QUERY

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", [ARTICLE_QUERY, FULL_ARTICLE_QUERY])
def test_the_example_queries_read_the_whole_demo_article(demo_article, graphql, query):
    result = graphql(query, {"locale": "en"})
    assert result.status_code == 200
    assert not result.errors, result.errors
    hub = result.data["causeIndex"]
    assert hub["title"] == demo_article.title
    causes = [cause for category in hub["categories"] for cause in category["causes"]]
    assert len(hub["categories"]) >= 2 and len(causes) >= 5
    assert all(cause["body"] for cause in causes)
    assert result.data["siteChrome"]["contactEmail"].endswith("@example.org")


def test_the_example_queries_need_no_django_to_import():
    import subprocess
    import sys

    script = (
        "import sys; import content.api.examples; sys.exit('django' in sys.modules)"
    )
    result = subprocess.run(  # noqa: S603 (the interpreter running the tests)
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
