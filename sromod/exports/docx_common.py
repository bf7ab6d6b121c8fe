"""What the Word documents share: the template, letterhead, German dates and fast tables.

Tables are built the cheap way: column widths are set once on the grid (every added row copies
them), each row's cells are taken once (`table.cell(i, j)` in a loop is quadratic), header rows
repeat on every page (`w:tblHeader`) and no row splits across a page break (`w:cantSplit`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length
from docx.table import Table

from sromod.exports.template_build import (
    DISTRICT_PLACEHOLDER,
    DOCUMENT_PLACEHOLDER,
    DRAFT_STYLE,
    TEMPLATE_NAME,
    TEXT_WIDTH,
    UNIT_PLACEHOLDER,
)
from sromod.resources import resource_path
from sromod.services.minutes import MeetingHeader

log = logging.getLogger(__name__)

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
HEADER_SHADE = "D9D9D9"
__all__ = ["TEXT_WIDTH", "Cm"]


def de_date(value: date | datetime | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def de_long_date(value: date) -> str:
    """ "Mittwoch, 25.11.2026" """
    return f"{WEEKDAYS[value.weekday()]}, {value:%d.%m.%Y}"


def de_time(value: time | datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def time_span(header: MeetingHeader) -> str:
    """ "10:05–12:10 Uhr": the actual times once the meeting ran, the planned ones before."""
    start = de_time(header.actual_start) or de_time(header.planned_start)
    end = de_time(header.actual_end) or de_time(header.planned_end)
    if start and end:
        return f"{start}–{end} Uhr"
    return f"ab {start} Uhr" if start else ""


def new_document(header: MeetingHeader, document_title: str, *, draft: bool) -> DocumentObject:
    """A document from the template, letterhead and footer filled, "ENTWURF" kept only for drafts."""
    doc = Document(str(resource_path("templates", TEMPLATE_NAME)))
    values = {
        DISTRICT_PLACEHOLDER: header.district,
        UNIT_PLACEHOLDER: header.organisational_unit,
        DOCUMENT_PLACEHOLDER: document_title,
    }
    section = doc.sections[0]
    for paragraph in (*section.header.paragraphs, *section.footer.paragraphs):
        if paragraph.style is not None and paragraph.style.name == DRAFT_STYLE and not draft:
            paragraph._p.getparent().remove(paragraph._p)
            continue
        for run in paragraph.runs:
            for key, value in values.items():
                if key in run.text:
                    run.text = run.text.replace(key, value)
    props = doc.core_properties
    props.title = document_title
    props.author = header.organisational_unit or header.district
    props.created = props.modified = datetime.now()
    return doc


class DocWriter:
    """Adds paragraphs and tables, setting style ids directly.

    python-docx resolves a style object by scanning every style of the document for the default
    one, on every paragraph; writing the id straight into the XML makes the minutes of a
    30-TOP meeting several times faster.
    """

    def __init__(self, doc: DocumentObject) -> None:
        self.doc = doc
        styles = doc.styles
        self.style_id = {
            name: styles[name].style_id
            for name in (
                "Title",
                "Subtitle",
                "Heading 1",
                "Heading 2",
                "Heading 3",
                "Fließtext",
                "Kennzeichnung",
                "Table Grid",
            )
        }

    def para(self, text: str = "", style: str = "Fließtext", *, bold_prefix: str = "") -> Any:
        paragraph = self.doc.add_paragraph()
        if style != "Normal":
            paragraph._p.get_or_add_pPr().style = self.style_id[style]
        if bold_prefix:
            paragraph.add_run(bold_prefix).bold = True
        if text:
            paragraph.add_run(text)
        return paragraph

    def text_block(self, text: str, style: str = "Fließtext") -> None:
        """User text with blank lines as paragraph breaks and single newlines as line breaks."""
        for block in text.strip().split("\n\n"):
            if block.strip():
                self.para(block.strip(), style)

    def table(
        self,
        headers: Sequence[str] | None,
        widths_cm: Sequence[float],
        rows: Iterable[Sequence[str]],
        *,
        borders: bool = True,
    ) -> Table:
        """A table with fixed column widths, a repeating header row and rows that never split."""
        table = self.doc.add_table(rows=0, cols=len(widths_cm))
        if borders:
            table._tbl.tblPr.style = self.style_id["Table Grid"]
        table.autofit = False
        widths = [Cm(w) for w in widths_cm]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        if headers is not None:
            self._header_row(table, headers, widths)
        for values in rows:
            row = table.add_row()
            _mark_row(row._tr, header=False)
            for cell, value in zip(row.cells, values, strict=False):
                if value:
                    cell.text = value
        return table

    def _header_row(self, table: Table, headers: Sequence[str], widths: Sequence[Length]) -> None:
        row = table.add_row()
        _mark_row(row._tr, header=True)
        for cell, text, width in zip(row.cells, headers, widths, strict=False):
            cell.width = width
            cell.paragraphs[0].add_run(text).bold = True
            _shade(cell._tc, HEADER_SHADE)


def _mark_row(tr: Any, *, header: bool) -> None:
    tr_pr = tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _shade(tc: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc.get_or_add_tcPr().append(shading)


def signature_line(cell: Any) -> None:
    """A line to sign on: the cell's top border."""
    borders = OxmlElement("w:tcBorders")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    cell._tc.get_or_add_tcPr().append(borders)
