"""The main window's menus and actions, with their shortcuts shown in menus and tooltips."""

from __future__ import annotations

from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from sromod.models import MeetingState
from sromod.ui import icons
from sromod.ui.scheme_menu import SchemeMenu
from sromod.ui.settings import LANGUAGES
from sromod.ui.store_switch import StoreSwitcher
from sromod.ui.window_base import WindowBase

EXPORT_KINDS = ("minutes", "excerpt", "invitation", "attendance", "ics", "absage")
# A cancelled meeting has no minutes, only the Absage; the Absage only a cancelled one.
MINUTES_KINDS = ("minutes", "excerpt")
PAGE_ICONS = ("bodies", "tasks", "decisions", "offices", "regions", "people")


class MainActions(QObject):
    """Builds the menu bar of a WindowBase; the window keeps the behaviour."""

    def __init__(self, window: WindowBase, store_switcher: StoreSwitcher) -> None:
        super().__init__(window)
        self.window = window
        self.store_switcher = store_switcher
        self._build_file_menu()
        self._build_edit_menu()
        self._build_meeting_menu()
        self._build_view_menu()
        self._build_help_menu()
        self.set_icons()

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
            self.tr("Datenbank ö&ffnen…"), self.store_switcher.open_database, "Ctrl+O"
        )
        menu.addAction(self.open_store)
        self.connect_register = self._action(
            self.tr("&Mit Register verbinden…"),
            self.store_switcher.connect_register,
            tip=self.tr("Ein gemeinsames Register auf einem PostgreSQL-Server öffnen"),
        )
        menu.addAction(self.connect_register)
        self.sync_register = self._action(
            self.tr("Mit dem Register &abgleichen…"),
            self.sync_with_register,
            tip=self.tr(
                "Eine Replik des Registers für die Arbeit ohne Netz anlegen oder abgleichen"
            ),
        )
        menu.addAction(self.sync_register)
        self.sync_conflicts = self._action(
            self.tr("&Konflikte des Abgleichs…"),
            self.show_sync_conflicts,
            tip=self.tr("Die Konflikte des letzten Abgleichs ansehen und je Eintrag entscheiden"),
        )
        menu.addAction(self.sync_conflicts)
        self.restore = self._action(
            self.tr("Sicherung &wiederherstellen…"), self.store_switcher.restore_backup
        )
        menu.addAction(self.restore)
        self.check = self._action(
            self.tr("Datenbank p&rüfen…"),
            self.store_switcher.check_database,
            tip=self.tr("Datenbank auf Fehler prüfen (Seiten, Verweise, Schema, Suchindex)"),
        )
        menu.addAction(self.check)
        menu.addSeparator()
        self.quit = self._action(self.tr("&Beenden"), w.close, "Ctrl+Q")
        menu.addAction(self.quit)

    def sync_with_register(self) -> None:
        """Datei → Mit dem Register abgleichen…; a new replica the user wants opens at once."""
        from sromod.ui.sync_dialog import SyncCommand  # not at start-up: few need it

        path = SyncCommand(self.window, self.window.context).run()
        if path is not None:
            self.store_switcher.switch_to(path)

    def show_sync_conflicts(self) -> None:
        from sromod.ui.sync_conflicts import ConflictsDialog

        ConflictsDialog.show_for(self.window, self.window.context)

    def _build_edit_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&Bearbeiten"))
        stack = w.context.undo_stack
        self.undo = self._action(self.tr("Rückgängig"), stack.undo, "Ctrl+Z")
        self.redo = self._action(self.tr("Wiederholen"), stack.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        # The toolbar's buttons keep their words (the bar changed width with every step);
        # what they would undo is in their tooltip.
        self.undo_tool = QAction(self.tr("Rückgängig"), w)
        self.undo_tool.triggered.connect(stack.undo)
        self.redo_tool = QAction(self.tr("Wiederholen"), w)
        self.redo_tool.triggered.connect(stack.redo)
        menu.addAction(self.undo)
        menu.addAction(self.redo)
        # the stack outlives this window; a bound method of a QObject disconnects with it
        stack.undoTextChanged.connect(self._update_undo_texts)
        stack.redoTextChanged.connect(self._update_undo_texts)
        stack.canUndoChanged.connect(self._update_undo_texts)
        stack.canRedoChanged.connect(self._update_undo_texts)
        self._update_undo_texts()
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

    def _update_undo_texts(self, *_: Any) -> None:
        """The menu reads as a sentence: "Rückgängig: Status von 3 Aufgaben … setzen"."""
        actions = (self.undo, self.redo, self.undo_tool, self.redo_tool)
        if not all(shiboken6.isValid(a) for a in actions):
            return  # the window is being torn down while the app-wide stack lives on
        stack = self.window.context.undo_stack
        if not shiboken6.isValid(stack):
            return  # the stack is being deleted (its last signals come from its destructor)
        steps = (
            (self.undo, self.undo_tool, self.tr("Rückgängig"), stack.undoText(), stack.canUndo()),
            (self.redo, self.redo_tool, self.tr("Wiederholen"), stack.redoText(), stack.canRedo()),
        )
        for action, tool, word, step, possible in steps:
            text = f"{word}: {step}" if possible and step else word
            action.setText(text)
            action.setEnabled(possible)
            tool.setEnabled(possible)
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            action.setToolTip(f"{text} ({keys})")
            action.setStatusTip(text)
            tool.setToolTip(action.toolTip())

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
            "excerpt": (self.tr("Protokollaus&zug für ein Amt…"), None),
            "invitation": (self.tr("&Einladung (Word)…"), None),
            "attendance": (self.tr("&Anwesenheitsliste (Word)…"), None),
            "ics": (self.tr("&Termin für den Kalender (.ics)…"), None),
            "absage": (self.tr("A&bsage (Word)…"), None),
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
        self.schemes = SchemeMenu(w, menu)

    def _choose_language(self, code: str, *_: Any) -> None:
        self.window.settings.set_language(code)
        self.window.show_message(
            self.tr("Die Sprache wird beim nächsten Start von sromod übernommen.")
        )

    def _build_help_menu(self) -> None:
        w = self.window
        menu = w.menuBar().addMenu(self.tr("&Hilfe"))
        self.key_help = self._action(
            self.tr("&Tastenkürzel…"),
            w.show_key_help,
            "F1",
            self.tr("Alle Tastenkürzel dieses Fensters"),
        )
        menu.addAction(self.key_help)
        self.about = self._action(self.tr("Über &sromod"), w.show_about)
        menu.addAction(self.about)

    def set_icons(self) -> None:
        """One icon family for the toolbar, the navigation and the menus."""
        named = {
            "plan_meeting": self.plan_meeting, "open_store": self.open_store,
            "restore": self.restore, "quit": self.quit, "undo": self.undo, "redo": self.redo,
            "search": self.find, "retention": self.retention, "live": self.live,
            "end_meeting": self.end_meeting, "release": self.release, "about": self.about,
            "navigation": self.toggle_nav,
        }  # fmt: skip
        named.update({kind: self.exports[kind] for kind in EXPORT_KINDS})
        named["undo_tool"], named["redo_tool"] = self.undo_tool, self.redo_tool
        for meaning, action in named.items():
            action.setIcon(icons.icon(meaning.removesuffix("_tool")))
        for action, meaning in zip(self.pages, PAGE_ICONS, strict=True):
            action.setIcon(icons.icon(meaning))

    def update_meeting_actions(self, state: MeetingState | None) -> None:
        """Enable what the current meeting's state allows."""
        has = state is not None
        self.live.setEnabled(
            state in (MeetingState.PLANNED, MeetingState.INVITED, MeetingState.RUNNING)
        )
        self.end_meeting.setEnabled(state == MeetingState.RUNNING)
        self.release.setEnabled(state == MeetingState.HELD)
        cancelled = state is MeetingState.CANCELLED
        for kind, action in self.exports.items():
            if kind in MINUTES_KINDS:
                action.setEnabled(has and not cancelled)
            elif kind == "absage":
                action.setEnabled(cancelled)
            else:
                action.setEnabled(has)
