"""Messages in the live view: a line with an icon and one sentence, shown where it applies.

A form's error stands under its field (and is the field's accessible description, so a screen
reader says it with the field); it goes when the field is edited, the form is closed or the TOP
changes. The view's own line takes what belongs to no field: a refusal stays until the next
successful action, a success line goes by itself after a while.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QStyle, QWidget

from sromod.ui.announce import announce
from sromod.ui.screens.live_style import sized_font
from sromod.ui.theme import styled

ERROR, SUCCESS = "error", "success"
SUCCESS_TIMEOUT_MS = 8000
TEXT_STYLES = {ERROR: "color:$error_fg; font-weight:bold;", SUCCESS: "color:$success_fg;"}
ICONS = {
    ERROR: QStyle.StandardPixmap.SP_MessageBoxWarning,
    SUCCESS: QStyle.StandardPixmap.SP_DialogApplyButton,
}


class MessageLine(QWidget):
    """An icon and a sentence; hidden while there is nothing to say."""

    def __init__(self, points: float = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self._field: QWidget | None = None
        self.icon = QLabel()
        self.label = QLabel()
        self.label.setFont(sized_font(points))
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SUCCESS_TIMEOUT_MS)
        self.timer.timeout.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.kind else ""

    def show_error(self, text: str, field: QWidget | None = None) -> None:
        """An error; with `field`, also that field's accessible description, until cleared."""
        self._show(ERROR, text)
        self.timer.stop()  # an error stays until it no longer applies
        self._describe(field, text)

    def show_success(self, text: str) -> None:
        self._show(SUCCESS, text)
        self.timer.start()

    def clear(self) -> None:
        self.timer.stop()
        self.kind = ""
        self.label.clear()
        self._describe(None, "")
        self.hide()

    def clear_error(self) -> None:
        if self.kind == ERROR:
            self.clear()

    def _show(self, kind: str, text: str) -> None:
        self.kind = kind
        size = self.label.fontMetrics().height()
        self.icon.setPixmap(self.style().standardIcon(ICONS[kind]).pixmap(size, size))
        self.icon.setAccessibleName(self.tr("Fehler") if kind == ERROR else self.tr("Erledigt"))
        styled(self.label, TEXT_STYLES[kind])
        self.label.setText(text)
        self.show()
        if self.isActiveWindow():  # a line in a window behind is no news to the reader
            announce(self.label, text, assertive=kind == ERROR)

    def _describe(self, field: QWidget | None, text: str) -> None:
        if self._field is not None and self._field is not field:
            self._field.setAccessibleDescription("")
        self._field = field
        if field is not None:
            field.setAccessibleDescription(text)


class FieldMessages:
    """The error lines of one form, each under its field, cleared when that field is edited."""

    def __init__(self) -> None:
        self.lines: dict[QWidget, MessageLine] = {}

    def add_under(self, layout: QFormLayout, field: QWidget, focus: QWidget | None = None) -> None:
        """A message row under the row that holds `field` (`focus`: the edit the error is about)."""
        line = MessageLine(11)
        position: tuple[int, object] = layout.getWidgetPosition(field)  # type: ignore[assignment]  # PySide6's stub says object; Qt returns (row, role)
        row = position[0]
        if row < 0:  # the field sits inside the layout of the form's last row
            row = layout.rowCount() - 1
        layout.insertRow(row + 1, "", line)
        self.lines[focus or field] = line
        edit = focus or field
        if isinstance(edit, QLineEdit):
            edit.textEdited.connect(line.clear)

    def show_error(self, field: QWidget, text: str) -> None:
        """The error under `field`; the field takes the focus so the moderator can fix it."""
        self.lines[field].show_error(text, field)
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_for_form(self, text: str) -> None:
        """An error about the whole form: under its last row, beside the button that commits."""
        self.show_error(list(self.lines)[-1], text)

    def text(self, field: QWidget) -> str:
        return self.lines[field].text()

    def clear(self) -> None:
        for line in self.lines.values():
            line.clear()
