"""A document's Anlagen written beside it: "2026-11-25 Protokoll AG SRO 12 – Anlagen/"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sromod.exports.files import ExportError, atomic_write
from sromod.services.attachments import AttachmentInfo, attachment_content, list_attachments
from sromod.store import Store


def attachments_folder(document: Path) -> Path:
    """Where a document's attachments go: "… Protokoll AG SRO 12 – Anlagen" beside it."""
    return document.with_name(f"{document.stem} – Anlagen")


def write_attachments(store: Store, meeting_id: str, document: Path | str) -> list[Path]:
    """Write the meeting's attachments into the folder beside the document; returns the files.

    A folder rather than a .zip: recipients open the files directly, and mail filters of the
    administration often hold back .zip attachments. Files already there are replaced.
    """
    found = list_attachments(store, meeting_id)
    if not found:
        return []
    folder = attachments_folder(Path(document))
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise ExportError(f"Der Ordner „{folder}“ kann nicht angelegt werden.") from exc
    return [
        atomic_write(folder / export_name(info), _writer(attachment_content(store, info.id)))
        for info in found
    ]


def export_name(info: AttachmentInfo) -> str:
    """The file name beside the minutes: "Anlage 2 – profil.pdf"."""
    return f"Anlage {info.number} – {info.safe_file_name}"


def _writer(content: bytes) -> Callable[[Path], None]:
    def write(temp: Path) -> None:
        temp.write_bytes(content)

    return write
