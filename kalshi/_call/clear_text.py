"""Credentials never cross the network in clear text.

A password, a session token, an API key or a cookie may go to an ``https://`` host, or over
plain ``http://`` to this machine (127.0.0.0/8, ``::1``, ``localhost``: the simulated exchange).
Anywhere else (say ``http://trading-api.kalshi.com``, one letter missing) they would be readable
on the way, so the call is refused before anything is sent, unless the user allowed it
(``Configuration.allow_insecure_http`` or ``KALSHI_ALLOW_INSECURE_HTTP``).

``PROTECTED`` holds the hosts found safe, so a call to one of them costs a set lookup.
"""

from __future__ import annotations

from kalshi._common.environment import ALLOW_INSECURE_HTTP_VARIABLE
from kalshi.exceptions import ApiValueError

__all__ = ["PROTECTED", "check_host"]

# Base URLs known to be https or loopback; cleared, not grown, past this many.
PROTECTED: set[str] = set()
_LIMIT = 64


def check_host(host: str, sends: str, allowed: bool) -> None:
    """Refuse to send ``sends`` (what credential, e.g. "the password") to ``host`` in clear text.

    ``host`` is a base URL the configuration checked (http or https). ``sends`` empty: nothing
    secret goes with this call. A protected host is remembered in ``PROTECTED``.
    """
    from urllib.parse import urlsplit  # a host not yet seen: rare

    parts = urlsplit(host)
    if parts.scheme == "https" or _loopback(parts.hostname or ""):
        if len(PROTECTED) >= _LIMIT:
            PROTECTED.clear()
        PROTECTED.add(host)
        return
    if sends and not allowed:
        raise ApiValueError(
            f"refusing to send {sends} to {parts.netloc} over plain http:// (unencrypted, across the "
            f"network): use https://, or allow it with Configuration(allow_insecure_http=True) or "
            f"{ALLOW_INSECURE_HTTP_VARIABLE}=1"
        )


def _loopback(name: str) -> bool:
    if name.rstrip(".") == "localhost":  # urlsplit lower-cases it
        return True
    from ipaddress import ip_address

    try:
        return ip_address(name).is_loopback  # 127.0.0.0/8 and ::1; a name is not an address
    except ValueError:
        return False
