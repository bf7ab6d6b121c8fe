"""Importing a task list an office lead sent back: choose the file, see the preview, apply."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sromod.exports.tasks_xlsx_import import preview_task_list
from sromod.services import task_import
from sromod.services.import_problems import IgnoredEdit
from sromod.services.task_import import ImportPreview, TaskChange
from sromod.services.wording import (
    change_lines,
    conflict_sides,
    german_datetime,
    ignored_text,
    problem_text,
    unread_sheets_text,
)
from sromod.ui.context import AppContext
from sromod.ui.fitting import FittedDialog
from sromod.ui.labels import enum_label, in_window_language
from sromod.ui.theme import styled

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QApplication.translate("ImportPreviewDialog", text)


def ask_open_path(parent: QWidget | None, title: str, name_filter: str) -> str | None:
    """The file the user picks, or None (a module function, so that tests can replace it)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _selected = QFileDialog.getOpenFileName(parent, title, folder, name_filter)
    return path or None


def import_task_list(parent: QWidget | None, context: AppContext) -> int | None:
    """The whole import in the window; returns how many tasks changed, None if nothing was done."""
    path = ask_open_path(
        parent,
        _tr("Aufgabenliste importieren"),
        _tr("Excel-Arbeitsmappen (*.xlsx)"),
    )
    if path is None:
        return None
    preview = _read_in_background(parent, context, Path(path))
    if preview is None:
        return None
    if not ImportPreviewDialog.ask(parent, preview):
        return None
    changed = context.run(
        _tr("Aufgabenliste „%1“ importieren").replace("%1", preview.path.name),
        task_import.apply_import,
        preview,
    )
    if changed is not None:
        done = _count(changed, _tr("1 Aufgabe aus „%2“ übernommen."),
                      _tr("%1 Aufgaben aus „%2“ übernommen."))  # fmt: skip
        context.message.emit(done.replace("%2", preview.path.name))
    return changed


def _count(n: int, one: str, many: str) -> str:
    return one if n == 1 else many.replace("%1", str(n))


def _read_in_background(
    parent: QWidget | None, context: AppContext, path: Path
) -> ImportPreview | None:
    """The preview, read in a worker thread behind a progress dialog that can cancel."""
    from sromod.ui.exports_ui import ExportJob, run_export

    job = ExportJob(preview_task_list, {"store": context.store, "path": path}, True)
    run_export(parent, _tr("Aufgabenliste „%1“ wird gelesen …").replace("%1", path.name), job,
               cancellable=True, count_text=_tr("%1 Zeilen gelesen"))  # fmt: skip
    if job.cancel_requested.is_set() and job.result is None:
        context.message.emit(_tr("Einlesen abgebrochen; es wurde nichts geändert."))
        return None
    if job.error is not None:
        context.error.emit(job.error)
        return None
    return job.result if isinstance(job.result, ImportPreview) else None


class ImportPreviewDialog(FittedDialog):
    """The changes the import would make, its conflicts and its problems; apply or cancel."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Vorschau: %1").replace("%1", preview.path.name))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if preview.problems:
            problems = QLabel(self.tr("<b>Fehler in der Datei – es wird nichts übernommen:</b>"))
            styled(problems, "color: $error_fg;")
            layout.addWidget(problems)
            self.problem_list = QListWidget()
            self.problem_list.addItems(
                [problem_text(p, in_window_language) for p in preview.problems]
            )
            self.problem_list.setWordWrap(True)
            layout.addWidget(self.problem_list, 1)
        self.changes = self._table(preview.changes, conflicts=False)
        if preview.changes:
            layout.addWidget(QLabel(self.tr("<b>Änderungen</b>")))
            layout.addWidget(self.changes, 2)
        self.conflicts = self._table(preview.conflicts, conflicts=True)
        if preview.conflicts:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "<b>Konflikte</b> – in sromod nach dem Export geändert, "
                        "werden nicht übernommen:"
                    )
                )
            )
            layout.addWidget(self.conflicts, 1)
        if preview.ignored:
            self._add_ignored(layout, preview.ignored)
        if preview.unread_sheets:
            layout.addWidget(QLabel(unread_sheets_text(preview.unread_sheets, in_window_language)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(
            self.tr("Änderungen übernehmen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(preview.ok and bool(preview.changes))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _add_ignored(self, layout: QVBoxLayout, edits: list[IgnoredEdit]) -> None:
        """Edits in columns sromod does not read back: said, so that nobody expects them."""
        heading = QLabel(
            self.tr(
                "<b>Wird nicht übernommen</b> – diese Spalten liest sromod nicht ein "
                "(Änderungen bitte in sromod erfassen):"
            )
        )
        heading.setWordWrap(True)
        self.ignored_list = QListWidget()
        self.ignored_list.addItems([ignored_text(e, in_window_language) for e in edits])
        self.ignored_list.setWordWrap(True)
        self.ignored_list.setAccessibleName(self.tr("Nicht übernommene Änderungen"))
        heading.setBuddy(self.ignored_list)
        layout.addWidget(heading)
        layout.addWidget(self.ignored_list, 1)

    def _summary(self) -> str:
        p = self.preview
        parts = [
            _count(len(p.changes), self.tr("1 Änderung"), self.tr("%1 Änderungen")),
            _count(len(p.conflicts), self.tr("1 Konflikt"), self.tr("%1 Konflikte")),
            _count(p.unchanged, self.tr("1 Aufgabe ohne Änderung"),
                   self.tr("%1 Aufgaben ohne Änderung")),
        ]  # fmt: skip
        if p.problems:
            parts.insert(0, self.tr("%1 Fehler").replace("%1", str(len(p.problems))))
        text = " · ".join(parts)
        if p.exported_at:
            text = (
                self.tr("Exportiert am %1. ").replace("%1", german_datetime(p.exported_at)) + text
            )
        return text

    def _table(self, changes: list[TaskChange], *, conflicts: bool) -> QTableWidget:
        table = QTableWidget(len(changes), 3)
        table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        third = self.tr("in sromod · in der Datei") if conflicts else self.tr("alt → neu")
        table.setHorizontalHeaderLabels([self.tr("Nr."), self.tr("Aufgabe"), third])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        for row, change in enumerate(changes):
            for column, text in enumerate(
                (
                    change.register_number,
                    change.title,
                    "\n".join(
                        conflict_sides(change, in_window_language, enum_label)
                        if conflicts
                        else change_lines(change, in_window_language, enum_label)
                    ),
                )
            ):
                table.setItem(row, column, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        return table

    @classmethod
    def ask(cls, parent: QWidget | None, preview: ImportPreview) -> bool:
        """True when the user chose to apply the changes."""
        dialog = cls(preview, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
