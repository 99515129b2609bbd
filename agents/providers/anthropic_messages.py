"""`anthropic:MODEL`: the messages API through the official anthropic SDK (ANTHROPIC_BASE_URL or
`--base-url` point it at a proxy or a compatible server)."""

from __future__ import annotations

from typing import Any

from hpceval.agents.base import Message
from hpceval.agents.providers.base import RawReply, connect, failure_from_sdk
from hpceval.agents.settings import CallPolicy, ModelSpec, Sampling

KEY_VAR = "ANTHROPIC_API_KEY"
URL_VAR = "ANTHROPIC_BASE_URL"
DEFAULT_MAX_TOKENS = 8192  # the messages API requires max_tokens


class AnthropicMessages:
    def __init__(self, spec: ModelSpec, base_url: str | None, policy: CallPolicy) -> None:
        self.spec = spec
        self.sdk, self.endpoint, self.client = connect(
            "anthropic", "AsyncAnthropic", spec, base_url, KEY_VAR, URL_VAR, policy)

    def request(self, messages: list[Message], sampling: Sampling) -> dict[str, Any]:
        system = "\n\n".join(m.content for m in messages if m.role == "system")
        body: dict[str, Any] = {
            "model": self.spec.model,
            "max_tokens": sampling.max_tokens or DEFAULT_MAX_TOKENS,
            "messages": [m.model_dump() for m in messages if m.role != "system"],
        }
        if system:
            body["system"] = system
        extra: dict[str, Any] = {}
        if sampling.temperature is not None:
            extra["temperature"] = sampling.temperature
        if sampling.top_p is not None:
            extra["top_p"] = sampling.top_p
        if extra:
            body["extra_body"] = extra  # not typed by every SDK version, still part of the API
        if sampling.reasoning_effort is not None:
            body["output_config"] = {"effort": sampling.reasoning_effort}
        return body  # the messages API has no seed: a sample's distinctness comes from the cache key

    async def complete(self, messages: list[Message], sampling: Sampling, sample: int) -> RawReply:
        try:
            response = await self.client.messages.create(**self.request(messages, sampling))
            text = "".join(block.text for block in response.content if getattr(block, "type", "") == "text")
            return RawReply(text=text, prompt_tokens=response.usage.input_tokens or 0,
                            completion_tokens=response.usage.output_tokens or 0)
        except Exception as exc:  # noqa: BLE001 - mapped onto retry semantics, unknown ones re-raised
            raise failure_from_sdk(exc, self.sdk, self.spec, KEY_VAR) from exc

    async def aclose(self) -> None:
        await self.client.close()
