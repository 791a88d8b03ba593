"""``ApiClient``: turns an endpoint call into an HTTP request and the response into a model.

One call's path: validate arguments -> path, query, headers, auth, JSON body -> transport ->
status to exception, or JSON to the declared model. Nothing of one call is stored on the client,
so one client can be shared by many threads.
"""

from __future__ import annotations

import sys
import time
from _thread import LockType, allocate_lock  # threading's Lock, without importing threading
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional
from weakref import WeakSet

from kalshi._call.async_req import LazyPool
from kalshi._call.clear_text import PROTECTED, check_host
from kalshi._call.decode import decode_json
from kalshi._call.endpoint import BODY, Endpoint, Param, Request, render_query, wire_body
from kalshi._call.hidden import Hidden
from kalshi._call.paging import check_max_pages, iter_pages
from kalshi._call.session import Session
from kalshi._common import constants as C
from kalshi._common import log
from kalshi._common.environment import EMAIL_VARIABLE, PASSWORD_VARIABLE, variable
from kalshi._common.text import safe_text, secret_forms
from kalshi._operations.auth import LOGIN, LOGOUT
from kalshi._transport.deadline import Deadline
from kalshi._version import __version__
from kalshi.calls import CALL_OPTIONS, ApiResponse
from kalshi.configuration import SHARED_SETTINGS, Configuration, check_deadline, check_timeout, whole_call_limit
from kalshi.exceptions import (
    ApiClientClosedError,
    ApiDecodeError,
    ApiResponseTypeError,
    ApiTypeError,
    ApiValueError,
    exception_for_status,
)
from kalshi.model.login_request import LoginRequest
from kalshi.model.login_response import LoginResponse
from kalshi.model_utils import ListModel, Model, format_datetime

if TYPE_CHECKING:
    from types import TracebackType

    from kalshi.rest import RESTClientObject, RESTResponse

__all__ = ["ApiClient"]

# Options that change what a call returns: an iterator yields items, so it refuses them.
_SHAPE_OPTIONS = ("async_req", "_return_http_data_only", "_preload_content")
_JSON = "application/json"


