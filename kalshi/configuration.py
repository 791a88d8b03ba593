"""``Configuration``: where to connect, how to authenticate, and how patient to be.

A value object: it validates what it is given and does no I/O. Per-call options never change it,
so one configuration can serve many clients and threads.
"""

from __future__ import annotations

import copy
import logging
import numbers
from typing import Any, Mapping, Optional, Tuple, Union
from urllib.parse import urlsplit

from kalshi import _constants as C
from kalshi.exceptions import ApiValueError

__all__ = ["Configuration", "TimeoutValue"]

# A number of seconds for both phases, a (connect, read) pair, or a urllib3 ``Timeout``.
TimeoutValue = Union[float, Tuple[Optional[float], Optional[float]], Any]

_LOG = logging.getLogger("kalshi")
_REDACTED = "<redacted>"


class Configuration:
    """Settings for an ``ApiClient``.

    Args:
        host: base URL of the API, default ``https://trading-api.kalshi.com/v1``
            (``kalshi.DEMO_HOST`` for the demo exchange). Must be http or https.
        api_key: ``{'cookie': key}``: the value sent in the ``Authorization`` header. After a log-in
            the v1 API expects ``"<user_id> <token>"``; ``ApiClient.login`` sets that for you.
        api_key_prefix: ``{'cookie': prefix}``: sent before the key, separated by a space.
        verify_ssl: verify the server's TLS certificate (default True; turning it off logs a warning).
        ssl_ca_cert: CA bundle path; default certifi's bundle.
        cert_file, key_file: client certificate and key, if the server asks for one.
        proxy, proxy_headers: an HTTP(S) proxy URL and headers to send to it.
        connection_pool_maxsize: connections kept per host, i.e. how many threads can call at once
            without waiting (default 10).
        timeout: seconds, a ``(connect, read)`` pair or a urllib3 ``Timeout``; default (10, 30).
            ``None`` waits forever, which a long-running script should never want.
        retries: an int (retries of connection errors and of 429/500/502/503/504 on GET/PUT,
            with exponential backoff and jitter; 0 turns retrying off) or a urllib3 ``Retry``.
        debug: log method, url, status, attempt and timing to the ``kalshi`` logger (secrets
            redacted); also attaches a stderr handler if the logger has none.
        logger_file, logger_format: where and how ``debug`` output is written.
        client_side_validation: check argument types and limits before sending (default True).
        server_index: pick a host from ``get_host_settings()`` instead of ``host``.

    Example:
        >>> import kalshi
        >>> config = kalshi.Configuration(host=kalshi.DEMO_HOST, timeout=(5, 20), retries=2)
        >>> config.api_key['cookie'] = 'YOUR_API_KEY'
        >>> 'YOUR_API_KEY' in repr(config)
        False
    """

    def __init__(
        self,
        host: Optional[str] = None,
        api_key: Optional[Mapping[str, str]] = None,
        api_key_prefix: Optional[Mapping[str, str]] = None,
        *,
        verify_ssl: bool = True,
        ssl_ca_cert: Optional[str] = None,
        cert_file: Optional[str] = None,
        key_file: Optional[str] = None,
        assert_hostname: Optional[Union[str, bool]] = None,
        proxy: Optional[str] = None,
        proxy_headers: Optional[Mapping[str, str]] = None,
        connection_pool_maxsize: int = C.DEFAULT_POOL_MAXSIZE,
        timeout: Optional[TimeoutValue] = (C.DEFAULT_CONNECT_TIMEOUT, C.DEFAULT_READ_TIMEOUT),
        retries: Any = C.DEFAULT_MAX_RETRIES,
        debug: bool = False,
        logger_file: Optional[str] = None,
        logger_format: str = "%(asctime)s %(levelname)s %(name)s: %(message)s",
        client_side_validation: bool = True,
        server_index: Optional[int] = None,
        safe_chars_for_path_param: str = "",
    ) -> None:
        self.servers: list[dict[str, str]] = [
            {"url": C.DEFAULT_HOST, "description": "Kalshi production exchange"},
            {"url": C.DEMO_HOST, "description": "Kalshi demo exchange"},
        ]
        self.server_index = server_index
        self._host = ""
        self.host = host if host is not None else self.get_host_from_settings(server_index or 0)
        self.api_key: dict[str, str] = dict(api_key or {})
        self.api_key_prefix: dict[str, str] = dict(api_key_prefix or {})
        self._ssl_ca_cert = ssl_ca_cert
        self.cert_file = cert_file
        self.key_file = key_file
        self.assert_hostname = assert_hostname
        self._verify_ssl = True
        self.verify_ssl = verify_ssl
        if proxy is not None:
            _check_url(proxy, "proxy")
        self.proxy = proxy
        self.proxy_headers: Optional[dict[str, str]] = dict(proxy_headers) if proxy_headers else None
        if not isinstance(connection_pool_maxsize, int) or connection_pool_maxsize < 1:
            raise ApiValueError(f"connection_pool_maxsize must be a positive int, got {connection_pool_maxsize!r}")
        self.connection_pool_maxsize = connection_pool_maxsize
        self.timeout = check_timeout(timeout, "timeout")
        self.retries = _check_retries(retries)
        self.logger_format = logger_format
        self.logger_file = logger_file
        self._debug = False
        self._attached = False
        self.debug = debug
        self.client_side_validation = client_side_validation
        self.safe_chars_for_path_param = safe_chars_for_path_param

    # ---- host

    @property
    def host(self) -> str:
        """Base URL every path is appended to (no trailing slash)."""
        return self._host

    @host.setter
    def host(self, value: str) -> None:
        _check_url(value, "host")
        if "@" in urlsplit(value).netloc:
            # urllib3 would not send them, and a URL is shown in errors and logs.
            raise ApiValueError("host must not contain credentials (user:password@); use api_key")
        self._host = value.rstrip("/")

    def get_host_settings(self) -> list[dict[str, str]]:
        """The known servers; ``_host_index`` and ``server_index`` pick from this list."""
        return [dict(s) for s in self.servers]

    def get_host_from_settings(self, index: Optional[int], variables: Optional[Mapping[str, str]] = None) -> str:
        """The URL of server ``index`` (``None`` means ``self.host``)."""
        if index is None:
            return self.host
        if not isinstance(index, int) or not 0 <= index < len(self.servers):
            raise ApiValueError(
                f"Invalid host index {index!r}: must be an int from 0 to {len(self.servers) - 1}"
            )
        return self.servers[index]["url"]

    # ---- TLS

    @property
    def verify_ssl(self) -> bool:
        """Whether TLS certificates are verified; turning it off is logged as a warning."""
        return self._verify_ssl

    @verify_ssl.setter
    def verify_ssl(self, value: bool) -> None:
        if not value:
            _LOG.warning("TLS certificate verification is off: the connection can be intercepted")
        self._verify_ssl = bool(value)

    @property
    def ssl_ca_cert(self) -> str:
        """The CA bundle that verifies the server: the one given, else certifi's."""
        if self._ssl_ca_cert is not None:
            return self._ssl_ca_cert
        import certifi  # on first use only: `import kalshi` stays cheap

        return str(certifi.where())

    @ssl_ca_cert.setter
    def ssl_ca_cert(self, value: Optional[str]) -> None:
        self._ssl_ca_cert = value

    # ---- auth

    def get_api_key_with_prefix(self, identifier: str, alias: Optional[str] = None) -> Optional[str]:
        """The header value for API key ``identifier``: ``prefix + " " + key``, or the key alone."""
        key = self.api_key.get(identifier, self.api_key.get(alias) if alias else None)
        if not key:
            return None
        prefix = self.api_key_prefix.get(identifier)
        return f"{prefix} {key}" if prefix else key

    def auth_settings(self) -> dict[str, dict[str, Any]]:
        """The security schemes with their current values (only those that are set)."""
        value = self.get_api_key_with_prefix(C.AUTH_SCHEME)
        if value is None:
            return {}
        return {C.AUTH_SCHEME: {"type": "api_key", "in": "header", "key": C.AUTH_HEADER, "value": value}}

    # ---- logging

    @property
    def debug(self) -> bool:
        """Log each request's method, url, status, attempt and timing (secrets redacted)."""
        return self._debug

    @debug.setter
    def debug(self, value: bool) -> None:
        self._debug = bool(value)
        if self._debug:
            _LOG.setLevel(logging.DEBUG)
            _ensure_handler(self.logger_file, self.logger_format)
        elif getattr(self, "_attached", False):
            # Undo exactly what debug=True did, so turning it off leaves no trace.
            _remove_handler()
            _LOG.setLevel(logging.NOTSET)
        self._attached = self._debug

    @property
    def logger(self) -> dict[str, logging.Logger]:
        """The loggers the SDK writes to."""
        return {"kalshi": _LOG}

    # ---- value object protocol

    def copy(self) -> Configuration:
        """An independent copy (the dicts are copied too)."""
        return copy.deepcopy(self)

    def __repr__(self) -> str:
        keys = {k: _REDACTED for k in self.api_key}
        prefixes = {k: _REDACTED for k in self.api_key_prefix}
        proxy_headers = {k: _REDACTED for k in self.proxy_headers} if self.proxy_headers else None
        return (
            f"Configuration(host={self.host!r}, api_key={keys}, api_key_prefix={prefixes}, "
            f"verify_ssl={self.verify_ssl}, proxy={_strip_userinfo(self.proxy)!r}, "
            f"proxy_headers={proxy_headers}, timeout={self.timeout!r}, retries={self.retries!r}, "
            f"connection_pool_maxsize={self.connection_pool_maxsize}, debug={self.debug}, "
            f"client_side_validation={self.client_side_validation})"
        )

    __str__ = __repr__


