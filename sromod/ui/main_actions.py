"""The main window's menus and actions, with their shortcuts shown in menus and tooltips."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from sromod.models import MeetingState
from sromod.ui.settings import LANGUAGES

if TYPE_CHECKING:
    from sromod.ui.main_window import MainWindow

EXPORT_KINDS = ("minutes", "excerpt", "invitation", "attendance", "ics")


class MainActions(QObject):
    """Builds the menu bar of a MainWindow; the window keeps the behaviour."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._build_file_menu()
        self._build_edit_menu()
        self._build_meeting_menu()
        self._build_view_menu()
        self._build_help_menu()

    def _action(
        self, text: str, slot: Any, shortcut: Any = None, tip: str | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        name = text.replace("&", "").rstrip("…")
        tooltip = tip or name
        if action.shortcuts():
            native = action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
            tooltip = f"{tooltip} ({native})"
        action.setToolTip(tooltip)
        action.setStatusTip(tip or name)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _build_file_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&Datei"))
        self.plan_meeting = self._action(
            self.tr("Neue Sitzung &planen…"),
            w.plan_meeting,
            "Ctrl+N",
            self.tr("Neue Sitzung planen"),
        )
        menu.addAction(self.plan_meeting)
        menu.addSeparator()
        self.open_store = self._action(
            self.tr("Datenbank ö&ffnen…"), w.store_switcher.open_database, "Ctrl+O"
        )
        menu.addAction(self.open_store)
        self.restore = self._action(
            self.tr("Sicherung &wiederherstellen…"), w.store_switcher.restore_backup
        )
        self.restore.setEnabled(w.store_switcher.can_restore())
        menu.addAction(self.restore)
        self.check = self._action(
            self.tr("Datenbank p&rüfen…"),
            w.store_switcher.check_database,
            tip=self.tr("Datenbank auf Fehler prüfen (Seiten, Verweise, Schema, Suchindex)"),
        )
        menu.addAction(self.check)
        menu.addSeparator()
        self.quit = self._action(self.tr("&Beenden"), w.close, "Ctrl+Q")
        menu.addAction(self.quit)

    def _build_edit_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&Bearbeiten"))
        stack = w.context.undo_stack
        self.undo = stack.createUndoAction(w, self.tr("Rückgängig"))
        self.undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo = stack.createRedoAction(w, self.tr("Wiederholen"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo, self.redo):
            menu.addAction(action)
            w.addAction(action)
        # the stack outlives this window; a bound method of a QObject disconnects with it
        stack.undoTextChanged.connect(self._update_undo_tooltips)
        stack.redoTextChanged.connect(self._update_undo_tooltips)
        self._update_undo_tooltips()
        menu.addSeparator()
        self.find = self._action(self.tr("&Suchen…"), w.focus_search, "Ctrl+F")
        menu.addAction(self.find)
        menu.addSeparator()
        self.retention = self._action(
            self.tr("&Aufbewahrung von Gästedaten…"),
            self._open_retention,
            tip=self.tr("Gästedaten nach einer Frist anonymisieren oder löschen"),
        )
        menu.addAction(self.retention)

    def _open_retention(self) -> None:
        from sromod.ui.dialogs.retention import RetentionDialog  # only when asked for: start-up

        RetentionDialog.ask(self.window, self.window.context)

    def _update_undo_tooltips(self, *_: Any) -> None:
        if not (shiboken6.isValid(self.undo) and shiboken6.isValid(self.redo)):
            return  # the window is being torn down while the app-wide stack lives on
        for action in (self.undo, self.redo):
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            action.setToolTip(f"{action.text()} ({keys})")

    def _build_meeting_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&Sitzung"))
        self.live = self._action(
            self.tr("&Live-Moderation starten"),
            w.start_live,
            "F5",
            self.tr("Live-Moderation starten"),
        )
        self.end_meeting = self._action(self.tr("Sitzung &beenden"), w.end_meeting, "Ctrl+Shift+E")
        self.release = self._action(self.tr("Protokoll &freigeben"), w.release_minutes)
        for action in (self.live, self.end_meeting, self.release):
            menu.addAction(action)
        menu.addSeparator()
        export_menu = menu.addMenu(self.tr("&Exportieren"))
        labels = {
            "minutes": (self.tr("&Protokoll (Word)…"), "Ctrl+Shift+P"),
            "excerpt": (self.tr("Protokoll&auszug für ein Amt…"), None),
            "invitation": (self.tr("&Einladung (Word)…"), None),
            "attendance": (self.tr("&Anwesenheitsliste (Word)…"), None),
            "ics": (self.tr("&Termin für den Kalender (.ics)…"), None),
        }
        self.exports: dict[str, QAction] = {}
        for kind in EXPORT_KINDS:
            text, key = labels[kind]
            self.exports[kind] = self._action(text, partial(w.export, kind), key)
            export_menu.addAction(self.exports[kind])

    def _build_view_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&Ansicht"))
        self.pages: list[QAction] = []
        for row in range(w.nav.count()):
            label = w.nav.item(row).text().replace("&", "&&")  # a literal &, not a mnemonic
            action = self._action(label, partial(w.go_to_page, row), f"Ctrl+{row + 1}")
            self.pages.append(action)
            menu.addAction(action)
        menu.addSeparator()
        self.toggle_nav = self._action(self.tr("&Navigation anzeigen"), w.nav.setVisible, "Ctrl+B")
        self.toggle_nav.setCheckable(True)
        self.toggle_nav.setChecked(True)
        menu.addAction(self.toggle_nav)
        language_menu = menu.addMenu(self.tr("&Sprache"))
        group = QActionGroup(self)
        current = w.settings.language()
        for code, name in LANGUAGES.items():
            action = QAction(name, w)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(partial(self._choose_language, code))
            group.addAction(action)
            language_menu.addAction(action)

    def _choose_language(self, code: str, *_: Any) -> None:
        self.window.settings.set_language(code)
        self.window.show_message(
            self.tr("Die Sprache wird beim nächsten Start von sromod übernommen.")
        )

    def _build_help_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&Hilfe"))
        self.about = self._action(self.tr("Über &sromod"), w.show_about)
        menu.addAction(self.about)

    def update_meeting_actions(self, state: MeetingState | None) -> None:
        """Enable what the current meeting's state allows."""
        has = state is not None
        self.live.setEnabled(
            state in (MeetingState.PLANNED, MeetingState.INVITED, MeetingState.RUNNING)
        )
        self.end_meeting.setEnabled(state == MeetingState.RUNNING)
        self.release.setEnabled(state == MeetingState.HELD)
        for action in self.exports.values():
            action.setEnabled(has)
