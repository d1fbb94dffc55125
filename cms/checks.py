"""System checks of the GraphQL wiring (``manage.py check``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register("graphql")
def trusted_documents_manifest(app_configs: Any = None, **kwargs: Any) -> list:
    """A manifest named by ``GRAPHQL_TRUSTED_DOCUMENTS`` must be one the API
    accepts: otherwise none of its documents would be trusted."""
    path = settings.GRAPHQL_TRUSTED_DOCUMENTS
    if not path:
        return []
    from graphene_django.settings import graphene_settings

    from cms.graphql.trusted import ManifestError, check_manifest, read_manifest

    try:
        check_manifest(graphene_settings.SCHEMA.graphql_schema, read_manifest(path))
    except ManifestError as error:
        return [
            Error(
                f"GRAPHQL_TRUSTED_DOCUMENTS is refused: {error}",
                hint="Regenerate the manifest (npm run codegen in frontend/) or "
                "correct the path.",
                id="cms.E001",
            )
        ]
    return []
