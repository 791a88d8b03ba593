"""End-to-end tests of the ``kalshi`` command line (``kalshi.cli``)."""
