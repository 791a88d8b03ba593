"""What an API method takes besides its parameters, and what it can give back.

- ``CallOptions``: the per-call options every API method accepts (``_request_timeout``, ...).
- ``ApiResponse[T]``: what ``_return_http_data_only=False`` returns: ``(data, status, headers)``,
  a named tuple, so ``data, status, headers = ...`` keeps working.
- ``RawResponse``: what ``_preload_content=False`` returns: the unread HTTP response.
- ``AsyncResult[T]``: what ``async_req=True`` returns; ``.get()`` waits for the result.
- ``CallResult[T]``: any of the above (the type of a method's implementation; its overloads say
  which one a call gets).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Mapping, NamedTuple, Optional, Tuple, TypedDict, TypeVar, Union

from kalshi._async import AsyncResult

if TYPE_CHECKING:
    from kalshi.rest import RESTResponse as RawResponse

__all__ = ["CALL_OPTIONS", "ApiResponse", "AsyncResult", "CallOptions", "CallResult", "RawResponse"]

T = TypeVar("T")

# The generated-style keyword options every API method accepts, with their defaults.
CALL_OPTIONS: Mapping[str, Any] = {
    "async_req": False,
    "_return_http_data_only": True,
    "_preload_content": True,
    "_request_timeout": None,
    "_deadline": None,
    "_check_input_type": True,
    "_check_return_type": True,
    "_host_index": None,
}


class CallOptions(TypedDict, total=False):
    """Per-call options that do not change what a method returns; none changes the configuration.

    - ``_request_timeout``: seconds or a ``(connect, read)`` pair for this call only.
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
    # A generic NamedTuple needs Python 3.11; at run time the subscript just returns the class.
    class ApiResponse(NamedTuple):
        """``(data, status, headers)`` of one call (``_return_http_data_only=False``)."""

        data: Any
        status: int
        headers: Mapping[str, str]

        # NamedTuple copies the body into a new class, so the implicit classmethod is spelled out.
        @classmethod
        def __class_getitem__(cls, item: Any) -> Any:
            return cls


# What an API method's implementation returns, whatever the options: each overload is precise.
CallResult = Union[T, ApiResponse[T], "RawResponse", AsyncResult[Any]]


def __getattr__(name: str) -> Any:
    # RawResponse lives in the transport, which imports urllib3: load it only when asked for.
    if name == "RawResponse":
        from kalshi.rest import RESTResponse

        return RESTResponse
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
