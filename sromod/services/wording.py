"""sromod's German forms: dates, times, TOP numbers, and the sentences minutes and window share.

The one place for them: services return dates, numbers and enum values, and the documents (which
are German) and the window format them here. Dates and times keep the German form in both
languages of the window. Sentences are built from the phrases in `PHRASES`; a caller in the
window passes `translate` (the phrases are listed for lupdate in `sromod.ui.labels`), documents
keep the German.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol

from sromod.models import TaskStatus
from sromod.models.enums import LabelledEnum
from sromod.services.import_problems import IgnoredEdit, ImportProblem, ProblemKind, RowPlace

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


# Every phrase below, once, so that the window can translate them (see sromod.ui.labels).
PHRASES = (
    "TOP %1",
    "%1. Sitzung der %2",
    "%1, %2. Sitzung, %3",
    "einstimmig angenommen",
    "einstimmig abgelehnt",
    "%1 angenommen",
    "%1 abgelehnt",
    "mit %1",
    "ohne Ja-Stimme",
    "bei %1",
    "%1 und %2",
    "%1 %2",
    "1 Ja-Stimme",
    "%1 Ja-Stimmen",
    "1 Nein-Stimme",
    "%1 Nein-Stimmen",
    "1 Enthaltung",
    "%1 Enthaltungen",
    "Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern beschlussfähig.",
    "Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern nicht beschlussfähig.",
    "Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern nicht mehr beschlussfähig.",
    "Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern wieder beschlussfähig.",
)


def _fill(template: str, *values: object) -> str:
    # numbered from the highest down, so that %1 does not eat the start of %10
    for n in range(len(values), 0, -1):
        template = template.replace(f"%{n}", str(values[n - 1]))
    return template


def _count(n: int, one: str, many: str, tr: Translate) -> str:
    return tr(one) if n == 1 else _fill(tr(many), n)


def _label(member: LabelledEnum) -> str:
    return member.label


def german_number(count: int) -> str:
    """200000 -> "200.000"."""
    return f"{count:,}".replace(",", ".")


# --- dates and times ---------------------------------------------------------------------------


def german_date(value: date | None) -> str:
    """ "25.11.2026"; "" for no date."""
    return value.strftime("%d.%m.%Y") if value else ""


def german_time(value: time | datetime | None) -> str:
    """ "10:42"; "" for no time."""
    return value.strftime("%H:%M") if value else ""


def german_datetime(value: datetime | None) -> str:
    """ "25.11.2026 10:42" (wall-clock time as given; see local_zone for stored UTC)."""
    return f"{german_date(value)} {german_time(value)}" if value else ""


# --- TOP numbers -----------------------------------------------------------------------------


def top_number(position: int, parent_position: int | None = None) -> str:
    """ "7" for a TOP, "7.1" for the first sub-item of TOP 7."""
    return str(position) if parent_position is None else f"{parent_position}.{position}"


def top_label(number: str, title: str = "") -> str:
    """ "TOP 7.1 Titel" as the documents write it ("Item 7.1" in the English window)."""
    label = _fill("TOP %1", number)
    return f"{label} {title}" if title else label


def top_numbers(numbers: Sequence[str], translate: Translate = _same) -> str:
    """ "TOP 3, 6–8" for ["3", "6", "7", "8"]; sub-items ("4.2") stand on their own."""
    parts: list[str] = []
    run: list[int] = []

    def close_run() -> None:
        if run:
            parts.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
            if len(run) == 2:
                parts[-1] = f"{run[0]}, {run[1]}"
            run.clear()

    for number in numbers:
        if number.isdigit() and run and int(number) == run[-1] + 1:
            run.append(int(number))
            continue
        close_run()
        if number.isdigit():
            run.append(int(number))
        else:
            parts.append(number)
    close_run()
    return _fill(translate("TOP %1"), ", ".join(parts))


def meeting_reference(
    body_short_name: str, number: int, day: date, translate: Translate = _same
) -> str:
    """ "AG SRO, 12. Sitzung, 25.11.2026": which meeting a task or a search hit comes from."""
    return _fill(translate("%1, %2. Sitzung, %3"), body_short_name, number, german_date(day))


def meeting_title(number: int, body: str, translate: Translate = _same) -> str:
    """ "12. Sitzung der AG SRO" ("Meeting 12 of the AG SRO" in the English window)."""
    return _fill(translate("%1. Sitzung der %2"), number, body)


def meeting_short(number: int, day: date) -> str:
    """ "12. Sitzung, 25.11.2026": the meeting a task comes from, as the task list names it."""
    return f"{number}. Sitzung, {german_date(day)}"


# --- the documents' lines ----------------------------------------------------------------------


def attachment_line(title: str, top_number: str | None) -> str:
    """ "Präsentation (zu TOP 4)": an Anlage as the letters and the minutes list it."""
    return f"{title} (zu {top_label(top_number)})" if top_number else title


def attachment_label(number: int, title: str, top_number: str | None) -> str:
    """ "Anlage 2: Bezirksregionenprofil Adlershof (zu TOP 4)"."""
    return f"Anlage {number}: {attachment_line(title, top_number)}"


def attendee_name(name: str, stand_in: str = "", minute_taker: bool = False) -> str:
    """ "Andreas Vogt (i. V. für Sabine Haase)", "Bernd Kurz (Protokoll)" in the attendance."""
    listed = f"{stand_in} (i. V. für {name})" if stand_in else name
    return f"{listed} (Protokoll)" if minute_taker else listed


def reviews_shown_sentence(reviewed: int, shown: int) -> str:
    """What an excerpt's Wiedervorlage shows of the tasks the meeting reviewed."""
    tasks = "Aufgabe" if reviewed == 1 else "Aufgaben"
    shown_text = "betrifft eine" if shown == 1 else f"betreffen {shown}"
    return (
        f"In der Sitzung wurde der Stand von {reviewed} {tasks} besprochen; "
        f"davon {shown_text} diese Stelle (siehe Tabelle)."
    )


