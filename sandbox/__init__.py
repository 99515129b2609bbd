"""Sandboxes that build and run untrusted candidate code: the `Sandbox` interface and its backends."""

from hpceval.sandbox.base import Job, JobResult, Limits, Sandbox, Step, StepKind, StepResult, Verdict

__all__ = ["Job", "JobResult", "Limits", "Sandbox", "Step", "StepKind", "StepResult", "Verdict"]
