"""`openai:MODEL`: the chat-completions API through the official openai SDK; with `--base-url` (or
OPENAI_BASE_URL) any OpenAI-compatible server: vLLM, Ollama, llama.cpp, SGLang, ..."""

from __future__ import annotations

from typing import Any

from hpceval.agents.base import Message
from hpceval.agents.providers.base import RawReply, connect, failure_from_sdk
from hpceval.agents.settings import CallPolicy, ModelSpec, Sampling

KEY_VAR = "OPENAI_API_KEY"
URL_VAR = "OPENAI_BASE_URL"


class OpenAIChat:
    def __init__(self, spec: ModelSpec, base_url: str | None, policy: CallPolicy) -> None:
        self.spec = spec
        self.sdk, self.endpoint, self.client = connect(
            "openai", "AsyncOpenAI", spec, base_url, KEY_VAR, URL_VAR, policy)

    def request(self, messages: list[Message], sampling: Sampling, sample: int) -> dict[str, Any]:
        body: dict[str, Any] = {"model": self.spec.model, "messages": [m.model_dump() for m in messages]}
        if sampling.temperature is not None:
            body["temperature"] = sampling.temperature
        if sampling.top_p is not None:
            body["top_p"] = sampling.top_p
        if sampling.max_tokens is not None:
            # OpenAI's own API wants max_completion_tokens (reasoning models refuse max_tokens); servers that
            # merely speak its protocol know max_tokens best.
            body["max_tokens" if self.endpoint else "max_completion_tokens"] = sampling.max_tokens
        if sampling.seed is not None:
            body["seed"] = sampling.seed + sample  # distinct samples stay distinct, and reproducible
        if sampling.reasoning_effort is not None:
            body["reasoning_effort"] = sampling.reasoning_effort
        return body

    async def complete(self, messages: list[Message], sampling: Sampling, sample: int) -> RawReply:
        try:
            response = await self.client.chat.completions.create(**self.request(messages, sampling, sample))
            text = response.choices[0].message.content or ""
            usage = response.usage
            return RawReply(text=text, prompt_tokens=usage.prompt_tokens if usage else 0,
                            completion_tokens=usage.completion_tokens if usage else 0)
        except Exception as exc:  # noqa: BLE001 - mapped onto retry semantics, unknown ones re-raised
            raise failure_from_sdk(exc, self.sdk, self.spec, KEY_VAR) from exc

    async def aclose(self) -> None:
        await self.client.close()
