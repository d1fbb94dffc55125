"""Which of the content app's models are types of the public schema.

Grapple registers every model of the apps in ``GRAPPLE["APPS"]``: page types
and snippets, but also any other model of the app as a bare type, listed in
the ``Search`` union. In this app those are the medical review's workflow
task and the join rows behind a cause's related causes: editorial machinery,
not content, and never returned by any field. Only pages, snippets and
settings stay.
"""

from __future__ import annotations


def hide_non_content_types() -> None:
    """Drop grapple's plain Django model types before the schema is built.

    Runs once grapple has registered the app's models (its app is ready
    first) and before ``grapple.schema`` builds the schema and the ``Search``
    union from its registry.
    """
    from grapple.registry import registry

    registry.django_models.clear()
