"""The status bar's word on what the login of a shared register may do (nothing on a file)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from sromod.store.role_names import AMT, KOORDINATION, LESEN

if TYPE_CHECKING:
    from sromod.store.server_roles import Access


class AccessLabel(QLabel):
    """ "Angemeldet als mueller.jug (Amt Jug): …" while a register is open with a role's login."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Anmeldung und Rechte"))

    def show_access(self, access: Access) -> None:
        texts = {
            KOORDINATION: self.tr("Angemeldet als %1 (Koordination)"),
            AMT: self.tr(
                "Angemeldet als %1 (Amt %2): Sie ändern Status, Fälligkeit und Bemerkung "
                "der Aufgaben Ihres Amtes"
            ),
            LESEN: self.tr("Angemeldet als %1: nur lesen"),
        }
        text = texts.get(access.role or "", "")
        text = text.replace("%1", access.login).replace("%2", access.office_code or "—")
        self.setText(text)
        self.setVisible(bool(text))
