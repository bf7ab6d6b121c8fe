"""A long list of an import's problems, changes or conflicts, summarised for the command line.

An edited task list of 200,000 bad rows printed 200,000 lines: problems are now counted by kind
("200.000 Zeilen ohne Aufgaben-ID, die ersten 20: …"), and only the first few are shown.
"""

from __future__ import annotations

MAX_LISTED = 20

# A phrase of the message -> what such problems are, counted ("200.000 Zeilen ohne Status").
PROBLEM_KINDS = (
    ("neue Aufgaben können nicht per Excel angelegt werden", "Zeilen ohne Aufgaben-ID"),
    ("gibt es in dieser Datenbank nicht", "Zeilen mit einer Aufgabe, die es hier nicht gibt"),
    ("der Status ist leer", "Zeilen ohne Status"),
    ("kennt sromod nicht", "Zeilen mit unbekanntem Status"),
    ("ist kein Datum", "Zeilen mit ungültigem Fälligkeitsdatum"),
    ("eine Formel kann nicht eingelesen werden", "Zellen mit einer Formel"),
    ("die Spalte „Stand“ fehlt oder ist leer", "Zeilen ohne „Stand“"),
    ("steht in mehreren Blättern", "Aufgaben mit verschiedenen Angaben in mehreren Blättern"),
)
OTHER_KIND = "weitere Fehler"


def german_number(count: int) -> str:
    """200000 -> "200.000"."""
    return f"{count:,}".replace(",", ".")


def problem_kind(problem: str) -> str:
    return next((kind for phrase, kind in PROBLEM_KINDS if phrase in problem), OTHER_KIND)


def summarise_problems(problems: list[str], limit: int = MAX_LISTED) -> list[str]:
    """Indented lines: every problem when few; else counts by kind and the first `limit`."""
    if len(problems) <= limit:
        return [f"  {p}" for p in problems]
    groups: dict[str, list[str]] = {}
    for problem in problems:
        groups.setdefault(problem_kind(problem), []).append(problem)
    lines: list[str] = []
    budget = limit
    for kind, items in groups.items():
        shown = items[:budget]
        budget -= len(shown)
        head = f"  {german_number(len(items))} {kind}"
        if not shown:
            lines.append(head + ".")
            continue
        if len(shown) < len(items):
            head += f", die ersten {len(shown)}"
        lines.append(head + ":")
        lines += [f"    {p}" for p in shown]
    return lines


def first_lines(lines: list[str], what_more: str, limit: int = MAX_LISTED * 5) -> list[str]:
    """The first `limit` lines and "… und 49.900 weitere <what_more>" for the rest."""
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], f"  … und {german_number(len(lines) - limit)} weitere {what_more}"]
