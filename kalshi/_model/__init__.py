"""The model machinery, in layers that only import downward.

``source`` (modes, the writer and compiler of converters, their one cache) -> ``annotations`` and
``fields`` (each field kind's one rule: its usual-case code and the rest, both directions) ->
``convert`` (a model's compiled wire converter, built from its fields' kinds) -> ``text``, ``html``
and ``records`` (display and tables, duck-typed) and ``nesting`` (deep values taken apart for
pickles and copies) -> ``base`` (``Model``, ``ListModel``, ``ListResponse``). ``kalshi.model_utils``
is the public face.
"""
