"""What a window shows as text, and which of it is German from sromod's own catalogue.

Used by the English walk: every label, button, tab, header, cell, tooltip and status message
of a widget tree, checked against the German source strings of `sromod_en.ts` whose English
differs. Names and user text from the store are allowed (they are data, not the program's words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QWidget,
)
from sqlalchemy import String, Text, select

from sromod.models import Base
from sromod.store import Store
from tools import translations

ROWS_PER_VIEW = 40  # enough rows of each table to see every kind of cell
_TAG = re.compile(r"<[^>]+>")
_PLACEHOLDER = re.compile(r"%\d|%n")
# where a shown text joins parts: "Meeting 12 of the AG SRO, 25.11.2026 – Item 3 Title"
_SEPARATORS = re.compile(r"\n| – | · |, |; | \(|\) ?|: | → ")
_SEPARATORS_KEPT = re.compile(f"({_SEPARATORS.pattern})")
USER = "\u2039user\u203a"  # stands for user text in a composed line


def _plain(text: str) -> str:
    text = _TAG.sub(" ", text).replace("&nbsp;", " ").replace("&amp;", "&")
    text = re.sub(r"&(?=\w)", "", text)  # a mnemonic
    return " ".join(text.split()).strip(" :…")


@cache
def german_catalogue() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """German sources whose English differs: plain ones, and templates ("TOP %1") as patterns."""
    plain: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    found = translations.entries()
    # "Min." is "Min." in one context: then it is English as well
    same = {
        _plain(s) for _c, s, text, _d in found if _plain((text or "").split("|")[-1]) == _plain(s)
    }
    for _context, source, text, _done in found:
        if not text or _plain(source) in same:
            continue
        if _PLACEHOLDER.search(source):
            literal = _PLACEHOLDER.sub("", _plain(source))
            if len(re.findall(r"[A-Za-zÄÖÜäöüß]", literal)) < 4:
                continue  # "%1 %2", "%1:" would match anything
            parts = [re.escape(p) for p in _PLACEHOLDER.split(_plain(source))]
            patterns.append(re.compile("^" + "(.+?)".join(parts) + "$"))
        else:
            plain.add(_plain(source))
    plain.discard("")
    return frozenset(plain), tuple(patterns)


def store_texts(store: Store) -> set[str]:
    """Every text the store holds (names, titles, user text): these may be German."""
    found: set[str] = set()
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if not columns:
                continue
            for row in conn.execute(select(*columns)):
                for value in row:
                    if value:
                        found.add(_plain(str(value)))
                        found.update(_plain(p) for p in _SEPARATORS.split(str(value)))
    return found


def german_in(texts: Iterable[str], allowed: set[str]) -> list[str]:
    """The shown texts that are (or hold a part that is) German from the catalogue."""
    plain, patterns = german_catalogue()
    hits: list[str] = []
    for shown in texts:
        whole = _plain(shown)
        if not whole or whole in allowed:
            continue
        # user text inside a composed line is masked, so that "… der Aufgaben" in a TOP's
        # title is not taken for the program's "%1 Aufgaben"
        pieces = _SEPARATORS_KEPT.split(whole)
        masked = "".join(USER if _plain(p) in allowed else p for p in pieces)
        parts = {masked, *(_plain(p) for p in _SEPARATORS.split(whole) if _plain(p) not in allowed)}
        for part in parts:
            if part and (part in plain or any(p.match(part) for p in patterns)):
                hits.append(f"{part!r} in {shown!r}")
                break
    return sorted(set(hits))


def visible_texts(root: QWidget) -> Iterator[str]:
    """Every text a person sees (or hears as a tooltip) in the shown part of root's tree."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        yield widget.toolTip()
        yield widget.accessibleName()
        if widget.isWindow():
            yield widget.windowTitle()
        yield from _own_texts(widget)
        for action in widget.actions():
            yield action.text()
            yield action.toolTip()


def _own_texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
        yield from (widget.tabToolTip(i) for i in range(widget.count()))
    elif isinstance(widget, QMainWindow):
        yield widget.statusBar().currentMessage()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from model_texts(widget.model())


def model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    """Headers and the first rows' display texts and tooltips (children of tree rows too)."""
    parent = parent or QModelIndex()
    flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    if not parent.isValid():
        for section in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield _text(model.headerData(section, Qt.Orientation.Horizontal, role))
    for row in range(min(model.rowCount(parent), ROWS_PER_VIEW)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield _text(model.data(index, role))
        first = model.index(row, 0, parent)
        if not flat and model.rowCount(first) > 0:  # a tree's children
            yield from model_texts(model, first)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
