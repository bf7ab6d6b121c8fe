"""English (and German) labels for the domain enums and for strings other modules translate late.

The German labels live in `sromod.models.enums`, which has no Qt; lupdate cannot follow
`member.label`, so every label is listed here once for it. A test checks the list against the enums.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from sromod.models.enums import LabelledEnum
from sromod.services.wording import meeting_reference
from sromod.services.wording import meeting_title as wording_meeting_title
from sromod.store.refusals import Refusal, refusal_text

if TYPE_CHECKING:
    from sromod.services.common import MeetingRef  # SQLAlchemy: not before the first paint


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark text for lupdate under context; PySide6's own is typed as returning object."""
    return text


ENUM_LABELS: dict[str, tuple[str, ...]] = {
    "OfficeKind": (
        QT_TRANSLATE_NOOP("Enum", "Fachamt"),
        QT_TRANSLATE_NOOP("Enum", "Organisationseinheit"),
        QT_TRANSLATE_NOOP("Enum", "Serviceeinheit"),
        QT_TRANSLATE_NOOP("Enum", "Beauftragte"),
        QT_TRANSLATE_NOOP("Enum", "extern"),
    ),
    "RegionLevel": (
        QT_TRANSLATE_NOOP("Enum", "Prognoseraum"),
        QT_TRANSLATE_NOOP("Enum", "Bezirksregion"),
        QT_TRANSLATE_NOOP("Enum", "Planungsraum"),
    ),
    "BodyKind": (
        QT_TRANSLATE_NOOP("Enum", "AG SRO"),
        QT_TRANSLATE_NOOP("Enum", "Steuerungsrunde"),
        QT_TRANSLATE_NOOP("Enum", "Ortsteilkonferenz"),
        QT_TRANSLATE_NOOP("Enum", "Arbeitsgruppe"),
        QT_TRANSLATE_NOOP("Enum", "sonstiges Gremium"),
    ),
    "MemberRole": (
        QT_TRANSLATE_NOOP("Enum", "Vorsitz"),
        QT_TRANSLATE_NOOP("Enum", "Mitglied"),
        QT_TRANSLATE_NOOP("Enum", "Stellvertretung"),
        QT_TRANSLATE_NOOP("Enum", "beratendes Mitglied"),
        QT_TRANSLATE_NOOP("Enum", "Geschäftsführung"),
    ),
    "MeetingState": (
        QT_TRANSLATE_NOOP("Enum", "geplant"),
        QT_TRANSLATE_NOOP("Enum", "eingeladen"),
        QT_TRANSLATE_NOOP("Enum", "läuft"),
        QT_TRANSLATE_NOOP("Enum", "durchgeführt"),
        QT_TRANSLATE_NOOP("Enum", "Protokoll freigegeben"),
        QT_TRANSLATE_NOOP("Enum", "abgesagt"),
    ),
    "AgendaItemKind": (
        QT_TRANSLATE_NOOP("Enum", "Formalia"),
        QT_TRANSLATE_NOOP("Enum", "Bericht"),
        QT_TRANSLATE_NOOP("Enum", "Beratung"),
        QT_TRANSLATE_NOOP("Enum", "Beschlussfassung"),
        QT_TRANSLATE_NOOP("Enum", "Information"),
        QT_TRANSLATE_NOOP("Enum", "Wiedervorlage"),
        QT_TRANSLATE_NOOP("Enum", "Verschiedenes"),
        QT_TRANSLATE_NOOP("Enum", "Nächster Termin"),
    ),
    "AgendaItemState": (
        QT_TRANSLATE_NOOP("Enum", "offen"),
        QT_TRANSLATE_NOOP("Enum", "behandelt"),
        QT_TRANSLATE_NOOP("Enum", "vertagt"),
        QT_TRANSLATE_NOOP("Enum", "nicht behandelt"),
    ),
    "AttendanceStatus": (
        QT_TRANSLATE_NOOP("Enum", "anwesend"),
        QT_TRANSLATE_NOOP("Enum", "entschuldigt"),
        QT_TRANSLATE_NOOP("Enum", "abwesend"),
        QT_TRANSLATE_NOOP("Enum", "vertreten durch"),
    ),
    "DecisionKind": (
        QT_TRANSLATE_NOOP("Enum", "Beschluss"),
        QT_TRANSLATE_NOOP("Enum", "Vereinbarung"),
        QT_TRANSLATE_NOOP("Enum", "Empfehlung"),
        QT_TRANSLATE_NOOP("Enum", "Kenntnisnahme"),
    ),
    "TaskStatus": (
        QT_TRANSLATE_NOOP("Enum", "offen"),
        QT_TRANSLATE_NOOP("Enum", "in Bearbeitung"),
        QT_TRANSLATE_NOOP("Enum", "erledigt"),
        QT_TRANSLATE_NOOP("Enum", "zurückgestellt"),
        QT_TRANSLATE_NOOP("Enum", "entfällt"),
    ),
    "TaskPriority": (
        QT_TRANSLATE_NOOP("Enum", "niedrig"),
        QT_TRANSLATE_NOOP("Enum", "normal"),
        QT_TRANSLATE_NOOP("Enum", "hoch"),
    ),
    "TaskEventKind": (
        QT_TRANSLATE_NOOP("Enum", "angelegt"),
        QT_TRANSLATE_NOOP("Enum", "Statusänderung"),
        QT_TRANSLATE_NOOP("Enum", "Notiz"),
        QT_TRANSLATE_NOOP("Enum", "bearbeitet"),
    ),
    "TaskEventSource": (
        QT_TRANSLATE_NOOP("Enum", "Sitzung"),
        QT_TRANSLATE_NOOP("Enum", "Bearbeitung"),
        QT_TRANSLATE_NOOP("Enum", "Excel-Import"),
    ),
}

