"""The demo store's world: people, bodies with their seats, and each body's meeting calendar.

Rows are collected as plain dicts (one full key set per table) and written in bulk by
`sromod.services.demo`; ids come from the seeded generator so the same seed gives the same store.
"""

from __future__ import annotations

import bisect
import random
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, select

from sromod.models import Base, BodyKind, MeetingState, MemberRole, Office, Region
from sromod.services.demo_data import (
    BODIES,
    EXTERNAL_ORGS,
    FEMALE_FUNCTIONS,
    FEMALE_NAMES,
    FIRST_NAMES,
    MALE_FUNCTIONS,
    MALE_NAMES,
    OFFICE_FUNCTIONS,
    STANDING_HEAD,
    STANDING_REPORTS,
    STANDING_TAIL,
    SURNAMES,
    TITLES,
    WEEKDAYS,
    BodySpec,
)
from sromod.services.local_zone import berlin_zone

Row = dict[str, Any]


_RAND_B = (1 << 62) - 1
HELD_STATES = (MeetingState.HELD, MeetingState.RELEASED)
# Every column of every table, with the column's own default where it has a plain one
# (a NOT NULL counter such as meetings.ics_sequence must not be written as NULL).
_DEFAULTS: dict[str, Row] = {
    t.name: {
        c.name: getattr(c.default, "arg", None)
        if c.default is not None and c.default.is_scalar
        else None
        for c in t.columns
    }
    for t in Base.metadata.sorted_tables
}


class Gen:
    """Seeded randomness, the clock of the demo and the buffer of rows still to be written."""

    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.rows: dict[str, list[Row]] = defaultdict(list)
        self._offsets: dict[date, timedelta] = {}
        self._tick = int(datetime.combine(today, time(0), UTC).timestamp() * 1000)

    def new_id(self) -> str:
        """A time-ordered version-7 UUID (RFC 9562) with seeded random bits.

        Ids that grow in insert order land at the end of every primary-key and foreign-key
        index; random version-4 ids made the bulk load wait on the page cache (20 s → 35 s at
        scale 10 with a 16 MB cache). The "timestamp" counts milliseconds from today's midnight.
        """
        self._tick += 1
        rand = self.rng.getrandbits(74)
        value = (self._tick << 80) | (7 << 76) | ((rand >> 62) << 64) | (2 << 62) | (rand & _RAND_B)
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def add(
        self, table: str, created: datetime, updated: datetime | None = None, **values: Any
    ) -> Row:
        """Buffer one row; created/updated are local times, stored as naive UTC."""
        row = dict(_DEFAULTS[table])
        row.update(values)
        if row["id"] is None:
            row["id"] = self.new_id()
        row["created_at"] = self.utc(created)
        row["updated_at"] = self.utc(updated) if updated else row["created_at"]
        self.rows[table].append(row)
        return row

    def utc(self, local: datetime) -> datetime:
        """Naive local Berlin time to naive UTC, as the store keeps timestamps."""
        offset = self._offsets.get(local.date())
        if offset is None:
            noon = datetime.combine(local.date(), time(12), berlin_zone())
            offset = noon.utcoffset() or timedelta(0)
            self._offsets[local.date()] = offset
        return local - offset

    def at(self, day: date, hour: int | None = None) -> datetime:
        """A local office-hours moment on day."""
        hour = self.rng.randint(8, 16) if hour is None else hour
        return datetime.combine(day, time(hour, self.rng.randrange(0, 60, 5)))


@dataclass
class PersonRec:
    id: str
    name: str
    office: str | None  # office code
    organisation: str | None
    function: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.office or self.organisation})"


@dataclass
class Seat:
    role: MemberRole
    voting: bool
    occupants: list[tuple[PersonRec, date | None]]  # person, from (None: since ever)

    def at(self, day: date) -> PersonRec:
        current = self.occupants[0][0]
        for person, since in self.occupants:
            if since is None or since <= day:
                current = person
        return current


@dataclass
class MeetingRec:
    id: str
    body: BodyRec
    number: int
    day: date
    start: datetime  # actual start if held, else planned start (local)
    end: datetime | None  # actual end of a held meeting
    state: MeetingState
    next_date: date | None = None
    index: int = 0


@dataclass
class BodyRec:
    id: str
    spec: BodySpec
    region: tuple[str, str] | None  # (id, name)
    seats: list[Seat]
    minute_taker: PersonRec
    meetings: list[MeetingRec] = field(default_factory=list)
    held_days: list[date] = field(default_factory=list)
    held: list[MeetingRec] = field(default_factory=list)

    def next_held(self, day: date, after: int) -> MeetingRec | None:
        """The first held meeting on or after day that comes after meeting index `after`."""
        i = bisect.bisect_left(self.held_days, day)
        while i < len(self.held) and self.held[i].index <= after:
            i += 1
        return self.held[i] if i < len(self.held) else None


