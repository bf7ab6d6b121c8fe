"""Attendance of a meeting: one click per member, guests, arrival and leaving, quorum."""

from __future__ import annotations

import logging
from datetime import datetime, time
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sromod.models import AttendanceStatus
from sromod.services import attendance
from sromod.services.attendance import AttendanceInfo
from sromod.services.concurrency import Seen
from sromod.ui.announce import ChangeWatch, announce_quorum
from sromod.ui.context import AppContext
from sromod.ui.dialogs.attendance_dialogs import GuestDialog, RepresentationDialog
from sromod.ui.itemmodels.attendance import (
    COL_AFFILIATION,
    COL_BUTTONS,
    COL_ROLE,
    AttendanceModel,
)
from sromod.ui.labels import enum_label
from sromod.ui.theme import styled
from sromod.ui.widgets import LazyReload, StatusBadge, with_shortcut

log = logging.getLogger(__name__)

ATTENDANCE_TABLES = {"attendances", "memberships", "persons", "meetings", "bodies"}

# Keys 1–4 on a selected row set its status, in the order of the buttons.
STATUS_ORDER = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.ABSENT,
    AttendanceStatus.REPRESENTED,
)
_STATUS_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}


class _Table(QTableView):
    """Keys 1–4 set the selected person's status; the screen connects to on_status_key."""

    def __init__(self, screen: AttendanceScreen) -> None:
        super().__init__()
        self._screen = screen

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = _STATUS_KEYS.get(Qt.Key(event.key())) if event.key() in _STATUS_KEYS else None
        if index is not None and self.currentIndex().isValid() and not self._screen.read_only:
            self._screen.set_status(self.currentIndex().row(), STATUS_ORDER[index])
            return
        super().keyPressEvent(event)


