"""The agenda editor: TOPs in a tree, reordered by drag and drop or keys, times summed up."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial, wraps
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sromod.services import agenda, directory, meetings
from sromod.services.agenda import AgendaItemInfo
from sromod.services.concurrency import seen
from sromod.services.wording import german_time, top_numbers
from sromod.ui.context import AppContext
from sromod.ui.dialogs.agenda_item_dialog import AgendaItemDialog
from sromod.ui.dialogs.shortcut_help import note_view_key
from sromod.ui.fitting import WrapLabel
from sromod.ui.itemmodels.agenda import COL_MINUTES, COL_NUMBER, COL_START, COL_TITLE, AgendaModel
from sromod.ui.screens.agenda_details import AgendaDetails
from sromod.ui.theme import styled
from sromod.ui.widgets import LazyReload, with_shortcut

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])

# dark red on pale red, and the text itself says "Achtung": colour is not the only signal
WARNING_STYLE = "QLabel { color: $warning_fg; background: $warning_bg; padding: 4px; }"

AGENDA_TABLES = {"agenda_items", "agenda_item_regions", "meetings", "task_reviews", "tasks"}

# key (with Ctrl) → the editor's method; handled in the tree so they never clash with text fields
_CTRL_KEYS = {
    Qt.Key.Key_Up: "move_up",
    Qt.Key.Key_Down: "move_down",
    Qt.Key.Key_Right: "indent",
    Qt.Key.Key_Left: "outdent",
}


def read_only_refused(method: F) -> F:
    """An editing slot of the agenda that does nothing while it is read-only (released minutes,
    a login that may not edit meetings), however it was reached."""

    @wraps(method)
    def guarded(self: AgendaEditor, *args: Any, **kwargs: Any) -> Any:
        return None if self.read_only else method(self, *args, **kwargs)

    return guarded  # type: ignore[return-value]  # same signature, wrapped


class AgendaTree(QTreeView):
    """A tree that turns Ctrl+arrows and Del into requests; everything else as usual."""

    key_action = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.ControlModifier and event.key() in _CTRL_KEYS:
            self.key_action.emit(_CTRL_KEYS[Qt.Key(event.key())])
            return
        if modifiers == Qt.KeyboardModifier.NoModifier and event.key() == Qt.Key.Key_Delete:
            self.key_action.emit("delete_item")
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != (
            QAbstractItemView.State.EditingState
        ):
            self.key_action.emit("edit_item")
            return
        super().keyPressEvent(event)


class AgendaEditor(LazyReload, QWidget):
    """Edits one meeting's agenda; every change is one undoable service call."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: str | None = None
        self._region_names: dict[str, str] | None = None
        self.model = AgendaModel(self)
        self.model.edited.connect(self._commit_inline_edit)
        self.model.move_requested.connect(self._schedule_move)
        self.tree = AgendaTree()
        self._setup_tree()
        self.tree.key_action.connect(self._run_key_action)
        self.tree.selectionModel().currentChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_buttons())
        self.details = AgendaDetails(context)
        details_area = QScrollArea()
        details_area.setAccessibleName(self.tr("Einzelheiten des TOPs"))
        details_area.setWidget(self.details)
        details_area.setWidgetResizable(True)
        details_area.setFrameShape(QFrame.Shape.NoFrame)
        # the tree keeps most of the room; the details can be dragged larger
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(details_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 190])
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self._build_quick_add())
        self.summary = WrapLabel()
        self.summary.setAccessibleName(self.tr("Zeitplan der Tagesordnung"))
        layout.addWidget(self.summary)
        context.changed.connect(self._on_changed)

    def _setup_tree(self) -> None:
        tree = self.tree
        tree.setModel(self.model)
        tree.setAccessibleName(self.tr("Tagesordnung"))
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setDropIndicatorShown(True)
        tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (COL_NUMBER, COL_MINUTES, COL_START):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _button(
        self, text: str, tooltip: str, slot: Any, shortcut: str | None = None
    ) -> QPushButton:
        button = QPushButton(text)
        with_shortcut(button, tooltip)
        if shortcut:
            # shown only: the tree handles these keys itself, so text fields keep theirs
            native = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{tooltip} ({native})")
            note_view_key(button, shortcut, self.tr("Tagesordnung (in der Liste)"))
        button.clicked.connect(slot)
        return button

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons = {
            "add": self._button(
                self.tr("&Neuer TOP…"), self.tr("Neuen TOP anlegen"), self.add_item
            ),
            "sub": self._button(
                self.tr("Unter&punkt…"),
                self.tr("Unterpunkt zum gewählten TOP anlegen"),
                self.add_sub_item,
            ),
            "edit": self._button(
                self.tr("Bea&rbeiten…"),
                self.tr("Gewählten TOP bearbeiten"),
                self.edit_item,
                "Return",
            ),
            "delete": self._button(
                self.tr("Lösch&en"), self.tr("Gewählten TOP löschen"), self.delete_item, "Del"
            ),
            "up": self._button(
                self.tr("▲ Nach &oben"), self.tr("TOP nach oben"), self.move_up, "Ctrl+Up"
            ),
            "down": self._button(
                self.tr("▼ Nach &unten"), self.tr("TOP nach unten"), self.move_down, "Ctrl+Down"
            ),
            "indent": self._button(
                self.tr("→ Einrüc&ken"),
                self.tr("Zum Unterpunkt des TOP darüber machen"),
                self.indent,
                "Ctrl+Right",
            ),
            "outdent": self._button(
                self.tr("← Ausrü&cken"),
                self.tr("Unterpunkt zu eigenem TOP machen"),
                self.outdent,
                "Ctrl+Left",
            ),
        }
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build_quick_add(self) -> QHBoxLayout:
        row = QHBoxLayout()
        caption = QLabel(self.tr("Schnell hin&zufügen:"))
        row.addWidget(caption)
        self.quick_title = QLineEdit()
        caption.setBuddy(self.quick_title)
        self.quick_title.setPlaceholderText(self.tr("Titel des neuen TOP, dann Eingabetaste"))
        self.quick_title.setAccessibleName(self.tr("Titel des neuen TOP"))
        self.quick_title.returnPressed.connect(self.quick_add)
        row.addWidget(self.quick_title, 1)
        self.quick_minutes = QSpinBox()
        self.quick_minutes.setRange(0, 480)
        self.quick_minutes.setValue(10)
        self.quick_minutes.setSuffix(self.tr(" Min."))
        self.quick_minutes.setAccessibleName(self.tr("Geplante Minuten des neuen TOP"))
        row.addWidget(self.quick_minutes)
        self.quick_button = QPushButton(self.tr("Hinzufügen"))
        with_shortcut(self.quick_button, self.tr("TOP mit diesem Titel hinten anfügen"))
        self.quick_button.clicked.connect(self.quick_add)
        row.addWidget(self.quick_button)
        return row

    # -- loading ------------------------------------------------------------------------------

    def set_meeting(self, meeting_id: str | None) -> None:
        self.meeting_id = meeting_id
        self.request_reload()

    def on_vanished(self) -> None:
        self.meeting_id = None
        self.reload()

    def region_names(self) -> dict[str, str]:
        if self._region_names is None:
            self._region_names = {r.id: r.name for r in self.context.query(directory.list_regions)}
        return self._region_names

    def reload(self) -> None:
        selected = self.selected_id()
        if self.meeting_id is None:
            self.model.set_agenda([], None)
            self.summary.clear()
            return
        meeting = self.context.query(meetings.get_meeting, self.meeting_id)
        items = self.context.query(agenda.list_agenda, self.meeting_id)
        self.model.set_agenda(items, meeting.planned_start, self.region_names())
        self.tree.expandAll()
        self._update_summary(items, meeting)
        if selected:
            self.select(selected)
        self._update_buttons()

    def _on_changed(self, tables: set[str]) -> None:
        if self.meeting_id is not None and tables & AGENDA_TABLES:
            self.request_reload()

    def _update_summary(self, items: list[AgendaItemInfo], meeting: Any) -> None:
        """Planned minutes and times by the agenda's one rule; a warning past the announced end."""
        plan = agenda.agenda_time_plan(
            items, meeting.date, meeting.planned_start, meeting.planned_end
        )
        count = sum(1 for i in items if i.parent_id is None)
        text = (
            self.tr("Geplant: %1 Minuten für 1 TOP")
            if count == 1
            else self.tr("Geplant: %1 Minuten für %2 TOPs")
        )
        text = text.replace("%1", str(plan.total_minutes)).replace("%2", str(count))
        warning = ""
        if plan.start is not None and plan.end is not None:
            text += self.tr(" · %1–%2 Uhr").replace("%1", german_time(plan.start.time()))
            text = text.replace("%2", german_time(plan.end.time()))
            if plan.announced_end is not None:
                text += " · " + self._compare_end(plan.over_minutes or 0, plan.announced_end)
                warning = self._late_warning(items, plan.late_items())
        self.summary.setText(text + ("\n" + warning if warning else ""))
        styled(self.summary, WARNING_STYLE if warning else "")

    def _compare_end(self, minutes: int, planned_end: datetime) -> str:
        if minutes > 0:
            return (
                self.tr("%1 Minuten über dem geplanten Ende (%2 Uhr)")
                .replace("%1", str(minutes))
                .replace("%2", german_time(planned_end.time()))
            )
        return (
            self.tr("%1 Minuten Puffer bis zum geplanten Ende (%2 Uhr)")
            .replace("%1", str(-minutes))
            .replace("%2", german_time(planned_end.time()))
        )

    def _late_warning(self, items: list[AgendaItemInfo], late: list[str]) -> str:
        """ "Achtung: TOP 12–13 liegen nach dem angekündigten Ende." (the invitation shows them)"""
        numbers = [i.number for i in items if i.id in late and i.parent_id is None]
        if not numbers:
            return ""
        named = top_numbers(numbers, partial(QCoreApplication.translate, "Enum"))
        template = (
            self.tr(
                "Achtung: %1 liegt nach dem angekündigten Ende; die Einladung nennt diese Zeit."
            )
            if len(numbers) == 1
            else self.tr(
                "Achtung: %1 liegen nach dem angekündigten Ende; die Einladung nennt diese Zeiten."
            )
        )
        return template.replace("%1", named)

    # -- selection ------------------------------------------------------------------------------

    def selected_item(self) -> AgendaItemInfo | None:
        return self.model.item(self.tree.currentIndex())

    def selected_id(self) -> str | None:
        item = self.selected_item()
        return item.id if item else None

    def select(self, item_id: str) -> None:
        index = self.model.index_of(item_id)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)

    def _update_buttons(self, *_: Any) -> None:
        item = self.selected_item()
        self.details.show_item(item)
        has = item is not None
        for key in ("edit", "delete", "up", "down"):
            self.buttons[key].setEnabled(has)
        self.buttons["sub"].setEnabled(has)
        self.buttons["indent"].setEnabled(has and item is not None and item.parent_id is None)
        self.buttons["outdent"].setEnabled(has and item is not None and item.parent_id is not None)
        for key in ("add",):
            self.buttons[key].setEnabled(self.meeting_id is not None)
        if self.read_only:
            for button in self.buttons.values():
                button.setEnabled(False)

    read_only = False

    def set_read_only(self, read_only: bool) -> None:
        """Released minutes: the agenda can be read and browsed, not changed."""
        self.read_only = read_only
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if read_only
            else QAbstractItemView.DragDropMode.InternalMove
        )
        for widget in (self.quick_title, self.quick_minutes, self.quick_button):
            widget.setEnabled(not read_only)
        self.details.set_read_only(read_only)
        self._update_buttons()

    # -- actions ------------------------------------------------------------------------------

    def _run_key_action(self, name: str) -> None:
        if not self.read_only:  # the banner above says why and how to change that
            getattr(self, name)()

    def _run(self, text: str, action: Any, *args: Any, **kwargs: Any) -> Any:
        return self.context.run(text, action, *args, **kwargs)

    def _insert_place(self) -> tuple[str | None, int | None]:
        """New TOPs go right after the selected one, on its level; else at the end."""
        item = self.selected_item()
        if item is None:
            return None, None
        return item.parent_id, item.position + 1

    @read_only_refused
    def quick_add(self) -> None:
        title = self.quick_title.text().strip()
        if not title or self.meeting_id is None:
            return
        # "hinten anfügen", as the button says: a top-level TOP at the end, whatever is
        # selected (after a selected sub-item it became a sub-item of that TOP).
        new_id = self._run(
            self.tr("TOP „%1“ hinzufügen").replace("%1", title),
            agenda.add_agenda_item,
            self.meeting_id,
            title,
            planned_minutes=self.quick_minutes.value(),
        )
        if new_id:
            self.quick_title.clear()
            self.select(new_id)

    @read_only_refused
    def add_item(self, *, parent_id: str | None = None, position: int | None = None) -> None:
        if self.meeting_id is None:
            return
        values = AgendaItemDialog.ask(self, self.context, {})
        if values is None:
            return
        if parent_id is None and position is None:
            parent_id, position = self._insert_place()
        regions = values.pop("region_ids", [])
        self.context.undo_stack.beginMacro(
            self.tr("TOP „%1“ hinzufügen").replace("%1", values["title"])
        )
        try:
            new_id = self._run(
                "",
                agenda.add_agenda_item,
                self.meeting_id,
                parent_id=parent_id,
                position=position,
                **values,
            )
            if new_id and regions:
                self._run("", agenda.set_region_tags, new_id, regions)
        finally:
            self.context.undo_stack.endMacro()
        if new_id:
            self.select(new_id)

    def add_sub_item(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        parent = item.parent_id or item.id
        self.add_item(
            parent_id=parent, position=None if item.parent_id is None else item.position + 1
        )

    @read_only_refused
    def edit_item(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        initial = {
            "title": item.title,
            "kind": item.kind,
            "planned_minutes": item.planned_minutes,
            "presenter": item.presenter,
            "description": item.description,
            "region_ids": item.region_ids,
        }
        values = AgendaItemDialog.ask(self, self.context, initial)
        if values is None:
            return
        regions = values.pop("region_ids", [])
        changed = {k: v for k, v in values.items() if initial.get(k) != v}
        self.context.undo_stack.beginMacro(self.tr("TOP %1 bearbeiten").replace("%1", item.number))
        try:
            if changed:  # as the dialog showed it: a TOP changed by someone else meanwhile stays
                seen_item = seen("agenda_items", item)
                self.context.edit("", seen_item, agenda.update_agenda_item, item.id, **changed)
            if set(regions) != set(item.region_ids):
                self._run("", agenda.set_region_tags, item.id, regions)
        finally:
            self.context.undo_stack.endMacro()

    @read_only_refused
    def delete_item(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        before = self.context.undo_stack.index()
        self._run(
            self.tr("TOP %1 löschen").replace("%1", item.number), agenda.delete_agenda_item, item.id
        )
        if self.context.undo_stack.index() != before:
            self.context.message.emit(self.tr("TOP gelöscht – Rückgängig mit Strg+Z."))

    @read_only_refused
    def _move_by(self, delta: int) -> None:
        item = self.selected_item()
        if item is None:
            return
        target = item.position + delta
        siblings = [i for i in self.model.items() if i.parent_id == item.parent_id]
        if not 1 <= target <= len(siblings):
            return
        self._run(
            self.tr("TOP %1 verschieben").replace("%1", item.number),
            agenda.move_agenda_item,
            item.id,
            target,
        )
        self.select(item.id)

    def move_up(self) -> None:
        self._move_by(-1)

    def move_down(self) -> None:
        self._move_by(1)

    @read_only_refused
    def indent(self) -> None:
        item = self.selected_item()
        if item is not None and item.parent_id is None:
            self._run(
                self.tr("TOP %1 einrücken").replace("%1", item.number),
                agenda.indent_agenda_item,
                item.id,
            )
            self.select(item.id)

    @read_only_refused
    def outdent(self) -> None:
        item = self.selected_item()
        if item is not None and item.parent_id is not None:
            self._run(
                self.tr("TOP %1 ausrücken").replace("%1", item.number),
                agenda.outdent_agenda_item,
                item.id,
            )
            self.select(item.id)

    def _commit_inline_edit(self, item_id: str, field: str, value: Any) -> None:
        # Deferred: the view is still inside its editor when setData runs.
        QTimer.singleShot(0, partial(self._update_field, item_id, field, value))

    @read_only_refused
    def _update_field(self, item_id: str, field: str, value: Any) -> None:
        # as the tree showed it: a TOP someone else changed meanwhile is not overwritten
        shown = [i for i in self.model.items() if i.id == item_id]
        self.context.edit(
            self.tr("TOP ändern"),
            seen("agenda_items", *shown),
            agenda.update_agenda_item,
            item_id,
            **{field: value},
        )
        self.select(item_id)

    def _schedule_move(self, item_id: str, parent_id: str | None, position: int) -> None:
        # Deferred: the drop is still being handled by the view when the model announces it.
        QTimer.singleShot(0, partial(self.move_to, item_id, parent_id, position))

    @read_only_refused
    def move_to(self, item_id: str, parent_id: str | None, position: int) -> None:
        self._run(
            self.tr("TOP verschieben"),
            agenda.move_agenda_item,
            item_id,
            position,
            parent_id=parent_id,
        )
        self.select(item_id)
