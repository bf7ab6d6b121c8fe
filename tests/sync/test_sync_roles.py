"""A replica of an office lead's login: what the role may change is pushed, the rest is a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from sromod.models import TaskStatus
from sromod.services import tasks
from sromod.services.sync_conflicts import list_conflicts
from sromod.store import open_store
from tests.pg_cluster import Cluster
from tests.roles_helpers import add_user, login_url, make_register, unique
from tests.sync.helpers import make_replica, sync
from tests.sync.test_replica import _register
from tests.sync.test_sync import _tasks


def office_lead_replica(
    pg_cluster: Cluster, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, Path]:
    """The test register with roles, and a replica of an office lead's login (Jugendamt)."""
    _register(pg_url)
    roles = make_register(pg_cluster, pg_url)
    login = unique("amt")
    assert add_user(monkeypatch, pg_url, login, "amt", "Jug") == 0
    url = login_url(roles, login, monkeypatch)
    return url, make_replica(url, tmp_path / "amt.db")


def test_an_office_leads_push_takes_the_status_and_keeps_a_refused_title_as_conflict(
    pg_cluster: Cluster, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, laptop = office_lead_replica(pg_cluster, pg_url, tmp_path, monkeypatch)
    rows = _tasks(laptop)
    own, counted = rows["Aufgabe Nord"].id, rows["Kitaplätze zählen"].id
    with open_store(laptop) as store:
        tasks.set_task_status(store, own, TaskStatus.DONE)  # an office lead may
        tasks.update_task(store, counted, title="Kitaplätze neu zählen")  # but not this
    outcome = sync(url, laptop)
    assert outcome.conflicts == 1
    on_server = _tasks(pg_url)
    assert on_server["Aufgabe Nord"].status == TaskStatus.DONE
    assert "Kitaplätze zählen" in on_server and "Kitaplätze neu zählen" not in on_server
    here = _tasks(laptop)
    assert "Kitaplätze zählen" in here  # the register's title stands
    with open_store(laptop) as store:
        (conflict,) = list_conflicts(store)
    assert conflict.kind == "refused" and conflict.row_id == counted
    assert "darf diese Änderung im Register nicht" in conflict.server_value
    assert conflict.local_value["title"] == "Kitaplätze neu zählen"  # the local state is kept
    assert not sync(url, laptop).pushed  # nothing left over, nothing refused twice
