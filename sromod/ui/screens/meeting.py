"""One meeting: overview (header fields and state), agenda, attendance, decisions and tasks."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sromod.models import MeetingState
from sromod.services import meetings
from sromod.services.concurrency import seen
from sromod.services.errors import NotFound
from sromod.services.letters import default_reply_by
from sromod.services.meetings import ALLOWED_TRANSITIONS, MeetingInfo
from sromod.services.wording import german_date
from sromod.ui.context import AppContext
from sromod.ui.dialogs.end_meeting import end_meeting
from sromod.ui.dialogs.form import person_choices
from sromod.ui.itemmodels.meetings import STATE_TONES
from sromod.ui.labels import enum_label, meeting_title
from sromod.ui.role_guard import NoteFrame, edits_only
from sromod.ui.screens.agenda_editor import AgendaEditor
from sromod.ui.screens.attachments_panel import AttachmentsPanel
from sromod.ui.screens.attendance import AttendanceScreen
from sromod.ui.screens.meeting_records import MeetingRecords
from sromod.ui.sync_reservation import ReservedBanner, refresh_reservation, release_reservation
from sromod.ui.widgets import (
    DateEdit,
    LazyReload,
    PersonCombo,
    StatusBadge,
    TimeEdit,
    show_read_only,
    with_shortcut,
)

log = logging.getLogger(__name__)

TAB_OVERVIEW, TAB_AGENDA, TAB_ATTENDANCE, TAB_RECORDS, TAB_ATTACHMENTS = range(5)


class MeetingScreen(QWidget):
    """Shows one meeting; the main window calls show_meeting(id)."""

    back_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        back = QPushButton(self.tr("← Gremien && Sitzungen"))
        with_shortcut(back, self.tr("Zurück zur Übersicht der Gremien"), "Alt+Left")
        back.clicked.connect(self.back_requested)
        top.addWidget(back)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        self.state_badge = StatusBadge()
        top.addWidget(self.state_badge)
        layout.addLayout(top)
        self.banner = ReleasedBanner()
        self.banner.withdraw_button.clicked.connect(self.withdraw_release)
        layout.addWidget(self.banner)
        self.reserved = ReservedBanner()  # a meeting taken along on a laptop
        self.reserved.release_requested.connect(self.release_reservation)
        layout.addWidget(self.reserved)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Teile der Sitzung"))
        self.overview = MeetingOverview(context)
        self.agenda = AgendaEditor(context)
        self.attendance = AttendanceScreen(context)
        self.records = MeetingRecords(context)
        self.attachments = AttachmentsPanel(context)
        self.tabs.addTab(self.overview, self.tr("Übers&icht"))
        self.tabs.addTab(self.agenda, self.tr("&Tagesordnung"))
        self.tabs.addTab(self.attendance, self.tr("An&wesenheit"))
        self.tabs.addTab(self.records, self.tr("Beschlüsse && Auf&gaben"))
        self.tabs.addTab(self.attachments, self.tr("An&lagen"))
        layout.addWidget(self.tabs, 1)
        context.changed.connect(self._on_changed)
        context.refused.connect(self._on_refused)
        context.store_replaced.connect(self.forget_meeting)

    def forget_meeting(self) -> None:
        """Another file is open: the meeting shown here is not in it."""
        self.meeting_id = None
        for panel in (self.overview, self.agenda, self.attendance, self.records, self.attachments):
            panel.set_meeting(None)

    def show_meeting(self, meeting_id: str, tab: int | None = None) -> None:
        self.meeting_id = meeting_id
        self._refresh_header()
        self.overview.set_meeting(meeting_id)
        self.agenda.set_meeting(meeting_id)
        self.attendance.set_meeting(meeting_id)
        self.records.set_meeting(meeting_id)
        self.attachments.set_meeting(meeting_id)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)

    def show_agenda_item(self, item_id: str) -> None:
        self.tabs.setCurrentIndex(TAB_AGENDA)
        self.agenda.select(item_id)

    def info(self) -> MeetingInfo | None:
        if self.meeting_id is None:
            return None
        try:
            return self.context.query(meetings.get_meeting, self.meeting_id)
        except NotFound:
            return None

    def _refresh_header(self) -> None:
        info = self.info()
        if info is None:
            self.title.setText(self.tr("Die Sitzung gibt es nicht mehr."))
            self.state_badge.set_status("")
            return
        self.title.setText(
            f"{meeting_title(info.number, info.body_short_name)} – {german_date(info.date)}"
        )
        self.state_badge.set_status(enum_label(info.state), STATE_TONES[info.state])
        out = refresh_reservation(self.reserved, self.context, info.id)
        self._show_read_only(info.state == MeetingState.RELEASED, out)

    def _show_read_only(self, released: bool, out: bool = False) -> None:
        """Released minutes are final: say so above the tabs and let nothing look editable.

        A login that may not edit meetings sees every meeting so (the window's note says why),
        and everyone a meeting out on another laptop until its sync (the banner says why).
        """
        may_edit = self.context.permissions.edits_everything
        self.banner.setVisible(released and may_edit)
        read_only = released or not may_edit or out
        self.overview.set_read_only(read_only)
        self.agenda.set_read_only(read_only)
        self.attendance.set_read_only(read_only)
        self.attachments.set_read_only(not may_edit or out)
        self.overview.set_out(out)

    def release_reservation(self) -> None:
        if self.meeting_id is not None and release_reservation(self, self.context, self.meeting_id):
            self._refresh_header()

    @edits_only
    def withdraw_release(self) -> None:
        if self.meeting_id is not None:
            self.context.run(
                self.tr("Freigabe zurücknehmen"),
                meetings.set_meeting_state,
                self.meeting_id,
                MeetingState.HELD,
            )

    def _on_refused(self, _message: str) -> None:
        if self.meeting_id is not None:  # e.g. released meanwhile in another window
            self._refresh_header()

    def _on_changed(self, tables: set[str]) -> None:
        if self.meeting_id is not None and tables & {"meetings", "bodies", "meeting_reservations"}:
            self._refresh_header()
            if self.info() is None and self.isVisible():
                # e.g. the planning was undone: nothing left to show here
                self.back_requested.emit()


class ReleasedBanner(NoteFrame):
    """The reason a released meeting cannot be edited, and the way back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("releasedBanner", parent)
        self.text.setText(
            self.tr(
                "Das Protokoll ist freigegeben: Angaben, Tagesordnung und Anwesenheit sind "
                "schreibgeschützt. Um etwas zu berichtigen, nehmen Sie die Freigabe zurück."
            )
        )
        self.withdraw_button = QPushButton(self.tr("Freigabe zurücknehmen"))
        with_shortcut(
            self.withdraw_button,
            self.tr("Freigabe zurücknehmen, um die Sitzung zu berichtigen (rückgängig machbar)"),
        )
        self.row.addWidget(self.withdraw_button)
        self.setAccessibleName(self.text.text())
        self.hide()


class MeetingOverview(LazyReload, QWidget):
    """The header fields, each committed on its own as one undoable step."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        self._info: MeetingInfo | None = None
        self._people_loaded = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_form())
        self._connect_fields()
        layout.addWidget(QLabel(self.tr("Status der Sitzung:")))
        layout.addLayout(self._build_state_row())
        layout.addStretch(1)
        context.changed.connect(self._on_changed)
        context.refused.connect(self._on_refused)

    def _build_form(self) -> QWidget:
        form = QFormLayout()
        self.day = DateEdit()
        self.start = TimeEdit()
        self.end = TimeEdit()
        self.place = QLineEdit()
        self.place.setMaxLength(200)  # the store's limit; longer text would be refused on leaving
        self.moderator = PersonCombo()
        self.minute_taker = PersonCombo()
        self.reply_by = DateEdit(optional=True)
        self.next_date = DateEdit(optional=True)
        self.next_note = QLineEdit()
        self.next_note.setPlaceholderText(
            self.tr("z. B. Ort oder Schwerpunkt der nächsten Sitzung")
        )
        for label, field in (
            (self.tr("Dat&um:"), self.day),
            (self.tr("Begi&nn:"), self.start),
            (self.tr("&Ende (geplant):"), self.end),
            (self.tr("&Ort:"), self.place),
            (self.tr("&Rückmeldung bis:"), self.reply_by),
            (self.tr("&Moderation:"), self.moderator),
            (self.tr("&Protokoll:"), self.minute_taker),
            (self.tr("Nä&chster Termin:"), self.next_date),
            (self.tr("Hinweis zum nächsten Termin:"), self.next_note),
        ):
            form.addRow(label, field)
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
        holder = QWidget()
        holder.setLayout(form)
        holder.setMaximumWidth(760)
        # read-only fields (released minutes) must not look editable
        holder.setStyleSheet(
            'QLineEdit[readOnly="true"], QAbstractSpinBox[readOnly="true"]'
            " { background: palette(window); }"
        )
        return holder

    def _connect_fields(self) -> None:
        for name, edit in (
            ("date", self.day),
            ("planned_start", self.start),
            ("planned_end", self.end),
            ("place", self.place),
            ("reply_by", self.reply_by),
            ("next_date", self.next_date),
            ("next_note", self.next_note),
        ):
            edit.editingFinished.connect(partial(self._commit, name))
        for name, date_edit in (
            ("date", self.day),
            ("reply_by", self.reply_by),
            ("next_date", self.next_date),
        ):
            calendar = date_edit.calendarWidget()
            if calendar is not None:  # a date picked in the popup counts at once
                calendar.clicked.connect(partial(self._commit, name))
        for name, combo in (
            ("moderator_id", self.moderator),
            ("minute_taker_id", self.minute_taker),
        ):
            combo.activated.connect(partial(self._commit, name))
            line = combo.lineEdit()
            if line is not None:  # a typed name confirmed with Enter or by leaving the field
                line.editingFinished.connect(partial(self._commit, name))

    def _build_state_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.state_label = StatusBadge()
        row.addWidget(self.state_label)
        self.state_buttons: dict[MeetingState, QPushButton] = {}
        for state in MeetingState:
            button = QPushButton()
            button.clicked.connect(partial(self.change_state, state))
            self.state_buttons[state] = button
            row.addWidget(button)
        row.addStretch(1)
        self.delete_button = QPushButton(self.tr("Sitzung löschen"))
        with_shortcut(
            self.delete_button,
            self.tr("Geplante oder abgesagte Sitzung löschen (rückgängig machbar)"),
        )
        self.delete_button.clicked.connect(self.delete_meeting)
        row.addWidget(self.delete_button)
        return row

    def set_meeting(self, meeting_id: str | None) -> None:
        self.meeting_id = meeting_id
        self.request_reload()

    def _on_changed(self, tables: set[str]) -> None:
        if self.meeting_id is not None and tables & {"meetings", "persons"}:
            if "persons" in tables:
                self._people_loaded = False
            self.request_reload()

    def _on_refused(self, _message: str) -> None:
        # the field shows what is stored, not the refused value
        if self.meeting_id is not None:
            self.request_reload()

    def set_out(self, out: bool) -> None:
        """A meeting out on a laptop changes its state there; here the server would refuse."""
        for button in (*self.state_buttons.values(), self.delete_button):
            button.setEnabled(not out)

    def set_read_only(self, read_only: bool) -> None:
        fields = (self.day, self.start, self.end, self.reply_by, self.next_date)
        for edit in (*fields, self.place, self.next_note):
            show_read_only(edit, read_only)
        for combo in (self.moderator, self.minute_taker):
            combo.setEnabled(not read_only)

    def reload(self) -> None:
        try:
            info = (
                self.context.query(meetings.get_meeting, self.meeting_id)
                if self.meeting_id
                else None
            )
        except NotFound:
            info = None
        self._info = info
        self.setEnabled(info is not None)
        if info is None:
            return
        if not self._people_loaded:
            people = person_choices(
                self.context.store, include={info.moderator_id, info.minute_taker_id}
            )
            self.moderator.set_choices(people)
            self.minute_taker.set_choices(people)
            self._people_loaded = True
        fields = (self.day, self.start, self.end, self.place, self.reply_by, self.next_date)
        for widget in (*fields, self.next_note):
            widget.blockSignals(True)
        self.day.set_value(info.date)
        self.start.set_value(info.planned_start)
        self.end.set_value(info.planned_end)
        self.place.setText(info.place or "")
        self.moderator.set_current(info.moderator_id)
        self.minute_taker.set_current(info.minute_taker_id)
        self.next_date.set_value(info.next_date)
        self.next_note.setText(info.next_note or "")
        self._show_reply_by(info)
        for widget in (*fields, self.next_note):
            widget.blockSignals(False)
        self._update_states(info.state)

    def _show_reply_by(self, info: MeetingInfo) -> None:
        """The date set, or empty with the default the invitation will print as a hint."""
        self.reply_by.set_value(info.reply_by)
        default = german_date(default_reply_by(info.date))
        hint = self.tr("Leer: %1 (fünf Arbeitstage vor der Sitzung)").replace("%1", default)
        self.reply_by.setToolTip(hint)
        self.reply_by.setAccessibleDescription(hint)

    def transition_text(self, current: MeetingState, target: MeetingState) -> str:
        """What a button offers for a move to target (worded by where the meeting stands)."""
        if target == MeetingState.PLANNED:
            return self.tr("Zurück auf „geplant“")
        if target == MeetingState.INVITED:
            return self.tr("Als eingeladen markieren")
        if target == MeetingState.RUNNING:
            if current in (MeetingState.PLANNED, MeetingState.INVITED):
                return self.tr("Sitzung beginnen")
            return self.tr("Sitzung wieder öffnen")
        if target == MeetingState.HELD:
            if current == MeetingState.RUNNING:
                return self.tr("Sitzung beenden")
            return self.tr("Freigabe zurücknehmen")
        if target == MeetingState.RELEASED:
            return self.tr("Protokoll freigeben")
        return self.tr("Sitzung absagen")

    def _update_states(self, state: MeetingState) -> None:
        self.state_label.set_status(enum_label(state), STATE_TONES[state])
        may_edit = self.context.permissions.edits_everything
        self.delete_button.setVisible(
            may_edit and state in (MeetingState.PLANNED, MeetingState.CANCELLED)
        )
        allowed = ALLOWED_TRANSITIONS[state] if may_edit else set()
        for target, button in self.state_buttons.items():
            button.setVisible(target in allowed)
            if target in allowed:
                text = self.transition_text(state, target)
                button.setText(text)
                button.setAccessibleName(text)

    def _value(self, field: str) -> Any:
        if field == "date":
            return self.day.value()
        if field == "planned_start":
            return self.start.value()
        if field == "planned_end":
            return self.end.value()
        if field == "place":
            return self.place.text().strip() or None
        if field == "moderator_id":
            return self.moderator.current_id()
        if field == "minute_taker_id":
            return self.minute_taker.current_id()
        if field == "next_date":
            return self.next_date.value()
        if field == "reply_by":
            return self.reply_by.value()
        return self.next_note.text().strip() or None

    @edits_only
    def _commit(self, field: str, *_: Any) -> None:
        info = self._info
        if info is None:
            return
        value = self._value(field)
        if value == getattr(info, field):
            return
        labels = {
            "date": self.tr("Datum ändern"),
            "planned_start": self.tr("Beginn ändern"),
            "planned_end": self.tr("Ende ändern"),
            "place": self.tr("Ort ändern"),
            "moderator_id": self.tr("Moderation ändern"),
            "minute_taker_id": self.tr("Protokoll ändern"),
            "next_date": self.tr("Nächsten Termin ändern"),
            "reply_by": self.tr("Rückmeldefrist ändern"),
            "next_note": self.tr("Hinweis zum nächsten Termin ändern"),
        }
        # as shown: if someone else changed the meeting since, nothing is written and it reloads
        self.context.edit(
            labels[field],
            seen("meetings", info),
            meetings.update_meeting,
            info.id,
            **{field: value},
        )

    @edits_only
    def delete_meeting(self) -> None:
        if self._info is not None:
            self.context.run(
                self.tr("%1 löschen").replace(
                    "%1", meeting_title(self._info.number, self._info.body_short_name)
                ),
                meetings.delete_meeting,
                self._info.id,
            )

    @edits_only
    def change_state(self, state: MeetingState) -> None:
        if self._info is None:
            return
        if self._info.state == MeetingState.RUNNING and state == MeetingState.HELD:
            end_meeting(self, self.context, self._info.id)  # asks about TOPs not reached
            return
        text = self.transition_text(self._info.state, state)
        self.context.run(text, meetings.set_meeting_state, self._info.id, state)
