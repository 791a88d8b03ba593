"""An amount of money in US cents (the spec's ``Cent``, an int64)."""

from typing import Annotated

Cent = Annotated[int, "cents"]
