"""An amount of money in US cents (the spec's ``Cent``, an int64)."""

from typing import Annotated

from kalshi.model_utils import Int64

Cent = Annotated[Int64, "cents"]
