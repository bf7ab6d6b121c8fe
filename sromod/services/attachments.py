"""Anlagen: files a moderator attaches to a meeting or a TOP, copied into the store.

Copied, not linked: the minutes stay complete when the original on the share moves or is
deleted, and a backup of the store holds them too. Limits: 20 MB per file and 50 MB per meeting.
The per-file limit is what mail systems of the administration commonly accept as an attachment
(the minutes go out by mail with their Anlagen); the meeting total keeps the store, its backups
and the undo history (which holds the rows of a deleted meeting, bytes included) small enough
for a laptop.

Numbering ("Anlage 1: …") follows the agenda: first the meeting's own attachments, then those of
each TOP in agenda order (a TOP before its sub-items), each group in the order they were added.
"""

from __future__ import annotations

import logging
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sromod.models import AgendaItem, Attachment
from sromod.services.common import editable_meeting, get_or_fail
from sromod.services.errors import ServiceError
from sromod.services.uow import unit_of_work
from sromod.services.wording import top_number
from sromod.store import Store

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_MEETING_BYTES = 50 * 1024 * 1024
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    number: int  # "Anlage 1"
    title: str
    file_name: str
    media_type: str
    size: int
    agenda_item_id: str | None
    top_number: str | None  # "4" or "6.1"; None for the meeting's own attachments

    @property
    def safe_file_name(self) -> str:
        """The file's name with what file systems refuse replaced ("Datei" when nothing is left)."""
        return _NOT_IN_FILE_NAMES.sub("-", self.file_name).strip(" .") or "Datei"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def add_attachment(
    store: Store,
    meeting_id: str,
    path: Path | str,
    *,
    agenda_item_id: str | None = None,
    title: str | None = None,
) -> str:
    """Copy the file into the store as an attachment of the meeting (or of one of its TOPs)."""
    path = Path(path)
    content = _read(path)
    with unit_of_work(store) as session:
        meeting = editable_meeting(session, meeting_id)
        if agenda_item_id is not None:
            item = get_or_fail(session, AgendaItem, agenda_item_id)
            if item.meeting_id != meeting.id:
                raise ServiceError("Der TOP gehört nicht zu dieser Sitzung.")
        used: int = (
            session.scalar(
                select(func.coalesce(func.sum(Attachment.size), 0)).where(
                    Attachment.meeting_id == meeting.id
                )
            )
            or 0
        )
        if used + len(content) > MAX_MEETING_BYTES:
            raise ServiceError(
                f"Die Anlagen einer Sitzung dürfen zusammen höchstens "
                f"{_megabytes(MAX_MEETING_BYTES)} groß sein; mit „{path.name}“ wären es "
                f"{_megabytes(used + len(content))}."
            )
        attachment = Attachment(
            meeting_id=meeting.id,
            agenda_item_id=agenda_item_id,
            position=_next_position(session, meeting.id, agenda_item_id),
            title=(title or path.stem).strip()[:300] or path.name,
            file_name=path.name[:255],
            media_type=mimetypes.guess_type(path.name)[0] or "application/octet-stream",
            size=len(content),
            content=content,
        )
        session.add(attachment)
        session.flush()
        log.info("Anlage %s (%d Bytes) zur Sitzung %s", path.name, len(content), meeting.id)
        return attachment.id


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ServiceError(
                f"„{path.name}“ ist {_megabytes(size)} groß; eine Anlage darf höchstens "
                f"{_megabytes(MAX_FILE_BYTES)} groß sein."
            )
        content = path.read_bytes()
    except FileNotFoundError as exc:
        raise ServiceError(f"Die Datei „{path}“ gibt es nicht.") from exc
    except IsADirectoryError as exc:
        raise ServiceError(f"„{path.name}“ ist ein Ordner, keine Datei.") from exc
    except OSError as exc:
        raise ServiceError(
            f"Die Datei „{path.name}“ kann nicht gelesen werden (ist sie noch in einem anderen "
            "Programm geöffnet?)."
        ) from exc
    if not content:
        raise ServiceError(f"Die Datei „{path.name}“ ist leer.")
    return content


def _next_position(session: Session, meeting_id: str, agenda_item_id: str | None) -> int:
    query = select(func.max(Attachment.position)).where(Attachment.meeting_id == meeting_id)
    if agenda_item_id is None:
        query = query.where(Attachment.agenda_item_id.is_(None))
    else:
        query = query.where(Attachment.agenda_item_id == agenda_item_id)
    return int(session.scalar(query) or 0) + 1


def remove_attachment(store: Store, attachment_id: str) -> None:
    with unit_of_work(store) as session:
        attachment = get_or_fail(session, Attachment, attachment_id)
        editable_meeting(session, attachment.meeting_id)
        session.delete(attachment)


def list_attachments(store: Store, meeting_id: str) -> list[AttachmentInfo]:
    """The meeting's attachments, numbered in agenda order (the bytes stay in the store)."""
    with store.session() as session:
        tops = _top_numbers(session, meeting_id)
        rows = list(session.execute(
            select(
                Attachment.id, Attachment.title, Attachment.file_name, Attachment.media_type,
                Attachment.size, Attachment.agenda_item_id, Attachment.position,
            ).where(Attachment.meeting_id == meeting_id)
        ))  # fmt: skip
    order = {item_id: index for index, item_id in enumerate(tops)}
    rows.sort(key=lambda r: (-1 if r[5] is None else order.get(r[5], len(order)), r[6]))
    return [
        AttachmentInfo(r[0], n, r[1], r[2], r[3], r[4], r[5], tops.get(r[5]) if r[5] else None)
        for n, r in enumerate(rows, start=1)
    ]


def _top_numbers(session: Session, meeting_id: str) -> dict[str, str]:
    """TOP numbers ("4", "6.1") by agenda item id, in agenda order."""
    items = session.execute(
        select(AgendaItem.id, AgendaItem.parent_id, AgendaItem.position).where(
            AgendaItem.meeting_id == meeting_id
        )
    ).all()
    children: dict[str | None, list[tuple[int, str]]] = {}
    for item_id, parent_id, position in items:
        children.setdefault(parent_id, []).append((position, item_id))
    numbers: dict[str, str] = {}
    for position, item_id in sorted(children.get(None, [])):
        numbers[item_id] = top_number(position)
        for sub_position, sub_id in sorted(children.get(item_id, [])):
            numbers[sub_id] = top_number(sub_position, position)
    return numbers


def attachment_content(store: Store, attachment_id: str) -> bytes:
    with store.session() as session:
        content = session.scalar(select(Attachment.content).where(Attachment.id == attachment_id))
    if content is None:
        raise ServiceError("Die Anlage wurde nicht gefunden (vielleicht inzwischen entfernt).")
    return bytes(content)
