"""The public surface: what ``kalshi`` exports, and that importing it stays cheap."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Annotated, List

import kalshi
import kalshi.apis
import kalshi.exceptions
import kalshi.models
from kalshi._model.fields import INT64
from kalshi.model_utils import ListModel, Model

ROOT = Path(kalshi.__file__).resolve().parents[1]

EXPECTED_ALL = {
    "DEFAULT_HOST",
    "DEMO_HOST",
    # the API classes, one per spec tag
    "AccountApi",
    "AuthApi",
    "DefaultApi",
    "ExchangeApi",
    "MarketApi",
    "PortfolioApi",
    "RangedMarketApi",
    "RangedMarketsApi",
    "UserApi",
    # the client, its configuration and what its calls return
    "ApiClient",
    "ApiResponse",
    "AsyncResult",
    "CallOptions",
    "Configuration",
    "ExchangeStatus",
    # the trader's client (issue 18)
    "Kalshi",
    "__version__",
}


def _defined_exceptions() -> set[str]:
    """The public exception classes that kalshi.exceptions defines."""
    return {
        name
        for name, value in vars(kalshi.exceptions).items()
        if inspect.isclass(value) and issubclass(value, Exception) and value.__module__ == "kalshi.exceptions"
        if not name.startswith("_")
    }


# ... and every one of them.
EXPECTED_ALL |= _defined_exceptions()

# Every schema of the whole spec has a model, plus JSONError (a response of error headers).
_SPEC = json.loads((Path(__file__).parent / "spec" / "kalshi-v1.json").read_text(encoding="utf-8"))
EXPECTED_MODELS = set(_SPEC["components"]["schemas"]) | {"JSONError"}


def _isort_style(names: List[str]) -> List[str]:
    """Ruff's RUF022 order: CONSTANTS, then Classes, then the rest, each sorted case-sensitively."""

    def group(name: str) -> int:
        if name.isupper():
            return 0
        if name[:1].isupper():
            return 1
        return 2

    return sorted(names, key=lambda name: (group(name), name))


def test_all_is_exactly_the_public_names() -> None:
    assert set(kalshi.__all__) == EXPECTED_ALL
    assert len(kalshi.__all__) == len(EXPECTED_ALL)


def test_all_is_sorted() -> None:
    assert kalshi.__all__ == _isort_style(kalshi.__all__)


def test_every_exported_name_is_importable() -> None:
    namespace: dict = {}
    exec("from kalshi import *", namespace)  # noqa: S102

    for name in kalshi.__all__:
        assert getattr(kalshi, name) is namespace[name]


def test_version_is_a_dotted_string() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+([.-]?\w+)*", kalshi.__version__)


def test_models_exports_a_name_for_every_schema() -> None:
    assert set(kalshi.models.__all__) == EXPECTED_MODELS
    assert len(kalshi.models.__all__) == 80
    for name in kalshi.models.__all__:
        value = getattr(kalshi.models, name)
        schema = _SPEC["components"]["schemas"].get(name, {"type": "object"})
        if schema["type"] == "object" or (schema["type"] == "array" and "$ref" in schema["items"]):
            assert inspect.isclass(value) and issubclass(value, (Model, ListModel)), name
            assert value.__name__ == name
        elif name == "PriceLevel":
            assert issubclass(value, tuple) and value._fields == ("price", "count")
        elif name == "Cent":  # an int that carries its unit, for the display, and the int64 range
            assert value == Annotated[int, INT64, "cents"]
        else:  # the scalar schemas are aliases of their python type
            assert value in (str, int), name


def test_each_model_lives_in_its_own_generated_style_module() -> None:
    for name in kalshi.models.__all__:
        snake = re.sub(r"(?<!^)(?=[A-Z][a-z])", "_", name).lower()
        module = importlib.import_module(f"kalshi.model.{snake}")
        assert getattr(module, name) is getattr(kalshi.models, name)