# --- votes -------------------------------------------------------------------------------------


def vote_adopted(votes_for: int, votes_against: int) -> bool:
    """Simple majority of the votes cast: more Ja than Nein; abstentions count for neither."""
    return votes_for > votes_against


def votes_in_words(
    votes_for: int, votes_against: int, votes_abstain: int, translate: Translate = _same
) -> str:
    """ "einstimmig angenommen", "mit 9 Ja-Stimmen bei 2 Nein-Stimmen und 1 Enthaltung angenommen".

    Counts of zero are left out ("mit 9 Ja-Stimmen bei 1 Enthaltung angenommen"); all votes for
    one side with no abstention is "einstimmig".
    """
    tr = translate
    adopted = vote_adopted(votes_for, votes_against)
    if votes_against == 0 and votes_abstain == 0 and votes_for > 0:
        return tr("einstimmig angenommen")
    if votes_for == 0 and votes_abstain == 0 and votes_against > 0:
        return tr("einstimmig abgelehnt")
    yes = (
        _fill(tr("mit %1"), _count(votes_for, "1 Ja-Stimme", "%1 Ja-Stimmen", tr))
        if votes_for
        else tr("ohne Ja-Stimme")
    )
    others = []
    if votes_against:
        others.append(_count(votes_against, "1 Nein-Stimme", "%1 Nein-Stimmen", tr))
    if votes_abstain:
        others.append(_count(votes_abstain, "1 Enthaltung", "%1 Enthaltungen", tr))
    text = yes
    if others:
        joined = others[0] if len(others) == 1 else _fill(tr("%1 und %2"), *others)
        text = _fill(tr("%1 %2"), yes, _fill(tr("bei %1"), joined))
    return _fill(tr("%1 angenommen") if adopted else tr("%1 abgelehnt"), text)


# --- quorum ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuorumChange:
    """From `at` on, `present` voting members were there and the body was (not) quorate."""

    at: time
    present: int
    quorate: bool


def quorum_sentence(
    body: str, present: int, members: int, quorate: bool, translate: Translate = _same
) -> str:
    """ "Die AG SRO ist mit 10 von 16 stimmberechtigten Mitgliedern beschlussfähig." """
    template = (
        "Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern beschlussfähig."
        if quorate
        else "Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern nicht beschlussfähig."
    )
    return _fill(translate(template), body, present, members)


def quorum_change_sentence(
    body: str, change: QuorumChange, members: int, translate: Translate = _same
) -> str:
    """ "Ab 11:40 Uhr war die AG SRO mit 7 von 16 … nicht mehr beschlussfähig." """
    template = (
        "Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern wieder beschlussfähig."
        if change.quorate
        else "Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern nicht mehr "
        "beschlussfähig."
    )
    return _fill(translate(template), german_time(change.at), body, change.present, members)


# --- an edited task list: its problems --------------------------------------------------------

