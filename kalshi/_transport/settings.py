"""``TransportSettings``: the transport's immutable snapshot of a ``Configuration``.

``Configuration.transport_settings()`` makes it (once per change of the configuration) and the
transport takes one at the start of each call: the call keeps it to the end, retries included,
whatever is assigned to the configuration meanwhile. Plain values only, so that the configuration
can build one without importing urllib3.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Optional, Tuple, Union

__all__ = ["TransportSettings"]


class TransportSettings(NamedTuple):
    """What the transport reads of a ``Configuration``, as it was at one moment."""

    timeout: Any  # as configured: seconds, a (connect, read) pair, a urllib3 Timeout, or None
    retries: Any  # a count, a urllib3 Retry, or None
    deadline: float
    max_response_size: int
    rate_limit: Optional[float]
    rate_limit_burst: Optional[int]
    verify_ssl: bool
    ca_certs: str  # the CA bundle's path
    cert_file: Optional[str]
    key_file: Optional[str]
    assert_hostname: Union[str, bool, None]
    proxy: Optional[str]
    proxy_headers: Tuple[Tuple[str, str], ...]
    trust_env: bool
    pool_maxsize: int

    def pool_key(self) -> tuple[Any, ...]:
        """The settings connection pools are built from: pools are shared while it is equal."""
        return self[6:]

    def rate_key(self) -> tuple[Optional[float], Optional[int]]:
        """The settings of the client-side rate limiter: its budget is kept while it is equal."""
        return self.rate_limit, self.rate_limit_burst
