"""Screens offer only what the login may change: editing controls hidden, a note says why.

What a role may do is decided once, in `sromod.services.permissions`; the screens ask it through
`AppContext.permissions`. An editing control the login may not use is hidden (`offer`), so that
it is neither clicked nor reached by keyboard or shortcut; a field that shows a value turns
read-only instead. A slot reached another way (a double-click, a key in a list) is guarded with
`edits_only`. The window's `RoleNote` says in words why nothing can be changed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from sromod.services.permissions import Limit, Permissions
from sromod.ui.theme import styled


class HasContext(Protocol):
    @property
    def context(self) -> Any: ...


F = TypeVar("F", bound=Callable[..., Any])


def edits_only(method: F) -> F:
    """A screen's editing slot that does nothing when the login may not edit everything."""

    @functools.wraps(method)
    def guarded(self: HasContext, *args: Any, **kwargs: Any) -> Any:
        if not self.context.permissions.edits_everything:
            return None
        return method(self, *args, **kwargs)

    return guarded  # type: ignore[return-value]  # same signature, wrapped


def offer(permitted: bool, *controls: QWidget | QAction) -> None:
    """Show the controls only where the login may use them (a hidden action has no shortcut)."""
    for control in controls:
        if shiboken6.isValid(control):
            control.setVisible(permitted)


def editing_controls(context: Any, *controls: QWidget | QAction) -> None:
    """Controls that change data: shown only to a login that edits everything, now and after
    another store is opened."""
    apply = functools.partial(_offer_to_editors, context, controls)
    apply()
    context.store_replaced.connect(apply)


def _offer_to_editors(context: Any, controls: tuple[QWidget | QAction, ...]) -> None:
    offer(context.permissions.edits_everything, *controls)


class NoteFrame(QFrame):
    """A framed, tinted note with an information icon and a text: why something is read-only.

    Tint, frame, icon and words: the colour is not the only signal.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        styled(
            self,
            f"#{name} {{ background: $banner_bg; border: 1px solid $banner_fg;"
            f" border-radius: 4px; }} #{name} QLabel {{ color: $banner_fg; }}",
        )
        self.row = QHBoxLayout(self)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size)
        )
        # translated under this class's name also in subclasses (tr would take theirs)
        icon.setAccessibleName(QCoreApplication.translate("NoteFrame", "Hinweis"))
        self.row.addWidget(icon)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row.addWidget(self.text, 1)


class RoleNote(NoteFrame):
    """ "Nur Lesen: Ihre Anmeldung „presse“ darf im Register nichts ändern …", in words and framed.

    Hidden on a file and for a coordinator's login, where everything may be changed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("roleNote", parent)
        self.row.setContentsMargins(8, 4, 8, 4)
        self.hide()

    def show_for(self, permissions: Permissions) -> None:
        text = self.sentence(permissions)
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))

    def sentence(self, permissions: Permissions) -> str:
        limit = permissions.limit
        if limit is None:
            return ""
        if limit is Limit.READS_ONLY:
            text = self.tr(
                "Nur Lesen: Ihre Anmeldung „%1“ darf im Register nichts ändern. Sie können "
                "alles ansehen, suchen und exportieren."
            )
        else:
            text = self.tr(
                "Nur Lesen bis auf die Aufgaben Ihres Amtes: Ihre Anmeldung „%1“ (Amt %2) "
                "ändert nur Status, Fälligkeit, Bemerkung und Notizen der Aufgaben des Amtes "
                "%2 (Seite „Aufgaben“, „Aufgabenliste importieren…“); alles andere ist "
                "schreibgeschützt."
            )
        return text.replace("%1", permissions.login).replace("%2", permissions.office_code or "—")
