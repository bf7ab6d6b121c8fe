"""What each login may change: the one answer the screens ask."""

from __future__ import annotations

from sromod.services.permissions import EVERYTHING, NOT_YET, Limit, Permissions
from sromod.store.server_roles import FULL_ACCESS, Access


def test_a_file_and_a_coordinator_change_everything() -> None:
    for permissions in (EVERYTHING, Permissions.of(FULL_ACCESS), Permissions("koordination")):
        assert permissions.edits_everything and permissions.limit is None
        assert permissions.may_change_task("SGA") and permissions.may_import_task_lists


def test_an_office_lead_changes_only_its_own_offices_tasks() -> None:
    lead = Permissions.of(Access("amt", "office-id", "mueller.jug", "Jug"))
    assert not lead.edits_everything and lead.limit is Limit.OWN_TASKS_ONLY
    assert lead.may_change_task("Jug") and not lead.may_change_task("SGA")
    assert not lead.may_change_task(None)  # a task of no office
    assert lead.may_import_task_lists


def test_a_reader_changes_nothing() -> None:
    reader = Permissions.of(Access("lesen", None, "presse"))
    assert not reader.edits_everything and reader.limit is Limit.READS_ONLY
    assert not reader.may_change_task("Jug") and not reader.may_import_task_lists
    assert reader.login == "presse"


def test_a_register_still_opening_offers_nothing_and_says_nothing_yet() -> None:
    assert not NOT_YET.edits_everything and NOT_YET.limit is None  # no note before it knows
    assert not NOT_YET.may_change_task("Jug") and not NOT_YET.may_import_task_lists