_QUOTED = "„%1“"
_PLACE = "Blatt „%1“, Zeile %2"
_PLACE_NUMBERED = "Blatt „%1“, Zeile %2 (%3)"
_PROBLEMS = {
    ProblemKind.ACCESS_DENIED: "Die Datei „%1“ kann nicht gelesen werden: der Zugriff wurde "
    "verweigert (ist sie noch in einem anderen Programm geöffnet?).",
    ProblemKind.MISSING_FILE: "Die Datei „%1“ gibt es nicht.",
    ProblemKind.NOT_A_WORKBOOK: "Die Datei „%1“ kann nicht gelesen werden: sie ist keine "
    "Excel-Arbeitsmappe (.xlsx) oder beschädigt.",
    ProblemKind.DAMAGED: "Die Datei „%1“ kann nicht gelesen werden: sie ist beschädigt.",
    ProblemKind.NOT_A_TASK_LIST: "Die Datei „%1“ ist keine Aufgabenliste von sromod: es fehlt "
    "ein Blatt mit den Spalten „%2“ und „%3“.",
    ProblemKind.FORMULA: "%1, Spalte „%2“ (%3): eine Formel kann nicht eingelesen werden; "
    "bitte den Wert eintragen.",
    ProblemKind.NO_ID: "%1: die Spalte „%2“ ist leer; neue Aufgaben können nicht per Excel "
    "angelegt werden, bitte in sromod erfassen.",
    ProblemKind.UNKNOWN_TASK: "%1: die Aufgabe %2 gibt es in dieser Datenbank nicht.",
    ProblemKind.NO_STATUS: "%1: der Status ist leer.",
    ProblemKind.UNKNOWN_STATUS: "%1: den Status „%2“ kennt sromod nicht (möglich: %3).",
    ProblemKind.NOT_A_DATE: "%1: „%2“ in der Spalte „%3“ ist kein Datum.",
    ProblemKind.NO_STAND: "%1: die Spalte „Stand“ fehlt oder ist leer; so lässt sich nicht "
    "prüfen, ob %2 seit dem Export geändert wurde.",
    ProblemKind.DIFFERENT_ON_SHEETS: "Die Aufgabe %1 steht in mehreren Blättern mit "
    "verschiedenen Angaben (%2; %3).",
}
# what problems of a kind are, counted on the command line ("200.000 Zeilen ohne Status")
_PROBLEM_COUNTS = {
    ProblemKind.NO_ID: "Zeilen ohne Aufgaben-ID",
    ProblemKind.UNKNOWN_TASK: "Zeilen mit einer Aufgabe, die es hier nicht gibt",
    ProblemKind.NO_STATUS: "Zeilen ohne Status",
    ProblemKind.UNKNOWN_STATUS: "Zeilen mit unbekanntem Status",
    ProblemKind.NOT_A_DATE: "Zeilen mit ungültigem Fälligkeitsdatum",
    ProblemKind.FORMULA: "Zellen mit einer Formel",
    ProblemKind.NO_STAND: "Zeilen ohne „Stand“",
    ProblemKind.DIFFERENT_ON_SHEETS: "Aufgaben mit verschiedenen Angaben in mehreren Blättern",
}
PROBLEM_PHRASES = (_QUOTED, _PLACE, _PLACE_NUMBERED, *_PROBLEMS.values())


def row_place(place: RowPlace, translate: Translate = _same) -> str:
    """ "Blatt „Aufgaben“, Zeile 7 (A-2026/0001)"."""
    if place.number:
        return _fill(translate(_PLACE_NUMBERED), place.sheet, place.row, place.number)
    return _fill(translate(_PLACE), place.sheet, place.row)


def problem_text(problem: ImportProblem, translate: Translate = _same) -> str:
    """The problem as one sentence: German for the command line, `translate` for the window.

    The status words it offers stay German: they are what the (German) task list must hold.
    """
    where = row_place(problem.place, translate) if problem.place else ""
    other = row_place(problem.other, translate) if problem.other else ""
    values: tuple[object, ...] = {
        ProblemKind.NOT_A_TASK_LIST: (problem.file, problem.column, problem.value),
        ProblemKind.FORMULA: (where, problem.column, problem.cell),
        ProblemKind.NO_ID: (where, problem.column),
        ProblemKind.UNKNOWN_TASK: (where, problem.task),
        ProblemKind.NO_STATUS: (where,),
        ProblemKind.UNKNOWN_STATUS: (where, problem.value, _status_words(translate)),
        ProblemKind.NOT_A_DATE: (where, problem.value, problem.column),
        ProblemKind.NO_STAND: (where, problem.task),
        ProblemKind.DIFFERENT_ON_SHEETS: (problem.task, where, other),
    }.get(problem.kind, (problem.file,))
    return _fill(translate(_PROBLEMS[problem.kind]), *values)


