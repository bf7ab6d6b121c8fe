"""Bad files: each gives its clear German message, and the file is left byte for byte unchanged."""

from __future__ import annotations

import getpass
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from sromod.models import Region
from sromod.store import (
    DamagedDatabase,
    EmptyFile,
    NotASromodDatabase,
    ReadOnlyStore,
    StoreError,
    StoreLocked,
    open_store,
)
from sromod.store.check import check_store
from tests.store.files import chmod_or_pretend, fingerprint, make_closed_store

PAGE = 4096


def damaged(path: Path) -> str:
    return (
        f"Die Datenbank „{path}“ ist beschädigt (unvollständig oder fehlerhaft) und kann nicht "
        "geöffnet werden. Stellen Sie eine Sicherung wieder her."
    )


def read_only(path: Path) -> str:
    return (
        f"Die Datenbank „{path}“ oder ihr Ordner ist schreibgeschützt. sromod braucht "
        "Schreibrechte, damit keine Eingabe verloren geht."
    )


def assert_refused(path: Path, error: type[StoreError], message: str) -> None:
    """open_store refuses with exactly this message, check_store agrees, no byte changes."""
    before = fingerprint(path)
    with pytest.raises(error) as caught:
        open_store(path)
    assert caught.value.message == message
    assert fingerprint(path) == before
    report = check_store(path)
    assert not report.ok
    assert report.findings == [message]
    assert fingerprint(path) == before
    assert not path.with_name(path.name + ".backups").exists()


@pytest.fixture
def closed_store(store_path: Path) -> Path:
    return make_closed_store(store_path)


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notizen.db"
    path.write_text("Protokoll der AG SRO\nTOP 1: Begrüßung\n", encoding="utf-8")
    assert_refused(
        path,
        NotASromodDatabase,
        f"Die Datei „{path}“ ist keine sromod-Datenbank (keine SQLite-Datei).",
    )


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "leer.db"
    path.touch()
    assert_refused(
        path, EmptyFile, f"Die Datei „{path}“ ist leer (0 Byte) und keine sromod-Datenbank."
    )


