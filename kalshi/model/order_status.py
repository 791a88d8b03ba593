"""The state of an order, a string."""

from typing import Literal

OrderStatus = str

# The values the spec's text names (the GET /users/{user_id}/orders parameter status); the server may send others.
OrderStatusLiteral = Literal["resting", "canceled", "executed"]
