"""Run dirs as leaderboard entries (`hpceval.leaderboards.entries.Entry`), and the packs installed now, against
which a board marks rows stale."""

from __future__ import annotations

import json
from pathlib import Path

from hpceval.harness.errors import UserError
from hpceval.harness.records import RunManifest, Summary
from hpceval.harness.scoring import read_or_score
from hpceval.harness.store import RunStore
from hpceval.leaderboards.entries import Entry, PackRef, Scores
from hpceval.leaderboards.hardware import hardware_key, hardware_label
from hpceval.tasks.discovery import load_packs
from hpceval.tasks.errors import PackError


def run_summary(store: RunStore, manifest: RunManifest) -> Summary:
    """The run's scores (`read_or_score`): a run with no attempts yet has none."""
    attempts = store.read_attempts()
    if not attempts:
        raise UserError(f"{store.root}: the run has no attempts yet; finish it with the same `hpceval run` command")
    return read_or_score(store, manifest, attempts)[0]


def measured_on(store: RunStore, manifest: RunManifest) -> dict[str, object]:
    """The fingerprint a board groups the run by. A run whose jobs ran on this machine: run.json's. A run whose
    jobs ran on an executor's nodes (--executor ray): its attempts' nodes, one machine's fingerprint when they all
    share its hardware, else a "mixed" one that shares a table with no run of one machine."""
    if manifest.config.executor == "local":
        return dict(manifest.fingerprint)
    nodes: dict[str, dict[str, object]] = {}
    for sha in sorted({a.fingerprint_sha for a in store.read_attempts() if a.fingerprint_sha}):
        try:
            found = json.loads(store.read_artifact(sha))
        except (UserError, ValueError):
            continue
        if isinstance(found, dict):
            nodes.setdefault(hardware_key(found), found)
    if len(nodes) == 1:
        return next(iter(nodes.values()))
    if not nodes:
        return dict(manifest.fingerprint)
    machines = sorted(hardware_label(node) for node in nodes.values())
    return {"cpu_model": f"mixed hardware: {' + '.join(machines)}", "sandbox": manifest.config.sandbox,
            "machines": machines, "executor": manifest.config.executor}


def entry_from_run(run_dir: Path) -> Entry:
    store = RunStore(run_dir)
    manifest = store.read_manifest()
    summary = run_summary(store, manifest)
    config = manifest.config
    return Entry(
        run_id=manifest.run_id, created_at=manifest.created_at, hpceval_version=manifest.hpceval_version,
        git_revision=manifest.git_revision, suite=config.suite, dataset=config.dataset, agent=config.agent,
        judge=config.judge, loop=config.loop, rounds=config.rounds, samples=config.samples, seed=config.seed,
        sandbox=config.sandbox, timer=config.timer,
        packs=[PackRef(**pack.model_dump()) for pack in manifest.packs],
        fingerprint=measured_on(store, manifest),
        scores=Scores.model_validate(summary.model_dump(mode="json")),
    )


def current_packs(entries: list[Entry]) -> dict[tuple[str, str], PackRef]:
    """The installed version of every pack the entries name, keyed by (pack, dataset): a pack that reads a dataset
    is hashed with the dataset the row read. A pack (or dataset) not found here is left out: its rows are not
    called stale, for want of anything to compare them with."""
    out: dict[tuple[str, str], PackRef] = {}
    for entry in entries:
        for pack in entry.packs:
            key = (pack.name, entry.dataset or "")
            if key in out:
                continue
            try:
                loaded = load_packs([pack.name], dataset=entry.dataset)
            except (PackError, UserError, OSError, ValueError):
                continue
            for found in loaded:
                out[key] = PackRef(name=found.name, version=found.spec.version, suite=found.spec.suite,
                                   content_hash=found.content_hash)
    return out
