"""Whether a request that failed in the transport may have reached the server.

An order must never be sent twice, nor reported as not placed when it may have been: a caller
that cannot tell must assume it was sent. It certainly was not when the connection was never made
(refused, connect timeout, TLS handshake) or when the client-side rate limiter gave no slot.
Anything else (a read timeout, a reset or a closed connection before the answer, a response too
large to read, the deadline running out, which may follow an attempt that went out) may have
reached it.
"""

from __future__ import annotations

from typing import Optional

from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError, SSLError

from kalshi.exceptions import ApiConnectionError, ApiTimeoutError

__all__ = ["may_have_been_sent"]

# urllib3 failures that happen before a byte of the request is written.
_BEFORE_SENDING = (ConnectTimeoutError, NewConnectionError, SSLError)


def _transport_cause(error: BaseException) -> Optional[BaseException]:
    cause = error.__cause__
    if isinstance(cause, MaxRetryError) and cause.reason is not None:
        return cause.reason
    return cause


def may_have_been_sent(error: ApiConnectionError) -> bool:
    """False only when ``error`` shows the request was never sent (see the module docstring)."""
    cause = _transport_cause(error)
    if isinstance(error, ApiTimeoutError):
        if error.budget in ("connect", "rate_limit"):
            return False
        if error.budget == "read":
            return True
    # The deadline included: an earlier attempt of the call may have gone out before it ran out.
    return not isinstance(cause, _BEFORE_SENDING)
