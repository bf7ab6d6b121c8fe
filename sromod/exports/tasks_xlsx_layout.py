"""How a task sheet looks and prints: the note row, the marked header, protection, print setup.

An office lead reads the list on paper and edits three columns in Excel. So the sheet says which
columns are read back (green header, a note row, a comment on each such header), locks the others
by sheet protection without a password (a lead who needs to can lift it in one click; the import
then still reports edits it does not take), and prints the columns a lead needs at a readable
size: the first `PRINTED_COLUMNS` columns, fitted to the page width only, wrapped, with grid
lines, the header repeated on every page and "Seite n von m" in the footer.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.protection import SheetProtection

from sromod.services.task_export import TASK_FIELDS
from sromod.services.wording import german_datetime

EDITABLE_FIELDS = ("due_date", "status", "remark")
EDITABLE_INDEXES = tuple(TASK_FIELDS.index(f) for f in EDITABLE_FIELDS)
# Nr., Aufgabe, Amt, Person, Fällig am, Status, Überfällig, Bemerkung: what a lead reads on paper.
PRINTED_COLUMNS = TASK_FIELDS.index("remark") + 1
HEADER_ROW = 2  # the note row above says which columns are read back
FIRST_DATA_ROW = HEADER_ROW + 1
NOTE = (
    "Bearbeitbar sind nur die grün markierten Spalten „Status“, „Fällig am“ und „Bemerkung“; "
    "sie werden in sromod eingelesen. Die übrigen Spalten sind geschützt."
)
EDITABLE_COMMENT = "Bearbeitbar: wird beim Einlesen der Liste in sromod übernommen."
UNLOCKED = Protection(locked=False)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
HEADER_FILL = PatternFill(fill_type="solid", start_color="D9D9D9", end_color="D9D9D9")
EDITABLE_FILL = PatternFill(fill_type="solid", start_color="C6E0B4", end_color="C6E0B4")
HEADER_FONT = Font(name="Calibri", bold=True)
NOTE_FONT = Font(name="Calibri", italic=True, size=10)


def header_cells(ws: Any, titles: tuple[str, ...]) -> list[Any]:
    """The header row: bold, grey, the editable columns green with a comment saying so."""
    cells = []
    for index, text in enumerate(titles):
        cell = WriteOnlyCell(ws, text)
        cell.font = HEADER_FONT
        cell.alignment = WRAP
        if index in EDITABLE_INDEXES:
            cell.fill = EDITABLE_FILL
            cell.comment = Comment(EDITABLE_COMMENT, "sromod", height=60, width=220)
        else:
            cell.fill = HEADER_FILL
        cells.append(cell)
    return cells


def note_cell(ws: Any) -> Any:
    cell = WriteOnlyCell(ws, NOTE)
    cell.font = NOTE_FONT
    return cell


def set_up_sheet(ws: Any, widths: tuple[int, ...], header: str, footer: str) -> None:
    """Column widths and styles, frozen header, protection and the page setup of a task sheet."""
    for index, width in enumerate(widths):
        dimension = ws.column_dimensions[get_column_letter(index + 1)]
        dimension.width = width
        if index < PRINTED_COLUMNS:
            dimension.alignment = WRAP
        if index in EDITABLE_INDEXES:
            # Cells never written (an empty remark) take the column's style: unlocked as well.
            dimension.protection = UNLOCKED
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    # No password: the lock says what is read back, it is not a security measure. Filtering,
    # sorting and widening columns stay allowed (False = not protected).
    ws.protection = SheetProtection(
        sheet=True, autoFilter=False, sort=False, formatColumns=False, formatRows=False
    )
    _page_setup(ws, header, footer)


def _page_setup(ws: Any, header: str, footer: str) -> None:
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages as the list needs
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.7, bottom=0.7, header=0.3, footer=0.3)
    ws.oddHeader.left.text = header
    ws.oddHeader.left.size = 9
    ws.oddFooter.left.text = footer
    ws.oddFooter.left.size = 9
    ws.oddFooter.right.text = "Seite &P von &N"
    ws.oddFooter.right.size = 9


LINE_HEIGHT = 15  # points per line of 11 pt Calibri, Excel's default row height
MAX_ROW_HEIGHT = 409  # Excel's limit
CHARACTERS_PER_WIDTH = 1.1  # German text in Calibri: a little more than one per width unit


def line_count(text: str, width: int) -> int:
    """About how many lines a text wraps to in a column of this width (rather more than fewer)."""
    per_line = max(1, int(width * CHARACTERS_PER_WIDTH))
    return sum(max(1, -(-len(part) // per_line)) for part in text.splitlines() or [""])


def print_area(rows: int) -> str:
    """The printed range: the note, the header and the rows, in the columns a lead reads."""
    return f"A1:{get_column_letter(PRINTED_COLUMNS)}{HEADER_ROW + rows}"


def header_text(text: str) -> str:
    """Text for a page header or footer: "&" starts a field code there, "&&" prints one."""
    return text.replace("&", "&&")


def set_properties(wb: Any, author: str, filter_text: str, exported_at: datetime) -> None:
    """Title, subject, author and language of the file (Explorer, Outlook and screen readers)."""
    props = wb.properties
    props.title = "Aufgabenliste"
    props.subject = f"Aufgaben – {filter_text}" if filter_text else "Aufgaben"
    props.creator = author or "sromod"
    props.lastModifiedBy = author or "sromod"
    props.language = "de-DE"
    props.keywords = "Aufgaben; Wiedervorlage; SRO"
    props.description = (
        f"Aufgabenliste, Stand {german_datetime(exported_at)} Uhr. Bearbeitbar: Status, Fällig am, "
        "Bemerkung."
    )
