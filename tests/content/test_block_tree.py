"""The block-tree walk over stored StreamField values (no database)."""

from wagtail import blocks

from content.block_tree import Node, is_list_item, transform, walk


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock()
    page = blocks.PageChooserBlock()


class Body(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock()
    link = LinkBlock()
    items = blocks.ListBlock(blocks.CharBlock())


BODY = Body()

STORED = [
    {"type": "paragraph", "id": "p1", "value": "<p>One</p>"},
    {"type": "link", "id": "l1", "value": {"label": "Two", "page": 7, "extra": 1}},
    {
        "type": "items",
        "id": "i1",
        "value": [
            {"type": "item", "id": "a", "value": "Three"},
            {"type": "item", "id": "b", "value": "Four"},
        ],
    },
    {"type": "items", "id": "i2", "value": ["Five", "Six"]},
    {"type": "retired", "id": "r1", "value": "kept"},
    "not a block",
]


def leaves(nodes):
    return [
        (node.path, node.value, node.legacy)
        for node in nodes
        if not isinstance(node.block, blocks.StreamBlock | blocks.StructBlock)
        and not isinstance(node.block, blocks.ListBlock)
    ]


def test_walk_yields_the_root_first_and_every_leaf_in_stored_order_with_its_path():
    nodes = list(walk(BODY, STORED, "body"))
    assert nodes[0] == Node(BODY, STORED, "body")
    assert leaves(nodes) == [
        ("body.p1", "<p>One</p>", False),
        ("body.l1.label", "Two", False),
        ("body.l1.page", 7, False),
        ("body.i1.a", "Three", False),
        ("body.i1.b", "Four", False),
        ("body.i2.0", "Five", True),
        ("body.i2.1", "Six", True),
    ]


def test_walk_skips_unknown_types_missing_struct_children_and_wrong_shapes():
    stored = [
        {"type": "link", "id": "l1", "value": {"label": "Only a label"}},
        {"type": "link", "id": "l2", "value": "not a struct"},
        {"type": "items", "id": "i1", "value": "not a list"},
    ]
    assert leaves(walk(BODY, stored)) == [(".l1.label", "Only a label", False)]
    assert list(walk(BODY, None)) == [Node(BODY, None, "")]


def test_legacy_is_inherited_by_everything_inside_an_old_format_list():
    block = blocks.ListBlock(LinkBlock())
    stored = [{"label": "Old", "page": 3}]
    assert leaves(walk(block, stored, "x")) == [
        ("x.0.label", "Old", True),
        ("x.0.page", 3, True),
    ]


def test_list_format_is_read_as_wagtails_list_block_reads_it():
    block = blocks.ListBlock(blocks.CharBlock())
    new = [{"type": "item", "id": "a", "value": "One"}]
    old = ["One", {"value": "not an item"}]
    assert is_list_item(new[0]) and not is_list_item(old[0])
    assert not is_list_item({"type": "item", "value": "no id"})
    # Wagtail unwraps exactly the items the walk treats as wrapped.
    assert list(block.to_python(new)) == [n.value for n in walk(block, new)][1:]
    assert list(block.to_python(old[:1])) == [n.value for n in walk(block, old[:1])][1:]


def test_transform_changes_leaves_and_keeps_everything_else():
    def shout(node):
        return node.value.upper() if isinstance(node.value, str) else node.value

    changed = transform(BODY, STORED, shout)
    assert changed == [
        {"type": "paragraph", "id": "p1", "value": "<P>ONE</P>"},
        {"type": "link", "id": "l1", "value": {"label": "TWO", "page": 7, "extra": 1}},
        {
            "type": "items",
            "id": "i1",
            "value": [
                {"type": "item", "id": "a", "value": "THREE"},
                {"type": "item", "id": "b", "value": "FOUR"},
            ],
        },
        {"type": "items", "id": "i2", "value": ["FIVE", "SIX"]},
        {"type": "retired", "id": "r1", "value": "kept"},
        "not a block",
    ]
    # The stored value itself is untouched.
    assert STORED[0]["value"] == "<p>One</p>"
    assert STORED[2]["value"][0]["value"] == "Three"


def test_transform_of_a_leaf_or_an_empty_container():
    assert transform(blocks.CharBlock(), "a", lambda node: node.value * 2) == "aa"
    assert transform(BODY, [], lambda node: 1 / 0) == []
    assert transform(LinkBlock(), {}, lambda node: 1 / 0) == {}
