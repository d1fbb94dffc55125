"""Root queries of the frontend contract, and grapple's queries made safe."""

from content.api.queries.article import ContentQuery

__all__ = ["ContentQuery"]
