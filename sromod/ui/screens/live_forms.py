"""The live view's inline forms for a decision and a task: Enter commits, Esc closes; where the
window is narrow (150 % or 200 % scaling) labels go above their fields and the commit button
takes a row of its own.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from sromod.models import DecisionKind
from sromod.services.wording import german_date
from sromod.ui.labels import enum_label
from sromod.ui.screens.live_input import InputError, parse_due_date
from sromod.ui.screens.live_messages import FieldMessages
from sromod.ui.screens.live_style import sized_font
from sromod.ui.theme import styled

FIELD_POINTS = 13.0


class InlineForm(QFrame):
    """A small form that commits on Enter and closes on Esc."""

    submitted = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        styled(
            self,
            "InlineForm { border:2px solid $frame; border-radius:6px; } "
            "QLabel, QPushButton { font-size:12pt; }",
        )
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self, self.submitted.emit, context=context)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancelled.emit, context=context)
        self.narrow = False

    def _lay_out_rows(
        self, layout: QFormLayout, button_row: QHBoxLayout, button: QPushButton
    ) -> None:
        """Where the window is narrow (150 % or 200 % scaling) a label goes above its field and
        `button` leaves `button_row` for a row of its own: the form never scrolls sideways."""
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._layout, self._button_row, self._button = layout, button_row, button
        self._narrow_row = QHBoxLayout()
        self._narrow_row.addStretch(1)
        layout.addRow(self._narrow_row)
        layout.setRowVisible(self._narrow_row, False)

    def set_narrow(self, narrow: bool) -> None:
        if narrow == self.narrow:
            return
        self.narrow = narrow
        source, target = (
            (self._button_row, self._narrow_row) if narrow else (self._narrow_row, self._button_row)
        )
        source.removeWidget(self._button)
        target.addWidget(self._button)
        self._layout.setRowVisible(self._narrow_row, narrow)


def _line(placeholder: str, name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setFont(sized_font(FIELD_POINTS))
    return edit


def _submit_on_return(form: InlineForm, edits: list[QLineEdit]) -> None:
    # Enter that closes a completer popup reaches the field directly, not through the shortcut
    for edit in edits:
        edit.returnPressed.connect(form.submitted.emit)


class DecisionForm(InlineForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Art des Beschlusses"))
        for kind in DecisionKind:
            self.kind.addItem(enum_label(kind), kind)
        self.kind.setFont(sized_font(FIELD_POINTS))
        self.text = _line(self.tr("Wortlaut des Beschlusses"), self.tr("Beschlusstext"))
        self.votes = [
            _line("", self.tr("Stimmen dafür")),
            _line("", self.tr("Stimmen dagegen")),
            _line("", self.tr("Enthaltungen")),
        ]
        votes_row = QHBoxLayout()
        for label, edit in zip(
            (self.tr("dafür"), self.tr("dagegen"), self.tr("Enthaltung")), self.votes, strict=True
        ):
            edit.setMaximumWidth(70)
            edit.setToolTip(self.tr("leer lassen, wenn nicht abgestimmt wurde"))
            caption = QLabel(label)
            caption.setBuddy(edit)
            votes_row.addWidget(caption)
            votes_row.addWidget(edit)
        self.unanimous = QPushButton(self.tr("einstimmig"))
        self.unanimous.setToolTip(
            self.tr("Alle anwesenden Stimmberechtigten dafür (Strg+Umschalt+A)")
        )
        self.unanimous.setAccessibleName(
            self.tr("einstimmig: alle anwesenden Stimmberechtigten dafür")
        )
        votes_row.addWidget(self.unanimous)
        QShortcut(
            QKeySequence("Ctrl+Shift+A"),
            self,
            self.unanimous.click,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        ).setWhatsThis(self.unanimous.accessibleName())  # named on the F1 page
        votes_row.addStretch(1)
        self.commit = QPushButton(self.tr("Beschluss festhalten (Enter)"))
        self.commit.clicked.connect(self.submitted.emit)
        votes_row.addWidget(self.commit)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Beschluss (Strg+B) – Art:"), self.kind)
        layout.addRow(self.tr("Text:"), self.text)
        layout.addRow(self.tr("Stimmen:"), votes_row)
        _submit_on_return(self, [self.text, *self.votes])
        self.messages = FieldMessages()
        self.messages.add_under(layout, self.text)
        self.messages.add_under(layout, self.commit, self.votes[0])
        self.submitted.connect(self.messages.clear)  # connected first: each try starts afresh
        self._lay_out_rows(layout, votes_row, self.commit)

    def clear(self) -> None:
        self.kind.setCurrentIndex(0)
        self.text.clear()
        for edit in self.votes:
            edit.clear()
        self.messages.clear()


class TaskForm(InlineForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = _line(self.tr("Was ist zu tun?"), self.tr("Was"))
        self.office = _line(self.tr("Kürzel oder Name, z. B. Jug"), self.tr("Amt"))
        self.person = _line(self.tr("optional"), self.tr("Person"))
        self.due = _line(self.tr("z. B. 15.12., 15.12.2026 oder +2w"), self.tr("Bis wann"))
        self.due_preview = QLabel()
        self.commit = QPushButton(self.tr("Aufgabe festhalten (Enter)"))
        self.commit.clicked.connect(self.submitted.emit)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due, 1)
        due_row.addWidget(self.due_preview, 1)
        due_row.addWidget(self.commit)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Aufgabe (Strg+T) – Was:"), self.what)
        layout.addRow(self.tr("Amt:"), self.office)
        layout.addRow(self.tr("Person:"), self.person)
        layout.addRow(self.tr("Bis wann:"), due_row)
        self.due.textChanged.connect(self._preview_due)
        _submit_on_return(self, [self.what, self.office, self.person, self.due])
        self.messages = FieldMessages()
        for field in (self.what, self.office, self.person):
            self.messages.add_under(layout, field)
        self.messages.add_under(layout, self.commit, self.due)
        self.submitted.connect(self.messages.clear)  # connected first: each try starts afresh
        self._lay_out_rows(layout, due_row, self.commit)

    def set_choices(self, offices: list[str], people: list[str]) -> None:
        for edit, choices in ((self.office, offices), (self.person, people)):
            completer = QCompleter(choices, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)

    def _preview_due(self, text: str) -> None:
        try:
            due = parse_due_date(text, date.today())
        except InputError:
            self.due_preview.setText(self.tr("(Datum unklar)"))
            return
        self.due_preview.setText("→ " + german_date(due) if due else "")

    def clear(self) -> None:
        for edit in (self.what, self.office, self.person, self.due):
            edit.clear()
        self.messages.clear()
