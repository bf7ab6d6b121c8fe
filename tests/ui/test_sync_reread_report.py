"""The window's report of a sync that had to compare the whole replica (the journal was trimmed)."""

from __future__ import annotations

from sromod.services.replica_security import SyncResult
from sromod.services.sync_pull import Outcome
from sromod.ui.sync_existing import report_text


def test_the_report_says_that_the_whole_replica_was_compared(language: str) -> None:
    text = report_text(SyncResult(Outcome(reread=True)))
    expected = {
        "de": "die Replik wurde deshalb ganz mit dem Register verglichen. Ihre eigenen Änderungen "
        "sind erhalten",
        "en": "the replica was compared with the whole register. Your own changes were kept",
    }
    assert expected[language] in text
    assert expected[language] not in report_text(SyncResult(Outcome()))
