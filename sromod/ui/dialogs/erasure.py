"""After an erasure: which backups still hold the old data, and whether to replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sromod.store.backup import backup_time

MAX_LISTED = 8


def tr(text: str) -> str:
    return QApplication.translate("erasure", text)


def backup_line(backup: Path) -> str:
    """'28.11.2026 09:15 – sromod-20261128-091500-taeglich.sqlite' (the date when it is known)."""
    taken = backup_time(backup)
    return f"{taken[0].strftime('%d.%m.%Y %H:%M')} – {backup.name}" if taken else backup.name


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