class ApiClient:
    """Sends the API's requests: one connection pool, shared safely between threads.

    Args:
        configuration: a ``Configuration``; when omitted, a copy of the one given to
            ``Configuration.set_default()``, else a default one (production host).
        header_name, header_value: one extra header sent with every request.
        cookie: a ``Cookie`` header sent with every request.
        pool_threads: threads for calls made with ``async_req=True`` (created on first use).

    Use it as a context manager, or call ``close()`` when done::

        with kalshi.ApiClient(configuration) as api_client:
            api_client.login("me@example.com", "my-password")
            history = AccountApi(api_client).user_get_account_history(api_client.user_id)
    """

    def __init__(
        self,
        configuration: Optional[Configuration] = None,
        header_name: Optional[str] = None,
        header_value: Optional[str] = None,
        cookie: Optional[str] = None,
        pool_threads: int = 1,
    ) -> None:
        # Checked now: the thread pool is only built on the first async_req call, far from the mistake.
        if not isinstance(pool_threads, int) or isinstance(pool_threads, bool) or pool_threads < 1:
            raise ApiValueError(f"pool_threads must be a positive int, got {pool_threads!r}")
        if configuration is None:
            configuration = Configuration.get_default_copy()
        self.configuration: Configuration = configuration
        self.default_headers: dict[str, str] = {}
        if header_name is not None and header_value is not None:
            self.default_headers[header_name] = header_value
        self._cookie: Hidden[Optional[str]] = Hidden(cookie)
        py = "{}.{}.{}".format(*sys.version_info[:3])
        self.user_agent = f"kalshi-sdk-python/{__version__} (Python {py}; {sys.platform})"
        self._rest: Optional[RESTClientObject] = None
        self._pool: LazyPool = LazyPool(pool_threads)
        self._session: Session = Session()
        self._closed: bool = False
        self._rest_lock: LockType = allocate_lock()
        self._sharers: WeakSet[ApiClient] = WeakSet()  # made by sharing_session(), closed with this one

    # ---- lifecycle

    @property
    def rest_client(self) -> RESTClientObject:
        """The transport, made on first use so that building a client costs nothing."""
        rest = self._rest
        if rest is None:
            self._check_open()
            from kalshi.rest import RESTClientObject

            # One transport per client even when threads race for the first call: it holds the
            # pools and the rate limiter that they all must share.
            with self._rest_lock:
                rest = self._rest
                if rest is None:
                    rest = self._rest = RESTClientObject(self.configuration, secrets=self._known_secrets)
        return rest

    def sharing_session(self, configuration: Configuration) -> ApiClient:
        """A new client with ``configuration`` over this client's session and connections.

        Its calls read their timeouts, deadline, retries, size and rate limits and validation from
        ``configuration``; they use this client's log-in (a ``login()``, ``logout()`` or renewal on
        either is the other's too), start from a copy of its default headers and cookie, and go
        through its connection pools, and its rate limiter while both rate limits are the same.
        ``configuration`` must equal this client's in the host and in every setting of the session
        and the pools (``ApiValueError`` names the first that differs). Closing this client closes
        the new one too; closing the new one closes only it (and its ``async_req`` threads).
        """
        if not isinstance(configuration, Configuration):
            raise ApiTypeError(f"configuration must be a kalshi.Configuration, got {type(configuration).__name__}")
        self._check_open()
        for name in sorted(SHARED_SETTINGS):
            if getattr(configuration, name) != getattr(self.configuration, name):
                raise ApiValueError(
                    f"sharing_session() needs the same {name!r} as this client's configuration: the new "
                    "client shares its session and connection pools; create another ApiClient for that",
                    path_to_item=[name],
                )
        parent = self.rest_client  # made now if not yet: both must share one transport's pools
        from kalshi.rest import RESTClientObject

        shared = ApiClient(configuration)
        shared.default_headers = dict(self.default_headers)
        shared.cookie = self.cookie
        shared._session = self._session
        shared._rest = RESTClientObject(configuration, secrets=shared._known_secrets, shared_with=parent)
        with self._rest_lock:
            self._check_open()  # under the lock: close() must see every client it is to close
            self._sharers.add(shared)
        return shared

    def close(self) -> None:
        """Stop the async thread pool and close pooled connections; safe to call twice.

        A closed client sends nothing more: every call raises ``ApiClientClosedError``. The clients
        made by ``sharing_session()`` are closed too.
        """
        with self._rest_lock:
            self._closed = True
            sharers = list(self._sharers)
        self._pool.close()
        if self._rest is not None:
            self._rest.close()
        for shared in sharers:
            shared.close()

    def _check_open(self) -> None:
        if self._closed:
            raise ApiClientClosedError("the ApiClient is closed; create a new one")

    def _known_secrets(self) -> list[str]:
        """Every secret this client holds, to scrub from error text: passwords sent, token, keys, cookie."""
        secrets = self._session.secrets()
        secrets += [value for value in (self.cookie, *self.configuration.api_key.values()) if value]
        return secrets

    def _secrets(self) -> list[str]:
        # The transport adds proxy credentials to the client's own; before it exists, there are none to add.
        return self._rest.known_secrets() if self._rest is not None else self._known_secrets()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<ApiClient host={self.configuration.host!r} user_id={self._session.user_id!r}>"

    # ---- headers and auth

    @property
    def cookie(self) -> Optional[str]:
        """The ``Cookie`` header sent with every request, if any (kept hidden from ``vars()``)."""
        return self._cookie.value

    @cookie.setter
    def cookie(self, value: Optional[str]) -> None:
        self._cookie = Hidden(value)

    @property
    def user_agent(self) -> str:
        return self.default_headers["User-Agent"]

    @user_agent.setter
    def user_agent(self, value: str) -> None:
        self.default_headers["User-Agent"] = value

    def set_default_header(self, header_name: str, header_value: str) -> None:
        """Send this header with every request of this client."""
        self.default_headers[header_name] = header_value

    @property
    def user_id(self) -> Optional[str]:
        """The user id of the session started by ``login()``, else None."""
        return self._session.user_id

    def _authorization(self) -> Optional[str]:
        # A session started by login() wins over a key set in the configuration.
        return self._session.authorization or self.configuration.get_api_key_with_prefix(C.AUTH_SCHEME)

    # ---- sessions

    def login(self, email: Optional[str] = None, password: Optional[str] = None) -> LoginResponse:
        """Log in, and send ``"<user_id> <token>"`` as the Authorization header from now on.

        An argument left out (None) is read from ``KALSHI_EMAIL`` / ``KALSHI_PASSWORD`` when
        ``configuration.trust_env`` is true (the default); an argument wins over its variable.
        Either still missing is an ``ApiValueError`` naming it, raised before anything is sent.

        The e-mail and password stay in memory so that an expired session (a 401) is renewed by
        logging in once more, automatically. Returns the ``LoginResponse``.
        """
        email, password = self._login_credentials(email, password)
        response = self._login_request(email, password)
        self._session.start(email, password, response.user_id, response.token)
        return response

    def _login_credentials(self, email: Optional[str], password: Optional[str]) -> tuple[str, str]:
        """The arguments, completed from the environment if it is trusted; never shows a value."""
        trust_env = self.configuration.trust_env
        if trust_env:
            email = variable(EMAIL_VARIABLE) if email is None else email
            password = variable(PASSWORD_VARIABLE) if password is None else password
        if email is not None and password is not None:
            return email, password
        missing = [
            (argument, name)
            for argument, name, value in (("email", EMAIL_VARIABLE, email), ("password", PASSWORD_VARIABLE, password))
            if value is None
        ]
        arguments = " and ".join(argument for argument, _ in missing)
        names = " and ".join(name for _, name in missing)
        if trust_env:
            hint = f"pass {arguments} to login(), or set {names} in the environment"
        else:
            hint = f"pass {arguments} to login() ({names} not read: configuration.trust_env is False)"
        raise ApiValueError(f"login() has no {arguments}: {hint}", path_to_item=[missing[0][0]])

    def logout(self) -> None:
        """End the session on the server (``POST /log_out``) and forget the credentials.

        Works for a session from ``login()`` and for a key set in the configuration; does nothing
        when there is no Authorization to send.
        """
        try:
            if self._authorization() is not None:
                self.call_endpoint(LOGOUT, {}, {})
        finally:
            self._session.clear()

    def _login_request(self, email: str, password: str) -> LoginResponse:
        response: LoginResponse = self.call_endpoint(
            LOGIN, {"login_request": LoginRequest(email=email, password=password)}, {}
        )
        return response

    def _renew_session(self, seen_generation: int) -> bool:
        def login(email: str, password: str) -> tuple[str, str]:
            response = self._login_request(email, password)
            return response.user_id, response.token

        log.logger().info("session expired (401); logging in again")
        return self._session.renew(seen_generation, login)

    # ---- serialization

    def sanitize_for_serialization(self, obj: Any) -> Any:
        """The JSON-ready wire form of a model, list, dict, datetime or scalar."""
        if obj is None or isinstance(obj, (str, int, float, bool)):
            return obj
        if isinstance(obj, (Model, ListModel)):
            return obj.to_wire()
        if isinstance(obj, (list, tuple)):
            return [self.sanitize_for_serialization(v) for v in obj]
        if isinstance(obj, Mapping):
            return {k: self.sanitize_for_serialization(v) for k, v in obj.items()}
        if hasattr(obj, "isoformat"):
            return format_datetime(obj) if hasattr(obj, "tzinfo") else obj.isoformat()
        raise ApiTypeError(f"cannot serialize {type(obj).__name__}")

    def deserialize(
        self,
        response: RESTResponse,
        response_type: Optional[type],
        check_type: bool = True,
        *,
        method: Optional[str] = None,
        url: Optional[str] = None,
    ) -> Any:
        """Decode a response body into ``response_type`` (None for an empty body)."""
        if response_type is None:
            return None
        from_headers = getattr(response_type, "from_headers", None)
        if from_headers is not None:  # GET /exchange/status answers in its headers, with no body
            try:
                return from_headers(response.headers)
            except ApiResponseTypeError as err:
                raise ApiResponseTypeError(
                    err.problem,
                    err.path_to_item,
                    status=response.status,
                    reason=response.reason,
                    body=response.data,
                    headers=response.headers,
                    method=method,
                    url=url,
                ) from None
        if response.status == 204:
            return None
        raw = response.data
        if not raw:
            # The method promises a model: an empty 2xx body is a bad response, not a None.
            raise ApiDecodeError(
                response.status, response.reason, raw, response.headers, method=method, url=url, secrets=self._secrets()
            )
        try:
            data = decode_json(raw)
        except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested too deeply to parse
            raise ApiDecodeError(
                response.status, response.reason, raw, response.headers, method=method, url=url, secrets=self._secrets()
            ) from None
        if issubclass(response_type, (Model, ListModel)):
            try:
                # The decoded JSON is ours: the converter may empty it as it reads (fewer GC passes).
                return response_type._from_decoded(data, check_type)
            except ApiResponseTypeError as err:  # the same error, now with the response it came from
                raise ApiResponseTypeError(
                    err.problem,
                    err.path_to_item,
                    status=response.status,
                    reason=response.reason,
                    body=raw,
                    headers=response.headers,
                    method=method,
                    url=url,
                    secrets=self._secrets(),
                ) from None
            except RecursionError:
                raise ApiDecodeError(
                    response.status,
                    response.reason,
                    raw,
                    response.headers,
                    method=method,
                    url=url,
                    secrets=self._secrets(),
                ) from None
        return data

    # ---- calls

    def _with_session_user(self, endpoint: Endpoint, args: Mapping[str, Any]) -> Mapping[str, Any]:
        """Fill a left-out ``user_id`` with the logged-in session's, or refuse before sending."""
        for name in endpoint.session_params:
            if args.get(name) is None:
                break
        else:
            return args  # the common case, with nothing built
        missing = [name for name in endpoint.session_params if args.get(name) is None]
        user_id = self._session.user_id
        if user_id is None:
            raise ApiValueError(
                f"{endpoint.name}() needs a user_id: pass one, or log in first (api_client.login)",
                path_to_item=[missing[0]],
            )
        return {**args, **{name: user_id for name in missing}}

    def call_endpoint(self, endpoint: Endpoint, args: Mapping[str, Any], options: Mapping[str, Any]) -> Any:
        """Run one API method: options checked, arguments validated, request sent, result built."""
        opts = CALL_OPTIONS
        if options:
            for key in options:
                if key not in CALL_OPTIONS:
                    raise ApiTypeError(f"{endpoint.name}() got an unexpected keyword argument '{key}'")
            given = {**CALL_OPTIONS, **options}
            if given["_request_timeout"] is not None:
                given["_request_timeout"] = check_timeout(given["_request_timeout"], "_request_timeout")
            opts = given
        if endpoint.session_params:
            args = self._with_session_user(endpoint, args)
        config = self.configuration
        host = config.host if opts["_host_index"] is None else config.get_host_from_settings(opts["_host_index"])
        request = endpoint.prepare(
            args,
            check_types=bool(opts["_check_input_type"]),
            check_limits=config.client_side_validation,
            safe_chars=config.safe_chars_for_path_param,
        )
        if opts["async_req"]:
            self._check_open()
            return self._pool.submit(self._send, endpoint, host, request, opts)
        return self._send(endpoint, host, request, opts)

    def paginate(
        self,
        endpoint: Endpoint,
        args: Mapping[str, Any],
        items_field: str,
        *,
        page_size: int,
        start_page: int = 1,
        max_pages: Optional[int] = None,
        options: Mapping[str, Any],
    ) -> Iterator[Any]:
        """The items of ``endpoint``'s pages (``page_size``/``page_number``), fetched lazily.

        Everything is checked now, before anything is sent: the arguments as the endpoint would
        check them, ``start_page`` and ``max_pages``, and the options (shape-changing ones are
        refused). See ``kalshi._call.paging`` for when it stops.
        """
        what = f"iter over {endpoint.name}"
        for key in _SHAPE_OPTIONS:
            if key in options:
                raise ApiTypeError(f"{what}: option {key!r} is not supported; pages are fetched as you iterate")
        if not isinstance(start_page, int) or isinstance(start_page, bool) or start_page < 1:
            raise ApiTypeError(f"{what}: start_page must be an int >= 1, got {start_page!r}")
        check_max_pages(max_pages, what)
        first = {**args, "page_size": page_size, "page_number": start_page}
        if endpoint.session_params:
            first = dict(self._with_session_user(endpoint, first))
        for key in options:
            if key not in CALL_OPTIONS:
                raise ApiTypeError(f"{what}: unexpected keyword argument '{key}'")
        endpoint.prepare(
            first,
            check_types=bool(options.get("_check_input_type", True)),
            check_limits=self.configuration.client_side_validation,
        )

        def fetch(page: int) -> Any:
            response = self.call_endpoint(endpoint, {**first, "page_number": page}, options)
            return getattr(response, items_field)

        return iter_pages(fetch, page_size=page_size, start_page=start_page, max_pages=max_pages, what=what)

    def _send(
        self,
        endpoint: Endpoint,
        host: str,
        request: Request,
        opts: Mapping[str, Any],
        extra_headers: Optional[Mapping[str, str]] = None,
    ) -> Any:
        body = None
        sent: tuple[str, ...] = ()
        if request.body is not None:
            from json import dumps  # first request body only: json is not part of `import kalshi`

            wire = wire_body(request.body)
            sent = _body_secrets(endpoint, wire)
            body = dumps(wire, separators=(",", ":")).encode()
        if host not in PROTECTED:  # a host not known to be https or loopback
            check_host(host, self._credentials(endpoint, sent, extra_headers), self.configuration.allow_insecure_http)
        if sent:
            # A secret of this client from now on, before the server can echo it in an error.
            self._session.remember(sent)
        url = host + request.path
        if request.query:
            url += "?" + _query_text(request.query)

        config = self.configuration
        seconds = opts.get("_deadline")
        limit = config.deadline if seconds is None else check_deadline(seconds, "_deadline")
        # One number as a timeout is the whole call's limit, like a deadline (a pair is per phase).
        timeout = opts["_request_timeout"]
        whole_call = whole_call_limit(config.timeout if timeout is None else timeout)
        if whole_call is not None and whole_call < limit:
            limit = whole_call
        # One budget for the whole call, the repeat after a renewed session included.
        budget = Deadline(limit)
        generation = self._session.generation
        response = self._exchange(endpoint, url, extra_headers, body, opts, budget)
        if response.status == 401 and endpoint.auth and endpoint.renews_session and self._session.can_relogin:
            # The session expired: log in once more (shared between threads) and repeat once. The
            # 401 is read and its connection returned first, so the log-in can reuse it.
            _finish(response)
            if self._renew_session(generation):
                response = self._exchange(endpoint, url, extra_headers, body, opts, budget)

        if endpoint.ends_session and 200 <= response.status <= 299:
            self._session.clear()
        if not 200 <= response.status <= 299:
            _finish(response)
            raise exception_for_status(response.status)(
                response.status,
                response.reason,
                response.data,
                response.headers,
                method=endpoint.method,
                url=url,
                secrets=self._secrets(),
            )
        if not opts["_preload_content"]:
            return response
        data = self.deserialize(
            response, endpoint.response_type, bool(opts["_check_return_type"]), method=endpoint.method, url=url
        )
        if endpoint is LOGIN and isinstance(getattr(data, "token", None), str):
            self._session.remember((data.token,))  # AuthApi.login's token: a secret, as login()'s is
        if opts["_return_http_data_only"]:
            return data
        return ApiResponse(data, response.status, response.headers)

    def _exchange(
        self,
        endpoint: Endpoint,
        url: str,
        extra_headers: Optional[Mapping[str, str]],
        body: Optional[bytes],
        opts: Mapping[str, Any],
        budget: Deadline,
    ) -> RESTResponse:
        headers = self._headers(endpoint, body is not None, extra_headers)
        debug = log.debug_enabled()
        started = time.perf_counter() if debug else 0.0
        response = self.rest_client.request(
            endpoint.method,
            url,
            headers=headers,
            body=body,
            preload_content=bool(opts["_preload_content"]),
            timeout=opts["_request_timeout"],
            deadline=budget,
        )
        if debug:
            log.logger().debug(
                "%s %s -> %d %s in %.1f ms (attempt %d)",
                endpoint.method,
                url,
                response.status,
                safe_text(response.reason, secret_forms(self._secrets()), 100),  # server text: one safe line
                (time.perf_counter() - started) * 1000,
                response.attempts,
            )
        return response

    def _credentials(self, endpoint: Endpoint, sent: tuple[str, ...], extra: Optional[Mapping[str, str]]) -> str:
        """What credential a call would send ("" for none): checked only for a host that is neither
        https nor loopback."""
        if sent:
            return "a password" if len(sent) == 1 else "passwords"
        if endpoint.auth and self._authorization() is not None:
            return "the Authorization header (session token or API key)"
        named = {name.lower() for name in (*self.default_headers, *(extra or {}))}
        if self.cookie or "cookie" in named:
            return "the Cookie header"
        if C.AUTH_HEADER.lower() in named:
            return "the Authorization header"
        return ""

    def _headers(self, endpoint: Endpoint, sends_json: bool, extra: Optional[Mapping[str, str]]) -> dict[str, str]:
        """The checked headers of a request, built afresh for each call (the transport never
        changes them)."""
        authorization = self._authorization() if endpoint.auth else None
        return self._build_headers(endpoint.returns_body, sends_json, authorization, extra)

    def _build_headers(
        self,
        returns_json: bool,
        sends_json: bool,
        authorization: Optional[str],
        extra: Optional[Mapping[str, str]],
    ) -> dict[str, str]:
        # What the transport decodes; the user's own Accept-Encoding, if any, wins.
        headers = {"Accept-Encoding": C.ACCEPT_ENCODING, **self.default_headers, **(extra or {})}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if returns_json:
            headers["Accept"] = _JSON
        if sends_json:
            headers["Content-Type"] = _JSON
        if authorization is not None:
            headers[C.AUTH_HEADER] = authorization
        _check_headers(headers)
        return headers

    def call_api(
        self,
        resource_path: str,
        method: str,
        path_params: Optional[Mapping[str, Any]] = None,
        query_params: Optional[list[tuple[str, Any]]] = None,
        header_params: Optional[Mapping[str, str]] = None,
        body: Any = None,
        response_type: Optional[type] = None,
        auth_settings: Optional[list[str]] = None,
        async_req: bool = False,
        _return_http_data_only: bool = True,
        _preload_content: bool = True,
        _request_timeout: Any = None,
        _host: Optional[str] = None,
        _check_type: bool = True,
    ) -> Any:
        """Send a request described piece by piece (the generated clients' low-level entry point).

        Prefer the API classes; this is for endpoints the SDK does not describe yet.
        """
        params: list[Param] = [Param(name, name, "path", object, required=True) for name in path_params or {}]
        args: dict[str, Any] = dict(path_params or {})
        for i, (name, value) in enumerate(query_params or []):
            params.append(Param(f"_q{i}", name, "query", object))
            args[f"_q{i}"] = value
        if body is not None:
            params.append(Param("_body", "", "body", object))
            args["_body"] = body
        endpoint = Endpoint(
            "CallApi", "call_api", method.upper(), resource_path, tuple(params), response_type, auth=bool(auth_settings)
        )
        opts = {
            **CALL_OPTIONS,
            "_return_http_data_only": _return_http_data_only,
            "_preload_content": _preload_content,
            "_request_timeout": _request_timeout,
            "_check_return_type": _check_type,
        }
        request = endpoint.prepare(args, check_types=False, check_limits=False)
        host = _host or self.configuration.host
        if async_req:
            return self._pool.submit(self._send, endpoint, host, request, opts, header_params)
        return self._send(endpoint, host, request, opts, header_params)


