from django.core.management.base import BaseCommand, CommandError

from cms.graphql.trusted import (
    ManifestError,
    check_manifest,
    read_manifest,
    replace_documents,
)


class Command(BaseCommand):
    help = (
        "Make the documents of a persisted-documents manifest (GraphQL Code "
        "Generator's persisted-documents.json) this API's trusted documents. "
        "The manifest is checked whole first: if any document is invalid, "
        "nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the manifest, e.g. persisted-documents.json")

    def handle(self, *args, **options):
        from graphene_django.settings import graphene_settings

        path, verbosity = options["path"], options["verbosity"]
        try:
            manifest = read_manifest(path)
            if verbosity >= 2:
                self.stdout.write(f"Checking {len(manifest)} documents from {path} ...")
            entries = check_manifest(graphene_settings.SCHEMA.graphql_schema, manifest)
        except ManifestError as error:
            raise CommandError(
                f"{error}\nThe manifest was refused; the trusted documents are "
                "unchanged."
            ) from None
        if verbosity >= 2:
            for entry in entries:
                self.stdout.write(f"  {entry.id[:19]}…  {', '.join(entry.operations)}")
        added, removed, kept = replace_documents(entries)
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{len(entries)} trusted documents from {path}: {added} "
                    f"added, {removed} removed, {kept} unchanged."
                )
            )
