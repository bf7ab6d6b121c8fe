"""Why a change was refused, as data: which kind of refusal and the row it names.

Three places refuse a change the user asked for: another user changed (or deleted) the row since
it was shown, undo finds the row changed by someone else since the own step, and the server
refuses what the login's role does not allow (SQLSTATE 42501). The register and a replica's sync
refuse too: a server that cannot be reached or refuses the login, a meeting taken along (SQLSTATE
SR001), a void replica (SR002), a sync in plain text off loopback, a file that is no replica.
Each becomes a `Refusal`; the command line prints it in German (`refusal_text`), the window in
its own language (the same function with its `translate`; the phrases are listed for lupdate in
`sromod.ui.labels`). `refused` makes the exception that carries one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

Translate = Callable[[str], str]
E = TypeVar("E", bound=Exception)


def _same(text: str) -> str:
    return text


class RefusalKind(StrEnum):
    CHANGED = "changed"  # the row changed since the user saw it
    GONE = "gone"  # the row was deleted since the user saw it
    UNDO_CHANGED = "undo_changed"  # undo: someone else changed the row since the own step
    UNDO_GONE = "undo_gone"  # undo: someone else deleted it
    UNDO_IN_USE = "undo_in_use"  # undo would delete a row that other rows now refer to
    UNDO_DANGLING = "undo_dangling"  # undo would bring back a row whose reference is gone
    READS_ONLY = "reads_only"  # the server: the login may only read
    OTHER_OFFICE = "other_office"  # the server: an office lead and another office's task
    OFFICE_FIELDS = "office_fields"  # the server: an office lead and a field it may not change
    NOT_ALLOWED = "not_allowed"  # the server: anything else the role does not allow
    # connecting to a register (value: the server's address without its password)
    UNREACHABLE = "unreachable"
    CERT_UNVERIFIED = "cert_unverified"
    CERT_OTHER_HOST = "cert_other_host"
    CA_MISSING = "ca_missing"
    NO_TLS = "no_tls"
    PASSWORD_NEEDED = "password_needed"
    LOGIN_REFUSED = "login_refused"
    NO_DATABASE = "no_database"
    BAD_ADDRESS = "bad_address"
    # a replica's sync
    SYNC_LOGIN_REFUSED = "sync_login_refused"  # login: removed from the server, or a wrong password
    TLS_REQUIRED = (
        "tls_required"  # value: the address; off loopback only with a verified certificate
    )
    RESERVED = "reserved"  # value "StR Nord/1", login, detail: since when (local time)
    REPLICA_VOID = "replica_void"  # SR002: a coordinator declared the replica void
    NOT_A_REPLICA = "not_a_replica"  # value: the file (or none)
    OTHER_REGISTER = "other_register"  # value: the register the replica belongs to
    NO_JOURNAL = "no_journal"  # the register keeps no change journal yet


@dataclass(frozen=True)
class Refusal:
    kind: RefusalKind
    table: str = ""  # the table of the row concerned
    value: str = ""  # what tells the row apart: "A-2026/0012", a TOP's title, a body's short name
    login: str = ""  # the server's refusals: the login that was refused
    detail: str = ""  # a meeting taken along: since when ("10.03.2026, 14:05")


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
    RefusalKind.UNDO_IN_USE: "Rückgängig ist nicht möglich: %1 wird inzwischen anderswo "
    "verwendet (etwa in der Wiedervorlage einer Sitzung). Der aktuelle Stand bleibt erhalten.",
    RefusalKind.UNDO_DANGLING: "Rückgängig ist nicht möglich: %1 verweist auf einen Eintrag, "
    "der inzwischen gelöscht wurde. Der aktuelle Stand bleibt erhalten.",
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
# Connecting and syncing: %1 is the refusal's value (an address, a meeting, a file), %2 its login,
# %3 its detail.
_SYNC = {
    RefusalKind.UNREACHABLE: "Der Server %1 ist nicht erreichbar. Prüfen Sie die Adresse und die "
    "Netzwerkverbindung, oder öffnen Sie eine Datenbankdatei auf diesem Rechner.",
    RefusalKind.CERT_UNVERIFIED: "Das Zertifikat des Servers %1 lässt sich mit der gewählten "
    "CA-Datei nicht bestätigen; die Verbindung wurde nicht aufgebaut.",
    RefusalKind.CERT_OTHER_HOST: "Das Zertifikat des Servers %1 ist für einen anderen "
    "Rechnernamen ausgestellt; die Verbindung wurde nicht aufgebaut.",
    RefusalKind.CA_MISSING: "Die CA-Datei zur Prüfung des Servers %1 fehlt oder ist nicht lesbar; "
    "wählen Sie sie unter Datei → Mit Register verbinden… aus.",
    RefusalKind.NO_TLS: "Der Server %1 bietet keine verschlüsselte Verbindung (TLS) an; sie wurde "
    "aber verlangt.",
    RefusalKind.PASSWORD_NEEDED: "Der Server %1 verlangt ein Passwort; geben Sie es unter Datei → "
    "Mit Register verbinden… ein.",
    RefusalKind.LOGIN_REFUSED: "Der Server %1 hat die Anmeldung abgelehnt (Name oder Passwort "
    "falsch).",
    RefusalKind.NO_DATABASE: "Auf dem Server %1 gibt es diese Datenbank nicht.",
    RefusalKind.BAD_ADDRESS: "Die Serveradresse ist ungültig; sie hat die Form "
    "postgresql://NAME@SERVER:5432/DATENBANK.",
    RefusalKind.SYNC_LOGIN_REFUSED: "Der Server hat die Anmeldung „%2“ abgelehnt: es gibt sie "
    "dort nicht mehr, oder das Passwort stimmt nicht. Ohne gültige Anmeldung lässt sich die Replik "
    "nicht abgleichen; sie bleibt unverändert.",
    RefusalKind.TLS_REQUIRED: "Abgleichen mit %1 geht nur verschlüsselt mit geprüftem Zertifikat "
    "(sslmode=verify-full oder verify-ca, mit sslrootcert=CA-DATEI in der Adresse, im "
    "Verbindungsdialog „immer, Zertifikat und Servernamen prüfen“); es wurde keine Verbindung "
    "aufgebaut.",
    RefusalKind.RESERVED: "Die Sitzung %1 ist von %2 für die Sitzung mitgenommen (seit %3 Uhr); "
    "Änderungen sind erst nach dem Abgleich möglich.",
    RefusalKind.REPLICA_VOID: "Diese Replik wurde im Register für ungültig erklärt (etwa weil der "
    "Laptop verloren ging); ihr Abgleich wird abgelehnt, und es wurde nichts geändert. Bitte legen "
    "Sie eine neue Replik an.",
    RefusalKind.NOT_A_REPLICA: "%1 ist keine Replik des Registers; „sync“ gleicht nur eine Replik "
    "ab. Die Datei bleibt unverändert.",
    RefusalKind.OTHER_REGISTER: "Die Replik gehört zum Register %1, nicht zu diesem; sie bleibt "
    "unverändert.",
    RefusalKind.NO_JOURNAL: "Das Register führt noch kein Änderungsprotokoll; die IT bringt es mit "
    "„sromod server init“ auf den neuen Stand. Die Replik bleibt unverändert.",
}
_NOT_A_REPLICA = "Diese Datenbank ist keine Replik des Registers; es wurde nichts geändert."
REFUSAL_PHRASES = (
    *(phrase for pair in _ROWS.values() for phrase in dict.fromkeys(pair)),
    _ANY_ROW,
    *_SENTENCES.values(),
    *_NAMELESS.values(),
    *_SYNC.values(),
    _NOT_A_REPLICA,
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
    if kind is RefusalKind.NOT_A_REPLICA and not refusal.value:
        return translate(_NOT_A_REPLICA)
    if kind in _SYNC:
        return (
            translate(_SYNC[kind])
            .replace("%1", refusal.value)
            .replace("%2", refusal.login)
            .replace("%3", refusal.detail)
        )
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


def refused(error_type: type[E], refusal: Refusal) -> E:
    """An error of error_type saying the refusal in German, with the refusal as data (`refusal`),
    which the window words in its own language."""
    error = error_type(refusal_text(refusal))
    setattr(error, "refusal", refusal)  # noqa: B010  (not every error type declares it)
    return error
