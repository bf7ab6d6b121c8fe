"""Directory: offices, people, regions and the domain settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from sromod.models import Office, OfficeKind, Person, Region, RegionLevel, Setting
from sromod.services.common import apply_fields, clean_text, get_or_fail
from sromod.services.errors import ServiceError
from sromod.services.uow import unit_of_work
from sromod.store import Store


@dataclass(frozen=True)
class OfficeInfo:
    id: str
    code: str
    name: str
    kind: OfficeKind
    active: bool
    version: int = 0  # what the window saw, for `concurrency.expecting`

    @property
    def display(self) -> str:
        return f"{self.code} – {self.name}"


@dataclass(frozen=True)
class PersonInfo:
    id: str
    name: str
    office_id: str | None
    office_code: str | None
    organisation: str | None
    function: str | None
    email: str | None
    phone: str | None
    external: bool
    contact_consent: bool
    active: bool
    anonymised: bool
    version: int = 0  # what the window saw, for `concurrency.expecting`

    @property
    def affiliation(self) -> str:
        """Office code or external organisation, for lists and minutes."""
        return self.office_code or self.organisation or ""


@dataclass(frozen=True)
class RegionInfo:
    id: str
    lor_id: str
    name: str
    level: RegionLevel
    parent_id: str | None
    parent_name: str | None

    @property
    def display(self) -> str:
        return f"{self.lor_id} {self.name}"


OFFICE_FIELDS = {"code", "name", "kind", "active"}
PERSON_FIELDS = {
    "name",
    "office_id",
    "organisation",
    "function",
    "email",
    "phone",
    "external",
    "contact_consent",
    "consent_on",
    "active",
}


def _office_info(o: Office) -> OfficeInfo:
    return OfficeInfo(o.id, o.code, o.name, o.kind, o.active, o.version)


def list_offices(store: Store, *, active_only: bool = False) -> list[OfficeInfo]:
    with store.session() as session:
        query = select(Office).order_by(Office.kind, Office.name)
        if active_only:
            query = query.where(Office.active.is_(True))
        return [_office_info(o) for o in session.scalars(query)]


def office_by_code(store: Store, code: str) -> OfficeInfo | None:
    with store.session() as session:
        found = session.scalars(select(Office).where(Office.code == code)).first()
        return _office_info(found) if found else None


def create_office(store: Store, code: str, name: str, kind: OfficeKind = OfficeKind.FACHAMT) -> str:
    code_text = clean_text(code, what="Das Kürzel", required=True, limit=32)
    name_text = clean_text(name, what="Der Name des Amtes", required=True, limit=200)
    with unit_of_work(store) as session:
        if session.scalars(select(Office).where(Office.code == code_text)).first():
            raise ServiceError(f"Das Kürzel „{code_text}“ ist schon vergeben.")
        office = Office(code=code_text, name=name_text, kind=kind)
        session.add(office)
        session.flush()
        return office.id


def update_office(store: Store, /, office_id: str, **fields: Any) -> None:
    with unit_of_work(store) as session:
        office = get_or_fail(session, Office, office_id)
        if "code" in fields:
            fields["code"] = clean_text(fields["code"], what="Das Kürzel", required=True, limit=32)
            clash = session.scalars(
                select(Office).where(Office.code == fields["code"], Office.id != office_id)
            ).first()
            if clash:
                raise ServiceError(f"Das Kürzel „{fields['code']}“ ist schon vergeben.")
        if "name" in fields:
            fields["name"] = clean_text(fields["name"], what="Der Name", required=True, limit=200)
        apply_fields(office, fields, OFFICE_FIELDS)


def _person_query() -> Any:
    return select(Person, Office.code).outerjoin(Office, Person.office_id == Office.id)


def _person_info(p: Person, office_code: str | None) -> PersonInfo:
    return PersonInfo(
        p.id,
        p.name,
        p.office_id,
        office_code,
        p.organisation,
        p.function,
        p.email,
        p.phone,
        p.external,
        p.contact_consent,
        p.active,
        p.anonymised_at is not None,
        p.version,
    )


def list_people(
    store: Store, *, active_only: bool = False, office_id: str | None = None
) -> list[PersonInfo]:
    with store.session() as session:
        query = _person_query().order_by(Person.name)
        if active_only:
            query = query.where(Person.active.is_(True))
        if office_id:
            query = query.where(Person.office_id == office_id)
        return [_person_info(p, code) for p, code in session.execute(query)]


def get_person(store: Store, person_id: str) -> PersonInfo:
    with store.session() as session:
        person = get_or_fail(session, Person, person_id)
        return _person_info(person, person.office.code if person.office else None)


def create_person(store: Store, /, name: str, **fields: Any) -> str:
    name_text = clean_text(name, what="Der Name", required=True, limit=200)
    with unit_of_work(store) as session:
        person = Person(name=name_text)
        apply_fields(person, _clean_person_fields(fields), PERSON_FIELDS)
        if fields.get("contact_consent") and "consent_on" not in fields:
            person.consent_on = date.today()
        session.add(person)
        session.flush()
        return person.id


def update_person(store: Store, /, person_id: str, **fields: Any) -> None:
    with unit_of_work(store) as session:
        person = get_or_fail(session, Person, person_id)
        if "name" in fields:
            fields["name"] = clean_text(fields["name"], what="Der Name", required=True, limit=200)
        if fields.get("contact_consent") and not person.contact_consent:
            fields.setdefault("consent_on", date.today())
        apply_fields(person, _clean_person_fields(fields), PERSON_FIELDS)


# field → (its name in a German refusal, the column's length)
_PERSON_TEXTS = {
    "organisation": ("Die Organisation", 200),
    "function": ("Die Funktion", 200),
    "email": ("Die E-Mail-Adresse", 200),
    "phone": ("Die Telefonnummer", 100),
}


def _clean_person_fields(fields: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(fields)
    for key, (what, limit) in _PERSON_TEXTS.items():
        if key in cleaned:
            cleaned[key] = clean_text(cleaned[key], what=what, limit=limit)
    return cleaned


def list_regions(store: Store, level: RegionLevel | None = None) -> list[RegionInfo]:
    parent = aliased(Region)
    with store.session() as session:
        query = (
            select(Region, parent.name)
            .outerjoin(parent, Region.parent_id == parent.id)
            .order_by(Region.lor_id)
        )
        if level is not None:
            query = query.where(Region.level == level)
        return [
            RegionInfo(r.id, r.lor_id, r.name, r.level, r.parent_id, parent_name)
            for r, parent_name in session.execute(query)
        ]


def get_setting(store: Store, key: str, default: str | None = None) -> str | None:
    with store.session() as session:
        found = session.scalars(select(Setting).where(Setting.key == key)).first()
        return found.value if found is not None else default


def set_setting(store: Store, key: str, value: str | None) -> None:
    with unit_of_work(store) as session:
        found = session.scalars(select(Setting).where(Setting.key == key)).first()
        if found is None:
            session.add(Setting(key=key, value=value))
        else:
            found.value = value
