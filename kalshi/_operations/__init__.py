"""The endpoint tables of every operation, one module per spec tag (generated from the spec).

They sit below ``api_client`` (which uses ``auth`` for log-in) and the API classes.
"""
