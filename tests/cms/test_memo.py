"""The bounded memo behind the API's per-process memories."""

from cms.memo import BoundedMemo


def test_the_least_recently_used_entry_goes_first():
    memo = BoundedMemo(max_entries=2, max_bytes=1000)
    memo.put("a", 1, 10)
    memo.put("b", 2, 10)
    assert memo.get("a") == 1  # now the most recently used
    memo.put("c", 3, 10)
    assert memo.get("b") is None
    assert memo.get("a") == 1 and memo.get("c") == 3
    assert len(memo) == 2


def test_the_bytes_held_are_bounded():
    memo = BoundedMemo(max_entries=100, max_bytes=100)
    for key in "abcde":
        memo.put(key, key, 25)
    assert memo.bytes <= 100
    assert memo.get("a") is None and memo.get("e") == "e"


def test_an_entry_over_a_quarter_of_the_budget_is_not_kept():
    memo = BoundedMemo(max_entries=100, max_bytes=100)
    memo.put("small", 1, 10)
    memo.put("large", 2, 26)
    assert memo.get("large") is None
    assert memo.get("small") == 1


def test_a_key_is_kept_once_and_clear_forgets_everything():
    memo = BoundedMemo(max_entries=10, max_bytes=1000)
    memo.put("a", 1, 10)
    memo.put("a", 2, 10)
    assert memo.get("a") == 1 and memo.bytes == 10
    memo.clear()
    assert memo.get("a") is None and memo.bytes == 0 and len(memo) == 0
