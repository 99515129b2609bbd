"""The `predict` kind: predict what a program does (its output, its exit, its error, which version is faster);
the ground truth comes from running it in the sandbox."""

from hpceval.tasks.kinds.predict.evaluator import PredictEvaluator, PredictMeasurement

__all__ = ["PredictEvaluator", "PredictMeasurement"]
