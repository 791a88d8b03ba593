"""One module per schema; import models from ``kalshi.models`` for all of them at once."""
