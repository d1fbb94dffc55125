"""Page types of the article: the hub, its cause categories and the causes."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django import forms
from django.db import models
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy
from grapple.models import GraphQLRichText, GraphQLString
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin
from wagtail_localize.fields import SynchronizedField

from content import frontend
from content.blocks import PROSE_FEATURES, BodyBlock
from content.editorial import graphql as editorial
from content.editorial.graphql import article_graphql_fields
from content.editorial.preview import client_url, store_preview
from content.editorial.review import (
    OVERDUE_MESSAGE,
    REVIEW_FIELDS,
    check_revision,
    is_medical_reviewer,
    is_overdue,
    record_override,
)
from content.fields import page_field, page_list, stream_field
from content.reading import reader_for
from content.translation.rich_text import SynchronisedLinksRichTextField

REVIEW_FIELDS_HELP = gettext_lazy(
    "Filled in when a medical reviewer approves the page: only medical "
    "reviewers can change it."
)


def body_text_autocomplete(*names: str) -> list[index.AutocompleteField]:
    """The admin's page search (explorer, *Search*) matches what editors type
    against autocomplete fields only, which are the title alone by default:
    these make it find a page by the words of its text too."""
    return [index.AutocompleteField(name) for name in names]


class ArticlePageForm(WagtailAdminPageForm):
    """The edit form of article pages: applies the review-date rule.

    Publishing (or approving the medical review, which publishes) a page whose
    next review date has passed is refused with an error on that date, unless
    a medical reviewer ticks the override, which is written to the history,
    or sets a new date in the approve dialog.

    The review fields are read-only for everyone but medical reviewers:
    approval fills them in (``content.editorial.review.record_review``).
    """

    override_overdue_review = forms.BooleanField(
        required=False,
        label=gettext_lazy("Publish although the review is overdue"),
        help_text=gettext_lazy("Medical reviewers only. Recorded in the page history."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not is_medical_reviewer(self.for_user):
            self.fields["override_overdue_review"].disabled = True
            # The review is recorded when a medical reviewer approves; what
            # anyone else posts for these fields is ignored.
            for name in REVIEW_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = REVIEW_FIELDS_HELP
        if not self.is_bound and "public_change_note" in self.fields:
            # A change note describes one publication: start each edit empty.
            self.initial["public_change_note"] = ""

    def is_publishing(self) -> bool:
        data = self.data
        return bool(data.get("action-publish")) or self.is_approving()

    def is_approving(self) -> bool:
        data = self.data
        return (
            bool(data.get("action-workflow-action"))
            and data.get("workflow-action-name") == "approve"
        )

    def approve_dialog_data(self) -> dict:
        """What the reviewer entered in the approve dialog (sent as JSON)."""
        if not self.is_approving():
            return {}
        try:
            extra = json.loads(self.data.get("workflow-action-extra-data") or "{}")
        except ValueError:
            return {}
        return extra if isinstance(extra, dict) else {}

    def override_in_approve_dialog(self) -> bool:
        """Did the reviewer tick the override in the approve dialog instead?"""
        return self.approve_dialog_data().get("override_overdue_review") is True

    def new_date_in_approve_dialog(self) -> bool:
        """Did the reviewer set a new next review date in the approve dialog?
        Approving then records the review with that date."""
        value = self.approve_dialog_data().get("next_review_due")
        try:
            chosen = datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return not is_overdue(chosen) and is_medical_reviewer(self.for_user)

    def clean(self) -> dict:
        cleaned = super().clean()
        due = cleaned.get("next_review_due")
        self.review_override = False
        if (
            self.is_publishing()
            and is_overdue(due)
            and not self.new_date_in_approve_dialog()
        ):
            overriding = (
                cleaned.get("override_overdue_review")
                or self.override_in_approve_dialog()
            )
            if overriding and is_medical_reviewer(self.for_user):
                self.review_override = True
            else:
                self.add_error(
                    "next_review_due", OVERDUE_MESSAGE.format(date=due.isoformat())
                )
        return cleaned

    def save(self, commit: bool = True) -> Page:
        page = super().save(commit=commit)
        if getattr(self, "review_override", False) and page.pk:
            record_override(page, self.for_user)
        return page


class ArticlePage(HeadlessMixin, Page):
    """Behaviour shared by every page of the article tree.

    The slug is the page's identifier in the API (``cause(slug:)``,
    ``causes(category:)``) and is the same in every language, so it is copied
    from the source on each translation sync rather than translated.
    """

    body = StreamField(
        BodyBlock(), blank=True, use_json_field=True, verbose_name=gettext_lazy("body")
    )
    # The medical review: publishing after next_review_due needs a medical
    # reviewer's override (content.editorial.review).
    reviewed_by = models.CharField(
        gettext_lazy("reviewed by"),
        max_length=120,
        blank=True,
        help_text=gettext_lazy("Name of the medical reviewer."),
    )
    reviewer_credentials = models.CharField(
        gettext_lazy("reviewer credentials"),
        max_length=120,
        blank=True,
        help_text=gettext_lazy(
            "Qualifications shown to readers, e.g. 'MD, reproductive medicine'."
        ),
    )
    last_reviewed = models.DateField(
        gettext_lazy("last reviewed"), null=True, blank=True
    )
    next_review_due = models.DateField(
        gettext_lazy("next review due"),
        null=True,
        blank=True,
        help_text=gettext_lazy(
            "After this date the page cannot be published until reviewed."
        ),
    )
    public_change_note = models.CharField(
        gettext_lazy("public change note"),
        max_length=255,
        blank=True,
        help_text=gettext_lazy(
            "What changed, in one sentence readers may see in the page "
            "history. Write it when you publish; it is not carried over."
        ),
    )

    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("reviewed_by"),
                FieldPanel("reviewer_credentials"),
                FieldPanel("last_reviewed"),
                FieldPanel("next_review_due"),
                FieldPanel("override_overdue_review"),
            ],
            heading=gettext_lazy("Medical review"),
        ),
        FieldPanel("public_change_note"),
    ]

    base_form_class = ArticlePageForm

    # A change note is not translated: translations carry their source's, and
    # the API says its language (content.editorial.graphql). The review is
    # recorded on each language's page when a medical reviewer approves it,
    # never typed by translators.
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("public_change_note", overridable=False),
        SynchronizedField("reviewed_by", overridable=False),
        SynchronizedField("reviewer_credentials", overridable=False),
    ]

    class Meta:
        abstract = True

    def publish(
        self,
        revision: Any,
        user: Any = None,
        changed: bool = True,
        log_action: Any = True,
        previous_revision: Any = None,
        skip_permission_checks: bool = False,
    ) -> Any:
        """Publish ``revision`` unless its medical review is overdue.

        Every publication but the page editor's passes here (the editor's form
        applies the same rule): see ``content.editorial.review.check_revision``.
        """
        if not check_revision(revision, log_action):
            return None
        return super().publish(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
            skip_permission_checks=skip_permission_checks,
        )

    def serve(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        """Readers read the page on the frontend: redirect to its address there.

        HeadlessServeMixin redirects to ``FRONTEND_URL`` plus the page's path;
        without a frontend the page says so (``content.frontend``).
        """
        if not frontend.base_url():
            return frontend.no_frontend(request, self)
        return super().serve(request)

    def serve_preview(self, request: Any, preview_mode: str) -> Any:
        """Show the unsaved draft in the frontend, through an expiring token."""
        token = store_preview(self)
        query = urlencode(
            {
                "content_type": self.get_content_type_str(),
                "token": token,
                "locale": self.locale.language_code,
            }
        )
        response = render(
            request,
            "wagtail_headless_preview/preview.html",
            {"preview_url": f"{client_url(self, request)}?{query}"},
        )
        response["Cache-Control"] = "private, no-store"
        return response

    def graphql_medical_review(self, info: Any, **kwargs: Any) -> Any:
        return editorial.medical_review(self)

    def graphql_references(self, info: Any, **kwargs: Any) -> list:
        return editorial.references(self)

    def graphql_history(self, info: Any, **kwargs: Any) -> list:
        return editorial.history(reader_for(info), self)


class CauseIndexPage(ArticlePage):
    """The article hub: why implantation can fail or a pregnancy can be lost.

    It opens with a note on the sensitivity of the topic, gives an overview,
    lists the cause categories (its only children) and closes with the
    treatment outlook.
    """

    intro = SynchronisedLinksRichTextField(
        features=PROSE_FEATURES, verbose_name=gettext_lazy("introduction")
    )
    support_note = SynchronisedLinksRichTextField(
        features=PROSE_FEATURES,
        verbose_name=gettext_lazy("support note"),
        help_text=gettext_lazy(
            "Shown before the article: acknowledge that this topic is "
            "painful and say where readers can find emotional support."
        ),
    )
    outlook_heading = models.CharField(
        gettext_lazy("outlook heading"),
        max_length=120,
        default="Many causes can be treated",
    )
    outlook = SynchronisedLinksRichTextField(
        features=PROSE_FEATURES,
        verbose_name=gettext_lazy("treatment outlook"),
        help_text=gettext_lazy("The closing section: what treatment can change."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("support_note"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("outlook_heading"), FieldPanel("outlook")],
            heading=gettext_lazy("Treatment outlook"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        *body_text_autocomplete("intro", "body"),
    ]

    graphql_fields = [
        GraphQLRichText("intro", required=True),
        GraphQLRichText("support_note", required=True),
        stream_field("body"),
        GraphQLString("outlook_heading", required=True),
        GraphQLRichText("outlook", required=True),
        page_list(
            "categories",
            "CauseCategoryPage",
            source="graphql_categories",
            description="The cause categories, in the editors' tree order.",
        ),
        *article_graphql_fields(),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["content.CauseCategoryPage"]

    class Meta:
        verbose_name = gettext_lazy("cause index (article hub)")

    def graphql_categories(self, info: Any, **kwargs: Any) -> list[Page]:
        return reader_for(info).served_children(self, CauseCategoryPage)


class CauseCategoryPage(ArticlePage):
    """One family of causes: embryonic, uterine or systemic."""

    summary = models.TextField(
        gettext_lazy("summary"),
        max_length=400,
        help_text=gettext_lazy("One or two plain sentences for listings."),
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        *body_text_autocomplete("summary", "body"),
    ]

    graphql_fields = [
        GraphQLString("summary", required=True),
        stream_field("body"),
        page_list(
            "causes",
            "CausePage",
            source="graphql_causes",
            description="The causes in this category, in the editors' tree order.",
        ),
        page_field(
            "index",
            "CauseIndexPage",
            source="graphql_index",
            description="The article hub this category belongs to.",
        ),
        *article_graphql_fields(),
    ]

    parent_page_types = ["content.CauseIndexPage"]
    subpage_types = ["content.CausePage"]
    # Bounds the API's query-cost estimate relies on (settings.GRAPHQL_LIST_BOUNDS).
    max_count_per_parent = 10

    class Meta:
        verbose_name = gettext_lazy("cause category")
        verbose_name_plural = gettext_lazy("cause categories")

    def graphql_causes(self, info: Any, **kwargs: Any) -> list[Page]:
        return reader_for(info).served_children(self, CausePage)

    def graphql_index(self, info: Any, **kwargs: Any) -> Page | None:
        return reader_for(info).served_parent(self)


class CausePage(ArticlePage):
    """One possible cause of failed implantation or pregnancy loss."""

    summary = models.TextField(
        gettext_lazy("summary"),
        max_length=400,
        help_text=gettext_lazy("One or two plain sentences for listings."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel(
            "related_causes",
            label=gettext_lazy("Related causes"),
            heading=gettext_lazy("Related causes"),
            help_text=gettext_lazy(
                "Other causes a reader of this page should know about."
            ),
            max_num=5,
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        *body_text_autocomplete("summary", "body"),
    ]

    graphql_fields = [
        GraphQLString("summary", required=True),
        stream_field("body"),
        page_field(
            "category",
            "CauseCategoryPage",
            source="graphql_category",
            description="The category this cause belongs to.",
        ),
        page_list(
            "related_causes",
            "CausePage",
            source="graphql_related_causes",
            description="Live related causes in the same language, in editor order.",
        ),
        *article_graphql_fields(),
    ]

    parent_page_types = ["content.CauseCategoryPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 30

    # Which causes are related is the editors' decision, the same in every
    # language; the API shows each one in the reader's language.
    override_translatable_fields = ArticlePage.override_translatable_fields + [
        SynchronizedField("related_causes", overridable=False)
    ]

    class Meta:
        verbose_name = gettext_lazy("cause")
        verbose_name_plural = gettext_lazy("causes")

    def graphql_category(self, info: Any, **kwargs: Any) -> Page | None:
        return reader_for(info).served_parent(self)

    def graphql_related_causes(self, info: Any, **kwargs: Any) -> list[Page]:
        return reader_for(info).related(self, RelatedCause, CausePage)


class RelatedCause(Orderable):
    """A link from one cause to another that readers should see next."""

    page = ParentalKey(
        CausePage, on_delete=models.CASCADE, related_name="related_causes"
    )
    target = models.ForeignKey(
        CausePage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=gettext_lazy("cause"),
    )

    panels = [FieldPanel("target", heading=gettext_lazy("Cause"))]

    class Meta(Orderable.Meta):
        verbose_name = gettext_lazy("related cause")
        verbose_name_plural = gettext_lazy("related causes")
