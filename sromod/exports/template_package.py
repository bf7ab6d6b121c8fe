"""Turns python-docx's default package into a current, German Word document package.

python-docx starts from a Word 2010 template made on a Mac: English (en-US) language, Word 2010
compatibility mode, a blank thumbnail as the file preview, a Calibri/Cambria theme, 160 styles and
leftovers (customXml, stylesWithEffects). Word shows such files in compatibility mode and checks
German spelling as English. This module rewrites those parts the way German Word 365 writes them.
"""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

LANGUAGE = "de-DE"
THEME_FONT = "Arial"
APPLICATION = "sromod"

# Built-in styles the documents use, with the ids German Word gives them. Their names stay
# Word's built-in names ("heading 1"), which German Word shows as "Überschrift 1"; renaming
# them would make them custom styles that Word's navigation and accessibility do not know.
GERMAN_STYLE_IDS = {
    "Normal": "Standard",
    "DefaultParagraphFont": "Absatz-Standardschriftart",
    "TableNormal": "NormaleTabelle",
    "NoList": "KeineListe",
    "Title": "Titel",
    "Subtitle": "Untertitel",
    "Heading1": "berschrift1",
    "Heading2": "berschrift2",
    "Heading3": "berschrift3",
    "Header": "Kopfzeile",
    "Footer": "Fuzeile",
    "TableGrid": "Tabellenraster",
}
STYLE_REFERENCES = ("w:basedOn", "w:next", "w:pStyle", "w:rStyle", "w:tblStyle")
# Word 2013 and later ("15"); the other settings are what a new Word 365 document carries.
COMPAT_SETTINGS = (
    ("compatibilityMode", "15"),
    ("overrideTableStyleFontSizeAndJustification", "1"),
    ("enableOpenTypeFeatures", "1"),
    ("doNotFlipMirrorIndents", "1"),
    ("differentiateMultirowTableHeaders", "1"),
)
_LEFTOVER_RELS = (
    RT.CUSTOM_XML,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)
_AFTER_RPR = (qn("w:tblPr"), qn("w:trPr"), qn("w:tcPr"), qn("w:tblStylePr"))
_FONT_TABLE = (
    f"<w:fonts {nsdecls('w')}>"
    '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/>'
    '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/>'
    '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    "</w:fonts>"
)


def app_properties(company: str = "") -> bytes:
    """docProps/app.xml: the writing application, nothing stale (pages, words, Mac Word 2010)."""
    company_xml = f"<Company>{_escape(company)}</Company>" if company else "<Company/>"
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>{APPLICATION}"
        f"</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>{company_xml}"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def set_company(doc: DocumentObject, company: str) -> None:
    """The district as the document's company (Datei → Informationen → Firma)."""
    for rel in doc.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app_properties(company)


def modernise(doc: DocumentObject) -> None:
    """Everything this module's docstring promises, applied to a document built from the default."""
    package_rels = doc.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # blank: Word writes a real preview when it saves
            package_rels.pop(r_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app_properties()
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype in _LEFTOVER_RELS:
            doc.part.rels.pop(r_id)
        elif rel.reltype == RT.THEME:
            rel.target_part._blob = _theme_with_font(rel.target_part.blob)
        elif rel.reltype == RT.FONT_TABLE:
            rel.target_part._blob = _FONT_TABLE.encode()
    _settings(doc.settings.element)
    _styles(doc.styles.element)
    _german_style_ids(doc)


def _theme_with_font(blob: bytes) -> bytes:
    text = blob.decode("utf-8")
    text = re.sub(r'<a:latin typeface="[^"]*"', f'<a:latin typeface="{THEME_FONT}"', text)
    return text.encode("utf-8")


def _settings(settings: Any) -> None:
    for tag in ("w:proofState", "w:rsids", "w:compat", "w:zoom"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    # proofState "clean" told Word the text was already checked; without it Word checks German.
    settings.insert(0, parse_xml(f'<w:zoom {nsdecls("w")} w:percent="100"/>'))
    compat = parse_xml(f"<w:compat {nsdecls('w')}/>")
    for name, value in COMPAT_SETTINGS:
        compat.append(
            parse_xml(
                f'<w:compatSetting {nsdecls("w")} w:name="{name}" '
                f'w:uri="http://schemas.microsoft.com/office/word" w:val="{value}"/>'
            )
        )
    settings.find(qn("m:mathPr")).addprevious(compat)  # the schema's order: Word is strict
    settings.find(qn("w:themeFontLang")).attrib.update(
        {qn("w:val"): LANGUAGE, qn("w:eastAsia"): "en-US"}
    )
    settings.find(qn("w:decimalSymbol")).set(qn("w:val"), ",")
    settings.find(qn("w:listSeparator")).set(qn("w:val"), ";")


def _lang(r_pr: Any) -> None:
    for old in r_pr.findall(qn("w:lang")):
        r_pr.remove(old)
    lang = parse_xml(
        f'<w:lang {nsdecls("w")} w:val="{LANGUAGE}" w:eastAsia="en-US" w:bidi="ar-SA"/>'
    )
    # w:lang comes late in rPr's sequence; only the East Asian layout and effects follow it.
    later = [
        c for c in r_pr if c.tag in (qn("w:eastAsianLayout"), qn("w:specVanish"), qn("w:oMath"))
    ]
    if later:
        later[0].addprevious(lang)
    else:
        r_pr.append(lang)


def _styles(styles: Any) -> None:
    """Keep the styles in use, German in every one, and drop the theme-coloured leftovers."""
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _lang(defaults)
    keep = set(GERMAN_STYLE_IDS)
    for style in styles.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        if style.get(qn("w:customStyle")) != "1" and style_id not in keep:
            styles.remove(style)
            continue
        if style_id.endswith("Char"):  # linked character styles of the removed defaults
            styles.remove(style)
            continue
        for tag in ("w:link", "w:rsid"):
            for element in style.findall(qn(tag)):
                style.remove(element)
        if style.get(qn("w:type")) in ("paragraph", "character", "table"):
            _lang(_style_rpr(style))


def _style_rpr(style: Any) -> Any:
    r_pr = style.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        # rPr follows pPr and precedes tblPr in a style's sequence.
        following = [c for c in style if c.tag in _AFTER_RPR]
        if following:
            following[0].addprevious(r_pr)
        else:
            style.append(r_pr)
    return r_pr


def _german_style_ids(doc: DocumentObject) -> None:
    roots = [doc.styles.element, doc.element]
    for section in doc.sections:
        roots += [section.header._element, section.footer._element]
    for style in doc.styles.element.findall(qn("w:style")):
        new = GERMAN_STYLE_IDS.get(style.get(qn("w:styleId")))
        if new:
            style.set(qn("w:styleId"), new)
    for root in roots:
        for tag in STYLE_REFERENCES:
            for element in root.iter(qn(tag)):
                new = GERMAN_STYLE_IDS.get(element.get(qn("w:val")))
                if new:
                    element.set(qn("w:val"), new)
