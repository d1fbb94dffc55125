"""What the reference frontend sends: its operations, verbatim.

The frontend (``frontend/``) sends each operation as the document string
GraphQL Code Generator writes into ``frontend/src/graphql/generated/graphql.ts``
from its ``.graphql`` files (the operation and every fragment it spreads; the
frontend's ``check:codegen`` keeps that file in step with the ``.graphql``
files). The benchmark reads the same strings, so it sends exactly the bytes
the frontend sends.

No Django imports: the load generator uses this module too.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

GENERATED = (
    Path(__file__).resolve().parent.parent
    / "frontend"
    / "src"
    / "graphql"
    / "generated"
    / "graphql.ts"
)

#: The operation the benchmark measures as "the frontend's article": the hub
#: page, the one operation whose answer holds every category and cause of the
#: article (``frontend/src/graphql/hub.graphql``).
HUB_OPERATION = "HubPage"


@cache
def document(operation: str) -> str:
    """The document the frontend sends for ``operation`` (e.g. ``HubPage``)."""
    text = GENERATED.read_text()
    match = re.search(
        # The text, then (with persisted documents) its hash.
        rf"export const {operation}Document = new TypedDocumentString\("
        rf"`(.*?)`(?:, \{{[^}}]*\}})?\)",
        text,
        re.S,
    )
    if match is None:
        raise SystemExit(f"{operation} is not in {GENERATED}: run npm run codegen")
    return match.group(1)


def operation_body(operation: str, variables: dict, nonce: int | None = None) -> bytes:
    """The POST body the frontend sends (``frontend/src/lib/cms.ts``), plus,
    with ``nonce``, a variable the operation does not declare: a new nonce
    is a response-cache miss that runs the whole operation."""
    variables = dict(variables)
    if nonce is not None:
        variables["benchNonce"] = nonce
    return json.dumps(
        {
            "query": document(operation),
            "variables": variables,
            "operationName": operation,
        },
        separators=(",", ":"),
    ).encode()


def hub_body(locale: str, nonce: int | None = None) -> bytes:
    """What the hub page route sends (``frontend/src/lib/resolve.ts``)."""
    return operation_body(HUB_OPERATION, {"locale": locale, "fallback": False}, nonce)
