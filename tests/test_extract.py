from agents.extract import extract_code


def test_fenced_block_with_language_is_extracted():
    text = "Here you go:\n```cpp\nvoid axpy() {}\n```\nThat is all."
    assert extract_code(text, "axpy") == "void axpy() {}\n"


def test_block_defining_the_entry_point_wins_over_a_longer_one():
    text = "```cpp\n// usage example\nint main() { return 0; } // long long long long\n```\n```\nvoid gemv(int) {}\n```"
    assert extract_code(text, "gemv") == "void gemv(int) {}\n"


def test_plain_code_without_fence_is_taken_whole():
    assert extract_code("void f() {}", "f") == "void f() {}\n"


def test_no_code_gives_none():
    assert extract_code("", "f") is None
    assert extract_code("I cannot help with that.", "f") is None
    assert extract_code("```text\n\n```", "f") is None


def test_tilde_fences_and_indentation():
    text = "  ~~~c++\nvoid cg() {}\n  ~~~\n"
    assert extract_code(text, "cg") == "void cg() {}\n"
