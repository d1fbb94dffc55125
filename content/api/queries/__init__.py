"""Root queries of the frontend contract, and grapple's queries made safe.

``ContentQuery`` is the mixin the content app places first in grapple's root
Query, so that its fields and resolvers win over grapple's:

- ``article``: the contract's root fields (``causeIndex``, ``causes``,
  ``siteChrome``, ``locales``, ...);
- ``pages``: grapple's ``page``, ``pages``, ``search``, ``snippets`` and
  ``tag``, with the locale argument and the visibility gate;
- ``media``: grapple's images and documents, public collections only;
- ``common``: the arguments and lookups they share.
"""

from content.api.queries.article import ArticleQuery
from content.api.queries.media import MediaQueries
from content.api.queries.pages import PageQueries


class ContentQuery(ArticleQuery, PageQueries, MediaQueries):
    """Mixin placed first in the root Query so that it wins over grapple's."""


__all__ = ["ContentQuery"]
