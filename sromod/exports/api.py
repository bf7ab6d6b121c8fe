"""The exports as the window and the command line call them.

Each function writes one file atomically and raises `ExportError` (a `ServiceError`) with one
German sentence when it cannot; `NotFound` when the meeting is gone. python-docx and openpyxl are
imported only when an export runs, so that importing this module costs nothing at start-up.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sromod.exports.files import Cancelled, ExportCancelled, ExportError, Progress
from sromod.services.minutes import MeetingHeader, meeting_header

if TYPE_CHECKING:
    from sromod.services.task_query import TaskFilter
    from sromod.store import Store

__all__ = [
    "KINDS",
    "MEETING_KINDS",
    "ExportCancelled",
    "ExportError",
    "export_absage",
    "export_attachments",
    "export_attendance_list",
    "export_excerpt",
    "export_ics",
    "export_invitation",
    "export_meeting_document",
    "export_minutes",
    "export_tasks",
    "meeting_header",
    "suggested_file_name",
]

# kind -> (word in the file name, suffix)
KINDS = {
    "minutes": ("Protokoll", ".docx"),
    "excerpt": ("Protokollauszug", ".docx"),
    "invitation": ("Einladung", ".docx"),
    "attendance": ("Anwesenheitsliste", ".docx"),
    "ics": ("Termin", ".ics"),
    "absage": ("Absage", ".docx"),
    "tasks": ("Aufgabenliste", ".xlsx"),
}
MEETING_KINDS = ("minutes", "excerpt", "invitation", "attendance", "ics", "absage")
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def suggested_file_name(
    kind: str,
    meeting: MeetingHeader | None = None,
    *,
    office_code: str = "",
    today: date | None = None,
) -> str:
    """A German file name: "2026-11-25 Protokoll AG SRO 12.docx", "2026-11-25 Aufgabenliste Jug.xlsx"."""
    word, suffix = KINDS[kind]
    if meeting is not None:
        parts = [
            f"{meeting.meeting_date:%Y-%m-%d}",
            word,
            meeting.body_short_name,
            str(meeting.number),
        ]
    else:
        parts = [f"{today or date.today():%Y-%m-%d}", word]
    if office_code:
        parts.append(office_code)
    name = " ".join(p for p in parts if p)
    return _NOT_IN_FILE_NAMES.sub("-", name).strip(" .") + suffix


def export_minutes(
    store: Store,
    meeting_id: str,
    out_path: Path | str,
    *,
    office_id: str | None = None,
    attachments: bool = True,
) -> Path:
    """The Ergebnisprotokoll ("ENTWURF" on every page until the meeting is released);
    with office_id the excerpt for that office. The Anlagen go into a folder beside it.
    Refused for a cancelled meeting."""
    from sromod.exports.minutes_docx import export_minutes as write

    path = write(store, meeting_id, out_path, office_id=office_id)
    if attachments and office_id is None:
        export_attachments(store, meeting_id, path)
    return path


def export_excerpt(store: Store, meeting_id: str, office_id: str, out_path: Path | str) -> Path:
    """The Protokollauszug for one office: its TOPs, decisions and tasks only."""
    from sromod.exports.minutes_docx import export_minutes as write

    return write(store, meeting_id, out_path, office_id=office_id)


def export_invitation(
    store: Store, meeting_id: str, out_path: Path | str, *, attachments: bool = True
) -> Path:
    from sromod.exports.invitation_docx import export_invitation as write

    path = write(store, meeting_id, out_path)
    if attachments:
        export_attachments(store, meeting_id, path)
    return path


def export_attachments(store: Store, meeting_id: str, document: Path | str) -> list[Path]:
    """The meeting's Anlagen in the folder "<document> – Anlagen" beside it (none: no folder)."""
    from sromod.exports.attachments import write_attachments

    return write_attachments(store, meeting_id, document)


def export_attendance_list(store: Store, meeting_id: str, out_path: Path | str) -> Path:
    from sromod.exports.attendance_docx import export_attendance_list as write

    return write(store, meeting_id, out_path)


def export_absage(store: Store, meeting_id: str, out_path: Path | str, *, reason: str = "") -> Path:
    """The Absage letter of a cancelled meeting (refused for a meeting that is not cancelled)."""
    from sromod.exports.absage_docx import export_absage as write

    return write(store, meeting_id, out_path, reason=reason)


def export_ics(store: Store, meeting_id: str, out_path: Path | str) -> Path:
    from sromod.exports.ics import export_ics as write

    return write(store, meeting_id, out_path)


def export_tasks(
    store: Store,
    out_path: Path | str,
    filters: TaskFilter | None = None,
    *,
    per_office_sheets: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """The task list workbook of the tasks the filter holds (the register's `TaskFilter`: the
    same tasks the register shows); returns the number of task rows. Runs well in a worker."""
    from sromod.exports.tasks_xlsx import export_tasks as write

    return write(
        store, out_path, filters, per_office_sheets=per_office_sheets, progress=progress,
        cancelled=cancelled,
    )  # fmt: skip


def export_meeting_document(
    store: Store,
    kind: str,
    meeting_id: str,
    out_path: Path | str,
    *,
    office_id: str | None = None,
    reason: str = "",
    attachments: bool = True,
) -> Path:
    """One of a meeting's documents by its kind (`MEETING_KINDS`): the one dispatch that the
    window and the command line share. office_id for the excerpt, reason for the Absage;
    attachments: the Anlagen beside minutes and invitation."""
    if kind == "minutes":
        return export_minutes(store, meeting_id, out_path, attachments=attachments)
    if kind == "excerpt":
        if office_id is None:
            raise ExportError("Für den Protokollauszug fehlt das Amt.")
        return export_excerpt(store, meeting_id, office_id, out_path)
    if kind == "invitation":
        return export_invitation(store, meeting_id, out_path, attachments=attachments)
    if kind == "attendance":
        return export_attendance_list(store, meeting_id, out_path)
    if kind == "absage":
        return export_absage(store, meeting_id, out_path, reason=reason)
    if kind == "ics":
        return export_ics(store, meeting_id, out_path)
    raise ValueError(f"unknown meeting document {kind!r}")
