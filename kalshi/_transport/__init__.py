"""The HTTP transport over urllib3, below ``kalshi.rest`` (its public face).

Only this package and ``kalshi.rest`` import urllib3. One concern per module:

- ``retry``: the retry policy, whole: what is retried, the backoff, ``Retry-After``, and the
  deadline's say over a retry;
- ``deadline``: a call's total time budget; ``watchdog``: ends a socket wait past it;
- ``timeouts``: connect and read timeouts as urllib3 objects, cut to the budget;
- ``pools``: a client's connection pools and routes; ``proxies``: which proxy a URL goes through;
- ``response``: ``http.client`` responses read faster; ``body``: reading a body within the limits;
- ``errors``: urllib3's failures as the SDK's errors; ``sent``: whether a failed request may have
  reached the server;
- ``ratelimit``: the optional client-side token bucket.
"""
