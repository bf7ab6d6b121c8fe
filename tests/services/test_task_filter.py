"""One task filter and one task query: the register, the Excel export, the office and region views
and the detail pane see the same tasks for every filter field (issue 12, point 3)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from sromod.exports import api
from sromod.exports.tasks_xlsx_layout import HEADER_ROW
from sromod.models import RegionLevel, TaskStatus
from sromod.services import directory, register, tasks
from sromod.services.errors import ServiceError
from sromod.services.task_export import TASK_FIELDS, task_rows
from sromod.services.task_query import TaskFilter, resolve_task_filter
from sromod.store import Store
from tests.services.register_data import TODAY
from tests.services.task_filter_data import (
    PENDING,
    PERSON,
    TWIN,
    Rich,
    build_rich_register,
    every_field,
)

ID = TASK_FIELDS.index("task_id")
REGION = TASK_FIELDS.index("region")


@pytest.fixture
def rich(store: Store) -> Rich:
    return build_rich_register(store)


def register_ids(store: Store, f: TaskFilter) -> set[str]:
    return {r.id for r in register.task_page(store, f, limit=100_000)}


def export_ids(store: Store, f: TaskFilter) -> set[str]:
    return {str(row[ID]) for row in task_rows(store, f)}


def _all_ids(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.execute(text("SELECT id FROM tasks")).scalars())


@pytest.mark.parametrize("field", [
    "nothing", "office", "person", "one status", "unerledigt", "two statuses", "overdue", "body",
    "bezirksregion", "planungsraum", "prognoseraum", "due from", "due to", "due range", "text",
    "decision", "together",
])  # fmt: skip
def test_register_and_export_hold_the_same_tasks(store: Store, rich: Rich, field: str) -> None:
    f = every_field(rich)[field]
    shown = register_ids(store, f)
    assert shown == export_ids(store, f), field
    assert register.task_totals(store, f).total == len(shown)
    everything = _all_ids(store)
    if field != "nothing":  # every field keeps some tasks and leaves some out
        assert shown and shown < everything, field


def test_the_workbook_holds_what_the_register_shows(
    store: Store, rich: Rich, tmp_path: Path
) -> None:
    for field, f in every_field(rich).items():
        out = tmp_path / f"{field}.xlsx"
        written = api.export_tasks(store, out, f)
        sheet = openpyxl.load_workbook(out, read_only=True)["Aufgaben"]
        rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
        column = rows[0].index("ID")
        assert {r[column] for r in rows[1:]} == register_ids(store, f), field
        assert written == len(rows) - 1


def test_region_rule_a_task_counts_for_every_region_above_it(store: Store, rich: Rich) -> None:
    """A task tagged with a Planungsraum belongs to its Bezirksregion (and to the Prognoseraum
    above that), and the lists' column "Bezirksregion" names the Bezirksregion."""
    plr_tasks = {rich.reg.task_ids[1], rich.reg.task_ids[5]}
    bzr_tasks = {rich.reg.task_ids[0], rich.reg.task_ids[3]}
    assert register_ids(store, TaskFilter(region_id=rich.planungsraum_id)) == plr_tasks
    assert register_ids(store, TaskFilter(region_id=rich.bezirksregion_id)) == plr_tasks | bzr_tasks
    assert register_ids(store, TaskFilter(region_id=rich.prognoseraum_id)) == plr_tasks | bzr_tasks
    far = TaskFilter(region_id=rich.far_region_id)
    assert register_ids(store, far) == export_ids(store, far) == {rich.far_task_id}
    for task_id in plr_tasks | bzr_tasks:
        row = register.task_row(store, task_id)
        assert row is not None and row.region_name == rich.bezirksregion_name
        exported = next(task_rows(store, TaskFilter(task_ids=(task_id,))))
        assert exported[REGION] == rich.bezirksregion_name
    # The detail pane names the region the task is tagged with: the Planungsraum itself.
    assert tasks.get_task(store, rich.reg.task_ids[1]).region_id == rich.planungsraum_id
    # The charts count a Planungsraum's task for its Bezirksregion as well.
    chart = register.tasks_by_region(store, TaskFilter(statuses=()))
    assert dict(zip(chart.labels, chart.values, strict=True))[rich.bezirksregion_name] == 4


