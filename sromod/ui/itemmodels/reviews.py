"""The tasks up for review in a Wiedervorlage TOP, as the live view steps through them.

A long Wiedervorlage (50 and more tasks) is gone through office by office: the rows can be grouped
under one heading row per office and filtered to one office or to the overdue tasks. Heading rows
are neither selectable nor enabled, so arrow keys step over them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont

from sromod.services.common import is_overdue
from sromod.services.tasks import ReviewInfo
from sromod.services.wording import german_date
from sromod.ui import theme
from sromod.ui.itemmodels.base import ID_ROLE, Index, RowTableModel
from sromod.ui.labels import enum_label

ReviewId = ID_ROLE
IsGroupRow = Qt.ItemDataRole.UserRole + 2

NO_OFFICE = ""
TITLE_COLUMN, DUE_COLUMN, NOW_COLUMN = 1, 3, 5


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewModel", text)


def due_text(review: ReviewInfo) -> str:
    return german_date(review.task.due_date)


def outcome_text(review: ReviewInfo) -> str:
    """The meeting's word on the task so far, in words ("noch nicht besprochen" until set)."""
    if review.status_after is None:
        return _tr("noch nicht besprochen")
    return "✓ " + enum_label(review.status_after)


def overdue_at(review: ReviewInfo, today: date) -> bool:
    """Overdue when the meeting took it up: the status it came with, not the one set now."""
    return is_overdue(review.status_before, review.task.due_date, today)


def office_of(review: ReviewInfo) -> str:
    return review.task.office_code or NO_OFFICE


@dataclass(frozen=True)
class GroupRow:
    """The heading row of one office: "Jugendamt (Jug) · 8 Aufgaben, 3 überfällig, 2 besprochen"."""

    office: str
    text: str


@dataclass(frozen=True)
class ReviewFilter:
    office: str | None = None  # an office code, NO_OFFICE for tasks without one, None for all
    overdue_only: bool = False
    grouped: bool = False  # the review panel groups; a bare model keeps the carried-over order