# Strings that screens pass to tr() through a variable (a table of titles, a loop over names);
# listed here under the context they are translated in, so that lupdate sees them.
LATE_STRINGS = (
    # the role a guest line is given (stored as text, shown through the "Enum" context)
    QT_TRANSLATE_NOOP("Enum", "Gast"),
    QT_TRANSLATE_NOOP("exports", "Protokoll exportieren"),
    QT_TRANSLATE_NOOP("exports", "Protokollauszug exportieren"),
    QT_TRANSLATE_NOOP("exports", "Einladung exportieren"),
    QT_TRANSLATE_NOOP("exports", "Anwesenheitsliste exportieren"),
    QT_TRANSLATE_NOOP("exports", "Termin als Kalenderdatei exportieren"),
    QT_TRANSLATE_NOOP("exports", "Absage exportieren"),
    QT_TRANSLATE_NOOP("exports", "Aufgabenliste exportieren"),
    QT_TRANSLATE_NOOP("exports", "Word-Dokumente (*.docx)"),
    QT_TRANSLATE_NOOP("exports", "Kalenderdateien (*.ics)"),
    QT_TRANSLATE_NOOP("exports", "Excel-Arbeitsmappen (*.xlsx)"),
    QT_TRANSLATE_NOOP("DecisionRegisterScreen", "Gremium"),
    QT_TRANSLATE_NOOP("DecisionRegisterScreen", "Art"),
    QT_TRANSLATE_NOOP("DecisionRegisterScreen", "Amt"),
    QT_TRANSLATE_NOOP("DecisionRegisterScreen", "Bezirksregion"),
    # the group headings of the search popup (KIND_LABELS in sromod.services.search)
    QT_TRANSLATE_NOOP("SearchResultsModel", "TOPs"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Beschlüsse"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Aufgaben"),
    QT_TRANSLATE_NOOP("SearchResultsModel", "Personen"),
    QT_TRANSLATE_NOOP("SearchResultsModel", ", die ersten %1"),
    # office_view.py asks `chart.tr(...)`: lupdate files that under "chart", Qt under BarChart
    QT_TRANSLATE_NOOP("BarChart", "davon überfällig"),
    QT_TRANSLATE_NOOP("TaskFilterBar", "alle Status"),
    QT_TRANSLATE_NOOP("TaskFilterBar", "unerledigt (offen, in Bearbeitung, zurückgestellt)"),
    QT_TRANSLATE_NOOP("TaskFilterBar", "offen"),
    QT_TRANSLATE_NOOP("TaskFilterBar", "in Bearbeitung"),
    QT_TRANSLATE_NOOP("TaskFilterBar", "erledigt"),
    QT_TRANSLATE_NOOP("TaskFilterBar", "zurückgestellt"),
    QT_TRANSLATE_NOOP("TaskFilterBar", "entfällt"),
)


