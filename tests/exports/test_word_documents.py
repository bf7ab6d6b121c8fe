"""Every Word document sromod writes is a current, German, accessible Word file.

Read back per document kind: language de-DE in the defaults and in every style, Word 2013+ mode
(no compatibility mode), headings in order, header rows marked as headers, the properties Word
shows (title, subject, author, language, dates) and no leftovers of python-docx's template.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from sromod.exports import api
from sromod.exports.docx_common import fit_widths
from sromod.exports.text_width import text_width_pt
from sromod.store import Store
from tests.exports.conftest import Sample
from tests.exports.docx_helpers import open_docx, style_name, table_rows

Writer = Callable[[Store, Sample, Path], Path]

KINDS: dict[str, Writer] = {
    "minutes": lambda store, s, out: api.export_minutes(store, s.meeting_id, out),
    "excerpt": lambda store, s, out: api.export_excerpt(store, s.meeting_id, s.jug_id, out),
    "invitation": lambda store, s, out: api.export_invitation(store, s.meeting_id, out),
    "attendance": lambda store, s, out: api.export_attendance_list(store, s.meeting_id, out),
}


def _xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


def _names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


@pytest.fixture(params=sorted(KINDS))
def document(request: pytest.FixtureRequest, store: Store, sample: Sample, tmp_path: Path) -> Path:
    return KINDS[request.param](store, sample, tmp_path / f"{request.param}.docx")


def test_language_is_german_in_defaults_every_style_and_settings(document: Path) -> None:
    styles = _xml(document, "word/styles.xml")
    default = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S)
    assert default is not None and '<w:lang w:val="de-DE"' in default.group(0)
    every = re.findall(
        r'<w:style w:type="(?:paragraph|character|table)".*?</w:style>', styles, re.S
    )
    assert len(every) >= 10
    assert all('<w:lang w:val="de-DE"' in style for style in every)
    for part in ("word/styles.xml", "word/settings.xml", "word/document.xml"):
        assert 'en-US" w:eastAsia' not in _xml(document, part).replace('w:val="de-DE" ', "")
        assert 'w:val="en-US"' not in _xml(document, part)
    assert '<w:themeFontLang w:val="de-DE"' in _xml(document, "word/settings.xml")


def test_word_opens_it_in_the_current_format_not_compatibility_mode(document: Path) -> None:
    settings = _xml(document, "word/settings.xml")
    modes = re.findall(r'w:name="compatibilityMode"[^>]*w:val="(\d+)"', settings)
    assert modes == ["15"]
    assert "w:proofState" not in settings  # Word checks the German spelling itself
    names = _names(document)
    assert "docProps/thumbnail.jpeg" not in names  # the blank preview
    assert not [n for n in names if n.startswith("customXml") or "stylesWithEffects" in n]
    assert "<Application>sromod</Application>" in _xml(document, "docProps/app.xml")
    assert "Macintosh" not in _xml(document, "docProps/app.xml")
    theme = _xml(document, "word/theme/theme1.xml")
    assert set(re.findall(r'<a:latin typeface="([^"]*)"', theme)) == {"Arial"}


def test_styles_carry_german_ids_and_word_names(document: Path) -> None:
    styles = _xml(document, "word/styles.xml")
    assert 'w:styleId="berschrift1"><w:name w:val="heading 1"/>' in styles
    assert 'w:styleId="Standard"><w:name w:val="Normal"/>' in styles
    assert 'w:styleId="Tabellenraster"' in styles
    assert styles.count("<w:style ") < 25  # not python-docx's 160 unused styles


def test_headings_are_in_order_and_header_rows_are_marked(document: Path) -> None:
    doc = open_docx(document)
    levels = [
        int(style_name(p).rsplit(" ", 1)[1])
        for p in doc.paragraphs
        if style_name(p).startswith("Heading")
    ]
    previous = 0
    for level in levels:
        assert level <= previous + 1, levels
        previous = level
    assert style_name(doc.paragraphs[0]) == "Title"
    for table in doc.tables:
        flags = [row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows]
        # A table either has a marked header row first and only there, or none (key-value rows).
        assert not any(flags[1:])
        first = table_rows(table)[0]
        if first[0] in ("TOP", "Nr.", "Name"):
            assert flags[0], first


def test_properties_title_subject_author_language_dates(document: Path) -> None:
    props = open_docx(document).core_properties
    assert "12. Sitzung" in props.title and "AG SRO" in props.title
    assert props.subject == "Arbeitsgemeinschaft Sozialraumorientierung, 12. Sitzung am 25.11.2026"
    assert props.author in ("Bernd Kurz", "Anna Berger")  # minute taker / moderator
    assert props.language == "de-DE"
    now = datetime.now(UTC)
    assert props.created is not None and abs(props.created.replace(tzinfo=UTC) - now) < timedelta(
        minutes=5
    )
    assert props.modified == props.created
    assert "<Company>Bezirksamt Treptow-Köpenick von Berlin</Company>" in _xml(
        document, "docProps/app.xml"
    )


def test_minutes_author_is_the_minute_taker_and_letters_the_moderator(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    minutes = open_docx(KINDS["minutes"](store, sample, tmp_path / "p.docx"))
    invitation = open_docx(KINDS["invitation"](store, sample, tmp_path / "e.docx"))
    assert minutes.core_properties.author == "Bernd Kurz"
    assert invitation.core_properties.author == "Anna Berger"


def _cm(text: str, *, bold: bool = False) -> float:
    return text_width_pt(text, 9, bold=bold) * 2.54 / 72


def test_narrow_columns_are_widened_to_their_longest_word() -> None:
    rows = [
        ["TOP\u00a011.1", "Gleichstellungsbeauftragte", "StadtEntw"],
        ["TOP\u00a01", "Amtsleitung", "Jug"],
    ]
    widths = fit_widths((1.2, 3.0, 12.3), rows)
    assert sum(widths) == pytest.approx(16.5)
    assert widths[0] >= _cm("TOP\u00a011.1") * 1.05 + 0.38
    assert widths[1] >= _cm("Gleichstellungsbeauftragte") * 1.05 + 0.38
    # Enough room: the wide column is left as it was apart from what it gave.
    assert widths[2] < 12.3
    # Words that cannot all fit: the table keeps the page width.
    crowded = fit_widths((1.0, 1.0), [["Gleichstellungsbeauftragte", "Gleichstellungsbeauftragte"]])
    assert sum(crowded) == pytest.approx(2.0)


def test_top_numbers_and_amounts_never_break_in_the_document(
    store: Store, sample: Sample, tmp_path: Path
) -> None:
    path = KINDS["minutes"](store, sample, tmp_path / "p.docx")
    xml = _xml(path, "word/document.xml")
    assert "TOP\u00a03.1" in xml and "TOP 3.1" not in xml
    doc = open_docx(path)
    agenda = next(t for t in doc.tables if table_rows(t)[0][0] == "TOP")
    width = agenda.columns[0].width
    assert width is not None and width.cm >= _cm("TOP\u00a03.1") + 0.38


def test_amounts_keep_the_euro_sign_with_the_number() -> None:
    from sromod.exports.docx_common import typeset

    assert typeset("Zuschuss 5.000 € und TOP 11.1") == "Zuschuss 5.000\u00a0€ und TOP\u00a011.1"
    assert typeset("STOP 3") == "STOP 3"
