"""Small widgets shared by the screens: German date and time edits, badges, person pickers."""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Iterable
from datetime import date, time
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QAccessible, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QWidget,
)

from sromod.ui.theme import styled

log = logging.getLogger(__name__)

# The earliest date the edits accept stands for "no date" (shown as a dash).
_NO_DATE = QDate(1900, 1, 1)
_NO_TIME = QTime(0, 0)


def parse_time(text: str) -> time | None:
    """ "9:30", "09:30" or "930" as a time; empty text is None; anything else raises ValueError."""
    cleaned = text.strip().replace(".", ":")
    if not cleaned:
        return None
    if ":" not in cleaned and cleaned.isdigit() and len(cleaned) in (3, 4):
        cleaned = f"{cleaned[:-2]}:{cleaned[-2:]}"
    hours, _, minutes = cleaned.partition(":")
    return time(int(hours), int(minutes or 0))


def _leaves_on_tab(widget: QWidget, event: QKeyEvent) -> bool:
    """Tab and Shift+Tab go to the next or previous control (True when handled).

    Qt's date and time edits step through their sections with Tab, and an empty optional date
    (its dash is a "special value") swallows Tab for good. Sections are reached with the arrow
    keys and by typing the dot instead, as in the other fields of a form.
    """
    modifiers = event.modifiers()
    if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or modifiers & (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    ):
        return False
    forward = event.key() == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
    QWidget.focusNextPrevChild(widget, forward)
    event.accept()
    return True


class DateEdit(QDateEdit):
    """A date in German form with a calendar; optional dates show a dash when empty."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setCalendarPopup(True)
        self._optional = optional
        self._full_section_moved = False
        if optional:
            self.setMinimumDate(_NO_DATE)
            self.setSpecialValueText("—")
            self.calendarWidget().installEventFilter(self)
        self.set_value(None if optional else date.today())

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)  # not section by section

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _leaves_on_tab(self, event):
            return
        # Digits typed beside the dash of an empty date were lost ("—15012027"): start from
        # today, so that the typed date replaces a real one section by section.
        if self._optional and self.value() is None and event.text().isdigit():
            self.setDate(QDate.currentDate())
            self.setSelectedSection(QDateTimeEdit.Section.DaySection)
        elif self._optional and self._all_erased(event):
            self.set_value(None)  # otherwise a date, once chosen, could never be taken back
            return
        self._type_section_by_section(event)

    def _type_section_by_section(self, event: QKeyEvent) -> None:
        """Typing "25.11.2026" over a date gives that date, not 25.12.2026.

        A full section moves on by itself; the next section is then selected so that the typed
        digits replace it, and the dot typed after the full section does not skip another one.
        """
        typed = event.text()
        if typed in (".", ","):
            following = self.currentSectionIndex() + 1
            if not self._full_section_moved and following < self.sectionCount():
                self.setCurrentSectionIndex(following)
                self.setSelectedSection(self.currentSection())
            self._full_section_moved = False
            return
        before = self.currentSection()
        super().keyPressEvent(event)
        moved = self.currentSection() != before
        self._full_section_moved = moved and typed.isdigit()
        if self._full_section_moved:
            self.setSelectedSection(self.currentSection())

    def _all_erased(self, event: QKeyEvent) -> bool:
        """Delete or Backspace with the whole date selected (or nothing left of it)."""
        if event.key() not in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            return False
        line = self.lineEdit()
        return not line.text().strip(" .") or line.selectedText() == line.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The calendar of an empty date would open in January 1900; open it at this month.
        if event.type() == QEvent.Type.Show and self.value() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def value(self) -> date | None:
        picked = self.date()
        if self._optional and picked == _NO_DATE:
            return None
        return date(picked.year(), picked.month(), picked.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(_NO_DATE if self._optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))


class TimeEdit(QTimeEdit):
    """A wall-clock time as HH:mm."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)  # not section by section

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _leaves_on_tab(self, event):
            super().keyPressEvent(event)

    def value(self) -> time:
        picked = self.time()
        return time(picked.hour(), picked.minute())

    def set_value(self, value: time | None) -> None:
        value = value or time(0, 0)
        self.setTime(QTime(value.hour, value.minute))


