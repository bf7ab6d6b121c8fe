"""A replica whose sync found several conflicts: tasks, a meeting, an edit against a deletion."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sromod.models import TaskStatus
from sromod.services import agenda, meetings, tasks
from sromod.services.register import task_page
from sromod.services.task_query import TaskFilter
from sromod.store import open_store
from tests.sync.helpers import make_replica, sync
from tests.sync.test_replica import _register

LONG_LOCAL = (
    "Spielplatz an der Nordstraße prüfen und die Ergebnisse mit dem Grünflächenamt und dem "
    "Jugendamt abstimmen, bevor die Steuerungsrunde im Mai entscheidet (im Saal beschlossen)"
)
LONG_SERVER = (
    "Spielplatz prüfen: Ortstermin mit dem Straßen- und Grünflächenamt am Donnerstag "
    "vereinbart, Bericht an die AG SRO"
)


def replica_with_conflicts(url: str, folder: Path) -> tuple[Path, int]:
    """A replica of StR Nord and how many conflicts its last sync found (the same task's title,
    remark and due date, the meeting's place, a TOP edited here and deleted in the register)."""
    reg = _register(url)
    (folder / "Laptop Jürgen").mkdir(exist_ok=True)
    laptop = make_replica(url, folder / "Laptop Jürgen" / "replik.db", "StR Nord")
    with open_store(url, create=False) as server:
        task = next(t.id for t in task_page(server, TaskFilter()) if t.title == "Spielplatz prüfen")
        sub = {a.title: a.id for a in agenda.list_agenda(server, reg.nord_meeting)}
    for where, title, remark, due, place in (
        (laptop, LONG_LOCAL, "Angebot liegt vor", date(2026, 5, 4), "Schule Nord, Aula"),
        (url, LONG_SERVER, "Rückfrage beim Träger", date(2026, 4, 20), "Rathaus, Raum 101"),
    ):
        with open_store(where, create=False) as store:
            tasks.update_task(store, task, title=title, remark=remark, due_date=due)
            meetings.update_meeting(store, reg.nord_meeting, place=place)
            if where == laptop:
                agenda.update_agenda_item(store, sub["Spielgeräte Nord"],
                                          title="Spielgeräte Nord (geprüft)")  # fmt: skip
                tasks.set_task_status(store, task, TaskStatus.IN_PROGRESS)
            else:
                agenda.delete_agenda_item(store, sub["Spielgeräte Nord"])
    outcome = sync(url, laptop)
    return laptop, outcome.conflicts