API_CLASSES = {
    "AccountApi": "account_api",
    "AuthApi": "auth_api",
    "DefaultApi": "default_api",
    "ExchangeApi": "exchange_api",
    "MarketApi": "market_api",
    "PortfolioApi": "portfolio_api",
    "RangedMarketApi": "ranged_market_api",
    "RangedMarketsApi": "ranged_markets_api",
    "UserApi": "user_api",
}


def test_apis_exports_the_api_classes() -> None:
    assert set(kalshi.apis.__all__) == set(API_CLASSES)
    for name in API_CLASSES:
        assert getattr(kalshi.apis, name) is getattr(kalshi, name)


def test_api_modules_have_the_generated_names() -> None:
    for name, module in API_CLASSES.items():
        assert getattr(importlib.import_module(f"kalshi.api.{module}"), name) is getattr(kalshi, name)


def test_the_call_types_and_the_new_exceptions_are_the_defining_modules_own() -> None:
    import kalshi.calls
    import kalshi.exceptions
    import kalshi.exchange_status

    for name in ("ApiResponse", "AsyncResult", "CallOptions"):
        assert getattr(kalshi, name) is getattr(kalshi.calls, name)
    assert kalshi.ExchangeStatus is kalshi.exchange_status.ExchangeStatus
    for name in _exception_names():
        assert getattr(kalshi, name) is getattr(kalshi.exceptions, name)


def _exception_names() -> list[str]:
    """The names kalshi loads from kalshi.exceptions, in __all__'s order."""
    return [name for name in kalshi.__all__ if kalshi._LAZY.get(name) == "kalshi.exceptions"]


def _type_checking_imports(path: Path) -> dict[str, str]:
    """Name -> module of each ``from module import name`` under ``if TYPE_CHECKING:`` in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    guarded = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING")
    imports = [n for n in ast.walk(guarded) if isinstance(n, ast.ImportFrom)]
    return {alias.asname or alias.name: str(n.module) for n in imports for alias in n.names}


def test_the_exception_names_are_listed_once_and_every_list_agrees() -> None:
    """kalshi.__all__ is the list; the lazy table, kalshi.exceptions.__all__ and the type checkers' imports agree."""
    public = _defined_exceptions()
    assert sorted(public) == _exception_names()
    assert [n for n in kalshi.exceptions.__all__ if n in public] == _exception_names()
    for_type_checkers = _type_checking_imports(ROOT / "kalshi" / "__init__.py")
    assert {name for name, module in for_type_checkers.items() if module == "kalshi.exceptions"} == public
    assert set(kalshi.__all__) == set(kalshi._LAZY) | {"DEFAULT_HOST", "DEMO_HOST", "__version__"}


def test_unknown_attribute_raises_attribute_error() -> None:
    try:
        kalshi.NoSuchThing  # noqa: B018
    except AttributeError as e:
        assert "NoSuchThing" in str(e)
    else:
        raise AssertionError("kalshi.NoSuchThing did not raise AttributeError")


def test_dir_lists_every_public_name_before_it_is_loaded() -> None:
    out = _fresh_interpreter("import kalshi; print(sorted(set(kalshi.__all__) - set(dir(kalshi))))")
    assert out == "[]"


def test_the_aggregates_share_kalshis_lazy_loading() -> None:
    """kalshi.apis and kalshi.models list every name before loading any, load one on use, refuse a stranger."""
    out = _fresh_interpreter(
        "import json, sys\n"
        "import kalshi.apis, kalshi.models\n"
        "listed = {m.__name__: sorted(set(m.__all__) - set(dir(m))) for m in (kalshi.apis, kalshi.models)}\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('kalshi.model.', 'kalshi.api.')))\n"
        "market = kalshi.models.Market\n"
        "errors = []\n"
        "for module in (kalshi.apis, kalshi.models):\n"
        "    try:\n"
        "        module.Nothing\n"
        "    except AttributeError as e:\n"
        "        errors.append(str(e))\n"
        "print(json.dumps({'listed': listed, 'before': loaded, 'market': market.__module__,\n"
        "                  'cached': 'Market' in vars(kalshi.models), 'errors': errors}))"
    )
    assert json.loads(out) == {
        "listed": {"kalshi.apis": [], "kalshi.models": []},
        "before": [],
        "market": "kalshi.model.market",
        "cached": True,
        "errors": [
            "module 'kalshi.apis' has no attribute 'Nothing'",
            "module 'kalshi.models' has no attribute 'Nothing'",
        ],
    }


