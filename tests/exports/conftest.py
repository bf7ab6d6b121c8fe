"""A held meeting of the AG SRO with attendance, TOPs, decisions, tasks and a Wiedervorlage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from sromod.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemState,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Decision,
    DecisionKind,
    Meeting,
    MeetingState,
    Membership,
    Office,
    Person,
    Region,
    RegionLevel,
    Task,
    TaskReview,
    TaskStatus,
)
from sromod.store import Store

MEETING_DAY = date(2026, 11, 25)


@dataclass
class Sample:
    meeting_id: str
    earlier_meeting_id: str
    jug_id: str
    sga_id: str
    task_ids: dict[str, str]


def _task(session, seq: int, title: str, office: Office, item: AgendaItem | None, **kw) -> Task:
    task = Task(
        year=2026,
        seq=seq,
        register_number=f"A-2026/{seq:04d}",
        title=title,
        office_id=office.id,
        origin_agenda_item_id=item.id if item else None,
        body_id=kw.pop("body_id", None),
        **kw,
    )
    session.add(task)
    return task


def build_sample(store: Store, *, state: MeetingState = MeetingState.HELD) -> Sample:
    with store.unit_of_work() as s:
        offices = {o.code: o for o in s.scalars(select(Office))}
        jug, sga, spk = offices["Jug"], offices["SGA"], offices["SPK"]
        region = s.scalars(select(Region).where(Region.level == RegionLevel.BEZIRKSREGION)).first()
        body = Body(name="Arbeitsgemeinschaft Sozialraumorientierung", short_name="AG SRO",
                    kind=BodyKind.AG_SRO, default_place="Rathaus Köpenick, Raum 120")  # fmt: skip
        anna = Person(name="Anna Berger", office=spk, function="Koordinatorin",
                      email="anna.berger@ba-tk.berlin.de", phone="030 90297-1234",
                      contact_consent=True)  # fmt: skip
        bernd = Person(name="Bernd Kurz", office=jug, function="Jugendhilfeplanung",
                       email="bernd.kurz@ba-tk.berlin.de", phone="030 90297-9999",
                       contact_consent=False)  # fmt: skip
        clara = Person(name="Clara Grün", office=sga, function="Fachbereichsleitung Grün")
        dora = Person(name="Dora Eck", office=jug, function="Amtsleitung")
        s.add_all([body, anna, bernd, clara, dora])
        s.flush()
        for p in (anna, bernd, clara, dora):
            s.add(Membership(body_id=body.id, person_id=p.id))
        earlier = Meeting(body_id=body.id, number=11, date=date(2026, 9, 23),
                          state=MeetingState.RELEASED)  # fmt: skip
        meeting = Meeting(
            body_id=body.id, number=12, date=MEETING_DAY, planned_start=time(10, 0),
            planned_end=time(12, 0), actual_start=datetime(2026, 11, 25, 10, 5),
            actual_end=datetime(2026, 11, 25, 12, 10), place="Rathaus Köpenick, Raum 120",
            moderator_id=anna.id, minute_taker_id=bernd.id, state=state,
            next_date=date(2027, 1, 20), next_note="Schwerpunkt: Spielplatzkonzept.",
        )  # fmt: skip
        s.add_all([earlier, meeting])
        s.flush()
        s.add_all(
            [
                Attendance(meeting_id=meeting.id, person_id=anna.id, status=AttendanceStatus.PRESENT),
                Attendance(meeting_id=meeting.id, person_id=bernd.id, status=AttendanceStatus.PRESENT),
                Attendance(meeting_id=meeting.id, person_id=clara.id, status=AttendanceStatus.EXCUSED),
                Attendance(meeting_id=meeting.id, person_id=dora.id,
                           status=AttendanceStatus.REPRESENTED, represented_by="Egon Vogt"),
                Attendance(meeting_id=meeting.id, guest_name="Frieda Gast",
                           guest_organisation="QM Allende-Viertel", status=AttendanceStatus.PRESENT),
            ]
        )  # fmt: skip
        old_item = AgendaItem(meeting_id=earlier.id, position=1, title="Spielplätze")
        s.add(old_item)
        items = {}
        for pos, title, kind in (
            (1, "Begrüßung und Feststellung der Tagesordnung", AgendaItemKind.FORMAL),
            (2, "Wiedervorlage: Stand der Aufgaben", AgendaItemKind.REVIEW),
            (3, "Jugendfreizeiteinrichtungen im Sozialraum", AgendaItemKind.DISCUSSION),
            (4, "Grünflächenpflege und Spielplätze", AgendaItemKind.DECISION),
            (5, "Verschiedenes", AgendaItemKind.MISC),
        ):
            items[pos] = AgendaItem(meeting_id=meeting.id, position=pos, title=title, kind=kind,
                                    planned_minutes=20, state=AgendaItemState.TREATED)  # fmt: skip
        s.add_all(items.values())
        s.flush()
        sub = AgendaItem(meeting_id=meeting.id, parent_id=items[3].id, position=1,
                         title="Bedarfsanalyse Köpenick-Nord", presenter="Bernd Kurz (Jug)",
                         planned_minutes=15, result="Die Analyse liegt vor.\n\nSie wird verteilt.",
                         state=AgendaItemState.TREATED)  # fmt: skip
        items[4].result = "Die AG empfiehlt eine gemeinsame Begehung."
        items[4].presenter = "Clara Grün (SGA)"
        s.add(sub)
        s.flush()
        d_jug = Decision(agenda_item_id=sub.id, year=2026, seq=17, register_number="B-2026/017",
                         kind=DecisionKind.BESCHLUSS, text="Die Bedarfsanalyse wird fortgeschrieben.",
                         votes_for=9, votes_against=1, votes_abstain=2)  # fmt: skip
        d_sga = Decision(agenda_item_id=items[4].id, year=2026, seq=18,
                         register_number="B-2026/018", kind=DecisionKind.VEREINBARUNG,
                         text="Begehung der Spielplätze im Frühjahr.")  # fmt: skip
        s.add_all([d_jug, d_sga])
        s.flush()
        t_jug = _task(s, 123, "Bedarfsanalyse fortschreiben", jug, sub, decision_id=d_jug.id,
                      person_id=bernd.id, due_date=date(2027, 1, 15), body_id=body.id,
                      region_id=region.id if region else None)  # fmt: skip
        t_sga = _task(s, 124, "=HYPERLINK(\"http://x\",\"Begehung\") planen", sga, items[4],
                      decision_id=d_sga.id, due_date=date(2027, 3, 31), body_id=body.id)  # fmt: skip
        t_old_jug = _task(s, 50, "Jugendclub-Öffnungszeiten erheben", jug, old_item,
                          due_date=date(2026, 10, 31), body_id=body.id,
                          status=TaskStatus.DONE, completed_on=date(2026, 11, 20))  # fmt: skip
        t_old_sga = _task(s, 51, "Spielgeräte prüfen", sga, old_item, due_date=date(2026, 10, 15),
                          body_id=body.id, status=TaskStatus.IN_PROGRESS,
                          remark="Gutachten beauftragt")  # fmt: skip
        s.flush()
        s.add_all(
            [
                TaskReview(agenda_item_id=items[2].id, task_id=t_old_jug.id, position=1,
                           status_before=TaskStatus.OPEN, status_after=TaskStatus.DONE,
                           note="Liste liegt vor."),
                TaskReview(agenda_item_id=items[2].id, task_id=t_old_sga.id, position=2,
                           status_before=TaskStatus.OPEN, status_after=TaskStatus.IN_PROGRESS),
            ]
        )  # fmt: skip
        return Sample(
            meeting_id=meeting.id,
            earlier_meeting_id=earlier.id,
            jug_id=jug.id,
            sga_id=sga.id,
            task_ids={
                "jug": t_jug.id,
                "sga": t_sga.id,
                "old_jug": t_old_jug.id,
                "old_sga": t_old_sga.id,
            },
        )


@pytest.fixture
def sample(store: Store) -> Sample:
    return build_sample(store)
