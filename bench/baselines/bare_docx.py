"""Bare minutes baseline: python-docx alone writing the same paragraphs and tables.

The content is read back from the document sromod wrote (untimed), so the baseline writes exactly
the same text, the same headings and the same tables with the same rows and cells, in the same
order, into python-docx's default template. Only :func:`write_bare` is timed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml.etree import _Element


@dataclass(frozen=True)
class Block:
    """A paragraph (rows is None) or a table (rows holds each row's cell texts)."""

    text: str = ""
    heading: int = 0  # 0: body text, else the heading level
    rows: tuple[tuple[str, ...], ...] | None = None


def read_content(path: Path) -> list[Block]:
    """The body of a .docx as blocks, in document order."""
    document = docx.Document(str(path))
    styles = {s.style_id: s.name or "" for s in document.styles}
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            blocks.append(Block(text=_text(child), heading=_heading(child, styles)))
        elif child.tag == qn("w:tbl"):
            rows = tuple(
                tuple(_text(tc) for tc in tr.iterchildren(qn("w:tc")))
                for tr in child.iterchildren(qn("w:tr"))
            )
            blocks.append(Block(rows=rows))
    return blocks


def _text(element: _Element) -> str:
    paragraphs = element.iter(qn("w:p"))
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs)


def _heading(paragraph: _Element, styles: dict[str, str]) -> int:
    style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    if style is None:
        return 0
    name = styles.get(style.get(qn("w:val")), "")
    match = re.match(r"(?:Heading|Überschrift|Title|Titel)\s*(\d?)", name)
    if not match:
        return 0
    return int(match.group(1) or 1)


def write_bare(blocks: list[Block], target: Path) -> None:
    """What a bare python-docx script would do with the same content."""
    document = docx.Document()
    for block in blocks:
        if block.rows is None:
            if block.heading:
                document.add_heading(block.text, level=min(block.heading, 9))
            else:
                document.add_paragraph(block.text)
            continue
        columns = max((len(r) for r in block.rows), default=1)
        table = document.add_table(rows=len(block.rows), cols=columns)
        table.style = "Table Grid"
        for row, values in zip(table.rows, block.rows, strict=True):
            for cell, value in zip(row.cells, values, strict=False):  # row.cells once per row
                cell.text = value
    document.save(str(target))


def count(blocks: list[Block]) -> tuple[int, int, int]:
    """Paragraphs, tables and table rows: printed so that both sides can be seen to match."""
    tables = [b for b in blocks if b.rows is not None]
    return len(blocks) - len(tables), len(tables), sum(len(b.rows or ()) for b in tables)