def test_type_checkers_see_every_lazy_name() -> None:
    """The ``if TYPE_CHECKING:`` block of kalshi/__init__.py imports every lazily loaded name."""
    imported = _type_checking_imports(ROOT / "kalshi" / "__init__.py")
    eager = {"DEFAULT_HOST", "DEMO_HOST", "__version__"}
    assert set(imported) == set(kalshi.__all__) - eager
    assert imported == {name: kalshi._LAZY[name] for name in imported}


def test_every_spec_operation_has_a_method_named_after_it() -> None:
    spec = json.loads((Path(__file__).resolve().parent / "spec" / "kalshi-v1.json").read_text())
    seen = set()
    for operations in spec["paths"].values():
        for operation in operations.values():
            tag = (operation.get("tags") or ["default"])[0]
            api = getattr(kalshi, "".join(part.capitalize() for part in tag.split("_")) + "Api")
            name = re.sub(r"(?<!^)(?=[A-Z])", "_", operation["operationId"]).lower()
            assert callable(getattr(api, name, None)), f"{api.__name__}.{name}"
            seen.add(name)

    assert len(seen) == 36


def test_package_is_marked_typed() -> None:
    assert (Path(kalshi.__file__).parent / "py.typed").is_file()


def _fresh_interpreter(code: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KALSHI_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(ROOT),
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_importing_kalshi_does_not_import_urllib3() -> None:
    assert _fresh_interpreter("import kalshi, sys; print('urllib3' in sys.modules)") == "False"


def test_the_trading_client_loads_only_when_kalshi_Kalshi_is_touched() -> None:
    out = _fresh_interpreter(
        "import json, sys, kalshi\n"
        "from kalshi.api import account_api, user_api\n"
        "before = sorted(m for m in sys.modules if m.startswith('kalshi._trading'))\n"
        "client_class = kalshi.Kalshi\n"
        "after = 'kalshi._trading.client' in sys.modules\n"
        "print(json.dumps({'before': before, 'after': after, 'name': client_class.__name__}))"
    )

    assert json.loads(out) == {"before": [], "after": True, "name": "Kalshi"}


def test_importing_kalshi_configures_no_logging_but_a_null_handler() -> None:
    out = _fresh_interpreter(
        "import logging, json, kalshi\n"
        "kalshi_logger = logging.getLogger('kalshi')\n"
        "print(json.dumps({'root': len(logging.getLogger().handlers),"
        " 'kalshi': [type(h).__name__ for h in kalshi_logger.handlers]}))"
    )

    assert json.loads(out) == {"root": 0, "kalshi": ["NullHandler"]}


def test_the_sdk_logger_has_the_null_handler_from_its_first_use_without_an_import_time_logging() -> None:
    # logging is not imported by `import kalshi`; the library's NullHandler comes with the SDK's
    # first use of its logger, and is attached once.
    out = _fresh_interpreter(
        "import json, sys, kalshi\n"
        "from kalshi.api import account_api\n"
        "imported = 'logging' in sys.modules\n"
        "configuration = kalshi.Configuration()\n"
        "first, again = configuration.logger['kalshi'], configuration.logger['kalshi']\n"
        "import logging\n"
        "print(json.dumps({'imported_by_kalshi': imported, 'same': first is again is logging.getLogger('kalshi'),\n"
        "                  'kalshi': [type(h).__name__ for h in first.handlers],\n"
        "                  'root': len(logging.getLogger().handlers)}))"
    )

    assert json.loads(out) == {"imported_by_kalshi": False, "same": True, "kalshi": ["NullHandler"], "root": 0}


# The seed's first two lines load only what they use. Each list is explicit, so that a new eager
# import anywhere below them fails here.
SEED_IMPORT = "import kalshi; from kalshi.api import account_api"
# The endpoint tables name their models and the API class imports ApiClient only when it must
# build one: no model, no client and no transport loads until the script uses them.
SEED_MODEL_MODULES: set[str] = set()
SEED_API_MODULES = {"kalshi.api", "kalshi.api.account_api"}
SEED_OPERATION_TABLES = {"kalshi._operations", "kalshi._operations.account"}
NOT_FOR_THE_SEED_IMPORT = [
    # the transport: loaded by the first request, not by an import
    "urllib3",
    "kalshi.rest",
    "certifi",
    "ssl",
    "socket",
    "http.client",
    "email",
    "urllib",
    "concurrent",
    # stdlib modules needed on first use only (logging: kalshi._common.log; json: the first body)
    "logging",
    "json",
    "threading",
    "html",
    "copy",
    "numbers",
    # optional and heavy
    "pandas",
    "numpy",
    "matplotlib",
    "dateutil",
    # the client and the model machinery: loaded when the script builds a client or gets a model
    "kalshi.api_client",
    "kalshi.configuration",
    "kalshi._model",
    # the other API classes, the aggregate modules, the fake exchange, the command line
    *(f"kalshi.api.{module}" for name, module in API_CLASSES.items() if module != "account_api"),
    "kalshi.apis",
    "kalshi.models",
    "kalshi.exchange_status",
    "kalshi.testing",
    "kalshi._fake",
    "kalshi.cli",
    "kalshi.pytest_plugin",
]


def test_the_seed_import_loads_only_what_it_needs() -> None:
    out = _fresh_interpreter(
        "import json, sys\n"
        "before = set(sys.modules)\n"  # what the interpreter itself started with (site, .pth files)
        f"{SEED_IMPORT}\n"
        "loaded = sorted(set(sys.modules) - before)\n"
        "import logging\n"
        "handlers = {name: [type(h).__name__ for h in logger.handlers]\n"
        "            for name, logger in logging.Logger.manager.loggerDict.items()\n"
        "            if isinstance(logger, logging.Logger) and logger.handlers}\n"
        "print(json.dumps({'modules': loaded, 'handlers': handlers,\n"
        "                  'root': len(logging.getLogger().handlers)}))"
    )
    loaded = json.loads(out)
    modules = set(loaded["modules"])

    assert {m for m in modules if m.startswith("kalshi.model.")} == SEED_MODEL_MODULES
    assert {m for m in modules if m == "kalshi.api" or m.startswith("kalshi.api.")} == SEED_API_MODULES
    assert {m for m in modules if m.startswith("kalshi._operations")} == SEED_OPERATION_TABLES
    unwanted = [m for m in NOT_FOR_THE_SEED_IMPORT if m in modules or any(n.startswith(m + ".") for n in modules)]
    assert unwanted == []
    # Nothing configured logging: the SDK attaches its NullHandler on first use of its logger.
    assert loaded["handlers"] == {}
    assert loaded["root"] == 0


def test_importing_kalshi_alone_loads_no_api_client_and_no_model() -> None:
    out = _fresh_interpreter("import sys, kalshi\nprint(sorted(m for m in sys.modules if m.startswith('kalshi')))")
    assert out == "['kalshi', 'kalshi._common', 'kalshi._common.constants', 'kalshi._common.lazy', 'kalshi._version']"


def test_submodules_are_reachable_from_the_package_without_an_import() -> None:
    out = _fresh_interpreter(
        "import sys, kalshi\n"
        "before = 'kalshi.exceptions' in sys.modules\n"
        "print(before, kalshi.exceptions.ApiPagingError is kalshi.ApiPagingError,"
        " kalshi.configuration.Configuration is kalshi.Configuration)"
    )
    assert out == "False True True"
