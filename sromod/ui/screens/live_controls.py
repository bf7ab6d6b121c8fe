"""The live view's buttons and keyboard shortcuts, each button naming its key in the tooltip."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from sromod.ui.screens.live_style import sized_font

if TYPE_CHECKING:
    from sromod.ui.screens.live import LiveView


def _tr(text: str) -> str:
    return QCoreApplication.translate("LiveView", text)


def button_row(view: LiveView) -> tuple[dict[str, QPushButton], QHBoxLayout]:
    """One row across the window; focus stays where the moderator types, so buttons take none."""
    specs: tuple[tuple[str, str, str, Callable[[], None]], ...] = (
        ("previous", _tr("◀ Voriger TOP"), _tr("Bild↑ oder Alt+←"), view.go_previous),
        ("next", _tr("Nächster TOP ▶"), _tr("Bild↓ oder Alt+→"), view.go_next),
        ("decision", _tr("Beschluss …"), _tr("Strg+B"), view.capture.open_decision),
        ("task", _tr("Aufgabe …"), _tr("Strg+T"), view.capture.open_task),
        ("postpone", _tr("TOP vertagen"), _tr("Strg+Umschalt+V"), view.postpone),
        ("projector", _tr("Projektor"), _tr("F7"), view.toggle_projector),
        ("end", _tr("Sitzung beenden …"), _tr("Strg+Umschalt+E"), view.end_meeting),
    )
    buttons: dict[str, QPushButton] = {}
    row = QHBoxLayout()
    for key, text, shortcut, slot in specs:
        button = QPushButton(text)
        button.setFont(sized_font(12))
        button.setToolTip(text.rstrip(" …") + " (" + shortcut + ")")
        button.setAccessibleName(text.strip("◀▶ …"))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        buttons[key] = button
        row.addWidget(button)
    return buttons, row


def install_shortcuts(view: LiveView) -> None:
    """The live view's keys, and undo/redo on the app-wide stack (this is a window of its own)."""
    specs: tuple[tuple[tuple[str, ...], Callable[[], None]], ...] = (
        (("PgDown", "Alt+Right"), view.go_next),
        (("PgUp", "Alt+Left"), view.go_previous),
        (("Ctrl+E",), view.capture.focus_result),
        (("Ctrl+B",), view.capture.open_decision),
        (("Ctrl+T",), view.capture.open_task),
        (("Ctrl+Shift+E",), view.end_meeting),
        (("Ctrl+Shift+V",), view.postpone),
    )
    for keys, slot in specs:
        action = QAction(view)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        view.addAction(action)
    undo = view.context.undo_stack.createUndoAction(view, _tr("Rückgängig"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = view.context.undo_stack.createRedoAction(view, _tr("Wiederholen"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    view.addActions([undo, redo])


QWIDGETSIZE_MAX = 16777215
REVIEW_RESULT_HEIGHT = 52  # two lines: the Wiedervorlage's result is mostly its task states


def set_review_mode(view: LiveView, review: bool) -> None:
    """The Wiedervorlage takes the window: agenda aside, smaller head, a short result field."""
    view.review.setVisible(review)
    view.side.setVisible(not review)
    view.top.set_compact(review)
    view.main_column.setStretchFactor(view.capture, 0 if review else 2)
    view.capture.result.setMaximumHeight(REVIEW_RESULT_HEIGHT if review else QWIDGETSIZE_MAX)
    view.capture.result.setMinimumHeight(REVIEW_RESULT_HEIGHT if review else 70)
    view.hints.setText(hint_text(review))


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
