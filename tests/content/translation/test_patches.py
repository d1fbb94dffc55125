"""Every patch of wagtail-localize still finds what it patches."""

import pytest
from django.urls import reverse

from content.translation.patches import SHADOWED, patches


def test_the_patches_are_applied():
    assert patches.applied
    assert patches.patches


@pytest.mark.parametrize("patch", patches.patches, ids=lambda patch: patch.name)
def test_every_patched_target_exists_as_the_patch_expects(patch):
    problems = patches.problems(patch)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("name", "route", "view", "ours"), SHADOWED)
def test_our_views_answer_wagtail_localizes_admin_urls(name, route, view, ours):
    arguments = [7]
    assert reverse(f"wagtail_localize:{name}", args=arguments) == reverse(
        ours, args=arguments
    )