class AttendanceScreen(LazyReload, QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        self.model = AttendanceModel(self)
        self.model.edited.connect(self._commit_time)
        self._status_groups: list[QButtonGroup] = []
        self._button_keys: list[str | None] = []
        self._quorum = ChangeWatch()
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.quorum_badge = StatusBadge()
        self.quorum_label = QLabel()
        self.quorum_label.setAccessibleDescription(self.tr("Beschlussfähigkeit"))  # read: its text
        header.addWidget(self.quorum_badge)
        header.addWidget(self.quorum_label, 1)
        layout.addLayout(header)
        self.table = _Table(self)
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Anwesenheitsliste"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setToolTip(
            self.tr("Tasten 1–4 setzen den Status der gewählten Zeile; Zeiten per Doppelklick.")
        )
        table_header = self.table.horizontalHeader()
        table_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((COL_AFFILIATION, 130), (COL_ROLE, 170)):
            table_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            # at least the header text ("Amt / Organisation" was cut to "mt / Organisatio")
            table_header.resizeSection(column, max(width, table_header.sectionSizeHint(column)))
        table_header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_buttons())
        context.changed.connect(self._on_changed)
        context.refused.connect(self._on_refused)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_guest_button = QPushButton(self.tr("Gast hinzu&fügen…"))
        with_shortcut(self.add_guest_button, self.tr("Gast mit Name und Organisation hinzufügen"))
        self.add_guest_button.clicked.connect(self.add_guest)
        self.arrived_button = QPushButton(self.tr("A&nkunft jetzt"))
        with_shortcut(self.arrived_button, self.tr("Ankunftszeit der gewählten Person: jetzt"))
        self.arrived_button.clicked.connect(partial(self.stamp_now, "arrived_at"))
        self.left_button = QPushButton(self.tr("G&egangen jetzt"))
        with_shortcut(self.left_button, self.tr("Die gewählte Person ist jetzt gegangen"))
        self.left_button.clicked.connect(partial(self.stamp_now, "left_at"))
        self.remove_button = QPushButton(self.tr("Eintrag entfe&rnen"))
        with_shortcut(self.remove_button, self.tr("Gast oder Eintrag aus der Liste entfernen"))
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (
            self.add_guest_button,
            self.arrived_button,
            self.left_button,
            self.remove_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        return row

    # -- loading ------------------------------------------------------------------------------

    def set_meeting(self, meeting_id: str | None) -> None:
        self.meeting_id = meeting_id
        self.request_reload()

    def on_vanished(self) -> None:
        self.meeting_id = None
        self.reload()

    def reload(self) -> None:
        current = self.table.currentIndex().row()
        rows = (
            self.context.query(attendance.list_attendance, self.meeting_id)
            if self.meeting_id
            else []
        )
        self.model.set_rows(rows)
        self._make_status_buttons(rows)
        self._update_quorum()
        if 0 <= current < len(rows):
            self.table.selectRow(current)

    def _on_changed(self, tables: set[str]) -> None:
        if self.meeting_id is not None and tables & ATTENDANCE_TABLES:
            self.request_reload()

    def _on_refused(self, _message: str) -> None:
        # a pressed button or a typed time that was not saved shows the stored state again
        if self.meeting_id is not None:
            self.request_reload()

    def _make_status_buttons(self, rows: list[AttendanceInfo]) -> None:
        keys = [line.person_id or line.id for line in rows]
        if keys == self._button_keys and keys:
            # same people as before: only the pressed button changes (no widget churn per click)
            for group, line in zip(self._status_groups, rows, strict=True):
                group.setExclusive(False)  # an exclusive group refuses "nothing pressed"
                for status, button in zip(STATUS_ORDER, group.buttons(), strict=True):
                    button.setChecked(line.status == status)
                group.setExclusive(True)
            return
        self._button_keys = keys
        self._status_groups = []
        for row, line in enumerate(rows):
            holder = QWidget()
            box = QHBoxLayout(holder)
            box.setContentsMargins(2, 0, 2, 0)
            box.setSpacing(2)
            # the pressed status stands out by weight and frame too, not by tint alone
            styled(
                holder,
                "QToolButton:checked { font-weight: bold; background: $checked_bg;"
                " border: 2px solid $checked_border; border-radius: 3px; }",
            )
            group = QButtonGroup(holder)
            for status in STATUS_ORDER:
                button = self._status_button(row, line, status)
                group.addButton(button)
                box.addWidget(button)
            self._status_groups.append(group)
            self.table.setIndexWidget(self.model.index(row, COL_BUTTONS), holder)

    def _status_button(
        self, row: int, line: AttendanceInfo, status: AttendanceStatus
    ) -> QToolButton:
        button = QToolButton()
        # Out of the Tab chain (else 4 stops per person inside the table): keys 1–4 on the
        # selected row set the status from the keyboard.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if status == AttendanceStatus.REPRESENTED:
            button.setText(self.tr("vertreten…"))
        else:
            button.setText(enum_label(status))
        button.setCheckable(True)
        button.setChecked(line.status == status)
        button.setEnabled(not self.read_only)
        button.setAccessibleName(
            self.tr("%1: %2").replace("%1", line.name).replace("%2", enum_label(status))
        )
        button.setToolTip(
            self.tr("%1 als „%2“ erfassen (Taste %3)")
            .replace("%1", line.name)
            .replace("%2", enum_label(status))
            .replace("%3", str(STATUS_ORDER.index(status) + 1))
        )
        button.clicked.connect(partial(self.set_status, row, status))
        return button

    def _update_quorum(self) -> None:
        if self.meeting_id is None:
            self.quorum_badge.set_status("")
            self.quorum_label.clear()
            return
        info = self.context.query(attendance.quorum, self.meeting_id)
        text = (
            self.tr("%1 von %2 stimmberechtigten Mitgliedern anwesend")
            .replace("%1", str(info.voting_present))
            .replace("%2", str(info.voting_members))
        )
        if info.quorate is None:
            self.quorum_badge.hide()
        else:
            self.quorum_badge.show()
            if info.quorate:
                self.quorum_badge.set_status(self.tr("beschlussfähig"), "good")
            else:
                self.quorum_badge.set_status(self.tr("nicht beschlussfähig"), "bad")
            text += " – " + self.quorum_badge.text()
            text += self.tr(" (nötig: %1)").replace("%1", str(info.quorum))
        self.quorum_label.setText(text)
        if self._quorum.changed(self.meeting_id, info.quorate) and self.isActiveWindow():
            announce_quorum(self.quorum_label, info.quorate, text)

    read_only = False

    def set_read_only(self, read_only: bool) -> None:
        """Released minutes: the list is shown as recorded, nothing can be set."""
        self.read_only = read_only
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        for button in (
            self.add_guest_button,
            self.arrived_button,
            self.left_button,
            self.remove_button,
        ):
            button.setEnabled(not read_only)
        for group in self._status_groups:
            for status_button in group.buttons():
                status_button.setEnabled(not read_only)

    # -- actions ------------------------------------------------------------------------------

    def status_button(self, row: int, status: AttendanceStatus) -> QToolButton:
        return self._status_groups[row].buttons()[STATUS_ORDER.index(status)]  # type: ignore[return-value]  # the group holds only the QToolButtons made above

    def set_status(self, row: int, status: AttendanceStatus) -> None:
        line = self.model.row_at(row)
        if line is None or self.meeting_id is None:
            return
        represented_by: str | None = None
        if status == AttendanceStatus.REPRESENTED:
            represented_by = RepresentationDialog.ask(self, line.name, line.represented_by)
            if represented_by is None:
                self._make_status_buttons(self.model_rows())  # undo the button's own toggle
                return
        text = self.tr("%1: %2").replace("%1", line.name).replace("%2", enum_label(status))
        if line.person_id is not None:
            self.context.edit(
                text,
                _shown(line),
                attendance.set_attendance,
                self.meeting_id,
                line.person_id,
                status,
                represented_by=represented_by,
                shown_unrecorded=line.id is None,
            )
        elif line.id is not None:  # a guest: always recorded
            self.context.edit(
                text,
                _shown(line),
                attendance.update_attendance,
                line.id,
                status=status,
                represented_by=represented_by,
            )
        self.table.selectRow(row)

    def model_rows(self) -> list[AttendanceInfo]:
        rows = (self.model.row_at(r) for r in range(self.model.rowCount()))
        return [line for line in rows if line is not None]

    def add_guest(self) -> None:
        if self.meeting_id is None:
            return
        values = GuestDialog.ask(self)
        if values is None:
            return
        self.context.run(
            self.tr("Gast „%1“ hinzufügen").replace("%1", values["name"]),
            attendance.add_guest,
            self.meeting_id,
            values["name"],
            values["organisation"],
        )

    def stamp_now(self, field: str) -> None:
        self._commit_time(self.table.currentIndex().row(), field, _now())

    def _commit_time(self, row: int, field: str, value: time | None) -> None:
        line = self.model.row_at(row)
        if line is None or self.meeting_id is None:
            return
        label = self.tr("Ankunft") if field == "arrived_at" else self.tr("Gehen")
        text = self.tr("%1 von %2 erfassen").replace("%1", label).replace("%2", line.name)
        if line.id is not None:
            self.context.edit(
                text, _shown(line), attendance.update_attendance, line.id, **{field: value}
            )
        elif field == "arrived_at" and line.person_id is not None:
            self.context.run(
                text,
                attendance.set_attendance,
                self.meeting_id,
                line.person_id,
                AttendanceStatus.PRESENT,
                arrived_at=value,
                shown_unrecorded=True,
            )
        else:
            self.context.error.emit(self.tr("Bitte erfassen Sie zuerst den Status der Person."))

    def remove_selected(self) -> None:
        line = self.model.row_at(self.table.currentIndex().row())
        if line is None or line.id is None:
            return
        self.context.edit(
            self.tr("Eintrag „%1“ entfernen").replace("%1", line.name),
            _shown(line),
            attendance.remove_attendance,
            line.id,
        )


def _shown(line: AttendanceInfo) -> Seen | None:
    """The version of the line as shown: another user's change since is not overwritten."""
    if line.id is None or line.version is None:
        return None
    return {("attendances", line.id): line.version}


def _now() -> time:
    return datetime.now().time().replace(second=0, microsecond=0)
