"""The Absage of a cancelled meeting as a short letter (.docx from the same template).

A cancelled meeting gets no minutes: exporting them is refused (`refuse_if_cancelled`), and this
letter tells the invited that the meeting does not take place, why (if given), when the next
one is (if known) and whom to ask.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docx.shared import Pt

from sromod.exports.docx_common import DocWriter, de_long_date, new_document
from sromod.exports.files import ExportError, atomic_write
from sromod.exports.letter_parts import closing, contact_block, letter_date
from sromod.models import MeetingState
from sromod.services.letters import LetterData, letter_data
from sromod.services.minutes import MeetingHeader, meeting_header
from sromod.services.wording import german_date, german_time, meeting_title
from sromod.store import Store

log = logging.getLogger(__name__)

ABSAGE_HEADER_WIDTHS = (4.2, 12.3)


@dataclass(frozen=True)
class AbsageData:
    header: MeetingHeader
    letters: LetterData
    reason: str
    written_on: date


def refuse_if_cancelled(header: MeetingHeader) -> None:
    """Minutes and excerpts of a cancelled meeting are refused with one sentence."""
    if header.state is MeetingState.CANCELLED:
        raise ExportError(
            f"Die {meeting_title(header.number, header.body_label)} wurde abgesagt; dafür gibt es kein Protokoll. "
            "Exportieren Sie stattdessen die Absage."
        )


def export_absage(
    store: Store,
    meeting_id: str,
    out_path: Path | str,
    *,
    reason: str = "",
    today: date | None = None,
) -> Path:
    header = meeting_header(store, meeting_id)
    if header.state is not MeetingState.CANCELLED:
        raise ExportError(
            f"Die {meeting_title(header.number, header.body_label)} ist nicht abgesagt; eine Absage gibt es erst, wenn die "
            "Sitzung abgesagt wurde."
        )
    data = AbsageData(header, letter_data(store, meeting_id), reason.strip(), today or date.today())
    return atomic_write(
        Path(out_path), lambda temp: write_absage(data, temp), store_path=store.path
    )


def _original_date(h: MeetingHeader) -> str:
    at = f", {german_time(h.planned_start)} Uhr" if h.planned_start else ""
    return f"{de_long_date(h.meeting_date)}{at}"


def _next_meeting(h: MeetingHeader) -> str:
    if h.next_date is None:
        return "Ein neuer Termin wird Ihnen rechtzeitig mitgeteilt."
    at = f" um {german_time(h.next_start)} Uhr" if h.next_start else ""
    where = f" (Ort: {h.next_place})" if h.next_place else ""
    return f"Die nächste Sitzung ist für {de_long_date(h.next_date)}{at}{where} vorgesehen."


def write_absage(data: AbsageData, target: Path) -> None:
    h = data.header
    title = f"Absage {h.number}. Sitzung {h.body_short_name} am {german_date(h.meeting_date)}"
    w = DocWriter(new_document(h, title, draft=False, author=h.moderator))
    w.para(f"Absage der {meeting_title(h.number, h.body_label)}", "Title")
    rows = [
        ("Gremium", h.body_name),
        ("Sitzung", f"{h.number}. Sitzung"),
        ("Ursprünglicher Termin", _original_date(h)),
        ("Ort", h.place or ""),
    ]
    w.table(None, ABSAGE_HEADER_WIDTHS, rows, bold_first_column=True)
    letter_date(w, data.written_on)
    w.para("Sehr geehrte Damen und Herren,").paragraph_format.space_before = Pt(12)
    at = f" um {german_time(h.planned_start)} Uhr" if h.planned_start else ""
    w.para(
        f"die {meeting_title(h.number, h.body_label)} am {de_long_date(h.meeting_date)}{at} findet nicht statt. "
        "Bitte entschuldigen Sie die Umstände."
    )
    if data.reason:
        w.para(data.reason, bold_prefix="Grund: ")
    w.para(_next_meeting(h))
    contact_block(w, data.letters.contact)
    closing(w, h)
    w.doc.save(str(target))
