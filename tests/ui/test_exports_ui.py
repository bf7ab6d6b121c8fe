"""Export actions of the window: file name, worker thread, locked targets, cancelling."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from sromod.exports import api
from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.models import MeetingState
from sromod.services import meetings
from sromod.services.task_query import TaskFilter
from sromod.store import Store
from sromod.ui import exports_ui
from sromod.ui.context import AppContext
from tests.services.register_data import Register, build_register
from tests.store.files import store_file


@pytest.fixture
def reg(store: Store) -> Register:
    return build_register(store)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, list[object]]:
    seen: dict[str, list[object]] = {"suggested": [], "opened": []}

    def save_path(_parent: object, _title: str, suggested: str, _filter: str) -> str:
        seen["suggested"].append(suggested)
        return str(tmp_path / suggested)

    monkeypatch.setattr(exports_ui, "ask_save_path", save_path)
    monkeypatch.setattr(exports_ui, "offer_to_open", lambda _p, path: seen["opened"].append(path))
    return seen


def _context(store: Store) -> tuple[AppContext, list[str], list[str]]:
    context = AppContext(store)
    errors: list[str] = []
    messages: list[str] = []
    context.error.connect(errors.append)
    context.message.connect(messages.append)
    return context, errors, messages


def test_task_list_for_an_office(store: Store, reg: Register, qtbot: QtBot,
                                 dialogs: dict[str, list[object]]) -> None:  # fmt: skip
    context, errors, _messages = _context(store)
    path = exports_ui.export_task_list(
        None, context, TaskFilter(office_id=reg.offices["Jug"]), "wie gefiltert"
    )
    assert not errors
    assert path is not None and path.name.endswith("Aufgabenliste Jug.xlsx")
    assert dialogs["opened"] == [path]
    ws = openpyxl.load_workbook(path, read_only=True)["Aufgaben"]
    rows = list(ws.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert rows[0][:3] == ("Nr.", "Aufgabe", "Amt")
    assert {r[2] for r in rows[1:]} == {"Jug"} and len(rows) == 5


def test_minutes_and_excerpt(store: Store, reg: Register, qtbot: QtBot,
                             dialogs: dict[str, list[object]],
                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    context, errors, _messages = _context(store)
    path = exports_ui.export_meeting_document(None, context, reg.meeting_id, "minutes")
    assert not errors, errors
    assert path is not None and path.name == "2026-09-23 Protokoll AG SRO 1.docx"
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Ergebnisprotokoll" in text
    asked: list[list[tuple[str, str]]] = []

    def choose_jug(_parent: object, offices: list[tuple[str, str]]) -> str:
        asked.append(offices)
        return reg.offices["Jug"]

    monkeypatch.setattr(exports_ui, "ask_office", choose_jug)
    excerpt = exports_ui.export_meeting_document(None, context, reg.meeting_id, "excerpt")
    assert not errors, errors
    assert excerpt is not None and excerpt.name.endswith("Protokollauszug AG SRO 1 Jug.docx")
    assert any(label.startswith("Jug") for _id, label in asked[0])
    ics = exports_ui.export_meeting_document(None, context, reg.meeting_id, "ics")
    assert ics is not None and ics.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_locked_target_gives_a_german_message(store: Store, reg: Register, qtbot: QtBot,
                                              dialogs: dict[str, list[object]],
                                              tmp_path: Path) -> None:  # fmt: skip
    context, errors, _messages = _context(store)
    name = api.suggested_file_name("tasks")
    (tmp_path / name).write_bytes(b"old")
    (tmp_path / f"~${name}").write_bytes(b"")  # Excel has the file open
    assert exports_ui.export_task_list(None, context, TaskFilter(), "alle") is None
    assert len(errors) == 1 and "noch in Word, Excel oder LibreOffice geöffnet" in errors[0]
    assert (tmp_path / name).read_bytes() == b"old"
    assert dialogs["opened"] == []


def test_cancel_writes_nothing(store: Store, reg: Register, qtbot: QtBot, tmp_path: Path) -> None:
    context, errors, messages = _context(store)
    target = tmp_path / "abgebrochen.xlsx"
    job = exports_ui.ExportJob(api.export_tasks, {"store": store, "out_path": target}, True)
    job.cancel_requested.set()  # as the progress dialog's button does
    exports_ui.run_export(None, "Aufgabenliste", job, cancellable=True)
    assert job.cancelled and job.error is None
    assert exports_ui._finish(None, context, job, target) is None
    assert not target.exists() and not errors
    assert "abgebrochen" in messages[-1]


@pytest.mark.parametrize("kind", [*exports_ui.MEETING_KINDS, "tasks"])
def test_save_dialog_refuses_the_store_its_side_files_and_backups(
    store: Store, reg: Register, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    from sromod.store.backup import backup_dir_for

    context, errors, _messages = _context(store)
    monkeypatch.setattr(exports_ui, "ask_office", lambda *_a: reg.offices["Jug"])
    monkeypatch.setattr(exports_ui, "ask_reason", lambda _p: "")
    if kind == "absage":  # written for a cancelled meeting only
        meetings.set_meeting_state(store, reg.meeting_id, MeetingState.CANCELLED)
    opened: list[Path] = []
    monkeypatch.setattr(exports_ui, "offer_to_open", lambda _p, path: opened.append(path))
    backups = backup_dir_for(store_file(store))
    backups.mkdir(exist_ok=True)
    before = store_file(store).read_bytes()
    wal = store_file(store).with_name(store_file(store).name + "-wal")
    for chosen in (store_file(store), wal, store_file(store).with_name(store_file(store).name + ".lock"),
                   backups / "Protokoll.docx"):  # fmt: skip
        monkeypatch.setattr(exports_ui, "ask_save_path", lambda *_a, c=chosen: str(c))
        if kind == "tasks":
            assert exports_ui.export_task_list(None, context, TaskFilter(), "alle") is None
        else:
            assert exports_ui.export_meeting_document(None, context, reg.meeting_id, kind) is None
        assert errors[-1] == (
            f"Die Datei „{chosen}“ ist die Datenbank von sromod oder gehört zu ihr (Sicherung, "
            "Sperr- oder Protokolldatei) und wird nicht überschrieben; wählen Sie einen anderen "
            "Dateinamen."
        )
    assert len(errors) == 4 and opened == []
    assert store_file(store).read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
    assert list(backups.iterdir()) == []
    assert store_file(store).with_name(store_file(store).name + ".lock").read_bytes()[:2] != b"PK"
