"""Turn an `--agent` spec into an agent: `reference`, `baseline`, `replay:PATH`."""

from __future__ import annotations

from pathlib import Path

from agents.base import Agent, AgentError
from agents.replay import ReplayAgent
from agents.static import SourceLookup, StaticAgent

KNOWN_SPECS = "reference, baseline, replay:PATH"


def make_agent(spec: str, reference: SourceLookup, baseline: SourceLookup) -> Agent:
    kind, _, argument = spec.partition(":")
    if kind == "reference" and not argument:
        return StaticAgent(spec, reference)
    if kind == "baseline" and not argument:
        return StaticAgent(spec, baseline)
    if kind == "replay":
        if not argument:
            raise AgentError("replay needs a file: --agent replay:PATH/TO/samples.jsonl")
        return ReplayAgent(spec, Path(argument))
    raise AgentError(f"unknown agent {spec!r}; use one of: {KNOWN_SPECS}")
