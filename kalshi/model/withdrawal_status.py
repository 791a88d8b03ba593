"""The state of a withdrawal, a string."""

WithdrawalStatus = str