# Rendered query strings: a program sends a limited set (page sizes and numbers, filters). Cleared,
# not grown, past this many.
_QUERY_CACHE_LIMIT = 256
_queries: dict[tuple[tuple[str, str], ...], str] = {}


def _query_text(query: list[tuple[str, str]]) -> str:
    key = tuple(query)
    text = _queries.get(key)
    if text is None:
        if len(_queries) >= _QUERY_CACHE_LIMIT:
            _queries.clear()
        text = _queries[key] = render_query(query)
    return text


# The wire names of each request body model's secret fields (``field(secret=True)``).
_secret_wires: dict[type, tuple[str, ...]] = {}


def _body_secrets(endpoint: Endpoint, wire: Any) -> tuple[str, ...]:
    """The secret values (passwords) in a request body's JSON, found by its model's declaration."""
    if not isinstance(wire, dict):
        return ()
    found: list[str] = []
    for param in endpoint.params:
        if param.location != BODY:
            continue
        model = param.type
        names = _secret_wires.get(model)
        if names is None:
            names = _secret_wires[model] = tuple(f.wire for f in getattr(model, "_fields", ()) if f.secret)
        found += [wire[name] for name in names if isinstance(wire.get(name), str)]
    return tuple(found)


def _finish(response: RESTResponse) -> None:
    """Read a response the caller will not get, and give its connection back to the pool."""
    response.data  # noqa: B018 - reads the body (a no-op when it was preloaded)
    response.release_conn()


def _check_headers(headers: Mapping[str, str]) -> None:
    """Refuse header values http.client cannot send, without ever showing the value (it may be a key)."""
    for name, value in headers.items():
        bad = not isinstance(value, str) or "\r" in value or "\n" in value or "\x00" in value
        if not bad:
            try:
                value.encode("latin-1")
            except UnicodeEncodeError:
                bad = True
        if bad:
            hint = " (configuration.api_key / api_key_prefix)" if name == C.AUTH_HEADER else ""
            raise ApiValueError(
                f"header {name!r}{hint} holds a line break, NUL or non-latin-1 character; "
                "it cannot be sent (the value is not shown)"
            )
