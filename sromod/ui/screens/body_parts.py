"""The tabs of a body: its members and its standing agenda template."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sromod.services.wording import german_date
from sromod.ui.context import AppContext
from sromod.ui.deferred import Deferred
from sromod.ui.itemmodels.base import RowsModel
from sromod.ui.labels import enum_label
from sromod.ui.role_guard import editing_controls, edits_only
from sromod.ui.widgets import LazyReload, make_table, with_shortcut

if TYPE_CHECKING:
    from sromod.services import bodies, concurrency
    from sromod.services.bodies import MemberInfo, StandingItemInfo
    from sromod.ui.dialogs import agenda_item_dialog, member_dialog
else:  # built with the window before the store opens: the services load when first used
    bodies = Deferred("sromod.services.bodies")
    concurrency = Deferred("sromod.services.concurrency")
    agenda_item_dialog = Deferred("sromod.ui.dialogs.agenda_item_dialog")
    member_dialog = Deferred("sromod.ui.dialogs.member_dialog")


def button(text: str, tooltip: str, slot: Any, shortcut: str | None = None) -> QPushButton:
    made = QPushButton(text)
    with_shortcut(made, tooltip, shortcut)
    made.clicked.connect(slot)
    return made


class BodyTab(LazyReload, QWidget):
    """A table with buttons below; body_id set by the bodies screen."""

    tables: set[str] = set()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.body_id: str | None = None
        context.changed.connect(self._on_changed)

    def set_body(self, body_id: str | None) -> None:
        self.body_id = body_id
        self.request_reload()

    def _on_changed(self, tables: set[str]) -> None:
        if self.body_id is not None and tables & self.tables:
            self.request_reload()

    def reload(self) -> None:
        raise NotImplementedError


class MembersTab(BodyTab):
    tables = {"memberships", "persons", "offices", "bodies"}

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._members: list[MemberInfo] = []
        self.model = RowsModel(
            [
                self.tr("Name"),
                self.tr("Amt / Organisation"),
                self.tr("Funktion"),
                self.tr("Rolle"),
                self.tr("Stimmrecht"),
                self.tr("seit"),
                self.tr("bis"),
            ],
            self,
        )
        self.view = make_table(
            self.model, self.tr("Mitglieder des Gremiums"), 2, [128, 132, 105, 105, 80, 65, 65]
        )
        self.view.doubleClicked.connect(self.edit_member)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        edits: list[QPushButton] = []
        edits.append(
            button(
                self.tr("Mitglied hinzufügen…"),
                self.tr("Person als Mitglied aufnehmen"),
                self.add_member,
            )
        )
        edits.append(
            button(
                self.tr("Bearbeiten…"),
                self.tr("Rolle, Stimmrecht und Zeitraum ändern"),
                self.edit_member,
            )
        )
        edits.append(
            button(
                self.tr("Mitgliedschaft beenden"),
                self.tr(
                    "Mitgliedschaft zum heutigen Tag beenden (bleibt für alte Sitzungen erhalten)"
                ),
                self.end_member,
            )
        )
        edits.append(
            button(
                self.tr("Entfernen"),
                self.tr("Versehentlich angelegte Mitgliedschaft löschen"),
                self.remove_member,
            )
        )
        for made in edits:
            row.addWidget(made)
        editing_controls(context, *edits)
        row.addStretch(1)
        layout.addLayout(row)

    def reload(self) -> None:
        self._members = (
            self.context.query(bodies.list_members, self.body_id) if self.body_id else []
        )
        yes, no = self.tr("ja"), self.tr("nein")
        self.model.set_rows(
            [
                (
                    m.id,
                    m.name,
                    m.office_code or m.organisation or "",
                    m.function or "",
                    enum_label(m.role),
                    yes if m.voting else no,
                    german_date(m.valid_from),
                    german_date(m.valid_to),
                )
                for m in self._members
            ]
        )

    def selected(self) -> MemberInfo | None:
        row = self.view.currentIndex().row()
        return self._members[row] if 0 <= row < len(self._members) else None

    @edits_only
    def add_member(self) -> None:
        if self.body_id is None:
            return
        values = member_dialog.MemberDialog.ask(self, self.context, None)
        if values is None:
            return
        person_id = values.pop("person_id")
        self.context.undo_stack.beginMacro(self.tr("Mitglied hinzufügen"))
        try:
            member_id = self.context.run(
                "",
                bodies.add_member,
                self.body_id,
                person_id,
                values["role"],
                voting=values["voting"],
                valid_from=values["valid_from"],
            )
            if member_id and values["valid_to"]:
                self.context.run("", bodies.update_member, member_id, valid_to=values["valid_to"])
        finally:
            self.context.undo_stack.endMacro()

    @edits_only
    def edit_member(self, *_: Any) -> None:
        member = self.selected()
        if member is None:
            return
        values = member_dialog.MemberDialog.ask(self, self.context, member)
        if values is None:
            return
        changed = {k: v for k, v in values.items() if getattr(member, k) != v}
        if changed:  # as the dialog showed it: a change by someone else meanwhile stays
            self.context.edit(
                self.tr("Mitgliedschaft von %1 ändern").replace("%1", member.name),
                concurrency.seen("memberships", member),
                bodies.update_member,
                member.id,
                **changed,
            )

    @edits_only
    def end_member(self) -> None:
        member = self.selected()
        if member is not None:
            self.context.run(
                self.tr("Mitgliedschaft von %1 beenden").replace("%1", member.name),
                bodies.end_membership,
                member.id,
            )

    @edits_only
    def remove_member(self) -> None:
        member = self.selected()
        if member is not None:
            self.context.run(
                self.tr("%1 aus dem Gremium entfernen").replace("%1", member.name),
                bodies.remove_member,
                member.id,
            )


class StandingAgendaTab(BodyTab):
    tables = {"standing_agenda_items", "bodies"}

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._items: list[StandingItemInfo] = []
        self.model = RowsModel(
            [self.tr("Nr."), self.tr("Titel"), self.tr("Art"), self.tr("Min.")], self
        )
        self.view = make_table(self.model, self.tr("Ständige Tagesordnung"), 1)
        self.view.doubleClicked.connect(self.edit_item)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Diese TOPs erhält jede neu geplante Sitzung. Ein TOP der Art „Wiedervorlage“ "
                "bekommt die offenen Aufgaben des Gremiums."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        self.total = QLabel()
        layout.addWidget(self.total)
        row = QHBoxLayout()
        edits: list[QPushButton] = []
        edits.append(
            button(self.tr("TOP hinzufügen…"), self.tr("TOP zur Vorlage hinzufügen"), self.add_item)
        )
        edits.append(
            button(
                self.tr("Bearbeiten…"), self.tr("Gewählten Vorlage-TOP bearbeiten"), self.edit_item
            )
        )
        edits.append(
            button(self.tr("Löschen"), self.tr("Gewählten Vorlage-TOP löschen"), self.delete_item)
        )
        edits.append(button(self.tr("▲ Nach oben"), self.tr("Vorlage-TOP nach oben"), self.move_up))
        edits.append(
            button(self.tr("▼ Nach unten"), self.tr("Vorlage-TOP nach unten"), self.move_down)
        )
        for made in edits:
            row.addWidget(made)
        editing_controls(context, *edits)
        row.addStretch(1)
        layout.addLayout(row)

    def reload(self) -> None:
        self._items = (
            self.context.query(bodies.list_standing_items, self.body_id) if self.body_id else []
        )
        self.model.set_rows(
            [
                (i.id, str(i.position), i.title, enum_label(i.kind), str(i.planned_minutes))
                for i in self._items
            ]
        )
        total = sum(i.planned_minutes for i in self._items)
        self.total.setText(self.tr("Zusammen %1 Minuten").replace("%1", str(total)))

    def selected(self) -> StandingItemInfo | None:
        row = self.view.currentIndex().row()
        return self._items[row] if 0 <= row < len(self._items) else None

    def _select(self, item_id: str | None) -> None:
        row = self.model.row_of(item_id)
        if row is not None:
            self.view.selectRow(row)

    @edits_only
    def add_item(self) -> None:
        if self.body_id is None:
            return
        values = agenda_item_dialog.AgendaItemDialog.ask(self, self.context, {}, template=True)
        if values is None:
            return
        current = self.selected()
        self.context.undo_stack.beginMacro(
            self.tr("Vorlage-TOP „%1“ hinzufügen").replace("%1", values["title"])
        )
        try:
            new_id = self.context.run(
                "",
                bodies.add_standing_item,
                self.body_id,
                values["title"],
                values["kind"],
                values["planned_minutes"],
                position=current.position + 1 if current else None,
            )
            if new_id and values.get("description"):
                self.context.run(
                    "", bodies.update_standing_item, new_id, description=values["description"]
                )
        finally:
            self.context.undo_stack.endMacro()
        self._select(new_id)

    @edits_only
    def edit_item(self, *_: Any) -> None:
        item = self.selected()
        if item is None:
            return
        initial = {
            "title": item.title,
            "kind": item.kind,
            "planned_minutes": item.planned_minutes,
            "description": item.description,
        }
        values = agenda_item_dialog.AgendaItemDialog.ask(self, self.context, initial, template=True)
        if values is None:
            return
        changed = {k: v for k, v in values.items() if initial.get(k) != v}
        if changed:  # as the dialog showed it: a change by someone else meanwhile stays
            self.context.edit(
                self.tr("Vorlage-TOP „%1“ ändern").replace("%1", item.title),
                concurrency.seen("standing_agenda_items", item),
                bodies.update_standing_item,
                item.id,
                **changed,
            )
        self._select(item.id)

    @edits_only
    def delete_item(self) -> None:
        item = self.selected()
        if item is not None:
            self.context.run(
                self.tr("Vorlage-TOP „%1“ löschen").replace("%1", item.title),
                bodies.delete_standing_item,
                item.id,
            )

    @edits_only
    def _move(self, delta: int) -> None:
        item = self.selected()
        if item is None or not 1 <= item.position + delta <= len(self._items):
            return
        self.context.run(
            self.tr("Vorlage-TOP „%1“ verschieben").replace("%1", item.title),
            bodies.move_standing_item,
            item.id,
            item.position + delta,
        )
        self._select(item.id)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)
