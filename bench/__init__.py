"""``make bench``: measures the GraphQL API against Wagtail's REST API.

Not a Django app and not part of the test suite; see docs/benchmark.md.
"""
