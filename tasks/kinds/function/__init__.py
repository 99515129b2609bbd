"""The `function` kind: a Python function over input levels, checked and timed against an expert reference."""

from hpceval.tasks.kinds.function.evaluator import FunctionEvaluator, FunctionMeasurement

__all__ = ["FunctionEvaluator", "FunctionMeasurement"]
