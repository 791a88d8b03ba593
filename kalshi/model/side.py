"""The side of a market or an order: yes or no."""

from typing import Literal

Side = str

# The values the spec's text names (UserOrderCreateRequest.side); the server may send others.
SideLiteral = Literal["yes", "no"]
