"""Task packs: schema, loading, discovery and prompt rendering. Nothing here runs code."""

from hpceval.tasks.discovery import load_packs, pack_paths, packs_of_suite, select_tasks
from hpceval.tasks.loader import Pack, PackError, Problem, Task, load_pack
from hpceval.tasks.prompts import render_prompt

__all__ = [
    "Pack", "PackError", "Problem", "Task", "load_pack", "load_packs", "pack_paths",
    "packs_of_suite", "render_prompt", "select_tasks",
]
