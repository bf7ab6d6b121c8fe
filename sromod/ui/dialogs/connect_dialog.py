"""Datei → Mit Register verbinden…: server, database, login and TLS of a shared register.

Everything but the password is remembered in the settings; the password only in PostgreSQL's
password file, and only when "Passwort merken" is ticked (written after the login succeeded).
`PasswordDialog` asks for the password alone, with the same two rows, when a replica's sync
finds the server wanting one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from sromod.store import pgpass
from sromod.store.address import DEFAULT_PORT, Connection, ServerAddress
from sromod.ui.dialogs.form import FormDialog
from sromod.ui.settings import UiSettings

VERIFYING = ("verify-ca", "verify-full")


@dataclass(frozen=True)
class ConnectRequest:
    """What the user asked for: where, the password typed (may be empty), whether to keep it."""

    connection: Connection
    password: str = ""
    remember: bool = False

    def address(self) -> ServerAddress:
        return self.connection.address(self.password or None)


class ConnectDialog(FormDialog):
    def __init__(self, parent: QWidget | None, last: Connection | None) -> None:
        super().__init__(self.tr("Mit Register verbinden"), parent)
        self.setMinimumWidth(520)
        last = last or Connection()
        intro = QLabel(
            self.tr(
                "Ein gemeinsames Register auf einem PostgreSQL-Server des Bezirks. Die Angaben "
                "erhalten Sie von der IT."
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.host = self._text(self.tr("&Server:"), last.host, self.tr("z. B. db.bezirk.berlin.de"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(last.port or DEFAULT_PORT)
        self.add_row(self.tr("&Port:"), self.port)
        self.database = self._text(self.tr("&Datenbank:"), last.database, "sromod")
        self.user = self._text(self.tr("&Benutzername:"), last.user, "")
        self.password, self.remember = add_password_rows(self, last)
        self.sslmode = QComboBox()
        for mode, label in self._ssl_labels().items():
            self.sslmode.addItem(label, mode)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(last.sslmode)))
        self.add_row(self.tr("&Verschlüsselung:"), self.sslmode)
        self.ca_file = QLineEdit(last.sslrootcert)
        self.ca_file.setPlaceholderText(self.tr("Datei der Zertifizierungsstelle (.crt, .pem)"))
        self._add_ca_row()
        self._name_buttons()

    def _text(self, label: str, value: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(value)
        field.setPlaceholderText(placeholder)
        self.add_row(label, field)
        return field

    def _ssl_labels(self) -> dict[str, str]:
        return {
            "disable": self.tr("keine"),
            "prefer": self.tr("wenn der Server sie anbietet"),
            "require": self.tr("immer (ohne Prüfung des Zertifikats)"),
            "verify-ca": self.tr("immer, Zertifikat prüfen"),
            "verify-full": self.tr("immer, Zertifikat und Servernamen prüfen"),
        }

    def _add_ca_row(self) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ca_file, 1)
        self.choose_ca = QPushButton(self.tr("&Auswählen…"))
        self.choose_ca.setAccessibleName(self.tr("CA-Zertifikat auswählen"))
        self.choose_ca.clicked.connect(self._choose_ca)
        layout.addWidget(self.choose_ca)
        label = QLabel(self.tr("&CA-Zertifikat:"))
        label.setBuddy(self.ca_file)
        self.ca_file.setAccessibleName(self.tr("CA-Zertifikat"))
        self.form.addRow(label, row)

    def _name_buttons(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Verb&inden"))

    def _choose_ca(self) -> None:
        start = self.ca_file.text().strip() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("CA-Zertifikat wählen"),
            start,
            self.tr("Zertifikate (*.crt *.pem *.cer);;Alle Dateien (*)"),
        )
        if path:
            self.ca_file.setText(path)

    def connection(self) -> Connection:
        return Connection(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            sslmode=str(self.sslmode.currentData()),
            sslrootcert=self.ca_file.text().strip(),
        )

    def check(self) -> str | None:
        connection = self.connection()
        if not connection.host or not connection.database or not connection.user:
            return self.tr("Bitte geben Sie Server, Datenbank und Benutzernamen ein.")
        ca = connection.sslrootcert
        if connection.sslmode in VERIFYING and not ca:
            return self.tr("Zum Prüfen des Zertifikats wählen Sie bitte die CA-Datei aus.")
        if ca and not Path(ca).is_file():
            return self.tr("Die CA-Datei „%1“ gibt es nicht.").replace("%1", ca)
        return None

    def values(self) -> dict[str, Any]:
        return {
            "connection": self.connection(),
            "password": self.password.text(),
            "remember": self.remember.isChecked(),
        }

    @classmethod
    def ask(cls, parent: QWidget | None, settings: UiSettings) -> ConnectRequest | None:
        values = cls(parent, settings.register_connection()).run()
        return ConnectRequest(**values) if values is not None else None


def add_password_rows(dialog: FormDialog, connection: Connection) -> tuple[QLineEdit, QCheckBox]:
    """The password and "Passwort merken": the same two rows wherever a register's password is
    asked for; ticked (and said so) when the password file holds one for this login."""
    translate = QCoreApplication.translate  # the connection dialog's words, for lupdate too
    password = QLineEdit()
    password.setEchoMode(QLineEdit.EchoMode.Password)
    dialog.add_row(translate("ConnectDialog", "Pass&wort:"), password)
    stored = pgpass.stored_password(connection) is not None if connection.user else False
    if stored:
        password.setPlaceholderText(translate("ConnectDialog", "in der Passwortdatei gespeichert"))
    remember = QCheckBox(
        translate("ConnectDialog", "Passwort &merken (in der Passwortdatei von PostgreSQL)")
    )
    remember.setChecked(stored)
    dialog.form.addRow("", remember)
    return password, remember


class PasswordDialog(FormDialog):
    """The register wants a password for the replica's sync: the password, and whether to keep it.

    wrong: the last one was refused (or the login is gone from the server): said above the
    buttons, the dialog asks again.
    """

    def __init__(self, parent: QWidget | None, connection: Connection, wrong: bool) -> None:
        super().__init__(self.tr("Passwort für das Register"), parent)
        self.connection = connection
        intro = QLabel(
            self.tr("Das Register %1 auf %2 verlangt für die Anmeldung „%3“ ein Passwort.")
            .replace("%1", connection.database)
            .replace("%2", connection.host)
            .replace("%3", connection.user)
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.password, self.remember = add_password_rows(self, connection)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("&Abgleichen"))
        if wrong:
            self.problem.setText(
                self.tr(
                    "Das Passwort wurde nicht angenommen (oder die Anmeldung „%1“ gibt es auf "
                    "dem Server nicht mehr). Bitte geben Sie es noch einmal ein; die Replik ist "
                    "unverändert."
                ).replace("%1", connection.user)
            )
            self.problem.show()

    def check(self) -> str | None:
        if not self.password.text():
            return self.tr("Bitte geben Sie das Passwort ein.")
        return None

    def values(self) -> dict[str, Any]:
        return {
            "connection": self.connection,
            "password": self.password.text(),
            "remember": self.remember.isChecked(),
        }

    @classmethod
    def ask(
        cls, parent: QWidget | None, connection: Connection, *, wrong: bool = False
    ) -> ConnectRequest | None:
        values = cls(parent, connection, wrong).run()
        return ConnectRequest(**values) if values is not None else None
