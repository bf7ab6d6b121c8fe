"""Open another database or restore a backup while the window stays open."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sromod.store import StoreError, TargetNotAStore
from sromod.ui.store_jobs import StoreJob, run_with_progress
from sromod.ui.window_base import WindowBase

if TYPE_CHECKING:
    from sromod.store import Store

# The store's machinery (SQLAlchemy) loads when one of these is used, not with the window's
# menus: the window paints before it is imported.

log = logging.getLogger(__name__)


def ask_replace_foreign(parent: QWidget, refusal: str) -> bool:
    """Whether a file in the store's place that is no store may be set aside for the backup."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("StoreSwitcher", "Sicherung wiederherstellen"),
        refusal
        + "\n\n"
        + QCoreApplication.translate(
            "StoreSwitcher",
            "Soll sie umbenannt daneben aufbewahrt und die Sicherung wiederhergestellt werden?",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class StoreSwitcher(QObject):
    def __init__(self, window: WindowBase) -> None:
        super().__init__(window)
        self.window = window

    def open_database(self) -> None:
        w = self.window
        current = Path(getattr(w.context.store, "path", "") or ".")
        path, _ = QFileDialog.getOpenFileName(
            w,
            self.tr("Datenbank öffnen"),
            str(current.parent),
            self.tr("sromod-Datenbanken (*.db *.sqlite *.sromod);;Alle Dateien (*)"),
        )
        if path:
            self.switch_to(Path(path))

    def switch_to(self, path: Path) -> bool:
        """Open the store at path and make it the window's; the old one is closed."""
        from sromod.services.reference import load_reference_data
        from sromod.store import open_store

        try:
            new_store = open_store(path, initialise=load_reference_data)
        except StoreError as exc:
            self.window.show_error(str(exc))
            return False
        self._switch(new_store)
        return True

    def connect_register(self) -> bool:
        """Datei → Mit Register verbinden…: ask, connect in a worker, or offer a file instead."""
        from sromod.ui import connecting
        from sromod.ui.dialogs.connect_dialog import ConnectDialog

        w = self.window
        request = ConnectDialog.ask(w, w.settings)
        while request is not None:
            w.settings.set_register_connection(request.connection)
            job = connecting.open_register(w, request.address())
            if job.error is None:
                connecting.keep_password_as_asked(request)
                self._switch(job.result)
                return True
            last = connecting.local_store(w.settings)
            instead = connecting.offer_local_store(w, job.error, last)
            if instead is connecting.Instead.RETRY:
                request = ConnectDialog.ask(w, w.settings)
            elif instead is connecting.Instead.LAST_LOCAL and last is not None:
                # the window's own file is open already: it simply stays
                return last != w.context.store.path and self.switch_to(last)
            elif instead is connecting.Instead.CHOOSE_FILE:
                self.open_database()
                return False
            else:
                return False
        return False

    def _switch(self, store: Store) -> None:
        self.window.context.leave_store()
        self._install(store).close()

    def _install(self, store: Store) -> Store:
        """Make store the window's (every screen redraws from it); returns the old store."""
        self.window.show_page("bodies")
        old = self.window.context.replace_store(store)
        self.window.update_title()
        if store.path is not None:
            self.window.settings.set_last_local_store(store.path)
        name = store.path.name if store.path is not None else store.display_name
        self.window.show_message(self.tr("Datenbank „%1“ geöffnet.").replace("%1", name))
        return old

    def restore_backup(self) -> None:
        w = self.window
        db_path = w.context.store.path
        from sromod.store.backup import backup_dir_for
        from sromod.store.server import SERVER_BACKUP_SENTENCE

        if db_path is None:
            w.show_error(SERVER_BACKUP_SENTENCE)
            return

        backup, _ = QFileDialog.getOpenFileName(
            w,
            self.tr("Sicherung wiederherstellen"),
            str(backup_dir_for(Path(db_path))),
            self.tr("Sicherungen (*.db *.sqlite *.bak);;Alle Dateien (*)"),
        )
        if not backup:
            return
        answer = QMessageBox.question(
            w,
            self.tr("Sicherung wiederherstellen"),
            self.tr(
                "Die jetzige Datenbank wird durch die Sicherung ersetzt (eine Kopie des jetzigen "
                "Stands wird aufbewahrt). Fortfahren?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_from(Path(db_path), Path(backup))

    def restore_from(self, db_path: Path, backup: Path) -> bool:
        self.window.context.leave_store()
        self.window.context.store.close()
        job = self._restore_in_worker(db_path, backup, replace_foreign=False)
        if isinstance(job.exception, TargetNotAStore) and ask_replace_foreign(
            self.window, str(job.exception)
        ):
            job = self._restore_in_worker(db_path, backup, replace_foreign=True)
        restored = job.error is None
        if job.error is not None:
            self.window.show_error(job.error)
        from sromod.services.reference import load_reference_data
        from sromod.store import open_store

        try:
            self._install(open_store(db_path, initialise=load_reference_data))
        except StoreError as exc:
            log.error("Store could not be reopened after a restore: %s", type(exc).__name__)
            self.window.show_error(str(exc))
            return False
        if restored:
            self.window.show_message(self.tr("Sicherung wiederhergestellt."))
        return restored

    def _restore_in_worker(self, db_path: Path, backup: Path, *, replace_foreign: bool) -> StoreJob:
        """Restore in a worker: checking and copying a district decade takes seconds."""
        from sromod.store import check as store_check

        return run_with_progress(
            self.window,
            self.tr("Sicherung wiederherstellen"),
            self.tr("Die Sicherung wird geprüft und eingespielt …"),
            partial(store_check.restore_store, db_path, backup, replace_foreign=replace_foreign),
        )

    def check_database(self) -> str | None:
        """Check the open store in a worker, with progress; show and return the findings."""
        from sromod.store import check as store_check

        job = run_with_progress(
            self.window,
            self.tr("Datenbank prüfen"),
            self.tr("Die Datenbank wird geprüft …"),
            partial(store_check.check_store, self.window.context.store.address),
        )
        if job.error is not None:
            self.window.show_error(job.error)
            return None
        report = job.result
        show_check_report(self.window, report.ok, report.summary())
        return str(report.summary())


def show_check_report(parent: QWidget, ok: bool, text: str) -> None:
    """The check's findings in a message box (module level, so tests can replace it)."""
    title = QCoreApplication.translate("StoreSwitcher", "Datenbank prüfen")
    if ok:
        QMessageBox.information(parent, title, text)
    else:
        QMessageBox.warning(parent, title, text)
