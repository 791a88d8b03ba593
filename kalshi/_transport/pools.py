"""Connection pools of one client: a urllib3 manager per proxy (None: direct), and a route per origin.

A direct origin's route is its own ``HTTPConnectionPool``, looked up once: a request goes to it
with the path, skipping the manager's URL parsing and pool lookup on every call. Through a proxy,
requests go to the ``ProxyManager`` with the full URL, as it needs. A ``Pools`` is built from one
snapshot of the settings (``TransportSettings``): the transport makes a new one when the pool, TLS
or proxy settings change. Everything is rebuilt in a forked child (the parent's sockets must not be
shared). Connections wait for response headers under the deadline watchdog, and
read them with ``kalshi._transport.response``.
"""

from __future__ import annotations

import os
import threading
from typing import Any, Optional, Tuple, Union

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ProxySchemeUnknown
from urllib3.util import make_headers

from kalshi._transport import watchdog
from kalshi._transport.proxies import environment_proxies, proxy_for, split_credentials
from kalshi._transport.response import FastHeadersResponse
from kalshi._transport.settings import TransportSettings
from kalshi.exceptions import ApiValueError

__all__ = ["Pools"]

# What a request is sent to: a host's pool (with the path) or a manager (with the whole URL).
Opener = Union[HTTPConnectionPool, urllib3.PoolManager]
# A route: the opener, and whether it is a direct pool (which takes the path only).
_Route = Tuple[Opener, bool]
# Routes kept at most. A route holds its pool (and its idle connections) even after the manager
# let go of it (past num_pools), so a client that calls many hosts starts afresh past this many;
# the pools nothing holds any more are collected, closing their connections.
ROUTE_LIMIT = 16


class _WatchedHTTPConnection(HTTPConnection):
    """Waits for response headers under the deadline watchdog (see ``kalshi._transport.watchdog``)."""

    response_class = FastHeadersResponse

    def getresponse(self) -> Any:
        key = watchdog.watch(self.sock)
        try:
            return super().getresponse()
        finally:
            watchdog.unwatch(key)


class _WatchedHTTPSConnection(_WatchedHTTPConnection, HTTPSConnection):
    """The same over TLS: the watched ``getresponse`` comes first in the MRO, then TLS's connection."""


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_POOL_CLASSES = {"http": _HTTPPool, "https": _HTTPSPool}

# Forks of this process so far, counted in the child: pools made before a fork are not used after
# it (the parent's sockets must not be shared). An int compare per request, not a getpid() call.
_forks = 0


def _forked() -> None:
    global _forks
    _forks += 1


if hasattr(os, "register_at_fork"):  # POSIX; elsewhere there is no fork()
    os.register_at_fork(after_in_child=_forked)


class Pools:
    """The pools of one client, shared by its threads."""

    def __init__(self, settings: TransportSettings) -> None:
        self.settings: TransportSettings = settings
        # The environment's proxy variables, read once: a change to them applies to new pools.
        self.env: dict[str, str] = environment_proxies() if settings.trust_env else {}
        self._lock: threading.Lock = threading.Lock()
        self._forks: int = _forks
        self._managers: dict[Optional[str], urllib3.PoolManager] = {}
        self._routes: dict[str, _Route] = {}

    def opener(self, url: str) -> tuple[Opener, str]:
        """Where to send ``url``: ``(pool, path)`` directly, or ``(manager, url)`` through a proxy."""
        if self._forks != _forks:
            self._forget_parent()
        end = url.find("/", url.find("//") + 2)
        origin = url if end < 0 else url[:end]
        route = self._routes.get(origin)
        if route is None:
            route = self._route(origin)
        opener, direct = route
        if direct:
            return opener, url[len(origin) :] or "/"
        return opener, url

    def manager(self, url: str) -> urllib3.PoolManager:
        """The manager ``url`` is sent through (direct or a proxy's)."""
        if self._forks != _forks:
            self._forget_parent()
        end = url.find("/", url.find("//") + 2)
        origin = url if end < 0 else url[:end]
        return self._manager_for(origin)

    def clear(self) -> None:
        """Close every pooled connection and forget the pools."""
        with self._lock:
            managers = list(self._managers.values())
            self._managers, self._routes = {}, {}
        for manager in managers:
            manager.clear()

    def _forget_parent(self) -> None:
        # The lock may have been held by a parent's thread at the fork: a new one, then.
        self._lock = threading.Lock()
        self._managers, self._routes = {}, {}
        self._forks = _forks

    def _manager_for(self, origin: str) -> urllib3.PoolManager:
        cfg = self.settings
        proxy = proxy_for(origin + "/", cfg.proxy, cfg.trust_env, self.env)
        with self._lock:
            manager = self._managers.get(proxy)
            if manager is None:
                manager = self._managers[proxy] = self._new_manager(proxy)
        return manager

    def _route(self, origin: str) -> _Route:
        manager = self._manager_for(origin)
        route: _Route
        if isinstance(manager, urllib3.ProxyManager):
            route = (manager, False)
        else:
            route = (manager.connection_from_url(origin), True)
        with self._lock:
            if len(self._routes) >= ROUTE_LIMIT:
                self._routes = {}
            self._routes[origin] = route
        return route

    def _new_manager(self, proxy: Optional[str]) -> urllib3.PoolManager:
        cfg = self.settings
        if cfg.verify_ssl:
            tls: dict[str, Any] = {"cert_reqs": "CERT_REQUIRED", "ca_certs": cfg.ca_certs}
        else:
            tls = {"cert_reqs": "CERT_NONE"}
        if cfg.cert_file:
            tls["cert_file"] = cfg.cert_file
        if cfg.key_file:
            tls["key_file"] = cfg.key_file
        if cfg.assert_hostname is not None:
            tls["assert_hostname"] = cfg.assert_hostname
        kw: dict[str, Any] = {"num_pools": 4, "maxsize": cfg.pool_maxsize, **tls}
        if proxy is None:
            return _watched(urllib3.PoolManager(**kw))
        url, credentials = split_credentials(proxy)
        headers = dict(cfg.proxy_headers)
        if credentials is not None:
            headers.update(make_headers(proxy_basic_auth=credentials))
        try:
            return _watched(urllib3.ProxyManager(proxy_url=url, proxy_headers=headers or None, **kw))
        except (ProxySchemeUnknown, ValueError) as err:
            from urllib.parse import urlsplit

            parts = urlsplit(url)
            raise ApiValueError(
                f"unsupported proxy {parts.scheme}://{parts.hostname}: use an http:// or https:// proxy"
            ) from err


def _watched(manager: urllib3.PoolManager) -> urllib3.PoolManager:
    # Pools whose connections wait for headers under the deadline watchdog.
    manager.pool_classes_by_scheme = _POOL_CLASSES
    return manager
