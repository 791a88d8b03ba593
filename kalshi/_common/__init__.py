"""The bottom layer every other part of the SDK may import, importing nothing of it in turn:
defaults (``constants``), environment variable names (``environment``), the ``kalshi`` logger
(``log``), safe error text (``text``) and RFC 3339 timestamps (``timestamps``).
"""
