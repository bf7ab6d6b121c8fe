"""The live view's buttons and keyboard shortcuts, each button naming its key in the tooltip."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from sromod.ui.dialogs.shortcut_help import help_action
from sromod.ui.screens.live_style import sized_font

# What the live view does on its buttons and keys, by name: previous, next, result, decision,
# task, postpone, projector, end.
Slots = Mapping[str, Callable[[], None]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("LiveView", text)


def button_row(slots: Slots) -> tuple[dict[str, QPushButton], QGridLayout]:
    """One row across the window (two where it is narrow, see `reflow_buttons`); focus stays
    where the moderator types, so buttons take none."""
    specs: tuple[tuple[str, str, str], ...] = (
        ("previous", _tr("◀ Voriger TOP"), _tr("Bild↑ oder Alt+←")),
        ("next", _tr("Nächster TOP ▶"), _tr("Bild↓ oder Alt+→")),
        ("decision", _tr("Beschluss …"), _tr("Strg+B")),
        ("task", _tr("Aufgabe …"), _tr("Strg+T")),
        ("postpone", _tr("TOP vertagen"), _tr("Strg+Umschalt+V")),
        ("projector", _tr("Projektor"), _tr("F7")),
        ("end", _tr("Sitzung beenden …"), _tr("Strg+Umschalt+E")),
    )
    buttons: dict[str, QPushButton] = {}
    row = QGridLayout()
    for key, text, shortcut in specs:
        button = QPushButton(text)
        button.setFont(sized_font(12))
        button.setToolTip(text.rstrip(" …") + " (" + shortcut + ")")
        button.setAccessibleName(text.strip("◀▶ …"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slots[key])
        buttons[key] = button
    reflow_buttons(row, list(buttons.values()), len(buttons))
    return buttons, row


def reflow_buttons(row: QGridLayout, buttons: list[QPushButton], per_row: int) -> None:
    """The buttons in rows of per_row: at 150 % or 200 % scaling one row is wider than a laptop's
    screen, and its last buttons would need sideways scrolling."""
    if row.property("perRow") == per_row:
        return
    row.setProperty("perRow", per_row)
    for button in buttons:
        row.removeWidget(button)
    for place, button in enumerate(buttons):
        row.addWidget(button, place // per_row, place % per_row)


def install_shortcuts(window: QWidget, slots: Slots, undo_stack: QUndoStack) -> None:
    """The live view's keys, and undo/redo on the app-wide stack (this is a window of its own)."""
    specs: tuple[tuple[str, tuple[str, ...], str], ...] = (
        (_tr("Nächster TOP"), ("PgDown", "Alt+Right"), "next"),
        (_tr("Voriger TOP"), ("PgUp", "Alt+Left"), "previous"),
        (_tr("Ergebnis schreiben"), ("Ctrl+E",), "result"),
        (_tr("Beschluss festhalten"), ("Ctrl+B",), "decision"),
        (_tr("Aufgabe festhalten"), ("Ctrl+T",), "task"),
        (_tr("Sitzung beenden"), ("Ctrl+Shift+E",), "end"),
        (_tr("TOP vertagen"), ("Ctrl+Shift+V",), "postpone"),
    )
    for text, keys, name in specs:
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slots[name])
        window.addAction(action)
    undo = undo_stack.createUndoAction(window, _tr("Rückgängig"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = undo_stack.createRedoAction(window, _tr("Wiederholen"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    window.addActions([undo, redo])
    help_action(window, _tr("Live-Moderation"))


REVIEW_RESULT_HEIGHT = 52  # two lines: the Wiedervorlage's result is mostly its task states


def hint_text(review: bool) -> str:
    """The keys at the foot of the view; during the Wiedervorlage those of the task list."""
    if review:
        return _tr(
            "↑/↓ Aufgabe · 1–5 Stand setzen und weiter · Alt+N Notiz · Bild↓ nächster TOP · "
            "Strg+E Ergebnis · F7 Projektor · F8 Uhr darauf · Strg+Z rückgängig"
        )
    return _tr(
        "Bild↓/Alt+→ nächster TOP · Bild↑/Alt+← voriger · Strg+E Ergebnis · "
        "Strg+B Beschluss · Strg+T Aufgabe · Strg+Umschalt+V vertagen · F7 Projektor · "
        "F8 Uhr darauf · Strg+Z rückgängig · Strg+Umschalt+E Sitzung beenden"
    )
