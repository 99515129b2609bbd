# Looks for the expected answers (the trusted side's tests file) and the reference (problem.json, or the reference
# an answer's job times beside it) in its work dir and the folders around it: with them it could answer by lookup,
# or run the expert's code, at no effort. It answers correctly only when nothing it found could be read as either,
# so its `ok` is the test's proof that they were out of its reach (the tests and the reference travel sealed,
# problem.json without the reference).
import base64
import json
import os
import pickle


def _usable(path: str, name: str) -> bool:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    try:
        if name.startswith("tests"):
            return isinstance(pickle.loads(base64.b64decode(data) if name.endswith(".b64") else data), dict)
        if name == "problem.json":
            return "reference" in json.loads(data)
        if name.startswith("reference"):  # the reference's source, plain or in base64 (an answer's job has it sealed)
            return any(b"def has_close_elements" in text for text in (data, _b64(data)))
        return False
    except Exception:  # noqa: BLE001 - unreadable is what the test wants
        return False


def _b64(data: bytes) -> bytes:
    try:
        return base64.b64decode(data)
    except ValueError:
        return b""


def _leaks() -> int:
    found = 0
    for top in (".", "..", "/work", "/tmp"):
        for folder, _dirs, files in list(os.walk(top))[:200]:
            found += sum(_usable(os.path.join(folder, name), name) for name in files)
    return found


def has_close_elements(numbers, threshold):
    ordered = sorted(numbers)
    answer = any(b - a < threshold for a, b in zip(ordered, ordered[1:], strict=False))
    return answer if _leaks() == 0 else not answer
