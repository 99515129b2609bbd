"""Living with `hpceval run` (issue 11) through the real CLI: a real tmux pane for the terminal display, a pipe
for logs, real signals for Ctrl-C, the environment for flag defaults."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPO, hpceval, path_without_mpi, read_jsonl
from tests.fake_llm import FakeLLM
from tests.test_cli_run import CORRECT, LOOPING, NO_CODE

TMUX = shutil.which("tmux")
needs_tmux = pytest.mark.skipif(TMUX is None, reason="needs tmux for a real terminal (apt-get install tmux)")


def replay_file(tmp_path: Path, task_id: str, completions: list[str]) -> Path:
    path = tmp_path / f"samples-{uuid.uuid4().hex[:6]}.jsonl"
    path.write_text("".join(json.dumps({"task_id": task_id, "completion": c}) + "\n" for c in completions))
    return path


class Pane:
    """A detached tmux session of a given size running one command; its screen is read with capture-pane."""

    def __init__(self, command: str, width: int = 80, height: int = 60, env: dict[str, str] | None = None) -> None:
        self.socket = f"hpceval-test-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={v}" for k, v in {"PYTHONPATH": str(REPO), **(env or {})}.items())
        script = f"cd {REPO} && env -u COLUMNS -u LINES {exports} {command}; echo EXIT=$?; sleep 600"
        subprocess.run([TMUX, "-L", self.socket, "-f", "/dev/null", "new-session", "-d", "-x", str(width), "-y",
                        str(height), script], check=True, env={**os.environ, "TERM": "xterm-256color"})

    def screen(self) -> str:
        """The pane with its history; a line the terminal wrapped is joined again (-J)."""
        text = subprocess.run([TMUX, "-L", self.socket, "capture-pane", "-p", "-J", "-S", "-200"],
                              capture_output=True, text=True, check=True).stdout
        return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"

    def wait_for(self, pattern: str, timeout: float = 300) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if re.search(pattern, screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{pattern!r} never appeared; the screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], check=False, capture_output=True)


@needs_tmux
def test_an_80_column_terminal_shows_live_progress_and_tables_that_fit(tmp_path):
    out = tmp_path / "run"
    pane = Pane(f"{sys.executable} -m hpceval run --task 'hpc/axpy/serial/generate' --task "
                f"'hpc/gemv/serial/generate' --agent baseline -n 2 --k 1,2 --max-sandboxes 1 --out {out}")
    try:
        live = pane.wait_for(r"in flight \(1\): hpc/\w+/serial/generate#\d")
        assert re.search(r"\d+\.\d samples/min", live) and "eta" in live and "0/4" in live, live
        later = pane.wait_for(r"samples/min\s+ok [1-3]\b")  # counts by verdict while it runs
        assert re.search(r"[1-3]/4", later), later
        final = pane.wait_for(r"EXIT=\d+")
    finally:
        pane.close()
    assert "EXIT=0" in final, final
    lines = final.splitlines()
    # one block per k, each uncut: the headers are whole at 80 columns
    assert any("k=1" in line for line in lines) and any("k=2" in line for line in lines), final
    assert any(re.search(r"pass@2\s+build@2\s+speedup_n@2\s+efficiency_n@2", line) for line in lines), final
    assert not any("…" in line for line in lines), final
    # no table line was wrapped (-J joins wrapped lines again); prose such as a sandbox note may wrap
    table = [line for line in lines if re.match(r"\s+(group|all|model|type)\b|\s+\d+\.\d\d-\d", line)]
    assert len(table) >= 14 and all(len(line) <= 80 for line in table), final
    assert re.search(r"\d\.\d\d-\d\.\d\d", final), final  # the intervals
    assert f"summary: {out / 'summary.json'}\n4 sample(s) evaluated now, 0 resumed from the run dir\n" in final


@needs_tmux
def test_a_rate_limited_provider_shows_the_calls_waiting_to_retry(tmp_path):
    with FakeLLM(faults=["429"] * 4, retry_after="3") as server:
        pane = Pane(f"{sys.executable} -m hpceval run --task hpc/axpy/serial/generate --agent openai:fake-coder "
                    f"--base-url {server.url}/v1 --no-cache --out {tmp_path / 'run'}",
                    env={"OPENAI_API_KEY": "", "HPCEVAL_CACHE_DIR": str(tmp_path / "cache")})
        try:
            waiting = pane.wait_for(r"1 call\(s\) waiting to retry, \d+ retries so far", timeout=120)
            final = pane.wait_for(r"EXIT=\d+", timeout=300)
        finally:
            pane.close()
    assert "rate limits and outages" in waiting
    assert "EXIT=0" in final, final
    assert re.search(r"\b4 retries\b", final), final  # the summary's model-call line


def test_a_piped_run_logs_one_plain_line_per_sample_and_no_escape_codes(tmp_path):
    samples = replay_file(tmp_path, "hpc/axpy/serial/generate", [NO_CODE, CORRECT])
    out = tmp_path / "run"
    result = subprocess.run(  # stdout and stderr into one pipe, as `hpceval run ... 2>&1 | tee log` does
        [sys.executable, "-m", "hpceval", "run", "--task", "hpc/axpy/serial/generate", "--agent",
         f"replay:{samples}", "-n",
         "2", "--out", str(out)], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout
    log = result.stdout
    assert "\x1b[" not in log, log  # no colours or cursor movement in a log file
    assert "hpc/axpy/serial/generate sample 0 round 0: no_code" in log
    assert re.search(r"hpc/axpy/serial/generate sample 1 round 0: ok speedup \d+\.\d{3} \d+\.\d s", log), log
    assert f"summary: {out / 'summary.json'}\n2 sample(s) evaluated now, 0 resumed from the run dir\n" in log


def test_the_second_ctrl_c_abandons_the_samples_in_flight_within_seconds(tmp_path):
    # sample 0 needs no sandbox job (a timed step of a correct one would wait for the loopers' lane)
    samples = replay_file(tmp_path, "hpc/axpy/serial/generate", [NO_CODE, LOOPING, LOOPING, LOOPING])
    out = tmp_path / "run"
    args = [sys.executable, "-m", "hpceval", "run", "--task", "hpc/axpy/serial/generate", "--agent",
            f"replay:{samples}",
            "-n", "4", "--max-sandboxes", "2", "--timeout", "120", "--log-level", "debug", "--sandbox", "local",
            "--out", str(out)]
    # the local sandbox's job dirs go under TMPDIR; not under tmp_path, which a job's uid may not enter (pytest
    # makes it 0700, and without a private root the job reaches its dir through that path)
    jobs = Path(tempfile.mkdtemp(prefix="hpceval-abandon-"))
    jobs.chmod(0o711)
    proc = subprocess.Popen(args, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(jobs)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stderr.readline, "")), daemon=True)
    reader.start()

    def wait_for(needle: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not any(needle in line for line in lines):
            assert time.monotonic() < deadline and proc.poll() is None, f"no {needle!r} in {lines}"
            time.sleep(0.05)

    try:
        wait_for("sample 0 round 0: no_code", 300)  # sample 0 is done; two loopers are in flight
        log = out / "hpceval.log"
        deadline = time.monotonic() + 60
        while log.read_text().count("begin hpc/axpy/serial/generate") < 3:
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.05)
        time.sleep(1.0)  # the loopers are in their check step
        proc.send_signal(signal.SIGINT)
        wait_for("Press Ctrl-C again to abandon them", 30)
        assert any("2 in flight are finishing" in line for line in lines), lines
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
        took = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
    reader.join(timeout=5)
    assert code == 130, lines
    time.sleep(1)
    assert not processes_under(jobs)  # no job of the abandoned samples outlives the run (they die with it)
    shutil.rmtree(jobs, ignore_errors=True)
    assert took < 8, took  # the loopers would have run for 120 s
    assert any("abandoned 2 sample(s) in flight" in line for line in lines), lines
    recorded = read_jsonl(out / "attempts.jsonl")
    assert [(a["sample"], a["verdict"]) for a in recorded] == [(0, "no_code")]  # nothing half-done was recorded
    # the abandoned samples are redone by the same command; --sample-id 0 finds that one finished
    again = hpceval(*args[3:-2], "--sample-id", "0", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert "0 sample(s) to evaluate" in again.stderr
    assert "0 sample(s) evaluated now, 1 resumed" in again.stdout


def processes_under(folder: Path) -> list[str]:
    """Command lines of the processes whose working dir is inside `folder`."""
    found = []
    for proc_dir in Path("/proc").iterdir():
        try:
            if proc_dir.name.isdigit() and os.readlink(proc_dir / "cwd").startswith(str(folder)):
                found.append((proc_dir / "cmdline").read_text().replace("\0", " "))
        except OSError:
            continue
    return found


def test_limit_sample_id_and_resumed_counts(tmp_path):
    out = tmp_path / "run"
    completions = [NO_CODE] * 3  # no sandbox job: the selection is what is tested
    samples = tmp_path / "samples.jsonl"
    samples.write_text("".join(json.dumps({"task_id": t, "completion": c}) + "\n"
                               for t in ("hpc/axpy/serial/generate", "hpc/axpy/omp/generate", "hpc/axpy/mpi/generate")
                               for c in completions))
    base = ["run", "--task", "hpc/axpy/*/generate", "--agent", f"replay:{samples}", "-n", "3", "--out", str(out)]
    first = hpceval(*base, "--limit", "2", "--sample-id", "1-2")
    assert first.returncode == 0, first.stderr
    done = {(a["task_id"], a["sample"]) for a in read_jsonl(out / "attempts.jsonl")}
    assert done == {(t, s) for t in ("hpc/axpy/serial/generate", "hpc/axpy/omp/generate") for s in (1, 2)}
    assert "4 sample(s) evaluated now, 0 resumed" in first.stdout
    config = json.loads((out / "run.json").read_text())["config"]
    assert config["limit"] == 2 and config["sample_ids"] == [1, 2]
    second = hpceval(*base, "--limit", "2")  # the same run, grown to every sample of those tasks
    assert "2 sample(s) evaluated now, 4 resumed" in second.stdout, second.stdout + second.stderr
    assert json.loads((out / "run.json").read_text())["config"]["limit"] == 2
    assert json.loads((out / "run.json").read_text())["config"]["sample_ids"] is None


def test_every_run_flag_has_an_environment_default(tmp_path):
    out = tmp_path / "run"
    samples = replay_file(tmp_path, "hpc/axpy/serial/generate", [NO_CODE] * 2)
    env = {"HPCEVAL_TASK": "hpc/axpy/serial/generate", "HPCEVAL_AGENT": f"replay:{samples}", "HPCEVAL_SAMPLES": "2",
           "HPCEVAL_K": "1,2", "HPCEVAL_SEED": "7", "HPCEVAL_OUT": str(out), "HPCEVAL_LOG_LEVEL": "warning"}
    result = hpceval("run", env=env)
    assert result.returncode == 0, result.stderr
    config = json.loads((out / "run.json").read_text())["config"]
    assert config["tasks"] == ["hpc/axpy/serial/generate"]
    assert (config["samples"], config["k"], config["seed"]) == (2, [1, 2], 7)
    assert " INFO " not in (out / "hpceval.log").read_text()  # the log level came from the environment too
    # a flag beats its environment default; a bad value is named
    flagged = hpceval("run", "--seed", "7", "-n", "1", "--k", "1", env=env)
    assert flagged.returncode == 0 and "0 sample(s) to evaluate" in flagged.stderr, flagged.stderr
    bad = hpceval("run", env={**env, "HPCEVAL_K": "3"})
    assert bad.returncode == 2 and "k=3 needs at least 3 samples" in bad.stderr, bad.stderr


def test_the_run_log_is_in_the_run_dir_at_the_chosen_level(tmp_path):
    out = tmp_path / "run"
    samples = replay_file(tmp_path, "hpc/axpy/serial/generate", [NO_CODE])
    result = hpceval("run", "--task", "hpc/axpy/serial/generate", "--agent", f"replay:{samples}", "--log-level",
                     "debug",
                     "--out", str(out))
    assert result.returncode == 0, result.stderr
    log = (out / "hpceval.log").read_text()
    assert "DEBUG hpceval.run" in log and "begin hpc/axpy/serial/generate sample 0" in log
    assert "INFO hpceval.run" in log and "hpc/axpy/serial/generate sample 0 round 0: no_code" in log
    assert '"samples":1' in log or "reference" not in log  # the run's settings head the log


def test_a_broken_pack_fails_alone(tmp_path):
    packs = tmp_path / "packs"
    (packs / "badyaml" / "problems").mkdir(parents=True)
    (packs / "badyaml" / "pack.yaml").write_text("name: badyaml\nsuite: [unclosed\nversion: 1\n")
    env = {"HPCEVAL_PACK_PATH": str(packs)}
    listed = hpceval("list", "--json", env=env)
    assert listed.returncode == 0  # the other packs keep working
    assert len([t for t in json.loads(listed.stdout) if t["suite"] == "hpc"]) >= 240
    assert "warning: pack 'badyaml' is skipped: " in listed.stderr and "pack.yaml:3:8: invalid YAML" in listed.stderr
    samples = replay_file(tmp_path, "hpc/axpy/serial/generate", [NO_CODE])
    other = hpceval("run", "--task", "hpc/axpy/serial/generate", "--agent", f"replay:{samples}", "--out",
                    str(tmp_path / "run"), env=env)
    assert other.returncode == 0, other.stderr
    asked = hpceval("run", "--suite", "badyaml", "--out", str(tmp_path / "run2"), env=env)
    assert asked.returncode == 2 and asked.stderr.count("\n") == 1, asked.stderr
    assert "pack 'badyaml': " in asked.stderr and "pack.yaml:3:8: invalid YAML" in asked.stderr


def test_the_sandbox_note_never_comes_before_an_error(tmp_path):
    """The note on an auto-chosen sandbox comes once the run can go on, never in front of a refusal: here the
    local sandbox is chosen (the image is not built) and this host then lacks mpicxx."""
    refused = hpceval("run", "--task", "hpc/axpy/mpi/generate", "--image", "hpceval-nosuch:0", "--out",
                      str(tmp_path / "run"),
                      env={"PATH": path_without_mpi(tmp_path)})
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert refused.stderr.startswith("error:") and "mpicxx not found" in refused.stderr, refused.stderr