def test_database_truncated_in_the_middle_of_a_page(closed_store: Path) -> None:
    data = closed_store.read_bytes()
    closed_store.write_bytes(data[: len(data) // 2 + 1000])
    assert_refused(closed_store, DamagedDatabase, damaged(closed_store))


def test_database_truncated_at_a_page_boundary(closed_store: Path) -> None:
    data = closed_store.read_bytes()
    pages = len(data) // PAGE
    closed_store.write_bytes(data[: (pages // 2) * PAGE])
    assert_refused(closed_store, DamagedDatabase, damaged(closed_store))


def test_database_with_only_its_header(closed_store: Path) -> None:
    closed_store.write_bytes(closed_store.read_bytes()[:60])
    assert_refused(closed_store, DamagedDatabase, damaged(closed_store))


def _corrupt_page_holding(path: Path, needle: bytes) -> None:
    """Overwrite the cell pointers of the page that stores needle, as a failing disk might."""
    data = bytearray(path.read_bytes())
    page_start = data.index(needle) // PAGE * PAGE
    data[page_start + 8 : page_start + 400] = b"\xa5" * 392
    path.write_bytes(bytes(data))


def test_corrupted_database_is_reported_by_the_check(closed_store: Path) -> None:
    _corrupt_page_holding(closed_store, b"Alt-Treptow")
    before = fingerprint(closed_store)
    # The damage lies in the regions' pages: the store opens, reading them gives the message.
    with open_store(closed_store) as opened:
        with pytest.raises(DamagedDatabase) as caught, opened.session() as session:
            session.query(Region).all()
        assert caught.value.message == damaged(closed_store)
    report = check_store(closed_store)
    assert not report.ok
    assert report.findings[0].startswith("Die Integritätsprüfung von SQLite meldet ")
    assert report.findings[0].endswith("). Stellen Sie eine Sicherung wieder her.")
    assert fingerprint(closed_store) == before


def test_another_programs_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "adressen.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kontakte (name TEXT, telefon TEXT)")
    conn.execute("INSERT INTO kontakte VALUES ('Max Muster', '030 123')")
    conn.commit()
    conn.close()
    assert_refused(
        path,
        NotASromodDatabase,
        f"Die Datei „{path}“ ist eine SQLite-Datenbank eines anderen Programms, "
        "keine sromod-Datenbank.",
    )


@pytest.fixture
def restore_modes(tmp_path: Path) -> Iterator[list[Path]]:
    touched: list[Path] = []
    yield touched
    for path in touched:
        os.chmod(path, 0o700 if path.is_dir() else 0o600)


def test_read_only_file(
    closed_store: Path, monkeypatch: pytest.MonkeyPatch, restore_modes: list[Path]
) -> None:
    restore_modes.append(closed_store)
    chmod_or_pretend(monkeypatch, closed_store, 0o444)
    before = fingerprint(closed_store)
    with pytest.raises(ReadOnlyStore) as caught:
        open_store(closed_store)
    assert caught.value.message == read_only(closed_store)
    assert fingerprint(closed_store) == before
    # A read-only store can still be checked: sound, with the reason it cannot be opened.
    report = check_store(closed_store)
    assert report.ok
    assert report.notes == [read_only(closed_store)]
    assert fingerprint(closed_store) == before


def test_read_only_folder(
    closed_store: Path, monkeypatch: pytest.MonkeyPatch, restore_modes: list[Path]
) -> None:
    restore_modes.append(closed_store.parent)
    chmod_or_pretend(monkeypatch, closed_store.parent, 0o555)
    before = fingerprint(closed_store)
    with pytest.raises(ReadOnlyStore) as caught:
        open_store(closed_store)
    assert caught.value.message == read_only(closed_store)
    assert fingerprint(closed_store) == before


def test_new_store_in_read_only_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_modes: list[Path]
) -> None:
    folder = tmp_path / "schreibgeschuetzt"
    folder.mkdir()
    restore_modes.append(folder)
    chmod_or_pretend(monkeypatch, folder, 0o555)
    with pytest.raises(ReadOnlyStore) as caught:
        open_store(folder / "sromod.db")
    assert caught.value.message == read_only(folder / "sromod.db")
    assert list(folder.iterdir()) == []


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "ordner.db"
    folder.mkdir()
    with pytest.raises(NotASromodDatabase) as caught:
        open_store(folder)
    assert caught.value.message == f"„{folder}“ ist ein Ordner, keine sromod-Datenbank."


HOLDER = """
import sys
from sromod.store import open_store
store = open_store(sys.argv[1])
print("offen", flush=True)
sys.stdin.read()
store.close()
"""


def test_store_already_open_names_the_holder(closed_store: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(closed_store)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "offen"
        before = fingerprint(closed_store)
        with pytest.raises(StoreLocked) as caught:
            open_store(closed_store)
        message = caught.value.message
        assert message.startswith(
            f"Die Datenbank „{closed_store}“ ist bereits in sromod geöffnet von "
            f"{getpass.getuser()} auf {socket.gethostname()} (seit "
        )
        assert f"Prozess {holder.pid})" in message
        assert message.endswith("Schließen Sie sromod dort und versuchen Sie es erneut.")
        assert fingerprint(closed_store) == before
    finally:
        holder.communicate("", timeout=10)
    # Once the holder has closed, the store opens again.
    with open_store(closed_store) as opened, opened.session() as session:
        assert session.execute(text("SELECT count(*) FROM offices")).scalar() == 19


# --- the same files on the command line: one sentence on stderr, exit 1, bytes unchanged ----


def _text_file(path: Path) -> None:
    path.write_text("Protokoll\n", encoding="utf-8")


def _empty_file(path: Path) -> None:
    path.touch()


def _truncated_store(path: Path) -> None:
    make_closed_store(path)
    path.write_bytes(path.read_bytes()[:50_000])


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()


def _newer_store(path: Path) -> None:
    make_closed_store(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (_text_file, "ist keine sromod-Datenbank (keine SQLite-Datei)."),
        (_empty_file, "ist leer (0 Byte) und keine sromod-Datenbank."),
        (_truncated_store, "ist beschädigt (unvollständig oder fehlerhaft)"),
        (_foreign_sqlite, "ist eine SQLite-Datenbank eines anderen Programms"),
        (_newer_store, "wurde mit einer neueren sromod-Version angelegt."),
    ],
    ids=["text", "leer", "abgeschnitten", "fremd", "neuer"],
)
def test_command_line_refuses_bad_files(
    make: Callable[[Path], None],
    fragment: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sromod import cli

    path = tmp_path / "sromod.db"
    make(path)
    before = fingerprint(path)
    out = tmp_path / "aufgaben.xlsx"
    assert cli.main(["export", "tasks", "--db", str(path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sromod: ") and fragment in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()
    assert cli.main(["check", "--db", str(path)]) == 1
    assert fragment in capsys.readouterr().err
    assert fingerprint(path) == before