def check_timeout(value: Any, name: str) -> Any:
    """Validate a timeout given as seconds, a (connect, read) pair, None or a urllib3 Timeout."""
    if value is None or hasattr(value, "connect_timeout"):
        return value
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if value <= 0:
            raise ApiValueError(f"{name} must be positive, got {value!r}")
        return float(value)
    if isinstance(value, (tuple, list)) and len(value) == 2:
        for part in value:
            if part is not None and (isinstance(part, bool) or not isinstance(part, numbers.Real) or part <= 0):
                raise ApiValueError(f"{name} parts must be positive numbers or None, got {value!r}")
        return (value[0], value[1])
    raise ApiValueError(f"{name} must be seconds, a (connect, read) pair or a urllib3 Timeout, got {value!r}")


def _check_retries(value: Any) -> Any:
    if value is None or hasattr(value, "increment"):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ApiValueError(f"retries must be a non-negative int or a urllib3 Retry, got {value!r}")


def _check_url(value: Any, name: str) -> None:
    if not isinstance(value, str):
        raise ApiValueError(f"{name} must be a str URL, got {type(value).__name__}")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ApiValueError(f"{name} must be an http:// or https:// URL, got {_strip_userinfo(value)!r}")


def _strip_userinfo(url: Optional[str]) -> Optional[str]:
    """Drop ``user:password@`` from a URL before it is shown anywhere."""
    if not url or "@" not in url:
        return url
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def _remove_handler() -> None:
    for handler in [h for h in _LOG.handlers if getattr(h, "_kalshi_debug", False)]:
        _LOG.removeHandler(handler)
        handler.close()


def _ensure_handler(logger_file: Optional[str], fmt: str) -> None:
    # Attach one handler of ours, once; never touch the root logger or http.client.
    if any(getattr(h, "_kalshi_debug", False) for h in _LOG.handlers):
        return
    handler: logging.Handler = logging.FileHandler(logger_file) if logger_file else logging.StreamHandler()
    handler.setFormatter(logging.Formatter(fmt))
    handler._kalshi_debug = True  # type: ignore[attr-defined]
    _LOG.addHandler(handler)
