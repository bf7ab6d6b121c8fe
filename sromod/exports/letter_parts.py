"""Parts the letters (invitation, Absage) and the minutes' footer share: date line, contact,
attachments, closing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from sromod.exports.docx_common import DocWriter, xml_safe
from sromod.services.letters import ContactPerson, ListedAttachment
from sromod.services.minutes import MeetingHeader
from sromod.services.wording import attachment_line, german_date


def letter_date(w: DocWriter, on: date) -> None:
    """ "Berlin, 29.11.2026" at the right margin above the salutation (the title stays first, for
    screen readers and the document outline)."""
    line = w.para(f"Berlin, {german_date(on)}")
    line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    line.paragraph_format.space_before = Pt(12)


def contact_lines(contact: ContactPerson) -> list[str]:
    """Name, office and function; phone and e-mail only where the person consented."""
    lines = [contact.name]
    where = ", ".join(part for part in (contact.function, contact.office) if part)
    if where:
        lines.append(where)
    if contact.phone:
        lines.append(f"Telefon: {contact.phone}")
    if contact.email:
        lines.append(f"E-Mail: {contact.email}")
    return lines


def contact_block(w: DocWriter, contact: ContactPerson | None) -> None:
    if contact is None:
        return
    w.para("Ansprechperson", "Kennzeichnung")
    lines = contact_lines(contact)
    paragraph = w.para()
    for number, line in enumerate(lines):
        run = paragraph.add_run(xml_safe(line))
        if number < len(lines) - 1:
            run.add_break()


def attachment_block(w: DocWriter, attachments: Sequence[ListedAttachment]) -> None:
    """ "Anlagen" with "Anlage 1: … (zu TOP 4)" per attachment, or "keine"."""
    w.para("Anlagen", "Kennzeichnung")
    if not attachments:
        w.para("keine")
        return
    for number, a in enumerate(attachments, start=1):
        w.para(attachment_line(a.title, a.top_number), bold_prefix=f"Anlage {number}: ")


def closing(w: DocWriter, h: MeetingHeader) -> None:
    w.para("Mit freundlichen Grüßen").paragraph_format.space_before = Pt(12)
    w.para(h.moderator or "")
    w.para(h.organisational_unit)
