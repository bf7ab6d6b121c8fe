"""One search field for the whole store: results grouped by kind, a click opens the place."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sromod.services import search
from sromod.services.search import SearchGroup
from sromod.ui import screen_fit
from sromod.ui.context import AppContext
from sromod.ui.i18n import number
from sromod.ui.itemmodels.search import HTML_ROLE, SearchResultsModel

log = logging.getLogger(__name__)

POPUP_SIZE = QSize(680, 480)  # less where the screen has less room
FULL_LIST = 500  # "alle anzeigen" in the list: a long read already, and shown in about 0.3 s


class RichTextDelegate(QStyledItemDelegate):
    """Draws a hit as rich text (matched words in bold); group rows are drawn as usual."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = index.data(HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(html, option.rect.width())
        painter.save()
        painter.translate(option.rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        html = index.data(HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        width = option.rect.width() if option.rect.width() > 0 else 600
        document = self._document(html, width)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 4)

    @staticmethod
    def _document(html: str, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(2)
        document.setHtml(html)
        document.setTextWidth(max(100, width))
        return document


class SearchPopup(QFrame):
    """Hits for the words typed, refined while typing; Enter or a click opens the hit's place."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        if parent is not None:
            # A popup closes by itself when the user clicks elsewhere or presses Escape.
            self.setWindowFlags(Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.resize(POPUP_SIZE)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Suchen in TOPs, Beschlüssen, Aufgaben, Personen …"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Suche"))
        self.summary = QLabel()
        self.model = SearchResultsModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemDelegate(RichTextDelegate(self.tree))
        self.tree.activated.connect(self.open_hit)
        self.tree.clicked.connect(self.open_hit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._run)
        self.field.textChanged.connect(self._debounce.start)
        self.field.returnPressed.connect(self._open_first)
        context.store_replaced.connect(self.forget)

    def forget(self) -> None:
        """Another file is open: no hit of the old one stays on show."""
        self.hide()
        self.model.set_groups([])
        self.summary.clear()

    def search(self, text: str) -> None:
        """Show the hits for `text` under the window's search field."""
        self.field.blockSignals(True)
        self.field.setText(text)
        self.field.blockSignals(False)
        self._run()
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus()

    def _place(self) -> None:
        """Below the window's search field, inside the available geometry of its screen."""
        anchor = getattr(self.parentWidget(), "search_field", None)
        if isinstance(anchor, QWidget):
            rect = QRect(anchor.mapToGlobal(QPoint(0, 0)), anchor.size())
            self.setGeometry(screen_fit.place_popup(rect, POPUP_SIZE))

    def _run(self) -> None:
        started = time.perf_counter()
        groups = search.search(self.context.store, self.field.text())
        took = (time.perf_counter() - started) * 1000
        log.debug("Suche %r: %.1f ms", self.field.text(), took)
        self.model.set_groups(groups)
        self._show_summary(groups)

    def show_all(self, kind: str) -> None:
        """Every hit of one kind: tasks and decisions in their register, the others in the list."""
        text = self.field.text()
        if kind in ("task", "decision"):
            self.hide()
            self.context.navigate.emit(f"{kind}_search", text)
            return
        groups = search.search(self.context.store, text, per_kind=FULL_LIST, kinds=(kind,))
        self.model.set_groups(groups, full=True)
        self.tree.expandAll()
        first = self._first_hit()
        if first.isValid():
            self.tree.setCurrentIndex(first)
        self.tree.setFocus()

    def _show_summary(self, groups: list[SearchGroup]) -> None:
        self.tree.expandAll()
        if not self.field.text().strip():
            self.summary.setText(self.tr("Suchbegriff eingeben; Umlaute dürfen fehlen (ubergabe)."))
        elif not groups:
            self.summary.setText(self.tr("Nichts gefunden."))
        else:
            total = number(sum(g.total for g in groups))
            if any(g.capped for g in groups):  # the search stopped counting a common word
                self.summary.setText(self.tr("mehr als %1 Treffer").replace("%1", total))
            else:
                self.summary.setText(self.tr("%1 Treffer").replace("%1", total))
        first = self._first_hit()
        if first.isValid():
            self.tree.setCurrentIndex(first)

    def _first_hit(self) -> QModelIndex:
        for row in range(self.model.rowCount()):
            group = self.model.index(row, 0)
            if self.model.rowCount(group):
                return self.model.index(0, 0, group)
        return QModelIndex()

    def _open_first(self) -> None:
        current = self.tree.currentIndex()
        self.open_hit(current if current.isValid() else self._first_hit())

    def open_hit(self, index: QModelIndex) -> None:
        kind = self.model.show_all_kind(index)
        if kind is not None:
            self.show_all(kind)
            return
        if self.model.is_back(index):
            self._run()
            return
        hit = self.model.hit(index)
        if hit is None:
            return
        self.hide()
        self.context.navigate.emit(hit.open_kind, hit.open_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Arrow keys in the field move through the hits, so the mouse is never needed.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.field.hasFocus():
            self.tree.setFocus()
            self.tree.keyPressEvent(event)
            return
        super().keyPressEvent(event)
