"""Every patch of grapple and graphene still finds what it patches."""

import pytest

from content.api.patches import patches


def test_the_patches_are_applied():
    assert patches.applied
    assert patches.patches


@pytest.mark.parametrize("patch", patches.patches, ids=lambda patch: patch.name)
def test_every_patched_target_exists_as_the_patch_expects(patch):
    problems = patches.problems(patch)
    assert not problems, "\n".join(problems)


def test_rich_text_is_served_as_wagtails_template_renders_it(demo_article, graphql):
    """The rich-text patch skips the template, not what it would produce: each
    value over HTTP equals Wagtail's own rendering of the stored source (in
    the admin's context, where links are Wagtail's)."""
    from grapple.types.rich_text import RichText as RichTextScalar
    from wagtail.rich_text import RichText

    from content.api import scalars
    from content.models import CausePage

    assert RichTextScalar.serialize is scalars.serialize_rich_text
    cause = CausePage.objects.get(slug="hydrosalpinx")
    result = graphql(
        '{ cause(slug: "hydrosalpinx") { body { id ... on RichTextBlock { value } } }'
        " causeIndex { intro } }"
    )
    assert not result.errors
    served = {b["id"]: b["value"] for b in result.data["cause"]["body"] if "value" in b}
    stored = {
        b.id: RichText(b.value.source).__html__()
        for b in cause.body
        if b.block_type == "paragraph"
    }
    assert served and served == stored
    assert 'href="/' in " ".join(served.values())
    assert result.data["causeIndex"]["intro"] == RichText(demo_article.intro).__html__()
