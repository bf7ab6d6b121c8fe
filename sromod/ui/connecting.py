"""Connecting to a register from the window: open in a worker, remember the password, offer a file.

A server can take seconds to answer (or ten, until the connect timeout): the opening runs off
the UI thread behind a progress dialog. A refusal is one German sentence, and with it the offer
to work on a database on this computer instead: the last one opened, or one to choose.
"""

from __future__ import annotations

import logging
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from sromod.store import pgpass
from sromod.store.address import ServerAddress, connection_of
from sromod.store.location import default_store_path
from sromod.ui.dialogs.connect_dialog import ConnectRequest
from sromod.ui.settings import UiSettings
from sromod.ui.store_jobs import StoreJob, run_with_progress

log = logging.getLogger(__name__)


class Instead(Enum):
    """What the user chose after a server refused: try again, or a file on this computer."""

    RETRY = "retry"
    LAST_LOCAL = "last"
    CHOOSE_FILE = "choose"


def tr(text: str) -> str:
    return QCoreApplication.translate("connecting", text)


def open_register(parent: QWidget | None, address: ServerAddress) -> StoreJob:
    """Open the register in a worker, a progress dialog saying where it connects to."""
    return run_with_progress(
        parent,
        tr("Mit Register verbinden"),
        connecting_text(address),
        partial(_open, address),
    )


def connecting_text(address: ServerAddress) -> str:
    """ "Verbindung zu sromod auf db.bezirk.example wird hergestellt …" """
    try:
        connection = connection_of(address)
    except Exception:  # an address SQLAlchemy cannot read: the opening says so in a moment
        return tr("Verbindung zu %1 wird hergestellt …").replace("%1", str(address))
    return (
        tr("Verbindung zu %1 auf %2 wird hergestellt …")
        .replace("%1", connection.database)
        .replace("%2", connection.host)
    )


def _open(address: ServerAddress, _progress: Any) -> Any:
    from sromod.services.reference import load_reference_data
    from sromod.store import open_store

    return open_store(address, initialise=load_reference_data)


def keep_password_as_asked(request: ConnectRequest) -> None:
    """After a login that worked: the password into the password file, or out of it."""
    connection = request.connection
    try:
        if request.remember and request.password:
            pgpass.remember_password(connection, request.password)
        elif not request.remember:
            pgpass.forget_password(connection)
    except OSError as exc:  # the register is open; only the convenience failed
        log.warning("Password file not written: %s", type(exc).__name__)


def local_store(settings: UiSettings) -> Path | None:
    """The file to offer instead of a server: the one opened last, else the laptop's default."""
    last = settings.last_local_store()
    if last is not None:
        return last
    default = default_store_path()
    return default if default.exists() else None


def offer_local_store(
    parent: QWidget | None, refusal: str, last_local: Path | None, *, server: bool = True
) -> Instead | None:
    """The refusal, and what the user can do instead; None: nothing (keep what is open).

    server: the refusal came from a register; False: from a file on this computer, which is
    then not offered again, and "try again" means connecting to a register instead.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    if server:
        box.setWindowTitle(tr("Register nicht verbunden"))
        box.setInformativeText(
            tr("Sie können stattdessen eine Datenbank auf diesem Rechner öffnen.")
        )
    else:
        box.setWindowTitle(tr("Datenbank nicht geöffnet"))
        box.setInformativeText(
            tr("Sie können eine andere Datenbank öffnen oder sich mit einem Register verbinden.")
        )
    box.setText(refusal)
    choices: dict[QPushButton, Instead] = {}
    if last_local is not None:
        last = box.addButton(
            tr("„%1“ öffnen").replace("%1", last_local.name), QMessageBox.ButtonRole.AcceptRole
        )
        last.setToolTip(str(last_local))
        choices[last] = Instead.LAST_LOCAL
    choose = box.addButton(tr("Datenbankdatei &wählen…"), QMessageBox.ButtonRole.ActionRole)
    choices[choose] = Instead.CHOOSE_FILE
    again = tr("&Erneut verbinden…") if server else tr("Mit Register &verbinden…")
    retry = box.addButton(again, QMessageBox.ButtonRole.ActionRole)
    choices[retry] = Instead.RETRY
    cancel = box.addButton(tr("Abbrechen"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(cancel)
    box.setDefaultButton(next(iter(choices)))
    box.exec()
    clicked = box.clickedButton()
    return choices.get(clicked) if isinstance(clicked, QPushButton) else None
