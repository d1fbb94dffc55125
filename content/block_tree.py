"""Walking a StreamField's stored (JSON) value along its block definitions.

A body is a tree: stream blocks hold typed children, struct blocks named
ones, list blocks items of one type. Reading page links out of it, rewriting
them and finding text wagtail-localize cannot offer all descend it the same
way; this module is that descent, written once.

Values are the stored form (``get_prep_value`` / ``raw_data``), not Python
values. Each node has a path as wagtail-localize writes context paths:
``<field>.<stream child id>.<struct child name>.<list item id>``; an item of
a list stored in Wagtail's older format (plain values, no item ids) is
addressed by its position, and it and everything inside it is ``legacy``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from wagtail import blocks


@dataclass(frozen=True)
class Node:
    """One block of the tree with its stored value."""

    block: blocks.Block
    value: Any
    path: str
    #: Inside a list stored in Wagtail's older format.
    legacy: bool = False


def is_list_item(item: Any) -> bool:
    """Whether a stored list item is in Wagtail's block format
    (``{"type": "item", "value": ..., "id": ...}``), the rule ``ListBlock``
    applies when it reads a list."""
    return (
        isinstance(item, dict)
        and "id" in item
        and "value" in item
        and item.get("type") == "item"
    )


def _children(node: Node) -> Iterator[tuple[tuple[Any, ...], Node]]:
    """Each child of a container node, with where it sits in the node's value
    (a key, or a key and ``"value"`` for a wrapped item)."""
    block, raw, path = node.block, node.value, node.path
    if isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        for index, item in enumerate(raw):
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                child = block.child_blocks[item["type"]]
                yield (
                    (index, "value"),
                    Node(
                        child,
                        item.get("value"),
                        f"{path}.{item.get('id')}",
                        node.legacy,
                    ),
                )
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            if name in raw:
                yield (name,), Node(child, raw[name], f"{path}.{name}", node.legacy)
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        block_format = bool(raw) and is_list_item(raw[0])
        for index, item in enumerate(raw):
            if block_format and isinstance(item, dict):
                yield (
                    (index, "value"),
                    Node(
                        block.child_block,
                        item.get("value"),
                        f"{path}.{item.get('id')}",
                        node.legacy,
                    ),
                )
            else:
                yield (
                    (index,),
                    Node(block.child_block, item, f"{path}.{index}", legacy=True),
                )


def walk(block: blocks.Block, raw: Any, path: str = "") -> Iterator[Node]:
    """Every node of the tree, the root first, depth first in stored order."""
    stack = [Node(block, raw, path)]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed([child for _place, child in _children(node)]))


def transform(block: blocks.Block, raw: Any, change: Callable[[Node], Any]) -> Any:
    """A copy of ``raw`` with the value of every leaf (a block that is no
    stream, struct or list) replaced by ``change(node)``. Containers keep
    everything the walk does not visit (unknown keys, items of unknown
    types); ``raw`` itself is not modified."""
    return _transform(Node(block, raw, ""), change)


def _transform(node: Node, change: Callable[[Node], Any]) -> Any:
    if not isinstance(
        node.block, blocks.StreamBlock | blocks.StructBlock | blocks.ListBlock
    ):
        return change(node)
    children = list(_children(node))
    if not children:
        return node.value
    copied = (
        [dict(item) if isinstance(item, dict) else item for item in node.value]
        if isinstance(node.value, list)
        else dict(node.value)
    )
    for place, child in children:
        new = _transform(child, change)
        if len(place) == 2:
            copied[place[0]][place[1]] = new
        else:
            copied[place[0]] = new
    return copied
