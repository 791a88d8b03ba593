"""The public surface: what ``kalshi`` exports, and that importing it stays cheap."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import List

import kalshi
import kalshi.apis
import kalshi.models
from kalshi.model_utils import ListModel, Model

ROOT = Path(kalshi.__file__).resolve().parents[1]

EXPECTED_ALL = {
    "DEFAULT_HOST",
    "DEMO_HOST",
    "AccountApi",
    "ApiAttributeError",
    "ApiClient",
    "ApiConnectionError",
    "ApiDecodeError",
    "ApiException",
    "ApiKeyError",
    "ApiTimeoutError",
    "ApiTypeError",
    "ApiValueError",
    "AuthApi",
    "BadRequestException",
    "Configuration",
    "ForbiddenException",
    "NotFoundException",
    "OpenApiException",
    "ServiceException",
    "TooManyRequestsException",
    "UnauthorizedException",
    "__version__",
}

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
        else:  # the scalar schemas are aliases of their python type
            assert value in (str, int), name


def test_each_model_lives_in_its_own_generated_style_module() -> None:
    for name in kalshi.models.__all__:
        snake = re.sub(r"(?<!^)(?=[A-Z][a-z])", "_", name).lower()
        module = importlib.import_module(f"kalshi.model.{snake}")
        assert getattr(module, name) is getattr(kalshi.models, name)


def test_apis_exports_the_api_classes() -> None:
    assert set(kalshi.apis.__all__) == {
        "AccountApi",
        "AuthApi",
        "DefaultApi",
        "ExchangeApi",
        "MarketApi",
        "PortfolioApi",
        "RangedMarketApi",
        "RangedMarketsApi",
        "UserApi",
    }
    assert kalshi.apis.AccountApi is kalshi.AccountApi
    assert kalshi.apis.AuthApi is kalshi.AuthApi


def test_api_modules_have_the_generated_names() -> None:
    from kalshi.api import account_api, auth_api

    assert account_api.AccountApi is kalshi.AccountApi
    assert auth_api.AuthApi is kalshi.AuthApi


def test_every_spec_operation_has_a_method_named_after_it() -> None:
    spec = json.loads((Path(__file__).resolve().parent / "spec" / "kalshi-v1-account.json").read_text())
    classes = {"account": kalshi.AccountApi, "auth": kalshi.AuthApi}
    seen = set()
    for operations in spec["paths"].values():
        for operation in operations.values():
            api = classes[operation["tags"][0]]
            name = re.sub(r"(?<!^)(?=[A-Z])", "_", operation["operationId"]).lower()
            assert callable(getattr(api, name, None)), f"{api.__name__}.{name}"
            seen.add(name)

    assert len(seen) == 7


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


def test_importing_kalshi_configures_no_logging_but_a_null_handler() -> None:
    out = _fresh_interpreter(
        "import logging, json, kalshi\n"
        "kalshi_logger = logging.getLogger('kalshi')\n"
        "print(json.dumps({'root': len(logging.getLogger().handlers),"
        " 'kalshi': [type(h).__name__ for h in kalshi_logger.handlers]}))"
    )

    assert json.loads(out) == {"root": 0, "kalshi": ["NullHandler"]}
