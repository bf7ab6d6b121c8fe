"""Exports on the command line: never over the store, its side files, its backups or any database;
a full disk is one German sentence (issue 13, points 1 and 3). And restore can put a backup back
over a file that is no store any more."""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sromod.cli import main
from sromod.services.reference import load_reference_data
from sromod.store import open_store, targets
from sromod.store.backup import backup_dir_for
from sromod.store.check import backup_store, check_store
from tests.services.register_data import build_register

# every export kind with the arguments it needs besides --db and --out
EXPORTS = {
    "minutes": ["--meeting", "AG SRO/1"],
    "excerpt": ["--meeting", "AG SRO/1", "--office", "Jug"],
    "invitation": ["--meeting", "AG SRO/1"],
    "attendance": ["--meeting", "AG SRO/1"],
    "ics": ["--meeting", "AG SRO/1"],
    "tasks": [],
}


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("vorlage") / "Sitzungen.db"
    with open_store(path, initialise=load_reference_data) as store:
        build_register(store)
    return path


@pytest.fixture
def db(filled: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "Sitzungen.db"
    path.write_bytes(filled.read_bytes())
    yield path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _export(kind: str, db: Path, out: Path | str) -> list[str]:
    return ["export", kind, "--db", str(db), *EXPORTS[kind], "--out", str(out)]


def _refused(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "wird nicht überschrieben; wählen Sie einen anderen Dateinamen." in err
    return err


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_an_export_onto_the_store_is_refused_and_the_store_kept(
    kind: str, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(db)
    err = _refused(capsys, _export(kind, db, db))
    assert err.startswith(f"sromod: Die Datei „{db}“ ist die Datenbank von sromod")
    assert _digest(db) == before
    assert check_store(db).ok
    assert not [p for p in db.parent.iterdir() if p.name.startswith(".sromod-")]


@pytest.mark.parametrize("kind", sorted(EXPORTS))
@pytest.mark.parametrize("side", ["-wal", "-shm", "-journal", ".lock"])
def test_an_export_onto_a_side_file_of_the_store_is_refused(
    kind: str, side: str, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = db.with_name(db.name + side)
    _refused(capsys, _export(kind, db, target))
    # SQLite and sromod keep these files themselves: no document may have taken their place.
    assert not target.exists() or target.read_bytes()[:2] not in (b"PK", b"BE")
    assert check_store(db).ok


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_an_export_into_the_backups_folder_is_refused(
    kind: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = backup_dir_for(db)
    (folder / "unter").mkdir(parents=True)
    for target in (folder / "neu.docx", folder / "unter" / "neu.xlsx"):
        _refused(capsys, _export(kind, db, target))
        assert not target.exists()
    # A folder that only starts like the backups folder is an ordinary folder.
    beside = tmp_path / (folder.name + "-alt")
    beside.mkdir()
    assert main(_export(kind, db, beside / "ok.dat")) == 0
    assert (beside / "ok.dat").stat().st_size > 0


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_an_export_onto_another_database_is_refused(
    kind: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "anderes Programm.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    saved = backup_store(db, tmp_path / "Sicherung vom Montag.docx")
    for target in (other, saved):
        before = _digest(target)
        err = _refused(capsys, _export(kind, db, target))
        assert f"„{target}“ ist eine Datenbank und wird nicht überschrieben" in err
        assert _digest(target) == before


def test_a_symbolic_link_to_the_store_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link_folder = tmp_path / "Verknüpfung"
    link_folder.mkdir()
    link = link_folder / "Protokoll.docx"
    try:
        link.symlink_to(db)
        (tmp_path / "Ordner-Link").symlink_to(db.parent, target_is_directory=True)
    except OSError:
        pytest.skip("symbolic links are not allowed here")
    before = _digest(db)
    for target in (link, tmp_path / "Ordner-Link" / ".." / db.parent.name / db.name):
        _refused(capsys, _export("minutes", db, target))
    _refused(capsys, _export("minutes", db, tmp_path / "Ordner-Link" / db.name))
    _refused(capsys, _export("tasks", db, tmp_path / "Ordner-Link" / (db.name + "-wal")))
    assert link.is_symlink() and _digest(db) == before


def test_a_hard_link_to_the_store_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twin = tmp_path / "anderer Ordner" / "Protokoll.docx"
    twin.parent.mkdir()
    os.link(db, twin)  # another name: only the file's identity gives it away as the store
    before = _digest(db)
    err = _refused(capsys, _export("ics", db, twin))
    assert f"„{twin}“ ist die Datenbank von sromod" in err
    assert _digest(db) == before


def test_case_variants_are_refused_on_case_insensitive_systems(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    variant = db.with_name(db.name.upper() + "-WAL")
    monkeypatch.setattr(targets, "case_insensitive_file_system", lambda: False)
    assert targets.output_refusal(variant, db) is None  # Linux: another file
    monkeypatch.setattr(targets, "case_insensitive_file_system", lambda: True)
    _refused(capsys, _export("tasks", db, variant))
    _refused(capsys, _export("minutes", db, db.with_name(db.name.swapcase())))
    backups = backup_dir_for(db)
    _refused(capsys, _export("ics", db, backups.with_name(backups.name.upper()) / "t.ics"))
    assert not variant.exists()


def test_the_windows_spelling_of_the_store_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # The Windows branch of the comparison: backslashes and case do not make another file.
    monkeypatch.setattr(targets, "case_insensitive_file_system", lambda: True)
    monkeypatch.setattr(os.path, "realpath", lambda p: str(p).replace("/", "\\"))
    monkeypatch.setattr(os.path, "abspath", lambda p: str(p))
    store = Path("C:/Users/Jürgen Müller/Documents/Sitzungen.db")
    for out in (
        "c:/users/jürgen müller/documents/SITZUNGEN.DB",
        "C:/Users/JÜRGEN MÜLLER/Documents/Sitzungen.db-WAL",
        "C:/Users/Jürgen Müller/Documents/Sitzungen.db.Backups/x.docx",
    ):
        assert targets.output_refusal(out, store) is not None, out
    assert targets.output_refusal("C:/Users/Jürgen Müller/Documents/Protokoll.docx", store) is None


def test_an_ordinary_target_is_still_written(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "Protokoll.docx"
    old.write_bytes(b"PK alte Fassung")
    assert main(_export("minutes", db, old)) == 0
    assert old.read_bytes()[:2] == b"PK" and old.stat().st_size > 1000


# --- a full disk -------------------------------------------------------------------------------

# Every write into FULL_FOLDER fails as on a full disk; buffered data fails again when the file is
# closed, as it does for real (an unclosed zip archive then failed a third time at exit).
FULL_DISK = """
import errno, io, os, sys
from pathlib import Path

FOLDER = os.path.realpath(os.environ["FULL_FOLDER"])
real_open = io.open

class FullRaw(io.FileIO):
    def write(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

def full_open(file, mode="r", *args, **kwargs):
    writing = any(c in mode for c in "wax+")
    if writing and isinstance(file, (str, os.PathLike)) and os.path.realpath(
        Path(file).parent
    ) == FOLDER:
        raw = FullRaw(file, mode.replace("b", ""))
        return io.BufferedRandom(raw) if "+" in mode else io.BufferedWriter(raw)
    return real_open(file, mode, *args, **kwargs)

io.open = full_open
import builtins
builtins.open = full_open
from sromod.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_a_full_disk_during_an_export_is_one_german_sentence(
    kind: str, db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "voller Stick"
    folder.mkdir()
    out = folder / ("Aufgaben.xlsx" if kind == "tasks" else "Dokument.docx")
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, *_export(kind, db, out)],
        capture_output=True,
        text=True,
        env={**os.environ, "FULL_FOLDER": str(folder)},
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"sromod: Die Datei „{out}“ konnte nicht geschrieben werden: "
        "auf dem Datenträger ist kein Platz mehr.\n"
    )
    assert list(folder.iterdir()) == []  # the half-written temporary file is gone


# --- restore over a file that is no store any more --------------------------------------------


@pytest.fixture
def overwritten(db: Path, tmp_path: Path) -> tuple[Path, Path, bytes]:
    """A store that an old sromod replaced by a Word file, and the day's backup."""
    saved = backup_store(db, tmp_path / "Sicherung.sqlite")
    word = b"PK\x03\x04 ein Protokoll, wo die Datenbank war"
    db.write_bytes(word)
    return db, saved, word


def _set_aside(db: Path) -> list[Path]:
    return sorted(db.parent.glob(db.name + ".beiseitegelegt-*"))


def test_restore_over_a_file_that_is_no_store_needs_force_without_a_terminal(
    overwritten: tuple[Path, Path, bytes],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, saved, word = overwritten
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["restore", "--db", str(db), "--from", str(saved)]) == 1
    err = capsys.readouterr().err
    assert "ist keine sromod-Datenbank" in err and "Mit --force wird sie umbenannt" in err
    assert db.read_bytes() == word and not _set_aside(db)

    assert main(["restore", "--db", str(db), "--from", str(saved), "--force"]) == 0
    out = capsys.readouterr().out
    (aside,) = _set_aside(db)
    assert aside.read_bytes() == word
    assert str(aside) in out
    assert check_store(db).ok


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_restore_over_a_file_that_is_no_store_asks_on_a_terminal(
    overwritten: tuple[Path, Path, bytes],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, saved, word = overwritten
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    assert main(["restore", "--db", str(db), "--from", str(saved)]) == 1
    assert "[j/N]" in capsys.readouterr().out
    assert db.read_bytes() == word and not _set_aside(db)

    monkeypatch.setattr("sys.stdin", _Terminal("j\n"))
    assert main(["restore", "--db", str(db), "--from", str(saved)]) == 0
    (aside,) = _set_aside(db)
    assert aside.read_bytes() == word
    with open_store(db, create=False) as reopened, reopened.session() as session:
        from sromod.models import Task

        assert session.query(Task).count() > 0


def test_force_never_replaces_a_newer_store(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = backup_store(db, tmp_path / "Sicherung.sqlite")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 9999")
    conn.close()
    before = _digest(db)
    assert main(["restore", "--db", str(db), "--from", str(saved), "--force"]) == 1
    assert "neueren sromod-Version" in capsys.readouterr().err
    assert _digest(db) == before and not _set_aside(db)
