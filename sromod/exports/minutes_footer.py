"""The Protokollfuß: attachments, Verteiler, date of issue and signatures; for an excerpt the
closing line "Für die Richtigkeit des Auszugs"."""

from __future__ import annotations

from datetime import date

from docx.shared import Cm, Pt

from sromod.exports.docx_common import DocWriter, signature_line
from sromod.exports.letter_parts import attachment_block
from sromod.services.letters import LetterData
from sromod.services.minutes import MeetingHeader, MinutesData
from sromod.services.wording import german_date

SIGNATURE_WIDTHS = (7.5, 1.5, 7.5)


def issue_line(h: MeetingHeader, letters: LetterData, today: date) -> str:
    """The date of issue: the release date, or on a draft the export date marked ENTWURF."""
    if h.released:
        return f"Ausgegeben am {german_date(letters.released_on or today)}"
    return f"ENTWURF, Stand {german_date(today)} – noch nicht freigegeben"


def minutes_footer(w: DocWriter, data: MinutesData, letters: LetterData, today: date) -> None:
    h = data.header
    if data.office_id:
        _excerpt_closing(w, h, letters, today)
        return
    attachment_block(w, letters.attachments)
    w.para("Verteiler", "Kennzeichnung")
    for recipient in (f"Mitglieder der {h.body_short_name or h.body_name}", *letters.distribution):
        w.para(recipient)
    w.para(issue_line(h, letters, today), "Kennzeichnung").paragraph_format.space_before = Pt(12)
    _signatures(w, h)


def _excerpt_closing(w: DocWriter, h: MeetingHeader, letters: LetterData, today: date) -> None:
    signer = h.minute_taker or h.moderator or ""
    on = letters.released_on if h.released and letters.released_on else today
    w.para("Für die Richtigkeit des Auszugs:").paragraph_format.space_before = Pt(18)
    draft = "" if h.released else " (ENTWURF, Protokoll noch nicht freigegeben)"
    w.para(f"Berlin, {german_date(on)}{draft}")
    table = w.table(None, (7.5, 9.0), [("", ""), (signer, "")], borders=False)
    table.rows[0].height = Cm(1.2)
    signature_line(table.rows[1].cells[0])


def _signatures(w: DocWriter, h: MeetingHeader) -> None:
    rows = [
        ("", "", ""),
        (f"Moderation: {h.moderator or ''}", "", f"Protokoll: {h.minute_taker or ''}"),
    ]
    table = w.table(None, SIGNATURE_WIDTHS, rows, borders=False)
    table.rows[0].height = Cm(1.4)
    first, _, last = table.rows[1].cells
    signature_line(first)
    signature_line(last)
