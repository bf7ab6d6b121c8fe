"""The sync benchmark's machinery on a small register: every figure gets a value, the meeting arrives."""

from __future__ import annotations

from pathlib import Path

from bench.sync import measure
from sromod.services import decisions, meetings
from sromod.store import open_store
from tests.sync.test_replica import _register


def test_the_sync_figures_are_measured_and_the_meeting_reaches_the_register(
    pg_url: str, tmp_path: Path
) -> None:
    reg = _register(pg_url)
    lines = measure(pg_url, tmp_path / "replik.db", ["StR Nord"], runs=2, topics=3)
    text = "\n".join(lines)
    assert "Erste Replik: " in text and "Abgleich nach der Sitzung: " in text
    assert "Abgleich ohne Änderungen: Median " in text and "Last (1/5/15 min) am Ende: " in text
    assert "Erster Abgleich danach: " in text and "; Last " in text
    with open_store(pg_url, create=False) as server:
        (held,) = [m for m in meetings.list_meetings(server, reg.nord) if m.number == 2]
        assert len(decisions.list_decisions_for_meeting(server, held.id)) == 3
