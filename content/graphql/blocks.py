"""How body blocks appear in the API."""

from typing import Any

from grapple.types.streamfield import StreamFieldInterface


def resolve_block_type(block_value: Any, info: Any, **kwargs: Any) -> str:
    """``blockType`` is the block's name in the body library (``callout``).

    Grapple reports the Python class name (``CalloutBlock``), which changes
    whenever code is refactored and says nothing for plain blocks such as a
    paragraph (``RichTextBlock``). The child names are the stable nouns
    editors and frontends share; the GraphQL ``__typename`` still tells the
    type apart.
    """
    return block_value.block.name


def use_block_names_as_block_types() -> None:
    StreamFieldInterface.resolve_block_type = resolve_block_type
