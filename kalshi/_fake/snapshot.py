"""Pickling of the exchange's state for the state file, and a loader that builds only the fake's own objects.

A snapshot pickles the attributes of the exchange's *roots* (the engine, the accounts, the clock:
the objects other parts of the server hold on to) and restores them into the live roots in place,
so every reference to a root stays valid. Anything the roots reach is saved with them, whatever
it is (markets, books, agents, random generators), with no per-class code. Inside the pickle a
root, the exchange's lock and bound methods are saved as references resolved against the live
server, and any other lock as a new one.

Loading never calls anything but the fake's own classes and a short list of standard containers
(``_Loader.find_class``), so a tampered file can at worst hold wrong data, not run code.
"""

from __future__ import annotations

import io
import itertools
import pickle  # noqa: S403 - loaded by _Loader, which only builds allowed classes
import threading
import types
from typing import Any

_PROTOCOL = 5
_LOCK = type(threading.Lock())
_RLOCK = type(threading.RLock())
# Standard classes a state may contain besides the fake's own (module, name).
_ALLOWED = frozenset(
    {
        ("builtins", "set"),
        ("builtins", "frozenset"),
        ("builtins", "bytearray"),
        ("builtins", "complex"),
        ("builtins", "list"),
        ("builtins", "dict"),
        ("builtins", "int"),
        ("builtins", "float"),
        ("builtins", "str"),
        ("collections", "deque"),
        ("collections", "OrderedDict"),
        ("collections", "defaultdict"),
        ("collections", "Counter"),
        ("datetime", "datetime"),
        ("datetime", "date"),
        ("datetime", "timedelta"),
        ("datetime", "timezone"),
        ("random", "Random"),
        ("itertools", "count"),
    }
)
# The fake's own modules; kalshi.testing re-exports (and renames the module of) its public classes.
_OWN = ("kalshi._fake.", "kalshi.testing")


class SnapshotError(Exception):
    """A pickle that does not load: corrupt, or holding something other than the fake's state."""


def _root(name: str) -> object:
    """Stands in the pickle for the live root ``name``; ``_Loader`` resolves it."""
    raise SnapshotError("a reference of the state can only be resolved while loading it")


def _shared_lock() -> object:
    """Stands in the pickle for the exchange's lock; ``_Loader`` resolves it."""
    raise SnapshotError("a reference of the state can only be resolved while loading it")


def _new_lock(reentrant: bool) -> object:
    """Stands in the pickle for a lock of some part of the state; ``_Loader`` makes a new one."""
    raise SnapshotError("a reference of the state can only be resolved while loading it")


def _method(owner: object, name: str) -> object:
    """Stands in the pickle for the bound method ``owner.name``; ``_Loader`` resolves it."""
    raise SnapshotError("a reference of the state can only be resolved while loading it")


_REFERENCES = frozenset({"_root", "_shared_lock", "_new_lock", "_method"})


class _Saver(pickle.Pickler):
    # reducer_override, unlike persistent_id, is not called for plain ints, strings, lists and dicts.
    def __init__(self, file: io.BytesIO, roots: dict[str, object], lock: object) -> None:
        super().__init__(file, _PROTOCOL)
        self._references: dict[int, tuple[Any, tuple[Any, ...]]] = {
            id(root): (_root, (name,)) for name, root in roots.items()
        }
        self._references[id(lock)] = (_shared_lock, ())

    def reducer_override(self, obj: Any) -> Any:
        reference = self._references.get(id(obj))
        if reference is not None:
            return reference
        kind = type(obj)
        if kind is _LOCK or kind is _RLOCK:
            return _new_lock, (kind is _RLOCK,)
        if kind is types.MethodType:
            return _method, (obj.__self__, obj.__func__.__name__)
        if kind is itertools.count:
            # count's own pickling is deprecated (3.12); its repr, "count(5)", says where it is.
            start, _, step = repr(obj)[len("count(") : -1].partition(", ")
            return itertools.count, (int(start), int(step or "1"))
        return NotImplemented


class _Loader(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, roots: dict[str, object], lock: object) -> None:
        super().__init__(file)
        self._roots = roots
        self._lock = lock

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name in _REFERENCES:
            return getattr(self, name)
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module.startswith(_OWN):
            found = super().find_class(module, name)
            if isinstance(found, type) and _ours(found):
                return found
        raise SnapshotError(f"refusing to load {module}.{name}: not part of the exchange's state")

    def _root(self, name: str) -> object:
        if name not in self._roots:
            raise SnapshotError(f"the state refers to an unknown part {name!r}")
        return self._roots[name]

    def _shared_lock(self) -> object:
        return self._lock

    def _new_lock(self, reentrant: bool) -> object:
        return threading.RLock() if reentrant else threading.Lock()

    def _method(self, owner: object, name: str) -> object:
        if not _ours(type(owner)) or not isinstance(name, str) or name.startswith("__"):
            raise SnapshotError(f"refusing to load the method {name!r} of {type(owner).__name__}")
        return getattr(owner, name)


def _ours(cls: type) -> bool:
    return cls.__module__.startswith(_OWN)


def dumps(value: object, roots: dict[str, object], lock: object) -> bytes:
    """Pickle ``value``; ``roots`` (and ``lock``) are saved as references, not by value."""
    buffer = io.BytesIO()
    _Saver(buffer, roots, lock).dump(value)
    return buffer.getvalue()


def loads(data: bytes, roots: dict[str, object], lock: object) -> Any:
    """Unpickle what ``dumps`` wrote, resolving references to the live ``roots`` and ``lock``."""
    try:
        return _Loader(io.BytesIO(data), roots, lock).load()
    except SnapshotError:
        raise
    except Exception as error:  # noqa: BLE001 - any failure to load means a damaged file
        raise SnapshotError(f"cannot load: {type(error).__name__}: {error}") from None


def save_roots(roots: dict[str, object], lock: object) -> bytes:
    """Pickle the attributes of every root."""
    return dumps({name: dict(vars(root)) for name, root in roots.items()}, roots, lock)


def restore_roots(data: bytes, roots: dict[str, object], lock: object) -> None:
    """Load what ``save_roots`` wrote into the live ``roots``, in place."""
    states = loads(data, roots, lock)
    if not isinstance(states, dict) or set(states) != set(roots):
        raise SnapshotError("the snapshot does not hold this exchange's state")
    for name, root in roots.items():
        attributes = vars(root)
        attributes.clear()
        attributes.update(states[name])