def ascii_name(text: str) -> str:
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in text if c.isalnum() or c in ".-")


class World:
    """The directory and the bodies of the demo, built once before the meetings."""

    def __init__(self, gen: Gen, conn: Connection, scale: int) -> None:
        self.gen = gen
        self.scale = scale
        self.start = gen.today - timedelta(days=round(365.25 * scale))
        self.offices = {code: oid for code, oid in conn.execute(select(Office.code, Office.id))}
        self.regions = {
            lor: (rid, name)
            for lor, rid, name in conn.execute(select(Region.lor_id, Region.id, Region.name))
        }
        self.bezirksregionen = [v for k, v in self.regions.items() if len(k) == 6]
        self.regions_by_name = {name: (rid, name) for rid, name in self.bezirksregionen}
        self.planungsraeume: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for lor, value in self.regions.items():
            if len(lor) == 8:
                self.planungsraeume[self.regions[lor[:6]][0]].append(value)
        self.staff: dict[str, list[PersonRec]] = defaultdict(list)
        self.externals: dict[str, list[PersonRec]] = defaultdict(list)
        self.all_externals: list[PersonRec] = []
        self.bodies: list[BodyRec] = []
        self._names: set[str] = set()

    # --- people -------------------------------------------------------------------------------

    def build_people(self) -> None:
        target = 300 * self.scale
        for code, functions in OFFICE_FUNCTIONS.items():
            for function in functions:
                self.person(code, None, function)
        staff_target = 80 * self.scale
        codes = list(OFFICE_FUNCTIONS)
        while sum(len(v) for v in self.staff.values()) < staff_target:
            code = self.gen.rng.choice(codes)
            self.person(code, None, self.gen.rng.choice(OFFICE_FUNCTIONS[code][1:]))
        for org, functions, _domain in EXTERNAL_ORGS:
            for function in functions:
                self.person(None, org, function)
        # Predecessors on seats are added later; leave room for them in the target.
        while len(self._names) < target - 4 * self.scale - 20:
            org, functions, _domain = self.gen.rng.choice(EXTERNAL_ORGS)
            self.person(None, org, self.gen.rng.choice(functions))

    def person(
        self, office: str | None, org: str | None, function: str, active: bool = True
    ) -> PersonRec:
        rng = self.gen.rng
        first_names: tuple[str, ...] = FIRST_NAMES
        if function in FEMALE_FUNCTIONS:
            first_names = FEMALE_NAMES
        elif function in MALE_FUNCTIONS:
            first_names = MALE_NAMES
        for _ in range(6):
            name = f"{rng.choice(TITLES)}{rng.choice(first_names)} {rng.choice(SURNAMES)}"
            if name not in self._names:
                break
        self._names.add(name)
        rec = PersonRec(self.gen.new_id(), name, office, org, function)
        (self.staff[office] if office else self.externals[org or ""]).append(rec)
        if org:
            self.all_externals.append(rec)
        self._person_row(rec, active and rng.random() > 0.04)
        return rec

    def _person_row(self, rec: PersonRec, active: bool) -> None:
        rng = self.gen.rng
        first, last = rec.name.replace("Dr. ", "").split(" ", 1)
        domain = "ba-tk.example" if rec.office else self._org_domain(rec.organisation)
        email = f"{ascii_name(first)}.{ascii_name(last)}@{domain}"
        consent = rng.random() < (0.3 if rec.office else 0.45)
        created = self.gen.at(self.start - timedelta(days=rng.randint(0, 900)))
        self.gen.add(
            "persons",
            created,
            id=rec.id,
            name=rec.name,
            office_id=self.offices.get(rec.office or ""),
            organisation=rec.organisation,
            function=rec.function,
            email=email if rng.random() < 0.75 else None,
            phone=f"030 555 {rng.randint(1000, 9999)}" if rng.random() < 0.5 else None,
            external=rec.office is None,
            contact_consent=consent,
            consent_on=created.date() if consent else None,
            active=active,
        )

    @staticmethod
    def _org_domain(org: str | None) -> str:
        for name, _functions, domain in EXTERNAL_ORGS:
            if name == org:
                return f"{domain}.example"
        return "example.org"

    # --- bodies -------------------------------------------------------------------------------

    def build_bodies(self) -> None:
        for spec in BODIES:
            region = self.regions[spec.lor_id] if spec.lor_id else None
            used: set[str] = set()
            seats = self._seats(spec, used)
            minute_taker = self._pick_staff("SPK", used)
            body = BodyRec(self.gen.new_id(), spec, region, seats, minute_taker)
            self.bodies.append(body)
            self._body_rows(body)

    def _seats(self, spec: BodySpec, used: set[str]) -> list[Seat]:
        seats: list[Seat] = []

        def seat(
            person: PersonRec, role: MemberRole = MemberRole.MEMBER, voting: bool = True
        ) -> None:
            used.add(person.id)
            seats.append(Seat(role, voting, self._with_predecessor(person)))

        rng = self.gen.rng
        if spec.kind == BodyKind.AG_SRO:
            seat(self.staff["SPK"][0], MemberRole.CHAIR)
            for code in OFFICE_FUNCTIONS:
                if code != "SPK":
                    seat(self.staff[code][0], MemberRole.MEMBER, not code.startswith("SE "))
            seat(self._pick_staff("SPK", used), MemberRole.OFFICE, False)
            return seats
        if spec.kind == BodyKind.OTK:
            seat(self._pick_external(used), MemberRole.CHAIR)
            seat(self._pick_staff("SPK", used), MemberRole.OFFICE, False)
            codes = rng.sample(["Jug", "Soz", "SGA", "WbK", "StadtEntw"], 2)
            external_count = rng.randint(9, 12)
        elif spec.kind == BodyKind.STEERING:
            seat(self._pick_staff("SPK", used), MemberRole.CHAIR)
            codes = ["Jug", "Soz", "SchulSport", "StadtEntw", "SGA", "Ges"]
            external_count = rng.randint(4, 6)
        else:
            seat(self._pick_staff("SPK", used), MemberRole.CHAIR)
            codes = rng.sample(list(OFFICE_FUNCTIONS), rng.randint(3, 5))
            external_count = rng.randint(2, 4)
        for code in codes:
            seat(self._pick_staff(code, used))
        for _ in range(external_count):
            seat(self._pick_external(used))
        seat(self._pick_external(used), MemberRole.ADVISORY, False)
        seats[-2].role = MemberRole.DEPUTY
        return seats

    def _pick_staff(self, code: str, used: set[str]) -> PersonRec:
        pool = [p for p in self.staff[code][1:] if p.id not in used] or self.staff[code]
        return self.gen.rng.choice(pool)

    def _pick_external(self, used: set[str]) -> PersonRec:
        for _ in range(20):
            person = self.gen.rng.choice(self.all_externals)
            if person.id not in used:
                return person
        return person

    def _with_predecessor(self, person: PersonRec) -> list[tuple[PersonRec, date | None]]:
        """A seat's occupants over time: now and then someone held it before."""
        rng = self.gen.rng
        if rng.random() > min(0.5, 0.06 * self.scale):
            return [(person, None)]
        before = self.person(person.office, person.organisation, person.function, active=False)
        span = (self.gen.today - self.start).days
        since = self.start + timedelta(days=rng.randint(span // 6, span - 30))
        return [(before, None), (person, since)]

    def _body_rows(self, body: BodyRec) -> None:
        spec, gen = body.spec, self.gen
        created = gen.at(self.start - timedelta(days=60), 9)
        voting = sum(1 for s in body.seats if s.voting)
        gen.add(
            "bodies",
            created,
            id=body.id,
            name=spec.name,
            short_name=spec.short_name,
            kind=spec.kind,
            region_id=body.region[0] if body.region else None,
            default_place=spec.place,
            default_start=time(spec.start_hour),
            default_minutes=spec.minutes,
            moderator_id=body.seats[0].at(gen.today).id,
            minute_taker_id=body.minute_taker.id,
            organisational_unit="Sozialraumorientierte Planungskoordination (SPK)",
            quorum=voting // 2 + 1 if spec.kind == BodyKind.AG_SRO else None,
            needs_attendance_list=spec.kind == BodyKind.OTK,
            description=None,
            active=True,
        )
        items = (*STANDING_HEAD, *STANDING_REPORTS[spec.kind], *STANDING_TAIL)
        for position, (title, kind, minutes) in enumerate(items, start=1):
            gen.add(
                "standing_agenda_items",
                created,
                body_id=body.id,
                position=position,
                title=title,
                kind=kind,
                planned_minutes=minutes,
            )
        for seat in body.seats:
            self._membership_rows(body, seat, created)

    def _membership_rows(self, body: BodyRec, seat: Seat, created: datetime) -> None:
        for i, (person, since) in enumerate(seat.occupants):
            until = seat.occupants[i + 1][1] if i + 1 < len(seat.occupants) else None
            self.gen.add(
                "memberships",
                self.gen.at(since, 9) if since else created,
                body_id=body.id,
                person_id=person.id,
                role=seat.role,
                voting=seat.voting,
                valid_from=since,
                valid_to=until - timedelta(days=1) if until else None,
            )

    # --- calendar -----------------------------------------------------------------------------

    def build_calendar(self) -> list[MeetingRec]:
        """Every body's meetings from the start to some weeks ahead, in date order."""
        end = self.gen.today + timedelta(days=70)
        for number, body in enumerate(self.bodies):
            days = self._days(body.spec, end)
            if number == 1:
                # One steering round meets today, so the demo shows a running meeting.
                days = sorted(
                    {d for d in days if abs((d - self.gen.today).days) > 14} | {self.gen.today}
                )
            previous: MeetingRec | None = None
            for index, day in enumerate(days):
                meeting = self._meeting(body, index, day)
                body.meetings.append(meeting)
                if meeting.state in HELD_STATES:
                    body.held_days.append(day)
                    body.held.append(meeting)
                if meeting.state != MeetingState.CANCELLED:
                    if previous is not None:
                        previous.next_date = day
                    previous = meeting
        meetings = [m for b in self.bodies for m in b.meetings]
        meetings.sort(key=lambda m: (m.day, m.start))
        return meetings

    def _days(self, spec: BodySpec, end: date) -> list[date]:
        weekday = WEEKDAYS[spec.weekday]
        days: list[date] = []
        if spec.every_weeks == 0:
            month = date(self.start.year, self.start.month, 1)
            while month <= end:
                first = month + timedelta(days=(weekday - month.weekday()) % 7)
                days.append(first + timedelta(days=7))
                month = (month + timedelta(days=32)).replace(day=1)
        else:
            day = self.start + timedelta(days=(weekday - self.start.weekday()) % 7)
            day += timedelta(weeks=self.gen.rng.randrange(spec.every_weeks))
            while day <= end:
                days.append(day)
                day += timedelta(weeks=spec.every_weeks)
        return [d for d in days if self.start <= d <= end and not _holiday(d)]

    def _meeting(self, body: BodyRec, index: int, day: date) -> MeetingRec:
        rng, today = self.gen.rng, self.gen.today
        planned = datetime.combine(day, time(body.spec.start_hour))
        if day > today:
            soon = (day - today).days <= 14
            state = MeetingState.INVITED if soon else MeetingState.PLANNED
        elif day == today:
            # Only the round placed on today runs now; any other meets later today.
            running = body is self.bodies[1]
            state = MeetingState.RUNNING if running else MeetingState.INVITED
        elif rng.random() < 0.03:
            state = MeetingState.CANCELLED
        else:
            state = MeetingState.HELD if (today - day).days < 21 else MeetingState.RELEASED
        start, end = planned, None
        if state in (*HELD_STATES, MeetingState.RUNNING):
            start = planned + timedelta(minutes=rng.randint(0, 10))
        if state in HELD_STATES:
            end = start + timedelta(minutes=body.spec.minutes + rng.randint(-20, 25))
        return MeetingRec(self.gen.new_id(), body, index + 1, day, start, end, state, index=index)

    def meeting_row(self, m: MeetingRec) -> None:
        """Buffer the meeting's own row (before its content, which refers to it)."""
        gen, spec = self.gen, m.body.spec
        created = gen.at(min(m.day - timedelta(days=28), gen.today), 9)
        invited = gen.at(m.day - timedelta(days=14), 9)
        released = None
        if m.state == MeetingState.RELEASED:
            released = gen.at(m.day + timedelta(days=gen.rng.randint(5, 20)), 15)
        cancelled = m.state == MeetingState.CANCELLED
        gen.add(
            "meetings",
            created,
            released or m.end or created,
            id=m.id,
            body_id=m.body.id,
            number=m.number,
            date=m.day,
            planned_start=time(spec.start_hour),
            planned_end=(
                datetime.combine(m.day, time(spec.start_hour)) + timedelta(minutes=spec.minutes)
            ).time(),
            actual_start=m.start if m.state in (*HELD_STATES, MeetingState.RUNNING) else None,
            actual_end=m.end,
            place=spec.place,
            moderator_id=m.body.seats[0].at(m.day).id,
            minute_taker_id=m.body.minute_taker.id,
            state=m.state,
            invited_at=gen.utc(invited) if m.state != MeetingState.PLANNED else None,
            released_at=gen.utc(released) if released else None,
            next_date=None if cancelled else m.next_date,
            next_note="Einladung folgt." if m.next_date and gen.rng.random() < 0.2 else None,
            notes="Abgesagt: zu wenige Zusagen." if cancelled else None,
        )


def _holiday(day: date) -> bool:
    """Summer and Christmas breaks, when no round meets."""
    m, d = day.month, day.day
    return (
        (m == 7 and d >= 15) or (m == 8 and d <= 20) or (m == 12 and d >= 20) or (m == 1 and d <= 6)
    )
