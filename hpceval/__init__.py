"""hpceval: benchmark LLM agents on code whose speed matters.

The repository's top-level folders install as the subpackages of this one import name (see pyproject.toml):
`hpceval.harness`, `hpceval.tasks`, `hpceval.agents`, `hpceval.sandbox` and `hpceval.metrics`. In a source
checkout the links in this folder give tools that do not read setuptools' package-dir (mypy, a plain
`PYTHONPATH`) the same layout.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hpceval")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0.2.0"

__all__ = ["__version__"]
