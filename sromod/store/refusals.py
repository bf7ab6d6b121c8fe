"""Why a change was refused, as data: which kind of refusal and the row it names.

Three places refuse a change the user asked for: another user changed (or deleted) the row since
it was shown, undo finds the row changed by someone else since the own step, and the server
refuses what the login's role does not allow (SQLSTATE 42501). Each becomes a `Refusal`; the
command line prints it in German (`refusal_text`), the window in its own language (the same
function with its `translate`; the phrases are listed for lupdate in `sromod.ui.labels`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


class RefusalKind(StrEnum):
    CHANGED = "changed"  # the row changed since the user saw it
    GONE = "gone"  # the row was deleted since the user saw it
    UNDO_CHANGED = "undo_changed"  # undo: someone else changed the row since the own step
    UNDO_GONE = "undo_gone"  # undo: someone else deleted it
    READS_ONLY = "reads_only"  # the server: the login may only read
    OTHER_OFFICE = "other_office"  # the server: an office lead and another office's task
    OFFICE_FIELDS = "office_fields"  # the server: an office lead and a field it may not change
    NOT_ALLOWED = "not_allowed"  # the server: anything else the role does not allow


@dataclass(frozen=True)
class Refusal:
    kind: RefusalKind
    table: str = ""  # the table of the row concerned
    value: str = ""  # what tells the row apart: "A-2026/0012", a TOP's title, a body's short name
    login: str = ""  # the server's refusals: the login that was refused


# The row as the sentence names it: with the value that tells it apart, and without one.
_ROWS = {
    "tasks": ("die Aufgabe %1", "die Aufgabe"),
    "decisions": ("der Beschluss %1", "der Beschluss"),
    "meetings": ("die Sitzung Nr. %1", "die Sitzung"),
    "agenda_items": ("der TOP „%1“", "der TOP"),
    "bodies": ("das Gremium %1", "das Gremium"),
    "persons": ("der Eintrag von %1", "der Eintrag"),
    "offices": ("das Amt %1", "das Amt"),
    "attendances": ("der Anwesenheitseintrag", "der Anwesenheitseintrag"),
    "task_reviews": ("die Wiedervorlage", "die Wiedervorlage"),
    "memberships": ("die Mitgliedschaft", "die Mitgliedschaft"),
    "attachments": ("die Anlage „%1“", "die Anlage"),
    "standing_agenda_items": ("der Vorlage-TOP „%1“", "der Vorlage-TOP"),
}
_ANY_ROW = "dieser Eintrag"
_SENTENCES = {
    RefusalKind.CHANGED: "%1 wurde inzwischen von jemand anderem geändert. Ihre Änderung wurde "
    "nicht gespeichert; angezeigt wird jetzt der aktuelle Stand.",
    RefusalKind.GONE: "%1 wurde inzwischen von jemand anderem gelöscht. Ihre Änderung wurde "
    "nicht gespeichert; angezeigt wird jetzt der aktuelle Stand.",
    RefusalKind.UNDO_CHANGED: "Rückgängig ist nicht möglich: %1 wurde seit Ihrer Änderung von "
    "jemand anderem geändert. Der aktuelle Stand bleibt erhalten.",
    RefusalKind.UNDO_GONE: "Rückgängig ist nicht möglich: %1 wurde seit Ihrer Änderung von "
    "jemand anderem gelöscht. Der aktuelle Stand bleibt erhalten.",
    RefusalKind.READS_ONLY: "Ihre Anmeldung „%1“ darf im Register nur lesen; es wurde nichts "
    "geändert.",
    RefusalKind.OTHER_OFFICE: "Sie dürfen nur Aufgaben Ihres eigenen Amtes ändern; es wurde "
    "nichts geändert.",
    RefusalKind.OFFICE_FIELDS: "Als Amt dürfen Sie bei den Aufgaben Ihres Amtes nur Status, "
    "Fälligkeit und Bemerkung ändern; es wurde nichts geändert.",
    RefusalKind.NOT_ALLOWED: "Ihre Anmeldung „%1“ darf das nicht ändern; es wurde nichts geändert.",
}
# The server's sentences without a login's name (a connection that gave none).
_NAMELESS = {
    RefusalKind.READS_ONLY: "Ihre Anmeldung darf im Register nur lesen; es wurde nichts geändert.",
    RefusalKind.NOT_ALLOWED: "Ihre Anmeldung darf das nicht ändern; es wurde nichts geändert.",
}
REFUSAL_PHRASES = (
    *(phrase for pair in _ROWS.values() for phrase in dict.fromkeys(pair)),
    _ANY_ROW,
    *_SENTENCES.values(),
    *_NAMELESS.values(),
)


def row_name(table: str, value: str, translate: Translate = _same) -> str:
    """ "die Aufgabe A-2026/0012", "der TOP „Spielplätze“", "dieser Eintrag"."""
    named, plain = _ROWS.get(table, (_ANY_ROW, _ANY_ROW))
    if value and "%1" in named:
        return translate(named).replace("%1", value)
    return translate(plain)


def refusal_text(refusal: Refusal, translate: Translate = _same) -> str:
    """The refusal as one sentence: German for the command line, `translate` for the window."""
    kind = refusal.kind
    if kind in _NAMELESS and not refusal.login:
        return translate(_NAMELESS[kind])
    if kind in (RefusalKind.READS_ONLY, RefusalKind.NOT_ALLOWED):
        return translate(_SENTENCES[kind]).replace("%1", refusal.login)
    if kind in (RefusalKind.OTHER_OFFICE, RefusalKind.OFFICE_FIELDS):
        return translate(_SENTENCES[kind])
    what = row_name(refusal.table, refusal.value, translate)
    sentence = translate(_SENTENCES[kind])
    if sentence.startswith("%1"):  # the row opens the sentence: "Die Aufgabe …", "The task …"
        what = what[:1].upper() + what[1:]
    return sentence.replace("%1", what)
