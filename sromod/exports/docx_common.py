"""What the Word documents share: the template, letterhead, German dates and fast tables.

Tables are built the cheap way: column widths are set once on the grid (every added row copies
them) and widened from their content where a word would not fit, each row's cells are taken once (`table.cell(i, j)` in a loop is quadratic), header rows
repeat on every page (`w:tblHeader`) and no row splits across a page break (`w:cantSplit`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from lxml.etree import SubElement

from sromod.exports.template_build import (
    DISTRICT_PLACEHOLDER,
    DOCUMENT_PLACEHOLDER,
    DRAFT_STYLE,
    TEMPLATE_NAME,
    TEXT_WIDTH,
    UNIT_PLACEHOLDER,
)
from sromod.exports.template_package import LANGUAGE, set_company
from sromod.exports.text_width import text_width_pt
from sromod.resources import resource_path
from sromod.services.minutes import MeetingHeader
from sromod.services.wording import german_date, german_time

log = logging.getLogger(__name__)

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
HEADER_SHADE = "D9D9D9"
TABLE_FONT_HALF_POINTS = "18"
TABLE_FONT_PT = 9
CELL_PADDING_CM = 0.38  # Word's default cell margins, 0.19 cm on either side
# Renderers round and may kern: a word exactly as wide as its cell still broke in LibreOffice.
WORD_SAFETY = 1.05
WIDEST_SHARE = 0.4  # one long URL in a column must not squeeze the others to nothing
NBSP = "\u00a0"
_TOP_NUMBER = re.compile(r"\bTOP (?=\d)")
_BEFORE_EURO = re.compile(r"(?<=\d) (?=€)")
_BREAKS = re.compile(r"[ \t\n]+")  # the no-break space is not among them
__all__ = ["TEXT_WIDTH", "Cm"]


def de_long_date(value: date) -> str:
    """ "Mittwoch, 25.11.2026" """
    return f"{WEEKDAYS[value.weekday()]}, {german_date(value)}"


def time_span(header: MeetingHeader) -> str:
    """ "10:05–12:10 Uhr": the actual times once the meeting ran, the planned ones before."""
    start = german_time(header.actual_start) or german_time(header.planned_start)
    end = german_time(header.actual_end) or german_time(header.planned_end)
    if start and end:
        return f"{start}–{end} Uhr"
    return f"ab {start} Uhr" if start else ""


def typeset(text: str) -> str:
    """German typesetting that keeps "TOP 11.1" and "5.000 €" on one line (no-break spaces)."""
    if "TOP " in text:
        text = _TOP_NUMBER.sub("TOP" + NBSP, text)
    if "€" in text:
        text = _BEFORE_EURO.sub(NBSP, text)
    return text


def document_subject(header: MeetingHeader) -> str:
    """ "Arbeitsgemeinschaft Sozialraumorientierung, 12. Sitzung am 25.11.2026" """
    return f"{header.body_name}, {header.number}. Sitzung am {german_date(header.meeting_date)}"


def new_document(
    header: MeetingHeader, document_title: str, *, draft: bool, author: str | None = None
) -> DocumentObject:
    """A document from the template, letterhead and footer filled, "ENTWURF" kept only for drafts.

    The properties Word shows (and screen readers and PDF converters use): title, subject,
    author (the given person, else the organisational unit), language de-DE, company.
    """
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
    props.subject = document_subject(header)
    props.author = author or header.organisational_unit or header.district
    props.last_modified_by = props.author
    props.language = LANGUAGE
    props.keywords = header.body_short_name
    props.created = props.modified = datetime.now(UTC).replace(tzinfo=None)  # core props: UTC
    set_company(doc, header.district)
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
            paragraph.add_run(typeset(xml_safe(bold_prefix))).bold = True
        if text:
            paragraph.add_run(typeset(xml_safe(text)))
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
        bold_first_column: bool = False,
        min_row_height_cm: float = 0,
    ) -> Table:
        """A table with fixed column widths, a repeating header row and rows that never split.

        The widths given are preferred; a column whose longest word (an office code, "TOP 11.1",
        "Gleichstellungsbeauftragte") would not fit is widened at the cost of columns with room.
        Rows are written as XML directly: python-docx's add_row and row.cells recompute grid
        spans and widths for every cell, which made tables the bulk of an export's time.
        """
        table: Table = self.doc.add_table(rows=0, cols=len(widths_cm))
        tbl = table._tbl
        if borders:
            tbl.tblPr.style = self.style_id["Table Grid"]
        table.autofit = False
        rows = [[typeset(value) for value in row] for row in rows]
        headers = [typeset(value) for value in headers] if headers is not None else None
        widths = [Cm(w) for w in fit_widths(widths_cm, rows, headers, bold_first=bold_first_column)]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        twips = [str(w.twips) for w in widths]
        height = str(Cm(min_row_height_cm).twips) if min_row_height_cm else ""
        if headers is not None:
            _append_row(tbl, headers, twips, header=True)
        for values in rows:
            _append_row(tbl, values, twips, bold_first=bold_first_column, height=height)
        return table


def _longest_word_cm(texts: Iterable[str], *, bold: bool) -> float:
    longest = 0.0
    for text in texts:
        for word in _BREAKS.split(text):
            if word:
                longest = max(longest, text_width_pt(word, TABLE_FONT_PT, bold=bold))
    return longest * 2.54 / 72 * WORD_SAFETY


def fit_widths(
    preferred_cm: Sequence[float],
    rows: Sequence[Sequence[str]],
    headers: Sequence[str] | None = None,
    *,
    bold_first: bool = False,
) -> list[float]:
    """Column widths (cm) with the same total as preferred, each wide enough for its longest word
    where the other columns have room to give."""
    total = sum(preferred_cm)
    needs = []
    for index in range(len(preferred_cm)):
        cells = [row[index] for row in rows if index < len(row)]
        word = _longest_word_cm(cells, bold=bold_first and index == 0)
        if headers is not None and index < len(headers):
            word = max(word, _longest_word_cm([headers[index]], bold=True))
        needs.append(min(word + CELL_PADDING_CM, total * WIDEST_SHARE))
    widths = [max(w, n) for w, n in zip(preferred_cm, needs, strict=True)]
    deficit = sum(widths) - total
    slack = [max(0.0, w - n) for w, n in zip(widths, needs, strict=True)]
    if deficit <= 0 or not any(slack):
        return widths if deficit <= 0 else _shrink_grown(widths, preferred_cm, deficit)
    share = min(1.0, deficit / sum(slack))
    widths = [w - s * share for w, s in zip(widths, slack, strict=True)]
    rest = sum(widths) - total
    return _shrink_grown(widths, preferred_cm, rest) if rest > 1e-9 else widths


def _shrink_grown(widths: list[float], preferred: Sequence[float], excess: float) -> list[float]:
    """Not all words fit: the widened columns give back what the page lacks, in proportion."""
    grown = [max(0.0, w - p) for w, p in zip(widths, preferred, strict=True)]
    factor = excess / sum(grown)
    return [w - g * factor for w, g in zip(widths, grown, strict=True)]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# XML 1.0 cannot hold these; users paste them from other programs (Word's vertical tab, say).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _append_row(
    tbl: Any,
    values: Sequence[str],
    twips: Sequence[str],
    *,
    header: bool = False,
    bold_first: bool = False,
    height: str = "",
) -> None:
    tr = SubElement(tbl, _W + "tr")
    tr_pr = SubElement(tr, _W + "trPr")
    SubElement(tr_pr, _W + "cantSplit")
    if height:
        SubElement(tr_pr, _W + "trHeight", {_W + "val": height, _W + "hRule": "atLeast"})
    if header:
        SubElement(tr_pr, _W + "tblHeader")
    for index, width in enumerate(twips):
        value = values[index] if index < len(values) else ""
        tc = SubElement(tr, _W + "tc")
        tc_pr = SubElement(tc, _W + "tcPr")
        SubElement(tc_pr, _W + "tcW", {_W + "w": width, _W + "type": "dxa"})
        if header:
            SubElement(
                tc_pr,
                _W + "shd",
                {_W + "val": "clear", _W + "color": "auto", _W + "fill": HEADER_SHADE},
            )
        p = SubElement(tc, _W + "p")
        if value:
            _add_run(p, value, bold=header or (bold_first and index == 0))


def _add_run(p: Any, text: str, *, bold: bool) -> None:
    run = SubElement(p, _W + "r")
    r_pr = SubElement(run, _W + "rPr")
    if bold:
        SubElement(r_pr, _W + "b")
    # 9 pt in tables: long German compounds (Gesundheitsförderung) then fit their columns.
    SubElement(r_pr, _W + "sz", {_W + "val": TABLE_FONT_HALF_POINTS})
    SubElement(r_pr, _W + "szCs", {_W + "val": TABLE_FONT_HALF_POINTS})
    for number, line in enumerate(xml_safe(text).split("\n")):
        if number:
            SubElement(run, _W + "br")
        t = SubElement(run, _W + "t")
        t.text = line
        if line[:1].isspace() or line[-1:].isspace():
            t.set(_XML_SPACE, "preserve")


def signature_line(cell: Any) -> None:
    """A line to sign on: the cell's top border."""
    borders = OxmlElement("w:tcBorders")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    cell._tc.get_or_add_tcPr().append(borders)
