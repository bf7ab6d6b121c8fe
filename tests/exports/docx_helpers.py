"""Reading exported Word files back the way a reader sees them: sections under headings."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

HEADINGS = ("Heading 1", "Heading 2")
NBSP = "\u00a0"


def plain(text: str) -> str:
    """Text as a reader compares it: the no-break spaces ("TOP 11.1", "5 €") as spaces."""
    return text.replace(NBSP, " ")


def style_name(paragraph: Paragraph) -> str:
    """The name of the paragraph's style ("" when it has none)."""
    style = paragraph.style
    return style.name or "" if style is not None else ""


def open_docx(path: Path) -> DocumentObject:
    return Document(str(path))


def table_rows(table: Table) -> list[list[str]]:
    return [[plain(cell.text) for cell in row.cells] for row in table.rows]


def sections(doc: DocumentObject) -> dict[str, list[Paragraph | Table]]:
    """The body's blocks grouped under the heading that precedes them."""
    found: dict[str, list[Paragraph | Table]] = {"": []}
    current = ""
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph) and style_name(block) in HEADINGS:
            current = plain(block.text)
            found[current] = []
            continue
        found[current].append(block)
    return found


def section_text(blocks: list[Paragraph | Table]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(plain(block.text))
        else:
            parts.extend(" | ".join(row) for row in table_rows(block))
    return "\n".join(parts)


def tables_in(blocks: list[Paragraph | Table]) -> list[Table]:
    return [b for b in blocks if isinstance(b, Table)]


def header_text(doc: DocumentObject) -> str:
    return "\n".join(p.text for p in doc.sections[0].header.paragraphs)


def field_instructions(doc: DocumentObject) -> list[str]:
    footer = doc.sections[0].footer._element
    simple = [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))]
    complex_ = [t.text for t in footer.iter(qn("w:instrText"))]
    return [i.strip() for i in simple + complex_ if i]


def row_flags(table: Table) -> list[tuple[bool, bool]]:
    """Per row: (repeats as header, must not split)."""
    flags = []
    for row in table.rows:
        tr_pr = row._tr.trPr
        header = tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
        cant_split = tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
        flags.append((header, cant_split))
    return flags
