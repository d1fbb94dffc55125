from content.models.pages import (
    ArticlePage,
    CauseCategoryPage,
    CauseIndexPage,
    CausePage,
    RelatedCause,
)
from content.models.snippets import SiteChrome
from content.models.workflows import MedicalReviewTask

__all__ = [
    "ArticlePage",
    "CauseCategoryPage",
    "CauseIndexPage",
    "CausePage",
    "MedicalReviewTask",
    "RelatedCause",
    "SiteChrome",
]
