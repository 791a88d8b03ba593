"""The embedded fake Kalshi exchange behind ``kalshi.testing``, one module per concern."""
