from django.db import models
from django.utils.translation import gettext_lazy


class CacheGeneration(models.Model):
    """The response cache's generation, held by the database (one row).

    Every change that can alter a public answer adds one to ``value`` in the
    change's own transaction; every cached answer carries the value it was
    computed under and is served only while that is still the value here. So
    no cache state that can move backwards (a Redis restored from a snapshot,
    a failover to a lagging replica, a process's memory) can serve an answer
    older than the database, and a change made in any process reaches every
    process that answers.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    value = models.BigIntegerField(default=1)

    class Meta:
        verbose_name = gettext_lazy("response cache generation")

    def __str__(self) -> str:
        return f"response cache generation {self.value}"


class TrustedDocument(models.Model):
    """A GraphQL document a frontend of this deployment sends, by id.

    Imported from the frontend build's manifest (GraphQL Code Generator's
    persisted documents: ``"sha256:<hex>": "<document>"``) by
    ``import_trusted_documents``. With ``GRAPHQL_TRUSTED_DOCUMENTS_ONLY`` on,
    anonymous requests may run only these (``cms.graphql.trusted``).
    """

    id = models.CharField(primary_key=True, max_length=71)  # "sha256:" + 64 hex
    document = models.TextField()
    #: The operations the document defines, comma-separated (for the admin
    #: and the import's progress output).
    operations = models.CharField(max_length=500, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "trusted GraphQL document"
        ordering = ["operations"]

    def __str__(self) -> str:
        return f"{self.operations or 'anonymous operation'} ({self.id[:19]}…)"
