"""Servers on 127.0.0.1 that speak the OpenAI chat-completions and Anthropic messages HTTP APIs, for tests
and benchmarks that drive the real SDKs. A server answers through `answer(request) -> text`, counts every
request, and can be told to misbehave, one fault per request in order: "429" (with Retry-After), "500",
"hang" (no answer for `hang_s`), "drop" (close the connection without a response), "malformed" (a 200
whose body is not JSON)."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PROBLEMS = REPO / "tasks" / "packs" / "hpc" / "problems"
MODEL_FILES = {"serial": "serial", "omp": "omp", "mpi": "mpi", "mpi+omp": "mpi_omp"}


def reference_answer(prompt: str) -> str:
    """The pack's reference for the problem and execution model a prompt asks for, in prose and a fence."""
    problem = re.search(r"defines `(\w+)`", prompt)
    model = re.search(r"## Execution model: (\S+)", prompt)
    assert problem and model, prompt[:300]
    folder = next(p.parent for p in PROBLEMS.glob("*/problem.yaml")
                  if re.search(rf"^entry_point: *{problem.group(1)}\s*$", p.read_text(), re.M))
    code = (folder / "reference" / f"{MODEL_FILES[model.group(1)]}.cpp").read_text()
    return f"Here is a fast version.\n\n```cpp\n{code}```\n\nIt keeps the signature."


def last_user_text(body: dict[str, Any]) -> str:
    users = [m for m in body.get("messages", []) if m.get("role") == "user"]
    content = users[-1]["content"] if users else ""
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


def first_user_text(body: dict[str, Any]) -> str:
    users = [m for m in body.get("messages", []) if m.get("role") == "user"]
    return str(users[0]["content"]) if users else ""


def is_judge(body: dict[str, Any]) -> bool:
    system = body.get("system") or next((m["content"] for m in body.get("messages", []) if m["role"] == "system"), "")
    return "You review" in str(system)


class FakeLLM:
    def __init__(self, answer: Callable[[dict[str, Any]], str] = lambda b: reference_answer(first_user_text(b)),
                 faults: list[str] | None = None, delay_s: float = 0.0, hang_s: float = 5.0,
                 retry_after: str = "0", usage: tuple[int, int] = (100, 50)) -> None:
        self.answer = answer
        self.faults = list(faults or [])
        self.delay_s = delay_s
        self.hang_s = hang_s
        self.retry_after = retry_after
        self.usage = usage
        self.requests: list[tuple[str, dict[str, Any], float]] = []  # (path, body, arrival time)
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def count(self, path_part: str = "") -> int:
        with self.lock:
            return sum(path_part in path for path, _, _ in self.requests)

    def __enter__(self) -> FakeLLM:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet tests
                pass

            def send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                with fake.lock:
                    fake.requests.append((self.path, body, time.monotonic()))
                    fault = fake.faults.pop(0) if fake.faults else None
                if fault == "429":
                    error = {"error": {"message": "rate limited", "type": "rate_limit_error"}}
                    return self.send(429, json.dumps(error).encode(), {"Retry-After": fake.retry_after})
                if fault == "500":
                    error = {"error": {"message": "boom", "type": "server_error"}}
                    return self.send(500, json.dumps(error).encode())
                if fault == "hang":
                    time.sleep(fake.hang_s)
                    self.close_connection = True
                    return None
                if fault == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return None
                if fault == "malformed":
                    return self.send(200, b'{"id": "x", "choices": [ not json')
                if fake.delay_s:
                    time.sleep(fake.delay_s)
                text = fake.answer(body)
                prompt_tokens, completion_tokens = fake.usage
                if self.path.endswith("/messages"):
                    reply = {"id": "msg_1", "type": "message", "role": "assistant", "model": body.get("model"),
                             "content": [{"type": "text", "text": text}], "stop_reason": "end_turn",
                             "stop_sequence": None,
                             "usage": {"input_tokens": prompt_tokens, "output_tokens": completion_tokens}}
                else:
                    reply = {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": body.get("model"),
                             "choices": [{"index": 0, "finish_reason": "stop",
                                          "message": {"role": "assistant", "content": text}}],
                             "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                                       "total_tokens": prompt_tokens + completion_tokens}}
                return self.send(200, json.dumps(reply).encode())

        return Handler
