"""An amount of money in US cents (the spec's ``Cent``, an int64)."""

Cent = int
