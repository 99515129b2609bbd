"""Agents that answer tasks (code or predictions): providers, roles, loops. Never imports docker."""

from hpceval.agents.base import Agent, AgentError, AgentLoop, Completion, Usage
from hpceval.agents.extract import extract_answer, extract_code
from hpceval.agents.registry import make_agent

__all__ = ["Agent", "AgentError", "AgentLoop", "Completion", "Usage", "extract_answer", "extract_code", "make_agent"]
