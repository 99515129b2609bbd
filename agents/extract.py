"""Pull code out of a model's completion (Markdown fences, prose around code)."""

from __future__ import annotations

import re

FENCE = re.compile(r"^[ \t]*(```+|~~~+)[ \t]*([\w+#.-]*)[^\n]*\n(.*?)^[ \t]*\1[ \t]*$", re.M | re.S)
CODE_LANGUAGES = {"", "cpp", "c++", "cxx", "cc", "c", "cuda", "cu", "h", "hpp", "python", "py"}


def extract_code(text: str, entry_point: str | None = None) -> str | None:
    """The code in `text`: the fenced block that defines `entry_point` (the longest such), else the longest
    fenced code block, else the whole text when it has no fence and mentions the entry point (or, with no
    entry point given, looks like code). None when there is no code at all."""
    calls = re.compile(rf"\b{re.escape(entry_point)}\s*\(") if entry_point else None
    blocks = [(lang.lower(), body) for _fence, lang, body in FENCE.findall(text)]
    blocks = [(lang, body) for lang, body in blocks if lang in CODE_LANGUAGES and body.strip()]
    if not blocks:
        if "```" in text or not text.strip():
            return None
        looks_like_code = calls.search(text) if calls else ("{" in text or ";" in text)
        return text.strip() + "\n" if looks_like_code else None
    if calls:
        defining = [body for _lang, body in blocks if calls.search(body)]
        if defining:
            return max(defining, key=len)
    return max((body for _lang, body in blocks), key=len)