def problem_count_text(kind: ProblemKind) -> str:
    """ "Zeilen ohne Status": what problems of this kind are, for a count on the command line."""
    return _PROBLEM_COUNTS.get(kind, "weitere Fehler")


def _status_words(translate: Translate) -> str:
    return ", ".join(_fill(translate(_QUOTED), s.label) for s in TaskStatus)


# --- an edited task list: its changes and conflicts -------------------------------------------


class FieldChanges(Protocol):
    """Old and new value of each field an import changes (None: unchanged)."""

    @property
    def status(self) -> tuple[TaskStatus, TaskStatus] | None: ...
    @property
    def due_date(self) -> tuple[date | None, date | None] | None: ...
    @property
    def remark(self) -> tuple[str | None, str | None] | None: ...


CHANGE_PHRASES = (
    "Status: %1 → %2",
    "Fällig am: %1 → %2",
    "Bemerkung: %1 → %2",
    "(leer)",
    "Status %1",
    "fällig %1",
    "Bemerkung %1",
    "in sromod: %1",
    "in der Datei: %1",
)


def change_lines(
    change: FieldChanges, translate: Translate = _same, label: Callable[[TaskStatus], str] = _label
) -> list[str]:
    """ "Status: offen → erledigt" and the like, one per changed field."""
    parts = []
    if change.status:
        parts.append(_fill(translate("Status: %1 → %2"), *map(label, change.status)))
    if change.due_date:
        dates = (german_date(d) or translate("(leer)") for d in change.due_date)
        parts.append(_fill(translate("Fällig am: %1 → %2"), *dates))
    if change.remark:
        texts = (_short(r, translate) for r in change.remark)
        parts.append(_fill(translate("Bemerkung: %1 → %2"), *texts))
    return parts


def conflict_sides(
    change: FieldChanges, translate: Translate = _same, label: Callable[[TaskStatus], str] = _label
) -> tuple[str, str]:
    """Both sides of a conflict: ("in sromod: Status in Bearbeitung", "in der Datei: Status offen")."""
    sides: tuple[list[str], list[str]] = ([], [])
    for side in (0, 1):
        if change.status:
            sides[side].append(_fill(translate("Status %1"), label(change.status[side])))
        if change.due_date:
            day = german_date(change.due_date[side]) or translate("(leer)")
            sides[side].append(_fill(translate("fällig %1"), day))
        if change.remark:
            remark = _short(change.remark[side], translate)
            sides[side].append(_fill(translate("Bemerkung %1"), remark))
    return (
        _fill(translate("in sromod: %1"), ", ".join(sides[0])),
        _fill(translate("in der Datei: %1"), ", ".join(sides[1])),
    )


def _short(text: str | None, translate: Translate, limit: int = 60) -> str:
    if not text:
        return translate("(leer)")
    flat = " ".join(text.split())
    return _fill(translate(_QUOTED), f"{flat[: limit - 1]}…" if len(flat) > limit else flat)


# --- an edited task list: what it changed where the import does not look ----------------------

IGNORED_PHRASES = (
    "Spalte „%1“ geändert in %2 (%3) – wird nicht übernommen.",
    "Spalte „%1“ (nicht Teil der Liste) geändert in %2 (%3) – wird nicht übernommen.",
    "1 Zeile",
    "%1 Zeilen",
    "%1: ein Text von %2 Zeichen in der Spalte „%3“ – wird nicht übernommen.",
    "Nicht eingelesen (keine Aufgabenblätter): %1.",
)


def ignored_text(edit: IgnoredEdit, translate: Translate = _same) -> str:
    """ "Spalte „Aufgabe“ geändert in 3 Zeilen (A-2026/0001, …) – wird nicht übernommen." """
    if edit.place is not None:
        where = row_place(edit.place, translate)
        return _fill(translate(IGNORED_PHRASES[4]), where, german_number(edit.size), edit.column)
    template = translate(IGNORED_PHRASES[0] if edit.listed else IGNORED_PHRASES[1])
    rows = _count(len(edit.numbers), IGNORED_PHRASES[2], IGNORED_PHRASES[3], translate)
    shown = ", ".join(edit.numbers[:3]) + (", …" if len(edit.numbers) > 3 else "")
    return _fill(template, edit.column, rows, shown)


def unread_sheets_text(names: Sequence[str], translate: Translate = _same) -> str:
    """ "Nicht eingelesen (keine Aufgabenblätter): „Meine Notizen“." """
    quoted = ", ".join(_fill(translate(_QUOTED), n) for n in names)
    return _fill(translate(IGNORED_PHRASES[5]), quoted)
