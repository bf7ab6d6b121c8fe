"""A small register across two bodies, several offices, regions and statuses, built by services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sromod.models import DecisionKind, RegionLevel, TaskStatus
from sromod.services import agenda, decisions, directory, tasks
from sromod.store import Store
from tests.services.helpers import make_body, office_id, plan

TODAY = date(2026, 11, 25)


@dataclass
class Register:
    meeting_id: str
    item_id: str
    decision_id: str
    region_id: str  # a Bezirksregion
    planungsraum_id: str  # one of its Planungsräume
    offices: dict[str, str] = field(default_factory=dict)
    task_ids: list[str] = field(default_factory=list)


def build_register(store: Store) -> Register:
    body = make_body(store)
    meeting = plan(store, body, date(2026, 9, 23))
    item = agenda.add_agenda_item(store, meeting, "Übergabe der Jugendfreizeiteinrichtung")
    decision = decisions.add_decision(
        store, item, "Die Übergabe wird vorbereitet.", DecisionKind.BESCHLUSS, votes=(9, 1, 2)
    )
    bzr = next(r for r in directory.list_regions(store, RegionLevel.BEZIRKSREGION))
    pr = next(
        r for r in directory.list_regions(store, RegionLevel.PLANUNGSRAUM) if r.parent_id == bzr.id
    )
    agenda.set_region_tags(store, item, [bzr.id])
    offices = {code: office_id(store, code) for code in ("Jug", "SGA", "Soz")}
    reg = Register(meeting, item, decision.id, bzr.id, pr.id, offices)
    plan_rows = [
        ("Jug", date(2026, 10, 1), TaskStatus.OPEN, bzr.id),  # overdue
        ("Jug", date(2026, 12, 1), TaskStatus.OPEN, pr.id),
        ("Jug", date(2026, 11, 1), TaskStatus.IN_PROGRESS, None),  # overdue
        ("Jug", date(2026, 8, 1), TaskStatus.DONE, bzr.id),
        ("SGA", date(2026, 10, 15), TaskStatus.DEFERRED, None),  # not overdue: deferred
        ("SGA", date(2027, 2, 1), TaskStatus.OPEN, pr.id),
        ("Soz", None, TaskStatus.OPEN, None),
        ("Soz", date(2026, 1, 1), TaskStatus.DROPPED, None),
    ]
    for n, (code, due, status, region) in enumerate(plan_rows):
        info = tasks.add_task(
            store, f"Aufgabe {n + 1} für {code}", office_id=offices[code], due_date=due,
            agenda_item_id=item, decision_id=decision.id if code == "Jug" else None,
            region_id=region,
        )  # fmt: skip
        if status != TaskStatus.OPEN:
            tasks.set_task_status(store, info.id, status)
        reg.task_ids.append(info.id)
    return reg
