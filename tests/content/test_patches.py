"""The patch registry (content/patches.py): a patched target that moved or
changed shape is reported with the patch's name and upstream release."""

from content.api.patches import patches
from content.patches import MISSING, Target


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


def test_patches_are_applied_once_with_their_targets_recorded_before():
    from content.patches import Patches

    layer = Patches()
    installed = []
    target = Target("os.path:join")

    @layer.patch("example", "python 3.11", [target])
    def install():
        installed.append(True)

    layer.apply()
    layer.apply()
    assert installed == [True]
    (patch,) = layer.patches
    assert layer.problems(patch) == []
    assert layer.upstream[target] is __import__("os").path.join
