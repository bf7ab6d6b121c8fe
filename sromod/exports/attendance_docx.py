"""The attendance list to sign (Anwesenheitsliste) as .docx: members, expected guests, blank lines."""

from __future__ import annotations

import logging
from pathlib import Path

from docx.shared import Pt

from sromod.exports.docx_common import DocWriter, de_long_date, new_document
from sromod.exports.files import atomic_write
from sromod.exports.invitation_docx import PRIVACY_NOTICE
from sromod.services.minutes import MinutesData, minutes_data
from sromod.services.minutes_attendance import Attendee
from sromod.services.wording import german_date, meeting_title
from sromod.store import Store

log = logging.getLogger(__name__)

SIGN_WIDTHS = (0.9, 3.9, 4.0, 3.7, 4.0)
GUEST_LINES = 8


def export_attendance_list(
    store: Store, meeting_id: str, out_path: Path | str, *, guest_lines: int = GUEST_LINES
) -> Path:
    data = minutes_data(store, meeting_id)
    return atomic_write(
        Path(out_path),
        lambda temp: write_attendance_list(data, temp, guest_lines=guest_lines),
        store_path=store.path,
    )


def _sign_in_people(data: MinutesData) -> list[Attendee]:
    """The members, then anyone already expected who is not a member (invited guests)."""
    people = list(data.members)
    known = {p.name.casefold() for p in people}
    for group in data.attendance:
        for person in group.attendees:
            if person.name and person.name.casefold() not in known:
                known.add(person.name.casefold())
                people.append(person)
    return people


def write_attendance_list(
    data: MinutesData, target: Path, *, guest_lines: int = GUEST_LINES
) -> None:
    h = data.header
    title = f"Anwesenheitsliste {h.number}. Sitzung {h.body_short_name} am {german_date(h.meeting_date)}"
    w = DocWriter(new_document(h, title, draft=False, author=h.moderator))
    w.para("Anwesenheitsliste", "Title")
    where = f", {h.place}" if h.place else ""
    w.para(
        f"{meeting_title(h.number, h.body_label)} am {de_long_date(h.meeting_date)}{where}",
        "Subtitle",
    )
    people = _sign_in_people(data)
    rows = [(str(n), p.name, p.office, p.function, "") for n, p in enumerate(people, start=1)] + [
        (str(n), "", "", "", "") for n in range(len(people) + 1, len(people) + guest_lines + 1)
    ]
    w.table(
        ("Nr.", "Name", "Amt / Organisation", "Funktion", "Unterschrift"),
        SIGN_WIDTHS,
        rows,
        min_row_height_cm=0.9,  # room for a signature
    )
    note = w.para(
        "Mit Ihrer Unterschrift bestätigen Sie Ihre Teilnahme. Die Liste dient allein der "
        "Dokumentation der Sitzung. " + PRIVACY_NOTICE
    )
    note.paragraph_format.space_before = Pt(10)
    w.doc.save(str(target))
