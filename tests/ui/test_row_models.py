"""Every table model over plain rows finds a row by its id the same way: a row number or None."""

from __future__ import annotations

from typing import Any

from pytestqt.modeltest import ModelTester

from sromod.models import RegionLevel
from sromod.services import agenda, attendance, decisions, directory, meetings, tasks
from sromod.services.region_view import tops_for_region
from sromod.services.register import DecisionFilter
from sromod.services.task_query import TaskFilter
from sromod.store import Store
from sromod.ui.context import AppContext
from sromod.ui.itemmodels.attendance import AttendanceModel
from sromod.ui.itemmodels.base import ID_ROLE, RowTableModel
from sromod.ui.itemmodels.decisions import DecisionTableModel
from sromod.ui.itemmodels.live import AgendaListModel
from sromod.ui.itemmodels.meetings import MeetingsModel
from sromod.ui.itemmodels.people import OfficesModel, PeopleModel
from sromod.ui.itemmodels.reviews import ReviewFilter, ReviewModel
from sromod.ui.itemmodels.tasks import TaskTableModel
from sromod.ui.screens.region_view import RegionTopsModel
from tests.services.register_data import TODAY
from tests.ui.live_helpers import meeting_with_review, review_item

UNKNOWN = "00000000-0000-0000-0000-000000000000"


def _filled_models(store: Store) -> dict[str, RowTableModel[Any]]:
    setup = meeting_with_review(store, carried=2)
    first = agenda.list_agenda(store, setup.meeting_id)[0].id
    decisions.add_decision(store, first, "Die Tagesordnung wird festgestellt.")
    region = directory.list_regions(store, RegionLevel.BEZIRKSREGION)[0].id
    agenda.set_region_tags(store, first, [region])
    filled: dict[str, RowTableModel[Any]] = {}
    task_model = TaskTableModel(AppContext(store))
    task_model.set_filters(TaskFilter())
    filled["tasks"] = task_model
    decision_model = DecisionTableModel(AppContext(store))
    decision_model.set_filters(DecisionFilter())
    filled["decisions"] = decision_model
    meeting_model = MeetingsModel()
    meeting_model.set_meetings(meetings.list_meetings(store))
    filled["meetings"] = meeting_model
    people = PeopleModel()
    people.set_people(directory.list_people(store))
    filled["people"] = people
    offices = OfficesModel()
    offices.set_offices(directory.list_offices(store))
    filled["offices"] = offices
    present = AttendanceModel()
    present.set_rows(attendance.list_attendance(store, setup.meeting_id))
    filled["attendance"] = present
    reviews = ReviewModel()
    reviews.set_reviews(tasks.list_reviews(store, review_item(store, setup.meeting_id).id), TODAY)
    reviews.set_filter(ReviewFilter(grouped=True))  # with office headings, rows without an id
    filled["reviews"] = reviews
    tops = RegionTopsModel()
    tops.set_rows(tops_for_region(store, region))
    filled["region TOPs"] = tops
    return filled


def test_each_row_is_found_by_its_id_and_an_unknown_id_by_none(
    store: Store, qtmodeltester: ModelTester
) -> None:
    for name, model in _filled_models(store).items():
        ids = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
        assert [i for i in ids if i], f"{name}: no rows to look at"
        for row, row_id in enumerate(ids):
            assert model.row_of(row_id) == (row if row_id else None), name
            assert model.row_id(row) == row_id, name
        assert model.row_of(UNKNOWN) is None and model.row_of(None) is None, name
        assert model.row_id(len(ids)) is None and model.row_at(-1) is None, name
        qtmodeltester.check(model, force_py=True)


def test_the_live_agenda_list_answers_none_for_no_row(store: Store) -> None:
    setup = meeting_with_review(store)
    items = agenda.list_agenda(store, setup.meeting_id)
    model = AgendaListModel()
    model.set_agenda(items, None)
    assert model.row_of(items[-1].id) == len(items) - 1
    assert model.row_of(UNKNOWN) is None and model.row_of(None) is None
