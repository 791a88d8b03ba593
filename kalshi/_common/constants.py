"""Defaults shared by configuration, transport and client, kept in one place."""

from __future__ import annotations

from typing import Literal, Tuple

DEFAULT_HOST = "https://trading-api.kalshi.com/v1"
DEMO_HOST = "https://demo-api.kalshi.co/v1"

# (connect, read) seconds: long enough for a 5,000-entry history, short enough to never hang.
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 30.0

# Configuration.retries' default; the retry policy itself is kalshi._transport.retry.
DEFAULT_MAX_RETRIES = 3

DEFAULT_POOL_MAXSIZE = 10

# The spec's security scheme: an API key sent in the Authorization header.
AUTH_SCHEME = "cookie"
AUTH_HEADER = "Authorization"

# The e-mail subscription levels the spec names (ChangeSubscriptionRequest.subscription_level).
SubscriptionLevel = Literal["none", "basic", "all"]
SUBSCRIPTION_LEVELS: Tuple[SubscriptionLevel, ...] = ("none", "basic", "all")

# The total time budget of one call (connect, reads, retries, backoff): nothing runs unbounded.
DEFAULT_DEADLINE = 60.0
# The largest response body accepted, after decompression; a 5,000-entry history is about 1.4 MB.
DEFAULT_MAX_RESPONSE_SIZE = 64 * 1024 * 1024
# What the transport asks for; both decode with the standard library's zlib.
ACCEPT_ENCODING = "gzip, deflate"
