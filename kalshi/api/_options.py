"""The generated-style keyword options every API method accepts, typed for IDEs and mypy."""

from __future__ import annotations

from typing import Optional, Tuple, TypedDict, Union

__all__ = ["CallOptions"]


class CallOptions(TypedDict, total=False):
    """Per-call options; none of them changes the shared configuration.

    - ``_request_timeout``: seconds or a ``(connect, read)`` pair for this call only.
    - ``_deadline``: this call's total time budget in seconds (``Configuration.deadline`` otherwise).
    - ``_return_http_data_only``: False returns ``(data, status, headers)``.
    - ``_preload_content``: False returns the raw ``RESTResponse`` unread (stream it, then
      ``release_conn()``).
    - ``_check_input_type``: False skips the argument type checks.
    - ``_check_return_type``: False keeps response fields of unexpected types instead of raising.
    - ``_host_index``: take the host from ``Configuration.get_host_settings()[i]``.
    """

    _return_http_data_only: bool
    _preload_content: bool
    _request_timeout: Union[float, Tuple[Optional[float], Optional[float]], None]
    _deadline: Optional[float]
    _check_input_type: bool
    _check_return_type: bool
    _host_index: Optional[int]
