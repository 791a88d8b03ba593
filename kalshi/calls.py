"""What an API method takes besides its parameters, and what it can give back.

- ``CallOptions``: the per-call options every API method accepts (``_request_timeout``, ...).
- ``ApiResponse[T]``: what ``_return_http_data_only=False`` returns: ``(data, status, headers)``,
  a named tuple (``.data``, ``.status``, ``.headers``), so ``data, status, headers = ...`` keeps working.
- ``RawResponse``: what ``_preload_content=False`` returns: the unread HTTP response.
- ``AsyncResult[T]``: what ``async_req=True`` returns; ``.get()`` waits for the result.
- ``CallResult[T]``: any of the above (the type of a method's implementation; its overloads say
  which one a call gets).
"""

# No ``from __future__ import annotations`` here: TypedDict checks its annotations at class creation,
# and string annotations would each be compiled (ForwardRef), milliseconds of `import kalshi`.
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Tuple, TypedDict, TypeVar, Union

from kalshi._call.async_req import AsyncResult

if TYPE_CHECKING:
    from typing import Generic, NamedTuple

    from kalshi.rest import RESTResponse as RawResponse

__all__ = ["CALL_OPTIONS", "ApiResponse", "AsyncResult", "CallOptions", "CallResult", "RawResponse"]

T = TypeVar("T")

# The generated-style keyword options every API method accepts, with their defaults. Read-only: a
# call without options uses it as its options as it is.
CALL_OPTIONS: Mapping[str, Any] = MappingProxyType({
    "async_req": False,
    "_return_http_data_only": True,
    "_preload_content": True,
    "_request_timeout": None,
    "_deadline": None,
    "_check_input_type": True,
    "_check_return_type": True,
    "_host_index": None,
})


class CallOptions(TypedDict, total=False):
    """Per-call options that do not change what a method returns; none changes the configuration.

    - ``_request_timeout``: for this call only, a ``(connect, read)`` pair, or one number of
      seconds: the whole call's limit, retries included (like ``_deadline``, the smaller wins).
    - ``_deadline``: the total time budget of this call in seconds (connect, reads, retries and
      their waits together), instead of ``Configuration``'s.
    - ``_check_input_type``: False skips the argument type checks.
    - ``_check_return_type``: False keeps response fields of unexpected types instead of raising.
    - ``_host_index``: take the host from ``Configuration.get_host_settings()[i]``.

    ``async_req``, ``_return_http_data_only`` and ``_preload_content`` change the result's type and
    are typed on each method.
    """

    _request_timeout: Union[float, Tuple[Optional[float], Optional[float]], None]
    _deadline: Optional[float]
    _check_input_type: bool
    _check_return_type: bool
    _host_index: Optional[int]


if TYPE_CHECKING:

    class ApiResponse(NamedTuple, Generic[T]):
        """``(data, status, headers)`` of one call (``_return_http_data_only=False``)."""

        data: T
        status: int
        headers: Mapping[str, str]

else:
    # At run time a plain tuple subclass with the same fields: typing.NamedTuple builds its class
    # through collections.namedtuple at import, which `import kalshi` should not pay for; and a
    # generic NamedTuple needs Python 3.11.
    class ApiResponse(tuple):
        """``(data, status, headers)`` of one call (``_return_http_data_only=False``)."""

        __slots__ = ()
        _fields = ("data", "status", "headers")

        def __new__(cls, data: Any, status: int, headers: Mapping[str, str]) -> "ApiResponse":
            return tuple.__new__(cls, (data, status, headers))

        def __getnewargs__(self) -> Tuple[Any, ...]:
            return tuple(self)

        @property
        def data(self) -> Any:
            return self[0]

        @property
        def status(self) -> int:
            return self[1]  # type: ignore[no-any-return]

        @property
        def headers(self) -> Mapping[str, str]:
            return self[2]  # type: ignore[no-any-return]

        def _asdict(self) -> Dict[str, Any]:
            return dict(zip(self._fields, self))

        def _replace(self, **changes: Any) -> "ApiResponse":
            return ApiResponse(**{**self._asdict(), **changes})

        def __repr__(self) -> str:
            return f"ApiResponse(data={self[0]!r}, status={self[1]!r}, headers={self[2]!r})"

        def __class_getitem__(cls, item: Any) -> Any:
            return cls  # ApiResponse[T] at run time: the class itself


if TYPE_CHECKING:
    # What an API method's implementation returns, whatever the options: each overload is precise.
    CallResult = Union[T, ApiResponse[T], RawResponse, AsyncResult[Any]]


def __getattr__(name: str) -> Any:
    # RawResponse lives in the transport, which imports urllib3: load it only when asked for.
    if name == "RawResponse":
        from kalshi.rest import RESTResponse

        return RESTResponse
    # Built on first use: a Union with a forward reference compiles it, a cost `import kalshi` skips.
    if name == "CallResult":
        from kalshi.rest import RESTResponse

        # The same alias as the TYPE_CHECKING one above; mypy does not see it as an alias here.
        return Union[T, ApiResponse[T], RESTResponse, AsyncResult[Any]]  # type: ignore[valid-type]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
