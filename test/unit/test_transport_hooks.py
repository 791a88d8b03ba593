"""The hooks the transport sets on urllib3 still take: a urllib3 that changes them fails here."""

from __future__ import annotations

import urllib3

import kalshi
from kalshi._transport.pools import Pools, _WatchedHTTPConnection, _WatchedHTTPSConnection
from kalshi._transport.response import FastHeadersResponse


def test_urllib3_builds_the_watched_pools_from_pool_classes_by_scheme() -> None:
    # pool_classes_by_scheme is how a PoolManager picks its pool classes; ours give connections
    # that wait for headers under the deadline watchdog and read them with FastHeadersResponse.
    assert {"http", "https"} <= set(urllib3.PoolManager().pool_classes_by_scheme)
    pools = Pools(kalshi.Configuration(host="http://127.0.0.1:9/v1", trust_env=False).transport_settings())
    try:
        plain, path = pools.opener("http://127.0.0.1:9/v1/exchange/status")
        tls, _ = pools.opener("https://127.0.0.1:9/v1/exchange/status")
        assert path == "/v1/exchange/status"
        assert plain.ConnectionCls is _WatchedHTTPConnection  # type: ignore[union-attr]
        assert tls.ConnectionCls is _WatchedHTTPSConnection  # type: ignore[union-attr]
        assert _WatchedHTTPConnection.response_class is FastHeadersResponse
    finally:
        pools.clear()
