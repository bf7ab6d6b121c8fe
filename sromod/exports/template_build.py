"""Builds the Word template `resources/templates/protokoll.docx` that every document starts from.

Run `python -m sromod.exports.template_build` after changing it and commit the generated file. The
template holds what staff would otherwise fix by hand: A4 margins, Arial styles, the letterhead in
the page header, an "ENTWURF" line the exporter removes once the minutes are released, and a footer
with real PAGE and NUMPAGES fields (python-docx has no API for fields, so the XML is written here).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from sromod.exports.template_package import LANGUAGE, modernise

TEMPLATE_NAME = "protokoll.docx"
# Placeholders the exporter fills in the header and footer.
UNIT_PLACEHOLDER = "{organisationseinheit}"
DISTRICT_PLACEHOLDER = "{bezirksamt}"
DOCUMENT_PLACEHOLDER = "{dokument}"
DRAFT_TEXT = "ENTWURF"
DRAFT_STYLE = "Entwurf"

FONT = "Arial"
TEMPLATE_DATE = datetime(2026, 11, 29)
BLACK = RGBColor(0, 0, 0)
TEXT_WIDTH = Cm(21.0 - 2.5 - 2.0)


def _font(style: ParagraphStyle, size: float, *, bold: bool = False) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = BLACK
    # Complex-script and East-Asian slots too, and no theme fonts, or Word falls back to Calibri.
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(attr), None)


def _spacing(style: ParagraphStyle, before: float, after: float, keep: bool = False) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    fmt.keep_with_next = keep


def _styles(doc: DocumentObject) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, 10)
    _spacing(normal, 0, 0)
    for name, size, before, after in (
        ("Title", 15, 0, 4),
        ("Subtitle", 11, 0, 10),
        ("Heading 1", 12, 14, 4),
        ("Heading 2", 11, 10, 4),
        ("Heading 3", 10, 8, 2),
    ):
        style = styles[name]
        _font(style, size, bold=name != "Subtitle")
        _spacing(style, before, after, keep=True)
        style.font.italic = False
        # The default template draws a rule under the title: minutes do without.
        ppr = style.element.get_or_add_pPr()
        for border in ppr.xpath("w:pBdr"):
            ppr.remove(border)
        rpr = style.element.get_or_add_rPr()
        for spacing in rpr.xpath("w:spacing"):  # letter-spaced subtitle
            rpr.remove(spacing)
    body = styles.add_style("Fließtext", WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    _spacing(body, 0, 6)
    label = styles.add_style("Kennzeichnung", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = normal
    _spacing(label, 6, 2, keep=True)
    label.font.bold = True
    draft = styles.add_style(DRAFT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    draft.base_style = normal
    _font(draft, 14, bold=True)
    draft.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    draft.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for name in ("Header", "Footer"):
        style = styles[name]
        _font(style, 8.5)
        # The default tab stops suit US Letter; one right stop at the A4 text edge instead.
        ppr = style.element.get_or_add_pPr()
        for tabs in ppr.xpath("w:tabs"):
            ppr.remove(tabs)
        style.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES): Word and LibreOffice compute it on every page."""
    paragraph._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} \\* MERGEFORMAT ">'
            f"<w:r><w:t>{shown}</w:t></w:r></w:fldSimple>"
        )
    )


def _bottom_rule(paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="4" '
            'w:color="808080"/></w:pBdr>'
        )
    )


def _header_footer(doc: DocumentObject) -> None:
    section = doc.sections[0]
    header = section.header
    district = header.paragraphs[0]
    district.text = DISTRICT_PLACEHOLDER
    district.runs[0].bold = True
    unit = header.add_paragraph(UNIT_PLACEHOLDER, style="Header")
    _bottom_rule(unit)
    draft = header.add_paragraph(DRAFT_TEXT, style=DRAFT_STYLE)
    draft.paragraph_format.space_before = Pt(4)

    footer = section.footer.paragraphs[0]
    footer.add_run(f"{DOCUMENT_PLACEHOLDER}\tSeite ")
    _field(footer, "PAGE", "1")
    footer._p.append(footer.add_run(" von ")._r)
    _field(footer, "NUMPAGES", "1")


def build_template(target: Path) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(3.2), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    _styles(doc)
    _header_footer(doc)
    modernise(doc)
    props = doc.core_properties
    props.author = "sromod"
    props.title = "Vorlage für Protokolle, Einladungen und Anwesenheitslisten"
    props.comments = ""
    props.language = LANGUAGE
    props.created = props.modified = TEMPLATE_DATE
    doc.save(str(target))
    return target


def main() -> int:
    root = Path(__file__).resolve().parents[2]
    target = root / "resources" / "templates" / TEMPLATE_NAME
    print(build_template(target))
    return 0


if __name__ == "__main__":
    sys.exit(main())
