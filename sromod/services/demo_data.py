"""Word lists for the demo store: fictional people, the district's bodies and SRO topics.

All people and organisations are invented. Places and streets are real names of the district,
so that the demo reads like the administration's own material.
"""

from __future__ import annotations

from dataclasses import dataclass

from sromod.models import AgendaItemKind, BodyKind

FEMALE_NAMES = (
    "Anna", "Sabine", "Petra", "Katrin", "Claudia", "Julia", "Susanne", "Andrea", "Stefanie",
    "Nicole", "Birgit", "Heike", "Jana", "Sandra", "Monika", "Ute", "Kerstin", "Doreen", "Manuela",
    "Franziska", "Lena", "Marie", "Sophie", "Jördis", "Bärbel", "Özlem", "Ayşe",
)  # fmt: skip
MALE_NAMES = (
    "Jürgen", "Thomas", "Michael", "Andreas", "Frank", "Stefan", "Christian", "Matthias",
    "Torsten", "Uwe", "Ralf", "Sven", "Jörg", "Dirk", "Holger", "Martin", "Tobias", "Florian",
    "Jan", "Lukas", "Björn", "Günter", "René", "Kai", "Maximilian", "Murat",
)  # fmt: skip
FIRST_NAMES = FEMALE_NAMES + MALE_NAMES

# Functions named in one grammatical gender get a fitting first name.
FEMALE_FUNCTIONS = frozenset(
    {
        "Integrationsbeauftragte", "Gleichstellungsbeauftragte", "Referentin für Gleichstellung",
        "Quartiersmanagerin", "Pfarrerin", "Sprecherin", "Stadtteilmutter",
        "Präventionsbeauftragte",
    }
)  # fmt: skip
MALE_FUNCTIONS = frozenset({"Quartiersmanager", "Sprecher", "Kontaktbereichsbeamter", "Jugendwart"})

SURNAMES = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Meier",
    "Lehmann",
    "Köhler",
    "Jäger",
    "Böhm",
    "Günther",
    "Weiß",
    "Groß",
    "Hübner",
    "Kühn",
    "Brückner",
    "Förster",
    "Wöhlert",
    "Pätzold",
    "Lüdtke",
    "Stübner",
    "Mählitz",
    "Jänicke",
    "Rößler",
    "Döring",
    "Fröhlich",
    "Kaya",
    "Yılmaz",
    "Nowak",
    "Kowalski",
    "Nguyen",
    "Petrović",
    "Dąbrowski",
    "Haase",
    "Ziegler",
    "Vogt",
    "Sommer",
    "Fuchs",
]

TITLES = ("", "", "", "", "", "", "Dr. ")

# Functions of staff per office code; the first entry is the head of the office.
OFFICE_FUNCTIONS: dict[str, tuple[str, ...]] = {
    "AfB": ("Amtsleitung", "Sachgebietsleitung Bürgerämter", "Sachbearbeitung"),
    "Jug": (
        "Amtsleitung",
        "Regionale Jugendhilfeplanung",
        "Regionaler Sozialpädagogischer Dienst",
        "Jugendarbeit",
        "Kitaplanung",
    ),
    "Soz": ("Amtsleitung", "Altenhilfekoordination", "Sozialplanung", "Stadtteilarbeit"),
    "WbK": ("Amtsleitung", "Fachbereich Kultur", "Stadtbibliothek", "Volkshochschule"),
    "SchulSport": ("Amtsleitung", "Schulentwicklungsplanung", "Schulwegsicherheit"),
    "Ges": ("Amtsleitung", "Gesundheitsförderung", "Kinder- und Jugendgesundheitsdienst"),
    "StadtEntw": ("Amtsleitung", "Stadtplanung", "Stadterneuerung", "Quartiersentwicklung"),
    "SGA": ("Amtsleitung", "Grünflächenplanung", "Straßenverkehrsbehörde", "Spielplatzplanung"),
    "UmNat": ("Amtsleitung", "Umweltplanung", "Naturschutz"),
    "Ord": ("Amtsleitung", "Allgemeiner Ordnungsdienst", "Gewerbeangelegenheiten"),
    "SPK": (
        "Leitung der Planungskoordination",
        "Sozialraumkoordination",
        "Bezirksregionenkoordination",
        "Datenkoordination",
        "Sachbearbeitung Kiezkasse",
    ),
    "QPK": ("Leitung QPK", "Gesundheitsberichterstattung", "Präventionskoordination"),
    "SD": ("Leitung Steuerungsdienst", "Controlling"),
    "SE FM": ("Leitung Facility Management", "Objektmanagement"),
    "SE Fin": ("Leitung Serviceeinheit Finanzen", "Haushaltsplanung", "Zuwendungsprüfung"),
    "SE Pers": ("Leitung Serviceeinheit Personal", "Personalentwicklung"),
    "WiFö": ("Leitung Wirtschaftsförderung", "Standortmanagement"),
    "Int": ("Integrationsbeauftragte", "Koordination Geflüchtetenhilfe"),
    "Gleich": ("Gleichstellungsbeauftragte", "Referentin für Gleichstellung"),
}

