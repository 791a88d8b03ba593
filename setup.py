"""Packaging for the Kalshi v1 SDK (distribution ``kalshi-v1-sdk``, import name ``kalshi``)."""

import re
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent
VERSION = re.search(r'__version__ = "([^"]+)"', (HERE / "kalshi" / "_version.py").read_text()).group(1)
REQUIRES = [
    line.strip()
    for line in (HERE / "requirements.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]

setup(
    name="kalshi-v1-sdk",
    version=VERSION,
    description="Typed, fast and safe Python SDK for Kalshi's v1 trading API, with a simulated exchange and a CLI",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="MIT",
    python_requires=">=3.9",
    packages=find_packages(include=["kalshi", "kalshi.*"]),
    # A root package_dir on this flat layout makes `pip install -e .` write a plain .pth path (not
    # setuptools' import-hook finder), which mypy and pyright follow.
    package_dir={"": "."},
    package_data={"kalshi": ["py.typed"]},
    include_package_data=True,
    zip_safe=False,
    install_requires=REQUIRES,
    # [fast]: responses are decoded with orjson (same values; the standard library is the fallback).
    # [plot]: .plot() on the portfolio and market history responses.
    extras_require={"pandas": ["pandas>=1.3"], "fast": ["orjson>=3.9"], "plot": ["matplotlib>=3.3"]},
    entry_points={
        "console_scripts": ["kalshi = kalshi.cli:main"],
        "pytest11": ["kalshi = kalshi.pytest_plugin"],
    },
    keywords=["Kalshi", "trading", "API", "SDK", "OpenAPI"],
    classifiers=[
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3 :: Only",
        "Programming Language :: Python :: 3.9",
        "Programming Language :: Python :: 3.10",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
        "Typing :: Typed",
        "Operating System :: OS Independent",
    ],
)
