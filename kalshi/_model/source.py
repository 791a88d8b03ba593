"""Generated converters: the modes they run in, the writer of their source, one cache, the compiler.

Every converter of the model layer, whether a field kind's own (construction and assignment) or a
model's wire converter, is Python source written from the field kinds' code and compiled once per
owner and mode, on first use. A value a kind refuses raises ``FieldError``, whose path grows as it
unwinds; the caller turns it into the public error of its path.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any, Callable, Dict, NamedTuple, Optional, Union

__all__ = [
    "MISSING",
    "PYTHON",
    "Converter",
    "FieldError",
    "Mode",
    "Source",
    "Usual",
    "cached",
    "keeping",
    "later",
    "wire_mode",
]

# Tells "not given" from None, in field defaults and in the converters.
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING", "__slots__": ()})()

Converter = Callable[[Any], Any]


class FieldError(Exception):
    """A value a field refuses; ``path`` is built innermost first while the error unwinds."""

    def __init__(self, value: Any, expected: str, key: Optional[Union[str, int]] = None) -> None:
        super().__init__(expected)
        self.value = value
        self.expected = expected
        self.path: list[Union[str, int]] = [] if key is None else [key]

    def describe(self) -> str:
        """What went wrong, without the place (the caller renders the path)."""
        if self.value is MISSING:
            return "is required but missing"
        if self.value is None:
            return "is required but null"
        return f"is {type(self.value).__name__}, expected {self.expected}"


class Mode(NamedTuple):
    """Where values come from: the wire (decoded JSON) or python code (keywords, ``from_dict``, assignment).

    ``check=False`` (unchecked parsing) keeps a refused value as received; ``consume`` marks JSON the
    SDK decoded itself, whose lists the converter may empty as it reads them.
    """

    wire: bool
    check: bool = True
    consume: bool = False


PYTHON = Mode(wire=False)


_WIRE = {(check, consume): Mode(True, check, consume) for check in (True, False) for consume in (True, False)}


def wire_mode(check: bool, consume: bool = False) -> Mode:
    return _WIRE[bool(check), bool(consume)]


class Usual(NamedTuple):
    """A kind's code for its usual value: a test over the variable, and lines that finish the value.

    ``body`` lines (relative indentation) leave the final value in the same variable; ``inner`` says
    they may raise a ``FieldError`` from inside the value, which the container names its place in.
    """

    test: str
    body: tuple[str, ...] = ()
    inner: bool = False


def cached(cache: Dict[Mode, Converter], mode: Mode, build: Callable[[Mode], Converter]) -> Converter:
    """The one cache of compiled converters: a dict per owner (kind, model class), keyed by mode."""
    fn = cache.get(mode)
    if fn is None:
        fn = cache[mode] = build(mode)
    return fn


def keeping(convert: Converter) -> Converter:
    """Unchecked parsing: a value ``convert`` refuses is kept as the server sent it."""

    def keep(value: Any) -> Any:
        try:
            return convert(value)
        except FieldError:
            return value

    return keep


def later(find: Callable[[], Converter]) -> Converter:
    """The converter ``find`` gives, found on first use: a class's own is compiled only if needed,
    and a recursive schema does not compile itself while it is being compiled."""
    found: list[Converter] = []

    def convert(value: Any) -> Any:
        if not found:
            found.append(find())
        return found[0](value)

    return convert


def indent(lines: Any, by: int = 4) -> list[str]:
    pad = " " * by
    return [pad + line for line in lines]


_serial = itertools.count()
_BUILTINS = (bool, dict, float, int, isinstance, len, list, str, tuple)
# Fields written inline into one function, nested ones included: beyond this, nested models are
# called, which keeps a generated function readable.
INLINE_FIELDS = 64


class Source:
    """The globals of one generated function, and what kinds ask of it while their code is written.

    A kind's own converter inlines no models (``inline_model`` gives None); the model converter's
    subclass does, within a budget of fields.
    """

    def __init__(self, mode: Mode) -> None:
        self.mode = mode
        self.check: bool = mode.check
        self.env: dict[str, Any] = {"new": object.__new__, "M": MISSING, "FieldError": FieldError}
        self._counts: Counter[str] = Counter()

    def fresh(self, stem: str) -> str:
        n = self._counts[stem]
        self._counts[stem] += 1
        return f"{stem}{n}"

    def bind(self, stem: str, value: Any) -> str:
        name = self.fresh(stem)
        self.env[name] = value
        return name

    def rest(self, kind: Any) -> str:
        """The name of the kind's converter for the values its usual case does not take."""
        rest = kind.rest(self.mode)
        return self.bind("rest", rest if self.check else keeping(rest))

    def inline_model(self, cls: Any, v: str) -> Optional[list[str]]:
        """Lines that build a ``cls`` from the dict in ``v`` and leave it in ``v``; None: call its converter."""
        return None

    def converter(self, kind: Any) -> Converter:
        """A kind's own converter: its usual case inline, every other value through its ``rest``."""
        rest = self.rest(kind)
        usual = kind.usual(self, "v", rest)
        if usual is None:
            fn: Converter = self.env[rest]
            return fn
        if usual.body:
            lines = [f"if {usual.test}:", *indent(usual.body), "else:", f"    v = {rest}(v)"]
        else:
            lines = [f"if not ({usual.test}):", f"    v = {rest}(v)"]
        return self.compile(["def convert(v):", *indent([*lines, "return v"])], kind.label, local_names=False)

    def compile(self, lines: list[str], owner: str, local_names: bool = True) -> Converter:
        """Compile ``def convert(...)`` in ``lines``; ``local_names`` unpacks the globals it reads into locals."""
        import linecache  # on first conversion only: `import kalshi` stays cheap

        if local_names:
            # Every global and builtin the body reads becomes a local, unpacked once per call: a loop
            # over thousands of items then reads them with LOAD_FAST (3.9 and 3.10 cache no globals
            # for a function that runs once per response).
            used = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", "\n".join(lines)))
            bound = {name: self.env[name] for name in sorted(self.env) if name in used}
            bound.update((b.__name__, b) for b in _BUILTINS if b.__name__ in used)
            self.env["_BOUND"] = tuple(bound.values())
            lines = [lines[0], *_prologue(list(bound)), *lines[1:]]
        source = "\n".join(lines) + "\n"
        filename = f"<kalshi converter {owner} #{next(_serial)}>"
        # Tracebacks and pdb read source through linecache; the None mtime keeps checkcache() away.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        exec(compile(source, filename, "exec"), self.env)  # noqa: S102 - source built from a field table
        fn: Converter = self.env["convert"]
        return fn


def _prologue(names: list[str], width: int = 100) -> list[str]:
    # "(a, b, ...,) = _BOUND", wrapped inside its parentheses to readable lines.
    lines, line = [], "    ("
    for name in names:
        if len(line) + len(name) + 2 > width:
            lines.append(line.rstrip())
            line = " " * 8
        line += name + ", "
    return [*lines, line.rstrip() + ") = _BOUND"]
