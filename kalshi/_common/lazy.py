"""Names loaded on first use (PEP 562): the one helper behind ``kalshi``, ``kalshi.apis`` and ``kalshi.models``.

A package lists each public name with the module that defines it and installs what this returns::

    __getattr__, __dir__ = lazy_exports(__name__, {"Market": "kalshi.model.market"})

``pkg.Market`` imports ``kalshi.model.market`` on first access and stores the value in the package,
so later lookups never come back here. ``dir(pkg)`` lists every public name before it is loaded.
"""

import sys
from typing import Any, Callable, Collection, List, Mapping, Tuple

Getattr = Callable[[str], Any]
Dir = Callable[[], List[str]]


def load(module: str) -> Any:
    """Import ``module`` and return it: importlib.import_module without importing importlib."""
    __import__(module)
    return sys.modules[module]


def lazy_exports(package: str, names: Mapping[str, str], submodules: Collection[str] = ()) -> Tuple[Getattr, Dir]:
    """The ``__getattr__`` and ``__dir__`` of ``package``.

    ``names`` maps a public name to the module that defines it; ``submodules`` are the package's
    own modules reachable as attributes (``kalshi.exceptions``) without an import of their own.
    """
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is not None:
            value = getattr(load(module), name)
        elif name in submodules:
            value = load(f"{package}.{name}")
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value  # later lookups skip __getattr__
        return value

    def __dir__() -> List[str]:
        return sorted(set(namespace) | set(namespace["__all__"]))

    return __getattr__, __dir__