# the phrases of sromod.services.wording (votes in words, quorum sentences) for the window
WORDING_PHRASES = (
    QT_TRANSLATE_NOOP("Wording", "TOP %1"),
    QT_TRANSLATE_NOOP("Wording", "%1. Sitzung der %2"),
    QT_TRANSLATE_NOOP("Wording", "%1, %2. Sitzung, %3"),
    QT_TRANSLATE_NOOP("Wording", "einstimmig angenommen"),
    QT_TRANSLATE_NOOP("Wording", "einstimmig abgelehnt"),
    QT_TRANSLATE_NOOP("Wording", "%1 angenommen"),
    QT_TRANSLATE_NOOP("Wording", "%1 abgelehnt"),
    QT_TRANSLATE_NOOP("Wording", "mit %1"),
    QT_TRANSLATE_NOOP("Wording", "ohne Ja-Stimme"),
    QT_TRANSLATE_NOOP("Wording", "bei %1"),
    QT_TRANSLATE_NOOP("Wording", "%1 und %2"),
    QT_TRANSLATE_NOOP("Wording", "%1 %2"),
    QT_TRANSLATE_NOOP("Wording", "1 Ja-Stimme"),
    QT_TRANSLATE_NOOP("Wording", "%1 Ja-Stimmen"),
    QT_TRANSLATE_NOOP("Wording", "1 Nein-Stimme"),
    QT_TRANSLATE_NOOP("Wording", "%1 Nein-Stimmen"),
    QT_TRANSLATE_NOOP("Wording", "1 Enthaltung"),
    QT_TRANSLATE_NOOP("Wording", "%1 Enthaltungen"),
    QT_TRANSLATE_NOOP(
        "Wording", "Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern beschlussfähig."
    ),
    QT_TRANSLATE_NOOP(
        "Wording", "Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern nicht beschlussfähig."
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern nicht mehr beschlussfähig.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern wieder beschlussfähig.",
    ),
)


# the problems of an edited task list (sromod.services.wording.PROBLEM_PHRASES)
PROBLEM_PHRASES = (
    QT_TRANSLATE_NOOP("Wording", "„%1“"),
    QT_TRANSLATE_NOOP("Wording", "Blatt „%1“, Zeile %2"),
    QT_TRANSLATE_NOOP("Wording", "Blatt „%1“, Zeile %2 (%3)"),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Die Datei „%1“ kann nicht gelesen werden: der Zugriff wurde verweigert (ist sie noch in einem anderen Programm geöffnet?).",
    ),
    QT_TRANSLATE_NOOP("Wording", "Die Datei „%1“ gibt es nicht."),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Die Datei „%1“ kann nicht gelesen werden: sie ist keine Excel-Arbeitsmappe (.xlsx) oder beschädigt.",
    ),
    QT_TRANSLATE_NOOP("Wording", "Die Datei „%1“ kann nicht gelesen werden: sie ist beschädigt."),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Die Datei „%1“ ist keine Aufgabenliste von sromod: es fehlt ein Blatt mit den Spalten „%2“ und „%3“.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "%1, Spalte „%2“ (%3): eine Formel kann nicht eingelesen werden; bitte den Wert eintragen.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "%1: die Spalte „%2“ ist leer; neue Aufgaben können nicht per Excel angelegt werden, bitte in sromod erfassen.",
    ),
    QT_TRANSLATE_NOOP("Wording", "%1: die Aufgabe %2 gibt es in dieser Datenbank nicht."),
    QT_TRANSLATE_NOOP("Wording", "%1: der Status ist leer."),
    QT_TRANSLATE_NOOP("Wording", "%1: den Status „%2“ kennt sromod nicht (möglich: %3)."),
    QT_TRANSLATE_NOOP("Wording", "%1: „%2“ in der Spalte „%3“ ist kein Datum."),
    QT_TRANSLATE_NOOP(
        "Wording",
        "%1: die Spalte „Stand“ fehlt oder ist leer; so lässt sich nicht prüfen, ob %2 seit dem Export geändert wurde.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording", "Die Aufgabe %1 steht in mehreren Blättern mit verschiedenen Angaben (%2; %3)."
    ),
)

# what an edited task list changes (sromod.services.wording.CHANGE_PHRASES)
CHANGE_PHRASES = (
    QT_TRANSLATE_NOOP("Wording", "Status: %1 → %2"),
    QT_TRANSLATE_NOOP("Wording", "Fällig am: %1 → %2"),
    QT_TRANSLATE_NOOP("Wording", "Bemerkung: %1 → %2"),
    QT_TRANSLATE_NOOP("Wording", "(leer)"),
    QT_TRANSLATE_NOOP("Wording", "Status %1"),
    QT_TRANSLATE_NOOP("Wording", "fällig %1"),
    QT_TRANSLATE_NOOP("Wording", "Bemerkung %1"),
    QT_TRANSLATE_NOOP("Wording", "in sromod: %1"),
    QT_TRANSLATE_NOOP("Wording", "in der Datei: %1"),
)

