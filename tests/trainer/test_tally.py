"""The split of the votes: percentages, majority and ties."""

from __future__ import annotations

from ilomo.room.tally import Split, letter


def test_percentages_round_half_up_and_total() -> None:
    split = Split.of([12, 5, 3, 0])
    assert split.total == 20
    assert [split.percent(i) for i in range(4)] == [60, 25, 15, 0]
    eighths = Split.of([1, 2, 5])
    assert [eighths.percent(i) for i in range(3)] == [13, 25, 63]  # 12.5 -> 13, 62.5 -> 63


def test_majority_is_the_single_most_voted_option() -> None:
    assert Split.of([3, 9, 4]).majority == 1
    assert Split.of([3, 9, 4]).leaders == [1]
    assert not Split.of([3, 9, 4]).tie


def test_tie_has_no_majority() -> None:
    split = Split.of([5, 2, 5])
    assert split.tie and split.majority is None and split.leaders == [0, 2]


def test_no_votes_is_no_majority_and_no_tie() -> None:
    split = Split.of([0, 0, 0])
    assert split.total == 0 and split.majority is None and not split.tie and split.leaders == []
    assert split.percent(1) == 0


def test_negative_counts_count_as_zero() -> None:
    assert Split.of([-2, 1]).counts == (0, 1)


def test_letters() -> None:
    assert [letter(i) for i in range(5)] == ["A", "B", "C", "D", "E"]
