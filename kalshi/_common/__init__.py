"""The bottom layer every other part of the SDK may import, importing nothing of it in turn:
defaults (``constants``), environment variable names (``environment``), the ``kalshi`` logger
(``log``), safe error text (``text``), RFC 3339 timestamps (``timestamps``), the ``Retry-After``
header's value (``retry_after``) and the lazy loading of the public names of ``kalshi``,
``kalshi.apis`` and ``kalshi.models`` (``lazy``).
"""
