"""Pull an answer out of a model's completion. Code: Markdown fences with or without a language tag, several
blocks, prose around code, a function body given without its signature. A prediction: what follows the last
`Output:` marker (the first fenced block there, if it opens with one), else the first fenced block, else the whole
text. None when there is no answer at all. The languages and the prelude of a bare body come
from the task's pack (`AnswerSpec`); nothing here knows a language."""

from __future__ import annotations

import re

from hpceval.tasks.kinds.base import AnswerKind
from hpceval.tasks.prompts import AnswerSpec

FENCE = re.compile(r"^[ \t]*(```+|~~~+)[ \t]*([\w+#.-]*)[^\n]*\n(.*?)^[ \t]*\1[ \t]*$", re.M | re.S)
MAIN = re.compile(r"\bint\s+main\s*\(")
ANY_TAG = ("",)


def _blocks(text: str, tags: tuple[str, ...]) -> list[str]:
    found = [(lang.lower(), body) for _fence, lang, body in FENCE.findall(text)]
    return [body for lang, body in found if (lang in tags or tags == ANY_TAG) and body.strip()]


def extract_answer(text: str, spec: AnswerSpec) -> str | None:
    """The answer the task's pack asks for, out of a completion."""
    if spec.kind == AnswerKind.prediction:
        return extract_prediction(text)
    return extract_code(text, spec.entry_point or None, spec.signature or None, spec.fence_tags or ANY_TAG,
                        spec.body_prelude)


OUTPUT_MARKER = re.compile(r"^[ \t>*_#]*(?:final\s+)?output[*_]*\s*:[*_]*[ \t]*", re.I | re.M)


def extract_prediction(text: str) -> str | None:
    """After the last `Output:` marker (a chain of thought ends with it): the fenced block that opens there, or the
    rest of the text. Without a marker: the first fenced block, else the whole text. None if empty."""
    markers = list(OUTPUT_MARKER.finditer(text))
    if markers:
        rest = text[markers[-1].end():]
        opening = FENCE.match(rest.lstrip(" \t\n"))
        if opening:
            return opening.group(3)
        return rest.strip() + "\n" if rest.strip() else None
    blocks = [body for _fence, _lang, body in FENCE.findall(text)]
    if blocks:
        return blocks[0]
    return text.strip() + "\n" if text.strip() else None


def _looks_like_definitions(block: str) -> bool:
    return ("{" in block and "}" in block) or "#include" in block


def _with_signature(code: str, signature: str, prelude: str) -> str:
    """A body (statements only) wrapped in the task's signature, after the pack's prelude (e.g. headers)."""
    body = "\n".join("    " + line if line.strip() else line for line in code.strip("\n").splitlines())
    return f"{prelude}\n{signature} {{\n{body}\n}}\n" if prelude else f"{signature} {{\n{body}\n}}\n"


def extract_code(text: str, entry_point: str | None = None, signature: str | None = None,
                 fence_tags: tuple[str, ...] = ANY_TAG, body_prelude: str = "") -> str | None:
    """The code in `text`: the fenced block that defines `entry_point` (the longest such) with the helper
    blocks before it (blocks of definitions without `main`), else the longest fenced block, else the whole
    text when it has no fence and mentions the entry point (or, with no entry point given, looks like code).
    A fenced block that never names `entry_point` is taken as its body and wrapped in `signature` when one is given.
    Only fences tagged with one of `fence_tags` ("" = untagged) count; the default takes any tag.
    None when there is no code at all."""
    calls = re.compile(rf"\b{re.escape(entry_point)}\s*\(") if entry_point else None
    blocks = _blocks(text, fence_tags)
    if not blocks:
        if "```" in text or "~~~" in text or not text.strip():
            return None
        looks_like_code = calls.search(text) if calls else ("{" in text or ";" in text)
        return text.strip() + "\n" if looks_like_code else None
    if calls:
        defining = [body for body in blocks if calls.search(body) and not MAIN.search(body)]
        defining = defining or [body for body in blocks if calls.search(body)]
        if defining:
            chosen = max(defining, key=len)
            helpers = [body for body in blocks[: blocks.index(chosen)]
                       if not calls.search(body) and not MAIN.search(body) and _looks_like_definitions(body)]
            return "".join(helpers) + chosen
    chosen = max(blocks, key=len)
    if calls and signature and not MAIN.search(chosen):
        return _with_signature(chosen, signature, body_prelude)
    return chosen
