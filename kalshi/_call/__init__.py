"""One API call above the transport: endpoint tables and argument checks (``endpoint``), the
log-in session (``session``), credentials kept out of clear text (``clear_text``, ``hidden``),
decoding bodies (``decode``), paging (``paging``) and ``async_req`` threads (``async_req``).
``kalshi.api_client`` puts them together.
"""
