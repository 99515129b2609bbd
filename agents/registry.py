"""Turn an `--agent` spec into an agent: `reference`, `baseline`, `replay:PATH`, `openai:MODEL`,
`anthropic:MODEL`."""

from __future__ import annotations

from pathlib import Path

from hpceval.agents.base import Agent, AgentError
from hpceval.agents.replay import ReplayAgent
from hpceval.agents.settings import is_model_spec
from hpceval.agents.static import SourceLookup, StaticAgent

KNOWN_SPECS = "reference, baseline, replay:PATH, openai:MODEL, anthropic:MODEL"


def make_agent(spec: str, reference: SourceLookup, baseline: SourceLookup, options: object = None) -> Agent:
    """`options` (an `agents.llm.ModelOptions`) configures model agents; the others ignore it."""
    kind, _, argument = spec.partition(":")
    if kind == "reference" and not argument:
        return StaticAgent(spec, reference)
    if kind == "baseline" and not argument:
        return StaticAgent(spec, baseline)
    if kind == "replay":
        if not argument:
            raise AgentError("replay needs a file: --agent replay:PATH/TO/samples.jsonl")
        return ReplayAgent(spec, Path(argument))
    if is_model_spec(spec):
        from hpceval.agents.llm import LLMAgent, ModelOptions

        return LLMAgent(spec, options if isinstance(options, ModelOptions) else ModelOptions())
    raise AgentError(f"unknown agent {spec!r}; use one of: {KNOWN_SPECS}")
