"""Site-wide chrome: the disclaimer and footer shown once on every page."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy
from grapple.models import GraphQLRichText, GraphQLString
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from content.reading import reader_for
from content.translation.rich_text import SynchronisedLinksRichTextField


class SiteChrome(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """The disclaimer and footer of the site, one per content language.

    They live here, once, rather than inside page bodies, so that a change to
    the legal wording reaches every page and every language's translators.
    """

    organisation_name = models.CharField(
        gettext_lazy("organisation name"), max_length=120
    )
    disclaimer = SynchronisedLinksRichTextField(
        features=["bold", "italic", "link"],
        verbose_name=gettext_lazy("disclaimer"),
        help_text=gettext_lazy(
            "Shown on every page: what the platform does and does not do."
        ),
    )
    contact_email = models.EmailField(gettext_lazy("contact email"))
    registered_in = models.CharField(
        gettext_lazy("registered in"),
        max_length=80,
        help_text=gettext_lazy("Country where the organisation is registered."),
    )
    copyright_line = models.CharField(
        gettext_lazy("copyright line"),
        max_length=200,
        blank=True,
        help_text=gettext_lazy(
            "Follows '© <year> <organisation name>.' in the footer."
        ),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("disclaimer"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("registered_in"),
                FieldPanel("copyright_line"),
            ],
            heading=gettext_lazy("Footer"),
        ),
    ]

    #: How translation reports list it: a site-wide setting, not content.
    translation_report_kind = "setting"

    # The address readers write to is the same in every language.
    translatable_fields = [
        TranslatableField("organisation_name"),
        TranslatableField("disclaimer"),
        SynchronizedField("contact_email", overridable=False),
        TranslatableField("registered_in"),
        TranslatableField("copyright_line"),
    ]

    graphql_fields = [
        GraphQLString("organisation_name", required=True),
        GraphQLRichText("disclaimer", required=True),
        GraphQLString("contact_email", required=True),
        GraphQLString("registered_in", required=True),
        GraphQLString("copyright", required=True),
        GraphQLString("locale", required=True, source="graphql_locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = gettext_lazy("site chrome")
        verbose_name_plural = gettext_lazy("site chrome")

    def __str__(self) -> str:
        # The admin shows each snippet's language beside it (listings, the
        # translation status page): the name alone, or it reads twice.
        return self.organisation_name

    def graphql_locale(self, info: Any, **kwargs: Any) -> str:
        return reader_for(info).locale_code(self.locale_id)

    @property
    def copyright(self) -> str:
        notice = f"© {timezone.now().year} {self.organisation_name}."
        return f"{notice} {self.copyright_line}".strip()