# (organisation, functions, e-mail domain): external partners in the rounds (all invented).
EXTERNAL_ORGS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Quartiersmanagement Allende-Viertel", ("Quartiersmanagerin", "Quartiersmanager"), "qm-av"),
    ("Quartiersmanagement Kosmosviertel", ("Quartiersmanagerin", "Quartiersmanager"), "qm-kv"),
    ("Quartiersmanagement Schöneweide", ("Quartiersmanagerin", "Quartiersmanager"), "qm-sw"),
    ("Nachbarschaftswerk Spree e. V.", ("Geschäftsführung", "Stadtteilarbeit"), "nw-spree"),
    ("Kiezwerkstatt Köpenick gGmbH", ("Projektleitung", "Sozialarbeit"), "kiezwerkstatt"),
    ("Stadtteilzentrum Adlershof", ("Leitung", "Ehrenamtskoordination"), "stz-adlershof"),
    ("Nachbarschaftshaus Alt-Treptow", ("Leitung", "Familienarbeit"), "nbh-treptow"),
    ("Jugendhilfe Dahme e. V.", ("Geschäftsführung", "Leitung Jugendfreizeiteinrichtung"), "jhd"),
    ("Familienzentrum Sonnenblume", ("Leitung", "Elternberatung"), "fz-sonnenblume"),
    ("Grundschule an der Dahme", ("Schulleitung", "Schulsozialarbeit"), "gs-dahme"),
    ("Sekundarschule am Müggelsee", ("Schulleitung", "Schulsozialarbeit"), "iss-mueggel"),
    ("Kita Wolkenschiff", ("Kitaleitung",), "kita-wolkenschiff"),
    ("Polizeiabschnitt 65", ("Präventionsbeauftragte", "Kontaktbereichsbeamter"), "polizei-a65"),
    ("Seniorenvertretung Treptow-Köpenick", ("Vorsitz", "Mitglied"), "seniorenvertretung"),
    ("Bürgerverein Friedrichshagen", ("Vorstand",), "bv-friedrichshagen"),
    ("Stadtteilmütter Treptow-Köpenick", ("Koordination", "Stadtteilmutter"), "stadtteilmuetter"),
    ("Wohnungsbaugesellschaft Spreeblick", ("Sozialmanagement", "Kundenbetreuung"), "spreeblick"),
    ("Sportverein Grün-Weiß Köpenick", ("Vorstand", "Jugendwart"), "gw-koepenick"),
    ("Kirchengemeinde Altglienicke", ("Pfarrerin", "Gemeindepädagogik"), "kg-altglienicke"),
    ("BENN-Team Allende-Viertel", ("Projektleitung", "Integrationsmanagement"), "benn-av"),
    ("BENN-Team Altglienicke", ("Projektleitung", "Integrationsmanagement"), "benn-ag"),
    ("Lokale Agenda 21 Treptow-Köpenick", ("Sprecherin", "Sprecher"), "agenda21"),
)

