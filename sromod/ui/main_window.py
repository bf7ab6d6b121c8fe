"""The main window: navigation on the left, one page per screen, menus, search and status bar.

Start-up stays fast on a big store: the constructor builds widgets and the first page only;
every other page is built the first time it is shown. At start the window is built and painted
before the store is open (and before SQLAlchemy is imported): the status bar says what is being
opened, the body list shows the bodies read ahead from the file, and the rest follows when the
store is open (`store_opened`); a step taken before waits for it (see `AppContext.store`).
"""

from __future__ import annotations

import logging
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sromod.models import MeetingState
from sromod.services.errors import ServiceError
from sromod.ui import icons
from sromod.ui.access_label import AccessLabel
from sromod.ui.announce import announce
from sromod.ui.context import AppContext
from sromod.ui.deferred import Deferred
from sromod.ui.fitting import scrolled
from sromod.ui.main_actions import PAGE_ICONS, MainActions
from sromod.ui.role_guard import RoleNote, edits_only, offer
from sromod.ui.screens.bodies import BodiesScreen
from sromod.ui.settings import UiSettings
from sromod.ui.store_switch import StoreSwitcher
from sromod.ui.undo_feedback import UndoFeedback
from sromod.ui.widgets import load_attribute
from sromod.ui.window_base import WindowBase

if TYPE_CHECKING:
    from sromod.services import agenda, meetings
    from sromod.services.body_info import BodyInfo
else:  # the window paints before the store opens: the services load when first used
    agenda = Deferred("sromod.services.agenda")
    meetings = Deferred("sromod.services.meetings")

log = logging.getLogger(__name__)

# Navigation entries: page key, and the screen class of another module that shows it.
PAGES: tuple[tuple[str, str | None], ...] = (
    ("bodies", None),
    ("tasks", "sromod.ui.screens.task_register:TaskRegisterScreen"),
    ("decisions", "sromod.ui.screens.decision_register:DecisionRegisterScreen"),
    ("offices", "sromod.ui.screens.office_view:OfficeViewScreen"),
    ("regions", "sromod.ui.screens.region_view:RegionViewScreen"),
    ("people", "sromod.ui.screens.people:PeopleScreen"),
)
PAGE_KEYS = [key for key, _ in PAGES]
NAVIGATE_PAGES = {
    "task": "tasks",
    "decision": "decisions",
    "office": "offices",
    "region": "regions",
}
SEARCH_PAGES = {"task_search": "tasks", "decision_search": "decisions"}
NAVIGATE_KINDS = {page: kind for kind, page in NAVIGATE_PAGES.items()}


