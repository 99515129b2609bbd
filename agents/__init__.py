"""Agents that write code: providers, roles, loops. Never imports docker."""

from hpceval.agents.base import Agent, AgentError, Completion, GenerationRequest, Usage
from hpceval.agents.extract import extract_code
from hpceval.agents.registry import make_agent

__all__ = ["Agent", "AgentError", "Completion", "GenerationRequest", "Usage", "extract_code", "make_agent"]
