"""Quick capture under the running TOP: result text, a decision, a task, each one undo step.

The forms are inline rather than dialogs so that the moderator never leaves the keyboard and the
meeting view stays in sight; Enter commits, Esc closes a form.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sromod.models import DecisionKind
from sromod.services import agenda, decisions, directory, tasks
from sromod.services.agenda import AgendaItemInfo
from sromod.services.concurrency import seen
from sromod.services.decisions import DecisionInfo
from sromod.services.directory import OfficeInfo, PersonInfo
from sromod.services.tasks import TaskInfo
from sromod.services.wording import german_date, votes_in_words
from sromod.ui.context import AppContext
from sromod.ui.dialogs.vote_override import VoteOverrideDialog, fewer_sentence, too_many_sentence
from sromod.ui.labels import agenda_item_label, enum_label
from sromod.ui.screens.live_forms import FIELD_POINTS, DecisionForm, TaskForm
from sromod.ui.screens.live_input import (
    InputError,
    find_office,
    find_person,
    office_choice,
    parse_due_date,
    parse_votes,
    person_choice,
)
from sromod.ui.screens.live_messages import FieldMessages
from sromod.ui.screens.live_style import sized_font

log = logging.getLogger(__name__)


class ResultEdit(QPlainTextEdit):
    """The result text of the TOP; Ctrl+Enter saves it."""

    save_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save_requested.emit()
            return
        super().keyPressEvent(event)


class CapturePanel(QWidget):
    """Result, decision and task capture for one TOP, plus what was captured under it."""

    done = Signal()  # a capture was committed or cancelled: focus may return to the view

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._refusal_target: tuple[FieldMessages, QWidget] | None = None
        self._item: AgendaItemInfo | None = None
        self._saved_result: str | None = None
        self.result_label = QLabel(self.tr("&Ergebnis (Strg+E; speichern mit Strg+Enter):"))
        self.result = ResultEdit()
        self.result.setAccessibleName(self.tr("Ergebnis des TOP"))
        self.result.setFont(sized_font(FIELD_POINTS))
        self.result.setTabChangesFocus(True)
        self.result.setMinimumHeight(70)
        self.result_label.setBuddy(self.result)
        self.result_label.setFont(sized_font(12, bold=True))
        self.result.save_requested.connect(self.save_result)
        self.decision_form = DecisionForm()
        self.task_form = TaskForm()
        for form in (self.decision_form, self.task_form):
            form.hide()
            form.cancelled.connect(self.close_forms)
        self.decision_form.submitted.connect(self.commit_decision)
        self.decision_form.unanimous.clicked.connect(self.fill_unanimous)
        self.task_form.submitted.connect(self.commit_task)
        self.captured_label = QLabel(self.tr("Festgehalten zu diesem TOP:"))
        self.captured_label.setFont(sized_font(12, bold=True))
        self.captured = QListWidget()
        self.captured.setAccessibleName(self.tr("Beschlüsse und Aufgaben dieses TOP"))
        self.captured.setFont(sized_font(FIELD_POINTS))
        self.captured.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.result_label)
        layout.addWidget(self.result, 2)
        layout.addWidget(self.decision_form)
        layout.addWidget(self.task_form)
        layout.addWidget(self.captured_label)
        layout.addWidget(self.captured, 1)

    # --- showing -------------------------------------------------------------------------

    def show_item(
        self, item: AgendaItemInfo | None, found: list[DecisionInfo], assigned: list[TaskInfo]
    ) -> None:
        """Show a TOP; the typed result survives a redraw unless the stored text itself changed."""
        moved = item is None or self._item is None or item.id != self._item.id
        if moved or (item is not None and item.result != self._saved_result):
            self.result.setPlainText(item.result or "" if item else "")
            self._saved_result = item.result if item else None
        if moved:
            self.close_forms()
        self._item = item
        # with no TOP there is nowhere to keep a result: typing there would be lost unseen
        self.result.setEnabled(item is not None)
        self.captured.clear()
        for decision in found:
            self.captured.addItem(decision_line(decision))
        for task in assigned:
            self.captured.addItem(task_line(task))
        # an empty list would only take room from the result field and the Wiedervorlage
        has_records = self.captured.count() > 0
        self.captured.setVisible(has_records)
        self.captured_label.setVisible(has_records)
        if item is not None:
            self.captured_label.setText(
                self.tr("Festgehalten zu %1:").replace("%1", agenda_item_label(item.number))
            )

    # --- result ----------------------------------------------------------------------------

    def focus_result(self) -> None:
        self.result.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.result.moveCursor(QTextCursor.MoveOperation.End)  # go on writing, not overwrite

    def save_result(self) -> bool:
        """Store the typed result if it changed; False if the store refused it."""
        if self._item is None:
            return True
        text = self.result.toPlainText().strip() or None
        if text == (self._saved_result or None):
            return True
        label = self.tr("Ergebnis zu %1 festhalten").replace(
            "%1", agenda_item_label(self._item.number)
        )
        # as shown: a TOP someone else changed meanwhile keeps their state, and the text typed
        # here stays in the field to be saved again
        self.context.edit(
            label, seen("agenda_items", self._item), agenda.update_agenda_item, self._item.id,
            result=text,
        )  # fmt: skip
        ok = agenda.get_agenda_item(self.context.store, self._item.id).result == text
        if ok:
            self._saved_result = text
            self.done.emit()
        return ok

    # --- decision --------------------------------------------------------------------------

    def open_decision(self) -> None:
        if self._item is None:
            return
        self.task_form.hide()
        self.decision_form.show()
        self.decision_form.kind.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def commit_decision(self) -> None:
        form, item = self.decision_form, self._item
        if item is None or not form.isVisible():
            return
        try:
            votes = parse_votes([e.text() for e in form.votes])
        except InputError as exc:
            form.messages.show_error(form.votes[0], str(exc))
            return
        check = decisions.check_votes(self.context.store, item.id, votes) if votes else None
        reason = None
        if check is not None and check.too_many:
            reason = VoteOverrideDialog.ask(self, check)
            if reason is None:  # back to the numbers
                form.messages.show_error(form.votes[0], too_many_sentence(check))
                return
        kind = DecisionKind(form.kind.currentData())
        label = (
            self.tr("%1 zu %2 festhalten")
            .replace("%1", enum_label(kind))
            .replace("%2", agenda_item_label(item.number))
        )
        with self._refusals_under(form.messages, form.text):
            found = self.context.run(
                label,
                decisions.add_decision,
                item.id,
                form.text.text(),
                kind,
                votes=votes,
                votes_override_reason=reason,
            )
        if found is not None:
            text = self.tr("%1 festgehalten.").replace("%1", found.register_number)
            if found.has_votes:
                text = self.tr("%1 festgehalten: %2.").replace("%1", found.register_number)
                text = text.replace("%2", vote_words(found))
            if check is not None and check.differs and not check.too_many:
                text += " " + self.tr("Achtung: %1").replace("%1", fewer_sentence(check))
            self.context.message.emit(text)
            self.close_forms()

    def fill_unanimous(self) -> None:
        """ "einstimmig": every voting member present for, none against, no abstention."""
        if self._item is None:
            return
        votes = decisions.unanimous_votes(self.context.store, self._item.id)
        if votes is None:
            self.decision_form.messages.show_error(
                self.decision_form.votes[0],
                self.tr(
                    "Für „einstimmig“ fehlt die Zahl der anwesenden Stimmberechtigten: bitte die "
                    "Anwesenheit erfassen oder die Stimmen eintragen."
                ),
            )
            return
        for edit, count in zip(self.decision_form.votes, votes, strict=True):
            edit.setText(str(count))
        self.decision_form.commit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- task ------------------------------------------------------------------------------

    def open_task(self) -> None:
        if self._item is None:
            return
        store = self.context.store
        self.task_form.set_choices(
            [office_choice(o) for o in directory.list_offices(store, active_only=True)],
            [person_choice(p) for p in directory.list_people(store, active_only=True)],
        )
        self.decision_form.hide()
        self.task_form.show()
        self.task_form.what.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def commit_task(self) -> None:
        form, item = self.task_form, self._item
        if item is None or not form.isVisible():
            return
        read = self._read_task_form(form)
        if read is None:
            return
        office, person, due = read
        label = self.tr("Aufgabe zu %1 festhalten").replace("%1", agenda_item_label(item.number))
        with self._refusals_under(form.messages, form.what):
            created = self.context.run(
                label,
                tasks.add_task,
                form.what.text(),
                office_id=office.id if office else None,
                person_id=person.id if person else None,
                due_date=due,
                agenda_item_id=item.id,
            )
        if created is not None:
            self.context.message.emit(
                self.tr("%1 festgehalten.").replace("%1", created.register_number)
            )
            self.close_forms()

    def _read_task_form(
        self, form: TaskForm
    ) -> tuple[OfficeInfo | None, PersonInfo | None, date | None] | None:
        """Office, person and due date as typed; None after showing the error under its field."""
        store = self.context.store
        field: QLineEdit = form.office
        try:
            office = find_office(form.office.text(), directory.list_offices(store))
            field = form.person
            person = find_person(form.person.text(), directory.list_people(store))
            # top down, one at a time: an empty "Was" is the store's to refuse, under its field
            if office is None and person is None and form.what.text().strip():
                field = form.office
                raise InputError(self.tr("Bitte ein Amt oder eine Person angeben."))
            field = form.due
            return office, person, parse_due_date(form.due.text(), date.today())
        except InputError as exc:
            form.messages.show_error(field, str(exc))
            return None

    @contextmanager
    def _refusals_under(self, messages: FieldMessages, field: QWidget) -> Iterator[None]:
        """While a form commits, a refusal of the store shows under `field`, not far below."""
        self._refusal_target = (messages, field)
        try:
            yield
        finally:
            self._refusal_target = None

    def take_problem(self, text: str) -> bool:
        """Show a refusal in the committing form; False when no form is committing."""
        if self._refusal_target is None:
            return False
        messages, field = self._refusal_target
        messages.show_error(field, text)
        return True

    def unfinished_form(self) -> str | None:
        """What keeps the moderator from moving on: a form with typed, unsaved input."""
        decision, task = self.decision_form, self.task_form
        if decision.isVisible() and any(e.text().strip() for e in (decision.text, *decision.votes)):
            return self.tr(
                "Der Beschluss ist noch nicht festgehalten: Enter hält ihn fest, Esc verwirft ihn."
            )
        if task.isVisible() and any(
            e.text().strip() for e in (task.what, task.office, task.person, task.due)
        ):
            return self.tr(
                "Die Aufgabe ist noch nicht festgehalten: Enter hält sie fest, Esc verwirft sie."
            )
        return None

    def set_narrow(self, narrow: bool) -> None:
        for form in (self.decision_form, self.task_form):
            form.set_narrow(narrow)

    def close_forms(self) -> None:
        had_form = self.decision_form.isVisible() or self.task_form.isVisible()
        for form in (self.decision_form, self.task_form):
            form.clear()
            form.hide()
        if had_form:
            self.done.emit()


def _tr(text: str) -> str:
    return QCoreApplication.translate("CapturePanel", text)


def vote_words(decision: DecisionInfo) -> str:
    """ "einstimmig angenommen" in the window's language ("" without a vote)."""
    if not decision.has_votes:
        return ""
    return votes_in_words(
        decision.votes_for or 0,
        decision.votes_against or 0,
        decision.votes_abstain or 0,
        partial(QCoreApplication.translate, "Wording"),
    )


def decision_line(decision: DecisionInfo) -> str:
    """ "B-2026/001 Beschluss: … (mit 5 Ja-Stimmen bei 1 Enthaltung angenommen)"."""
    line = f"{decision.register_number} {enum_label(decision.kind)}: {decision.text}"
    if decision.has_votes:
        line += _tr(" (%1)").replace("%1", vote_words(decision))
    return line


def task_line(task: TaskInfo) -> str:
    """ "A-2026/0003 Aufgabe: Was – Wer – bis 15.12.2026"."""
    parts = [
        _tr("%1 Aufgabe: %2").replace("%1", task.register_number).replace("%2", task.title),
        task.who or "?",
    ]
    if task.due_date:
        parts.append(_tr("bis %1").replace("%1", german_date(task.due_date)))
    return " – ".join(parts)
