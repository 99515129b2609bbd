"""What a provider is: an async call from messages to text and token counts, failing with `CallFailure`."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol

from hpceval.agents.base import AgentError, Message
from hpceval.agents.retry import CallFailure, parse_retry_after
from hpceval.agents.settings import CallPolicy, ModelSpec, Sampling

PLACEHOLDER_KEY = "hpceval-no-key"  # sent to a --base-url server when no key is set (local servers ignore it)


@dataclass(frozen=True)
class RawReply:
    text: str
    prompt_tokens: int
    completion_tokens: int


class Provider(Protocol):
    spec: ModelSpec
    endpoint: str | None  # the base URL, None for the provider's own API

    async def complete(self, messages: list[Message], sampling: Sampling, sample: int) -> RawReply:
        """One try of one call; raises CallFailure."""
        ...

    async def aclose(self) -> None: ...


def import_sdk(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise AgentError(f"the {name} package is not installed; pip install 'hpceval[llm]'") from None


def resolve_endpoint(base_url: str | None, env_var: str) -> str | None:
    return base_url or os.environ.get(env_var) or None


def resolve_key(env_var: str, endpoint: str | None, spec: ModelSpec) -> str:
    key = os.environ.get(env_var)
    if key:
        return key
    if endpoint:
        return PLACEHOLDER_KEY
    raise AgentError(f"{env_var} is not set; export {env_var}=... for {spec.spec}, or pass --base-url URL to "
                     "use a local OpenAI-compatible server")


def failure_from_sdk(exc: Exception, sdk: ModuleType, spec: ModelSpec, key_var: str) -> CallFailure:
    """Map an SDK exception (openai and anthropic share the shape) onto retry semantics."""
    if isinstance(exc, sdk.APITimeoutError):
        return CallFailure(f"{spec.spec}: request timed out", transient=True)
    if isinstance(exc, sdk.APIConnectionError):
        return CallFailure(f"{spec.spec}: connection failed ({exc.__cause__ or exc})", transient=True)
    if isinstance(exc, sdk.APIStatusError):
        status = exc.status_code
        headline = f"{spec.spec}: HTTP {status}: {str(exc)[:200]}"
        if status in (401, 403):
            return CallFailure(f"{headline}; check {key_var} (and --base-url)", transient=False, fatal=True)
        if status == 404:
            return CallFailure(f"{headline}; check the model name and --base-url", transient=False, fatal=True)
        transient = status in (408, 409, 429) or status >= 500
        return CallFailure(headline, transient=transient, retry_after=parse_retry_after(exc.response.headers))
    if isinstance(exc, sdk.APIResponseValidationError | ValueError | KeyError | TypeError | AttributeError):
        return CallFailure(f"{spec.spec}: malformed response ({type(exc).__name__}: {str(exc)[:200]})",
                           transient=True)
    raise exc


def connect(sdk_name: str, client_class: str, spec: ModelSpec, base_url: str | None, key_var: str, url_var: str,
            policy: CallPolicy) -> tuple[ModuleType, str | None, Any]:
    """The SDK module, the endpoint (None: the provider's own API) and an async client with no built-in
    retries (ours count them) and our per-call timeout."""
    sdk = import_sdk(sdk_name)
    endpoint = resolve_endpoint(base_url, url_var)
    key = resolve_key(key_var, endpoint, spec)
    client = getattr(sdk, client_class)(api_key=key, base_url=endpoint, max_retries=0, timeout=policy.timeout_s)
    return sdk, endpoint, client
