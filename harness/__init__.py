"""hpceval's harness: CLI, run configuration, pipeline, run store, scoring, validation."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hpceval")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.1.0"
