"""The trader's client ``kalshi.Kalshi``, built on ``ApiClient`` and the endpoint tables.

Modules, each using only those listed before it:

- ``options``: the ``Configuration`` options ``Kalshi(...)`` and ``with_options`` take;
- ``markets_cache``: tickers and market ids, resolved once per client;
- ``state``: what a client and its ``with_options`` copies share (credentials, log-in, caches);
- ``caller``: one call through the ``ApiClient``, logging in first when the endpoint is secured,
  and ``Resource``, the base of every resource;
- ``model_list``: ``ModelList``, a list of models with records, DataFrame and HTML display;
- ``refs``: an argument that is a model or its id; ``order_args``: an order's arguments checked
  before sending; ``outcome``: whether a failed order may have reached the exchange;
  ``reconcile``: the rule that finds it afterwards;
- one module per resource (``exchange``, ``markets``, ``trades``, ``orders``, ``positions``,
  ``fills``, ``portfolio``, ``account``, ``notifications``, ``watchlist``);
- ``client``: ``Kalshi`` itself.

Nothing here is imported by ``import kalshi``: ``kalshi.Kalshi`` loads it on first access.
"""
