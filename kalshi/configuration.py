"""``Configuration``: where to connect, how to authenticate, and how patient to be.

A value object: it validates what it is given and does no I/O. Per-call options never change it,
so one configuration can serve many clients and threads. It stays mutable, as the generated SDKs'
is: each call takes one immutable snapshot of the settings the transport uses
(``transport_settings()``), so an assignment applies from the next call on and never to a call in
flight. Assign a new value rather than changing a dict in place (``proxy_headers``): an assignment
is what makes the next snapshot.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Mapping, Optional, Tuple, Union

from kalshi._common import constants as C
from kalshi._common.environment import ALLOW_INSECURE_HTTP_VARIABLE, HOST_VARIABLE, variable
from kalshi._common.log import DEBUG, logger
from kalshi._common.text import REDACTED
from kalshi._transport.settings import TransportSettings
from kalshi.exceptions import ApiAttributeError, ApiTypeError, ApiValueError

if TYPE_CHECKING:
    import logging
    from urllib.parse import SplitResult

    from urllib3.util.retry import Retry
    from urllib3.util.timeout import Timeout

__all__ = ["SHARED_SETTINGS", "Configuration", "TimeoutValue", "check_deadline", "check_timeout", "whole_call_limit"]

# One number of seconds (the whole call's limit), a (connect, read) pair, or a urllib3 ``Timeout``.
TimeoutValue = Union[float, Tuple[Optional[float], Optional[float]], "Timeout"]


class Configuration:
    """Settings for an ``ApiClient``.

    Args:
        host: base URL of the API (``kalshi.DEMO_HOST`` for the demo exchange). Must be http or
            https. When left out: the ``server_index`` server if given, else ``KALSHI_HOST`` from
            the environment if set (and ``trust_env``), else ``https://trading-api.kalshi.com/v1``.
        api_key: ``{'cookie': key}``: the value sent in the ``Authorization`` header. After a log-in
            the v1 API expects ``"<user_id> <token>"``; ``ApiClient.login`` sets that for you.
        api_key_prefix: ``{'cookie': prefix}``: sent before the key, separated by a space.
        verify_ssl: verify the server's TLS certificate (default True; turning it off logs a warning).
        ssl_ca_cert: CA bundle path; default certifi's bundle.
        cert_file, key_file: client certificate and key, if the server asks for one.
        proxy, proxy_headers: an HTTP(S) proxy URL (``user:password@`` in it is sent as
            Proxy-Authorization) and headers to send to it. Without one, the environment's
            ``HTTPS_PROXY`` / ``HTTP_PROXY`` / ``ALL_PROXY`` / ``NO_PROXY`` apply, as in requests.
        trust_env: read the environment (default True): those proxy variables, ``KALSHI_HOST``
            and ``KALSHI_ALLOW_INSECURE_HTTP`` here, and ``KALSHI_EMAIL`` / ``KALSHI_PASSWORD`` in
            ``ApiClient.login()``. False reads none.
        allow_insecure_http: send credentials (a password, a session token, an API key, a cookie)
            to an ``http://`` host that is not this machine (127.0.0.0/8, ``::1``, ``localhost``).
            Off by default: such a call raises ``ApiValueError`` before anything is sent. When
            left out (None): ``KALSHI_ALLOW_INSECURE_HTTP`` (``1``/``true``/``yes``/``on``), else False.
        connection_pool_maxsize: connections kept per host, i.e. how many threads can call at once
            without waiting (default 10).
        timeout: a ``(connect, read)`` pair, one number of seconds, or a urllib3 ``Timeout``;
            default (10, 30). In a pair, the read timeout applies to each wait for data (``None``:
            no limit but the ``deadline``). One number (like a ``Timeout``'s ``total``) is the
            limit of the whole call, retries included: it caps the ``deadline``, and each phase.
        deadline: the total time budget of one call, in seconds (default 60): connecting, every
            read, every retry and backoff sleep together. ``ApiTimeoutError`` when it runs out.
        retries: an int (retries of connection errors and of 429/500/502/503/504 on GET/PUT,
            with exponential backoff and jitter; 0 turns retrying off) or a urllib3 ``Retry``.
            A retry is only started if the deadline leaves time for it.
        max_response_size: the largest response body accepted, in bytes after decompression
            (default 64 MiB); a larger one raises ``ApiResponseTooLargeError``.
        rate_limit, rate_limit_burst: an optional client-side limit of requests per second shared
            by every thread of a client, with bursts of up to ``rate_limit_burst`` requests
            (default: the rate, at least 1). Off (None) by default. A 429 with ``Retry-After``
            pauses the whole client.
        debug: log method, url, status, attempt and timing to the ``kalshi`` logger (secrets
            redacted); also attaches a stderr handler if the logger has none.
        logger_file, logger_format: where and how ``debug`` output is written.
        client_side_validation: check argument types and limits before sending (default True).
        server_index: pick a host from ``get_host_settings()`` instead of ``host``.

    Every assignment is checked like the constructor's argument (``ApiValueError`` for a bad
    value, ``ApiTypeError`` for a value of the wrong kind, ``ApiAttributeError`` for a setting
    that does not exist), and takes effect on the client's next call: ``timeout``, ``retries``,
    ``deadline``, ``max_response_size`` and the rate limit at once, pool, TLS and proxy settings
    by building a fresh connection pool. (``api_key`` may be changed in place; change
    ``proxy_headers`` by assigning a new dict, which is what the transport notices.)

    Example:
        >>> import kalshi
        >>> config = kalshi.Configuration(host=kalshi.DEMO_HOST, timeout=(5, 20), retries=2)
        >>> config.api_key['cookie'] = 'YOUR_API_KEY'
        >>> 'YOUR_API_KEY' in repr(config)
        False
    """

    _snapshot: Optional[TransportSettings]
    # What a bare ApiClient() copies (set_default()); a class attribute, so no instance copies it.
    _default: ClassVar[Optional[Configuration]] = None

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
        trust_env: bool = True,
        allow_insecure_http: Optional[bool] = None,
        connection_pool_maxsize: int = C.DEFAULT_POOL_MAXSIZE,
        timeout: Optional[TimeoutValue] = (C.DEFAULT_CONNECT_TIMEOUT, C.DEFAULT_READ_TIMEOUT),
        deadline: float = C.DEFAULT_DEADLINE,
        retries: Union[int, Retry, None] = C.DEFAULT_MAX_RETRIES,
        max_response_size: int = C.DEFAULT_MAX_RESPONSE_SIZE,
        rate_limit: Optional[float] = None,
        rate_limit_burst: Optional[int] = None,
        debug: bool = False,
        logger_file: Optional[str] = None,
        logger_format: str = "%(asctime)s %(levelname)s %(name)s: %(message)s",
        client_side_validation: bool = True,
        server_index: Optional[int] = None,
        safe_chars_for_path_param: str = "",
    ) -> None:
        # The transport's snapshot of these settings, made on demand; every assignment drops it.
        object.__setattr__(self, "_snapshot", None)
        self.servers: list[dict[str, str]] = [
            {"url": C.DEFAULT_HOST, "description": "Kalshi production exchange"},
            {"url": C.DEMO_HOST, "description": "Kalshi demo exchange"},
        ]
        self.server_index: Optional[int] = server_index
        # Checked before the host, which reads the environment only when it is true.
        self.trust_env: bool = trust_env
        self._host: str = ""
        self.host = host if host is not None else self._default_host(server_index)
        self.allow_insecure_http: bool = (
            self._insecure_http_from_env() if allow_insecure_http is None else allow_insecure_http
        )
        self.api_key: dict[str, str] = _check_str_dict(api_key, "api_key")
        self.api_key_prefix: dict[str, str] = _check_str_dict(api_key_prefix, "api_key_prefix")
        self._ssl_ca_cert: Optional[str] = None
        self.ssl_ca_cert = ssl_ca_cert
        self.cert_file: Optional[str] = cert_file
        self.key_file: Optional[str] = key_file
        self.assert_hostname: Optional[Union[str, bool]] = assert_hostname
        self._verify_ssl: bool = True
        self.verify_ssl = verify_ssl
        self.proxy: Optional[str] = proxy
        self.proxy_headers: Optional[dict[str, str]] = _check_optional_str_dict(proxy_headers, "proxy_headers")
        self.connection_pool_maxsize: int = connection_pool_maxsize
        self.timeout: Optional[TimeoutValue] = timeout
        self.deadline: float = deadline
        self.retries: Union[int, Retry, None] = retries
        self.max_response_size: int = max_response_size
        self.rate_limit: Optional[float] = rate_limit
        self.rate_limit_burst: Optional[int] = rate_limit_burst
        self.logger_format: str = logger_format
        self.logger_file: Optional[str] = logger_file
        self._debug: bool = False
        self._attached: bool = False
        self.debug = debug
        self.client_side_validation: bool = client_side_validation
        self.safe_chars_for_path_param: str = safe_chars_for_path_param

    # ---- host

    @property
    def host(self) -> str:
        """Base URL every path is appended to (no trailing slash)."""
        return self._host

    @host.setter
    def host(self, value: str) -> None:
        self._host = _check_host(value, "host")

    def _default_host(self, server_index: Optional[int]) -> str:
        """The host when none is given: argument (``server_index``) > environment > default."""
        if server_index is None and self.trust_env:
            from_env = variable(HOST_VARIABLE)
            if from_env is not None:
                return _check_host(from_env, f"{HOST_VARIABLE} (from the environment)")
        return self.get_host_from_settings(server_index or 0)

    def _insecure_http_from_env(self) -> bool:
        """``KALSHI_ALLOW_INSECURE_HTTP`` when the environment is trusted, else False."""
        text = variable(ALLOW_INSECURE_HTTP_VARIABLE) if self.trust_env else None
        if text is None:
            return False
        flag = _FLAGS.get(text.strip().lower())
        if flag is None:
            raise ApiValueError(
                f"{ALLOW_INSECURE_HTTP_VARIABLE} (from the environment) must be one of "
                f"{', '.join(sorted(_FLAGS))}, got {text[:20]!r}"
            )
        return flag

    def get_host_settings(self) -> list[dict[str, str]]:
        """The known servers; ``_host_index`` and ``server_index`` pick from this list."""
        return [dict(s) for s in self.servers]

    def get_host_from_settings(self, index: Optional[int]) -> str:
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
        _check_bool(value, "verify_ssl")
        if not value:
            logger().warning("TLS certificate verification is off: the connection can be intercepted")
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
        self._ssl_ca_cert = _check_optional_str(value, "ssl_ca_cert")

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
        self._debug = _check_bool(value, "debug")
        if self._debug:
            logger().setLevel(DEBUG)
            _ensure_handler(self.logger_file, self.logger_format)
        elif getattr(self, "_attached", False):
            # Undo exactly what debug=True did, so turning it off leaves no trace.
            _remove_handler()
            logger().setLevel(0)  # logging.NOTSET
        self._attached = self._debug

    @property
    def logger(self) -> dict[str, logging.Logger]:
        """The loggers the SDK writes to."""
        return {"kalshi": logger()}

    # ---- the transport's view

    def transport_settings(self) -> TransportSettings:
        """An immutable snapshot of what the transport reads (timeouts, retries, deadline, limits,
        TLS, proxy, pool size): the same object until the next assignment to this configuration."""
        snapshot = self._snapshot
        if snapshot is None:
            snapshot = TransportSettings(
                timeout=self.timeout,
                retries=self.retries,
                deadline=self.deadline,
                max_response_size=self.max_response_size,
                rate_limit=self.rate_limit,
                rate_limit_burst=self.rate_limit_burst,
                verify_ssl=self.verify_ssl,
                ca_certs=self.ssl_ca_cert,
                cert_file=self.cert_file,
                key_file=self.key_file,
                assert_hostname=self.assert_hostname,
                proxy=self.proxy,
                proxy_headers=tuple(sorted((self.proxy_headers or {}).items())),
                trust_env=self.trust_env,
                pool_maxsize=self.connection_pool_maxsize,
            )
            object.__setattr__(self, "_snapshot", snapshot)
        return snapshot

    # ---- every assignment is checked

    if not TYPE_CHECKING:
        # Hidden from type checkers, which then check every assignment against the declared
        # settings: a misspelt one (``configuration.timout = 5``) or a wrong type is their error too.
        def __setattr__(self, name: str, value: Any) -> None:
            check = _CHECKS.get(name)
            if check is not None:
                value = check(value, name)
            elif not name.startswith("_") and name not in _PROPERTIES:
                raise ApiAttributeError(
                    f"Configuration has no setting {name!r} (settings: {', '.join(sorted(_SETTINGS))})"
                )
            object.__setattr__(self, name, value)
            if not name.startswith("_"):
                object.__setattr__(self, "_snapshot", None)  # the next call takes a new one

    # ---- the process-wide default (the generator's class methods)

    @classmethod
    def set_default(cls, default: Optional[Configuration]) -> None:
        """Make a copy of ``default`` what a bare ``ApiClient()`` starts from; None goes back to ``Configuration()``.

        A copy is kept, so changing ``default`` afterwards changes no default; each ``ApiClient()``
        then gets a copy of its own (``get_default_copy()``).
        """
        if default is not None and not isinstance(default, Configuration):
            raise ApiTypeError(f"set_default() takes a Configuration or None, got {type(default).__name__}")
        cls._default = None if default is None else default.copy()

    @classmethod
    def get_default_copy(cls) -> Configuration:
        """A copy of the default set by ``set_default()``, else a new ``Configuration()``."""
        default = cls._default
        return cls() if default is None else default.copy()

    def to_debug_report(self) -> str:
        """The versions a bug report needs (OS, Python, API, SDK, urllib3); never a setting or a secret."""
        import platform  # first use only: `import kalshi` stays cheap
        import sys

        import urllib3

        from kalshi._version import API_VERSION, __version__

        return (
            "Python SDK Debug Report:\n"
            f"OS: {platform.platform()}\n"
            f"Python Version: {sys.version.splitlines()[0]}\n"
            f"Version of the API: {API_VERSION}\n"
            f"SDK Package Version: {__version__}\n"
            f"urllib3 Version: {getattr(urllib3, '__version__', 'unknown')}"
        )

    # ---- value object protocol

    def copy(self) -> Configuration:
        """An independent copy (the dicts are copied too)."""
        from copy import deepcopy  # first use only: `import kalshi` stays cheap

        return deepcopy(self)

    def __repr__(self) -> str:
        keys = {k: REDACTED for k in self.api_key}
        prefixes = {k: REDACTED for k in self.api_key_prefix}
        proxy_headers = {k: REDACTED for k in self.proxy_headers} if self.proxy_headers else None
        return (
            f"Configuration(host={self.host!r}, api_key={keys}, api_key_prefix={prefixes}, "
            f"verify_ssl={self.verify_ssl}, proxy={_strip_userinfo(self.proxy)!r}, "
            f"proxy_headers={proxy_headers}, trust_env={self.trust_env}, "
            f"allow_insecure_http={self.allow_insecure_http}, timeout={self.timeout!r}, "
            f"deadline={self.deadline!r}, retries={self.retries!r}, max_response_size={self.max_response_size}, "
            f"rate_limit={self.rate_limit!r}, rate_limit_burst={self.rate_limit_burst!r}, "
            f"connection_pool_maxsize={self.connection_pool_maxsize}, debug={self.debug}, "
            f"client_side_validation={self.client_side_validation})"
        )

    __str__ = __repr__


def _is_real(value: Any) -> bool:
    """A real number that is not a bool: int and float at once, other kinds (Fraction, numpy) via numbers."""
    kind = type(value)
    if kind is float or kind is int:
        return True
    if kind is bool:
        return False
    from numbers import Real  # first use only: rare kinds of number

    return isinstance(value, Real)


def _seconds(value: Any) -> bool:
    """A positive, finite number of seconds (not a bool)."""
    if not _is_real(value):
        return False
    seconds = float(value)
    return math.isfinite(seconds) and seconds > 0


def check_timeout(value: Any, name: str) -> Any:
    """Validate a timeout given as seconds, a (connect, read) pair, None or a urllib3 Timeout."""
    if value is None or hasattr(value, "connect_timeout"):
        return value
    if _is_real(value):
        if not _seconds(value):
            raise ApiValueError(f"{name} must be a positive, finite number of seconds, got {value!r}")
        return float(value)
    if isinstance(value, (tuple, list)) and len(value) == 2:
        for part in value:
            if part is not None and not _seconds(part):
                raise ApiValueError(f"{name} parts must be positive numbers or None, got {value!r}")
        return (value[0], value[1])
    raise ApiValueError(f"{name} must be seconds, a (connect, read) pair or a urllib3 Timeout, got {value!r}")


def whole_call_limit(timeout: Any) -> Optional[float]:
    """The limit a (checked) timeout puts on a whole call: one number, or a urllib3 ``Timeout``'s
    ``total``; None for a pair or None. Run on every call: the common kinds are tested first."""
    kind = type(timeout)
    if kind is tuple or timeout is None:
        return None
    if kind is float or kind is int:
        return float(timeout)
    total = getattr(timeout, "total", None)
    return float(total) if total is not None and _seconds(total) else None


def check_deadline(value: Any, name: str) -> float:
    """Validate a total time budget: a positive, finite number of seconds."""
    if not _seconds(value):
        raise ApiValueError(f"{name} must be a positive, finite number of seconds, got {value!r}")
    return float(value)


def _check_retries(value: Any, name: str) -> Any:
    if value is None or hasattr(value, "increment"):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ApiValueError(f"{name} must be a non-negative int or a urllib3 Retry, got {value!r}")


def _check_positive_int(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ApiValueError(f"{name} must be a positive int, got {value!r}")
    return int(value)


def _check_optional_positive_int(value: Any, name: str) -> Optional[int]:
    return None if value is None else _check_positive_int(value, name)


def _check_rate(value: Any, name: str) -> Optional[float]:
    if value is None:
        return None
    if not _seconds(value):
        raise ApiValueError(f"{name} must be None or a positive, finite number of requests per second, got {value!r}")
    return float(value)


def _check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise ApiTypeError(f"{name} must be True or False, got {type(value).__name__}")
    return value


def _check_optional_str(value: Any, name: str) -> Optional[str]:
    if value is None:
        return None
    return _check_str(value, name)


def _check_str(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise ApiTypeError(f"{name} must be a str, got {type(value).__name__}")
    return value


def _check_str_dict(value: Any, name: str) -> dict[str, str]:
    """A fresh dict of str to str (the caller's mapping is copied, never shared)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ApiTypeError(f"{name} must be a mapping of str to str")  # values may be secrets: not shown
    return dict(value)


def _check_optional_str_dict(value: Any, name: str) -> Optional[dict[str, str]]:
    return _check_str_dict(value, name) or None


def _check_proxy(value: Any, name: str) -> Optional[str]:
    if value is None:
        return None
    _check_url(value, name)
    return str(value)


def _check_assert_hostname(value: Any, name: str) -> Any:
    if value is not None and not isinstance(value, (str, bool)):
        raise ApiTypeError(f"{name} must be a str, False or None, got {type(value).__name__}")
    return value


def _check_server_index(value: Any, name: str) -> Optional[int]:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ApiValueError(f"{name} must be None or an int >= 0, got {value!r}")
    return value


def _check_servers(value: Any, name: str) -> list[dict[str, str]]:
    if not isinstance(value, list) or not all(isinstance(s, dict) and isinstance(s.get("url"), str) for s in value):
        raise ApiTypeError(f"{name} must be a list of dicts with a 'url'")
    return value


# The validator of every setting; the properties (host, verify_ssl, ssl_ca_cert, debug) check in their setters.
_CHECKS: dict[str, Callable[[Any, str], Any]] = {
    "servers": _check_servers,
    "server_index": _check_server_index,
    "api_key": _check_str_dict,
    "api_key_prefix": _check_str_dict,
    "cert_file": _check_optional_str,
    "key_file": _check_optional_str,
    "assert_hostname": _check_assert_hostname,
    "proxy": _check_proxy,
    "proxy_headers": _check_optional_str_dict,
    "trust_env": _check_bool,
    "allow_insecure_http": _check_bool,
    "connection_pool_maxsize": _check_positive_int,
    "timeout": check_timeout,
    "deadline": check_deadline,
    "retries": _check_retries,
    "max_response_size": _check_positive_int,
    "rate_limit": _check_rate,
    "rate_limit_burst": _check_optional_positive_int,
    "logger_format": _check_str,
    "logger_file": _check_optional_str,
    "client_side_validation": _check_bool,
    "safe_chars_for_path_param": _check_str,
}
# How KALSHI_ALLOW_INSECURE_HTTP may be written.
_FLAGS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}
_PROPERTIES = frozenset({"host", "verify_ssl", "ssl_ca_cert", "debug"})
_SETTINGS = frozenset(_CHECKS) | _PROPERTIES
# The settings of the session (who is logged in where, and how safely) and of the connection
# pools: clients sharing both (``ApiClient.sharing_session``, ``Kalshi.with_options``) agree on them.
SHARED_SETTINGS = frozenset(
    {
        "host",
        "server_index",
        "api_key",
        "api_key_prefix",
        "allow_insecure_http",
        "verify_ssl",
        "ssl_ca_cert",
        "cert_file",
        "key_file",
        "assert_hostname",
        "proxy",
        "proxy_headers",
        "trust_env",
        "connection_pool_maxsize",
    }
)


