"""Enumerations of the domain. Values are stable codes stored in the database; labels are German."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a German label for documents and the window."""

    @property
    def label(self) -> str:
        return _LABELS[type(self).__name__][self.value]

    @classmethod
    def from_label(cls, text: str) -> LabelledEnum | None:
        """The member whose label or code matches text (case and surrounding space ignored)."""
        wanted = text.strip().casefold()
        for member in cls:
            if wanted in (member.label.casefold(), member.value.casefold()):
                return member
        return None


class OfficeKind(LabelledEnum):
    FACHAMT = "fachamt"
    ORGANISATIONSEINHEIT = "oe"
    SERVICEEINHEIT = "se"
    BEAUFTRAGTE = "beauftragte"
    EXTERN = "extern"


class RegionLevel(LabelledEnum):
    PROGNOSERAUM = "prognoseraum"
    BEZIRKSREGION = "bezirksregion"
    PLANUNGSRAUM = "planungsraum"


class BodyKind(LabelledEnum):
    AG_SRO = "ag_sro"
    STEERING = "steuerungsrunde"
    OTK = "ortsteilkonferenz"
    WORKING_GROUP = "arbeitsgruppe"
    OTHER = "sonstiges"


class MemberRole(LabelledEnum):
    CHAIR = "vorsitz"
    MEMBER = "mitglied"
    DEPUTY = "stellvertretung"
    ADVISORY = "beratend"
    OFFICE = "geschaeftsfuehrung"


class MeetingState(LabelledEnum):
    PLANNED = "geplant"
    INVITED = "eingeladen"
    RUNNING = "laeuft"
    HELD = "durchgefuehrt"
    RELEASED = "freigegeben"
    CANCELLED = "abgesagt"


class AgendaItemKind(LabelledEnum):
    FORMAL = "formalia"
    REPORT = "bericht"
    DISCUSSION = "beratung"
    DECISION = "beschlussfassung"
    INFO = "information"
    REVIEW = "wiedervorlage"
    MISC = "verschiedenes"
    NEXT_DATE = "termin"


class AgendaItemState(LabelledEnum):
    OPEN = "offen"
    TREATED = "behandelt"
    POSTPONED = "vertagt"
    NOT_TREATED = "nicht_behandelt"


class AttendanceStatus(LabelledEnum):
    PRESENT = "anwesend"
    EXCUSED = "entschuldigt"
    ABSENT = "abwesend"
    REPRESENTED = "vertreten"


class DecisionKind(LabelledEnum):
    BESCHLUSS = "beschluss"
    VEREINBARUNG = "vereinbarung"
    EMPFEHLUNG = "empfehlung"
    KENNTNISNAHME = "kenntnisnahme"


class TaskStatus(LabelledEnum):
    OPEN = "offen"
    IN_PROGRESS = "in_bearbeitung"
    DONE = "erledigt"
    DEFERRED = "zurueckgestellt"
    DROPPED = "entfaellt"

    @property
    def is_closed(self) -> bool:
        return self in (TaskStatus.DONE, TaskStatus.DROPPED)

    @property
    def can_be_overdue(self) -> bool:
        # A deferred task was put back on purpose: it returns to review but is not "overdue".
        return self in (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)


CLOSED_TASK_STATUSES = (TaskStatus.DONE, TaskStatus.DROPPED)
OVERDUE_TASK_STATUSES = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)
PENDING_TASK_STATUSES = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.DEFERRED)


class TaskPriority(LabelledEnum):
    LOW = "niedrig"
    NORMAL = "normal"
    HIGH = "hoch"


class TaskEventKind(LabelledEnum):
    CREATED = "angelegt"
    STATUS = "status"
    NOTE = "notiz"
    EDIT = "bearbeitet"


class TaskEventSource(LabelledEnum):
    MEETING = "sitzung"
    EDIT = "bearbeitung"
    IMPORT = "excel_import"


_LABELS: dict[str, dict[str, str]] = {
    "OfficeKind": {
        "fachamt": "Fachamt",
        "oe": "Organisationseinheit",
        "se": "Serviceeinheit",
        "beauftragte": "Beauftragte",
        "extern": "extern",
    },
    "RegionLevel": {
        "prognoseraum": "Prognoseraum",
        "bezirksregion": "Bezirksregion",
        "planungsraum": "Planungsraum",
    },
    "BodyKind": {
        "ag_sro": "AG SRO",
        "steuerungsrunde": "Steuerungsrunde",
        "ortsteilkonferenz": "Ortsteilkonferenz",
        "arbeitsgruppe": "Arbeitsgruppe",
        "sonstiges": "sonstiges Gremium",
    },
    "MemberRole": {
        "vorsitz": "Vorsitz",
        "mitglied": "Mitglied",
        "stellvertretung": "Stellvertretung",
        "beratend": "beratendes Mitglied",
        "geschaeftsfuehrung": "Geschäftsführung",
    },
    "MeetingState": {
        "geplant": "geplant",
        "eingeladen": "eingeladen",
        "laeuft": "läuft",
        "durchgefuehrt": "durchgeführt",
        "freigegeben": "Protokoll freigegeben",
        "abgesagt": "abgesagt",
    },
    "AgendaItemKind": {
        "formalia": "Formalia",
        "bericht": "Bericht",
        "beratung": "Beratung",
        "beschlussfassung": "Beschlussfassung",
        "information": "Information",
        "wiedervorlage": "Wiedervorlage",
        "verschiedenes": "Verschiedenes",
        "termin": "Nächster Termin",
    },
    "AgendaItemState": {
        "offen": "offen",
        "behandelt": "behandelt",
        "vertagt": "vertagt",
        "nicht_behandelt": "nicht behandelt",
    },
    "AttendanceStatus": {
        "anwesend": "anwesend",
        "entschuldigt": "entschuldigt",
        "abwesend": "abwesend",
        "vertreten": "vertreten durch",
    },
    "DecisionKind": {
        "beschluss": "Beschluss",
        "vereinbarung": "Vereinbarung",
        "empfehlung": "Empfehlung",
        "kenntnisnahme": "Kenntnisnahme",
    },
    "TaskStatus": {
        "offen": "offen",
        "in_bearbeitung": "in Bearbeitung",
        "erledigt": "erledigt",
        "zurueckgestellt": "zurückgestellt",
        "entfaellt": "entfällt",
    },
    "TaskPriority": {"niedrig": "niedrig", "normal": "normal", "hoch": "hoch"},
    "TaskEventKind": {
        "angelegt": "angelegt",
        "status": "Statusänderung",
        "notiz": "Notiz",
        "bearbeitet": "bearbeitet",
    },
    "TaskEventSource": {
        "sitzung": "Sitzung",
        "bearbeitung": "Bearbeitung",
        "excel_import": "Excel-Import",
    },
}
