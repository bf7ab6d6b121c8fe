"""The small register of `register_data`, widened so that every task filter field has something
to keep and something to leave out: people, a second body, a task of another Prognoseraum."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sromod.models import RegionLevel, TaskStatus
from sromod.services import bodies, directory, tasks
from sromod.services.task_query import TaskFilter
from sromod.store import Store
from tests.services.register_data import TODAY, Register, build_register

PERSON = "Erika Muster"
TWIN = "Max Doppel"  # two people of this name, in two offices


@dataclass
class Rich:
    reg: Register
    person_id: str
    twin_ids: tuple[str, str]
    body_id: str  # the register's body (AG SRO)
    other_body_id: str  # StR Süd
    bezirksregion_id: str
    bezirksregion_name: str
    planungsraum_id: str
    prognoseraum_id: str  # above the Bezirksregion
    far_region_id: str  # a Bezirksregion of another Prognoseraum
    far_task_id: str


def build_rich_register(store: Store) -> Rich:
    reg = build_register(store)
    person = directory.create_person(store, PERSON, office_id=reg.offices["Jug"])
    twins = (
        directory.create_person(store, TWIN, office_id=reg.offices["SGA"]),
        directory.create_person(store, TWIN, office_id=reg.offices["Soz"]),
    )
    for task_id in reg.task_ids[:2]:
        tasks.update_task(store, task_id, person_id=person)
    tasks.update_task(store, reg.task_ids[4], person_id=twins[0])
    body_id = tasks.get_task(store, reg.task_ids[0]).body_id
    assert body_id is not None
    other = bodies.create_body(store, "Steuerungsrunde Süd", "StR Süd")
    regions = directory.list_regions(store)
    bzr = next(r for r in regions if r.id == reg.region_id)
    far = next(
        r
        for r in regions
        if r.level == RegionLevel.BEZIRKSREGION and r.parent_id not in (None, bzr.parent_id)
    )
    far_task = tasks.add_task(
        store, "Spielplatz im Süden prüfen", office_id=reg.offices["Jug"],
        due_date=date(2026, 11, 20), body_id=other, region_id=far.id,
    )  # fmt: skip
    tasks.set_task_status(store, far_task.id, TaskStatus.IN_PROGRESS)
    assert bzr.parent_id is not None
    return Rich(
        reg, person, twins, body_id, other, bzr.id, bzr.name, reg.planungsraum_id,
        bzr.parent_id, far.id, far_task.id,
    )  # fmt: skip


PENDING = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.DEFERRED)


def every_field(r: Rich) -> dict[str, TaskFilter]:
    """One filter per field (and a few together), each keeping some tasks and leaving some out."""
    jug = r.reg.offices["Jug"]
    return {
        "nothing": TaskFilter(today=TODAY),
        "office": TaskFilter(office_id=jug, today=TODAY),
        "person": TaskFilter(person_id=r.person_id, today=TODAY),
        "one status": TaskFilter(statuses=(TaskStatus.OPEN,), today=TODAY),
        "unerledigt": TaskFilter(statuses=PENDING, today=TODAY),
        "two statuses": TaskFilter(statuses=(TaskStatus.DONE, TaskStatus.DROPPED), today=TODAY),
        "overdue": TaskFilter(overdue=True, today=TODAY),
        "body": TaskFilter(body_id=r.other_body_id, today=TODAY),
        "bezirksregion": TaskFilter(region_id=r.bezirksregion_id, today=TODAY),
        "planungsraum": TaskFilter(region_id=r.planungsraum_id, today=TODAY),
        "prognoseraum": TaskFilter(region_id=r.prognoseraum_id, today=TODAY),
        "due from": TaskFilter(due_from=date(2026, 11, 1), today=TODAY),
        "due to": TaskFilter(due_to=date(2026, 10, 15), today=TODAY),
        "due range": TaskFilter(due_from=date(2026, 10, 1), due_to=date(2026, 12, 1), today=TODAY),
        "text": TaskFilter(text="spielplatz", today=TODAY),
        "decision": TaskFilter(decision_id=r.reg.decision_id, today=TODAY),
        "together": TaskFilter(
            office_id=jug,
            statuses=PENDING,
            region_id=r.bezirksregion_id,
            due_to=date(2026, 12, 31),
            text="aufgabe",
            today=TODAY,
        ),
    }
