"""What a model call is configured by: the model spec (`openai:MODEL`, `anthropic:MODEL`), sampling settings
(from the CLI and an `--agent-config` YAML/TOML file; the CLI wins) and the call policy (retries, timeouts)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hpceval.agents.base import AgentError

PROVIDERS = ("openai", "anthropic")
ReasoningEffort = Literal["minimal", "low", "medium", "high", "xhigh", "max"]


class Sampling(BaseModel):
    """Sampling settings sent with every call of a role; None: the API's default."""

    model_config = ConfigDict(extra="forbid")
    temperature: float | None = Field(default=None, ge=0, le=2)
    top_p: float | None = Field(default=None, gt=0, le=1)
    max_tokens: int | None = Field(default=None, ge=1)
    seed: int | None = None
    reasoning_effort: ReasoningEffort | None = None

    def merged(self, overrides: Sampling) -> Sampling:
        """These settings with every field `overrides` sets replacing ours."""
        return self.model_copy(update=overrides.model_dump(exclude_none=True))

    def key(self) -> str:
        return json.dumps(self.model_dump(exclude_none=True), sort_keys=True)


class CallPolicy(BaseModel):
    """How hard a call is tried: per-call timeout, retries with exponential backoff and jitter."""

    model_config = ConfigDict(extra="forbid")
    timeout_s: float = Field(default=600.0, gt=0)
    max_retries: int = Field(default=6, ge=0)
    base_delay_s: float = Field(default=1.0, ge=0)
    max_delay_s: float = Field(default=60.0, ge=0)
    total_delay_s: float = Field(default=600.0, ge=0)  # cap on the sum of all waits of one call


class AgentFile(BaseModel):
    """An `--agent-config` file: sampling settings for the coder, optionally others for the judge."""

    model_config = ConfigDict(extra="forbid")
    coder: Sampling = Field(default_factory=Sampling)
    judge: Sampling | None = None  # None: the coder's settings
    policy: CallPolicy = Field(default_factory=CallPolicy)


class ModelSpec(BaseModel):
    provider: Literal["openai", "anthropic"]
    model: str

    @property
    def spec(self) -> str:
        return f"{self.provider}:{self.model}"


def is_model_spec(spec: str) -> bool:
    return spec.partition(":")[0] in PROVIDERS


def parse_model_spec(spec: str) -> ModelSpec:
    provider, _, model = spec.partition(":")
    if provider not in PROVIDERS or not model.strip():
        raise AgentError(f"{spec!r} is not a model; write openai:MODEL or anthropic:MODEL, e.g. openai:gpt-4o")
    return ModelSpec.model_validate({"provider": provider, "model": model.strip()})


def load_agent_file(path: Path) -> AgentFile:
    """Read an `--agent-config` file (`.toml`, else YAML). Top-level sampling keys mean the coder's."""
    if not path.is_file():
        raise AgentError(f"agent config {path} not found; pass an existing YAML or TOML file to --agent-config")
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text) if path.suffix == ".toml" else yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        kind = 'TOML' if path.suffix == '.toml' else 'YAML'
        raise AgentError(f"agent config {path}: not valid {kind} ({exc})") from None
    data = data or {}
    if not isinstance(data, dict):
        raise AgentError(f"agent config {path}: write a mapping, e.g. `temperature: 0.2` or `coder: {{...}}`")
    coder_keys = set(Sampling.model_fields)
    top = {key: data.pop(key) for key in list(data) if key in coder_keys}
    if top:
        data["coder"] = {**top, **(data.get("coder") or {})}
    try:
        return AgentFile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise AgentError(f"agent config {path}: {where}: {error['msg']}") from None
