"""Pull code out of a model's completion: Markdown fences with or without a language tag, several blocks,
prose around code, a function body given without its signature. None when there is no code at all."""

from __future__ import annotations

import re

FENCE = re.compile(r"^[ \t]*(```+|~~~+)[ \t]*([\w+#.-]*)[^\n]*\n(.*?)^[ \t]*\1[ \t]*$", re.M | re.S)
CODE_LANGUAGES = {"", "cpp", "c++", "cxx", "cc", "c", "cuda", "cu", "h", "hpp", "python", "py", "c++17", "c++20",
                  "cpp17", "cpp20", "openmp", "omp", "mpi"}
MAIN = re.compile(r"\bint\s+main\s*\(")
# headers a bare body is most likely to need (the task's own includes are not known here)
BODY_HEADERS = "#include <algorithm>\n#include <cmath>\n#include <cstddef>\n#include <vector>\n"


def _blocks(text: str) -> list[str]:
    found = [(lang.lower(), body) for _fence, lang, body in FENCE.findall(text)]
    return [body for lang, body in found if lang in CODE_LANGUAGES and body.strip()]


def _looks_like_definitions(block: str) -> bool:
    return ("{" in block and "}" in block) or "#include" in block


def _with_signature(code: str, signature: str) -> str:
    """A body (statements only) wrapped in the task's signature."""
    body = "\n".join("    " + line if line.strip() else line for line in code.strip("\n").splitlines())
    return f"{BODY_HEADERS}\n{signature} {{\n{body}\n}}\n"


def extract_code(text: str, entry_point: str | None = None, signature: str | None = None) -> str | None:
    """The code in `text`: the fenced block that defines `entry_point` (the longest such) with the helper
    blocks before it (blocks of definitions without `main`), else the longest fenced block, else the whole
    text when it has no fence and mentions the entry point (or, with no entry point given, looks like code).
    A fenced block that never names `entry_point` is taken as its body and wrapped in `signature` when one is given.
    None when there is no code at all."""
    calls = re.compile(rf"\b{re.escape(entry_point)}\s*\(") if entry_point else None
    blocks = _blocks(text)
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
        return _with_signature(chosen, signature)
    return chosen
