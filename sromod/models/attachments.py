"""Files attached to a meeting or one of its TOPs (Anlagen), kept in the store itself."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from sromod.models.base import Base


class Attachment(Base):
    """A copy of the file, so that the minutes stay complete when the original moves.

    The bytes are loaded only when asked for (lists show name and size); deleting the meeting or
    the TOP deletes its attachments (cascade on their relationships).
    """

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_meeting_position", "meeting_id", "position"),)

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(ForeignKey("agenda_items.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order within the meeting or the TOP
    title: Mapped[str] = mapped_column(String(300))
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
