"""The environment variables the SDK and the ``kalshi`` command read, named in one place.

The SDK reads them only when ``Configuration.trust_env`` is true (the default), as it does the
proxy variables (``kalshi._transport.proxies``). An empty variable counts as unset.
"""

from __future__ import annotations

import os
from typing import Optional

__all__ = ["ALLOW_INSECURE_HTTP_VARIABLE", "EMAIL_VARIABLE", "HOST_VARIABLE", "PASSWORD_VARIABLE", "variable"]

HOST_VARIABLE = "KALSHI_HOST"
ALLOW_INSECURE_HTTP_VARIABLE = "KALSHI_ALLOW_INSECURE_HTTP"
EMAIL_VARIABLE = "KALSHI_EMAIL"
PASSWORD_VARIABLE = "KALSHI_PASSWORD"  # noqa: S105 - the name of a variable, not a password


def variable(name: str) -> Optional[str]:
    """The value of the environment variable ``name``; None when it is unset or empty."""
    return os.environ.get(name) or None
