"""The schema itself refuses what the domain forbids, whatever code writes to it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from sromod.models import AgendaItem, Body, Meeting
from sromod.store import Store


def _body(store: Store) -> str:
    with store.unit_of_work() as session:
        body = Body(name="Steuerungsrunde Adlershof", short_name="StR Adlershof")
        session.add(body)
        session.flush()
        return body.id


def test_a_meeting_number_is_unique_per_body(store: Store) -> None:
    body_id = _body(store)
    with store.unit_of_work() as session:
        session.add(Meeting(body_id=body_id, number=1, date=date(2026, 11, 25)))
    with pytest.raises(IntegrityError), store.unit_of_work() as session:
        session.add(Meeting(body_id=body_id, number=1, date=date(2026, 12, 9)))


def test_a_top_position_is_unique_per_meeting_and_parent(store: Store) -> None:
    body_id = _body(store)
    with store.unit_of_work() as session:
        meeting = Meeting(body_id=body_id, number=1, date=date(2026, 11, 25))
        top = AgendaItem(meeting=meeting, position=1, title="Begrüßung")
        session.add_all([meeting, top])
        session.flush()
        session.add(AgendaItem(meeting=meeting, parent=top, position=1, title="Unterpunkt"))
        meeting_id = meeting.id
    with pytest.raises(IntegrityError), store.unit_of_work() as session:
        session.add(AgendaItem(meeting_id=meeting_id, position=1, title="Doppelt"))


def test_status_columns_accept_only_known_values(store: Store) -> None:
    body_id = _body(store)
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO meetings (id, body_id, number, date, state, created_at, updated_at) "
                "VALUES ('x', :body, 1, '2026-11-25', 'vielleicht', '2026-11-25', '2026-11-25')"
            ),
            {"body": body_id},
        )
