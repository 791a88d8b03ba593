"""A class's own field annotations, read the same way on Python 3.9 to 3.14.

Before 3.14 a class body stores ``__annotations__``; from 3.14 (PEP 649/749) it stores an
``__annotate__`` function that evaluates them on demand. String annotations (modules with
``from __future__ import annotations``) are evaluated in the defining module's namespace.
"""

from __future__ import annotations

import sys
from typing import Any, ClassVar, ForwardRef, Mapping, get_origin

__all__ = ["declared_names", "evaluated_annotations", "is_classvar", "namespace_of", "resolve"]

try:  # 3.14+
    import annotationlib as _annotationlib  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - depends on the Python version
    _annotationlib = None

# annotationlib.Format.VALUE: the one format every __annotate__ function must support.
_VALUE = 1


def _annotate_function(namespace: Mapping[str, Any]) -> Any:
    # The compiler names it __annotate__ in the class body; type() keeps it as __annotate_func__.
    return namespace.get("__annotate__") or namespace.get("__annotate_func__")


def declared_names(namespace: Mapping[str, Any]) -> list[str]:
    """The annotated names of a class body, before the class exists (for ``__slots__``)."""
    raw = namespace.get("__annotations__")
    if raw is None:
        annotate = _annotate_function(namespace)
        if annotate is None:
            return []
        if _annotationlib is not None:
            # FORWARDREF: names of annotations that cannot be evaluated yet are still listed.
            raw = _annotationlib.call_annotate_function(annotate, _annotationlib.Format.FORWARDREF)
        else:
            raw = annotate(_VALUE)
    return [name for name, tp in raw.items() if not is_classvar(tp)]


def evaluated_annotations(cls: type) -> dict[str, Any]:
    """``cls``'s own annotations (not its bases'), evaluated, ClassVars left out."""
    if _annotationlib is not None:
        raw: Mapping[str, Any] = _annotationlib.get_annotations(cls)
    else:
        own = cls.__dict__.get("__annotations__")
        if own is None:
            annotate = _annotate_function(cls.__dict__)
            own = annotate(_VALUE) if annotate is not None else {}
        raw = own
    namespace = namespace_of(cls)
    out = {}
    for name, tp in raw.items():
        if not is_classvar(tp):  # before resolving: a ClassVar's text may name anything
            value = resolve(tp, namespace)
            if not is_classvar(value):
                out[name] = value
    return out


def namespace_of(cls: type) -> dict[str, Any]:
    """The names a class's annotations may use: its module's, then its own."""
    module = sys.modules.get(cls.__module__)
    names = dict(vars(module)) if module is not None else {}
    names.update(vars(cls))
    names.setdefault(cls.__name__, cls)
    return names


def resolve(tp: Any, namespace: Mapping[str, Any]) -> Any:
    """Evaluate a string or ``ForwardRef`` annotation in ``namespace``; other values pass."""
    text = tp.__forward_arg__ if isinstance(tp, ForwardRef) else tp
    if not isinstance(text, str):
        return tp
    try:
        return eval(text, dict(namespace))  # noqa: S307 - annotation text of a class being defined
    except NameError as err:
        raise TypeError(f"cannot resolve the annotation {text!r}: {err}") from None


def is_classvar(tp: Any) -> bool:
    """Whether an annotation, evaluated or still text, is a ``ClassVar``."""
    text = tp.__forward_arg__ if isinstance(tp, ForwardRef) else tp
    if isinstance(text, str):
        head = text.strip().split("[", 1)[0]
        return head == "ClassVar" or head.endswith(".ClassVar")
    return tp is ClassVar or get_origin(tp) is ClassVar
