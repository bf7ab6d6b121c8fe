"""The minutes (Ergebnisprotokoll) and the excerpt for one office (Protokollauszug) as .docx."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from docx.shared import Pt

from sromod.exports.absage_docx import refuse_if_cancelled
from sromod.exports.docx_common import (
    DocWriter,
    de_long_date,
    new_document,
    time_span,
)
from sromod.exports.files import atomic_write
from sromod.exports.minutes_footer import minutes_footer
from sromod.models import AgendaItemKind, AgendaItemState
from sromod.services.letters import LetterData, letter_data
from sromod.services.minutes import (
    AgendaEntry,
    MeetingHeader,
    MinutesData,
    ReviewLine,
    minutes_data,
)
from sromod.services.minutes_attendance import (
    ABSENT,
    ADMINISTRATION,
    ADVISORY,
    EXCUSED,
    GUESTS,
    VOTING,
    AttendanceGroup,
)
from sromod.services.wording import (
    attendee_name,
    german_date,
    german_time,
    meeting_title,
    reviews_shown_sentence,
    top_label,
    votes_in_words,
)
from sromod.store import Store

log = logging.getLogger(__name__)

GROUP_TITLES = {
    VOTING: "Stimmberechtigte Mitglieder",
    ADVISORY: "Beratende Mitglieder",
    ADMINISTRATION: "Verwaltung",
    GUESTS: "Gäste",
    EXCUSED: "Entschuldigt",
    ABSENT: "Abwesend",
}
# Column widths in cm; the text area of the template is 16.5 cm wide.
HEADER_WIDTHS = (3.2, 13.3)
ATTENDANCE_WIDTHS = (4.6, 4.3, 3.6, 4.0)
ATTENDANCE_WIDTHS_NO_CONTACT = (6.3, 5.7, 4.5)
AGENDA_WIDTHS = (1.6, 10.9, 4.0)
TASK_WIDTHS = (2.3, 8.2, 3.9, 2.1)
REVIEW_WIDTHS = (2.3, 4.9, 1.7, 2.1, 2.9, 2.6)
STATE_LINES = {
    AgendaItemState.POSTPONED: "Vertagt auf die nächste Sitzung.",
    AgendaItemState.NOT_TREATED: "Nicht behandelt.",
}


def export_minutes(
    store: Store, meeting_id: str, out_path: Path | str, *, office_id: str | None = None
) -> Path:
    """Write the minutes of a meeting, or with office_id the excerpt for that office."""
    data = minutes_data(store, meeting_id, office_id=office_id)
    refuse_if_cancelled(data.header)
    letters = letter_data(store, meeting_id)
    return atomic_write(
        Path(out_path),
        lambda temp: write_minutes(data, temp, letters=letters),
        store_path=store.path,
    )


def document_title(data: MinutesData) -> str:
    h = data.header
    kind = "Protokollauszug" if data.office_id else "Ergebnisprotokoll"
    return f"{kind} {h.number}. Sitzung {h.body_short_name or h.body_name} vom {german_date(h.meeting_date)}"


def write_minutes(
    data: MinutesData, target: Path, *, letters: LetterData | None = None, today: date | None = None
) -> None:
    """Build the document from gathered data and save it to target (no store needed)."""
    header = data.header
    doc = new_document(
        header, document_title(data), draft=not header.released, author=header.minute_taker
    )
    w = DocWriter(doc)
    if data.office_id:
        w.para(
            f"Protokollauszug aus der {meeting_title(header.number, header.body_label)}", "Title"
        )
        w.para(f"für: {data.office_name}", "Subtitle")
    else:
        w.para(f"Ergebnisprotokoll der {meeting_title(header.number, header.body_label)}", "Title")
    _header_table(w, header)
    if data.office_id:
        note = w.para(
            "Dieser Auszug enthält nur die Tagesordnungspunkte, Beschlüsse und Aufgaben, "
            f"die folgende Stelle betreffen: {data.office_name}."
        )
        note.paragraph_format.space_before = Pt(8)
    else:
        _attendance(w, data.attendance)
        _quorum(w, data)
        _agenda_overview(w, data)
    # "Nächster Termin" once: under the agenda's own TOP for it where there is one
    next_top = next((e for e in data.agenda if e.kind is AgendaItemKind.NEXT_DATE), None)
    for entry in data.agenda:
        _top(w, entry)
        if entry is next_top:
            _next_meeting_text(w, header)
    if next_top is None:
        w.para("Nächster Termin", "Heading 1")
        _next_meeting_text(w, header)
    minutes_footer(w, data, letters or LetterData(None, None, (), (), None), today or date.today())
    doc.save(str(target))


def _header_table(w: DocWriter, h: MeetingHeader) -> None:
    rows = [
        ("Gremium", h.body_name),
        ("Datum", de_long_date(h.meeting_date)),
        ("Ort", h.place or ""),
        ("Beginn–Ende", time_span(h)),
        ("Moderation", h.moderator or ""),
        ("Protokoll", h.minute_taker or ""),
    ]
    w.table(None, HEADER_WIDTHS, rows, bold_first_column=True)


def _attendance(w: DocWriter, groups: tuple[AttendanceGroup, ...]) -> None:
    w.para("Teilnehmende", "Heading 1")
    if not groups:
        w.para("Die Anwesenheit wurde nicht erfasst.")
    for group in groups:
        w.para(f"{GROUP_TITLES[group.kind]} ({len(group.attendees)})", "Kennzeichnung")
        # The contact column only where someone consented; without it the others get the room.
        with_contact = any(a.contact for a in group.attendees)
        rows = [
            (attendee_name(a.name, a.stand_in, a.minute_taker), a.office, a.function, a.contact)
            for a in group.attendees
        ]
        headers = ("Name", "Amt / Organisation", "Funktion", "Kontakt")
        if with_contact:
            w.table(headers, ATTENDANCE_WIDTHS, rows)
        else:
            w.table(headers[:3], ATTENDANCE_WIDTHS_NO_CONTACT, (r[:3] for r in rows))


def _quorum(w: DocWriter, data: MinutesData) -> None:
    if data.quorum is not None:
        for sentence in data.quorum.sentences():
            w.para(sentence).paragraph_format.space_before = Pt(6)


def _agenda_overview(w: DocWriter, data: MinutesData) -> None:
    w.para("Tagesordnung", "Heading 1")
    rows = ((top_label(e.number), e.title, e.presenter) for e in data.agenda)
    w.table(("TOP", "Thema", "Berichterstattung"), AGENDA_WIDTHS, rows)


def _top(w: DocWriter, entry: AgendaEntry) -> None:
    w.para(top_label(entry.number, entry.title), "Heading 1" if entry.depth == 0 else "Heading 2")
    if entry.presenter:
        w.para(entry.presenter, bold_prefix="Berichterstattung: ")
    # the "Nächster Termin" TOP states the next date instead, whatever became of it
    if entry.state in STATE_LINES and entry.kind is not AgendaItemKind.NEXT_DATE:
        w.para(STATE_LINES[entry.state])
    result = entry.result
    if entry.reviewed_in_all:
        result = reviews_shown_sentence(entry.reviewed_in_all, len(entry.reviews))
    if result:
        w.para("Ergebnis", "Kennzeichnung")
        w.text_block(result)
    if entry.decisions:
        w.para("Beschlüsse" if len(entry.decisions) > 1 else "Beschluss", "Kennzeichnung")
        for d in entry.decisions:
            w.para(d.text, bold_prefix=f"{d.register_number} ({d.kind_label}): ")
            if d.votes is not None:
                w.para(f"Abstimmung: {votes_in_words(*d.votes)}.")
            if d.votes_override_reason:
                w.para(d.votes_override_reason, bold_prefix="Hinweis zur Abstimmung: ")
    if entry.tasks:
        w.para("Aufgaben", "Kennzeichnung")
        rows = ((t.register_number, t.title, t.who, german_date(t.due_date)) for t in entry.tasks)
        w.table(("Nr.", "Was", "Wer", "Bis wann"), TASK_WIDTHS, rows)
    if entry.reviews:
        w.para("Stand der Aufgaben (Wiedervorlage)", "Kennzeichnung")
        w.table(
            ("Nr.", "Aufgabe", "Amt", "Fällig", "Status", "Bemerkung"),
            REVIEW_WIDTHS,
            (_review_row(r) for r in entry.reviews),
        )


def _review_row(r: ReviewLine) -> tuple[str, ...]:
    if r.status_after is None:
        status = f"{r.status_before.label} (nicht besprochen)"
    elif r.status_after == r.status_before:
        status = f"{r.status_before.label} (unverändert)"
    else:
        status = f"{r.status_before.label} → {r.status_after.label}"
    office = r.task.office_code or r.task.office_name
    return (
        r.task.register_number,
        r.task.title,
        office,
        german_date(r.task.due_date),
        status,
        r.note,
    )


def _next_meeting_text(w: DocWriter, h: MeetingHeader) -> None:
    if h.next_date is None:
        w.para("Der nächste Termin wird noch bekannt gegeben.")
    else:
        at = f" um {german_time(h.next_start)} Uhr" if h.next_start else ""
        where = f" ({h.next_place})" if h.next_place else ""
        w.para(f"Die nächste Sitzung findet am {de_long_date(h.next_date)}{at}{where} statt.")
    if h.next_note:
        w.text_block(h.next_note)