# edits an import does not take (sromod.services.wording.IGNORED_PHRASES)
IGNORED_PHRASES = (
    QT_TRANSLATE_NOOP("Wording", "Spalte „%1“ geändert in %2 (%3) – wird nicht übernommen."),
    QT_TRANSLATE_NOOP(
        "Wording", "Spalte „%1“ (nicht Teil der Liste) geändert in %2 (%3) – wird nicht übernommen."
    ),
    QT_TRANSLATE_NOOP("Wording", "1 Zeile"),
    QT_TRANSLATE_NOOP("Wording", "%1 Zeilen"),
    QT_TRANSLATE_NOOP(
        "Wording", "%1: ein Text von %2 Zeichen in der Spalte „%3“ – wird nicht übernommen."
    ),
    QT_TRANSLATE_NOOP("Wording", "Nicht eingelesen (keine Aufgabenblätter): %1."),
)


# refused changes: changed meanwhile, undo, the server's roles, connecting and syncing
# (sromod.store.refusals)
REFUSAL_PHRASES = (
    QT_TRANSLATE_NOOP("Wording", "die Aufgabe %1"),
    QT_TRANSLATE_NOOP("Wording", "die Aufgabe"),
    QT_TRANSLATE_NOOP("Wording", "der Beschluss %1"),
    QT_TRANSLATE_NOOP("Wording", "der Beschluss"),
    QT_TRANSLATE_NOOP("Wording", "die Sitzung Nr. %1"),
    QT_TRANSLATE_NOOP("Wording", "die Sitzung"),
    QT_TRANSLATE_NOOP("Wording", "der TOP „%1“"),
    QT_TRANSLATE_NOOP("Wording", "der TOP"),
    QT_TRANSLATE_NOOP("Wording", "das Gremium %1"),
    QT_TRANSLATE_NOOP("Wording", "das Gremium"),
    QT_TRANSLATE_NOOP("Wording", "der Eintrag von %1"),
    QT_TRANSLATE_NOOP("Wording", "der Eintrag"),
    QT_TRANSLATE_NOOP("Wording", "das Amt %1"),
    QT_TRANSLATE_NOOP("Wording", "das Amt"),
    QT_TRANSLATE_NOOP("Wording", "der Anwesenheitseintrag"),
    QT_TRANSLATE_NOOP("Wording", "die Wiedervorlage"),
    QT_TRANSLATE_NOOP("Wording", "die Mitgliedschaft"),
    QT_TRANSLATE_NOOP("Wording", "die Anlage „%1“"),
    QT_TRANSLATE_NOOP("Wording", "die Anlage"),
    QT_TRANSLATE_NOOP("Wording", "der Vorlage-TOP „%1“"),
    QT_TRANSLATE_NOOP("Wording", "der Vorlage-TOP"),
    QT_TRANSLATE_NOOP("Wording", "dieser Eintrag"),
    QT_TRANSLATE_NOOP(
        "Wording",
        "%1 wurde inzwischen von jemand anderem geändert. Ihre Änderung wurde nicht gespeichert; angezeigt wird jetzt der aktuelle Stand.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "%1 wurde inzwischen von jemand anderem gelöscht. Ihre Änderung wurde nicht gespeichert; angezeigt wird jetzt der aktuelle Stand.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Rückgängig ist nicht möglich: %1 wurde seit Ihrer Änderung von jemand anderem geändert. Der aktuelle Stand bleibt erhalten.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Rückgängig ist nicht möglich: %1 wurde seit Ihrer Änderung von jemand anderem gelöscht. Der aktuelle Stand bleibt erhalten.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Rückgängig ist nicht möglich: %1 wird inzwischen anderswo verwendet (etwa in der Wiedervorlage einer Sitzung). Der aktuelle Stand bleibt erhalten.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Rückgängig ist nicht möglich: %1 verweist auf einen Eintrag, der inzwischen gelöscht wurde. Der aktuelle Stand bleibt erhalten.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Ihre Anmeldung „%1“ darf im Register nur lesen; es wurde nichts geändert.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Sie dürfen nur Aufgaben Ihres eigenen Amtes ändern; es wurde nichts geändert.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Als Amt dürfen Sie bei den Aufgaben Ihres Amtes nur Status, Fälligkeit und Bemerkung ändern; es wurde nichts geändert.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Ihre Anmeldung „%1“ darf das nicht ändern; es wurde nichts geändert.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Ihre Anmeldung darf im Register nur lesen; es wurde nichts geändert.",
    ),
    QT_TRANSLATE_NOOP("Wording", "Ihre Anmeldung darf das nicht ändern; es wurde nichts geändert."),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Der Server %1 ist nicht erreichbar. Prüfen Sie die Adresse und die Netzwerkverbindung, oder öffnen Sie eine Datenbankdatei auf diesem Rechner.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Das Zertifikat des Servers %1 lässt sich mit der gewählten CA-Datei nicht bestätigen; die Verbindung wurde nicht aufgebaut.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Das Zertifikat des Servers %1 ist für einen anderen Rechnernamen ausgestellt; die Verbindung wurde nicht aufgebaut.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Die CA-Datei zur Prüfung des Servers %1 fehlt oder ist nicht lesbar; wählen Sie sie unter Datei → Mit Register verbinden… aus.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Der Server %1 bietet keine verschlüsselte Verbindung (TLS) an; sie wurde aber verlangt.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Der Server %1 verlangt ein Passwort; geben Sie es unter Datei → Mit Register verbinden… ein.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Der Server %1 hat die Anmeldung abgelehnt (Name oder Passwort falsch).",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Auf dem Server %1 gibt es diese Datenbank nicht.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Die Serveradresse ist ungültig; sie hat die Form postgresql://NAME@SERVER:5432/DATENBANK.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Der Server hat die Anmeldung „%2“ abgelehnt: es gibt sie dort nicht mehr, oder das Passwort stimmt nicht. Ohne gültige Anmeldung lässt sich die Replik nicht abgleichen; sie bleibt unverändert.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Abgleichen mit %1 geht nur verschlüsselt mit geprüftem Zertifikat (sslmode=verify-full oder verify-ca, mit sslrootcert=CA-DATEI in der Adresse, im Verbindungsdialog „immer, Zertifikat und Servernamen prüfen“); es wurde keine Verbindung aufgebaut.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Die Sitzung %1 ist von %2 für die Sitzung mitgenommen (seit %3 Uhr); Änderungen sind erst nach dem Abgleich möglich.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Diese Replik wurde im Register für ungültig erklärt (etwa weil der Laptop verloren ging); ihr Abgleich wird abgelehnt, und es wurde nichts geändert. Bitte legen Sie eine neue Replik an.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "%1 ist keine Replik des Registers; „sync“ gleicht nur eine Replik ab. Die Datei bleibt unverändert.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Die Replik gehört zum Register %1, nicht zu diesem; sie bleibt unverändert.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Das Register führt noch kein Änderungsprotokoll; die IT bringt es mit „sromod server init“ auf den neuen Stand. Die Replik bleibt unverändert.",
    ),
    QT_TRANSLATE_NOOP(
        "Wording",
        "Diese Datenbank ist keine Replik des Registers; es wurde nichts geändert.",
    ),
)


