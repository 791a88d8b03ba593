"""The generator: the model layer, the endpoint tables, the API classes and most docs pages, from the spec.

One program in stages that share ``spec.py`` (the spec, naming and types)::

    python test/codegen            # rewrite every generated file that differs
    python test/codegen --check    # exit 1, naming each, if a checked-in file differs

- ``generate_models.py``: ``kalshi/model/*.py``, ``kalshi/models/__init__.py``, the model pages;
- ``generate_apis.py``: ``kalshi/_operations/*.py``, ``kalshi/api/*_api.py``, ``kalshi/apis/__init__.py``;
- ``generate_api_docs.py``: the API pages and the endpoint tables of README.md and docs/README.md;
- ``program.py``: the stages together, and the command line;
- ``generator_examples.py`` (no output file): openapi-generator's documented example of each
  operation, which test/integration/test_generator_client_examples.py runs against the SDK.

A shape of the spec that no stage has a rule for (an array, enum or object parameter, a header
parameter, an ``enum`` or ``oneOf`` schema) stops the program with an error naming where it is.
"""
