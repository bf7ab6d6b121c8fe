"""After an erasure: which backups still hold the old data, and whether to replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sromod.services.wording import german_datetime
from sromod.store.backup import (
    AFTER_ERASURE,
    BEFORE_MIGRATION,
    BEFORE_RESTORE,
    DAILY,
    backup_time,
)

MAX_LISTED = 8


def tr(text: str) -> str:
    return QApplication.translate("erasure", text)


def backup_line(backup: Path) -> str:
    """'28.11.2026 09:15 (tägliche Sicherung)'; the file name where its name says nothing."""
    taken = backup_time(backup)
    if taken is None:
        return backup.name
    reasons = {
        DAILY: tr("tägliche Sicherung"),
        BEFORE_MIGRATION: tr("vor einer Aktualisierung"),
        BEFORE_RESTORE: tr("vor einer Wiederherstellung"),
        AFTER_ERASURE: tr("nach einer Anonymisierung"),
    }
    return f"{german_datetime(taken[0])} ({reasons.get(taken[1], taken[1])})"


def ask_replace_backups(parent: QWidget | None, backups: list[Path]) -> bool:
    """Show the backups that still hold erased data; True if they are to be replaced."""
    lines = [f"• {backup_line(b)}" for b in backups[:MAX_LISTED]]
    if len(backups) > MAX_LISTED:
        lines.append(tr("• und %1 weitere").replace("%1", str(len(backups) - MAX_LISTED)))
    text = (
        tr("Diese Sicherungen enthalten noch den alten Namen und die Kontaktdaten (%1):").replace(
            "%1", str(len(backups))
        )
        + "\n\n"
        + "\n".join(lines)
        + "\n\n"
        + tr(
            "Durch eine neue Sicherung ersetzen? Die aufgeführten Sicherungen werden gelöscht; "
            "ein früherer Stand lässt sich danach nicht mehr wiederherstellen. Sicherungen, die "
            "Sie selbst an anderer Stelle abgelegt haben, kennt sromod nicht."
        )
    )
    answer = QMessageBox.question(
        parent,
        tr("Ältere Sicherungen ersetzen"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
