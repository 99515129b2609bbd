# Looks for the expected answers (the trusted side's tests file) and the reference (problem.json) in its work
# dir and the folders around it: with them it could answer by lookup, or run the expert's code, at no effort.
# It answers correctly only when nothing it found could be read as either, so its `ok` is the test's proof that
# they were out of its reach (the tests travel sealed, problem.json without the reference).
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
        return name.startswith("reference")
    except Exception:  # noqa: BLE001 - unreadable is what the test wants
        return False


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
