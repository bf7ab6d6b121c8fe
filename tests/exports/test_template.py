"""The committed Word template is what template_build makes of it, and holds what exports need."""

from __future__ import annotations

import zipfile
from pathlib import Path

from sromod.exports.template_build import (
    DISTRICT_PLACEHOLDER,
    DOCUMENT_PLACEHOLDER,
    DRAFT_TEXT,
    TEMPLATE_NAME,
    UNIT_PLACEHOLDER,
    build_template,
)
from sromod.resources import resource_path

PARTS = ("word/styles.xml", "word/document.xml")


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n in PARTS or "header" in n or "footer" in n]
        return {n: archive.read(n).decode("utf-8") for n in names if n.endswith(".xml")}


def test_committed_template_matches_a_fresh_build(tmp_path: Path) -> None:
    committed = _parts(resource_path("templates", TEMPLATE_NAME))
    fresh = _parts(build_template(tmp_path / TEMPLATE_NAME))
    assert committed == fresh, "resources/templates/protokoll.docx neu bauen: template_build"


def test_template_has_letterhead_placeholders_draft_line_and_page_fields() -> None:
    parts = _parts(resource_path("templates", TEMPLATE_NAME))
    headers = "".join(v for k, v in parts.items() if "header" in k)
    footers = "".join(v for k, v in parts.items() if "footer" in k)
    for text in (DISTRICT_PLACEHOLDER, UNIT_PLACEHOLDER, DRAFT_TEXT):
        assert text in headers
    assert DOCUMENT_PLACEHOLDER in footers
    assert 'w:instr=" PAGE ' in footers and 'w:instr=" NUMPAGES ' in footers
    assert 'w:w="11906"' in parts["word/document.xml"]  # A4 width in twentieths of a point
