"""The model machinery, in layers that only import downward.

``annotations`` and ``fields`` (what a declared type accepts, both directions) -> ``convert`` (the
compiled wire converter) -> ``text``, ``html`` and ``records`` (display and tables, duck-typed) and
``nesting`` (deep values taken apart for pickles and copies) -> ``base`` (``Model``, ``ListModel``,
``ListResponse``). ``kalshi.model_utils`` is the public face.
"""
