"""Splitting unnumbered rows between the numbered rows around them.

Between two numbered rows lie `size` unnumbered rows; `split` of them belong to the item above,
the rest to the item below. A merged item name is vertically centred, so each item should have
as many rows after its numbered row as before it (one more or less for an even block), and a
page break is a likely place for the boundary. We minimise the total imbalance over the whole
section with a small dynamic programme (the cost of an item depends on the two gaps around it).
"""

from collections.abc import Callable

PAGE_BREAK_BONUS = 0.5
CLOSE_CALL = 1  # another split within this cost of the best one makes the decision uncertain


def imbalance(before: int, after: int) -> int:
    difference = abs(after - before)
    return difference if difference <= 1 else 3 * difference


def choose_splits(
    sizes: list[int], first_before: int, last_after: int, page_break_at: Callable[[int, int], bool]
) -> list[tuple[int, bool]]:
    """For each gap: (rows given to the item above, whether another split was nearly as good).

    `first_before` / `last_after`: rows before the first and after the last numbered row.
    `page_break_at(gap, split)`: whether that split puts the boundary on a page break.
    """
    if not sizes:
        return []

    def gap_cost(gap: int, split: int) -> float:
        return -PAGE_BREAK_BONUS if page_break_at(gap, split) else 0.0

    def item_cost(gap: int, previous_split: int | None, split: int | None) -> int:
        """Cost of the item just above gap `gap` (item index == gap)."""
        before = first_before if gap == 0 else sizes[gap - 1] - previous_split
        after = last_after if gap == len(sizes) else split
        return imbalance(before, after)

    # forward[g][s]: cheapest cost of items 0..g and gaps 0..g when gap g gives s rows upward.
    forward: list[list[float]] = []
    for gap, size in enumerate(sizes):
        forward.append([
            gap_cost(gap, split) + (
                item_cost(0, None, split) if gap == 0 else
                min(forward[gap - 1][p] + item_cost(gap, p, split) for p in range(sizes[gap - 1] + 1))
            )
            for split in range(size + 1)
        ])
    # backward[g][s]: cheapest cost of everything below gap g, given its split s.
    backward: list[list[float]] = [[] for _ in sizes]
    for gap in reversed(range(len(sizes))):
        backward[gap] = [
            item_cost(gap + 1, split, None) if gap == len(sizes) - 1 else
            min(item_cost(gap + 1, split, n) + gap_cost(gap + 1, n) + backward[gap + 1][n]
                for n in range(sizes[gap + 1] + 1))
            for split in range(sizes[gap] + 1)
        ]
    # Walk back from the last gap; ties give rows to the item above (the usual reading).
    splits = [0] * len(sizes)
    following = None
    for gap in reversed(range(len(sizes))):
        costs = [forward[gap][split] + item_cost(gap + 1, split, following) for split in range(sizes[gap] + 1)]
        splits[gap] = min(range(len(costs)), key=lambda split: (costs[split], -split))
        following = splits[gap]
    # A decision is uncertain when forcing another split costs little more overall.
    result = []
    for gap, best in enumerate(splits):
        totals = [f + b for f, b in zip(forward[gap], backward[gap])]
        close = any(totals[s] - totals[best] < CLOSE_CALL for s in range(len(totals)) if s != best)
        result.append((best, close))
    return result
