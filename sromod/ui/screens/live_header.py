"""The live view's head line: the meeting, its start or end, and who may vote (not on the beamer)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sromod.models import MeetingState
from sromod.services.attendance import QuorumInfo
from sromod.services.meetings import MeetingInfo
from sromod.services.wording import german_date
from sromod.ui.clock import clock_text
from sromod.ui.labels import enum_label, meeting_title


def _tr(text: str) -> str:
    return QCoreApplication.translate("LiveView", text)


def header_text(meeting: MeetingInfo, quorum: QuorumInfo) -> str:
    """ "2. Sitzung der AG SRO · 25.11.2026 · Beginn 10:00 · 3 von 5 Stimmberechtigten …" """
    parts = [
        meeting_title(meeting.number, meeting.body_short_name),
        german_date(meeting.date),
    ]
    if meeting.state == MeetingState.RUNNING and meeting.actual_start:
        parts.append(_tr("Beginn %1").replace("%1", clock_text(meeting.actual_start)))
    elif meeting.state in (MeetingState.HELD, MeetingState.RELEASED) and meeting.actual_end:
        parts.append(
            _tr("Sitzung beendet um %1 (%2)")
            .replace("%1", clock_text(meeting.actual_end))
            .replace("%2", enum_label(meeting.state))
        )
    else:
        parts.append(_tr("Stand: %1").replace("%1", enum_label(meeting.state)))
    parts.append(quorum_text(quorum))
    return " · ".join(p for p in parts if p)


def quorum_text(found: QuorumInfo) -> str:
    """How many voting members are here, for the moderator before a vote."""
    if not found.voting_members:
        return ""
    text = (
        _tr("%1 von %2 Stimmberechtigten anwesend")
        .replace("%1", str(found.voting_present))
        .replace("%2", str(found.voting_members))
    )
    if found.quorate is True:
        text += _tr(", beschlussfähig")
    elif found.quorate is False:
        text += _tr(", nicht beschlussfähig")
    return text
