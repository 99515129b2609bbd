"""Agents that write code: providers, roles, loops. Never imports docker."""

from agents.base import Agent, AgentError, Completion, GenerationRequest, Usage
from agents.extract import extract_code
from agents.registry import make_agent

__all__ = ["Agent", "AgentError", "Completion", "GenerationRequest", "Usage", "extract_code", "make_agent"]