WEEKDAYS = {"mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4}


@dataclass(frozen=True)
class BodySpec:
    """A body of the demo: its kind, region, rhythm and the topics it talks about."""

    short_name: str
    name: str
    kind: BodyKind
    lor_id: str | None  # Bezirksregion
    place: str
    weekday: str
    start_hour: int
    every_weeks: int  # 0: monthly (second weekday of the month)
    minutes: int
    topics: tuple[str, ...]


_LOCAL = ("schulweg", "spielplatz", "jfe", "kita", "gruen", "verkehr", "senioren", "ordnung")
_DISTRICT = ("brp", "sozialraumdaten", "fein", "kiezkasse", "qm", "schule", "gesundheit")


def _steering(region: str, lor_id: str, place: str, weekday: str) -> BodySpec:
    return BodySpec(
        f"StR {region}",
        f"Steuerungsrunde Bezirksregion {region}",
        BodyKind.STEERING,
        lor_id,
        place,
        weekday,
        14,
        4,
        120,
        (*_LOCAL, "brp", "kiezkasse", "stz", "integration", "beteiligung"),
    )


def _otk(region: str, lor_id: str, place: str) -> BodySpec:
    return BodySpec(
        f"OTK {region}",
        f"Ortsteilkonferenz {region}",
        BodyKind.OTK,
        lor_id,
        place,
        "do",
        17,
        5,
        120,
        (*_LOCAL, "stz", "kultur", "beteiligung", "wirtschaft", "kiezkasse"),
    )


BODIES: tuple[BodySpec, ...] = (
    BodySpec(
        "AG SRO",
        "Arbeitsgemeinschaft Sozialraumorientierung",
        BodyKind.AG_SRO,
        None,
        "Rathaus Köpenick, Alt-Köpenick 21, Raum 136",
        "mi",
        10,
        0,
        150,
        (*_DISTRICT, "jfe", "integration", "gleichstellung", "wirtschaft", "benn", "kultur"),
    ),
    _steering("Alt-Treptow", "091001", "Nachbarschaftshaus Alt-Treptow", "di"),
    _steering("Oberschöneweide", "092005", "Kiezklub Wilhelminenhof", "mi"),
    _steering("Niederschöneweide", "092006", "Rathaus Treptow, Neue Krugallee 4, Raum 210", "do"),
    _steering("Adlershof", "092007", "Stadtteilzentrum Adlershof", "di"),
    _steering("Altglienicke", "093009", "Kiezhaus Altglienicke", "mo"),
    _steering("Allende-Viertel", "094014", "Kiezklub Allende-Viertel", "mi"),
    _steering("Altstadt Köpenick", "094015", "Rathaus Köpenick, Raum 136", "do"),
    _steering("Köpenick Nord", "095020", "Familienzentrum Sonnenblume", "di"),
    _otk("Schöneweide", "092005", "Kiezklub Wilhelminenhof"),
    _otk("Baumschulenweg", "091003", "Stadtteilbibliothek Baumschulenweg"),
    _otk("Johannisthal", "091004", "Kiezladen Johannisthal"),
    _otk("Friedrichshagen", "095017", "Bürgerhaus Friedrichshagen"),
    _otk("Bohnsdorf", "093010", "Gemeindehaus Bohnsdorf"),
    BodySpec(
        "AG Kiezkasse",
        "Arbeitsgruppe Kiezkasse",
        BodyKind.WORKING_GROUP,
        None,
        "Rathaus Köpenick, Raum 136",
        "mo",
        13,
        6,
        90,
        ("kiezkasse", "kiezkasse", "fein", "beteiligung"),
    ),
    BodySpec(
        "AG FEIN",
        "Arbeitsgruppe FEIN – Freiwilliges Engagement in Nachbarschaften",
        BodyKind.WORKING_GROUP,
        None,
        "Rathaus Treptow, Raum 210",
        "do",
        10,
        5,
        90,
        ("fein", "fein", "kiezkasse", "stz", "beteiligung"),
    ),
    BodySpec(
        "BENN Allende-Viertel",
        "BENN-Steuerungsrunde Allende-Viertel",
        BodyKind.WORKING_GROUP,
        "094014",
        "BENN-Büro Allende-Viertel",
        "di",
        10,
        4,
        90,
        ("benn", "integration", "beteiligung", "stz", "kita", "spielplatz"),
    ),
    BodySpec(
        "BENN Altglienicke",
        "BENN-Steuerungsrunde Altglienicke",
        BodyKind.WORKING_GROUP,
        "093009",
        "Kiezhaus Altglienicke",
        "mi",
        14,
        4,
        90,
        ("benn", "integration", "beteiligung", "schule", "gruen"),
    ),
    BodySpec(
        "AG BRP",
        "Arbeitsgruppe Bezirksregionenprofile",
        BodyKind.WORKING_GROUP,
        None,
        "Rathaus Köpenick, Raum 136",
        "fr",
        10,
        6,
        120,
        ("brp", "brp", "sozialraumdaten", "gesundheit"),
    ),
    BodySpec(
        "AG Schulwegsicherheit",
        "Arbeitsgruppe Schulwegsicherheit",
        BodyKind.WORKING_GROUP,
        None,
        "Schul- und Sportamt, Besprechungsraum",
        "mo",
        10,
        6,
        90,
        ("schulweg", "schulweg", "verkehr", "schule"),
    ),
)

# Standing agenda: (title, kind, planned minutes); the marker "*" stands for the substantive TOPs.
STANDING_HEAD = (
    ("Begrüßung und Feststellung der Tagesordnung", AgendaItemKind.FORMAL, 5),
    ("Genehmigung des Protokolls der letzten Sitzung", AgendaItemKind.FORMAL, 5),
    ("Wiedervorlage: Stand der Aufgaben", AgendaItemKind.REVIEW, 20),
)
STANDING_TAIL = (
    ("Verschiedenes", AgendaItemKind.MISC, 10),
    ("Nächster Termin", AgendaItemKind.NEXT_DATE, 5),
)
STANDING_REPORTS: dict[BodyKind, tuple[tuple[str, AgendaItemKind, int], ...]] = {
    BodyKind.AG_SRO: (
        ("Berichte aus den Fachämtern", AgendaItemKind.REPORT, 20),
        ("Berichte aus den Bezirksregionen", AgendaItemKind.REPORT, 15),
    ),
    BodyKind.STEERING: (("Aktuelles aus der Bezirksregion", AgendaItemKind.REPORT, 15),),
    BodyKind.OTK: (("Berichte der Träger und Initiativen", AgendaItemKind.REPORT, 20),),
    BodyKind.WORKING_GROUP: (("Sachstand der Vorhaben", AgendaItemKind.REPORT, 15),),
}

STREETS = (
    "Dörpfeldstraße", "Wilhelminenhofstraße", "Bölschestraße", "Puchanstraße",
    "Salvador-Allende-Straße", "Schnellerstraße", "Baumschulenstraße", "Köpenicker Landstraße",
    "Ostendorfstraße", "Rudower Straße", "Venusstraße", "Grünauer Straße", "Brückenstraße",
    "Mahlsdorfer Straße", "Schönefelder Chaussee", "Plesser Straße", "Kiefholzstraße",
    "Lindenstraße", "Friedrichshagener Straße", "Müggelheimer Straße",
)  # fmt: skip
SCHOOLS = (
    "Grundschule an der Dahme", "Grundschule am Wuhlepark", "Sekundarschule am Müggelsee",
    "Grundschule Am Kosmosviertel", "Gemeinschaftsschule Schöneweide", "Grundschule Spreeufer",
)  # fmt: skip
YOUTH_CLUBS = (
    "JFE Würfel", "JFE Kosmonaut", "JFE Spreeufer", "JFE Sonne", "JFE Wuhlekiste", "JFE Leuchtturm",
)  # fmt: skip
PARKS = (
    "Mandrellaplatz", "Wuhleufer", "Volkspark Wuhlheide", "Platz des 23. April",
    "Uferweg an der Spree", "Marktplatz Adlershof",
)  # fmt: skip
QM_AREAS = ("Allende-Viertel", "Kosmosviertel", "Schöneweide", "Dammvorstadt")
MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
