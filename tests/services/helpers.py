"""Small builders for service tests."""

from __future__ import annotations

from datetime import date

from sromod.models import BodyKind, MemberRole
from sromod.services import bodies, directory, meetings
from sromod.store import Store, open_store
from sromod.store.database import make_engine


def office_id(store: Store, code: str) -> str:
    found = directory.office_by_code(store, code)
    assert found is not None
    return found.id


def make_body(store: Store, *, members: int = 3, quorum: int | None = None) -> str:
    body_id = bodies.create_body(
        store,
        "Arbeitsgruppe Sozialraumorientierung",
        "AG SRO",
        BodyKind.AG_SRO,
        quorum=quorum,
        default_place="Rathaus Köpenick, Raum 120",
    )
    for n, code in enumerate(("Jug", "SGA", "StadtEntw", "Soz", "Ges")[:members]):
        person = directory.create_person(
            store, f"Person {n + 1}", office_id=office_id(store, code), function="Amtsleitung"
        )
        bodies.add_member(store, body_id, person, MemberRole.MEMBER)
    return body_id


def plan(store: Store, body_id: str, day: date = date(2026, 11, 25)) -> str:
    return meetings.plan_meeting(store, body_id, day)


def second_user(store: Store) -> Store:
    """A second user's store on the same register: another engine on the server or the file.

    (A laptop's file is opened by one program only, which its lock file enforces; two engines
    on it stand for two writers in the tests.)
    """
    if store.server is not None:
        return open_store(store.server.url)
    assert store.path is not None
    return Store(store.path, make_engine(store.path), None)
