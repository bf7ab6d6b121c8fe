"""`sromod server trim-journal`: the register's change journal loses what every replica has pulled;
a replica left behind compares its whole scope at its next sync and loses nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from sromod import cli
from sromod.models import TaskStatus
from sromod.services import agenda, tasks
from sromod.services.errors import ServiceError
from sromod.services.journal_trim import trim_journal
from sromod.services.replica_scope import Scope
from sromod.services.sync import report_lines
from sromod.store import open_store
from tests.pg_cluster import Cluster
from tests.roles_helpers import add_user, login_url, make_register, unique
from tests.services.helpers import office_id
from tests.sync.helpers import make_replica, replica_id, sync
from tests.sync.test_replica import Register, _register
from tests.sync.test_sync import _sub_top, _tasks
from tests.sync.test_sync_properties import _rows


def _sql(url: str, statement: str, **params: object) -> Any:
    with open_store(url, create=False) as store, store.engine.begin() as conn:
        return conn.execute(text(statement), params).scalar()


def _position(url: str, path: Path) -> int:
    return int(_sql(url, "SELECT pulled_xid::text FROM replicas WHERE id = :r",
                    r=replica_id(path)))  # fmt: skip


def _entries(url: str, below: int | None = None, at_or_above: int | None = None) -> int:
    if below is not None:
        return int(_sql(url, "SELECT count(*) FROM sync_journal WHERE xid < CAST(:x AS xid8)",
                        x=str(below)))  # fmt: skip
    return int(_sql(url, "SELECT count(*) FROM sync_journal WHERE xid >= CAST(:x AS xid8)",
                    x=str(at_or_above)))  # fmt: skip


def _listed(out: str) -> dict[str, str]:
    """The lines of `server replicas` by the replica's id."""
    return {line.split()[0]: line for line in out.splitlines() if line and line[0] != " "}


def _two_replicas(url: str, tmp_path: Path) -> tuple[Register, Path, Path]:
    reg = _register(url)
    one = make_replica(url, tmp_path / "eins.db", "StR Nord")
    two = make_replica(url, tmp_path / "zwei.db", "StR Nord")
    sync(url, one)
    sync(url, two)  # both have reported how far they read
    return reg, one, two


def test_trimming_removes_exactly_the_entries_every_replica_has_pulled(
    pg_url: str, tmp_path: Path
) -> None:
    _reg, one, two = _two_replicas(pg_url, tmp_path)
    task_id = _tasks(pg_url)["Spielplatz prüfen"].id
    with open_store(pg_url, create=False) as server:
        tasks.set_task_status(server, task_id, TaskStatus.IN_PROGRESS)
    sync(pg_url, one)  # "eins" has the status, "zwei" not yet
    lowest = _position(pg_url, two)
    assert _position(pg_url, one) > lowest
    below, above = _entries(pg_url, below=lowest), _entries(pg_url, at_or_above=lowest)
    assert below and above  # the status change is above "zwei"'s position
    with open_store(pg_url, create=False) as server:
        report = trim_journal(server)
    assert (report.deleted, report.remaining, report.below) == (below, above, lowest)
    assert _entries(pg_url, below=lowest) == 0 and _entries(pg_url, at_or_above=lowest) == above
    outcome = sync(pg_url, two)  # "zwei" still finds what it has not pulled
    assert not outcome.reread
    assert _tasks(two)["Spielplatz prüfen"].status == TaskStatus.IN_PROGRESS


