"""Every patch of grapple and graphene still finds what it patches."""

import pytest

from content.api.patches import patches
from content.patches import MISSING, Target


def test_the_patches_are_applied():
    assert patches.applied
    assert patches.patches


@pytest.mark.parametrize("patch", patches.patches, ids=lambda patch: patch.name)
def test_every_patched_target_exists_as_the_patch_expects(patch):
    problems = patches.problems(patch)
    assert not problems, "\n".join(problems)


def test_a_moved_target_fails_with_the_patchs_name():
    (patch,) = [p for p in patches.patches if p.name == "redirect-targets-gated"]
    moved = Target("grapple.types.redirects:RedirectObjectType.resolve_new_link")
    assert moved.snapshot() is MISSING
    changed = Target("grapple.utils:resolve_queryset", parameters=("qs", "info"))
    (problem,) = changed.problems(changed.snapshot())
    assert problem.startswith("grapple.utils:resolve_queryset takes ('qs', 'info', ")
    assert problem.endswith("the patch expects ('qs', 'info')")
    assert Target("x", keys=("root_page",)).problems(frozenset()) == [
        "x lacks ['root_page']"
    ]
    problems = type(patches)()
    problems.upstream[moved] = MISSING
    bad = type(patch)(patch.name, patch.upstream, (moved,), patch.install)
    assert problems.problems(bad) == [
        "patch 'redirect-targets-gated' (written for wagtail-grapple 0.31.0): "
        "grapple.types.redirects:RedirectObjectType.resolve_new_link "
        "no longer exists"
    ]