def show_read_only(edit: QLineEdit | QAbstractSpinBox, read_only: bool) -> None:
    """A field that cannot be changed and does not look as if it could.

    Read-only, on the window's grey (the form's style sheet, which reads readOnly only when
    polished), and without the arrows or the calendar button of a field one can change.
    """
    edit.setReadOnly(read_only)
    if isinstance(edit, QAbstractSpinBox):
        symbols = QAbstractSpinBox.ButtonSymbols
        edit.setButtonSymbols(symbols.NoButtons if read_only else symbols.UpDownArrows)
    if isinstance(edit, QDateEdit):
        edit.setCalendarPopup(not read_only)
    edit.style().unpolish(edit)
    edit.style().polish(edit)


class OptionalSpinBox(QSpinBox):
    """A count where 0 means "none", shown as a word."""

    def __init__(self, none_text: str, maximum: int = 999, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, maximum)
        self.setSpecialValueText(none_text)

    def optional_value(self) -> int | None:
        return self.value() or None


# Tones carry meaning twice: the badge always says it in words too (colours: sromod.ui.theme).
_TONES = ("neutral", "info", "good", "warn", "bad")


class StatusBadge(QLabel):
    """A status in words on a tinted background (colour is never the only signal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_status("", "neutral")

    def set_status(self, text: str, tone: str = "neutral") -> None:
        tone = tone if tone in _TONES else "neutral"
        self.setText(text)
        self.setAccessibleName(text)
        styled(
            self,
            f"QLabel {{ background: $badge_{tone}_bg; color: $badge_{tone}_fg; border-radius: 4px;"
            " padding: 2px 8px; font-weight: bold; }",
        )


class ChoicesModel(QAbstractListModel):
    """(id, label) rows for a combo; one reset instead of thousands of addItem calls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str | None, str]] = []

    def set_rows(self, rows: list[tuple[str | None, str]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        item_id, label = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label
        if role == Qt.ItemDataRole.UserRole:
            return item_id
        return None


class PersonCombo(QComboBox):
    """Pick a person (or nobody) by typing part of the name; holds person ids, not ORM objects."""

    def __init__(self, parent: QWidget | None = None, *, none_text: str | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._none_text = (
            none_text
            if none_text is not None
            else QCoreApplication.translate("widgets", "— niemand —")
        )
        self._choices = ChoicesModel(self)
        self.setModel(self._choices)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def showEvent(self, event: QShowEvent) -> None:
        """The typing field inside is a text field of its own to a screen reader: name it too."""
        super().showEvent(event)
        editor = self.lineEdit()
        interface = QAccessible.queryAccessibleInterface(self)
        if editor is not None and interface is not None and not editor.accessibleName():
            name = interface.text(QAccessible.Text.Name).replace("&", "").strip().rstrip(":")
            editor.setAccessibleName(name)

    def set_choices(self, choices: Iterable[tuple[str, str]], current: str | None = None) -> None:
        """choices: (id, label) pairs."""
        self.blockSignals(True)
        self._choices.set_rows([(None, self._none_text), *choices])
        self.blockSignals(False)
        self.set_current(current)

    def set_current(self, item_id: str | None) -> None:
        index = self.findData(item_id) if item_id is not None else 0
        self.setCurrentIndex(max(0, index))

    def current_id(self) -> str | None:
        # A typed name that matches an entry counts, even before the popup was used.
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:
            index = self.currentIndex()
        data = self.itemData(index)
        return str(data) if data else None


def fill_combo(combo: QComboBox, choices: Iterable[tuple[Any, str]], current: Any = None) -> None:
    """Fill a plain combo with (data, label) pairs and select current."""
    combo.clear()
    for data, label in choices:
        combo.addItem(label, data)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))


def with_shortcut(button: QAbstractButton, tooltip: str, shortcut: str | None = None) -> None:
    """Give a button a tooltip that names its shortcut, and say the same to a screen reader.

    The spoken name keeps the words written on the button (WCAG 2.5.3: who says "Gast
    hinzufügen" reaches the button by voice); a tooltip that says more than they do becomes
    the button's description. A button without words is named by its tooltip.
    """
    if shortcut:
        sequence = QKeySequence(shortcut)
        button.setShortcut(sequence)
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{tooltip} ({text})")
    else:
        button.setToolTip(tooltip)
    shown = spoken_words(button.text())
    if shown and shown not in spoken_words(tooltip):
        button.setAccessibleName(_without_mnemonic(button.text()).rstrip("…").strip())
        button.setAccessibleDescription(tooltip)
    else:
        button.setAccessibleName(tooltip)


def _without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def spoken_words(text: str) -> str:
    """A label as a voice names it: no mnemonic &, arrows, dots or case."""
    return " ".join(re.sub(r"[^\w\s]", " ", _without_mnemonic(text)).split()).casefold()


def fit_header_texts(header: QHeaderView, widths: Iterable[int] = ()) -> None:
    """Start widths for a table's columns, each at least as wide as its header text.

    A fixed start width cut "Kontaktdaten im Protokoll" to "ntaktdaten im Protok"; the header's
    own size hint holds the text, the sort arrow and the margins in the current font.
    """
    for column, width in enumerate(widths):
        header.resizeSection(column, max(width, header.sectionSizeHint(column)))


def header_text_fits(header: QHeaderView, column: int) -> bool:
    """The whole header text of a column can be read (for tests and the layout checks)."""
    return header.isSectionHidden(column) or header.sectionSize(column) >= (
        header.sectionSizeHint(column) - 2
    )


def placeholder(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def load_attribute(module: str, name: str) -> Any:
    """An attribute of a module imported on first use; a broken module raises."""
    return getattr(importlib.import_module(module), name)


class LazyReload:
    """For panels: redraw now when visible, else once on the next show (hidden tabs stay idle).

    Mix in before the Qt class; the panel defines reload() and may define on_vanished() for
    the case that what it shows was deleted meanwhile (e.g. by an undo).
    """

    _reload_pending = False

    def request_reload(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]  # a mixin: the QWidget it is mixed into has it
            self._reload_pending = False
            self._reload_guarded()
        else:
            self._reload_pending = True

    def _reload_guarded(self) -> None:
        from sromod.services.errors import NotFound

        try:
            self.reload()  # type: ignore[attr-defined]  # the panel defines reload() (see the docstring)
        except NotFound:
            log.info("%s: shown item vanished", type(self).__name__)
            self.on_vanished()

    def on_vanished(self) -> None:
        """What is shown no longer exists."""

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)  # type: ignore[misc]  # the QWidget after the mixin in the MRO has showEvent
        if self._reload_pending:
            self._reload_pending = False
            self._reload_guarded()


def _row_table(model: QAbstractItemModel, name: str) -> QTableView:
    """A table of whole rows that the user reads, not edits; name is what a screen reader says."""
    view = QTableView()
    view.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
    view.setWordWrap(False)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    return view


def read_only_table(model: QAbstractItemModel, name: str) -> QTableView:
    """A sortable table of whole rows in even row heights, the last column taking what is left."""
    table = _row_table(model, name)
    table.setSortingEnabled(True)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def make_table(
    model: QAbstractItemModel, name: str, stretch: int, widths: list[int] | None = None
) -> QTableView:
    """A read-only table of one chosen row; with widths, fixed start widths (fitting 3,000 rows
    would be slow), else columns fitted to their contents and `stretch` taking the rest."""
    view = _row_table(model, name)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    if widths:
        # the user may widen any column; the last one takes what is left
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fit_header_texts(header, widths)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
