"""The state of a deposit, a string."""

DepositStatus = str