def _split(url: str) -> SplitResult:
    # urllib.parse on first use only: `import kalshi` does not load it.
    from urllib.parse import urlsplit

    return urlsplit(url)


def _check_host(value: Any, name: str) -> str:
    """A usable API root, without its trailing slash."""
    _check_url(value, name)
    if "@" in _split(value).netloc:
        # urllib3 would not send them, and a URL is shown in errors and logs.
        raise ApiValueError(f"{name} must not contain credentials (user:password@); use api_key")
    return str(value).rstrip("/")


def _check_url(value: Any, name: str) -> None:
    if not isinstance(value, str):
        raise ApiValueError(f"{name} must be a str URL, got {type(value).__name__}")
    parts = _split(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ApiValueError(f"{name} must be an http:// or https:// URL, got {_strip_userinfo(value)!r}")


def _strip_userinfo(url: Optional[str]) -> Optional[str]:
    """Drop ``user:password@`` from a URL before it is shown anywhere."""
    if not url or "@" not in url:
        return url
    parts = _split(url)
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def _remove_handler() -> None:
    log = logger()
    for handler in [h for h in log.handlers if getattr(h, "_kalshi_debug", False)]:
        log.removeHandler(handler)
        handler.close()


def _ensure_handler(logger_file: Optional[str], fmt: str) -> None:
    # Attach one handler of ours, once; never touch the root logger or http.client.
    import logging  # only when debug output is asked for

    log = logger()
    if any(getattr(h, "_kalshi_debug", False) for h in log.handlers):
        return
    handler: logging.Handler = logging.FileHandler(logger_file) if logger_file else logging.StreamHandler()
    handler.setFormatter(logging.Formatter(fmt))
    handler._kalshi_debug = True  # type: ignore[attr-defined]
    log.addHandler(handler)