def test_a_replica_left_behind_compares_its_whole_scope_and_loses_nothing(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg, one, two = _two_replicas(pg_url, tmp_path)
    reg_nord = _tasks(pg_url)["Spielplatz prüfen"]
    with open_store(two) as store:  # in the drawer: the offline meeting's results, never synced
        tasks.add_task(store, "Offline beschlossen", office_id=office_id(store, "SGA"),
                       body_id=reg.nord)  # fmt: skip
        tasks.update_task(store, reg_nord.id, due_date=date(2027, 6, 30))
    meeting_id = _sql(
        pg_url, "SELECT meeting_id FROM agenda_items WHERE title = 'Spielgeräte Nord'"
    )
    with open_store(pg_url, create=False) as server:  # the register goes on meanwhile
        tasks.set_task_status(server, reg_nord.id, TaskStatus.DONE)
        tasks.add_task(server, "Im Büro angelegt", office_id=office_id(server, "SGA"),
                       body_id=reg.nord)  # fmt: skip
        agenda.delete_agenda_item(server, _sub_top(pg_url, str(meeting_id))["Spielgeräte Nord"])
    sync(pg_url, one)
    assert cli.main(["server", "replicas", "--db", pg_url]) == 0
    listed = _listed(capsys.readouterr().out)
    assert "seither 0 Änderungen im Register" in listed[replica_id(one)]
    assert "seither 0 Änderungen" not in listed[replica_id(two)]
    _sql(pg_url, "UPDATE replicas SET last_sync = last_sync - interval '200 days' WHERE id = :r "
         "RETURNING 1", r=replica_id(two))  # fmt: skip
    assert cli.main(["server", "trim-journal", "--db", pg_url, "--max-age", "180"]) == 0
    printed = capsys.readouterr().out
    assert "Änderungsprotokoll gekürzt:" in printed and replica_id(two) in printed
    assert "Zurückgelassen (länger als 180 Tage nicht abgeglichen)" in printed
    assert cli.main(["server", "replicas", "--db", pg_url]) == 0
    assert "zurückgelassen" in _listed(capsys.readouterr().out)[replica_id(two)]
    outcome = sync(pg_url, two)
    assert outcome.reread and "ganz mit dem Register verglichen" in " ".join(report_lines(outcome))
    assert outcome.merged == 1 and outcome.conflicts == 0
    on_server = _tasks(pg_url)
    assert "Offline beschlossen" in on_server  # its own changes reached the register
    assert on_server["Spielplatz prüfen"].due_date == date(2027, 6, 30)
    assert on_server["Spielplatz prüfen"].status == TaskStatus.DONE
    scope = Scope((reg.nord,), ("StR Nord",), "named")
    assert _rows(two, scope) == _rows(pg_url, scope)  # and it holds what the register holds
    assert "Spielgeräte Nord" not in _sub_top(two, str(meeting_id))
    assert "Im Büro angelegt" in _tasks(two)
    again = sync(pg_url, two)
    assert not again.reread and not again.pushed


def test_a_replica_that_has_not_reported_holds_everything_back(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _reg, one, _two = _two_replicas(pg_url, tmp_path)
    _sql(pg_url, "INSERT INTO replicas (id, login) VALUES ('alt', 'schulz') RETURNING 1")
    before = _entries(pg_url, at_or_above=0)
    with open_store(pg_url, create=False) as server:
        report = trim_journal(server)
    assert report.deleted == 0 and [p.id for p in report.unreported] == ["alt"]
    assert cli.main(["server", "replicas", "--db", pg_url]) == 0
    assert "Stand noch nicht gemeldet" in _listed(capsys.readouterr().out)["alt"]
    assert _entries(pg_url, at_or_above=0) == before
    _sql(pg_url, "UPDATE replicas SET made = made - interval '10 days' WHERE id = 'alt' "
         "RETURNING 1")  # fmt: skip
    with open_store(pg_url, create=False) as server:  # unless it is left behind
        report = trim_journal(server, max_age_days=5)
    assert report.deleted and [p.id for p in report.left_behind] == ["alt"]
    assert _entries(pg_url, below=_position(pg_url, one)) == 0


def test_trimming_needs_the_owner_of_the_register(
    pg_cluster: Cluster, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _two_replicas(pg_url, tmp_path)
    roles = make_register(pg_cluster, pg_url)
    login = unique("koord")
    assert add_user(monkeypatch, pg_url, login, "koordination") == 0
    before = _entries(pg_url, at_or_above=0)
    url = login_url(roles, login, monkeypatch)
    assert cli.main(["server", "trim-journal", "--db", url]) == 1
    err = capsys.readouterr().err
    assert "kürzt nur der Eigentümer des Registers" in err and login in err
    assert _entries(pg_url, at_or_above=0) == before
    with open_store(url, create=False) as server, pytest.raises(ServiceError):
        trim_journal(server)


def test_trimming_a_file_names_the_command_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Ordner mit Ümlaut" / "sitzungen.db"
    assert cli.main(["server", "trim-journal", "--db", str(path)]) == 1
    assert "„server trim-journal“ braucht ein Register" in capsys.readouterr().err
    assert not path.parent.exists()  # nothing made
