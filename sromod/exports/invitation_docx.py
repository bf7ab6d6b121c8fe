"""The invitation (Einladung) as .docx: agenda with planned times, place, data-protection notice."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from docx.shared import Pt

from sromod.exports.docx_common import (
    DocWriter,
    de_long_date,
    new_document,
)
from sromod.exports.files import atomic_write
from sromod.exports.letter_parts import attachment_block, closing, contact_block, letter_date
from sromod.services.letters import LetterData, default_reply_by, letter_data
from sromod.services.minutes import (
    MeetingHeader,
    MinutesData,
    minutes_data,
    planned_times,
)
from sromod.services.wording import german_date, german_time, meeting_title, top_label
from sromod.store import Store

log = logging.getLogger(__name__)

INVITATION_HEADER_WIDTHS = (3.2, 13.3)
INVITATION_AGENDA_WIDTHS = (1.6, 1.4, 9.5, 4.0)

PRIVACY_NOTICE = (
    "Für die Einladung, die Anwesenheitsliste und das Ergebnisprotokoll verarbeitet das Bezirksamt "
    "Ihren Namen, Ihre Dienststelle oder Organisation und Ihre Funktion (Art. 6 Abs. 1 Buchst. e "
    "DSGVO). Ihre Kontaktdaten erscheinen im Protokoll nur, wenn Sie dem zugestimmt haben; die "
    "Zustimmung können Sie jederzeit widerrufen. Gäste werden nach Ablauf der Aufbewahrungsfrist "
    "gelöscht."
)


def export_invitation(store: Store, meeting_id: str, out_path: Path | str) -> Path:
    data = minutes_data(store, meeting_id)
    letters = letter_data(store, meeting_id)
    return atomic_write(
        Path(out_path),
        lambda temp: write_invitation(data, temp, letters=letters),
        store_path=store.path,
    )


def _when(h: MeetingHeader) -> str:
    start, end = german_time(h.planned_start), german_time(h.planned_end)
    if start and end:
        return f"{start}–{end} Uhr"
    return f"{start} Uhr" if start else ""


def write_invitation(
    data: MinutesData, target: Path, *, letters: LetterData | None = None, today: date | None = None
) -> None:
    h = data.header
    letters = letters or LetterData(None, default_reply_by(h.meeting_date), (), (), None)
    title = f"Einladung {h.number}. Sitzung {h.body_short_name} am {german_date(h.meeting_date)}"
    w = DocWriter(new_document(h, title, draft=False, author=h.moderator))
    w.para(f"Einladung zur {meeting_title(h.number, h.body_label)}", "Title")
    rows = [
        ("Gremium", h.body_name),
        ("Datum", de_long_date(h.meeting_date)),
        ("Zeit", _when(h)),
        ("Ort", h.place or "wird noch bekannt gegeben"),
        ("Moderation", h.moderator or ""),
        ("Rückmeldung bis", de_long_date(letters.reply_by) if letters.reply_by else ""),
    ]
    w.table(None, INVITATION_HEADER_WIDTHS, rows, bold_first_column=True)
    at = f" um {german_time(h.planned_start)} Uhr" if h.planned_start else ""
    # The place is free text ("Rathaus, Raum 120", "Familienzentrum"): named, not declined.
    where = f" (Ort: {h.place})" if h.place else ""
    letter_date(w, today or date.today())
    greeting = w.para("Sehr geehrte Damen und Herren,")
    greeting.paragraph_format.space_before = Pt(12)
    w.para(
        f"hiermit lade ich Sie herzlich zur {meeting_title(h.number, h.body_label)} am "
        f"{de_long_date(h.meeting_date)}{at}{where} ein. Bitte teilen Sie {_until(letters)}mit, "
        "ob Sie teilnehmen oder wer Sie vertritt."
    )
    _agenda(w, data)
    attachment_block(w, letters.attachments)
    contact_block(w, letters.contact)
    w.para("Hinweis zum Datenschutz", "Kennzeichnung").paragraph_format.space_before = Pt(14)
    w.para(PRIVACY_NOTICE)
    closing(w, h)
    w.doc.save(str(target))


def _until(letters: LetterData) -> str:
    return f"bis {de_long_date(letters.reply_by)} " if letters.reply_by else ""


def _agenda(w: DocWriter, data: MinutesData) -> None:
    w.para("Tagesordnung", "Heading 1")
    times = planned_times(data)
    w.table(
        ("TOP", "Zeit", "Thema", "Berichterstattung"),
        INVITATION_AGENDA_WIDTHS,
        (
            (
                top_label(e.number),
                german_time(times.get(e.item_id)),
                f"{e.title}\n{e.description}" if e.description else e.title,
                e.presenter,
            )
            for e in data.agenda
        ),
    )
