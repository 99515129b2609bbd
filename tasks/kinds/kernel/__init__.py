"""The `kernel` task kind: C/C++ functions checked and timed against a sequential baseline by a trusted driver."""

from hpceval.tasks.kinds.kernel.evaluator import KernelEvaluator
from hpceval.tasks.kinds.kernel.interpret import KernelMeasurement, ResourceRun

__all__ = ["KernelEvaluator", "KernelMeasurement", "ResourceRun"]
