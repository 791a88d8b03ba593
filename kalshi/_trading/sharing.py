"""An ``ApiClient`` with other settings over an existing one's session and connection pools.

What ``Kalshi.with_options`` is built on. The copy has a configuration of its own (timeouts,
deadline, retries, size and rate limits are read from it per call) but the original's session (one
log-in serves both) and its pools (one set of keep-alive connections); when both have the same
client-side rate limit, they share its budget too. Settings that shape the pools are refused before
a copy is made (``options.shared_settings``), so the shared pools always match the copy's settings.
"""

from __future__ import annotations

from kalshi.api_client import ApiClient
from kalshi.configuration import Configuration
from kalshi.rest import RESTClientObject

__all__ = ["derived_api_client"]


def derived_api_client(original: ApiClient, configuration: Configuration) -> ApiClient:
    """An ``ApiClient`` using ``configuration`` and ``original``'s session, headers and pools."""
    parent = original.rest_client  # made now if it was not yet: both must share one transport's pools
    copy = ApiClient(configuration)
    copy.default_headers = dict(original.default_headers)
    copy.cookie = original.cookie
    # The ApiClient keeps these private; this module is the one place that shares them, under the
    # rule above (no pool setting differs).
    copy._session = original._session
    copy._rest = RESTClientObject(configuration, secrets=copy._known_secrets, shared_with=parent)
    return copy
