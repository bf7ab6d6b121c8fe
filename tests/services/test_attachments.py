"""Anlagen: copied into the store, numbered in agenda order, limited, written beside the minutes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from sromod.exports import api
from sromod.exports.attachments import attachments_folder
from sromod.models import MeetingState
from sromod.services import agenda, attachments, directory, meetings, privacy
from sromod.services.errors import ServiceError
from sromod.services.uow import record, redo, undo
from sromod.services.wording import attachment_label
from sromod.store import Store
from sromod.store.consistency import dangling_references
from tests.services.helpers import make_body, plan


@pytest.fixture
def meeting_id(store: Store) -> str:
    return plan(store, make_body(store))


def _file(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def _count(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM attachments")).scalar_one())


def test_numbered_in_agenda_order_and_kept_when_the_original_goes(
    store: Store, meeting_id: str, tmp_path: Path
) -> None:
    top_a = agenda.add_agenda_item(store, meeting_id, "Bezirksregionenprofil")
    top_b = agenda.add_agenda_item(store, meeting_id, "Kiezkasse")
    sub = agenda.add_agenda_item(store, meeting_id, "Aussprache", parent_id=top_a)
    numbers = {i.id: i.number for i in agenda.list_agenda(store, meeting_id)}
    kiez = _file(tmp_path, "Kiezkasse Liste.xlsx", b"kiez")
    attachments.add_attachment(store, meeting_id, kiez, agenda_item_id=top_b)
    attachments.add_attachment(store, meeting_id, _file(tmp_path, "Folien.pdf", b"f"),
                               agenda_item_id=sub, title="Präsentation")  # fmt: skip
    attachments.add_attachment(store, meeting_id, _file(tmp_path, "Profil.pdf", b"p"),
                               agenda_item_id=top_a)  # fmt: skip
    attachments.add_attachment(store, meeting_id, _file(tmp_path, "Gesamt.docx", b"g"))
    kiez.unlink()  # the original moves away: the copy in the store stays
    listed = attachments.list_attachments(store, meeting_id)
    assert [attachment_label(a.number, a.title, a.top_number) for a in listed] == [
        "Anlage 1: Gesamt",
        f"Anlage 2: Profil (zu TOP {numbers[top_a]})",
        f"Anlage 3: Präsentation (zu TOP {numbers[sub]})",
        f"Anlage 4: Kiezkasse Liste (zu TOP {numbers[top_b]})",
    ]
    found = attachments.list_attachments(store, meeting_id)
    assert found[3].media_type.endswith("spreadsheetml.sheet") and found[3].size == 4
    assert attachments.attachment_content(store, found[3].id) == b"kiez"


def test_too_big_files_are_refused_and_nothing_is_stored(
    store: Store, meeting_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments, "MAX_FILE_BYTES", 3 * 1024 * 1024)
    monkeypatch.setattr(attachments, "MAX_MEETING_BYTES", 5 * 1024 * 1024)
    big = _file(tmp_path, "Riesig.pptx", b"x" * (3 * 1024 * 1024 + 1))
    with pytest.raises(ServiceError, match=r"„Riesig.pptx“ ist 3,0 MB groß; eine Anlage darf "
                       r"höchstens 3,0 MB groß sein\."):  # fmt: skip
        attachments.add_attachment(store, meeting_id, big)
    half = _file(tmp_path, "Teil.pdf", b"x" * (2 * 1024 * 1024))
    attachments.add_attachment(store, meeting_id, half)
    attachments.add_attachment(store, meeting_id, half)
    with pytest.raises(ServiceError, match="zusammen höchstens 5,0 MB"):
        attachments.add_attachment(store, meeting_id, half)
    assert _count(store) == 2
    with pytest.raises(ServiceError, match="gibt es nicht"):
        attachments.add_attachment(store, meeting_id, tmp_path / "fehlt.pdf")
    with pytest.raises(ServiceError, match="ist leer"):
        attachments.add_attachment(store, meeting_id, _file(tmp_path, "leer.txt", b""))


def test_deleting_the_meeting_deletes_its_attachments_and_undo_brings_the_bytes_back(
    store: Store, meeting_id: str, tmp_path: Path
) -> None:
    top = agenda.add_agenda_item(store, meeting_id, "Bericht")
    content = bytes(range(256)) * 1000
    attachments.add_attachment(store, meeting_id, _file(tmp_path, "a.bin", content),
                               agenda_item_id=top)  # fmt: skip
    attachments.add_attachment(store, meeting_id, _file(tmp_path, "b.bin", b"b"))
    _none, changes = record(store, meetings.delete_meeting, meeting_id)
    assert _count(store) == 0
    undo(store, changes)
    found = attachments.list_attachments(store, meeting_id)
    assert [a.file_name for a in found] == ["b.bin", "a.bin"]
    assert attachments.attachment_content(store, found[1].id) == content  # to the byte
    redo(store, changes)
    assert _count(store) == 0


def test_deleting_a_top_removes_its_attachments_only(
    store: Store, meeting_id: str, tmp_path: Path
) -> None:
    top = agenda.add_agenda_item(store, meeting_id, "Bericht")
    attachments.add_attachment(store, meeting_id, _file(tmp_path, "zu.pdf", b"t"),
                               agenda_item_id=top)  # fmt: skip
    attachments.add_attachment(store, meeting_id, _file(tmp_path, "allg.pdf", b"m"))
    agenda.delete_agenda_item(store, top)
    assert [a.file_name for a in attachments.list_attachments(store, meeting_id)] == ["allg.pdf"]


def test_anonymising_a_person_leaves_nothing_dangling(
    store: Store, meeting_id: str, tmp_path: Path
) -> None:
    attachments.add_attachment(store, meeting_id, _file(tmp_path, "a.pdf", b"a"))
    person = directory.create_person(store, "Erika Gast", external=True)
    privacy.anonymise_person(store, person)
    with store.engine.connect() as conn:
        assert dangling_references(conn) == []
    assert _count(store) == 1


def test_released_minutes_take_no_new_attachments(
    store: Store, meeting_id: str, tmp_path: Path
) -> None:
    for state in (MeetingState.RUNNING, MeetingState.HELD, MeetingState.RELEASED):
        meetings.set_meeting_state(store, meeting_id, state)
    with pytest.raises(ServiceError):
        attachments.add_attachment(store, meeting_id, _file(tmp_path, "a.pdf", b"a"))
    assert _count(store) == 0


def test_minutes_export_writes_the_attachments_into_a_folder_beside_them(
    store: Store, meeting_id: str, tmp_path: Path
) -> None:
    folder = tmp_path / "Ablage mit Ümlaut"
    folder.mkdir()
    attachments.add_attachment(store, meeting_id, _file(tmp_path, "Präsentation.pptx", b"ppt"))
    attachments.add_attachment(store, meeting_id, _file(tmp_path, "Liste: neu?.xlsx", b"xl"))
    minutes = api.export_minutes(store, meeting_id, folder / "2026-11-25 Protokoll AG SRO 1.docx")
    beside = attachments_folder(minutes)
    assert beside.name == "2026-11-25 Protokoll AG SRO 1 – Anlagen"
    assert sorted(p.name for p in beside.iterdir()) == [
        "Anlage 1 – Präsentation.pptx",
        "Anlage 2 – Liste- neu-.xlsx",
    ]
    assert (beside / "Anlage 1 – Präsentation.pptx").read_bytes() == b"ppt"
    plain = api.export_minutes(store, meeting_id, folder / "ohne.docx", attachments=False)
    assert not attachments_folder(plain).exists()