def test_the_detail_pane_and_the_register_read_one_query(store: Store, rich: Rich) -> None:
    for task_id in [*rich.reg.task_ids, rich.far_task_id]:
        row = register.task_row(store, task_id, TODAY)
        info = tasks.get_task(store, task_id)
        assert row is not None
        assert (row.register_number, row.title, row.office_code, row.person_name, row.due_date,
                row.status, row.priority, row.body_short_name, row.meeting_id, row.remark) == (
            info.register_number, info.title, info.office_code, info.person_name, info.due_date,
            info.status, info.priority, info.body_short_name, info.meeting_id, info.remark,
        )  # fmt: skip


def test_names_on_the_command_line_become_the_same_filter(store: Store, rich: Rich) -> None:
    f = resolve_task_filter(
        store, office="Jug", statuses=["offen", "in Bearbeitung"], person=PERSON,
        body="AG SRO", region=rich.bezirksregion_name, due_from="01.10.2026",
        due_to="2026-12-01", text="aufgabe", overdue=False,
    )  # fmt: skip
    assert f == TaskFilter(
        office_id=rich.reg.offices["Jug"], person_id=rich.person_id,
        statuses=(TaskStatus.OPEN, TaskStatus.IN_PROGRESS), body_id=rich.body_id,
        region_id=rich.bezirksregion_id, due_from=date(2026, 10, 1), due_to=date(2026, 12, 1),
        text="aufgabe",
    )  # fmt: skip
    assert resolve_task_filter(store, statuses=["unerledigt"]).statuses == PENDING
    # A name shared by two people is told apart by the office, as the window's list shows it.
    assert resolve_task_filter(store, person=f"{TWIN} (SGA)").person_id == rich.twin_ids[0]
    # A Bezirksregion and a Planungsraum of the same name: the Bezirksregion is meant; the LOR
    # number names either.
    regions = directory.list_regions(store)
    bzr = next(
        r for r in regions if r.name == "Alt-Treptow" and r.level == RegionLevel.BEZIRKSREGION
    )
    plr = next(
        r for r in regions if r.name == "Alt-Treptow" and r.level == RegionLevel.PLANUNGSRAUM
    )
    assert resolve_task_filter(store, region="alt-treptow").region_id == bzr.id
    assert resolve_task_filter(store, region=bzr.lor_id).region_id == bzr.id
    assert resolve_task_filter(store, region=plr.lor_id).region_id == plr.id


@pytest.mark.parametrize(
    ("given", "german"),
    [
        ({"office": "XYZ"}, "Ein Amt mit dem Kürzel „XYZ“ gibt es nicht."),
        ({"statuses": ["fertig"]}, "Unbekannter Status „fertig“"),
        ({"person": "Niemand"}, "Eine Person „Niemand“ gibt es nicht."),
        ({"person": TWIN}, f"Mehrere Personen heißen „{TWIN}“"),
        ({"body": "XX"}, "Ein Gremium mit der Kurzbezeichnung „XX“ gibt es nicht."),
        ({"region": "Atlantis"}, "Eine Region „Atlantis“ gibt es nicht."),
        ({"due_from": "32.13.2026"}, "„32.13.2026“ ist kein Datum"),
        ({"due_to": "morgen"}, "„morgen“ ist kein Datum"),
        ({"due_from": "01.12.2026", "due_to": "01.10.2026"}, "liegt nach"),
    ],
)
def test_bad_names_and_values_are_one_german_sentence(
    store: Store, rich: Rich, given: dict[str, object], german: str
) -> None:
    with pytest.raises(ServiceError) as refused:
        resolve_task_filter(store, **given)  # type: ignore[arg-type]
    message = str(refused.value)
    assert german in message
    assert message.endswith(".") and message.count(". ") == 0, message
