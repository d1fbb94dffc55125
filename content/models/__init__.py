from content.models.pages import (
    ArticlePage,
    CauseCategoryPage,
    CauseIndexPage,
    CausePage,
    RelatedCause,
)
from content.models.snippets import SiteChrome

__all__ = [
    "ArticlePage",
    "CauseCategoryPage",
    "CauseIndexPage",
    "CausePage",
    "RelatedCause",
    "SiteChrome",
]
