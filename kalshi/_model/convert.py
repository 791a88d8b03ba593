"""The compiled wire converter: decoded JSON to a model in one straight-line function per class.

Each field's value is fetched (by subscript when the dict has exactly the declared keys, else with
``get``), then checked once: missing, null, already final (the kind's ``fast_test``), or handed to
the kind's converter. The source is registered with ``linecache`` so tracebacks and debuggers show
it. Success pays nothing for error reporting: a ``FieldError`` collects its path as it unwinds.
"""

from __future__ import annotations

import itertools
from datetime import timezone
from typing import Any, Callable, Sequence

from kalshi._model.fields import MISSING, DateTimeKind, Field, FieldError
from kalshi._timestamps import fromisoformat

__all__ = ["compile_converter", "compile_list_converter"]

_serial = itertools.count()


def compile_converter(cls: Any, fields: Sequence[Field], check: bool) -> Callable[[Any], Any]:
    """Build ``wire dict -> cls``; ``check=False`` keeps values the fields refuse."""
    env: dict[str, Any] = {
        "CLS": cls,
        "new": object.__new__,
        "M": MISSING,
        "FieldError": FieldError,
        "fromiso": fromisoformat,
        "UTC": timezone.utc,
        "KNOWN": frozenset(f.wire for f in fields),
    }
    n = len(fields)
    lines = [
        "def convert(d):",
        "    if d.__class__ is not dict:",
        "        d = coerce_mapping(d)",
        "        if d.__class__ is CLS:",
        "            return d",
        "    self = new(CLS)",
        "    miss = 0",
    ]
    env["coerce_mapping"] = _mapping_or_instance(cls)
    names = [f"v{i}" for i in range(n)]
    if n:
        # Usually the dict has exactly the declared keys: read them by subscript. A missing key
        # means some other key is unknown, and the general reads below start over.
        lines.append(f"    if len(d) == {n}:")
        lines.append("        try:")
        lines += [f"            {v} = d[{f.wire!r}]" for v, f in zip(names, fields)]
        lines.append("        except KeyError:")
        lines += [f"            {v} = d.get({f.wire!r}, M)" for v, f in zip(names, fields)]
        lines.append("    else:")
        lines += [f"        {v} = d.get({f.wire!r}, M)" for v, f in zip(names, fields)]
    for i, (v, f) in enumerate(zip(names, fields)):
        lines += _field_lines(f, v, i, env, check)
        lines.append(f"    self.{f.name} = {v}")
    lines.append(f"    if len(d) + miss != {n}:")
    lines.append("        self._extra = {k: x for k, x in d.items() if k not in KNOWN}")
    lines.append("    else:")
    lines.append("        self._extra = None")
    lines.append("    return self")
    return _compile(lines, env, f"{cls.__module__}.{cls.__qualname__}")


def _field_lines(f: Field, v: str, i: int, env: dict[str, Any], check: bool) -> list[str]:
    """Check and convert one fetched value: the field's kind decides, nothing else."""
    key = repr(f.wire)
    if f.required and check:
        missing = ["        raise FieldError(M, 'present')"]
        null = [f"    elif {v} is None:", "        raise FieldError(None, 'not null')"]
    else:
        missing = [f"        {v} = None"]
        null = [f"    elif {v} is None:", "        pass"]
    out = [f"    if {v} is M:", "        miss += 1", *missing, *null]
    kind = f.kind
    env[f"conv{i}"] = kind.wire_converter(check)
    if kind.fast_test:
        out += [f"    elif {kind.fast_test.replace('v.', v + '.')}:", "        pass"]
    out.append("    else:")
    if isinstance(kind, DateTimeKind):
        # Inline, the hot case: fromisoformat in C reads the API's RFC 3339 text; the kind's
        # converter (the same rule) handles every other value and the errors.
        fallback = f"conv{i}({v})" if check else f"_keep(conv{i}, {v})"
        out += [
            "        try:",
            f"            {v} = fromiso({v})",
            "        except (ValueError, TypeError):",
            f"            {v} = {fallback}",
            "        else:",
            f"            if {v}.tzinfo is None:",
            f"                {v} = {v}.replace(tzinfo=UTC)",
        ]
        env["_keep"] = _keep
        return _with_path(out, key) if check else out
    if check:
        out += [f"        {v} = conv{i}({v})"]
        return _with_path(out, key)
    out += [f"        {v} = _keep(conv{i}, {v})"]
    env["_keep"] = _keep
    return out


def _with_path(lines: list[str], key: str) -> list[str]:
    # Wrap the field's block so a refusal deeper down learns this field's name on the way out.
    return [
        "    try:",
        *("    " + line for line in lines),
        "    except FieldError as e:",
        f"        e.path.append({key})",
        "        raise",
    ]


def _keep(convert: Callable[[Any], Any], value: Any) -> Any:
    try:
        return convert(value)
    except FieldError:
        return value


def _mapping_or_instance(cls: Any) -> Callable[[Any], Any]:
    # Not a plain dict: an instance passes as is; another mapping is read as a dict.
    def coerce(d: Any) -> Any:
        if isinstance(d, cls):
            return d
        if hasattr(d, "keys") and hasattr(d, "__getitem__"):
            return dict(d)
        raise FieldError(d, f"{cls.__name__} (a JSON object)")

    return coerce


def compile_list_converter(cls: Any, item: Callable[[Any], Any], check: bool) -> Callable[[Any], Any]:
    """Build ``wire list -> cls`` for a list-shaped model; items use their class's converter."""
    env: dict[str, Any] = {"CLS": cls, "new": object.__new__, "item": item, "FieldError": FieldError}
    env["index_of_failure"] = _index_of_failure
    lines = [
        "def convert(d):",
        "    if d.__class__ is not list:",
        "        if d.__class__ is CLS:",
        "            return d",
        "        if not isinstance(d, (list, tuple)):",
        f"            raise FieldError(d, {cls.__name__ + ' (a JSON array)'!r})",
        "    self = new(CLS)",
    ]
    if check:
        lines += [
            "    try:",
            "        self.value = [item(x) for x in d]",
            "    except FieldError as e:",
            "        e.path.append(index_of_failure(d, item))",
            "        raise",
        ]
    else:
        env["_keep"] = _keep
        lines += ["    self.value = [_keep(item, x) for x in d]"]
    lines.append("    return self")
    return _compile(lines, env, f"{cls.__module__}.{cls.__qualname__}")


def _index_of_failure(items: Sequence[Any], convert: Callable[[Any], Any]) -> int:
    for i, x in enumerate(items):
        try:
            convert(x)
        except FieldError:
            return i
    return -1


def _compile(lines: list[str], env: dict[str, Any], owner: str) -> Callable[[Any], Any]:
    import linecache  # on first conversion only: `import kalshi` stays cheap

    source = "\n".join(lines) + "\n"
    filename = f"<kalshi converter {owner} #{next(_serial)}>"
    # Tracebacks and pdb read source through linecache; the None mtime keeps checkcache() away.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), env)  # noqa: S102 - source built from the class's field table
    fn: Callable[[Any], Any] = env["convert"]
    return fn
