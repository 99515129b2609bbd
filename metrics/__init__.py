"""hpceval's scores: pure, typed functions with no I/O.

Definitions, estimators and the conventions for failures and timeouts are tabulated in
``docs/metrics.md``.
"""

from hpceval.metrics.aggregate import (
    GroupSummary,
    PairedComparison,
    TaskMetrics,
    aggregate_by_group,
    compare_runs,
)
from hpceval.metrics.enamel import (
    ENAMEL_ALPHA,
    ENAMEL_HARDNESS,
    enamel_efficiency_score,
    enamel_level_scores,
    enamel_level_time,
    enamel_time_limits,
)
from hpceval.metrics.expected_extreme import (
    eff_at_k,
    efficiency_at_k,
    expected_max_at_k,
    expected_min_at_k,
    speedup_at_k,
)
from hpceval.metrics.pareval import (
    PAREVAL_RESOURCES,
    ParEvalCell,
    ParEvalPromptMetrics,
    ResourceSelection,
    pareval_metrics,
    pareval_prompt_metrics,
)
from hpceval.metrics.passk import build_at_k, pass_at_k
from hpceval.metrics.speedup_summary import fast_p, geomean, geomean_speedup
from hpceval.metrics.timing import (
    ConfidenceInterval,
    SpeedupEstimate,
    bootstrap_ci,
    coefficient_of_variation,
    hodges_lehmann,
    median,
    paired_speedup,
    quantile,
)

efficiency_score = enamel_efficiency_score
"""Short alias of :func:`enamel_efficiency_score`."""

__all__ = [
    "ENAMEL_ALPHA",
    "ENAMEL_HARDNESS",
    "PAREVAL_RESOURCES",
    "ConfidenceInterval",
    "GroupSummary",
    "PairedComparison",
    "ParEvalCell",
    "ParEvalPromptMetrics",
    "ResourceSelection",
    "SpeedupEstimate",
    "TaskMetrics",
    "aggregate_by_group",
    "bootstrap_ci",
    "build_at_k",
    "coefficient_of_variation",
    "compare_runs",
    "eff_at_k",
    "efficiency_at_k",
    "efficiency_score",
    "enamel_efficiency_score",
    "enamel_level_scores",
    "enamel_level_time",
    "enamel_time_limits",
    "expected_max_at_k",
    "expected_min_at_k",
    "fast_p",
    "geomean",
    "geomean_speedup",
    "hodges_lehmann",
    "median",
    "paired_speedup",
    "pareval_metrics",
    "pareval_prompt_metrics",
    "pass_at_k",
    "quantile",
    "speedup_at_k",
]
