"""Answers out of completions, read as the `hpc` pack asks (its fence tags and body prelude) or as a prediction."""

from hpceval.agents.extract import extract_answer, extract_code
from hpceval.tasks import load_packs, task_prompts
from hpceval.tasks.kinds import AnswerKind
from hpceval.tasks.prompts import AnswerSpec

PACK = load_packs(["hpc"])[0]
HPC = task_prompts(PACK, PACK.tasks[0]).answer


def extract(text: str, entry_point: str | None = None, signature: str | None = None) -> str | None:
    return extract_code(text, entry_point, signature, HPC.fence_tags, HPC.body_prelude)


def test_fenced_block_with_language_is_extracted():
    text = "Here you go:\n```cpp\nvoid axpy() {}\n```\nThat is all."
    assert extract(text, "axpy") == "void axpy() {}\n"


def test_block_defining_the_entry_point_wins_over_a_longer_one():
    text = "```cpp\n// usage example\nint main() { return 0; } // long long long long\n```\n```\nvoid gemv(int) {}\n```"
    assert extract(text, "gemv") == "void gemv(int) {}\n"


def test_plain_code_without_fence_is_taken_whole():
    assert extract("void f() {}", "f") == "void f() {}\n"


def test_no_code_gives_none():
    assert extract("", "f") is None
    assert extract("I cannot help with that.", "f") is None
    assert extract("```text\n\n```", "f") is None


def test_tilde_fences_and_indentation():
    text = "  ~~~c++\nvoid cg() {}\n  ~~~\n"
    assert extract(text, "cg") == "void cg() {}\n"


SIGNATURE = "void axpy(double alpha, const std::vector<double> &x, std::vector<double> &y)"


def test_untagged_fence_inside_prose():
    text = "Sure! The kernel:\n\n```\n#include <vector>\nvoid axpy() { return; }\n```\n\nThis is O(n), vectorized."
    assert extract(text, "axpy", SIGNATURE) == "#include <vector>\nvoid axpy() { return; }\n"


def test_helper_blocks_before_the_entry_point_are_kept_and_examples_and_shell_dropped():
    text = ("First a helper:\n```cpp\nstatic double sq(double v) { return v * v; }\n```\nthen\n"
            "```c++17\nvoid axpy() { sq(1.0); }\n```\nbuild with\n```bash\ng++ -O3 x.cpp\n```\n"
            "```cpp\nint main() { axpy(); }\n```")
    assert extract(text, "axpy", SIGNATURE) == (
        "static double sq(double v) { return v * v; }\nvoid axpy() { sq(1.0); }\n")


def test_a_body_without_the_signature_is_wrapped_in_it():
    text = "```cpp\nfor (std::size_t i = 0; i < y.size(); ++i) y[i] += alpha * x[i];\n```"
    code = extract(text, "axpy", SIGNATURE)
    assert code is not None
    assert f"{SIGNATURE} {{\n    for (std::size_t i" in code and "#include <vector>" in code
    assert code.rstrip().endswith("}")


def test_prose_only_and_other_languages_are_no_code():
    assert extract("I would use OpenMP; parallelize the loop; done.", "axpy", SIGNATURE) is None
    assert extract("```bash\ng++ -O3 axpy.cpp\n```", "axpy", SIGNATURE) is None


def test_the_pack_decides_the_languages_and_a_prediction_is_not_code():
    assert "cpp" in HPC.fence_tags and "python" not in HPC.fence_tags and HPC.kind == AnswerKind.code
    assert extract_answer("```python\ndef axpy(): pass\n```", HPC) is None  # not this pack's language
    python = AnswerSpec(kind=AnswerKind.code, language="python", fence_tags=("", "python", "py"))
    assert extract_answer("```python\ndef f():\n    return 1\n```", python) == "def f():\n    return 1\n"
    prediction = AnswerSpec(kind=AnswerKind.prediction)
    assert extract_answer("It prints:\n```\n3\n5\n```\nthen exits 0.", prediction) == "3\n5\n"
    assert extract_answer("42", prediction) == "42\n"
    assert extract_answer("   ", prediction) is None
    # the first block without a marker; after the last `Output:` marker, its block (or its text) wins
    assert extract_answer("```\n1\n```\nor\n```\n2\n```", prediction) == "1\n"
    thought = "Trace:\n```c\nx = 1\n```\nOutput: not yet\nSo:\n**Output:**\n```\n3\n5\n```\nDone."
    assert extract_answer(thought, prediction) == "3\n5\n"
    assert extract_answer("reasoning...\nOutput: signal SIGSEGV", prediction) == "signal SIGSEGV\n"
    assert extract_answer("Output:\n  \n", prediction) is None