def in_window_language(phrase: str) -> str:
    """A phrase of sromod.services.wording in the window's language (its `translate`)."""
    return QCoreApplication.translate("Wording", phrase)


def meeting_place(meeting: MeetingRef) -> str:
    """ "AG SRO, 12. Sitzung, 25.11.2026" in the window's language ("AG SRO, meeting 12, …")."""
    return meeting_reference(
        meeting.body_short_name, meeting.number, meeting.date, in_window_language
    )


def enum_label(member: LabelledEnum) -> str:
    """The member's label in the language of the window (German unless English is installed)."""
    return QCoreApplication.translate("Enum", member.label)


def enum_choices(members: Iterable[Any]) -> list[tuple[Any, str]]:
    """(member, label) pairs for `fill_combo`, labels in the window's language."""
    return [(member, enum_label(member)) for member in members]


def agenda_item_label(number: str) -> str:
    """ "TOP 3" in German, "Item 3" in English (services give the German `AgendaItemInfo.label`)."""
    return QCoreApplication.translate("Enum", "TOP %1").replace("%1", number)


def top_caption(number: str, title: str) -> str:
    """ "TOP 3.1 Titel" in the window's language ("Item 3.1 Titel")."""
    return f"{agenda_item_label(number)} {title}"


def meeting_title(number: int, body_short_name: str) -> str:
    """ "12. Sitzung der AG SRO" in the window's language ("Meeting 12 of the AG SRO")."""
    return wording_meeting_title(number, body_short_name, in_window_language)


def error_text(error: Exception) -> str:
    """A refusal in the window's language (a refused change is data); anything else as said."""
    refusal = getattr(error, "refusal", None)
    if isinstance(refusal, Refusal):
        return refusal_text(refusal, in_window_language)
    return str(error)
