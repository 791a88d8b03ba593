"""The SDK's version, kept in one place for setup.py and the User-Agent."""

__version__ = "1.0.0"
# The version of the API the spec describes (its info.version).
API_VERSION = "1.0.0"
