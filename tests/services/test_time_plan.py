"""The agenda's one time rule: a TOP lasts max(own minutes, its sub-items together)."""

from __future__ import annotations

from datetime import date, datetime, time

from sromod.services import agenda, meetings
from sromod.services.agenda import TimePlan
from sromod.services.minutes import minutes_data, planned_times
from sromod.store import Store
from tests.services.helpers import make_body, plan

DAY = date(2026, 11, 25)


def _meeting(store: Store) -> tuple[str, dict[str, str]]:
    """10:00–12:30 announced; five TOPs of the standing agenda plus TOP 4 of 30 minutes."""
    meeting = plan(store, make_body(store), DAY)
    meetings.update_meeting(store, meeting, planned_start=time(10, 0), planned_end=time(11, 0))
    top4 = agenda.add_agenda_item(store, meeting, "Kiezkasse", position=4, planned_minutes=30)
    top5 = next(i for i in agenda.list_agenda(store, meeting) if i.number == "5")
    return meeting, {"4": top4, "5": top5.id}


def _time_plan(store: Store, meeting_id: str) -> TimePlan:
    """The plan as the agenda editor makes it: from the planned start to the announced end."""
    info = meetings.get_meeting(store, meeting_id)
    items = agenda.list_agenda(store, meeting_id)
    return agenda.agenda_time_plan(items, info.date, info.planned_start, info.planned_end)


def test_sub_items_within_the_tops_time_do_not_move_what_follows(store: Store) -> None:
    meeting, ids = _meeting(store)
    before = _time_plan(store, meeting)
    assert before.start_of(ids["5"]) == datetime(2026, 11, 25, 11, 0)
    assert before.total_minutes == 75 and before.over_minutes == 15

    agenda.add_agenda_item(store, meeting, "Anträge", parent_id=ids["4"], planned_minutes=10)
    agenda.add_agenda_item(store, meeting, "Jury", parent_id=ids["4"], planned_minutes=15)
    after = _time_plan(store, meeting)
    assert after.start_of(ids["5"]) == before.start_of(ids["5"])
    assert after.minutes[ids["4"]] == 30
    assert (after.total_minutes, after.over_minutes) == (75, 15)
    subs = [i for i in agenda.list_agenda(store, meeting) if i.parent_id == ids["4"]]
    assert [after.start_of(s.id) for s in subs] == [
        datetime(2026, 11, 25, 10, 30),
        datetime(2026, 11, 25, 10, 40),
    ]


def test_sub_items_longer_than_the_top_push_what_follows(store: Store) -> None:
    meeting, ids = _meeting(store)
    agenda.add_agenda_item(store, meeting, "Anträge", parent_id=ids["4"], planned_minutes=25)
    agenda.add_agenda_item(store, meeting, "Jury", parent_id=ids["4"], planned_minutes=15)
    found = _time_plan(store, meeting)
    assert found.minutes[ids["4"]] == 40
    assert found.start_of(ids["5"]) == datetime(2026, 11, 25, 11, 10)
    assert found.over_minutes == 25
    assert agenda.agenda_time_plan(agenda.list_agenda(store, meeting)).total_minutes == 85


def test_the_invitations_times_follow_the_same_rule(store: Store) -> None:
    meeting, ids = _meeting(store)
    agenda.add_agenda_item(store, meeting, "Anträge", parent_id=ids["4"], planned_minutes=10)
    plan_ = _time_plan(store, meeting)
    times = planned_times(minutes_data(store, meeting))
    for item_id, start in times.items():
        found = plan_.start_of(item_id)
        assert found is not None and found.time() == start


def test_the_tops_running_past_the_announced_end_are_named(store: Store) -> None:
    meeting, _ids = _meeting(store)
    found = _time_plan(store, meeting)
    late = [i.number for i in agenda.list_agenda(store, meeting) if i.id in found.late_items()]
    # TOP 4 ends at 11:00 sharp; TOP 5 (Verschiedenes) ends 11:10, TOP 6 (Termin) 11:15
    assert late == ["5", "6"]
