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
