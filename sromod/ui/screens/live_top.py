"""The head of the live view: the running TOP large, its time box and the TOP that follows.

Layout only; the live view tells it what to show.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sromod.services.agenda import AgendaItemInfo
from sromod.ui.announce import ChangeWatch, announce
from sromod.ui.clock import clock_text, time_box
from sromod.ui.fitting import WrapLabel
from sromod.ui.itemmodels.live import expected_end, planned_minutes_of
from sromod.ui.labels import agenda_item_label, enum_label
from sromod.ui.screens.live_style import (
    RUNNING_MARK_STYLE,
    apply_idle_style,
    apply_time_style,
    set_text,
    sized_font,
)
from sromod.ui.theme import styled

TIME_POINTS = 34.0
COMPACT_TIME_POINTS = 22.0  # during the Wiedervorlage the task list needs the height
TIME_WIDTH = 380  # "12 Minuten überzogen" wraps instead of pushing the TOP's title aside
LONG_TITLE = 60


def _label(points: float, *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = WrapLabel() if wrap else QLabel()
    label.setFont(sized_font(points, bold=bold))
    return label


# The view's keys (Bild↓, Strg+B …) act on the running TOP: while the view itself holds the
# keyboard focus, the TOP is framed in the selection colour of the scheme, so the focus is
# never invisible.
FOCUS_STYLE = (
    "#runningTop { border: 3px solid transparent; border-radius: 6px; }"
    ' #runningTop[keyFocus="true"] { border-color: palette(highlight); }'
)


class RunningTopPanel(QFrame):
    """TOP number with the "▶ läuft" mark, title, kind and presenter, time box, next TOP."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runningTop")
        self.setStyleSheet(FOCUS_STYLE)
        self.number = _label(20, bold=True, wrap=False)
        self.running_mark = QLabel(self.tr("▶ läuft"))
        self.running_mark.setFont(sized_font(14, bold=True))
        styled(self.running_mark, RUNNING_MARK_STYLE)
        self.title = _label(26, bold=True)
        self.meta = _label(14)
        self.time_label = _label(TIME_POINTS, bold=True)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # the name is the text itself ("noch 4:00"); a fixed name would hide it from screen readers
        self.time_label.setAccessibleDescription(self.tr("Zeit des laufenden TOP"))
        self.time_label.setFixedWidth(TIME_WIDTH)
        self.time_detail = _label(12)
        self.time_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_detail.setFixedWidth(TIME_WIDTH)
        self.next_label = _label(15)
        self.compact = False
        self._overrun = ChangeWatch()
        self._lay_out()

    def _lay_out(self) -> None:
        self.title_row = title_row = QHBoxLayout()
        title_row.addWidget(self.number)
        title_row.addWidget(self.running_mark)
        title_row.addStretch(1)
        self.top_block = top_block = QVBoxLayout()
        top_block.addLayout(title_row)
        top_block.addWidget(self.title)
        top_block.addWidget(self.meta)
        time_block = QVBoxLayout()
        time_block.addWidget(self.time_label)
        time_block.addWidget(self.time_detail)
        time_block.addStretch(1)
        self.head = head = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        head.addLayout(top_block, 1)
        head.addLayout(time_block, 0)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.addLayout(head)
        self.outer.addWidget(self.next_label)

    def show_key_focus(self, focused: bool) -> None:
        """Frame the TOP while the keys of the view act on it."""
        if self.property("keyFocus") != focused:
            self.setProperty("keyFocus", focused)
            self.style().unpolish(self)
            self.style().polish(self)

    def set_narrow(self, narrow: bool) -> None:
        """The time box under the title where the window is narrow (150 % or 200 % scaling):
        beside it, it would be scrolled out of sight."""
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.head.direction() != direction:
            self.head.setDirection(direction)
            # the window's layout keeps this panel's height for the old direction otherwise
            self.updateGeometry()

    def set_compact(self, compact: bool) -> None:
        """Smaller type for a TOP whose body needs the room (the Wiedervorlage's task list)."""
        if compact == self.compact:
            return
        self.compact = compact
        self.number.setFont(sized_font(16 if compact else 20, bold=True))
        self.running_mark.setFont(sized_font(11 if compact else 14, bold=True))
        self.time_label.setProperty("timeState", "")  # restyle at the new size
        self.next_label.setFont(sized_font(12 if compact else 15))
        self.meta.setVisible(not compact)  # "Wiedervorlage · geplant 20 Min." repeats the title
        # compact: the title beside its number, the next TOP beside the time box
        for widget in (self.title, self.next_label):
            self.top_block.removeWidget(widget)
            self.outer.removeWidget(widget)
        if compact:
            self.title_row.insertWidget(2, self.title, 100)
            self.top_block.addWidget(self.next_label)
        else:
            self.title_row.removeWidget(self.title)
            self.top_block.insertWidget(1, self.title)
            self.outer.addWidget(self.next_label)

    def time_points(self) -> float:
        return COMPACT_TIME_POINTS if self.compact else TIME_POINTS

    def show_item(
        self, item: AgendaItemInfo | None, following: AgendaItemInfo | None, running: bool
    ) -> None:
        self.running_mark.setVisible(running)
        set_text(self.number, agenda_item_label(item.number) if item else "")
        set_text(self.title, item.title if item else self.tr("Die Tagesordnung ist leer."))
        # a long title must not push the time box and the capture fields off the screen
        long = item is not None and len(item.title) >= LONG_TITLE
        points = 16 if self.compact else 19 if long else 26
        self.title.setFont(sized_font(points, bold=True))
        set_text(self.meta, self._meta_text(item))
        set_text(
            self.next_label,
            self.tr("Danach: %1  %2")
            .replace("%1", agenda_item_label(following.number))
            .replace("%2", following.title)
            if following
            else self.tr("Danach: Ende der Tagesordnung"),
        )

    def _meta_text(self, item: AgendaItemInfo | None) -> str:
        if item is None:
            return ""
        parts = [enum_label(item.kind)]
        if item.presenter:
            parts.append(self.tr("Vortrag: %1").replace("%1", item.presenter))
        parts.append(self.tr("geplant %1 Min.").replace("%1", str(item.planned_minutes)))
        return " · ".join(parts)

    def show_time(
        self,
        item: AgendaItemInfo | None,
        agenda: list[AgendaItemInfo],
        now: datetime,
        forecast: bool,
    ) -> None:
        """The time box of the TOP; with `forecast`, when the meeting will end at this pace."""
        if item is None or item.actual_start is None:
            set_text(self.time_label, self.tr("nicht begonnen"))
            apply_idle_style(self.time_label, self.time_points())
            set_text(self.time_detail, "")
            return
        end = item.actual_end if item.actual_end is not None else now
        elapsed = max(0.0, (end - item.actual_start).total_seconds())
        box = time_box(planned_minutes_of(agenda, item), elapsed)
        set_text(self.time_label, box.text)
        apply_time_style(self.time_label, box, self.time_points())
        if self._overrun.changed(item.id, box.overrun) and box.overrun and self.isActiveWindow():
            announce(
                self.time_label,
                self.tr("Zeit für %1 abgelaufen").replace("%1", agenda_item_label(item.number)),
            )
        detail = self.tr("jetzt %1").replace("%1", clock_text(now))
        over = int(elapsed - item.planned_minutes * 60) // 60
        if box.overrun and over >= 1:  # in figures too, not only by the red of the box
            detail = self.tr("+%1 Min.").replace("%1", str(over)) + " · " + detail
        if forecast:
            detail += self.tr(" · Ende voraussichtlich %1").replace(
                "%1", clock_text(expected_end(agenda, item, now, elapsed))
            )
        set_text(self.time_detail, detail)
