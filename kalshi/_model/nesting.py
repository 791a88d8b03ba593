"""JSON-shaped values of any depth, taken apart and rebuilt without recursion (pickling, deep copies).

A server may nest an unknown field 100,000 levels deep; ``pickle`` and ``copy.deepcopy`` recurse
once per level and give up near 1,000. ``flatten`` turns plain lists and dicts into two flat
lists (a code per node in pre-order, and the leaves and keys in order) that pickle and copy
without going deeper; ``unflatten`` builds the same value back. Anything that is not exactly a
``list`` or ``dict`` (a model, a datetime, a tuple) is a leaf, handled by the caller.
"""

from __future__ import annotations

from typing import Any, Callable

__all__ = ["flatten", "unflatten"]

_LEAF = -1  # a list of n items is coded 2n, a dict of n items 2n + 1


class _Key:
    """A dict key on the work stack: it goes to the leaves, with no code of its own."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key


def flatten(value: Any) -> tuple[list[int], list[Any]]:
    """``(codes, leaves)`` of ``value``, pre-order: a dict's key comes just before its value."""
    codes: list[int] = []
    leaves: list[Any] = []
    stack = [value]
    while stack:
        v = stack.pop()
        if v.__class__ is list:
            codes.append(2 * len(v))
            stack.extend(reversed(v))
        elif v.__class__ is dict:
            codes.append(2 * len(v) + 1)
            for key, item in reversed(v.items()):
                stack.append(item)
                stack.append(_Key(key))
        elif v.__class__ is _Key:
            leaves.append(v.key)
        else:
            codes.append(_LEAF)
            leaves.append(v)
    return codes, leaves


def unflatten(codes: list[int], leaves: list[Any], leaf: Callable[[Any], Any] = lambda v: v) -> Any:
    """The value ``flatten`` took apart; ``leaf`` maps each leaf (not the keys) on the way."""
    take = iter(leaves).__next__
    root: list[Any] = []
    # [container, items still to come]; the root holder takes exactly one value.
    stack: list[list[Any]] = [[root, 1]]
    for code in codes:
        top = stack[-1]
        parent = top[0]
        key = take() if parent.__class__ is dict else None
        if code == _LEAF:
            node: Any = leaf(take())
            size = 0
        else:
            node = {} if code & 1 else []
            size = code >> 1
        if parent.__class__ is dict:
            parent[key] = node
        else:
            parent.append(node)
        top[1] -= 1
        if size:
            stack.append([node, size])
        while stack and stack[-1][1] == 0:
            stack.pop()
    return root[0]
