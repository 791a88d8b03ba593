"""Defaults shared by configuration, transport and client, kept in one place."""

DEFAULT_HOST = "https://trading-api.kalshi.com/v1"
DEMO_HOST = "https://demo-api.kalshi.co/v1"

# (connect, read) seconds: long enough for a 5,000-entry history, short enough to never hang.
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 30.0

DEFAULT_MAX_RETRIES = 3
DEFAULT_BACKOFF_FACTOR = 0.5
DEFAULT_BACKOFF_MAX = 20.0
# A Retry-After larger than this is clipped: a trading script should not sleep for an hour.
MAX_RETRY_AFTER = 60.0
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# GET and PUT are idempotent in this API; POST (/log_in, /log_out) is never retried on a status.
RETRY_METHODS = frozenset({"GET", "PUT", "HEAD", "OPTIONS", "DELETE"})

DEFAULT_POOL_MAXSIZE = 10

# The spec's security scheme: an API key sent in the Authorization header.
AUTH_SCHEME = "cookie"
AUTH_HEADER = "Authorization"

# Headers and JSON keys whose values are never written to logs, reprs or error messages.
SECRET_HEADERS = frozenset({"authorization", "cookie", "set-cookie", "proxy-authorization"})
SECRET_FIELDS = frozenset({"password", "token"})
