"""A long list of an import's problems, changes or conflicts, summarised for the command line.

An edited task list of 200,000 bad rows printed 200,000 lines: problems are counted by kind
("200.000 Zeilen ohne Aufgaben-ID, die ersten 20: …"), and only the first few are shown.
"""

from __future__ import annotations

from sromod.services.import_problems import ImportProblem, ProblemKind
from sromod.services.wording import german_number, problem_count_text, problem_text

MAX_LISTED = 20


def summarise_problems(problems: list[ImportProblem], limit: int = MAX_LISTED) -> list[str]:
    """Indented German lines: every problem when few; else counts by kind and the first `limit`."""
    if len(problems) <= limit:
        return [f"  {problem_text(p)}" for p in problems]
    groups: dict[ProblemKind, list[ImportProblem]] = {}
    for problem in problems:
        groups.setdefault(problem.kind, []).append(problem)
    lines: list[str] = []
    budget = limit
    for kind, items in groups.items():
        shown = items[:budget]
        budget -= len(shown)
        head = f"  {german_number(len(items))} {problem_count_text(kind)}"
        if not shown:
            lines.append(head + ".")
            continue
        if len(shown) < len(items):
            head += f", die ersten {len(shown)}"
        lines.append(head + ":")
        lines += [f"    {problem_text(p)}" for p in shown]
    return lines


def first_lines(lines: list[str], what_more: str, limit: int = MAX_LISTED * 5) -> list[str]:
    """The first `limit` lines and "… und 49.900 weitere <what_more>" for the rest."""
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], f"  … und {german_number(len(lines) - limit)} weitere {what_more}"]
