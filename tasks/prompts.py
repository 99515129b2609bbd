"""Render a task's prompt from its pack's jinja2 template."""

from __future__ import annotations

import jinja2

from hpceval.tasks.loader import Pack, PackError, Task


def render_prompt(pack: Pack, task: Task) -> str:
    problem = pack.problem_of(task).spec
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(pack.path)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    try:
        template = environment.get_template(pack.spec.prompt_template)
        return template.render(
            task=task,
            problem=problem,
            model=pack.model_build(task.execution_model),
            model_note=problem.model_notes.get(task.execution_model, ""),
        )
    except jinja2.TemplateError as exc:
        raise PackError(f"{pack.path / pack.spec.prompt_template}: {exc}; fix the template") from None
