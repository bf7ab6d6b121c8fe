"""SRO topics for the demo store: TOP titles, results, decisions and tasks in German.

Placeholders: {region} {year} {prev_year} {next_year} {street} {school} {jfe} {park} {qm}
{amount} {month} {office}. They are filled by `sromod.services.demo`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    key: str
    offices: tuple[str, ...]  # office codes that take on tasks
    titles: tuple[str, ...]
    subitems: tuple[str, ...]
    results: tuple[str, ...]
    decisions: tuple[str, ...]
    tasks: tuple[str, ...]
    regions: tuple[str, ...] = ()  # Bezirksregionen the topic is limited to


TOPICS: dict[str, Topic] = {
    t.key: t
    for t in (
        Topic(
            "brp",
            ("SPK", "StadtEntw", "Jug"),
            (
                "Bezirksregionenprofil {region}: Fortschreibung {year}",
                "Bezirksregionenprofil {region}: Handlungsbedarfe und Ziele",
            ),
            ("Vorstellung der Sozialraumdaten", "Beteiligung der Fachämter", "Zeitplan"),
            (
                "Die SPK stellt den Entwurf des Bezirksregionenprofils {region} vor.",
                "Als Handlungsschwerpunkte werden Bildung, Wohnumfeld und Gesundheit benannt.",
                "Die Fachämter liefern ihre Beiträge bis Ende {month}.",
            ),
            (
                "Der Entwurf des Bezirksregionenprofils {region} wird zustimmend zur Kenntnis "
                "genommen.",
                "Die Handlungsbedarfe für {region} werden in das Bezirksregionenprofil {year} "
                "übernommen.",
            ),
            (
                "Stellungnahme zum Bezirksregionenprofil {region} abgeben",
                "Kapitel Bildung und Jugend im Bezirksregionenprofil {region} überarbeiten",
                "Endfassung des Bezirksregionenprofils {region} veröffentlichen",
            ),
        ),
        Topic(
            "kiezkasse",
            ("SPK", "SE Fin"),
            (
                "Kiezkasse {year}: Vergabe der Mittel in {region}",
                "Kiezkasse: Abrechnung der Projekte {prev_year}",
            ),
            ("Vorstellung der Anträge", "Abstimmung über die Anträge"),
            (
                "Für {region} liegen elf Anträge vor; die Mittel von {amount} € reichen für acht.",
                "Die Kiezkassen-Versammlung hat die Vorschläge mit großer Mehrheit bestätigt.",
                "Zwei Verwendungsnachweise aus {prev_year} stehen noch aus.",
            ),
            (
                "Die Kiezkassenmittel {year} für {region} werden wie vorgeschlagen vergeben.",
                "Die Frist für Verwendungsnachweise der Kiezkasse wird auf den 31. {month} gesetzt.",
            ),
            (
                "Verwendungsnachweise der Kiezkasse {prev_year} anfordern",
                "Termin der Kiezkassen-Versammlung in {region} bekanntmachen",
                "Auszahlung der Kiezkassenmittel für {region} veranlassen",
            ),
        ),
        Topic(
            "schulweg",
            ("SGA", "SchulSport", "Ord"),
            ("Schulwegsicherheit an der {school}", "Schulwegplan {region}"),
            ("Ergebnisse der Elternbefragung", "Verkehrsschau vor Ort"),
            (
                "Eltern der {school} berichten von gefährlichen Querungen in der {street}.",
                "Die Straßenverkehrsbehörde prüft einen Fußgängerüberweg.",
                "Die Schülerlotsen sollen ab {month} eingesetzt werden.",
            ),
            (
                "Die AG empfiehlt eine Tempo-30-Regelung in der {street} vor der {school}.",
                "Der Schulwegplan {region} wird beschlossen und an die Schulen verteilt.",
            ),
            (
                "Querungshilfe in der {street} prüfen",
                "Verkehrsschau mit Polizei und Straßenverkehrsbehörde vereinbaren",
                "Schulwegplan für die {school} aktualisieren",
            ),
        ),
        Topic(
            "spielplatz",
            ("SGA", "Jug"),
            ("Spielplatzsanierung {street}", "Spielplatz am {park}: Beteiligung der Kinder"),
            ("Kostenschätzung", "Ergebnisse der Kinderbeteiligung"),
            (
                "Das Straßen- und Grünflächenamt stellt die Planung für den Spielplatz vor.",
                "Die Sanierung kostet rund {amount} €; Baubeginn ist im {month} geplant.",
                "Die Kinder wünschen sich eine Wasserspielanlage und mehr Schatten.",
            ),
            ("Die Spielplatzsanierung {street} wird mit Priorität 1 empfohlen.",),
            (
                "Beteiligung von Kindern zur Spielplatzgestaltung {street} organisieren",
                "Kostenschätzung für die Spielplatzsanierung {street} vorlegen",
                "Sperrung des Spielplatzes am {park} ausschildern",
            ),
        ),
        Topic(
            "jfe",
            ("Jug", "SE FM"),
            (
                "Jugendfreizeiteinrichtung {jfe}: Übergabe an das Jugendamt",
                "{jfe}: Öffnungszeiten und Angebote",
            ),
            ("Stand der Bauarbeiten", "Personal und Träger"),
            (
                "Die Übergabe der {jfe} an das Jugendamt ist für {month} {year} vorgesehen.",
                "Der Träger meldet steigende Besucherzahlen, vor allem am Wochenende.",
                "Die Mängel am Gebäude sind der SE Facility Management gemeldet.",
            ),
            (
                "Die Übergabe der Jugendfreizeiteinrichtung {jfe} an das Jugendamt wird "
                "vereinbart.",
                "Die Öffnungszeiten der {jfe} werden um den Samstag erweitert.",
            ),
            (
                "Übergabe der Jugendfreizeiteinrichtung {jfe} an das Jugendamt vorbereiten",
                "Mängelliste für das Gebäude der {jfe} an die SE FM geben",
                "Angebote der {jfe} im Kiez bekanntmachen",
            ),
        ),
        Topic(
            "sozialraumdaten",
            ("SPK", "QPK"),
            (
                "Sozialraumdaten {year}: Monitoring Soziale Stadtentwicklung",
                "Kleinräumige Daten zur Kinderarmut in {region}",
            ),
            ("Ergebnisse für den Bezirk", "Auffällige Planungsräume"),
            (
                "Die Datenkoordination stellt die Sozialraumdaten {year} vor.",
                "{region} weist beim Status-Index eine Verschlechterung auf.",
                "Der Anteil der Kinder in Bedarfsgemeinschaften ist leicht gesunken.",
            ),
            ("Die Sozialraumdaten {year} werden zur Kenntnis genommen.",),
            (
                "Sozialraumdaten {year} den Fachämtern zur Verfügung stellen",
                "Kartenmaterial zu {region} für die Steuerungsrunde aufbereiten",
            ),
        ),
        Topic(
            "fein",
            ("SPK", "StadtEntw", "SE Fin"),
            (
                "FEIN-Mittel {year}: Projektvorschläge aus {region}",
                "FEIN: Stand der Projekte {year}",
            ),
            ("Projektvorschläge", "Mittelabfluss"),
            (
                "Für FEIN stehen {year} insgesamt {amount} € zur Verfügung.",
                "Der Mittelabfluss liegt im Plan; zwei Projekte verzögern sich.",
                "Die Ehrenamtlichen in {region} werden bei der Antragstellung unterstützt.",
            ),
            ("Die FEIN-Projekte für {region} werden zur Förderung empfohlen.",),
            (
                "FEIN-Anträge aus {region} auf Förderfähigkeit prüfen",
                "Mittelabruf FEIN {year} bei der Senatsverwaltung stellen",
            ),
        ),
        Topic(
            "qm",
            ("StadtEntw", "SPK"),
            (
                "Quartiersmanagement {qm}: Verstetigung",
                "Quartiersmanagement {qm}: Integriertes Handlungskonzept {year}",
            ),
            ("Bericht des Quartiersmanagements", "Verstetigungsstrategie"),
            (
                "Das Quartiersmanagement {qm} berichtet über die Projekte des Quartiersfonds.",
                "Für die Verstetigung werden Ankerstrukturen im Kiez gesucht.",
                "Der Quartiersrat hat das Handlungskonzept bestätigt.",
            ),
            ("Die Verstetigungsstrategie für das Quartiersmanagement {qm} wird beschlossen.",),
            (
                "Ankerstrukturen für die Verstetigung im Gebiet {qm} benennen",
                "Handlungskonzept {qm} mit den Fachämtern abstimmen",
            ),
        ),
        Topic(
            "kita",
            ("Jug",),
            ("Kitaplatzversorgung in {region}",),
            (),
            (
                "In {region} fehlen rechnerisch rund 120 Kitaplätze.",
                "Ein Träger plant eine neue Kita in der {street}.",
            ),
            ("Die Kitaplatzversorgung in {region} wird als vordringlich eingestuft.",),
            ("Standortsuche für eine Kita in {region} unterstützen",),
        ),
        Topic(
            "schule",
            ("SchulSport",),
            (
                "Schulentwicklungsplanung: Schulneubau in {region}",
                "Ganztagsbetreuung an der {school}",
            ),
            ("Standort und Zeitplan", "Nutzung der Sporthalle durch Vereine"),
            (
                "Der Schulneubau in {region} verzögert sich um ein Jahr.",
                "Die Sporthalle der {school} soll abends für Vereine geöffnet werden.",
            ),
            ("Die Öffnung der Schulhöfe in {region} am Nachmittag wird empfohlen.",),
            (
                "Nutzungsvereinbarung für den Schulhof der {school} vorbereiten",
                "Zeitplan des Schulneubaus in {region} vorstellen",
            ),
        ),
        Topic(
            "gesundheit",
            ("Ges", "QPK"),
            ("Präventionskette {region}: Gesundheitsförderung im Kiez",),
            ("Bewegungsangebote für Familien",),
            (
                "Die Präventionskette {region} hat drei neue Partner gewonnen.",
                "Die Einschulungsuntersuchungen zeigen Handlungsbedarf bei der Zahngesundheit.",
            ),
            ("Die Präventionskette wird auf {region} ausgeweitet.",),
            ("Bewegungsangebote für Familien in {region} bündeln",),
        ),
        Topic(
            "senioren",
            ("Soz",),
            ("Seniorenarbeit in {region}: Begegnungsstätte",),
            (),
            (
                "Die Begegnungsstätte in {region} ist gut besucht, der Raum reicht nicht mehr.",
                "Die Seniorenvertretung wünscht mehr Sitzbänke in der {street}.",
            ),
            ("Die Seniorenvertretung wird an der Planung der Begegnungsstätte beteiligt.",),
            ("Weitere Räume für die Seniorenbegegnung in {region} suchen",),
        ),
        Topic(
            "integration",
            ("Int", "Soz"),
            ("Unterkunft für Geflüchtete {street}: Einbindung in den Kiez",),
            ("Bericht der Unterkunftsleitung",),
            (
                "In der Unterkunft leben derzeit 240 Menschen, davon 90 Kinder.",
                "Die Nachbarschaft hat ein Willkommensfest organisiert.",
            ),
            ("Die Unterkunft {street} wird in die Steuerungsrunde eingebunden.",),
            ("Sprachkursangebote in der Nähe der Unterkunft {street} zusammenstellen",),
        ),
        Topic(
            "gruen",
            ("SGA", "UmNat"),
            ("Pflege der Grünanlage {park}", "Baumpflanzungen in {region}"),
            (),
            (
                "Die Pflege am {park} wird ab {month} an eine Fachfirma vergeben.",
                "Es werden 40 Straßenbäume in {region} nachgepflanzt.",
            ),
            ("Die Baumpatenschaften in {region} werden unterstützt.",),
            ("Pflegeplan für den {park} vorlegen", "Baumpaten in {region} gewinnen"),
        ),
        Topic(
            "verkehr",
            ("SGA", "Ord"),
            ("Verkehrsberuhigung in der {street}",),
            ("Verkehrszählung",),
            (
                "Die Verkehrszählung in der {street} bestätigt hohe Geschwindigkeiten.",
                "Die Anwohnenden fordern Poller an der Einmündung.",
            ),
            ("Für die {street} wird eine Verkehrsberuhigung empfohlen.",),
            ("Geschwindigkeitskontrollen in der {street} anregen",),
        ),
        Topic(
            "beteiligung",
            ("SPK", "StadtEntw"),
            ("Bürgerbeteiligung: Kiezspaziergang {region}",),
            (),
            (
                "Am Kiezspaziergang in {region} nahmen rund 60 Menschen teil.",
                "Die Hinweise werden in das Bezirksregionenprofil übernommen.",
            ),
            ("Der nächste Kiezspaziergang in {region} findet im {month} statt.",),
            ("Ergebnisse des Kiezspaziergangs {region} dokumentieren",),
        ),
        Topic(
            "stz",
            ("Soz", "Jug"),
            ("Stadtteilzentrum {region}: Förderung {next_year}",),
            ("Jahresbericht", "Finanzierung"),
            (
                "Das Stadtteilzentrum legt den Jahresbericht {prev_year} vor.",
                "Die Förderung für {next_year} ist mit {amount} € angemeldet.",
            ),
            ("Die Weiterförderung des Stadtteilzentrums {region} wird empfohlen.",),
            ("Zuwendungsbescheid für das Stadtteilzentrum {region} vorbereiten",),
        ),
        Topic(
            "kultur",
            ("WbK",),
            ("Stadtteilbibliothek {region}: Öffnung am Sonntag",),
            (),
            (
                "Die Sonntagsöffnung wird gut angenommen, vor allem von Familien.",
                "Die Volkshochschule bietet Kurse in der Bibliothek an.",
            ),
            ("Die Sonntagsöffnung der Stadtteilbibliothek {region} wird fortgesetzt.",),
            ("Veranstaltungsprogramm der Stadtteilbibliothek {region} abstimmen",),
        ),
        Topic(
            "ordnung",
            ("Ord", "UmNat"),
            ("Vermüllung am {park}", "Aktionstag Sauberer Kiez in {region}"),
            (),
            (
                "Das Ordnungsamt hat die Kontrollen am {park} verstärkt.",
                "Für den Aktionstag haben sich 14 Initiativen angemeldet.",
            ),
            ("Der Aktionstag Sauberer Kiez {region} wird gemeinsam durchgeführt.",),
            ("Zusätzliche Papierkörbe am {park} aufstellen", "Sperrmüllaktion in {region} planen"),
        ),
        Topic(
            "gleichstellung",
            ("Gleich",),
            ("Sichere Wege für Frauen und Mädchen in {region}",),
            (),
            (
                "Die Gleichstellungsbeauftragte stellt die Ergebnisse des Sicherheitsaudits vor.",
                "Dunkle Wegeabschnitte in der {street} sollen besser beleuchtet werden.",
            ),
            ("Die Ergebnisse des Sicherheitsaudits werden den Fachämtern empfohlen.",),
            ("Beleuchtung der Wege in der {street} prüfen",),
        ),
        Topic(
            "wirtschaft",
            ("WiFö",),
            ("Leerstand von Gewerbeflächen in {region}",),
            (),
            (
                "In der {street} stehen sieben Ladenlokale leer.",
                "Die Wirtschaftsförderung bietet eine Zwischennutzung für Kreative an.",
            ),
            ("Eine Zwischennutzung der Ladenlokale in der {street} wird unterstützt.",),
            ("Eigentümer der leerstehenden Ladenlokale in der {street} ansprechen",),
        ),
        Topic(
            "benn",
            ("Soz", "StadtEntw", "Int"),
            ("BENN {region}: Jahresplanung {year}", "BENN {region}: Nachbarschaftsdialog"),
            ("Rückblick", "Planung der Aktivitäten"),
            (
                "Das BENN-Team berichtet über den Nachbarschaftsdialog in {region}.",
                "Die Sprachcafés werden von Alt- und Neu-Nachbarn gut besucht.",
            ),
            ("Die Jahresplanung {year} des BENN-Teams {region} wird bestätigt.",),
            ("Räume für das Sprachcafé in {region} sichern",),
            ("Allende-Viertel", "Altglienicke"),
        ),
    )
}

REPORT_TASKS = (
    "Bericht zu {region} schriftlich nachreichen",
    "Ansprechperson für {region} benennen",
    "Informationen zum Kiezfest in {region} weitergeben",
    "Termin mit {office} vereinbaren",
)
# Follow-ups that fit any TOP; {top} is the TOP's title.
TOP_TASKS = (
    "Zwischenstand zu „{top}“ an die SPK melden",
    "Ansprechperson für „{top}“ benennen",
    "Unterlagen zu „{top}“ an die Mitglieder versenden",
    "Kosten für „{top}“ ermitteln",
    "Termin zu „{top}“ mit den Trägern vereinbaren",
    "Presseinformation zu „{top}“ abstimmen",
)
REPORT_RESULTS = (
    "{office} berichtet zum aktuellen Stand; Rückfragen werden direkt beantwortet.",
    "Die Berichte werden zur Kenntnis genommen.",
    "{office} weist auf die Haushaltssperre hin; neue Vorhaben sind derzeit nicht möglich.",
    "Aus {region} wird über eine gelungene Nachbarschaftsveranstaltung berichtet.",
)
GENERIC_RESULTS = (
    "Die Mitglieder regen eine stärkere Beteiligung der Träger an.",
    "Das Thema wird in der nächsten Sitzung erneut aufgerufen.",
    "{office} sagt eine schriftliche Stellungnahme bis Ende {month} zu.",
    "Die Finanzierung in Höhe von {amount} € ist gesichert.",
    "Für {region} wird ein erhöhter Handlungsbedarf festgestellt.",
)
MISC_RESULTS = (
    "Keine weiteren Punkte.",
    "{office} lädt zum Kiezfest in {region} im {month} ein.",
    "Hinweis auf die Fortbildung zur Sozialraumorientierung im {month}.",
)
TASK_DETAILS = (
    "Ergebnis bitte per E-Mail an die SPK.",
    "In Abstimmung mit {office}.",
    "Bericht in der nächsten Sitzung.",
    "Kosten und Zeitplan bitte mit angeben.",
)
REVIEW_NOTES = (
    "Sachstand berichtet, läuft.",
    "Zuarbeit von {office} steht noch aus.",
    "Termin mit den Beteiligten ist vereinbart.",
    "Wird bis zur nächsten Sitzung abgeschlossen.",
)
STATUS_NOTES = {
    "in_bearbeitung": ("Bearbeitung begonnen.", "Abstimmung mit {office} läuft."),
    "erledigt": ("Erledigt, Ergebnis liegt vor.", "Abgeschlossen; siehe Protokoll."),
    "zurueckgestellt": ("Zurückgestellt wegen fehlender Haushaltsmittel.", "Ruht bis {month}."),
    "entfaellt": ("Entfällt, durch Beschluss überholt.", "Entfällt nach Prüfung der Altfälle."),
    "offen": ("Wieder aufgenommen.",),
}