class MainWindow(WindowBase):
    painted = Signal()  # the window has painted (the start measures and goes on from here)

    def __init__(self, context: AppContext, settings: UiSettings | None = None) -> None:
        super().__init__()
        self.context = context
        self.settings = settings or UiSettings()
        self._pages: dict[str, QWidget] = {}
        self._frames: dict[str, QScrollArea] = {}  # each page scrolls when zoomed past the window
        self._search_popup: Any = None
        self.live_view: QWidget | None = None
        self.setObjectName("MainWindow")
        self.stack = QStackedWidget()
        self.nav = self._build_navigation()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.nav)
        # Above every page: why a login of a shared register may change nothing (or little).
        self.role_note = RoleNote()
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.role_note)
        column.addWidget(self.stack, 1)
        self.splitter.addWidget(pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([210, 1070])
        self.setCentralWidget(self.splitter)
        self.bodies = BodiesScreen(context)
        self._add_page("bodies", self.bodies)
        self.meeting_screen: Any = None
        self.store_switcher = StoreSwitcher(self)
        self.menu_actions = MainActions(self, self.store_switcher)
        self._build_toolbar()
        self.statusBar().showMessage(self.tr("Bereit.") if context.ready else "")
        self._opening_text = ""
        self.access_label = AccessLabel(self)
        self.statusBar().addPermanentWidget(self.access_label)
        context.message.connect(self.show_message)
        context.error.connect(self.show_error)
        context.navigate.connect(self.navigate)
        context.locate = self.current_place
        self.undo_feedback = UndoFeedback(self)
        context.changed.connect(self._on_changed)
        context.waiting.connect(self._waiting)
        context.store_opened.connect(self._store_opened)
        self.bodies.meetings_view.selectionModel().currentChanged.connect(self.update_actions)
        self.stack.currentChanged.connect(self.update_actions)
        self.update_title()
        self.start_maximised = self.settings.restore_window(self)
        self.settings.restore_splitter("main", self.splitter)
        self.update_actions()

    # -- building -----------------------------------------------------------------------------

    def _build_navigation(self) -> QListWidget:
        nav = QListWidget()
        nav.setAccessibleName(self.tr("Navigation"))
        nav.setIconSize(QSize(20, 20))
        nav.setMinimumWidth(170)
        labels = [
            self.tr("Gremien & Sitzungen"),
            self.tr("Aufgaben"),
            self.tr("Beschlüsse"),
            self.tr("Ämter-Sicht"),
            self.tr("Regionen"),
            self.tr("Personen & Ämter"),
        ]
        for number, (label, meaning) in enumerate(zip(labels, PAGE_ICONS, strict=True), 1):
            item = QListWidgetItem(icons.icon(meaning), label)
            item.setToolTip(self.tr("%1 (Strg+%2)").replace("%1", label).replace("%2", str(number)))
            item.setSizeHint(QSize(160, 34))
            nav.addItem(item)
        nav.setCurrentRow(0)
        nav.currentRowChanged.connect(self._nav_row_changed)
        # An open meeting keeps "Gremien & Sitzungen" current: a click on it must still go back.
        nav.itemClicked.connect(self._nav_item_clicked)
        return nav

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Werkzeugleiste"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(20, 20))
        self.addToolBar(toolbar)
        toolbar.addAction(self.menu_actions.plan_meeting)
        toolbar.addAction(self.menu_actions.live)
        toolbar.addSeparator()
        # Fixed words on the toolbar (it kept changing width); the whole step in the tooltip.
        toolbar.addAction(self.menu_actions.undo_tool)
        toolbar.addAction(self.menu_actions.redo_tool)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(
            self.tr("Suchen in TOPs, Beschlüssen, Aufgaben … (Strg+F)")
        )
        self.search_field.setAccessibleName(self.tr("Suche"))
        self.search_field.setClearButtonEnabled(True)
        self.search_icon = self.search_field.addAction(
            icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search_field.setMinimumWidth(320)
        self.search_field.returnPressed.connect(self.search)
        toolbar.addWidget(self.search_field)

    def refresh_icons(self) -> None:
        """Icons drawn in the text colour, drawn again after a change of the colour scheme."""
        for row, meaning in enumerate(PAGE_ICONS):
            self.nav.item(row).setIcon(icons.icon(meaning))
        self.search_icon.setIcon(icons.icon("search"))
        self.menu_actions.set_icons()

    def _add_page(self, key: str, widget: QWidget) -> None:
        self._pages[key] = widget
        self._frames[key] = scrolled(widget)
        self.stack.addWidget(self._frames[key])

    # -- pages --------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page for key, built the first time it is asked for."""
        if key not in self._pages:
            self._add_page(key, self._make_page(key))
        return self._pages[key]

    def _make_page(self, key: str) -> QWidget:
        if key == "meeting":
            from sromod.ui.screens.meeting import MeetingScreen

            screen = MeetingScreen(self.context)
            screen.back_requested.connect(partial(self.show_page, "bodies"))
            self.meeting_screen = screen
            return screen
        target = dict(PAGES)[key]
        assert target is not None, key  # "bodies" is built with the window
        # screens are imported on first use: the window starts without building them all
        widget: QWidget = load_attribute(*target.split(":"))(self.context)
        return widget

    def show_page(self, key: str) -> QWidget:
        widget = self.page(key)
        self.stack.setCurrentWidget(self._frames[key])
        nav_key = "bodies" if key == "meeting" else key
        if nav_key in PAGE_KEYS:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(PAGE_KEYS.index(nav_key))
            self.nav.blockSignals(False)
        return widget

    def current_page_key(self) -> str:
        current = self.stack.currentWidget()
        return next((k for k, w in self._frames.items() if w is current), "bodies")

    def current_place(self) -> tuple[str, str]:
        """Where the user is, as (kind, id) for `navigate`: the open meeting and tab, the chosen
        task or decision, else the page."""
        key = self.current_page_key()
        if key == "meeting" and self.meeting_screen is not None and self.meeting_screen.meeting_id:
            tab = self.meeting_screen.tabs.currentIndex()
            return "meeting_tab", f"{self.meeting_screen.meeting_id}|{tab}"
        widget = self._pages.get(key)
        chosen = getattr(widget, "chosen_id", None)
        found = chosen() if callable(chosen) else None
        if found:
            return NAVIGATE_KINDS.get(key, "page"), found
        return "page", key

    def _nav_row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGE_KEYS):
            self.show_page(PAGE_KEYS[row])

    def _nav_item_clicked(self, item: QListWidgetItem) -> None:
        self._nav_row_changed(self.nav.row(item))

    def go_to_page(self, row: int) -> None:
        """Ctrl+1 … Ctrl+6: the page of that navigation row, also out of an open meeting."""
        self._nav_row_changed(row)

    # -- navigation ---------------------------------------------------------------------------

    def open_meeting(self, meeting_id: str, tab: int | None = None) -> None:
        self.page("meeting")
        self.meeting_screen.show_meeting(meeting_id, tab)
        self.show_page("meeting")
        info = self.meeting_screen.info()
        if info is not None and self.bodies.body_id() != info.body_id:
            self.bodies.select_body(info.body_id)
        if info is not None:
            self.bodies.select_meeting(meeting_id)
        self.update_actions()

    def navigate(self, kind: str, item_id: str) -> None:
        """Open the place of a meeting, TOP, task, decision, person, office or region."""
        try:
            if kind == "meeting":
                self.open_meeting(item_id)
            elif kind == "tasks_due":  # the first screen's "Fällige Aufgaben"
                body_id, day = item_id.split("|")
                tasks_page = self.show_page("tasks")
                tasks_page.show_due(body_id, date.fromisoformat(day))  # type: ignore[attr-defined]  # show_page gives a QWidget; this page is the task register
            elif kind == "meeting_tab":
                meeting_id, tab = item_id.rsplit("|", 1)
                self.open_meeting(meeting_id, int(tab))
            elif kind == "page" and item_id in PAGE_KEYS:
                self.show_page(item_id)
            elif kind == "agenda_item":
                item = self.context.query(agenda.get_agenda_item, item_id)
                self.open_meeting(item.meeting_id)
                self.meeting_screen.show_agenda_item(item_id)
            elif kind == "body":
                self.show_page("bodies")
                self.bodies.select_body(item_id)
            elif kind in SEARCH_PAGES:  # "alle anzeigen" in the search: the register, filtered
                self.show_page(SEARCH_PAGES[kind]).show_search(item_id)  # type: ignore[attr-defined]  # the registers the search opens all have show_search
            elif kind == "person":
                self.show_page("people").show_item(item_id)  # type: ignore[attr-defined]  # the people page, a QWidget to show_page
            elif kind in NAVIGATE_PAGES:
                widget = self.show_page(NAVIGATE_PAGES[kind])
                if hasattr(widget, "show_item"):
                    widget.show_item(item_id)
            else:
                log.warning("Unknown navigation kind %s", kind)
        except ServiceError as exc:
            self.show_error(str(exc))

    # -- meeting actions ----------------------------------------------------------------------

    def current_meeting_id(self) -> str | None:
        """The meeting the Sitzung menu acts on: the open one, else the one chosen in the list."""
        if self.current_page_key() == "meeting" and self.meeting_screen is not None:
            return self.meeting_screen.meeting_id  # type: ignore[no-any-return]  # the meeting screen is built on first use, so held as Any
        if self.current_page_key() == "bodies":
            return self.bodies.selected_meeting_id()
        return None

    def current_meeting_state(self) -> MeetingState | None:
        meeting_id = self.current_meeting_id()
        if meeting_id is None:
            return None
        try:
            return self.context.query(meetings.get_meeting, meeting_id).state
        except ServiceError:
            return None

    def update_actions(self, *_: Any) -> None:
        self.menu_actions.update_meeting_actions(self.current_meeting_state())

    def apply_permissions(self) -> None:
        """Offer what the login of the open store may change; the note says why not more."""
        permissions = self.context.permissions
        self.role_note.show_for(permissions)
        actions = self.menu_actions
        offer(
            permissions.edits_everything,
            actions.plan_meeting,
            actions.live,
            actions.end_meeting,
            actions.release,
            actions.retention,
        )
        # a register's backups are the district IT's (pg_dump), not a file to copy back here
        offer(not self.context.on_register, actions.restore)

    def _on_changed(self, tables: set[str]) -> None:
        if tables & {"meetings", "*"}:
            self.update_actions()

    @edits_only
    def plan_meeting(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is not None and self.current_page_key() == "meeting":
            self.bodies.select_body(self.context.query(meetings.get_meeting, meeting_id).body_id)
        if self.bodies.body_id() is None:
            self.show_page("bodies")
            self.show_error(self.tr("Bitte legen Sie zuerst ein Gremium an."))
            return
        self.bodies.plan_meeting()

    @edits_only
    def start_live(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is None:
            return
        from sromod.ui.screens.live import open_live_view

        self.live_view = open_live_view(self.context, meeting_id, self)
        if self.live_view is not None and self.live_view.isWindow():
            self.live_view.show()
            self.live_view.raise_()

    @edits_only
    def end_meeting(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is None:
            return
        view = self.live_view
        if (
            view is not None
            and shiboken6.isValid(view)
            and view.isVisible()
            and getattr(view, "meeting_id", None) == meeting_id
        ):
            # the open live view holds the typed result and the running TOP: it ends the meeting
            view.end_meeting()  # type: ignore[attr-defined]  # live_view is held as a QWidget (its module loads on first use)
            return
        from sromod.ui.dialogs.end_meeting import end_meeting

        end_meeting(self, self.context, meeting_id)

    @edits_only
    def release_minutes(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is not None:
            self.context.run(self.tr("Protokoll freigeben"), meetings.release_minutes, meeting_id)

    def export(self, kind: str) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is None:
            return
        from sromod.ui.exports_ui import export_meeting_document

        export_meeting_document(self, self.context, meeting_id, kind)

    # -- search, messages ---------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def search(self) -> None:
        text = self.search_field.text().strip()
        if not text:
            return
        if self._search_popup is None:
            from sromod.ui.screens.search import SearchPopup

            self._search_popup = SearchPopup(self.context, self)
        self._search_popup.search(text)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)
        if not self._live_view_active():  # else the live view's own line says it
            announce(self.statusBar(), text)

    def show_error(self, text: str) -> None:
        if self._live_view_active():
            # the live view shows it in its own line; a modal box would stop its keys mid-meeting
            self.statusBar().showMessage(text, 10_000)
            return
        # a warning box is read out by screen readers as it opens (role: alert)
        QMessageBox.warning(self, self.tr("sromod"), text)

    def _live_view_active(self) -> bool:
        view = self.live_view
        return view is not None and shiboken6.isValid(view) and view.isActiveWindow()

    # -- the start: painted first, the store opened afterwards ------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()

    def show_opening(self, text: str) -> None:
        """While the start opens the store: what is opened, in the status bar (read out too)."""
        self._opening_text = text
        self.statusBar().showMessage(text)
        announce(self.statusBar(), text)

    def show_early(self, infos: list[BodyInfo]) -> None:
        """The bodies read ahead from the file, shown while its store opens."""
        self.bodies.show_early(infos)

    def show_refusal(self, refusal: str) -> None:
        """The store could not be opened: the sentence in place of its content."""
        self.bodies.show_refusal(refusal)
        self.statusBar().showMessage(self.tr("Nicht verbunden."))

    def _waiting(self, waiting: bool) -> None:
        if waiting:  # a step waits for the store; the context shows the busy cursor
            self.statusBar().showMessage(
                self.tr("%1 Ihr Schritt folgt gleich danach.").replace("%1", self._opening_text)
            )

    def _store_opened(self) -> None:
        self.update_title()
        self.statusBar().showMessage(self.tr("Bereit."))
        announce(self.statusBar(), self.tr("Bereit."))  # what was opened is there now

    def update_title(self) -> None:
        if not self.context.ready:
            self.setWindowTitle("sromod")
            self.apply_permissions()  # a register still opening: nothing offered for changing
            return
        name = getattr(self.context.store, "display_name", "")
        self.setWindowTitle(self.tr("sromod – %1").replace("%1", name) if name else "sromod")
        access = getattr(self.context.store, "access", None)
        if access is not None:  # a new store: its login's role
            self.access_label.show_access(access)
        self.apply_permissions()

    def show_about(self) -> None:
        from sromod.ui.dialogs.about import AboutDialog

        AboutDialog.show_for(self, self.context.store.path)

    def show_key_help(self) -> None:
        """Hilfe → Tastenkürzel (F1): read from the actions and buttons of every page."""
        from sromod.ui.dialogs.shortcut_help import ShortcutHelpDialog

        for key in [*PAGE_KEYS, "meeting"]:
            self.page(key)  # pages are built on first use; their buttons' keys belong here too
        ShortcutHelpDialog.show_for(self)

    def show_at_start(self) -> None:
        """Show the window as the start wants it: maximised on a first start on a small screen."""
        if self.start_maximised:
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self)
        self.settings.save_splitter("main", self.splitter)
        super().closeEvent(event)
