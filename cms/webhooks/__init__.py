"""Publishing events, delivered as signed webhooks by a background worker.

A publish, unpublish, move or delete of a page, a change of the site chrome
(snippets and settings), a scheduled publication going live or expiring and a
medical review falling overdue each become one ``Event`` (``events``), queued
in the publishing transaction as one ``Delivery`` per subscriber, each its own
task on django-tasks' database backend. The worker (``manage.py db_worker
--backend webhooks``) signs and sends them (``delivery``), retries failures and
logs every attempt. See docs/webhooks.md.
"""
