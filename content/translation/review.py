"""Translated pages reach readers through the medical review, like their source.

A translation of an article page is medical content: a mistranslated dose or
warning is as harmful as a wrong one in English. So the "Medical review"
workflow that covers the page tree applies to every language, and the
Translators group holds no publish permission on pages
(``content.translation.permissions``).

wagtail-localize's translation editor knows nothing of workflows: it offers
*Publish* to whoever may publish, and nothing else. This module adds what a
translator needs instead:

- ``submit_for_review`` saves the translation as a draft revision of the
  translated page (untranslated strings fall back to the source text, as
  wagtail-localize's own publishing does) and submits that revision to the
  page's workflow; a medical reviewer's approval publishes exactly it. The
  draft never reaches readers before that: wagtail-localize's own "save as
  draft" writes the translated content into a live page's row, which is what
  the API serves, so ``create_or_update_translation`` replaces it with one
  that saves a revision only (installed when the app is ready);
- the editor shows a *Submit to Medical review* button, or the review the page
  is waiting for (``review_panel``, used by the editor template in
  ``cms/templates``);
- *Sync with source* (``SyncWithSourceView``, answering wagtail-localize's
  URL) keeps its *Publish immediately* option only for people who may publish
  every translation it would publish; for anyone else it is switched off, so
  syncing cannot publish a page past its review;
- *Convert to alias page* (``convert_to_alias``, answering wagtail-localize's
  URL) and Wagtail's *Convert alias to ordinary page* are for people who may
  publish the page. The first replaces a translated page with a live copy of
  its source, in the source language; the second makes a live alias's content
  the page's own, no longer marked as the source's (the API labels an alias
  with its source's language). Either would put content before readers that
  no reviewer approved for this language. For anyone else the actions are not
  offered and the views refuse (``refuse_alias_change``).
"""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

