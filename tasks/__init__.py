"""Task packs: schema, loading, discovery, task kinds and prompt rendering. Nothing here runs code."""

from hpceval.tasks.discovery import load_packs, pack_paths, packs_of_suite, select_tasks
from hpceval.tasks.loader import Pack, PackError, Problem, Task, load_pack
from hpceval.tasks.prompts import AnswerSpec, TaskPrompts, render_prompt, task_prompts

__all__ = [
    "AnswerSpec", "Pack", "PackError", "Problem", "Task", "TaskPrompts", "load_pack", "load_packs", "pack_paths",
    "packs_of_suite", "render_prompt", "select_tasks", "task_prompts",
]
