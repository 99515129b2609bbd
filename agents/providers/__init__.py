"""Model providers: `openai:MODEL` (and any OpenAI-compatible server), `anthropic:MODEL`. SDKs are imported
only when a provider is built, so a missing one is an install hint, not an ImportError."""

from __future__ import annotations

from hpceval.agents.providers.base import Provider, RawReply
from hpceval.agents.settings import CallPolicy, ModelSpec


def make_provider(spec: ModelSpec, base_url: str | None, policy: CallPolicy) -> Provider:
    if spec.provider == "openai":
        from hpceval.agents.providers.openai_chat import OpenAIChat

        return OpenAIChat(spec, base_url, policy)
    from hpceval.agents.providers.anthropic_messages import AnthropicMessages

    return AnthropicMessages(spec, base_url, policy)


__all__ = ["Provider", "RawReply", "make_provider"]
