"""Bodies (Gremien) and their meetings, members and standing agenda."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sromod.services.body_info import BodyInfo
from sromod.services.wording import german_time
from sromod.ui.context import AppContext
from sromod.ui.deferred import Deferred
from sromod.ui.empty_state import WithEmptyState
from sromod.ui.itemmodels.meetings import MeetingsModel
from sromod.ui.labels import enum_label
from sromod.ui.role_guard import editing_controls, edits_only
from sromod.ui.screens.body_parts import MembersTab, StandingAgendaTab, button
from sromod.ui.screens.next_meetings import NextMeetingsPanel

if TYPE_CHECKING:
    from sromod.services import bodies, concurrency, meetings, overview
    from sromod.ui.dialogs import body_dialog, plan_meeting
else:  # the screen is built before the store opens: the services load when first used
    bodies = Deferred("sromod.services.bodies")
    concurrency = Deferred("sromod.services.concurrency")
    meetings = Deferred("sromod.services.meetings")
    overview = Deferred("sromod.services.overview")
    body_dialog = Deferred("sromod.ui.dialogs.body_dialog")
    plan_meeting = Deferred("sromod.ui.dialogs.plan_meeting")

log = logging.getLogger(__name__)

BODY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BodiesScreen(QWidget):
    """Left the bodies, right the chosen body's meetings, members and standing agenda."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._bodies: dict[str, BodyInfo] = {}
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._build_body_list())
        self.splitter.addWidget(self._build_details())
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 880])
        self.next_meetings = NextMeetingsPanel(context)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.next_meetings)
        layout.addWidget(self.splitter, 1)
        context.changed.connect(self._on_changed)
        editing_controls(context, self.new_body_button, self.edit_body_button, self.plan_button)
        if context.ready:
            self.reload_bodies()
        else:  # the start still opens the store: its bodies come by show_early, then all
            self._show_bodies([])

    def _build_body_list(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addWidget(QLabel(self.tr("<b>Gremien</b>")))
        self.body_list = QListWidget()
        self.body_list.setAccessibleName(self.tr("Gremien"))
        self.body_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.body_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_list.currentItemChanged.connect(self._body_chosen)
        layout.addWidget(self.body_list, 1)
        row = QHBoxLayout()
        self.new_body_button = button(
            self.tr("Neues Gremium…"), self.tr("Neues Gremium anlegen"), self.new_body
        )
        row.addWidget(self.new_body_button)
        self.edit_body_button = button(
            self.tr("Bearbeiten…"), self.tr("Gewähltes Gremium bearbeiten"), self.edit_body
        )
        row.addWidget(self.edit_body_button)
        layout.addLayout(row)
        return panel

    def _build_details(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        self.body_title = QLabel()
        font = self.body_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.body_title.setFont(font)
        self.body_title.setWordWrap(True)
        layout.addWidget(self.body_title)
        self.body_facts = QLabel()
        self.body_facts.setWordWrap(True)
        layout.addWidget(self.body_facts)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Teile des Gremiums"))
        self.tabs.addTab(self._build_meetings_tab(), self.tr("S&itzungen"))
        self.members = MembersTab(self.context)
        self.tabs.addTab(self.members, self.tr("&Mitglieder"))
        self.standing = StandingAgendaTab(self.context)
        self.tabs.addTab(self.standing, self.tr("Ständige &Tagesordnung"))
        layout.addWidget(self.tabs, 1)
        return panel

    def _build_meetings_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.plan_button = button(
            self.tr("Neue Sitzung planen…"),
            self.tr("Neue Sitzung dieses Gremiums planen"),
            self.plan_meeting,
        )
        row.addWidget(self.plan_button)
        self.open_button = button(
            self.tr("Öffnen"), self.tr("Gewählte Sitzung öffnen (Eingabetaste)"), self.open_selected
        )
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.meetings_model = MeetingsModel(self)
        self.meetings_view = QTableView()
        self.meetings_view.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.meetings_view.setModel(self.meetings_model)
        self.meetings_view.setAccessibleName(self.tr("Sitzungen des Gremiums"))
        self.meetings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.meetings_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.meetings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.meetings_view.verticalHeader().setVisible(False)
        self.meetings_view.activated.connect(self._open_index)
        header = self.meetings_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.meetings_area = WithEmptyState(self.meetings_view)
        layout.addWidget(self.meetings_area, 1)
        return tab

    # -- loading ------------------------------------------------------------------------------

    def reload_bodies(self) -> None:
        self._show_bodies(self.context.query(bodies.list_bodies))

    def show_early(self, infos: list[BodyInfo]) -> None:
        """The bodies read ahead while the store opens (its meetings come when it is open)."""
        if not self.context.ready:
            self._show_bodies(infos)

    def _show_bodies(self, infos: list[BodyInfo]) -> None:
        current = self.body_id()
        self._bodies = {b.id: b for b in infos}
        self.body_list.blockSignals(True)
        self.body_list.clear()
        for info in infos:
            label = f"{info.short_name} – {info.name}"
            if not info.active:
                label += self.tr(" (ruht)")
            item = QListWidgetItem(label)
            item.setData(BODY_ID_ROLE, info.id)
            item.setToolTip(self.tr("%1 Sitzungen").replace("%1", str(info.meeting_count)))
            self.body_list.addItem(item)
        self.body_list.blockSignals(False)
        if not self.select_body(current) and infos:
            self.body_list.setCurrentRow(0)
        elif not infos:
            self._show_body(None)

    def body_id(self) -> str | None:
        item = self.body_list.currentItem()
        body_id: str | None = item.data(BODY_ID_ROLE) if item is not None else None
        return body_id

    def select_body(self, body_id: str | None) -> bool:
        for row in range(self.body_list.count()):
            item = self.body_list.item(row)
            if item.data(BODY_ID_ROLE) == body_id:
                if self.body_list.currentRow() == row:
                    self._show_body(body_id)
                else:
                    self.body_list.setCurrentRow(row)
                return True
        return False

    def _body_chosen(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        self._show_body(current.data(BODY_ID_ROLE) if current is not None else None)

    def _show_body(self, body_id: str | None) -> None:
        info = self._bodies.get(body_id) if body_id else None
        self.edit_body_button.setEnabled(info is not None)
        self.plan_button.setEnabled(info is not None)
        # with no body, the meetings tab stays usable: its empty state offers to create one
        for tab in (self.members, self.standing):
            self.tabs.setTabEnabled(self.tabs.indexOf(tab), info is not None and self.context.ready)
        if info is None:
            self.tabs.setCurrentIndex(0)
        if info is None:
            self.body_title.setText(
                self.tr("Noch kein Gremium – legen Sie links eines an.")
                if self.context.ready
                else ""  # not known yet: the store is still being opened
            )
            self.body_facts.clear()
        else:
            self.body_title.setText(f"{info.name} ({info.short_name})")
            self.body_facts.setText(self._facts(info))
        self.reload_meetings()
        if self.context.ready:  # else they stay idle: the tabs are not enabled before
            self.members.set_body(body_id)
            self.standing.set_body(body_id)

    def _facts(self, info: BodyInfo) -> str:
        parts = [enum_label(info.kind)]
        if info.default_place:
            parts.append(info.default_place)
        if info.default_start:
            parts.append(self.tr("meist %1 Uhr").replace("%1", german_time(info.default_start)))
        if info.quorum:
            parts.append(self.tr("beschlussfähig ab %1").replace("%1", str(info.quorum)))
        if info.needs_attendance_list:
            parts.append(self.tr("mit Anwesenheitsliste"))
        return " · ".join(parts)

    def reload_meetings(self) -> None:
        body_id = self.body_id()
        if not self.context.ready:
            self._show_opening(body_id)
            return
        selected = self.selected_meeting_id()
        found = self.context.query(meetings.list_meetings, body_id) if body_id else []
        self.meetings_model.set_meetings(found)
        self.open_button.setEnabled(bool(found))
        self._update_empty_state(body_id, bool(found))
        row = self.meetings_model.row_of(selected)
        if row is None and found:
            # the running or next meeting, not the furthest planned one at the top of the list
            row = self.meetings_model.row_of(overview.next_meeting_id(found)) or 0
        if row is not None:
            self.meetings_view.selectRow(row)

    def show_refusal(self, refusal: str) -> None:
        """The store did not open: nothing of it shown, the sentence in place of its meetings."""
        self._show_bodies([])
        self.meetings_area.empty.set_text(self.tr("Nicht geöffnet"), refusal)
        self.meetings_area.show_empty(True)

    def _show_opening(self, body_id: str | None) -> None:
        """While the store opens: its meetings are on their way (or there is no body yet)."""
        self.open_button.setEnabled(False)
        if body_id is None:
            self.meetings_area.empty.set_text(self.tr("Die Datenbank wird geöffnet …"))
        else:
            self.meetings_area.empty.set_text(self.tr("Die Sitzungen werden geladen …"))
        self.meetings_area.show_empty(True)

    def _update_empty_state(self, body_id: str | None, has_meetings: bool) -> None:
        empty = self.meetings_area.empty
        edits = self.context.permissions.edits_everything  # else no step to offer
        if body_id is None:
            empty.set_text(
                self.tr("Noch kein Gremium"),
                self.tr("Legen Sie zuerst ein Gremium an, zum Beispiel die AG SRO.")
                if edits
                else "",
                self.tr("Neues Gremium anlegen…") if edits else "",
                self.new_body,
            )
        else:
            empty.set_text(
                self.tr("Noch keine Sitzung"),
                self.tr("Planen Sie die erste Sitzung; die ständige Tagesordnung wird übernommen.")
                if edits
                else "",
                self.tr("Neue Sitzung planen…") if edits else "",
                self.plan_meeting,
            )
        self.meetings_area.show_empty(not has_meetings)

    def _on_changed(self, tables: set[str]) -> None:
        if tables & {"bodies", "meetings", "*"}:
            self.reload_bodies()

    # -- meetings -----------------------------------------------------------------------------

    def selected_meeting_id(self) -> str | None:
        return self.meetings_model.row_id(self.meetings_view.currentIndex().row())

    def select_meeting(self, meeting_id: str) -> None:
        row = self.meetings_model.row_of(meeting_id)
        if row is not None:
            self.meetings_view.selectRow(row)

    def _open_index(self, index: QModelIndex) -> None:
        meeting_id = self.meetings_model.row_id(index.row())
        if meeting_id:
            self.context.navigate.emit("meeting", meeting_id)

    def open_selected(self) -> None:
        self._open_index(self.meetings_view.currentIndex())

    @edits_only
    def plan_meeting(self) -> str | None:
        body_id = self.body_id()
        if body_id is None:
            return None
        values = plan_meeting.PlanMeetingDialog.ask(self, self.context, body_id)
        if values is None:
            return None
        meeting_id = self.context.run(
            self.tr("Sitzung planen"),
            meetings.plan_meeting,
            body_id,
            values["day"],
            planned_start=values["planned_start"],
            place=values["place"],
            carried_tops=values.get("carried_tops", ()),
        )
        if meeting_id:
            self.context.navigate.emit("meeting", meeting_id)
        return meeting_id

    # -- bodies -------------------------------------------------------------------------------

    @edits_only
    def new_body(self) -> None:
        values = body_dialog.BodyDialog.ask(self, self.context, None)
        if values is None:
            return
        name, short, kind = values.pop("name"), values.pop("short_name"), values.pop("kind")
        body_id = self.context.run(
            self.tr("Gremium „%1“ anlegen").replace("%1", short),
            bodies.create_body,
            name,
            short,
            kind,
            **values,
        )
        if body_id:
            self.select_body(body_id)

    @edits_only
    def edit_body(self) -> None:
        body_id = self.body_id()
        info = self._bodies.get(body_id) if body_id else None
        if info is None:
            return
        values = body_dialog.BodyDialog.ask(self, self.context, info)
        if values is None:
            return
        changed = {k: v for k, v in values.items() if getattr(info, k) != v}
        if changed:  # as shown: a body changed by someone else meanwhile stays as they left it
            self.context.edit(
                self.tr("Gremium „%1“ ändern").replace("%1", info.short_name),
                concurrency.seen("bodies", info),
                bodies.update_body,
                info.id,
                **changed,
            )
