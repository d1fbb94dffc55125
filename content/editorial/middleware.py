"""Clear answers in the admin around approving a medical review."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.localization import get_localized_response

from content.editorial.review import ReviewOverdue

#: Wagtail's dashboard and page-listing approve (and reject) endpoint.
WORKFLOW_ACTION_VIEW = "wagtailadmin_pages:workflow_action"
OVERRIDE_FIELD = "override_overdue_review"


def workflow_action(request: HttpRequest) -> dict | None:
    """The URL arguments of a POST to the workflow action view, else None."""
    match = request.resolver_match
    if (
        request.method != "POST"
        or match is None
        or match.view_name != WORKFLOW_ACTION_VIEW
    ):
        return None
    return match.kwargs


class ReviewOverdueMiddleware:
    """Approving a page whose review is overdue is refused with the reason.

    The approval ran in a transaction that the refusal rolled back, so the
    task stays in review. The admin's approve dialog (an XMLHttpRequest) is
    shown again with what the reviewer entered and the reason beside the
    override checkbox; a plain form post is sent back to the page editor with
    the message shown.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not isinstance(exception, ReviewOverdue):
            return None
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's workflow dialog shows only successful answers (any
            # other status becomes a generic error), so the refusal comes back
            # as the dialog's next step, in the user's admin language and time
            # zone (the view's own were left with the exception).
            dialog = get_localized_response(refused_dialog, request, exception)
            if dialog is not None:
                return dialog
            html = format_html(
                '<div class="help-block help-critical" role="alert"><p>{}</p></div>',
                str(exception),
            )
            return JsonResponse(
                {"step": "action", "html": html, "error": str(exception)}
            )
        messages.error(request, str(exception))
        if exception.page_id is not None:
            return redirect("wagtailadmin_pages:edit", exception.page_id)
        return redirect("wagtailadmin_home")


def refused_dialog(
    request: HttpRequest, exception: ReviewOverdue
) -> HttpResponse | None:
    """The approve dialog again, as the reviewer filled it in, with the
    refusal beside the override checkbox (or above the form without one)."""
    kwargs = workflow_action(request)
    if kwargs is None:
        return None
    from wagtail.admin.views.pages.workflow import WorkflowAction

    view = WorkflowAction()
    view.setup(request, **kwargs)
    view.check_action()
    if view.form_class is None:
        return None
    form = view.form_class(request.POST)
    form.is_valid()
    form.add_error(
        OVERRIDE_FIELD if OVERRIDE_FIELD in form.fields else None, str(exception)
    )
    response = view.render_modal_form(request, form)
    return response


class ApprovalMessageMiddleware:
    """Approving or requesting changes from the dashboard (or the page
    listing) says what happened.

    Wagtail's dialog reloads the dashboard, where the task is simply gone;
    this adds "'Title' was approved and published." (or when it goes live,
    for a scheduled page) when the request approved a task that was waiting,
    and "Changes to 'Title' were requested." when it sent one back.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        task_state_id = getattr(request, "_approving_task_state", None)
        if task_state_id is not None:
            confirm_approval(request, task_state_id)
        task_state_id = getattr(request, "_rejecting_task_state", None)
        if task_state_id is not None:
            confirm_changes_requested(request, task_state_id)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs) -> None:
        from wagtail.models import TaskState

        kwargs = workflow_action(request)
        attribute = {
            "approve": "_approving_task_state",
            "reject": "_rejecting_task_state",
        }.get((kwargs or {}).get("action_name"))
        if attribute is None:
            return None
        task_state_id = kwargs.get("task_state_id")
        if TaskState.objects.filter(
            pk=task_state_id, status=TaskState.STATUS_IN_PROGRESS
        ).exists():
            setattr(request, attribute, task_state_id)
        return None


def confirm_changes_requested(request: HttpRequest, task_state_id: int) -> None:
    from wagtail.models import TaskState

    task_state = (
        TaskState.objects.filter(pk=task_state_id, status=TaskState.STATUS_REJECTED)
        .select_related("workflow_state")
        .first()
    )
    if task_state is None:
        return
    page = task_state.workflow_state.content_object.specific
    messages.success(
        request,
        _("Changes to '%(title)s' were requested.")
        % {"title": page.get_admin_display_title()},
    )


def confirm_approval(request: HttpRequest, task_state_id: int) -> None:
    from django.utils import timezone
    from django.utils.formats import date_format
    from wagtail.models import TaskState

    task_state = (
        TaskState.objects.filter(pk=task_state_id, status=TaskState.STATUS_APPROVED)
        .select_related("workflow_state")
        .first()
    )
    if task_state is None:
        return
    page = task_state.workflow_state.content_object.specific
    title = page.get_admin_display_title()
    revision = page.get_latest_revision()
    go_live = revision.approved_go_live_at if revision is not None else None
    if go_live is not None:
        messages.success(
            request,
            _("'%(title)s' was approved and will be published on %(date)s.")
            % {
                "title": title,
                "date": date_format(timezone.localtime(go_live), "DATETIME_FORMAT"),
            },
        )
    elif page.live:
        messages.success(
            request, _("'%(title)s' was approved and published.") % {"title": title}
        )
    else:
        messages.success(request, _("'%(title)s' was approved.") % {"title": title})
