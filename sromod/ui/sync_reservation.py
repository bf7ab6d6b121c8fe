"""The meeting screen's word on a meeting that is out ("für die Sitzung mitgenommen").

On the register: who has it since when, that changes wait for the sync, and for a coordinator
"Freigeben…" (a lost laptop) with a reason. On the replica that took it: that nobody else
changes it in the register until the next sync.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sromod.services.errors import ServiceError
from sromod.services.local_zone import berlin_time
from sromod.services.reservations import ReservationView, release_meeting, reservation_view
from sromod.store import StoreError
from sromod.ui.context import AppContext
from sromod.ui.fitting import FittedDialog
from sromod.ui.role_guard import NoteFrame
from sromod.ui.widgets import with_shortcut

log = logging.getLogger(__name__)


def when(view: ReservationView) -> str:
    return f"{berlin_time(view.since):%d.%m.%Y, %H:%M}"


class ReservedBanner(NoteFrame):
    """Who has the meeting since when, in words and framed; hidden when it is not out."""

    release_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("reservedBanner", parent)
        self.release_button = QPushButton(self.tr("Freigeben…"))
        with_shortcut(
            self.release_button,
            self.tr(
                "Die Reservierung ohne Abgleich beenden (etwa wenn der Laptop verloren ist); "
                "der Grund bleibt im Register vermerkt"
            ),
        )
        self.release_button.clicked.connect(self.release_requested)
        self.row.addWidget(self.release_button)
        self.view: ReservationView | None = None
        self.hide()

    def show_view(self, view: ReservationView | None, may_release: bool) -> None:
        self.view = view
        self.setVisible(view is not None)
        if view is None:
            return
        if view.here:
            sentence = self.tr(
                "Diese Sitzung haben Sie für die Sitzung mitgenommen (seit %1 Uhr): im Register "
                "ändert sie bis zum nächsten Abgleich niemand sonst."
            ).replace("%1", when(view))
        else:
            sentence = (
                self.tr(
                    "Die Sitzung %1 ist von %2 für die Sitzung mitgenommen (seit %3 Uhr); "
                    "Änderungen sind erst nach dem Abgleich möglich."
                )
                .replace("%1", view.label)
                .replace("%2", view.login)
                .replace("%3", when(view))
            )
        self.text.setText(sentence)
        self.setAccessibleName(sentence)
        self.release_button.setVisible(may_release and not view.here)


class ReleaseDialog(FittedDialog):
    """Asks for the reason of releasing a meeting that is out."""

    def __init__(self, parent: QWidget | None, label: str, login: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mitgenommene Sitzung freigeben"))
        self.resize(460, 0)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Die Sitzung %1 ist von %2 mitgenommen. Geben Sie sie nur frei, wenn der Laptop "
                "nicht mehr abgleichen kann (verloren, defekt): Was dort noch nicht abgeglichen "
                "ist, kommt beim nächsten Abgleich als Konflikt zurück."
            )
            .replace("%1", label)
            .replace("%2", login)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        label_widget = QLabel(self.tr("&Grund:"))
        label_widget.setBuddy(self.reason)
        self.reason.setAccessibleName(self.tr("Grund der Freigabe"))
        form.addRow(label_widget, self.reason)
        layout.addLayout(form)
        self.focus_first = self.reason  # not a button: the reason comes first
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Freigeben"))
        ok.setEnabled(False)
        self.reason.textChanged.connect(self._reason_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _reason_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    @classmethod
    def ask(cls, parent: QWidget | None, label: str, login: str) -> str | None:
        """The reason given, or None when the user cancelled."""
        dialog = cls(parent, label, login)
        if dialog.exec() != FittedDialog.DialogCode.Accepted:
            return None
        return dialog.reason.text().strip()


def refresh_reservation(banner: ReservedBanner, context: AppContext, meeting_id: str) -> bool:
    """Show the meeting's reservation in the banner; True when someone else has it (the screen
    then shows the meeting read-only: the register would refuse every change)."""
    try:
        view = context.query(reservation_view, meeting_id)
    except Exception:  # the banner must never stop the meeting from showing
        log.exception("The reservation of a meeting could not be read")
        view = None
    banner.show_view(view, context.store.access.may_edit_everything)
    return view is not None and not view.here


def release_reservation(parent: QWidget, context: AppContext, meeting_id: str) -> bool:
    """A coordinator releases the meeting shown, after giving a reason; True when released."""
    held = context.query(reservation_view, meeting_id)
    if held is None or held.here:
        return False
    reason = ReleaseDialog.ask(parent, held.label, held.login)
    if reason is None:
        return False
    try:
        release_meeting(context.store, meeting_id, reason)
    except (ServiceError, StoreError) as exc:
        context.error.emit(str(exc))
        return False
    context.notify({"meeting_reservations", "meetings"})
    return True
