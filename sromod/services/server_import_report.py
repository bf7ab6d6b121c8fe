"""What a move into the shared register did, and the German report the command line prints.

The rules for clashes are stated in the report itself, so that whoever reads it later knows why
a meeting or a task carries another number than on the laptop.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sromod.services.wording import german_date, german_number

# German names of the tables (one, several), in the order the report lists them.
TABLE_NAMES = {
    "offices": ("Amt", "Ämter"),
    "office_departments": ("Abteilungszuordnung", "Abteilungszuordnungen"),
    "regions": ("Region", "Regionen"),
    "settings": ("Einstellung", "Einstellungen"),
    "persons": ("Person", "Personen"),
    "bodies": ("Gremium", "Gremien"),
    "memberships": ("Mitgliedschaft", "Mitgliedschaften"),
    "standing_agenda_items": (
        "Punkt einer Standardtagesordnung",
        "Punkte von Standardtagesordnungen",
    ),
    "meetings": ("Sitzung", "Sitzungen"),
    "agenda_items": ("TOP", "TOPs"),
    "agenda_item_regions": ("Regionszuordnung eines TOPs", "Regionszuordnungen von TOPs"),
    "attendances": ("Anwesenheit", "Anwesenheiten"),
    "attachments": ("Anlage", "Anlagen"),
    "decisions": ("Beschluss", "Beschlüsse"),
    "decision_regions": (
        "Regionszuordnung eines Beschlusses",
        "Regionszuordnungen von Beschlüssen",
    ),
    "tasks": ("Aufgabe", "Aufgaben"),
    "task_events": ("Eintrag im Aufgabenverlauf", "Einträge in Aufgabenverläufen"),
    "task_reviews": ("Wiedervorlage", "Wiedervorlagen"),
}


def counted(count: int, table: str) -> str:
    """ "1 Sitzung", "1.200 Sitzungen"."""
    one, many = TABLE_NAMES[table]
    return f"{german_number(count)} {one if count == 1 else many}"


BODY_RULE = (
    "Regel: Ein Gremium des Laptops mit der Kurzbezeichnung eines Gremiums im Register ist "
    "dasselbe Gremium des Bezirks (die Kurzbezeichnung ist im Register eindeutig). Seine "
    "Sitzungen, Mitglieder und Aufgaben kommen zum Gremium des Registers; dessen Angaben und "
    "Standardtagesordnung bleiben."
)
MEETING_RULE = (
    "Regel: Ist eine Sitzungsnummer eines Gremiums im Register schon vergeben, werden alle neuen "
    "Sitzungen dieses Gremiums vom Laptop in ihrer bisherigen Reihenfolge nach der letzten "
    "Sitzung im Register weiter nummeriert; die bisherige Nummer steht in den Notizen der Sitzung."
)
NUMBER_RULE = (
    "Regel: Ist die Registernummer eines Beschlusses oder einer Aufgabe im Register schon "
    "vergeben, bekommt er oder sie die nächste freie Nummer des Jahres; bei einer Aufgabe steht "
    "die bisherige Nummer in der Bemerkung. Aufgabenlisten, die schon verschickt sind, lassen "
    "sich weiter einlesen (sie tragen die Aufgaben-ID)."
)


@dataclass(frozen=True)
class Renumbered:
    """A meeting or a register number that was taken in the register, and what it became."""

    old: str
    new: str
    day: date | None = None


@dataclass
class ImportReport:
    """Counts per table and each clash with the way it was resolved."""

    source: str
    target: str
    added: Counter[str] = field(default_factory=Counter)
    present: Counter[str] = field(default_factory=Counter)  # same UUID already in the register
    changed_on_laptop: int = 0  # of those, rows the laptop changed after the register's copy
    matched: Counter[str] = field(default_factory=Counter)  # offices, regions, settings by key
    merged_bodies: list[tuple[str, str]] = field(default_factory=list)
    dropped_standing_items: Counter[str] = field(default_factory=Counter)  # body short -> count
    meetings: list[Renumbered] = field(default_factory=list)
    numbers: list[Renumbered] = field(default_factory=list)
    same_name_persons: int = 0
    dry_run: bool = False

    @property
    def changed_anything(self) -> bool:
        return bool(sum(self.added.values()))


def format_report(report: ImportReport) -> str:
    """The report in German: counts, each clash with its rule, and what happened in the end."""
    lines = [f"Übernahme von „{report.source}“ in das Register {report.target}"]
    lines.append(_counted("Neu übernommen", report.added) or "Neu übernommen: nichts.")
    present = _counted("Schon im Register, unverändert gelassen", report.present)
    if present:
        lines.append(present)
    if report.changed_on_laptop:
        lines.append(
            f"  Davon auf dem Laptop später geändert: {german_number(report.changed_on_laptop)}; "
            "das Register behält seinen Stand (dort kann inzwischen jemand anderes daran "
            "gearbeitet haben)."
        )
    lines += _matched_lines(report)
    lines += _clash_lines(report)
    if report.same_name_persons:
        lines.append(
            f"Neue Personen mit dem Namen einer Person desselben Amts im Register: "
            f"{german_number(report.same_name_persons)}; sie sind als eigene Einträge übernommen. "
            "Bitte prüfen Sie, ob es dieselben Menschen sind."
        )
    if report.dry_run:
        lines.append("Probelauf: nichts wurde geändert.")
    elif report.changed_anything:
        lines.append("Die Übernahme ist abgeschlossen.")
    else:
        lines.append("Das Register hatte schon alles; nichts wurde geändert.")
    return "\n".join(lines)


def _counted(label: str, counts: Counter[str]) -> str:
    parts = [counted(counts[table], table) for table in TABLE_NAMES if counts[table]]
    return f"{label}: {', '.join(parts)}." if parts else ""


def _matched_lines(report: ImportReport) -> list[str]:
    matched = report.matched
    parts = []
    if matched["offices"]:
        parts.append(f"{counted(matched['offices'], 'offices')} (gleiches Kürzel)")
    if matched["regions"]:
        parts.append(f"{counted(matched['regions'], 'regions')} (gleiche LOR-Nummer)")
    if matched["settings"]:
        parts.append(
            f"{counted(matched['settings'], 'settings')} (das Register behält die eigenen Werte)"
        )
    return [f"Mit dem Register zusammengelegt: {', '.join(parts)}."] if parts else []


def _clash_lines(report: ImportReport) -> list[str]:
    lines: list[str] = []
    if report.merged_bodies:
        lines += ["", "Gleiche Kurzbezeichnung eines Gremiums:", f"  {BODY_RULE}"]
        lines += [f"  „{laptop}“ gehört zum Gremium „{ours}“ des Registers" for laptop, ours in report.merged_bodies]  # fmt: skip
        for short, count in sorted(report.dropped_standing_items.items()):
            lines.append(
                f"  Die Standardtagesordnung von „{short}“ auf dem Laptop "
                f"({count} {'Punkt' if count == 1 else 'Punkte'}) wurde nicht übernommen."
            )
    if report.meetings:
        lines += ["", "Gleiche Sitzungsnummer eines Gremiums:", f"  {MEETING_RULE}"]
        lines += [f"  {m.old} vom {german_date(m.day)} → {m.new}" for m in report.meetings]
    if report.numbers:
        lines += ["", "Registernummer im Register schon vergeben:", f"  {NUMBER_RULE}"]
        lines += [f"  {n.old} → {n.new}" for n in report.numbers]
    return [*lines, ""] if lines else lines
