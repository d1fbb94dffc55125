"""The worker's tasks, on the ``webhooks`` backend (django-tasks-db).

Run them with ``manage.py db_worker --backend webhooks``.
"""

from __future__ import annotations

from django_tasks import TaskContext, task

BACKEND = "webhooks"


@task(backend=BACKEND, takes_context=True)
def deliver(context: TaskContext, delivery_id: int) -> str:
    """One attempt at one delivery; a failure queues the next attempt."""
    from cms.webhooks.delivery import attempt

    return attempt(delivery_id, str(context.task_result.id))


@task(backend=BACKEND)
def review_overdue_sweep() -> int:
    """Send ``review.overdue`` for pages that fell overdue, then come back
    tomorrow."""
    from cms.webhooks.review import schedule_next_sweep, send_overdue_events

    sent = send_overdue_events()
    schedule_next_sweep()
    return sent