class ReviewModel(RowTableModel[ReviewInfo | GroupRow]):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ReviewModel", "Nr."),
        QT_TRANSLATE_NOOP("ReviewModel", "Aufgabe"),
        QT_TRANSLATE_NOOP("ReviewModel", "Wer"),
        QT_TRANSLATE_NOOP("ReviewModel", "Bis"),
        QT_TRANSLATE_NOOP("ReviewModel", "bisher"),
        QT_TRANSLATE_NOOP("ReviewModel", "jetzt"),
        QT_TRANSLATE_NOOP("ReviewModel", "Notiz"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__([_tr(str(c)) for c in self.COLUMNS], parent)
        self._all: list[ReviewInfo] = []
        self._today = date.today()
        self._names: dict[str, str] = {}
        self.filter = ReviewFilter()

    # --- loading and filtering -------------------------------------------------------------

    def set_reviews(
        self,
        rows: list[ReviewInfo],
        today: date | None = None,
        office_names: dict[str, str] | None = None,
    ) -> None:
        """All reviews of the TOP, `today` deciding what is overdue, office names for headings."""
        self._all, self._today = list(rows), today or date.today()
        self._names = dict(office_names or {})
        self._rebuild()

    def set_filter(self, wanted: ReviewFilter) -> None:
        self.filter = wanted
        self._rebuild()

    def _rebuild(self) -> None:
        self.set_rows(self._arranged())

    def _arranged(self) -> list[ReviewInfo | GroupRow]:
        wanted = self.filter
        shown = [
            r
            for r in self._all
            if (wanted.office is None or office_of(r) == wanted.office)
            and (not wanted.overdue_only or overdue_at(r, self._today))
        ]
        if not wanted.grouped:
            return list(shown)
        # office by office (tasks without an office last), oldest due date first within each
        shown.sort(
            key=lambda r: (
                office_of(r) == NO_OFFICE,
                office_of(r).casefold(),
                r.task.due_date or date.max,
                r.position,
            )
        )
        arranged: list[ReviewInfo | GroupRow] = []
        for review in shown:
            office = office_of(review)
            if not arranged or office_of_row(arranged[-1]) != office:
                members = [r for r in shown if office_of(r) == office]
                arranged.append(GroupRow(office, self._group_text(office, members)))
            arranged.append(review)
        return arranged

    def _group_text(self, office: str, members: list[ReviewInfo]) -> str:
        text = self.office_label(office)
        count = len(members)
        text += " · " + (
            _tr("1 Aufgabe") if count == 1 else _tr("%1 Aufgaben").replace("%1", str(count))
        )
        overdue = sum(1 for r in members if overdue_at(r, self._today))
        if overdue:
            text += _tr(", %1 überfällig").replace("%1", str(overdue))
        done = sum(1 for r in members if r.status_after is not None)
        return text + _tr(", %1 besprochen").replace("%1", str(done))

    def office_label(self, office: str) -> str:
        """ "Jugendamt (Jug)", or "ohne Amt" for tasks given to a person alone."""
        if office == NO_OFFICE:
            return _tr("ohne Amt")
        name = self._names.get(office)
        return f"{name} ({office})" if name else office

    def total(self) -> int:
        """How many tasks the TOP reviews, whatever the filter shows."""
        return len(self._all)

    def offices(self) -> list[tuple[str, int]]:
        """The offices that have tasks in this review, with how many, in heading order."""
        counts: dict[str, int] = {}
        for review in self._all:
            counts[office_of(review)] = counts.get(office_of(review), 0) + 1
        order = sorted(counts, key=lambda o: (o == NO_OFFICE, o.casefold()))
        return [(office, counts[office]) for office in order]

    # --- rows ------------------------------------------------------------------------------

    def id_of(self, row: ReviewInfo | GroupRow) -> str | None:
        return row.id if isinstance(row, ReviewInfo) else None  # a heading has no id

    def review(self, row: int) -> ReviewInfo | None:
        found = self.row_at(row)
        return found if isinstance(found, ReviewInfo) else None

    def reviews(self) -> list[ReviewInfo]:
        """The task rows shown, in the order shown."""
        return [r for r in self._rows if isinstance(r, ReviewInfo)]

    def is_group_row(self, row: int) -> bool:
        return isinstance(self.row_at(row), GroupRow)

    def task_row(self, row: int, step: int) -> int | None:
        """The nearest task row from `row` on in direction `step` (+1/-1), None if there is none."""
        while 0 <= row < len(self._rows):
            if isinstance(self._rows[row], ReviewInfo):
                return row
            row += step
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.is_group_row(index.row()):
            return Qt.ItemFlag.NoItemFlags  # arrow keys and clicks pass over office headings
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index.row()) if index.isValid() else None
        if isinstance(entry, GroupRow):
            return self._group_data(entry, index.column(), role)
        return super().data(index, role)

    def cell(self, entry: ReviewInfo | GroupRow, column: int, role: int) -> Any:
        assert isinstance(entry, ReviewInfo)
        if role == Qt.ItemDataRole.DisplayRole and column == NOW_COLUMN:
            # a dash until the meeting has spoken, so the rows stay one line where titles allow
            return outcome_text(entry) if entry.status_after is not None else "–"
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(entry, column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._spoken(entry, column)
        overdue = column == DUE_COLUMN and overdue_at(entry, self._today)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(theme.qcolour("overdue_fg"))  # and the cell says "überfällig"
        if role == Qt.ItemDataRole.FontRole and overdue:
            return bold_font()
        return None

    def _group_data(self, entry: GroupRow, column: int, role: int) -> Any:
        if role == IsGroupRow:
            return True
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return entry.text if column == 0 else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(theme.qcolour("group_bg"))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(theme.qcolour("group_fg"))
        if role == Qt.ItemDataRole.FontRole:
            return bold_font()
        return None

    def _spoken(self, review: ReviewInfo, column: int) -> str:
        """What a tooltip and a screen reader say: words where the cell shows a sign."""
        if column == DUE_COLUMN and overdue_at(review, self._today):
            return _tr("%1, überfällig").replace("%1", due_text(review))
        if column == NOW_COLUMN:
            return outcome_text(review)
        return self._cell(review, column)

    def _cell(self, review: ReviewInfo, column: int) -> str:
        task = review.task
        due = due_text(review)
        if overdue_at(review, self._today):
            due = "⚠ " + due  # with the bold dark red: not by colour alone
        values = (
            task.register_number,
            task.title,
            task.who,
            due,
            enum_label(review.status_before),
            outcome_text(review),
            review.note or "",
        )
        return values[column]


def office_of_row(entry: ReviewInfo | GroupRow) -> str:
    return entry.office if isinstance(entry, GroupRow) else office_of(entry)


def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