from django.contrib import messages
from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page, Revision, TaskState, WorkflowState
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail_localize.models import (
    StringSegment,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.views import convert
from wagtail_localize.views.update_translations import UpdateTranslationsView

from content.translation.views import _translation_for

SYNC_PUBLISH_OFF = gettext_lazy(
    "Not available to you: {names} can only be published by the medical "
    "review. Sync without publishing, then submit each translation to review "
    "from its editor."
)


ALIAS_REFUSED = gettext_lazy(
    "'{title}' in {language} was not changed: {action} is only for people who "
    "may publish the page, as it would show readers content that no medical "
    "reviewer approved for {language}. Ask a medical reviewer."
)
CONVERT_TO_ALIAS = gettext_lazy("Convert to alias page")
CONVERT_ALIAS = gettext_lazy("Convert alias to ordinary page")


def may_publish(user: Any, instance: Any) -> bool:
    """Whether ``user`` may publish ``instance`` directly, without a review."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return ModelPermissionPolicy(type(instance)).user_has_permission(
            user, "publish"
        )
    return True


def untranslated_count(translation: Translation) -> int:
    return (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .count()
    )


def save_draft(translation: Translation, user: Any) -> Revision:
    """A new draft revision of the translated page from the current strings."""
    translation.save_target(user=user, publish=False)
    return translation.get_target_instance().get_latest_revision()


_create_or_update_translation = TranslationSource.create_or_update_translation


def create_or_update_translation(
    self: TranslationSource,
    locale: Any,
    user: Any = None,
    publish: bool = True,
    copy_parent_pages: bool = False,
    fallback: bool = False,
) -> tuple[Any, bool]:
    """wagtail-localize's translation save, where a draft stays a draft.

    Saving a translation without publishing (``save_target(publish=False)``:
    our review submission, *Translate this page* over a subtree whose pages
    are already translated, the demo loader) writes the translated content
    into the object's row. For a live page that row is its published content,
    which the API serves, so unreviewed text would reach readers; a live
    snippet would be unpublished. For a live object this builds the same
    translated instance (synchronised fields, translated segments, the slug)
    and saves it as a revision only, as Wagtail's own editor does.
    """
    if not publish:
        try:
            existing = self.get_translated_instance(locale)
        except ObjectDoesNotExist:
            existing = None
        if isinstance(existing, DraftStateMixin) and existing.live:
            with transaction.atomic():
                instance = self.get_ephemeral_translated_instance(
                    locale, fallback=fallback
                )
                if isinstance(instance, Page):
                    instance.slug = find_available_slug(
                        instance.get_parent(),
                        slugify(instance.slug),
                        ignore_page_id=instance.pk,
                    )
                    revision = instance.save_revision(user=user, log_action=True)
                else:
                    revision = instance.save_revision(user=user)
                TranslationLog.objects.create(
                    source=self, locale=locale, revision=revision
                )
            return existing, False
    return _create_or_update_translation(
        self,
        locale,
        user=user,
        publish=publish,
        copy_parent_pages=copy_parent_pages,
        fallback=fallback,
    )


def _edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@require_POST
def submit_for_review(request: HttpRequest, translation_id: int) -> HttpResponse:
    """Save a page translation as a draft and submit it to the page's workflow."""
    translation = _translation_for(request, translation_id)
    page = translation.target_instance
    if not isinstance(page, Page):
        raise Http404("Only pages go through a review workflow.")
    workflow = page.get_workflow()
    language = translation.target_locale.get_display_name()
    if workflow is None:
        messages.error(
            request,
            gettext(
                "No review workflow covers '%(title)s': publish the translation "
                "instead."
            )
            % {"title": page.get_admin_display_title()},
        )
        return redirect(_edit_url(page))
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        messages.warning(
            request,
            gettext(
                "'%(title)s' in %(language)s is already waiting for "
                "%(workflow)s. Nothing was submitted."
            )
            % {
                "title": page.get_admin_display_title(),
                "language": language,
                "workflow": workflow.name,
            },
        )
        return redirect(_edit_url(page))
    if page.permissions_for_user(request.user).page_locked():
        raise PermissionDenied
    try:
        with transaction.atomic():
            save_draft(translation, request.user)
            page = translation.get_target_instance()
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(request.user)
            else:
                workflow.start(page, request.user)
    except ValidationError as error:
        messages.error(
            request,
            gettext(
                "'%(title)s' in %(language)s could not be saved: %(errors)s. "
                "Nothing was submitted."
            )
            % {
                "title": page.get_admin_display_title(),
                "language": language,
                "errors": "; ".join(error.messages),
            },
        )
        return redirect(_edit_url(page))
    message = gettext(
        "Submitted '%(title)s' in %(language)s to %(workflow)s. It is published "
        "when a medical reviewer approves it."
    ) % {
        "title": page.get_admin_display_title(),
        "language": language,
        "workflow": workflow.name,
    }
    missing = untranslated_count(translation)
    if missing:
        messages.warning(
            request,
            message
            + " "
            + ngettext(
                "%(count)s untranslated string shows the source text until translated.",
                "%(count)s untranslated strings show the source text until translated.",
                missing,
            )
            % {"count": missing},
        )
    else:
        messages.success(request, message)
    return redirect(_edit_url(page))


def changes_requested(state: WorkflowState | None) -> TaskState | None:
    """The task state in which a reviewer asked for changes (with their
    comment), for a workflow waiting for them."""
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return (
        state.task_states.filter(status=TaskState.STATUS_REJECTED)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )


def review_panel(translation: Translation, instance: Any, user: Any = None) -> dict:
    """What the translation editor says about the review of ``instance``.

    ``primary``: the action the editor's footer offers first to someone who
    may not publish the page (wagtail-localize's footer would otherwise make
    its last action, *Delete* or *Stop Synced translation*, the primary
    button): *Submit* before the review, a disabled *Waiting for ...* while
    it runs.
    """
    if not isinstance(instance, Page):
        return {"applies": False}
    workflow = instance.get_workflow()
    if workflow is None:
        return {"applies": False}
    state = instance.current_workflow_state
    in_review = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    rejected = changes_requested(state)
    primary = None
    if user is not None and not may_publish(user, instance):
        primary = "waiting" if in_review else "submit"
    return {
        "applies": True,
        "workflow": workflow,
        "state": state,
        "in_review": in_review,
        "needs_changes": state is not None
        and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "changes_requested": rejected,
        "reviewer": (
            (
                rejected.finished_by.get_full_name()
                or rejected.finished_by.get_username()
            )
            if rejected is not None and rejected.finished_by is not None
            else ""
        ),
        "primary": primary,
        "submit_url": reverse("translation_submit_for_review", args=[translation.pk]),
        "language": translation.target_locale.get_display_name(),
    }


def refuse_alias_change(
    request: HttpRequest, page: Page, action: str
) -> HttpResponse | None:
    """Refuse ``action`` on ``page`` (with a message) unless the user may publish it."""
    if page.permissions_for_user(request.user).can_publish():
        return None
    messages.error(
        request,
        ALIAS_REFUSED.format(
            title=page.get_admin_display_title(),
            language=page.locale.get_display_name(),
            action=action,
        ),
    )
    return redirect(get_valid_next_url_from_request(request) or _edit_url(page))


def convert_to_alias(request: HttpRequest, page_id: int) -> HttpResponse:
    """wagtail-localize's *Convert to alias page*, for people who may publish."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    refused = refuse_alias_change(request, page, CONVERT_TO_ALIAS)
    if refused is not None:
        return refused
    return convert.convert_to_alias(request, page_id)


def before_convert_alias_page(request: HttpRequest, page: Page) -> HttpResponse | None:
    """Wagtail's *Convert alias to ordinary page*, for people who may publish.

    Only for an alias of a page in another language: an alias of a page in
    its own language shows content reviewed for that language.
    """
    source = page.alias_of
    if source is None or source.locale_id == page.locale_id:
        return None
    return refuse_alias_change(request, page, CONVERT_ALIAS)


def editor_props_for(user: Any, instance: Any, props: str) -> str:
    """The translation editor's props without actions ``user`` may not take.

    The editor offers *Convert to alias page* to anyone who may edit the
    translation; it is only for people who may publish it.
    """
    if not isinstance(instance, Page) or may_publish(user, instance):
        return props
    data = json.loads(props)
    if data.get("links", {}).get("convertToAliasUrl"):
        data["links"]["convertToAliasUrl"] = None
        return json.dumps(data, cls=DjangoJSONEncoder)
    return props


class SyncWithSourceView(UpdateTranslationsView):
    """wagtail-localize's *Sync with source*, publishing only what the user may."""

    @cached_property
    def unpublishable(self) -> list[str]:
        names = []
        for translation in self.object.translations.filter(enabled=True).select_related(
            "target_locale"
        ):
            try:
                instance = translation.get_target_instance()
            except Exception:  # noqa: S112 - a deleted target is not published
                continue
            if not may_publish(self.request.user, instance):
                names.append(
                    gettext("'%(title)s' in %(language)s")
                    % {
                        "title": instance,
                        "language": translation.target_locale.get_display_name(),
                    }
                )
        return names

    def get_form(self):
        form = super().get_form()
        if self.unpublishable:
            field = form.fields["publish_translations"]
            field.disabled = True
            field.help_text = SYNC_PUBLISH_OFF.format(
                names=", ".join(self.unpublishable)
            )
        return form
