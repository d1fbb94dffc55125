"""The GraphQL response cache: lookup and storage, its per-process mirror, and
what empties it."""
