"""Dollar cost of a call from a price table: the shipped `prices.yaml`, overridden entry by entry by a user
file (`--prices FILE` or HPCEVAL_PRICES). The longest matching pattern wins; unlisted models cost 0."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hpceval.agents.base import AgentError

DEFAULT_TABLE = Path(__file__).with_name("prices.yaml")
PRICES_ENV = "HPCEVAL_PRICES"


class Price(BaseModel):
    model_config = ConfigDict(extra="forbid")
    input: float = Field(ge=0)  # USD per million prompt tokens
    output: float = Field(ge=0)  # USD per million completion tokens


def _read_table(path: Path) -> dict[str, Price]:
    if not path.is_file():
        raise AgentError(f"price table {path} not found; pass an existing YAML file to --prices")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise AgentError(f"price table {path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise AgentError(f"price table {path}: write `provider:model: {{input: USD, output: USD}}` lines")
    try:
        return {str(pattern): Price.model_validate(value) for pattern, value in data.items()}
    except ValidationError as exc:
        raise AgentError(f"price table {path}: {exc.errors()[0]['msg']}; write {{input: USD, output: USD}} "
                         "per million tokens") from None


class PriceTable:
    def __init__(self, entries: dict[str, Price]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, override: Path | None = None) -> PriceTable:
        entries = _read_table(DEFAULT_TABLE)
        user = override or (Path(os.environ[PRICES_ENV]) if os.environ.get(PRICES_ENV) else None)
        if user is not None:
            entries.update(_read_table(user))
        return cls(entries)

    def price(self, spec: str) -> Price | None:
        """The price of `provider:model`: an exact entry, else the longest `prefix*` pattern that matches."""
        if spec in self.entries:
            return self.entries[spec]
        matches = [p for p in self.entries if p.endswith("*") and spec.startswith(p[:-1])]
        return self.entries[max(matches, key=len)] if matches else None

    def cost(self, spec: str, prompt_tokens: int, completion_tokens: int) -> float:
        price = self.price(spec)
        if price is None:
            return 0.0
        return (prompt_tokens * price.input + completion_tokens * price.output) / 1_000_000
