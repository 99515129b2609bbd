"""A task's prompts, rendered from its pack's jinja2 templates (defaults in tasks/templates/): the task itself,
the coder's and the judge's system messages, the request to revise after a round and the judge's view of an
answer, plus how an answer is read out of a completion. Agents get them whole and know no language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from hpceval.tasks.kinds.base import AnswerKind
from hpceval.tasks.loader import Pack, PackError, Task

DEFAULT_TEMPLATES = Path(__file__).resolve().parent / "templates"
LANGUAGE_NAMES = {"cpp": "C++", "c": "C", "cuda": "CUDA C++", "python": "Python", "fortran": "Fortran"}
FILE_SUFFIXES = {"cpp": ".cpp", "c": ".c", "cuda": ".cu", "python": ".py", "fortran": ".f90"}


@dataclass(frozen=True)
class AnswerSpec:
    """How to read an answer out of a completion."""

    kind: AnswerKind
    language: str = ""  # fence tag of code answers
    fence_tags: tuple[str, ...] = ()  # every tag a fence holding the answer may carry ("" = untagged)
    entry_point: str = ""
    signature: str = ""
    body_prelude: str = ""

    @property
    def suffix(self) -> str:
        """File suffix of a stored answer."""
        return FILE_SUFFIXES.get(self.language, ".txt")


@dataclass(frozen=True)
class TaskPrompts:
    task: Task
    prompt: str
    coder_system: str
    judge_system: str
    answer: AnswerSpec
    _revision: jinja2.Template
    _judge_request: jinja2.Template
    _context: dict[str, object]

    def revision(self, feedback: str, fix: str | None) -> str:
        return self._revision.render(**self._context, feedback=feedback, fix=fix or "").strip()

    def judge_request(self, answer: str, feedback: str) -> str:
        return self._judge_request.render(**self._context, task_prompt=self.prompt, answer=answer,
                                          fence=self.answer.language, feedback=feedback).strip()


def _environment(pack: Pack) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(pack.path)),
                                    jinja2.PrefixLoader({"hpceval": jinja2.FileSystemLoader(str(DEFAULT_TEMPLATES))})]),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False,
    )


def _template(environment: jinja2.Environment, pack: Pack, name: str | None, default: str) -> jinja2.Template:
    path = name or f"hpceval/{default}"
    try:
        return environment.get_template(path)
    except jinja2.TemplateError as exc:
        raise PackError(f"{pack.path / path if name else DEFAULT_TEMPLATES / default}: {exc}; fix the template"
                        ) from None


def task_prompts(pack: Pack, task: Task) -> TaskPrompts:
    evaluator = pack.evaluator
    files, answer = pack.spec.prompts, pack.spec.answer
    language = answer.language if evaluator.answers == AnswerKind.code else ""
    context: dict[str, object] = {
        "task": task, "problem": pack.problem_of(task).spec, "pack": pack.spec, "answers": evaluator.answers.value,
        "language": language, "language_name": LANGUAGE_NAMES.get(language, language),
        **evaluator.prompt_context(pack, task),
    }
    environment = _environment(pack)
    rendered: dict[str, str] = {}
    for field, name, default in (("prompt", files.task, None), ("coder_system", files.coder_system, "coder_system.j2"),
                                 ("judge_system", files.judge_system, "judge_system.j2")):
        if default is None:
            if not (pack.path / name).is_file():  # type: ignore[operator]
                raise PackError(f"{pack.path / 'pack.yaml'}: prompts.task names {name}, which is not in the pack; "
                                "add the template")
        template = _template(environment, pack, name, default or "")
        try:
            rendered[field] = template.render(**context)
        except jinja2.TemplateError as exc:
            raise PackError(f"{pack.path / (name or '')}: {exc}; fix the template") from None
    spec = AnswerSpec(kind=evaluator.answers, language=language,
                      fence_tags=tuple(sorted({"", answer.language, *answer.fence_tags})),
                      entry_point=task.entry_point, signature=task.signature, body_prelude=answer.body_prelude)
    return TaskPrompts(
        task=task, prompt=rendered["prompt"], coder_system=rendered["coder_system"].strip(),
        judge_system=rendered["judge_system"].strip(), answer=spec,
        _revision=_template(environment, pack, files.revision, "revision.j2"),
        _judge_request=_template(environment, pack, files.judge_request, "judge_request.j2"), _context=context,
    )


def render_prompt(pack: Pack, task: Task) -> str:
    """The task's prompt (the first user message)."""
    return task_prompts(pack, task).prompt
