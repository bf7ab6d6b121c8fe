"""The content of each demo meeting: agenda, attendance, decisions, tasks and the Wiedervorlage.

Meetings are written in date order across all bodies, so register numbers run in time order and
each Wiedervorlage sees exactly the tasks its body still had pending at that moment. A task's whole
life (status changes at later meetings, by edit or by Excel import) is decided when it is born.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sromod.models import (
    AgendaItemKind,
    AgendaItemState,
    AttendanceStatus,
    DecisionKind,
    MeetingState,
)
from sromod.services.demo_data import (
    EXTERNAL_ORGS,
    FIRST_NAMES,
    MONTHS,
    PARKS,
    QM_AREAS,
    SCHOOLS,
    STANDING_HEAD,
    STANDING_REPORTS,
    STANDING_TAIL,
    STREETS,
    SURNAMES,
    YOUTH_CLUBS,
)
from sromod.services.demo_tasks import ANY_OFFICES, TaskMaker
from sromod.services.demo_topics import (
    GENERIC_RESULTS,
    MISC_RESULTS,
    REPORT_RESULTS,
    REPORT_TASKS,
    TOP_TASKS,
    TOPICS,
    Topic,
)
from sromod.services.demo_world import HELD_STATES, Gen, MeetingRec, PersonRec, Row, World
from sromod.services.wording import german_date

_ATTENDANCE = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.ABSENT,
    AttendanceStatus.REPRESENTED,
)
_SUBSTANTIVE_KINDS = (
    AgendaItemKind.DISCUSSION,
    AgendaItemKind.DECISION,
    AgendaItemKind.REPORT,
    AgendaItemKind.INFO,
)
_VOTE_CHANCE = {DecisionKind.BESCHLUSS: 0.7, DecisionKind.EMPFEHLUNG: 0.3}
_GENERIC_SUBITEMS = ("Aussprache", "Beschlussvorschlag", "Nächste Schritte", "Bericht vor Ort")


@dataclass
class Top:
    row: Row
    kind: AgendaItemKind
    topic: Topic | None
    fill: dict[str, str]
    region: tuple[str, str] | None
    children: list[Top] = field(default_factory=list)
    treated: bool = False


class MeetingWriter:
    def __init__(self, gen: Gen, world: World) -> None:
        self.gen = gen
        self.world = world
        self.tasks = TaskMaker(gen, world)
        self.decision_seq: dict[int, int] = defaultdict(int)

    def write(self, m: MeetingRec) -> None:
        tops = self._agenda(m)
        voters = 0
        if m.state in (*HELD_STATES, MeetingState.RUNNING):
            voters = self._attendance(m)
        self._schedule(m, tops)
        review = next(t for t in tops if t.kind == AgendaItemKind.REVIEW)
        reviewed = self.tasks.review(m, review.row["id"])
        for top in tops:
            if top.treated:
                self._content(m, top, voters, reviewed)
        self.tasks.end_meeting(m)

    # --- agenda -------------------------------------------------------------------------------

    def _agenda(self, m: MeetingRec) -> list[Top]:
        rng, kind = self.gen.rng, m.body.spec.kind
        tops: list[Top] = []
        standing = (*STANDING_HEAD, *STANDING_REPORTS[kind])
        for title, item_kind, minutes in standing:
            tops.append(self._top(m, len(tops) + 1, title, item_kind, minutes, self._fill(m)))
        count = rng.randint(3, 7)
        for topic in rng.choices([TOPICS[k] for k in m.body.spec.topics], k=count):
            position = sum(1 for t in tops if t.row["parent_id"] is None) + 1
            tops.extend(self._topic_top(m, position, topic))
        for title, item_kind, minutes in STANDING_TAIL:
            position = sum(1 for t in tops if t.row["parent_id"] is None) + 1
            tops.append(self._top(m, position, title, item_kind, minutes, self._fill(m)))
        return tops

    def _topic_top(self, m: MeetingRec, position: int, topic: Topic) -> list[Top]:
        rng = self.gen.rng
        fill = self._fill(m, topic)
        kind = rng.choices(_SUBSTANTIVE_KINDS, weights=(45, 25, 15, 15))[0]
        title = rng.choice(topic.titles).format(**fill)
        minutes = rng.choice((15, 15, 20, 20, 25, 30))
        parent = self._top(m, position, title, kind, minutes, fill, topic)
        parent.row["presenter"] = fill["office"]
        if rng.random() < 0.2:
            parent.row["description"] = rng.choice(
                ("Die Unterlagen werden vorab verschickt.", "Vorlage siehe Anlage.")
            )
        tops = [parent]
        if rng.random() < 0.35:
            titles = rng.sample((*topic.subitems, *_GENERIC_SUBITEMS), rng.randint(2, 3))
            for number, sub in enumerate(titles, start=1):
                sub_kind = rng.choice((AgendaItemKind.DISCUSSION, AgendaItemKind.INFO, kind))
                child = self._top(m, number, sub, sub_kind, 10, fill, topic, parent)
                parent.children.append(child)
                tops.append(child)
        return tops

    def _top(
        self,
        m: MeetingRec,
        position: int,
        title: str,
        kind: AgendaItemKind,
        minutes: int,
        fill: dict[str, str],
        topic: Topic | None = None,
        parent: Top | None = None,
    ) -> Top:
        planned = self.gen.at(min(m.day - timedelta(days=21), self.gen.today), 10)
        row = self.gen.add(
            "agenda_items",
            planned,
            meeting_id=m.id,
            parent_id=parent.row["id"] if parent else None,
            position=position,
            title=title,
            kind=kind,
            planned_minutes=minutes,
            state=AgendaItemState.OPEN,
        )
        region = None
        if topic is not None and parent is None:
            region = self.world.regions_by_name[fill["region"]]
            self._tag_regions("agenda_item_regions", "agenda_item_id", row, region, planned)
        return Top(row, kind, topic, fill, region)

    def _tag_regions(
        self, table: str, key: str, row: Row, region: tuple[str, str], created: datetime
    ) -> None:
        self.gen.add(table, created, **{key: row["id"], "region_id": region[0]})
        rooms = self.world.planungsraeume.get(region[0], [])
        if len(rooms) > 1 and self.gen.rng.random() < 0.3:
            room = self.gen.rng.choice(rooms)
            self.gen.add(table, created, **{key: row["id"], "region_id": room[0]})

    def _fill(self, m: MeetingRec, topic: Topic | None = None) -> dict[str, str]:
        rng, year = self.gen.rng, m.day.year
        region = m.body.region
        if region is None or rng.random() < 0.2:
            region = rng.choice(self.world.bezirksregionen)
        if topic is not None and topic.regions and region[1] not in topic.regions:
            region = self.world.regions_by_name[rng.choice(topic.regions)]
        office = rng.choice(topic.offices if topic else ANY_OFFICES)
        return {
            "region": region[1],
            "year": str(year),
            "prev_year": str(year - 1),
            "next_year": str(year + 1),
            "street": rng.choice(STREETS),
            "school": rng.choice(SCHOOLS),
            "jfe": rng.choice(YOUTH_CLUBS),
            "park": rng.choice(PARKS),
            "qm": rng.choice(QM_AREAS),
            "amount": f"{rng.randrange(4, 160) * 500:,}".replace(",", "."),
            "month": MONTHS[rng.randrange(12)],
            "office": rng.choice(self.world.staff[office]).label,
        }

    def _schedule(self, m: MeetingRec, tops: list[Top]) -> None:
        """Mark treated TOPs and spread the meeting's real duration over them."""
        rng = self.gen.rng
        top_level = [t for t in tops if t.row["parent_id"] is None]
        if m.state in HELD_STATES:
            done = top_level
        elif m.state == MeetingState.RUNNING:
            done = top_level[: len(top_level) // 2]
        else:
            return
        for top in done:
            postponed = top.topic is not None and rng.random() < 0.04
            for t in (top, *top.children):
                t.treated = not postponed
                t.row["state"] = AgendaItemState.POSTPONED if postponed else AgendaItemState.TREATED
        leaves = [t for t in tops if t.treated and not t.children]
        planned = sum(t.row["planned_minutes"] for t in leaves) or 1
        total = (m.end - m.start).total_seconds() / 60 if m.end else planned
        cursor = m.start
        for top in leaves:
            minutes = top.row["planned_minutes"] * total / planned
            top.row["actual_start"] = cursor
            cursor += timedelta(minutes=round(minutes))
            top.row["actual_end"] = cursor
        for top in tops:
            if top.treated and top.children:
                top.row["actual_start"] = top.children[0].row["actual_start"]
                top.row["actual_end"] = top.children[-1].row["actual_end"]
            top.row["updated_at"] = self.gen.utc(top.row["actual_end"] or m.start)

    # --- attendance ---------------------------------------------------------------------------

    def _attendance(self, m: MeetingRec) -> int:
        """Members' attendance and a few guests; returns the voting members present."""
        rng, seen, voters = self.gen.rng, set(), 0
        created = m.start
        for number, seat in enumerate(m.body.seats):
            person = seat.at(m.day)
            if person.id in seen:
                continue
            seen.add(person.id)
            status = rng.choices(_ATTENDANCE, weights=(76, 12, 5, 7))[0]
            if number == 0:  # the chair moderates, so the minutes' greeting names them
                status = AttendanceStatus.PRESENT
            late = status == AttendanceStatus.PRESENT and rng.random() < 0.1
            self.gen.add(
                "attendances",
                created,
                meeting_id=m.id,
                person_id=person.id,
                status=status,
                represented_by=self._colleague(person) if status == "vertreten" else None,
                role=seat.role.label,
                voting=seat.voting,
                arrived_at=(m.start + timedelta(minutes=rng.randint(10, 40))).time()
                if late
                else None,
            )
            if seat.voting and status in (AttendanceStatus.PRESENT, AttendanceStatus.REPRESENTED):
                voters += 1
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            self._guest(m, seen, created)
        return voters

    def _guest(self, m: MeetingRec, seen: set[str], created: datetime) -> None:
        rng = self.gen.rng
        person = rng.choice(self.world.all_externals)
        known = rng.random() < 0.6 and person.id not in seen
        if known:
            seen.add(person.id)
        self.gen.add(
            "attendances",
            created,
            meeting_id=m.id,
            person_id=person.id if known else None,
            guest_name=None if known else f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
            guest_organisation=None if known else rng.choice(EXTERNAL_ORGS)[0],
            status=AttendanceStatus.PRESENT,
            role="Gast",
            voting=False,
        )

    def _colleague(self, person: PersonRec) -> str:
        if person.office:
            pool = self.world.staff[person.office]
        else:
            pool = self.world.externals[person.organisation or ""]
        others = [p for p in pool if p is not person] or pool
        return self.gen.rng.choice(others).name

    # --- results, decisions, tasks ------------------------------------------------------------

    def _content(self, m: MeetingRec, top: Top, voters: int, reviewed: int) -> None:
        top.row["result"] = self._result(m, top, reviewed)
        if top.children or top.kind in (AgendaItemKind.FORMAL, AgendaItemKind.NEXT_DATE):
            return
        if top.kind == AgendaItemKind.REVIEW:
            return
        decision = None
        chance = 0.6 if top.kind == AgendaItemKind.DECISION else 0.25
        if top.topic is not None and self.gen.rng.random() < chance:
            decision = self._decision(m, top, voters)
        if top.kind == AgendaItemKind.MISC:
            count = int(self.gen.rng.random() < 0.3)
        elif top.topic is None:
            count = self.gen.rng.randint(0, 2)
        else:
            count = self.gen.rng.randint(1, 6)
        titles = self._task_titles(top)
        offices = top.topic.offices if top.topic else ANY_OFFICES
        for title in titles[:count]:
            self.tasks.create(m, top.row, title, offices, top.fill, top.region, decision)

    def _task_titles(self, top: Top) -> list[str]:
        """Different follow-ups for one TOP: the topic's own first, then generic ones."""
        rng = self.gen.rng
        own = list(top.topic.tasks if top.topic else REPORT_TASKS)
        generic = list(TOP_TASKS)
        rng.shuffle(own)
        rng.shuffle(generic)
        fill = {**top.fill, "top": top.row["title"]}
        return [t.format(**fill) for t in (*own, *generic)]

    def _result(self, m: MeetingRec, top: Top, reviewed: int) -> str | None:
        rng, fill = self.gen.rng, top.fill
        if top.children:
            return "Siehe Unterpunkte."
        if top.kind == AgendaItemKind.FORMAL and top.row["position"] == 1:
            change = rng.choice(("ohne Änderungen", "mit einer Ergänzung unter Verschiedenes"))
            chair = m.body.seats[0].at(m.day).name
            return f"{chair} begrüßt die Anwesenden. Die Tagesordnung wird {change} festgestellt."
        if top.kind == AgendaItemKind.FORMAL:
            if m.number == 1:
                return "Entfällt (erste Sitzung)."
            how = rng.choice(("ohne Änderungen", "mit einer redaktionellen Änderung"))
            return f"Das Protokoll der {m.number - 1}. Sitzung wird {how} genehmigt."
        if top.kind == AgendaItemKind.REVIEW:
            if not reviewed:
                return "Es liegen keine offenen Aufgaben vor."
            return f"Der Stand von {reviewed} Aufgaben wird besprochen (siehe Tabelle)."
        if top.kind == AgendaItemKind.NEXT_DATE:
            if m.next_date is None:
                return "Der nächste Termin wird noch bekanntgegeben."
            start = m.body.spec.start_hour
            return (
                f"Die nächste Sitzung findet am {german_date(m.next_date)} um {start}:00 Uhr statt."
            )
        if top.kind == AgendaItemKind.MISC:
            return rng.choice(MISC_RESULTS).format(**fill)
        pool = top.topic.results if top.topic else REPORT_RESULTS
        sentences = rng.sample(pool, min(2, len(pool)))
        if rng.random() < 0.4:
            sentences.append(rng.choice(GENERIC_RESULTS))
        return " ".join(s.format(**fill) for s in sentences)

    def _decision(self, m: MeetingRec, top: Top, voters: int) -> Row:
        rng, year = self.gen.rng, m.day.year
        self.decision_seq[year] += 1
        seq = self.decision_seq[year]
        kind = rng.choices(tuple(DecisionKind), weights=(35, 30, 20, 15))[0]
        votes: tuple[int | None, int | None, int | None] = (None, None, None)
        if voters and rng.random() < _VOTE_CHANCE.get(kind, 0):
            against, abstain = rng.randint(0, voters // 5), rng.randint(0, voters // 5)
            votes = (max(1, voters - against - abstain), against, abstain)
        assert top.topic is not None
        row = self.gen.add(
            "decisions",
            top.row["actual_end"] or m.start,
            agenda_item_id=top.row["id"],
            year=year,
            seq=seq,
            register_number=f"B-{year}/{seq:03d}",
            kind=kind,
            text=rng.choice(top.topic.decisions).format(**top.fill),
            votes_for=votes[0],
            votes_against=votes[1],
            votes_abstain=votes[2],
        )
        if top.region is not None and rng.random() < 0.7:
            self._tag_regions("decision_regions", "decision_id", row, top.region, m.start)
        return row
