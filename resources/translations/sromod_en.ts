<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name></name>
    <message>
        <source>Protokollauszug</source>
        <translation>Minutes excerpt</translation>
    </message>
    <message>
        <source>Für welches Amt?</source>
        <translation>For which office?</translation>
    </message>
    <message>
        <source>Absage</source>
        <translation>Cancellation</translation>
    </message>
    <message>
        <source>Grund der Absage (freiwillig, erscheint im Schreiben):</source>
        <translation>Reason for the cancellation (optional, appears in the letter):</translation>
    </message>
    <message>
        <source>Export fertig</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>Die Datei wurde gespeichert:
%1</source>
        <translation>The file has been saved:
%1</translation>
    </message>
    <message>
        <source>Datei öffnen</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Die Datei konnte nicht geschrieben werden: %1.</source>
        <translation>The file could not be written: %1.</translation>
    </message>
    <message>
        <source>Der Export ist fehlgeschlagen; Einzelheiten stehen im Protokoll.</source>
        <translation>The export failed; details are in the log file.</translation>
    </message>
    <message>
        <source>Mit Register verbinden</source>
        <translation>Connect to register</translation>
    </message>
    <message>
        <source>Verbindung zu %1 wird hergestellt …</source>
        <translation>Connecting to %1 …</translation>
    </message>
    <message>
        <source>Verbindung zu %1 auf %2 wird hergestellt …</source>
        <translation>Connecting to %1 on %2 …</translation>
    </message>
    <message>
        <source>Register nicht verbunden</source>
        <translation>Register not connected</translation>
    </message>
    <message>
        <source>Sie können stattdessen eine Datenbank auf diesem Rechner öffnen.</source>
        <translation>You can open a database on this computer instead.</translation>
    </message>
    <message>
        <source>Datenbank nicht geöffnet</source>
        <translation>Database not opened</translation>
    </message>
    <message>
        <source>Sie können eine andere Datenbank öffnen oder sich mit einem Register verbinden.</source>
        <translation>You can open another database or connect to a register.</translation>
    </message>
    <message>
        <source>„%1“ öffnen</source>
        <translation>Open “%1”</translation>
    </message>
    <message>
        <source>Datenbankdatei &amp;wählen…</source>
        <translation>&amp;Choose database file…</translation>
    </message>
    <message>
        <source>&amp;Erneut verbinden…</source>
        <translation>Connect &amp;again…</translation>
    </message>
    <message>
        <source>Mit Register &amp;verbinden…</source>
        <translation>&amp;Connect to register…</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export abgebrochen; es wurde keine Datei geschrieben.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Die Sitzung wurde abgesagt; dafür gibt es kein Protokoll. Exportieren Sie stattdessen die Absage (Sitzung → Exportieren → Absage).</source>
        <translation>The meeting was cancelled, so it has no minutes. Export the cancellation letter instead (Meeting → Export → Cancellation).</translation>
    </message>
    <message>
        <source>Eine Absage gibt es nur für eine abgesagte Sitzung.</source>
        <translation>A cancellation letter is only for a cancelled meeting.</translation>
    </message>
    <message>
        <source>1 Aufgabe, %2</source>
        <translation>1 task, %2</translation>
    </message>
    <message>
        <source>%1 Aufgaben, %2</source>
        <translation>%1 tasks, %2</translation>
    </message>
    <message>
        <source>Aufgabenliste wird geschrieben …</source>
        <translation>Writing the task list …</translation>
    </message>
    <message>
        <source>Der Vorgang ist fehlgeschlagen; Einzelheiten stehen im Protokoll.</source>
        <translation>The operation failed; details are in the log.</translation>
    </message>
    <message>
        <source>tägliche Sicherung</source>
        <translation>daily backup</translation>
    </message>
    <message>
        <source>vor einer Aktualisierung</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <source>vor einer Wiederherstellung</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>nach einer Anonymisierung</source>
        <translation>after an anonymisation</translation>
    </message>
    <message>
        <source>• und %1 weitere</source>
        <translation>• and %1 more</translation>
    </message>
    <message>
        <source>Diese Sicherungen enthalten noch den alten Namen und die Kontaktdaten (%1):</source>
        <translation>These backups still hold the old name and contact details (%1):</translation>
    </message>
    <message>
        <source>Durch eine neue Sicherung ersetzen? Die aufgeführten Sicherungen werden gelöscht; ein früherer Stand lässt sich danach nicht mehr wiederherstellen. Sicherungen, die Sie selbst an anderer Stelle abgelegt haben, kennt sromod nicht.</source>
        <translation>Replace them with a new backup? The backups listed will be deleted; an earlier state can no longer be restored afterwards. Backups you have stored elsewhere yourself are unknown to sromod.</translation>
    </message>
    <message>
        <source>Ältere Sicherungen ersetzen</source>
        <translation>Replace older backups</translation>
    </message>
    <message>
        <source>Der Abgleich ist fehlgeschlagen; Einzelheiten stehen im Protokoll. Es wurde nichts Halbes gespeichert.</source>
        <translation>The sync failed; the log has the details. Nothing half-done was saved.</translation>
    </message>
    <message>
        <source>Wird abgebrochen …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fällig am</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Bemerkung</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Einzelheiten</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Notizen</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Ergebnis</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Amt</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Register-Nr.</source>
        <translation>Register no.</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Sitzung</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>TOP</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Beschluss</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Anwesenheit</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Gremium</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Mitgliedschaft</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>Anlage</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Wiedervorlage</source>
        <translation>Follow-up review</translation>
    </message>
    <message>
        <source>Eintrag im Aufgabenverlauf</source>
        <translation>Entry in a task&apos;s history</translation>
    </message>
    <message>
        <source>Feld: %1</source>
        <translation>Field: %1</translation>
    </message>
    <message>
        <source>im Register gelöscht, hier geändert</source>
        <translation>deleted in the register, changed here</translation>
    </message>
    <message>
        <source>hier gelöscht, im Register geändert</source>
        <translation>deleted here, changed in the register</translation>
    </message>
    <message>
        <source>doppelt: das Register hat schon einen solchen Eintrag</source>
        <translation>duplicate: the register already has such an entry</translation>
    </message>
    <message>
        <source>vom Register abgelehnt</source>
        <translation>refused by the register</translation>
    </message>
    <message>
        <source>(ganzer Eintrag)</source>
        <translation>(whole entry)</translation>
    </message>
    <message>
        <source>geändert von %1 am %2</source>
        <translation>changed by %1 on %2</translation>
    </message>
    <message>
        <source>geändert von %1</source>
        <translation>changed by %1</translation>
    </message>
    <message>
        <source>geändert am %1</source>
        <translation>changed on %1</translation>
    </message>
    <message>
        <source>wann und von wem: unbekannt</source>
        <translation>when and by whom: unknown</translation>
    </message>
    <message>
        <source>geändert (ganzer Eintrag)</source>
        <translation>changed (whole entry)</translation>
    </message>
    <message>
        <source>gelöscht</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>Abgleich abgeschlossen.</source>
        <translation>Sync finished.</translation>
    </message>
    <message>
        <source>Neu nummeriert (die Nummer war im Register vergeben): %1 → %2</source>
        <translation>Renumbered (the number was taken in the register): %1 → %2</translation>
    </message>
    <message>
        <source>Einträge ins Register geschrieben: %1; aus dem Register geholt: %2.</source>
        <translation>Entries written to the register: %1; fetched from the register: %2.</translation>
    </message>
    <message>
        <source>Zusammengeführt (hier und im Register in verschiedenen Feldern geändert): %1.</source>
        <translation>Merged (changed here and in the register in different fields): %1.</translation>
    </message>
    <message>
        <source>Konflikte: %1. Bis zu Ihrer Entscheidung gilt die Fassung des Registers; Ihre ist aufbewahrt.</source>
        <translation>Conflicts: %1. Until you decide, the register&apos;s version stands; yours is kept.</translation>
    </message>
    <message>
        <source>Im Register gerade von anderen geändert (der nächste Abgleich führt sie zusammen): %1.</source>
        <translation>Just changed by others in the register (the next sync merges them): %1.</translation>
    </message>
    <message>
        <source>Das Änderungsprotokoll des Registers war seit Ihrem letzten Abgleich gekürzt; die Replik wurde deshalb ganz mit dem Register verglichen. Ihre eigenen Änderungen sind erhalten und wurden ins Register geschrieben.</source>
        <translation>The register&apos;s change log was trimmed since your last sync, so the replica was compared with the whole register. Your own changes were kept and written to the register.</translation>
    </message>
    <message>
        <source>Zurückgegeben: %1.</source>
        <translation>Returned: %1.</translation>
    </message>
    <message>
        <source>Für die Sitzung mitgenommen: %1 (bis zum nächsten Abgleich ändert sie im Register niemand sonst).</source>
        <translation>Taken along for the meeting: %1 (nobody else changes it in the register until the next sync).</translation>
    </message>
    <message>
        <source>Mit dem Register abgleichen</source>
        <translation>Sync with the register</translation>
    </message>
    <message>
        <source>Abgleich mit dem Register läuft …</source>
        <translation>Syncing with the register …</translation>
    </message>
    <message>
        <source>Abgebrochen: ohne Passwort wurde nicht abgeglichen; die Replik ist unverändert.</source>
        <translation>Cancelled: without a password nothing was synced; the replica is unchanged.</translation>
    </message>
    <message>
        <source>Abgebrochen. Was schon abgeglichen war, bleibt es; der nächste Abgleich schließt den Rest ab.</source>
        <translation>Cancelled. What was already synced stays so; the next sync completes the rest.</translation>
    </message>
    <message>
        <source>Es ist keine Datenbank geöffnet.</source>
        <translation>No database is open.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>Über sromod</source>
        <translation>About sromod</translation>
    </message>
    <message>
        <source>&lt;h2&gt;sromod {version}&lt;/h2&gt;&lt;p&gt;Moderation der AG SRO und lokaler Steuerungsrunden: Tagesordnung, Anwesenheit, Beschlüsse, Aufgaben, Protokolle – ohne Netz.&lt;/p&gt;&lt;p&gt;Lizenz: Europäische Union Public Licence {licence}&lt;/p&gt;&lt;p&gt;&lt;small&gt;Python {python}, Qt {qt}&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;sromod {version}&lt;/h2&gt;&lt;p&gt;Chairing the AG SRO and local steering groups: agenda, attendance, decisions, tasks, minutes – entirely offline.&lt;/p&gt;&lt;p&gt;Licence: European Union Public Licence {licence}&lt;/p&gt;&lt;p&gt;&lt;small&gt;Python {python}, Qt {qt}&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Datenbank:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Sicherungen:</source>
        <translation>Backups:</translation>
    </message>
    <message>
        <source>Protokolldatei:</source>
        <translation>Log file:</translation>
    </message>
    <message>
        <source>Ordner öffnen</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Den Ordner im Dateimanager zeigen</source>
        <translation>Show the folder in the file manager</translation>
    </message>
    <message>
        <source>Ordner öffnen: %1</source>
        <translation>Open folder: %1</translation>
    </message>
</context>
<context>
    <name>AccessLabel</name>
    <message>
        <source>Anmeldung und Rechte</source>
        <translation>Login and rights</translation>
    </message>
    <message>
        <source>Angemeldet als %1 (Koordination)</source>
        <translation>Logged in as %1 (coordination)</translation>
    </message>
    <message>
        <source>Angemeldet als %1 (Amt %2): Sie ändern Status, Fälligkeit und Bemerkung der Aufgaben Ihres Amtes</source>
        <translation>Logged in as %1 (office %2): you change status, due date and remark of your office&apos;s tasks</translation>
    </message>
    <message>
        <source>Angemeldet als %1: nur lesen</source>
        <translation>Logged in as %1: read only</translation>
    </message>
</context>
<context>
    <name>AgendaDetails</name>
    <message>
        <source>Angaben zum gewählten TOP</source>
        <translation>Details of the selected agenda item</translation>
    </message>
    <message>
        <source>Offene Aufgaben nachtragen</source>
        <translation>Add open tasks</translation>
    </message>
    <message>
        <source>Aufgaben, die seit der Planung offen sind, in die Wiedervorlage übernehmen</source>
        <translation>Add tasks that have become open since planning to the follow-up review</translation>
    </message>
    <message>
        <source>Kein TOP gewählt.</source>
        <translation>No agenda item selected.</translation>
    </message>
    <message>
        <source>Keine offenen Aufgaben zur Wiedervorlage.</source>
        <translation>No open tasks for follow-up review.</translation>
    </message>
    <message>
        <source>1 Aufgabe zur Wiedervorlage:</source>
        <translation>1 task for follow-up review:</translation>
    </message>
    <message>
        <source>%1 Aufgaben zur Wiedervorlage:</source>
        <translation>%1 tasks for follow-up review:</translation>
    </message>
    <message>
        <source>, bis %1</source>
        <translation>, due %1</translation>
    </message>
    <message>
        <source> – überfällig</source>
        <translation> – overdue</translation>
    </message>
    <message>
        <source>… und %1 weitere</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>1 Aufgabe in die Wiedervorlage übernommen.</source>
        <translation>1 task added to the follow-up review.</translation>
    </message>
    <message>
        <source>%1 Aufgaben in die Wiedervorlage übernommen.</source>
        <translation>%1 tasks added to the follow-up review.</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <source>Zeitplan der Tagesordnung</source>
        <translation>Agenda timetable</translation>
    </message>
    <message>
        <source>Tagesordnung</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Neuen TOP anlegen</source>
        <translation>Create a new agenda item</translation>
    </message>
    <message>
        <source>Unterpunkt zum gewählten TOP anlegen</source>
        <translation>Create a sub-item under the selected agenda item</translation>
    </message>
    <message>
        <source>Gewählten TOP bearbeiten</source>
        <translation>Edit the selected agenda item</translation>
    </message>
    <message>
        <source>Gewählten TOP löschen</source>
        <translation>Delete the selected agenda item</translation>
    </message>
    <message>
        <source>TOP nach oben</source>
        <translation>Move agenda item up</translation>
    </message>
    <message>
        <source>TOP nach unten</source>
        <translation>Move agenda item down</translation>
    </message>
    <message>
        <source>Zum Unterpunkt des TOP darüber machen</source>
        <translation>Make it a sub-item of the agenda item above</translation>
    </message>
    <message>
        <source>Unterpunkt zu eigenem TOP machen</source>
        <translation>Make the sub-item an agenda item of its own</translation>
    </message>
    <message>
        <source>&amp;Neuer TOP…</source>
        <translation>&amp;New agenda item…</translation>
    </message>
    <message>
        <source>Einzelheiten des TOPs</source>
        <translation>Details of the item</translation>
    </message>
    <message>
        <source>Tagesordnung (in der Liste)</source>
        <translation>Agenda (in the list)</translation>
    </message>
    <message>
        <source>Unter&amp;punkt…</source>
        <translation>Su&amp;b-item…</translation>
    </message>
    <message>
        <source>Bea&amp;rbeiten…</source>
        <translation>Ed&amp;it…</translation>
    </message>
    <message>
        <source>Lösch&amp;en</source>
        <translation>De&amp;lete</translation>
    </message>
    <message>
        <source>▲ Nach &amp;oben</source>
        <translation>▲ Move &amp;up</translation>
    </message>
    <message>
        <source>▼ Nach &amp;unten</source>
        <translation>▼ Move do&amp;wn</translation>
    </message>
    <message>
        <source>→ Einrüc&amp;ken</source>
        <translation>→ Inden&amp;t</translation>
    </message>
    <message>
        <source>← Ausrü&amp;cken</source>
        <translation>← Out&amp;dent</translation>
    </message>
    <message>
        <source>Schnell hin&amp;zufügen:</source>
        <translation>&amp;Quick add:</translation>
    </message>
    <message>
        <source>Titel des neuen TOP, dann Eingabetaste</source>
        <translation>Title of the new agenda item, then Enter</translation>
    </message>
    <message>
        <source>Titel des neuen TOP</source>
        <translation>Title of the new agenda item</translation>
    </message>
    <message>
        <source> Min.</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Geplante Minuten des neuen TOP</source>
        <translation>Planned minutes for the new agenda item</translation>
    </message>
    <message>
        <source>Hinzufügen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>TOP mit diesem Titel hinten anfügen</source>
        <translation>Append an agenda item with this title</translation>
    </message>
    <message>
        <source>Geplant: %1 Minuten für 1 TOP</source>
        <translation>Planned: %1 minutes for 1 agenda item</translation>
    </message>
    <message>
        <source>Geplant: %1 Minuten für %2 TOPs</source>
        <translation>Planned: %1 minutes for %2 agenda items</translation>
    </message>
    <message>
        <source> · %1–%2 Uhr</source>
        <translation> · %1–%2</translation>
    </message>
    <message>
        <source>%1 Minuten über dem geplanten Ende (%2 Uhr)</source>
        <translation>%1 minutes past the planned end (%2)</translation>
    </message>
    <message>
        <source>%1 Minuten Puffer bis zum geplanten Ende (%2 Uhr)</source>
        <translation>%1 minutes to spare before the planned end (%2)</translation>
    </message>
    <message>
        <source>Achtung: %1 liegt nach dem angekündigten Ende; die Einladung nennt diese Zeit.</source>
        <translation>Warning: %1 falls after the announced end; the invitation shows this time.</translation>
    </message>
    <message>
        <source>Achtung: %1 liegen nach dem angekündigten Ende; die Einladung nennt diese Zeiten.</source>
        <translation>Warning: %1 fall after the announced end; the invitation shows these times.</translation>
    </message>
    <message>
        <source>TOP „%1“ hinzufügen</source>
        <translation>Add agenda item “%1”</translation>
    </message>
    <message>
        <source>TOP %1 bearbeiten</source>
        <translation>Edit agenda item %1</translation>
    </message>
    <message>
        <source>TOP %1 löschen</source>
        <translation>Delete agenda item %1</translation>
    </message>
    <message>
        <source>TOP gelöscht – Rückgängig mit Strg+Z.</source>
        <translation>Agenda item deleted – undo with Ctrl+Z.</translation>
    </message>
    <message>
        <source>TOP %1 verschieben</source>
        <translation>Move agenda item %1</translation>
    </message>
    <message>
        <source>TOP %1 einrücken</source>
        <translation>Indent agenda item %1</translation>
    </message>
    <message>
        <source>TOP %1 ausrücken</source>
        <translation>Outdent agenda item %1</translation>
    </message>
    <message>
        <source>TOP ändern</source>
        <translation>Change agenda item</translation>
    </message>
    <message>
        <source>TOP verschieben</source>
        <translation>Move agenda item</translation>
    </message>
</context>
<context>
    <name>AgendaItemDialog</name>
    <message>
        <source>Neuer TOP</source>
        <translation>New agenda item</translation>
    </message>
    <message>
        <source>TOP bearbeiten</source>
        <translation>Edit agenda item</translation>
    </message>
    <message>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Art:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source> Minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>&amp;Geplante Dauer:</source>
        <translation>&amp;Planned duration:</translation>
    </message>
    <message>
        <source>&amp;Vortragende:</source>
        <translation>P&amp;resenters:</translation>
    </message>
    <message>
        <source>Bezirks&amp;regionen:</source>
        <translation>District re&amp;gions:</translation>
    </message>
    <message>
        <source>&amp;Beschreibung:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Titel ein.</source>
        <translation>Please enter a title.</translation>
    </message>
</context>
<context>
    <name>AgendaListModel</name>
    <message>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <source>▶ läuft</source>
        <translation>▶ running</translation>
    </message>
    <message>
        <source>vertagt</source>
        <translation>postponed</translation>
    </message>
    <message>
        <source>✓ behandelt</source>
        <translation>✓ dealt with</translation>
    </message>
    <message>
        <source>%1 Min.</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 Min. gebraucht</source>
        <translation>%1 min taken</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>TOP</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Min.</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Vortragende</source>
        <translation>Presenters</translation>
    </message>
    <message>
        <source>Bezirksregionen</source>
        <translation>District regions</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>Announce</name>
    <message>
        <source>Beschlussfähig: %1</source>
        <translation>Quorum reached: %1</translation>
    </message>
    <message>
        <source>Nicht mehr beschlussfähig: %1</source>
        <translation>Quorum lost: %1</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>Es ist keine Datenbank geöffnet.</source>
        <translation>No database is open.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Dateien werden in die Datenbank kopiert (höchstens %1 MB je Datei, %2 MB je Sitzung). Protokoll und Einladung führen sie als „Anlage 1: …“ auf; beim Export kommen sie in einen Ordner „… – Anlagen“ neben dem Dokument.</source>
        <translation>Files are copied into the database (at most %1 MB per file, %2 MB per meeting). Minutes and invitation list them as “Anlage 1: …”; on export they go into a folder “… – Anlagen” beside the document.</translation>
    </message>
    <message>
        <source>&amp;Zuordnen zu:</source>
        <translation>Attach &amp;to:</translation>
    </message>
    <message>
        <source>&amp;Vorhandene Anlagen:</source>
        <translation>Attachments &amp;present:</translation>
    </message>
    <message>
        <source>Anlage hinzu&amp;fügen …</source>
        <translation>Add atta&amp;chment …</translation>
    </message>
    <message>
        <source>Öff&amp;nen</source>
        <translation>Ope&amp;n</translation>
    </message>
    <message>
        <source>Entfe&amp;rnen</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>die ganze Sitzung</source>
        <translation>the whole meeting</translation>
    </message>
    <message>
        <source>Anlage %1: %2</source>
        <translation>Attachment %1: %2</translation>
    </message>
    <message>
        <source> (zu TOP %1)</source>
        <translation> (to item %1)</translation>
    </message>
    <message>
        <source>Anlage hinzufügen</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>Anlage „%1“ hinzufügen</source>
        <translation>Add attachment “%1”</translation>
    </message>
    <message>
        <source>Anlage „%1“ hinzugefügt.</source>
        <translation>Attachment “%1” added.</translation>
    </message>
    <message>
        <source>Die Anlage konnte nicht zum Öffnen abgelegt werden.</source>
        <translation>The attachment could not be saved for opening.</translation>
    </message>
    <message>
        <source>Für „%1“ ist kein Programm zum Öffnen eingerichtet.</source>
        <translation>No program is set up to open “%1”.</translation>
    </message>
    <message>
        <source>Anlage „%1“ entfernen</source>
        <translation>Remove attachment “%1”</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Amt / Organisation</source>
        <translation>Office / organisation</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status setzen</source>
        <translation>Set status</translation>
    </message>
    <message>
        <source>Ankunft</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <source>Gegangen</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>nicht erfasst</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>vertreten durch %1</source>
        <translation>represented by %1</translation>
    </message>
    <message>
        <source>Gast oder weitere teilnehmende Person</source>
        <translation>Guest or other participant</translation>
    </message>
    <message>
        <source>%1 (Gast)</source>
        <translation>%1 (guest)</translation>
    </message>
    <message>
        <source>%1, ohne Stimmrecht</source>
        <translation>%1, non-voting</translation>
    </message>
</context>
<context>
    <name>AttendanceScreen</name>
    <message>
        <source>Beschlussfähigkeit</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>Anwesenheitsliste</source>
        <translation>Attendance list</translation>
    </message>
    <message>
        <source>Tasten 1–4 setzen den Status der gewählten Zeile; Zeiten per Doppelklick.</source>
        <translation>Keys 1–4 set the status of the selected row; double-click to enter times.</translation>
    </message>
    <message>
        <source>Gast mit Name und Organisation hinzufügen</source>
        <translation>Add a guest with name and organisation</translation>
    </message>
    <message>
        <source>Ankunftszeit der gewählten Person: jetzt</source>
        <translation>Arrival time of the selected person: now</translation>
    </message>
    <message>
        <source>Die gewählte Person ist jetzt gegangen</source>
        <translation>The selected person has left now</translation>
    </message>
    <message>
        <source>Gast hinzu&amp;fügen…</source>
        <translation>Add g&amp;uest…</translation>
    </message>
    <message>
        <source>A&amp;nkunft jetzt</source>
        <translation>Arrived &amp;now</translation>
    </message>
    <message>
        <source>G&amp;egangen jetzt</source>
        <translation>&amp;Left now</translation>
    </message>
    <message>
        <source>Eintrag entfe&amp;rnen</source>
        <translation>&amp;Remove entry</translation>
    </message>
    <message>
        <source>Gast oder Eintrag aus der Liste entfernen</source>
        <translation>Remove a guest or entry from the list</translation>
    </message>
    <message>
        <source>vertreten…</source>
        <translation>represented…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 als „%2“ erfassen (Taste %3)</source>
        <translation>Record %1 as “%2” (key %3)</translation>
    </message>
    <message>
        <source>%1 von %2 stimmberechtigten Mitgliedern anwesend</source>
        <translation>%1 of %2 voting members present</translation>
    </message>
    <message>
        <source>beschlussfähig</source>
        <translation>quorate</translation>
    </message>
    <message>
        <source>nicht beschlussfähig</source>
        <translation>not quorate</translation>
    </message>
    <message>
        <source> (nötig: %1)</source>
        <translation> (needed: %1)</translation>
    </message>
    <message>
        <source>Gast „%1“ hinzufügen</source>
        <translation>Add guest “%1”</translation>
    </message>
    <message>
        <source>Ankunft</source>
        <translation>arrival</translation>
    </message>
    <message>
        <source>Gehen</source>
        <translation>departure</translation>
    </message>
    <message>
        <source>%1 von %2 erfassen</source>
        <translation>Record %1 of %2</translation>
    </message>
    <message>
        <source>Bitte erfassen Sie zuerst den Status der Person.</source>
        <translation>Please record the person’s status first.</translation>
    </message>
    <message>
        <source>Eintrag „%1“ entfernen</source>
        <translation>Remove entry “%1”</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>übrige</source>
        <translation>other</translation>
    </message>
    <message>
        <source>keine Aufgaben</source>
        <translation>no tasks</translation>
    </message>
    <message>
        <source>davon überfällig</source>
        <translation>of which overdue</translation>
    </message>
</context>
<context>
    <name>BodiesScreen</name>
    <message>
        <source>&lt;b&gt;Gremien&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bodies&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Gremien</source>
        <translation>Bodies</translation>
    </message>
    <message>
        <source>Neues Gremium…</source>
        <translation>New body…</translation>
    </message>
    <message>
        <source>Neues Gremium anlegen</source>
        <translation>Create a new body</translation>
    </message>
    <message>
        <source>Bearbeiten…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Gewähltes Gremium bearbeiten</source>
        <translation>Edit the selected body</translation>
    </message>
    <message>
        <source>Teile des Gremiums</source>
        <translation>Parts of the body</translation>
    </message>
    <message>
        <source>S&amp;itzungen</source>
        <translation>Mee&amp;tings</translation>
    </message>
    <message>
        <source>&amp;Mitglieder</source>
        <translation>Mem&amp;bers</translation>
    </message>
    <message>
        <source>Ständige &amp;Tagesordnung</source>
        <translation>Standing &amp;agenda</translation>
    </message>
    <message>
        <source>Neue Sitzung planen…</source>
        <translation>Plan new meeting…</translation>
    </message>
    <message>
        <source>Neue Sitzung dieses Gremiums planen</source>
        <translation>Plan a new meeting of this body</translation>
    </message>
    <message>
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Gewählte Sitzung öffnen (Eingabetaste)</source>
        <translation>Open the selected meeting (Enter)</translation>
    </message>
    <message>
        <source>Sitzungen des Gremiums</source>
        <translation>Meetings of the body</translation>
    </message>
    <message>
        <source> (ruht)</source>
        <translation> (dormant)</translation>
    </message>
    <message>
        <source>%1 Sitzungen</source>
        <translation>%1 meetings</translation>
    </message>
    <message>
        <source>Noch kein Gremium – legen Sie links eines an.</source>
        <translation>No body yet – create one on the left.</translation>
    </message>
    <message>
        <source>meist %1 Uhr</source>
        <translation>usually at %1</translation>
    </message>
    <message>
        <source>beschlussfähig ab %1</source>
        <translation>quorate from %1</translation>
    </message>
    <message>
        <source>mit Anwesenheitsliste</source>
        <translation>with attendance list</translation>
    </message>
    <message>
        <source>Nicht geöffnet</source>
        <translation>Not opened</translation>
    </message>
    <message>
        <source>Die Datenbank wird geöffnet …</source>
        <translation>Opening the database …</translation>
    </message>
    <message>
        <source>Die Sitzungen werden geladen …</source>
        <translation>Loading the meetings …</translation>
    </message>
    <message>
        <source>Noch kein Gremium</source>
        <translation>No body yet</translation>
    </message>
    <message>
        <source>Legen Sie zuerst ein Gremium an, zum Beispiel die AG SRO.</source>
        <translation>First create a body, for example the AG SRO.</translation>
    </message>
    <message>
        <source>Neues Gremium anlegen…</source>
        <translation>Create new body…</translation>
    </message>
    <message>
        <source>Noch keine Sitzung</source>
        <translation>No meeting yet</translation>
    </message>
    <message>
        <source>Planen Sie die erste Sitzung; die ständige Tagesordnung wird übernommen.</source>
        <translation>Plan the first meeting; the standing agenda is taken over.</translation>
    </message>
    <message>
        <source>Sitzung planen</source>
        <translation>Plan meeting</translation>
    </message>
    <message>
        <source>Gremium „%1“ anlegen</source>
        <translation>Create body “%1”</translation>
    </message>
    <message>
        <source>Gremium „%1“ ändern</source>
        <translation>Change body “%1”</translation>
    </message>
</context>
<context>
    <name>BodyDialog</name>
    <message>
        <source>Gremium bearbeiten</source>
        <translation>Edit body</translation>
    </message>
    <message>
        <source>Neues Gremium</source>
        <translation>New body</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>z. B. AG SRO</source>
        <translation>e.g. AG SRO</translation>
    </message>
    <message>
        <source>&amp;Kurzbezeichnung:</source>
        <translation>&amp;Short name:</translation>
    </message>
    <message>
        <source>&amp;Art:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>— ganzer Bezirk —</source>
        <translation>— whole district —</translation>
    </message>
    <message>
        <source>Bezirks&amp;region:</source>
        <translation>District &amp;region:</translation>
    </message>
    <message>
        <source>Üblicher &amp;Ort:</source>
        <translation>Usual &amp;venue:</translation>
    </message>
    <message>
        <source>Üblicher &amp;Beginn:</source>
        <translation>Usual st&amp;art:</translation>
    </message>
    <message>
        <source> Minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Übliche &amp;Dauer:</source>
        <translation>Usual &amp;duration:</translation>
    </message>
    <message>
        <source>&amp;Moderation:</source>
        <translation>&amp;Chair:</translation>
    </message>
    <message>
        <source>&amp;Protokoll:</source>
        <translation>Minute &amp;taker:</translation>
    </message>
    <message>
        <source>keine festgelegt</source>
        <translation>none set</translation>
    </message>
    <message>
        <source>Wie viele stimmberechtigte Mitglieder anwesend sein müssen (0: keine Regel)</source>
        <translation>How many voting members must be present (0: no rule)</translation>
    </message>
    <message>
        <source>Beschluss&amp;fähig ab:</source>
        <translation>&amp;Quorum:</translation>
    </message>
    <message>
        <source>Weitere Empfänger des Protokolls, einer je Zeile (die Mitglieder stehen immer darauf)</source>
        <translation>Further recipients of the minutes, one per line (the members are always on it)</translation>
    </message>
    <message>
        <source>&amp;Verteiler:</source>
        <translation>D&amp;istribution:</translation>
    </message>
    <message>
        <source>Anwesenheitsliste erforderlich</source>
        <translation>Attendance list required</translation>
    </message>
    <message>
        <source>aktiv (tagt weiterhin)</source>
        <translation>active (still meets)</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Namen ein.</source>
        <translation>Please enter a name.</translation>
    </message>
    <message>
        <source>Bitte geben Sie eine Kurzbezeichnung ein.</source>
        <translation>Please enter a short name.</translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <source>&amp;Ergebnis (Strg+E; speichern mit Strg+Enter):</source>
        <translation>O&amp;utcome (Ctrl+E; save with Ctrl+Enter):</translation>
    </message>
    <message>
        <source>Ergebnis des TOP</source>
        <translation>Outcome of the agenda item</translation>
    </message>
    <message>
        <source>Festgehalten zu diesem TOP:</source>
        <translation>Recorded for this agenda item:</translation>
    </message>
    <message>
        <source>Beschlüsse und Aufgaben dieses TOP</source>
        <translation>Decisions and tasks of this agenda item</translation>
    </message>
    <message>
        <source>Festgehalten zu %1:</source>
        <translation>Recorded for %1:</translation>
    </message>
    <message>
        <source>Ergebnis zu %1 festhalten</source>
        <translation>Record the outcome of %1</translation>
    </message>
    <message>
        <source>%1 zu %2 festhalten</source>
        <translation>Record %1 for %2</translation>
    </message>
    <message>
        <source>%1 festgehalten.</source>
        <translation>%1 recorded.</translation>
    </message>
    <message>
        <source>%1 festgehalten: %2.</source>
        <translation>%1 recorded: %2.</translation>
    </message>
    <message>
        <source>Achtung: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <source>Für „einstimmig“ fehlt die Zahl der anwesenden Stimmberechtigten: bitte die Anwesenheit erfassen oder die Stimmen eintragen.</source>
        <translation>“Unanimous” needs the number of voting members present: please take the attendance or enter the votes.</translation>
    </message>
    <message>
        <source>Aufgabe zu %1 festhalten</source>
        <translation>Record a task for %1</translation>
    </message>
    <message>
        <source>Bitte ein Amt oder eine Person angeben.</source>
        <translation>Please give an office or a person.</translation>
    </message>
    <message>
        <source>Der Beschluss ist noch nicht festgehalten: Enter hält ihn fest, Esc verwirft ihn.</source>
        <translation>The decision has not been recorded yet: Enter records it, Esc discards it.</translation>
    </message>
    <message>
        <source>Die Aufgabe ist noch nicht festgehalten: Enter hält sie fest, Esc verwirft sie.</source>
        <translation>The task has not been recorded yet: Enter records it, Esc discards it.</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>bis %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>%1 Aufgabe: %2</source>
        <translation>Task %1: %2</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Konflikte des Abgleichs</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>Konflikte</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Diese Einträge wurden hier und im Register verschieden geändert. Bis Sie entscheiden, gilt die Fassung des Registers; Ihre ist aufbewahrt. Mit „Meine Fassung übernehmen“ schreibt der nächste Abgleich Ihre Fassung ins Register.</source>
        <translation>These entries were changed differently here and in the register. Until you decide, the register&apos;s version stands; yours is kept. With “Take my version” the next sync writes your version to the register.</translation>
    </message>
    <message>
        <source>Eintrag, Feld</source>
        <translation>Entry, field</translation>
    </message>
    <message>
        <source>Ihre Fassung (Laptop)</source>
        <translation>Your version (laptop)</translation>
    </message>
    <message>
        <source>Fassung im Register</source>
        <translation>Version in the register</translation>
    </message>
    <message>
        <source>&amp;Konflikte:</source>
        <translation>&amp;Conflicts:</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Meine Fassung übernehmen</source>
        <translation>&amp;Take my version</translation>
    </message>
    <message>
        <source>Meine Fassung übernehmen: der nächste Abgleich schreibt sie ins Register</source>
        <translation>Take my version: the next sync writes it to the register</translation>
    </message>
    <message>
        <source>&amp;Register behalten</source>
        <translation>&amp;Keep the register&apos;s</translation>
    </message>
    <message>
        <source>Register behalten: die Fassung des Registers gilt, Ihre wird verworfen</source>
        <translation>Keep the register&apos;s version: it stands, yours is discarded</translation>
    </message>
    <message>
        <source>Keine offenen Konflikte.</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <source>Ein offener Konflikt.</source>
        <translation>One open conflict.</translation>
    </message>
    <message>
        <source>%1 offene Konflikte.</source>
        <translation>%1 open conflicts.</translation>
    </message>
    <message>
        <source>Konflikt lösen</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fällig am</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Bemerkung</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Einzelheiten</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Notizen</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Ergebnis</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Amt</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Register-Nr.</source>
        <translation>Register no.</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Sitzung</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>TOP</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Beschluss</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Anwesenheit</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Gremium</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Mitgliedschaft</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>Anlage</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Wiedervorlage</source>
        <translation>Follow-up review</translation>
    </message>
    <message>
        <source>Eintrag im Aufgabenverlauf</source>
        <translation>Entry in a task&apos;s history</translation>
    </message>
    <message>
        <source>(ganzer Eintrag)</source>
        <translation>(whole entry)</translation>
    </message>
    <message>
        <source>wann und von wem: unbekannt</source>
        <translation>when and by whom: unknown</translation>
    </message>
    <message>
        <source>geändert (ganzer Eintrag)</source>
        <translation>changed (whole entry)</translation>
    </message>
    <message>
        <source>gelöscht</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>Feld: %1</source>
        <translation>Field: %1</translation>
    </message>
    <message>
        <source>im Register gelöscht, hier geändert</source>
        <translation>deleted in the register, changed here</translation>
    </message>
    <message>
        <source>hier gelöscht, im Register geändert</source>
        <translation>deleted here, changed in the register</translation>
    </message>
    <message>
        <source>doppelt: das Register hat schon einen solchen Eintrag</source>
        <translation>duplicate: the register already has such an entry</translation>
    </message>
    <message>
        <source>vom Register abgelehnt</source>
        <translation>refused by the register</translation>
    </message>
    <message>
        <source>geändert von %1</source>
        <translation>changed by %1</translation>
    </message>
    <message>
        <source>geändert am %1</source>
        <translation>changed on %1</translation>
    </message>
    <message>
        <source>geändert von %1 am %2</source>
        <translation>changed by %1 on %2</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Mit Register verbinden</source>
        <translation>Connect to register</translation>
    </message>
    <message>
        <source>Ein gemeinsames Register auf einem PostgreSQL-Server des Bezirks. Die Angaben erhalten Sie von der IT.</source>
        <translation>A shared register on a PostgreSQL server of the district. Your IT department gives you these details.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>z. B. db.bezirk.berlin.de</source>
        <translation>e.g. db.bezirk.berlin.de</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Datenbank:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;Benutzername:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Verschlüsselung:</source>
        <translation>&amp;Encryption:</translation>
    </message>
    <message>
        <source>Datei der Zertifizierungsstelle (.crt, .pem)</source>
        <translation>file of the certificate authority (.crt, .pem)</translation>
    </message>
    <message>
        <source>keine</source>
        <translation>none</translation>
    </message>
    <message>
        <source>wenn der Server sie anbietet</source>
        <translation>if the server offers it</translation>
    </message>
    <message>
        <source>immer (ohne Prüfung des Zertifikats)</source>
        <translation>always (certificate not checked)</translation>
    </message>
    <message>
        <source>immer, Zertifikat prüfen</source>
        <translation>always, check the certificate</translation>
    </message>
    <message>
        <source>immer, Zertifikat und Servernamen prüfen</source>
        <translation>always, check the certificate and the server name</translation>
    </message>
    <message>
        <source>&amp;Auswählen…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>CA-Zertifikat auswählen</source>
        <translation>Choose CA certificate</translation>
    </message>
    <message>
        <source>&amp;CA-Zertifikat:</source>
        <translation>CA cer&amp;tificate:</translation>
    </message>
    <message>
        <source>CA-Zertifikat</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>Verb&amp;inden</source>
        <translation>Co&amp;nnect</translation>
    </message>
    <message>
        <source>CA-Zertifikat wählen</source>
        <translation>Choose CA certificate</translation>
    </message>
    <message>
        <source>Zertifikate (*.crt *.pem *.cer);;Alle Dateien (*)</source>
        <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Bitte geben Sie Server, Datenbank und Benutzernamen ein.</source>
        <translation>Please enter the server, the database and the user name.</translation>
    </message>
    <message>
        <source>Zum Prüfen des Zertifikats wählen Sie bitte die CA-Datei aus.</source>
        <translation>To check the certificate, please choose the CA file.</translation>
    </message>
    <message>
        <source>Die CA-Datei „%1“ gibt es nicht.</source>
        <translation>The CA file “%1” does not exist.</translation>
    </message>
    <message>
        <source>Pass&amp;wort:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>in der Passwortdatei gespeichert</source>
        <translation>stored in the password file</translation>
    </message>
    <message>
        <source>Passwort &amp;merken (in der Passwortdatei von PostgreSQL)</source>
        <translation>&amp;Remember password (in PostgreSQL&apos;s password file)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unerwarteter Fehler</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>In sromod ist ein unerwarteter Fehler aufgetreten. Ihre bisherigen Eingaben sind gespeichert; Sie können weiterarbeiten. Wenn der Fehler wieder auftritt, senden Sie bitte die folgenden Angaben an die Betreuung (sie enthalten keine personenbezogenen Daten).</source>
        <translation>An unexpected error has occurred in sromod. Everything you have entered so far has been saved; you can carry on working. If the error happens again, please send the details below to your support contact (they contain no personal data).</translation>
    </message>
    <message>
        <source>Fehlerdetails</source>
        <translation>Error details</translation>
    </message>
    <message>
        <source>Details kopieren</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <source>Art des Beschlusses</source>
        <translation>Type of decision</translation>
    </message>
    <message>
        <source>Wortlaut des Beschlusses</source>
        <translation>Wording of the decision</translation>
    </message>
    <message>
        <source>Beschlusstext</source>
        <translation>Decision text</translation>
    </message>
    <message>
        <source>Stimmen dafür</source>
        <translation>Votes for</translation>
    </message>
    <message>
        <source>Stimmen dagegen</source>
        <translation>Votes against</translation>
    </message>
    <message>
        <source>Enthaltungen</source>
        <translation>Abstentions</translation>
    </message>
    <message>
        <source>dafür</source>
        <translation>for</translation>
    </message>
    <message>
        <source>dagegen</source>
        <translation>against</translation>
    </message>
    <message>
        <source>Enthaltung</source>
        <translation>abstention</translation>
    </message>
    <message>
        <source>leer lassen, wenn nicht abgestimmt wurde</source>
        <translation>leave empty if no vote was taken</translation>
    </message>
    <message>
        <source>einstimmig</source>
        <translation>unanimous</translation>
    </message>
    <message>
        <source>Alle anwesenden Stimmberechtigten dafür (Strg+Umschalt+A)</source>
        <translation>All voting members present in favour (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>einstimmig: alle anwesenden Stimmberechtigten dafür</source>
        <translation>unanimous: all voting members present in favour</translation>
    </message>
    <message>
        <source>Beschluss festhalten (Enter)</source>
        <translation>Record decision (Enter)</translation>
    </message>
    <message>
        <source>Beschluss (Strg+B) – Art:</source>
        <translation>Decision (Ctrl+B) – type:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Stimmen:</source>
        <translation>Votes:</translation>
    </message>
</context>
<context>
    <name>DecisionRegisterScreen</name>
    <message>
        <source>Beschlusstext durchsuchen …</source>
        <translation>Search decision text …</translation>
    </message>
    <message>
        <source>Suche im Beschlusstext</source>
        <translation>Search in the decision text</translation>
    </message>
    <message>
        <source>alle Arten</source>
        <translation>all types</translation>
    </message>
    <message>
        <source>Beschlüsse mit Aufgaben für dieses Amt</source>
        <translation>Decisions with tasks for this office</translation>
    </message>
    <message>
        <source>Sitzungsdatum von</source>
        <translation>Meeting date from</translation>
    </message>
    <message>
        <source>Sitzungsdatum bis</source>
        <translation>Meeting date to</translation>
    </message>
    <message>
        <source>Beschlüsse</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Beschlusstext</source>
        <translation>Decision text</translation>
    </message>
    <message>
        <source>In der Sitzung öffnen</source>
        <translation>Open in the meeting</translation>
    </message>
    <message>
        <source>von</source>
        <translation>from</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>to</translation>
    </message>
    <message>
        <source>alle Gremien</source>
        <translation>all bodies</translation>
    </message>
    <message>
        <source>alle Ämter</source>
        <translation>all offices</translation>
    </message>
    <message>
        <source>alle Bezirksregionen</source>
        <translation>all district regions</translation>
    </message>
    <message>
        <source>1 Beschluss</source>
        <translation>1 decision</translation>
    </message>
    <message>
        <source>%1 Beschlüsse</source>
        <translation>%1 decisions</translation>
    </message>
    <message>
        <source> – Abstimmung %1</source>
        <translation> – vote %1</translation>
    </message>
    <message>
        <source>Gremium</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Amt</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Bezirksregion</source>
        <translation>District region</translation>
    </message>
</context>
<context>
    <name>DecisionTableModel</name>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Gremium</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>TOP</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Stimmen</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>dafür : dagegen : Enthaltung</source>
        <translation>for : against : abstentions</translation>
    </message>
</context>
<context>
    <name>EndMeetingDialog</name>
    <message>
        <source>Sitzung beenden</source>
        <translation>End meeting</translation>
    </message>
    <message>
        <source>… und %1 weitere</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>Nicht behandelte TOPs</source>
        <translation>Items not dealt with</translation>
    </message>
    <message>
        <source>Was soll mit ihnen geschehen? (V: vertagen, N: nicht behandelt, Esc: zurück)</source>
        <translation>What should happen to them? (V: postpone, N: not dealt with, Esc: back)</translation>
    </message>
    <message>
        <source>&amp;Vertagen auf die nächste Sitzung</source>
        <translation>&amp;Postpone to the next meeting</translation>
    </message>
    <message>
        <source>Als &amp;nicht behandelt schließen</source>
        <translation>Close as &amp;not dealt with</translation>
    </message>
    <message>
        <source>&amp;Zurück zur Sitzung</source>
        <translation>&amp;Back to the meeting</translation>
    </message>
    <message>
        <source>Zurück zur Sitzung, nichts beenden</source>
        <translation>Back to the meeting, end nothing</translation>
    </message>
    <message>
        <source>%1 wurde nicht behandelt.</source>
        <translation>%1 was not dealt with.</translation>
    </message>
    <message>
        <source>%1 wurden nicht behandelt.</source>
        <translation>%1 were not dealt with.</translation>
    </message>
    <message>
        <source>Die %1 jetzt beenden?</source>
        <translation>End %1 now?</translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <source>Fachamt</source>
        <translation>Specialist office</translation>
    </message>
    <message>
        <source>Organisationseinheit</source>
        <translation>Organisational unit</translation>
    </message>
    <message>
        <source>Serviceeinheit</source>
        <translation>Service unit</translation>
    </message>
    <message>
        <source>Beauftragte</source>
        <translation>Commissioner</translation>
    </message>
    <message>
        <source>extern</source>
        <translation>external</translation>
    </message>
    <message>
        <source>Prognoseraum</source>
        <translation>Forecast area</translation>
    </message>
    <message>
        <source>Bezirksregion</source>
        <translation>District region</translation>
    </message>
    <message>
        <source>Planungsraum</source>
        <translation>Planning area</translation>
    </message>
    <message>
        <source>AG SRO</source>
        <translation>AG SRO</translation>
    </message>
    <message>
        <source>Steuerungsrunde</source>
        <translation>Steering group</translation>
    </message>
    <message>
        <source>Ortsteilkonferenz</source>
        <translation>Neighbourhood conference</translation>
    </message>
    <message>
        <source>Arbeitsgruppe</source>
        <translation>Working group</translation>
    </message>
    <message>
        <source>sonstiges Gremium</source>
        <translation>other body</translation>
    </message>
    <message>
        <source>Vorsitz</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Mitglied</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Stellvertretung</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <source>beratendes Mitglied</source>
        <translation>advisory member</translation>
    </message>
    <message>
        <source>Geschäftsführung</source>
        <translation>Secretariat</translation>
    </message>
    <message>
        <source>geplant</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>eingeladen</source>
        <translation>invited</translation>
    </message>
    <message>
        <source>läuft</source>
        <translation>in session</translation>
    </message>
    <message>
        <source>durchgeführt</source>
        <translation>held</translation>
    </message>
    <message>
        <source>Protokoll freigegeben</source>
        <translation>minutes released</translation>
    </message>
    <message>
        <source>abgesagt</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Formalia</source>
        <translation>Formalities</translation>
    </message>
    <message>
        <source>Bericht</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Beratung</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Beschlussfassung</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Wiedervorlage</source>
        <translation>Follow-up review</translation>
    </message>
    <message>
        <source>Verschiedenes</source>
        <translation>Any other business</translation>
    </message>
    <message>
        <source>Nächster Termin</source>
        <translation>Next meeting</translation>
    </message>
    <message>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <source>behandelt</source>
        <translation>dealt with</translation>
    </message>
    <message>
        <source>vertagt</source>
        <translation>postponed</translation>
    </message>
    <message>
        <source>nicht behandelt</source>
        <translation>not dealt with</translation>
    </message>
    <message>
        <source>anwesend</source>
        <translation>present</translation>
    </message>
    <message>
        <source>entschuldigt</source>
        <translation>excused</translation>
    </message>
    <message>
        <source>abwesend</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>vertreten durch</source>
        <translation>represented by</translation>
    </message>
    <message>
        <source>Beschluss</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Vereinbarung</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Empfehlung</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>Kenntnisnahme</source>
        <translation>Noted</translation>
    </message>
    <message>
        <source>in Bearbeitung</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>erledigt</source>
        <translation>done</translation>
    </message>
    <message>
        <source>zurückgestellt</source>
        <translation>deferred</translation>
    </message>
    <message>
        <source>entfällt</source>
        <translation>dropped</translation>
    </message>
    <message>
        <source>niedrig</source>
        <translation>low</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>hoch</source>
        <translation>high</translation>
    </message>
    <message>
        <source>angelegt</source>
        <translation>created</translation>
    </message>
    <message>
        <source>Statusänderung</source>
        <translation>Status change</translation>
    </message>
    <message>
        <source>Notiz</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>bearbeitet</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>Sitzung</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Bearbeitung</source>
        <translation>Editing</translation>
    </message>
    <message>
        <source>Excel-Import</source>
        <translation>Excel import</translation>
    </message>
    <message>
        <source>Gast</source>
        <translation>guest</translation>
    </message>
    <message>
        <source>TOP %1</source>
        <translation>Item %1</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GuestDialog</name>
    <message>
        <source>Gast hinzufügen</source>
        <translation>Add guest</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>z. B. Träger, Initiative, QM</source>
        <translation>e.g. provider, initiative, neighbourhood management</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Namen ein.</source>
        <translation>Please enter a name.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Vorschau: %1</source>
        <translation>Preview: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fehler in der Datei – es wird nichts übernommen:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Errors in the file – nothing will be imported:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Änderungen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Changes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Konflikte&lt;/b&gt; – in sromod nach dem Export geändert, werden nicht übernommen:</source>
        <translation>&lt;b&gt;Conflicts&lt;/b&gt; – changed in sromod after the export, will not be imported:</translation>
    </message>
    <message>
        <source>Änderungen übernehmen</source>
        <translation>Apply changes</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wird nicht übernommen&lt;/b&gt; – diese Spalten liest sromod nicht ein (Änderungen bitte in sromod erfassen):</source>
        <translation>&lt;b&gt;Not taken over&lt;/b&gt; – sromod does not read these columns back (please make such changes in sromod):</translation>
    </message>
    <message>
        <source>Nicht übernommene Änderungen</source>
        <translation>Changes not taken over</translation>
    </message>
    <message>
        <source>1 Änderung</source>
        <translation>1 change</translation>
    </message>
    <message>
        <source>%1 Änderungen</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <source>1 Konflikt</source>
        <translation>1 conflict</translation>
    </message>
    <message>
        <source>%1 Konflikte</source>
        <translation>%1 conflicts</translation>
    </message>
    <message>
        <source>1 Aufgabe ohne Änderung</source>
        <translation>1 task unchanged</translation>
    </message>
    <message>
        <source>%1 Aufgaben ohne Änderung</source>
        <translation>%1 tasks unchanged</translation>
    </message>
    <message>
        <source>%1 Fehler</source>
        <translation>%1 errors</translation>
    </message>
    <message>
        <source>Exportiert am %1. </source>
        <translation>Exported on %1. </translation>
    </message>
    <message>
        <source>in sromod · in der Datei</source>
        <translation>in sromod · in the file</translation>
    </message>
    <message>
        <source>alt → neu</source>
        <translation>old → new</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Aufgabenliste importieren</source>
        <translation>Import task list</translation>
    </message>
    <message>
        <source>Excel-Arbeitsmappen (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>1 Aufgabe aus „%2“ übernommen.</source>
        <translation>1 task imported from “%2”.</translation>
    </message>
    <message>
        <source>%1 Zeilen gelesen</source>
        <translation>%1 rows read</translation>
    </message>
    <message>
        <source>Einlesen abgebrochen; es wurde nichts geändert.</source>
        <translation>Reading cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Aufgabenliste „%1“ importieren</source>
        <translation>Import task list “%1”</translation>
    </message>
    <message>
        <source>Aufgabenliste „%1“ wird gelesen …</source>
        <translation>Reading task list “%1” …</translation>
    </message>
    <message>
        <source>%1 Aufgaben aus „%2“ übernommen.</source>
        <translation>%1 tasks imported from “%2”.</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Die Datenbank „%1“ wird geöffnet …</source>
        <translation>Opening the database “%1” …</translation>
    </message>
</context>
<context>
    <name>LiveInput</name>
    <message>
        <source>Bitte alle drei Stimmenzahlen angeben (dafür, dagegen, Enthaltung) oder keine.</source>
        <translation>Please give all three vote counts (for, against, abstentions) or none.</translation>
    </message>
    <message>
        <source>„%1“ verstehe ich nicht als Datum: bitte z. B. 15.12., 15.12.2026 oder +2w.</source>
        <translation>“%1” is not a date I understand: please enter e.g. 15.12., 15.12.2026 or +2w.</translation>
    </message>
    <message>
        <source>„%1“ passt auf mehrere Ämter: bitte das Kürzel angeben.</source>
        <translation>“%1” matches several offices: please give the abbreviation.</translation>
    </message>
    <message>
        <source>„%1“ passt auf mehrere Personen: bitte den vollen Namen angeben.</source>
        <translation>“%1” matches several people: please give the full name.</translation>
    </message>
    <message>
        <source>Ein Amt „%1“ gibt es nicht.</source>
        <translation>There is no office “%1”.</translation>
    </message>
    <message>
        <source>Eine Person „%1“ ist nicht erfasst.</source>
        <translation>There is no person “%1” on record.</translation>
    </message>
    <message>
        <source>„%1“ ist kein gültiges Datum.</source>
        <translation>“%1” is not a valid date.</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <source>Live-Moderation – %1</source>
        <translation>Live view – %1</translation>
    </message>
    <message>
        <source>Tagesordnung</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Enter oder Doppelklick: diesen TOP aufrufen</source>
        <translation>Enter or double-click: take this agenda item</translation>
    </message>
    <message>
        <source>&amp;Tagesordnung</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>Live-Moderation</source>
        <translation>Live moderation</translation>
    </message>
    <message>
        <source>↑/↓ Aufgabe · 1–5 Stand setzen und weiter · Alt+N Notiz · Bild↓ nächster TOP · Strg+E Ergebnis · F7 Projektor · F8 Uhr darauf · Strg+Z rückgängig</source>
        <translation>↑/↓ task · 1–5 set status and go on · Alt+N note · PgDown next item · Ctrl+E outcome · F7 projector · F8 clock on it · Ctrl+Z undo</translation>
    </message>
    <message>
        <source>◀ Voriger TOP</source>
        <translation>◀ Previous item</translation>
    </message>
    <message>
        <source>Bild↑ oder Alt+←</source>
        <translation>PgUp or Alt+←</translation>
    </message>
    <message>
        <source>Nächster TOP ▶</source>
        <translation>Next item ▶</translation>
    </message>
    <message>
        <source>Bild↓ oder Alt+→</source>
        <translation>PgDown or Alt+→</translation>
    </message>
    <message>
        <source>Beschluss …</source>
        <translation>Decision …</translation>
    </message>
    <message>
        <source>Strg+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Aufgabe …</source>
        <translation>Task …</translation>
    </message>
    <message>
        <source>Strg+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>TOP vertagen</source>
        <translation>Postpone item</translation>
    </message>
    <message>
        <source>Strg+Umschalt+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Projektor</source>
        <translation>Projector</translation>
    </message>
    <message>
        <source>F7</source>
        <translation>F7</translation>
    </message>
    <message>
        <source>Sitzung beenden …</source>
        <translation>End meeting …</translation>
    </message>
    <message>
        <source>Strg+Umschalt+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Nächster TOP</source>
        <translation>Next item</translation>
    </message>
    <message>
        <source>Voriger TOP</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <source>Ergebnis schreiben</source>
        <translation>Write the outcome</translation>
    </message>
    <message>
        <source>Beschluss festhalten</source>
        <translation>Record a decision</translation>
    </message>
    <message>
        <source>Aufgabe festhalten</source>
        <translation>Record a task</translation>
    </message>
    <message>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Bild↓/Alt+→ nächster TOP · Bild↑/Alt+← voriger · Strg+E Ergebnis · Strg+B Beschluss · Strg+T Aufgabe · Strg+Umschalt+V vertagen · F7 Projektor · F8 Uhr darauf · Strg+Z rückgängig · Strg+Umschalt+E Sitzung beenden</source>
        <translation>PgDown/Alt+→ next item · PgUp/Alt+← previous · Ctrl+E outcome · Ctrl+B decision · Ctrl+T task · Ctrl+Shift+V postpone · F7 projector · F8 clock on it · Ctrl+Z undo · Ctrl+Shift+E end meeting</translation>
    </message>
    <message>
        <source>Wiederholen</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Sitzung beginnen</source>
        <translation>Start meeting</translation>
    </message>
    <message>
        <source>Beginn %1</source>
        <translation>Start %1</translation>
    </message>
    <message>
        <source>Sitzung beendet um %1 (%2)</source>
        <translation>Meeting ended at %1 (%2)</translation>
    </message>
    <message>
        <source>Stand: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>%1 von %2 Stimmberechtigten anwesend</source>
        <translation>%1 of %2 voting members present</translation>
    </message>
    <message>
        <source>, beschlussfähig</source>
        <translation>, quorate</translation>
    </message>
    <message>
        <source>, nicht beschlussfähig</source>
        <translation>, not quorate</translation>
    </message>
    <message>
        <source>Das war der letzte TOP. Sitzung beenden mit Strg+Umschalt+E.</source>
        <translation>That was the last agenda item. End the meeting with Ctrl+Shift+E.</translation>
    </message>
    <message>
        <source>Die Sitzung läuft nicht; TOPs können nicht aufgerufen werden.</source>
        <translation>The meeting is not in session; agenda items cannot be taken.</translation>
    </message>
    <message>
        <source>%1 aufrufen</source>
        <translation>Take %1</translation>
    </message>
    <message>
        <source>%1 vertagen</source>
        <translation>Postpone %1</translation>
    </message>
    <message>
        <source>Die %1 jetzt beenden? Das Ende wird mit %2 Uhr festgehalten.</source>
        <translation>End “%1” now? The end will be recorded as %2.</translation>
    </message>
    <message>
        <source>Sitzung beenden</source>
        <translation>End meeting</translation>
    </message>
    <message>
        <source>%1 beenden</source>
        <translation>End %1</translation>
    </message>
    <message>
        <source>Die %1 ist für den %2 geplant. Trotzdem jetzt beginnen? Der Beginn wird mit heute, %3 Uhr festgehalten.</source>
        <translation>“%1” is planned for %2. Start it now anyway? The start will be recorded as today, %3.</translation>
    </message>
    <message>
        <source>Nicht möglich: %1</source>
        <translation>Not possible: %1</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Neue Sitzung &amp;planen…</source>
        <translation>&amp;Plan new meeting…</translation>
    </message>
    <message>
        <source>Neue Sitzung planen</source>
        <translation>Plan new meeting</translation>
    </message>
    <message>
        <source>Datenbank ö&amp;ffnen…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>&amp;Mit Register verbinden…</source>
        <translation>Connect to re&amp;gister…</translation>
    </message>
    <message>
        <source>Ein gemeinsames Register auf einem PostgreSQL-Server öffnen</source>
        <translation>Open a shared register on a PostgreSQL server</translation>
    </message>
    <message>
        <source>Mit dem Register &amp;abgleichen…</source>
        <translation>S&amp;ync with the register…</translation>
    </message>
    <message>
        <source>Eine Replik des Registers für die Arbeit ohne Netz anlegen oder abgleichen</source>
        <translation>Make or sync a replica of the register for working without a network</translation>
    </message>
    <message>
        <source>&amp;Konflikte des Abgleichs…</source>
        <translation>Sync co&amp;nflicts…</translation>
    </message>
    <message>
        <source>Die Konflikte des letzten Abgleichs ansehen und je Eintrag entscheiden</source>
        <translation>See the conflicts of the last sync and decide per entry</translation>
    </message>
    <message>
        <source>Sicherung &amp;wiederherstellen…</source>
        <translation>&amp;Restore backup…</translation>
    </message>
    <message>
        <source>Datenbank p&amp;rüfen…</source>
        <translation>&amp;Check database…</translation>
    </message>
    <message>
        <source>Datenbank auf Fehler prüfen (Seiten, Verweise, Schema, Suchindex)</source>
        <translation>Check the database for errors (pages, references, schema, search index)</translation>
    </message>
    <message>
        <source>&amp;Beenden</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Wiederholen</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>&amp;Suchen…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>&amp;Aufbewahrung von Gästedaten…</source>
        <translation>Guest data &amp;retention…</translation>
    </message>
    <message>
        <source>Gästedaten nach einer Frist anonymisieren oder löschen</source>
        <translation>Anonymise or delete guest data after a retention period</translation>
    </message>
    <message>
        <source>&amp;Sitzung</source>
        <translation>&amp;Meeting</translation>
    </message>
    <message>
        <source>&amp;Live-Moderation starten</source>
        <translation>Start &amp;live view</translation>
    </message>
    <message>
        <source>Live-Moderation starten</source>
        <translation>Start live view</translation>
    </message>
    <message>
        <source>Sitzung &amp;beenden</source>
        <translation>&amp;End meeting</translation>
    </message>
    <message>
        <source>Protokoll &amp;freigeben</source>
        <translation>&amp;Release minutes</translation>
    </message>
    <message>
        <source>&amp;Exportieren</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>&amp;Protokoll (Word)…</source>
        <translation>&amp;Minutes (Word)…</translation>
    </message>
    <message>
        <source>Protokollaus&amp;zug für ein Amt…</source>
        <translation>Minutes e&amp;xcerpt for an office…</translation>
    </message>
    <message>
        <source>&amp;Einladung (Word)…</source>
        <translation>&amp;Invitation (Word)…</translation>
    </message>
    <message>
        <source>&amp;Anwesenheitsliste (Word)…</source>
        <translation>&amp;Attendance list (Word)…</translation>
    </message>
    <message>
        <source>&amp;Termin für den Kalender (.ics)…</source>
        <translation>&amp;Calendar entry (.ics)…</translation>
    </message>
    <message>
        <source>A&amp;bsage (Word)…</source>
        <translation>Ca&amp;ncellation letter (Word)…</translation>
    </message>
    <message>
        <source>&amp;Ansicht</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Navigation anzeigen</source>
        <translation>Show &amp;navigation</translation>
    </message>
    <message>
        <source>&amp;Sprache</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Die Sprache wird beim nächsten Start von sromod übernommen.</source>
        <translation>The new language will be used the next time sromod starts.</translation>
    </message>
    <message>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Tastenkürzel…</source>
        <translation>&amp;Keyboard shortcuts…</translation>
    </message>
    <message>
        <source>Alle Tastenkürzel dieses Fensters</source>
        <translation>All keyboard shortcuts of this window</translation>
    </message>
    <message>
        <source>Über &amp;sromod</source>
        <translation>&amp;About sromod</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Bereit.</source>
        <translation>Ready.</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Gremien &amp; Sitzungen</source>
        <translation>Bodies &amp; meetings</translation>
    </message>
    <message>
        <source>Aufgaben</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Beschlüsse</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Ämter-Sicht</source>
        <translation>Office view</translation>
    </message>
    <message>
        <source>Regionen</source>
        <translation>Regions</translation>
    </message>
    <message>
        <source>Personen &amp; Ämter</source>
        <translation>People &amp; offices</translation>
    </message>
    <message>
        <source>%1 (Strg+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Werkzeugleiste</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Suchen in TOPs, Beschlüssen, Aufgaben … (Strg+F)</source>
        <translation>Search agenda items, decisions, tasks … (Ctrl+F)</translation>
    </message>
    <message>
        <source>Suche</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Bitte legen Sie zuerst ein Gremium an.</source>
        <translation>Please create a body first.</translation>
    </message>
    <message>
        <source>Protokoll freigeben</source>
        <translation>Release minutes</translation>
    </message>
    <message>
        <source>sromod</source>
        <translation>sromod</translation>
    </message>
    <message>
        <source>Nicht verbunden.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <source>%1 Ihr Schritt folgt gleich danach.</source>
        <translation>%1 Your step follows right after.</translation>
    </message>
    <message>
        <source>sromod – %1</source>
        <translation>sromod – %1</translation>
    </message>
</context>
<context>
    <name>MeetingClock</name>
    <message>
        <source>Zeit abgelaufen</source>
        <translation>Time is up</translation>
    </message>
    <message>
        <source>1 Minute überzogen</source>
        <translation>1 minute over</translation>
    </message>
    <message>
        <source>noch %1</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>läuft seit %1</source>
        <translation>running for %1</translation>
    </message>
    <message>
        <source>%1 Minuten überzogen</source>
        <translation>%1 minutes over</translation>
    </message>
</context>
<context>
    <name>MeetingOverview</name>
    <message>
        <source>z. B. Ort oder Schwerpunkt der nächsten Sitzung</source>
        <translation>e.g. venue or focus of the next meeting</translation>
    </message>
    <message>
        <source>&amp;Ende (geplant):</source>
        <translation>E&amp;nd (planned):</translation>
    </message>
    <message>
        <source>&amp;Ort:</source>
        <translation>Ven&amp;ue:</translation>
    </message>
    <message>
        <source>&amp;Moderation:</source>
        <translation>&amp;Chair:</translation>
    </message>
    <message>
        <source>&amp;Protokoll:</source>
        <translation>Minute &amp;taker:</translation>
    </message>
    <message>
        <source>Hinweis zum nächsten Termin:</source>
        <translation>Note on the next meeting:</translation>
    </message>
    <message>
        <source>Status der Sitzung:</source>
        <translation>Meeting status:</translation>
    </message>
    <message>
        <source>Dat&amp;um:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Begi&amp;nn:</source>
        <translation>Sta&amp;rt:</translation>
    </message>
    <message>
        <source>&amp;Rückmeldung bis:</source>
        <translation>Re&amp;ply by:</translation>
    </message>
    <message>
        <source>Nä&amp;chster Termin:</source>
        <translation>Ne&amp;xt meeting:</translation>
    </message>
    <message>
        <source>Sitzung löschen</source>
        <translation>Delete meeting</translation>
    </message>
    <message>
        <source>Geplante oder abgesagte Sitzung löschen (rückgängig machbar)</source>
        <translation>Delete a planned or cancelled meeting (can be undone)</translation>
    </message>
    <message>
        <source>Leer: %1 (fünf Arbeitstage vor der Sitzung)</source>
        <translation>Empty: %1 (five working days before the meeting)</translation>
    </message>
    <message>
        <source>Zurück auf „geplant“</source>
        <translation>Back to “planned”</translation>
    </message>
    <message>
        <source>Als eingeladen markieren</source>
        <translation>Mark as invited</translation>
    </message>
    <message>
        <source>Sitzung beginnen</source>
        <translation>Start meeting</translation>
    </message>
    <message>
        <source>Sitzung wieder öffnen</source>
        <translation>Reopen meeting</translation>
    </message>
    <message>
        <source>Sitzung beenden</source>
        <translation>End meeting</translation>
    </message>
    <message>
        <source>Freigabe zurücknehmen</source>
        <translation>Withdraw release</translation>
    </message>
    <message>
        <source>Protokoll freigeben</source>
        <translation>Release minutes</translation>
    </message>
    <message>
        <source>Sitzung absagen</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <source>Datum ändern</source>
        <translation>Change date</translation>
    </message>
    <message>
        <source>Beginn ändern</source>
        <translation>Change start time</translation>
    </message>
    <message>
        <source>Ende ändern</source>
        <translation>Change end time</translation>
    </message>
    <message>
        <source>Ort ändern</source>
        <translation>Change venue</translation>
    </message>
    <message>
        <source>Moderation ändern</source>
        <translation>Change chair</translation>
    </message>
    <message>
        <source>Protokoll ändern</source>
        <translation>Change minute taker</translation>
    </message>
    <message>
        <source>Nächsten Termin ändern</source>
        <translation>Change next meeting</translation>
    </message>
    <message>
        <source>Rückmeldefrist ändern</source>
        <translation>Change reply-by date</translation>
    </message>
    <message>
        <source>Hinweis zum nächsten Termin ändern</source>
        <translation>Change note on the next meeting</translation>
    </message>
    <message>
        <source>%1 löschen</source>
        <translation>Delete %1</translation>
    </message>
</context>
<context>
    <name>MeetingRecords</name>
    <message>
        <source>Beschlüsse und Aufgaben werden in der Live-Moderation erfasst (F5). Doppelklick öffnet den Eintrag im Register.</source>
        <translation>Decisions and tasks are recorded in the live view (F5). Double-click opens the entry in the register.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Beschlüsse&lt;/b&gt;</source>
        <translation>&lt;b&gt;Decisions&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>TOP</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Abstimmung</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Beschlüsse der Sitzung</source>
        <translation>Decisions of the meeting</translation>
    </message>
    <message>
        <source>&lt;b&gt;Aufgaben&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tasks&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Bis wann</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Aufgaben der Sitzung</source>
        <translation>Tasks of the meeting</translation>
    </message>
    <message>
        <source> – überfällig</source>
        <translation> – overdue</translation>
    </message>
</context>
<context>
    <name>MeetingScreen</name>
    <message>
        <source>← Gremien &amp;&amp; Sitzungen</source>
        <translation>← Bodies &amp;&amp; meetings</translation>
    </message>
    <message>
        <source>Zurück zur Übersicht der Gremien</source>
        <translation>Back to the overview of bodies</translation>
    </message>
    <message>
        <source>&amp;Tagesordnung</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <source>Übers&amp;icht</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <source>Teile der Sitzung</source>
        <translation>Parts of the meeting</translation>
    </message>
    <message>
        <source>An&amp;wesenheit</source>
        <translation>&amp;Attendance</translation>
    </message>
    <message>
        <source>Beschlüsse &amp;&amp; Auf&amp;gaben</source>
        <translation>Decisions &amp;&amp; tas&amp;ks</translation>
    </message>
    <message>
        <source>An&amp;lagen</source>
        <translation>Attachment&amp;s</translation>
    </message>
    <message>
        <source>Die Sitzung gibt es nicht mehr.</source>
        <translation>The meeting no longer exists.</translation>
    </message>
    <message>
        <source>Freigabe zurücknehmen</source>
        <translation>Withdraw release</translation>
    </message>
</context>
<context>
    <name>MeetingsModel</name>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Mitgliedschaft bearbeiten</source>
        <translation>Edit membership</translation>
    </message>
    <message>
        <source>Mitglied hinzufügen</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>— Person wählen —</source>
        <translation>— choose a person —</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>stimmberechtigt</source>
        <translation>entitled to vote</translation>
    </message>
    <message>
        <source>Mitglied &amp;seit:</source>
        <translation>Member &amp;since:</translation>
    </message>
    <message>
        <source>Mitglied &amp;bis:</source>
        <translation>Member &amp;until:</translation>
    </message>
    <message>
        <source>Bitte wählen Sie eine Person.</source>
        <translation>Please choose a person.</translation>
    </message>
    <message>
        <source>Das Ende der Mitgliedschaft liegt vor ihrem Beginn.</source>
        <translation>The membership ends before it begins.</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Amt / Organisation</source>
        <translation>Office / organisation</translation>
    </message>
    <message>
        <source>Funktion</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Stimmrecht</source>
        <translation>Voting</translation>
    </message>
    <message>
        <source>seit</source>
        <translation>since</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Mitglieder des Gremiums</source>
        <translation>Members of the body</translation>
    </message>
    <message>
        <source>Mitglied hinzufügen…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <source>Person als Mitglied aufnehmen</source>
        <translation>Add a person as a member</translation>
    </message>
    <message>
        <source>Bearbeiten…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Rolle, Stimmrecht und Zeitraum ändern</source>
        <translation>Change role, voting right and period</translation>
    </message>
    <message>
        <source>Mitgliedschaft beenden</source>
        <translation>End membership</translation>
    </message>
    <message>
        <source>Mitgliedschaft zum heutigen Tag beenden (bleibt für alte Sitzungen erhalten)</source>
        <translation>End the membership as of today (kept for past meetings)</translation>
    </message>
    <message>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Versehentlich angelegte Mitgliedschaft löschen</source>
        <translation>Delete a membership created by mistake</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Mitglied hinzufügen</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Mitgliedschaft von %1 ändern</source>
        <translation>Change membership of %1</translation>
    </message>
    <message>
        <source>Mitgliedschaft von %1 beenden</source>
        <translation>End membership of %1</translation>
    </message>
    <message>
        <source>%1 aus dem Gremium entfernen</source>
        <translation>Remove %1 from the body</translation>
    </message>
</context>
<context>
    <name>MessageLine</name>
    <message>
        <source>Fehler</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>NewReplicaDialog</name>
    <message>
        <source>Replik des Registers anlegen</source>
        <translation>Make a replica of the register</translation>
    </message>
    <message>
        <source>Eine Replik ist eine sromod-Datei auf diesem Laptop mit den gewählten Gremien, ihren Sitzungen, Personen und den Aufgaben ihrer Ämter: Damit arbeiten Sie ohne Netz. Eine Sitzung, die Sie mitnehmen, kann im Register bis zum nächsten Abgleich niemand sonst ändern.</source>
        <translation>A replica is a sromod file on this laptop with the chosen bodies, their meetings, people and the tasks of their offices: with it you work without a network. A meeting you take along cannot be changed in the register by anyone else until the next sync.</translation>
    </message>
    <message>
        <source>Durch&amp;suchen…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Ort und Namen der Replik wählen</source>
        <translation>Choose the replica&apos;s folder and name</translation>
    </message>
    <message>
        <source>Gremien der Replik</source>
        <translation>Bodies of the replica</translation>
    </message>
    <message>
        <source>Sitzungen zum Mitnehmen</source>
        <translation>Meetings to take along</translation>
    </message>
    <message>
        <source>&amp;Datei der Replik:</source>
        <translation>Replica &amp;file:</translation>
    </message>
    <message>
        <source>&amp;Gremien:</source>
        <translation>B&amp;odies:</translation>
    </message>
    <message>
        <source>Für die Sitzung &amp;mitnehmen:</source>
        <translation>&amp;Take along for the meeting:</translation>
    </message>
    <message>
        <source>Datei der Replik</source>
        <translation>Replica file</translation>
    </message>
    <message>
        <source>Replik anlegen</source>
        <translation>Make replica</translation>
    </message>
    <message>
        <source>Replik speichern unter</source>
        <translation>Save replica as</translation>
    </message>
    <message>
        <source>sromod-Datenbank (*.db)</source>
        <translation>sromod database (*.db)</translation>
    </message>
</context>
<context>
    <name>NextMeetingsPanel</name>
    <message>
        <source>Als Nächstes</source>
        <translation>Coming up</translation>
    </message>
    <message>
        <source>&lt;b&gt;Als Nächstes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Coming up&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Als Nächstes ein- oder ausblenden</source>
        <translation>Show or hide what is coming up</translation>
    </message>
    <message>
        <source>Als Nächstes anzeigen</source>
        <translation>Show what is coming up</translation>
    </message>
    <message>
        <source>Nächste Sitzungen</source>
        <translation>Next meetings</translation>
    </message>
    <message>
        <source>Die nächsten Sitzungen werden geladen …</source>
        <translation>Loading the next meetings …</translation>
    </message>
    <message>
        <source>Keine Sitzung geplant. Wählen Sie unten ein Gremium und „Neue Sitzung planen…“ – oder legen Sie zuerst ein Gremium an.</source>
        <translation>No meeting planned. Choose a body below and “Plan new meeting…” – or first create a body.</translation>
    </message>
    <message>
        <source>%1. Sitzung am %2</source>
        <translation>Meeting %1 on %2</translation>
    </message>
    <message>
        <source>%1. Sitzung läuft</source>
        <translation>Meeting %1 is running</translation>
    </message>
    <message>
        <source> (heute)</source>
        <translation> (today)</translation>
    </message>
    <message>
        <source> (in %1 Tagen)</source>
        <translation> (in %1 days)</translation>
    </message>
    <message>
        <source>Sitzung öffnen</source>
        <translation>Open meeting</translation>
    </message>
    <message>
        <source>Sitzung öffnen: %1</source>
        <translation>Open meeting: %1</translation>
    </message>
    <message>
        <source>Fällige Aufgaben</source>
        <translation>Tasks due</translation>
    </message>
    <message>
        <source>Fällige Aufgaben: %1</source>
        <translation>Tasks due: %1</translation>
    </message>
    <message>
        <source>nichts fällig davor</source>
        <translation>nothing due before it</translation>
    </message>
    <message>
        <source>%1 Aufgaben fällig davor</source>
        <translation>%1 tasks due before it</translation>
    </message>
    <message>
        <source>1 Aufgabe fällig davor</source>
        <translation>1 task due before it</translation>
    </message>
    <message>
        <source>, davon %1 überfällig</source>
        <translation>, %1 of them overdue</translation>
    </message>
</context>
<context>
    <name>NoteFrame</name>
    <message>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Amt bearbeiten</source>
        <translation>Edit office</translation>
    </message>
    <message>
        <source>Neues Amt</source>
        <translation>New office</translation>
    </message>
    <message>
        <source>z. B. Jug</source>
        <translation>e.g. Jug</translation>
    </message>
    <message>
        <source>&amp;Kürzel:</source>
        <translation>&amp;Abbreviation:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Art:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Bitte geben Sie Kürzel und Namen ein.</source>
        <translation>Please enter an abbreviation and a name.</translation>
    </message>
</context>
<context>
    <name>OfficeViewScreen</name>
    <message>
        <source>Amt</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Liste des Amts exportieren…</source>
        <translation>Export the office’s list…</translation>
    </message>
    <message>
        <source>Die unerledigten Aufgaben des Amts als Excel-Liste</source>
        <translation>The office’s outstanding tasks as an Excel list</translation>
    </message>
    <message>
        <source>Aufgaben des Amts</source>
        <translation>Tasks of the office</translation>
    </message>
    <message>
        <source>Beschlüsse mit Aufgaben des Amts</source>
        <translation>Decisions with tasks for the office</translation>
    </message>
    <message>
        <source>Unerledigte Aufgaben nach Status</source>
        <translation>Outstanding tasks by status</translation>
    </message>
    <message>
        <source>Unerledigte Aufgaben nach Bezirksregion</source>
        <translation>Outstanding tasks by district region</translation>
    </message>
    <message>
        <source>Amt:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unerledigte Aufgaben&lt;/b&gt;</source>
        <translation>&lt;b&gt;Outstanding tasks&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Das Amt hat keine unerledigten Aufgaben.</source>
        <translation>The office has no outstanding tasks.</translation>
    </message>
    <message>
        <source>Neue Aufgaben für das Amt entstehen in den Sitzungen der Gremien.</source>
        <translation>New tasks for the office arise in the bodies&apos; meetings.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Beschlüsse, die das Amt betreffen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Decisions concerning the office&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1: %2 offen, %3 überfällig</source>
        <translation>%1: %2 open, %3 overdue</translation>
    </message>
    <message>
        <source>ohne Region</source>
        <translation>no region</translation>
    </message>
    <message>
        <source>die unerledigten Aufgaben des Amts, wie angezeigt</source>
        <translation>the office’s outstanding tasks, as shown</translation>
    </message>
</context>
<context>
    <name>OfficesModel</name>
    <message>
        <source>Kürzel</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Passwort für das Register</source>
        <translation>Password for the register</translation>
    </message>
    <message>
        <source>Das Register %1 auf %2 verlangt für die Anmeldung „%3“ ein Passwort.</source>
        <translation>The register %1 on %2 wants a password for the login “%3”.</translation>
    </message>
    <message>
        <source>&amp;Abgleichen</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>Das Passwort wurde nicht angenommen (oder die Anmeldung „%1“ gibt es auf dem Server nicht mehr). Bitte geben Sie es noch einmal ein; die Replik ist unverändert.</source>
        <translation>The password was not accepted (or the login “%1” no longer exists on the server). Please enter it again; the replica is unchanged.</translation>
    </message>
    <message>
        <source>Bitte geben Sie das Passwort ein.</source>
        <translation>Please enter the password.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Amt / Organisation</source>
        <translation>Office / organisation</translation>
    </message>
    <message>
        <source>Funktion</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Kontaktdaten im Protokoll</source>
        <translation>Contact details in minutes</translation>
    </message>
    <message>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>PeopleScreen</name>
    <message>
        <source>Personen, Ämter und Regionen</source>
        <translation>People, offices and regions</translation>
    </message>
    <message>
        <source>&amp;Personen</source>
        <translation>&amp;People</translation>
    </message>
    <message>
        <source>Ä&amp;mter</source>
        <translation>Offi&amp;ces</translation>
    </message>
    <message>
        <source>Bezirks&amp;regionen</source>
        <translation>&amp;District regions</translation>
    </message>
    <message>
        <source>Name, Amt oder Funktion filtern …</source>
        <translation>Filter by name, office or position …</translation>
    </message>
    <message>
        <source>Personen filtern</source>
        <translation>Filter people</translation>
    </message>
    <message>
        <source>nur aktive</source>
        <translation>active only</translation>
    </message>
    <message>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Neue Person…</source>
        <translation>New person…</translation>
    </message>
    <message>
        <source>Neue Person anlegen</source>
        <translation>Create a new person</translation>
    </message>
    <message>
        <source>Bearbeiten…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Gewählte Person bearbeiten</source>
        <translation>Edit the selected person</translation>
    </message>
    <message>
        <source>Person anonymisieren…</source>
        <translation>Anonymise person…</translation>
    </message>
    <message>
        <source>Name und Kontaktdaten der gewählten Person löschen</source>
        <translation>Delete the name and contact details of the selected person</translation>
    </message>
    <message>
        <source>Ämter</source>
        <translation>Offices</translation>
    </message>
    <message>
        <source>Neues Amt…</source>
        <translation>New office…</translation>
    </message>
    <message>
        <source>Neues Amt oder neue Stelle anlegen</source>
        <translation>Create a new office or unit</translation>
    </message>
    <message>
        <source>Gewähltes Amt bearbeiten</source>
        <translation>Edit the selected office</translation>
    </message>
    <message>
        <source>Die Bezirksregionen und Planungsräume (LOR) des Bezirks. TOPs, Beschlüsse und Aufgaben lassen sich damit verschlagworten.</source>
        <translation>The district regions and planning areas (LOR) of the district. Agenda items, decisions and tasks can be tagged with them.</translation>
    </message>
    <message>
        <source>LOR</source>
        <translation>LOR</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ebene</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>gehört zu</source>
        <translation>belongs to</translation>
    </message>
    <message>
        <source>Regionen</source>
        <translation>Regions</translation>
    </message>
    <message>
        <source>Person „%1“ anlegen</source>
        <translation>Create person “%1”</translation>
    </message>
    <message>
        <source>Person „%1“ ändern</source>
        <translation>Change person “%1”</translation>
    </message>
    <message>
        <source>Diese Person ist bereits anonymisiert.</source>
        <translation>This person has already been anonymised.</translation>
    </message>
    <message>
        <source>Person anonymisieren</source>
        <translation>Anonymise person</translation>
    </message>
    <message>
        <source>„%1“ anonymisieren? Name und Kontaktdaten werden gelöscht; Anwesenheit, Beschlüsse und Aufgaben bleiben in alten Protokollen erhalten. Sie können den Schritt mit Strg+Z rückgängig machen, solange sromod geöffnet ist.</source>
        <translation>Anonymise “%1”? The name and contact details will be deleted; attendance, decisions and tasks remain in past minutes. You can undo this with Ctrl+Z as long as sromod is open.</translation>
    </message>
    <message>
        <source>Die Person wurde anonymisiert.</source>
        <translation>The person has been anonymised.</translation>
    </message>
    <message>
        <source>Die Person wurde anonymisiert; ältere Sicherungen enthalten sie noch.</source>
        <translation>The person has been anonymised; older backups still contain them.</translation>
    </message>
    <message>
        <source>Die neue Sicherung konnte nicht geschrieben werden; die älteren Sicherungen bleiben erhalten. Prüfen Sie den Platz auf dem Laufwerk.</source>
        <translation>The new backup could not be written; the older backups are kept. Check the space on the drive.</translation>
    </message>
    <message>
        <source>Die Person wurde anonymisiert und die älteren Sicherungen ersetzt.</source>
        <translation>The person has been anonymised and the older backups replaced.</translation>
    </message>
    <message>
        <source>Amt „%1“ anlegen</source>
        <translation>Create office “%1”</translation>
    </message>
    <message>
        <source>Amt „%1“ ändern</source>
        <translation>Change office “%1”</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Person bearbeiten</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>Neue Person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>— kein Amt (extern) —</source>
        <translation>— no office (external) —</translation>
    </message>
    <message>
        <source>&amp;Amt:</source>
        <translation>&amp;Office:</translation>
    </message>
    <message>
        <source>bei Externen: Träger, Initiative …</source>
        <translation>for external people: provider, initiative …</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>Or&amp;ganisation:</translation>
    </message>
    <message>
        <source>&amp;Funktion:</source>
        <translation>Posi&amp;tion:</translation>
    </message>
    <message>
        <source>&amp;E-Mail:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>&amp;Telefon:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <source>externe Person (nicht aus der Verwaltung)</source>
        <translation>external person (not from the administration)</translation>
    </message>
    <message>
        <source>Einverständnis: Kontaktdaten dürfen im Protokoll stehen</source>
        <translation>Consent: contact details may appear in the minutes</translation>
    </message>
    <message>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Namen ein.</source>
        <translation>Please enter a name.</translation>
    </message>
</context>
<context>
    <name>PlanMeetingDialog</name>
    <message>
        <source>Neue Sitzung planen</source>
        <translation>Plan new meeting</translation>
    </message>
    <message>
        <source>%1. Sitzung der %2. Die ständige Tagesordnung ist leer: die Sitzung beginnt ohne TOPs.</source>
        <translation>Meeting no. %1 of the %2. The standing agenda is empty: the meeting starts without agenda items.</translation>
    </message>
    <message>
        <source>%1. Sitzung der %2. Die Tagesordnung wird aus der ständigen Tagesordnung übernommen. Sie hat keinen TOP „Wiedervorlage“: offene Aufgaben werden nicht übernommen.</source>
        <translation>Meeting no. %1 of the %2. The agenda is taken from the standing agenda. It has no “Follow-up review” item, so open tasks are not carried over.</translation>
    </message>
    <message>
        <source>%1. Sitzung der %2. Die Tagesordnung wird aus der ständigen Tagesordnung übernommen, offene Aufgaben kommen in den TOP „Wiedervorlage“.</source>
        <translation>Meeting no. %1 of the %2. The agenda is taken from the standing agenda; open tasks go into the “Follow-up review” agenda item.</translation>
    </message>
    <message>
        <source>Vertagt in der %1. Sitzung (%2) – auf die Tagesordnung übernehmen:</source>
        <translation>Postponed at meeting %1 (%2) – put on the agenda:</translation>
    </message>
    <message>
        <source>%1 %2 (%3 Min.)</source>
        <translation>%1 %2 (%3 min)</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>letzte Sitzung: %1</source>
        <translation>last meeting: %1</translation>
    </message>
    <message>
        <source>&amp;Beginn:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <source>&amp;Ort:</source>
        <translation>Ven&amp;ue:</translation>
    </message>
</context>
<context>
    <name>ProjectorControl</name>
    <message>
        <source>Projektor zeigen</source>
        <translation>Show projector</translation>
    </message>
    <message>
        <source>Uhr und Zeitrahmen auf dem Projektor zeigen</source>
        <translation>Show clock and time box on the projector</translation>
    </message>
    <message>
        <source>Projektor zeigen oder ausblenden (F7), Uhr darauf (F8)</source>
        <translation>Show or hide the projector (F7), its clock (F8)</translation>
    </message>
    <message>
        <source>Der Projektor zeigt die Uhr.</source>
        <translation>The projector shows the clock.</translation>
    </message>
    <message>
        <source>Der Projektor zeigt keine Uhr und keinen Zeitrahmen.</source>
        <translation>The projector shows no clock and no time box.</translation>
    </message>
    <message>
        <source>Projektor: aus</source>
        <translation>Projector: off</translation>
    </message>
    <message>
        <source>Projektor: mit Uhr</source>
        <translation>Projector: with clock</translation>
    </message>
    <message>
        <source>Projektor: ohne Uhr</source>
        <translation>Projector: no clock</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Projektor – Tagesordnung</source>
        <translation>Projector – agenda</translation>
    </message>
    <message>
        <source>▶ läuft</source>
        <translation>▶ running</translation>
    </message>
    <message>
        <source>Tagesordnung</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Die Sitzung ist beendet. Vielen Dank!</source>
        <translation>The meeting has ended. Thank you!</translation>
    </message>
    <message>
        <source>Die Sitzung beginnt in Kürze.</source>
        <translation>The meeting will begin shortly.</translation>
    </message>
</context>
<context>
    <name>RegionTopsModel</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Gremium</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>TOP</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ergebnis</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>RegionViewScreen</name>
    <message>
        <source>Bezirksregion</source>
        <translation>District region</translation>
    </message>
    <message>
        <source>Aufgaben der Region exportieren…</source>
        <translation>Export the region’s tasks…</translation>
    </message>
    <message>
        <source>TOPs der Region</source>
        <translation>Agenda items of the region</translation>
    </message>
    <message>
        <source>Beschlüsse der Region</source>
        <translation>Decisions of the region</translation>
    </message>
    <message>
        <source>Aufgaben der Region</source>
        <translation>Tasks of the region</translation>
    </message>
    <message>
        <source>Unerledigte Aufgaben nach Status</source>
        <translation>Outstanding tasks by status</translation>
    </message>
    <message>
        <source>Unerledigte Aufgaben nach Amt</source>
        <translation>Outstanding tasks by office</translation>
    </message>
    <message>
        <source>Bezirksregion:</source>
        <translation>District region:</translation>
    </message>
    <message>
        <source>Inhalte der Region</source>
        <translation>Contents of the region</translation>
    </message>
    <message>
        <source>In dieser Bezirksregion ist keine Aufgabe unerledigt.</source>
        <translation>No task is outstanding in this district region.</translation>
    </message>
    <message>
        <source>Aufgaben erhalten ihre Bezirksregion, wenn sie in einer Sitzung angelegt oder im Aufgabenregister bearbeitet werden.</source>
        <translation>Tasks get their district region when they are created in a meeting or edited in the task register.</translation>
    </message>
    <message>
        <source>Unerledigte Aufgaben</source>
        <translation>Outstanding tasks</translation>
    </message>
    <message>
        <source>Beschlüsse</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>TOPs</source>
        <translation>Agenda items</translation>
    </message>
    <message>
        <source>%1 offen, %2 überfällig · %3 Beschlüsse · %4 TOPs</source>
        <translation>%1 open, %2 overdue · %3 decisions · %4 agenda items</translation>
    </message>
    <message>
        <source>Unerledigte Aufgaben (%1)</source>
        <translation>Outstanding tasks (%1)</translation>
    </message>
    <message>
        <source>Beschlüsse (%1)</source>
        <translation>Decisions (%1)</translation>
    </message>
    <message>
        <source>TOPs (%1)</source>
        <translation>Agenda items (%1)</translation>
    </message>
    <message>
        <source>ohne Amt</source>
        <translation>no office</translation>
    </message>
    <message>
        <source>die unerledigten Aufgaben der Bezirksregion, wie angezeigt</source>
        <translation>the district region’s outstanding tasks, as shown</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Mitgenommene Sitzung freigeben</source>
        <translation>Release a meeting taken along</translation>
    </message>
    <message>
        <source>Die Sitzung %1 ist von %2 mitgenommen. Geben Sie sie nur frei, wenn der Laptop nicht mehr abgleichen kann (verloren, defekt): Was dort noch nicht abgeglichen ist, kommt beim nächsten Abgleich als Konflikt zurück.</source>
        <translation>The meeting %1 has been taken along by %2. Release it only if the laptop can no longer sync (lost, broken): whatever it has not synced yet comes back as a conflict at its next sync.</translation>
    </message>
    <message>
        <source>&amp;Grund:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Grund der Freigabe</source>
        <translation>Reason for the release</translation>
    </message>
    <message>
        <source>Freigeben</source>
        <translation>Release</translation>
    </message>
</context>
<context>
    <name>ReleasedBanner</name>
    <message>
        <source>Das Protokoll ist freigegeben: Angaben, Tagesordnung und Anwesenheit sind schreibgeschützt. Um etwas zu berichtigen, nehmen Sie die Freigabe zurück.</source>
        <translation>The minutes are released: details, agenda and attendance are read-only. To correct something, withdraw the release.</translation>
    </message>
    <message>
        <source>Freigabe zurücknehmen</source>
        <translation>Withdraw release</translation>
    </message>
    <message>
        <source>Freigabe zurücknehmen, um die Sitzung zu berichtigen (rückgängig machbar)</source>
        <translation>Withdraw the release to correct the meeting (can be undone)</translation>
    </message>
</context>
<context>
    <name>RepresentationDialog</name>
    <message>
        <source>Vertretung</source>
        <translation>Representation</translation>
    </message>
    <message>
        <source>Wer vertritt %1?</source>
        <translation>Who is representing %1?</translation>
    </message>
    <message>
        <source>&amp;Vertreten durch:</source>
        <translation>&amp;Represented by:</translation>
    </message>
    <message>
        <source>Bitte geben Sie an, wer vertritt.</source>
        <translation>Please state who is representing.</translation>
    </message>
</context>
<context>
    <name>ReservedBanner</name>
    <message>
        <source>Freigeben…</source>
        <translation>Release…</translation>
    </message>
    <message>
        <source>Die Reservierung ohne Abgleich beenden (etwa wenn der Laptop verloren ist); der Grund bleibt im Register vermerkt</source>
        <translation>End the reservation without a sync (say, when the laptop is lost); the reason is kept in the register</translation>
    </message>
    <message>
        <source>Diese Sitzung haben Sie für die Sitzung mitgenommen (seit %1 Uhr): im Register ändert sie bis zum nächsten Abgleich niemand sonst.</source>
        <translation>You have taken this meeting along (since %1): nobody else changes it in the register until the next sync.</translation>
    </message>
    <message>
        <source>Die Sitzung %1 ist von %2 für die Sitzung mitgenommen (seit %3 Uhr); Änderungen sind erst nach dem Abgleich möglich.</source>
        <translation>The meeting %1 has been taken along by %2 (since %3); changes are possible only after the sync.</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Aufbewahrung von Gästedaten</source>
        <translation>Guest data retention</translation>
    </message>
    <message>
        <source>Gäste und externe Personen ohne laufende Mitgliedschaft, die seit der eingestellten Frist an keiner Sitzung teilgenommen haben, werden anonymisiert oder gelöscht. Wer in Aufgaben, als Moderation oder Protokollführung genannt ist, wird nur anonymisiert, damit alte Protokolle vollständig bleiben.</source>
        <translation>Guests and external people without a current membership who have not attended any meeting within the set period are anonymised or deleted. Anyone named in tasks or as chair or minute taker is only anonymised, so that past minutes stay complete.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>zuletzt anwesend</source>
        <translation>last present</translation>
    </message>
    <message>
        <source>Anwesenheiten</source>
        <translation>Attendances</translation>
    </message>
    <message>
        <source>Vorschau: betroffene Gäste und externe Personen</source>
        <translation>Preview: guests and external people affected</translation>
    </message>
    <message>
        <source>&amp;Frist:</source>
        <translation>Retention &amp;period:</translation>
    </message>
    <message>
        <source> Monate</source>
        <translation> months</translation>
    </message>
    <message>
        <source>keine Frist</source>
        <translation>no period</translation>
    </message>
    <message>
        <source>Aufbewahrungsfrist in Monaten</source>
        <translation>Retention period in months</translation>
    </message>
    <message>
        <source>Frist &amp;speichern</source>
        <translation>&amp;Save period</translation>
    </message>
    <message>
        <source>Diese Frist als Voreinstellung speichern</source>
        <translation>Save this period as the default</translation>
    </message>
    <message>
        <source>&amp;Anonymisieren</source>
        <translation>&amp;Anonymise</translation>
    </message>
    <message>
        <source>Die aufgeführten Einträge anonymisieren</source>
        <translation>Anonymise the entries listed</translation>
    </message>
    <message>
        <source>&amp;Löschen…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Die aufgeführten Einträge löschen</source>
        <translation>Delete the entries listed</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Gast</source>
        <translation>Guest</translation>
    </message>
    <message>
        <source>externe Person</source>
        <translation>external person</translation>
    </message>
    <message>
        <source>nie</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Es ist keine Frist eingestellt; es werden keine Gästedaten entfernt.</source>
        <translation>No retention period is set; no guest data will be removed.</translation>
    </message>
    <message>
        <source>Niemand war zuletzt vor dem %1 anwesend.</source>
        <translation>Nobody was last present before %1.</translation>
    </message>
    <message>
        <source>Zuletzt vor dem %1 anwesend (%2 Einträge):</source>
        <translation>Last present before %1 (%2 entries):</translation>
    </message>
    <message>
        <source>Aufbewahrungsfrist ändern</source>
        <translation>Change retention period</translation>
    </message>
    <message>
        <source>Gästedaten anonymisieren</source>
        <translation>Anonymise guest data</translation>
    </message>
    <message>
        <source>Gästedaten löschen</source>
        <translation>Delete guest data</translation>
    </message>
    <message>
        <source>%1 Einträge löschen? Gäste verschwinden aus den Anwesenheitslisten alter Protokolle. Wer in Aufgaben, als Moderation oder Protokollführung genannt ist, wird stattdessen anonymisiert.</source>
        <translation>Delete %1 entries? Guests will disappear from the attendance lists of past minutes. Anyone named in tasks or as chair or minute taker will be anonymised instead.</translation>
    </message>
    <message>
        <source>Gästedaten: %1 anonymisiert, %2 gelöscht.</source>
        <translation>Guest data: %1 anonymised, %2 deleted.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Bis</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>bisher</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>jetzt</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Notiz</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>noch nicht besprochen</source>
        <translation>not yet discussed</translation>
    </message>
    <message>
        <source>ohne Amt</source>
        <translation>no office</translation>
    </message>
    <message>
        <source>1 Aufgabe</source>
        <translation>1 task</translation>
    </message>
    <message>
        <source>, %1 überfällig</source>
        <translation>, %1 overdue</translation>
    </message>
    <message>
        <source>, %1 besprochen</source>
        <translation>, %1 discussed</translation>
    </message>
    <message>
        <source>%1, überfällig</source>
        <translation>%1, overdue</translation>
    </message>
    <message>
        <source>%1 Aufgaben</source>
        <translation>%1 tasks</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Notiz zur Wiedervorlage (optional), dann Alt+1…5</source>
        <translation>Note on the follow-up review (optional), then Alt+1…5</translation>
    </message>
    <message>
        <source>Notiz zur Wiedervorlage</source>
        <translation>Note on the follow-up review</translation>
    </message>
    <message>
        <source>&amp;Amt:</source>
        <translation>&amp;Office:</translation>
    </message>
    <message>
        <source>nur über&amp;fällige</source>
        <translation>only o&amp;verdue</translation>
    </message>
    <message>
        <source>nach Amt &amp;gruppieren</source>
        <translation>&amp;group by office</translation>
    </message>
    <message>
        <source>Aufgaben der Wiedervorlage</source>
        <translation>Tasks for follow-up review</translation>
    </message>
    <message>
        <source>Pfeil hoch/runter: Aufgabe wählen · Tasten 1–5: Stand setzen und weiter</source>
        <translation>Up/down arrow: choose a task · keys 1–5: set status and move on</translation>
    </message>
    <message>
        <source>&amp;Notiz:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Stand „%1“ setzen (Taste %2, im Notizfeld Alt+%2)</source>
        <translation>Set status “%1” (key %2, Alt+%2 in the note field)</translation>
    </message>
    <message>
        <source>Stand: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Wiedervorlage: 1 Aufgabe, %2 besprochen</source>
        <translation>Follow-up review: 1 task, %2 discussed</translation>
    </message>
    <message>
        <source>Wiedervorlage: %1 Aufgaben, %2 besprochen</source>
        <translation>Follow-up review: %1 tasks, %2 discussed</translation>
    </message>
    <message>
        <source>alle Ämter (%1)</source>
        <translation>all offices (%1)</translation>
    </message>
    <message>
        <source>Keine Aufgaben zur Wiedervorlage.</source>
        <translation>No tasks for follow-up review.</translation>
    </message>
    <message>
        <source>Keine Aufgabe passt zum Filter.</source>
        <translation>No task matches the filter.</translation>
    </message>
    <message>
        <source>%1: %6 · Wer: %2 · bis: %3 · Stand bisher: %4 · in dieser Sitzung: %5</source>
        <translation>%1: %6 · Who: %2 · due: %3 · status so far: %4 · in this meeting: %5</translation>
    </message>
    <message>
        <source>Wiedervorlage %1: %2</source>
        <translation>Follow-up review %1: %2</translation>
    </message>
</context>
<context>
    <name>RoleNote</name>
    <message>
        <source>Nur Lesen: Ihre Anmeldung „%1“ darf im Register nichts ändern. Sie können alles ansehen, suchen und exportieren.</source>
        <translation>Read only: your login “%1” may not change anything in the register. You can view, search and export everything.</translation>
    </message>
    <message>
        <source>Nur Lesen bis auf die Aufgaben Ihres Amtes: Ihre Anmeldung „%1“ (Amt %2) ändert nur Status, Fälligkeit, Bemerkung und Notizen der Aufgaben des Amtes %2 (Seite „Aufgaben“, „Aufgabenliste importieren…“); alles andere ist schreibgeschützt.</source>
        <translation>Read only except your office&apos;s tasks: your login “%1” (office %2) changes only status, due date, remark and notes of office %2&apos;s tasks (page “Tasks”, “Import task list…”); everything else is read-only.</translation>
    </message>
</context>
<context>
    <name>RunningTopPanel</name>
    <message>
        <source>▶ läuft</source>
        <translation>▶ running</translation>
    </message>
    <message>
        <source>Zeit des laufenden TOP</source>
        <translation>Time of the current agenda item</translation>
    </message>
    <message>
        <source>Die Tagesordnung ist leer.</source>
        <translation>The agenda is empty.</translation>
    </message>
    <message>
        <source>Danach: %1  %2</source>
        <translation>Next: %1  %2</translation>
    </message>
    <message>
        <source>Danach: Ende der Tagesordnung</source>
        <translation>Next: end of the agenda</translation>
    </message>
    <message>
        <source>Vortrag: %1</source>
        <translation>Presented by: %1</translation>
    </message>
    <message>
        <source>geplant %1 Min.</source>
        <translation>planned %1 min</translation>
    </message>
    <message>
        <source>nicht begonnen</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>Zeit für %1 abgelaufen</source>
        <translation>Time for %1 is up</translation>
    </message>
    <message>
        <source>jetzt %1</source>
        <translation>now %1</translation>
    </message>
    <message>
        <source>+%1 Min.</source>
        <translation>+%1 min</translation>
    </message>
    <message>
        <source> · Ende voraussichtlich %1</source>
        <translation> · expected end %1</translation>
    </message>
</context>
<context>
    <name>SchemeMenu</name>
    <message>
        <source>&amp;Farben</source>
        <translation>&amp;Colours</translation>
    </message>
    <message>
        <source>Wie das &amp;System</source>
        <translation>Like the &amp;system</translation>
    </message>
    <message>
        <source>&amp;Hell</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>Hoher &amp;Kontrast (dunkel)</source>
        <translation>High &amp;contrast (dark)</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Suchen in TOPs, Beschlüssen, Aufgaben, Personen …</source>
        <translation>Search agenda items, decisions, tasks, people …</translation>
    </message>
    <message>
        <source>Suche</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Suchbegriff eingeben; Umlaute dürfen fehlen (ubergabe).</source>
        <translation>Enter a search term; umlauts may be left out (ubergabe).</translation>
    </message>
    <message>
        <source>Nichts gefunden.</source>
        <translation>Nothing found.</translation>
    </message>
    <message>
        <source>mehr als %1 Treffer</source>
        <translation>more than %1 results</translation>
    </message>
    <message>
        <source>%1 Treffer</source>
        <translation>%1 results</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>TOPs</source>
        <translation>Agenda items</translation>
    </message>
    <message>
        <source>Beschlüsse</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Aufgaben</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Alle %1 TOPs anzeigen …</source>
        <translation>Show all %1 agenda items …</translation>
    </message>
    <message>
        <source>Alle %1 Beschlüsse im Beschlussregister anzeigen …</source>
        <translation>Show all %1 decisions in the decision register …</translation>
    </message>
    <message>
        <source>Alle %1 Aufgaben im Aufgabenregister anzeigen …</source>
        <translation>Show all %1 tasks in the task register …</translation>
    </message>
    <message>
        <source>Alle %1 Personen anzeigen …</source>
        <translation>Show all %1 people …</translation>
    </message>
    <message>
        <source>Alle TOPs anzeigen (mehr als %1) …</source>
        <translation>Show all agenda items (more than %1) …</translation>
    </message>
    <message>
        <source>Alle Beschlüsse im Beschlussregister anzeigen (mehr als %1) …</source>
        <translation>Show all decisions in the decision register (more than %1) …</translation>
    </message>
    <message>
        <source>Alle Aufgaben im Aufgabenregister anzeigen (mehr als %1) …</source>
        <translation>Show all tasks in the task register (more than %1) …</translation>
    </message>
    <message>
        <source>Alle Personen anzeigen (mehr als %1) …</source>
        <translation>Show all people (more than %1) …</translation>
    </message>
    <message>
        <source>mehr als %1</source>
        <translation>more than %1</translation>
    </message>
    <message>
        <source>‹ Alle Gruppen</source>
        <translation>‹ All groups</translation>
    </message>
    <message>
        <source>, die ersten %1</source>
        <translation>, the first %1</translation>
    </message>
</context>
<context>
    <name>ShortcutHelp</name>
    <message>
        <source>Weitere Tasten</source>
        <translation>More keys</translation>
    </message>
    <message>
        <source>&amp;Tastenkürzel</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source> oder </source>
        <translation> or </translation>
    </message>
    <message>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Alt mit dem unterstrichenen Buchstaben öffnet ein Menü oder wählt einen Reiter, ein Feld oder eine Schaltfläche. Tab und Umschalt+Tab gehen von Feld zu Feld, die Pfeiltasten innerhalb von Listen und Tabellen.</source>
        <translation>Alt with the underlined letter opens a menu or chooses a tab, a field or a button. Tab and Shift+Tab move from field to field, the arrow keys within lists and tables.</translation>
    </message>
    <message>
        <source>Funktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Taste</source>
        <translation>Key</translation>
    </message>
</context>
<context>
    <name>StandingAgendaTab</name>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Min.</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Ständige Tagesordnung</source>
        <translation>Standing agenda</translation>
    </message>
    <message>
        <source>Diese TOPs erhält jede neu geplante Sitzung. Ein TOP der Art „Wiedervorlage“ bekommt die offenen Aufgaben des Gremiums.</source>
        <translation>Every newly planned meeting gets these agenda items. An item of the type “Follow-up review” receives the body’s open tasks.</translation>
    </message>
    <message>
        <source>TOP hinzufügen…</source>
        <translation>Add agenda item…</translation>
    </message>
    <message>
        <source>TOP zur Vorlage hinzufügen</source>
        <translation>Add an agenda item to the template</translation>
    </message>
    <message>
        <source>Bearbeiten…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Gewählten Vorlage-TOP bearbeiten</source>
        <translation>Edit the selected template item</translation>
    </message>
    <message>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Gewählten Vorlage-TOP löschen</source>
        <translation>Delete the selected template item</translation>
    </message>
    <message>
        <source>▲ Nach oben</source>
        <translation>▲ Move up</translation>
    </message>
    <message>
        <source>Vorlage-TOP nach oben</source>
        <translation>Move template item up</translation>
    </message>
    <message>
        <source>▼ Nach unten</source>
        <translation>▼ Move down</translation>
    </message>
    <message>
        <source>Vorlage-TOP nach unten</source>
        <translation>Move template item down</translation>
    </message>
    <message>
        <source>Zusammen %1 Minuten</source>
        <translation>%1 minutes in total</translation>
    </message>
    <message>
        <source>Vorlage-TOP „%1“ hinzufügen</source>
        <translation>Add template item “%1”</translation>
    </message>
    <message>
        <source>Vorlage-TOP „%1“ ändern</source>
        <translation>Change template item “%1”</translation>
    </message>
    <message>
        <source>Vorlage-TOP „%1“ löschen</source>
        <translation>Delete template item “%1”</translation>
    </message>
    <message>
        <source>Vorlage-TOP „%1“ verschieben</source>
        <translation>Move template item “%1”</translation>
    </message>
</context>
<context>
    <name>Starter</name>
    <message>
        <source>Datenbank öffnen</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>sromod-Datenbanken (*.db *.sqlite *.sromod);;Alle Dateien (*)</source>
        <translation>sromod databases (*.db *.sqlite *.sromod);;All files (*)</translation>
    </message>
</context>
<context>
    <name>StoreSwitcher</name>
    <message>
        <source>Datenbank öffnen</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>sromod-Datenbanken (*.db *.sqlite *.sromod);;Alle Dateien (*)</source>
        <translation>sromod databases (*.db *.sqlite *.sromod);;All files (*)</translation>
    </message>
    <message>
        <source>Sicherung wiederherstellen</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Soll sie umbenannt daneben aufbewahrt und die Sicherung wiederhergestellt werden?</source>
        <translation>Shall it be renamed and kept beside it, and the backup restored?</translation>
    </message>
    <message>
        <source>Datenbank „%1“ geöffnet.</source>
        <translation>Database “%1” opened.</translation>
    </message>
    <message>
        <source>Sicherungen (*.db *.sqlite *.bak);;Alle Dateien (*)</source>
        <translation>Backups (*.db *.sqlite *.bak);;All files (*)</translation>
    </message>
    <message>
        <source>Die jetzige Datenbank wird durch die Sicherung ersetzt (eine Kopie des jetzigen Stands wird aufbewahrt). Fortfahren?</source>
        <translation>The current database will be replaced by the backup (a copy of its present state is kept). Continue?</translation>
    </message>
    <message>
        <source>Die Sicherung wird geprüft und eingespielt …</source>
        <translation>Checking and restoring the backup …</translation>
    </message>
    <message>
        <source>Sicherung wiederhergestellt.</source>
        <translation>Backup restored.</translation>
    </message>
    <message>
        <source>Datenbank prüfen</source>
        <translation>Check database</translation>
    </message>
    <message>
        <source>Die Datenbank wird geprüft …</source>
        <translation>Checking the database …</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>Diese Datenbank ist keine Replik des Registers. Um eine anzulegen, verbinden Sie sich zuerst mit dem Register (Datei → Mit Register verbinden…) und wählen dann Datei → Mit dem Register abgleichen….</source>
        <translation>This database is no replica of the register. To make one, first connect to the register (File → Connect to register…), then choose File → Sync with the register….</translation>
    </message>
    <message>
        <source>Mit dem Register abgleichen</source>
        <translation>Sync with the register</translation>
    </message>
    <message>
        <source>Replik anlegen</source>
        <translation>Make replica</translation>
    </message>
    <message>
        <source>Die Daten der Gremien werden vom Server geholt …</source>
        <translation>Fetching the bodies&apos; data from the server …</translation>
    </message>
    <message>
        <source>Abgebrochen: es wurde keine Replik angelegt.</source>
        <translation>Cancelled: no replica was made.</translation>
    </message>
    <message>
        <source>Die Replik ist angelegt: %1</source>
        <translation>The replica has been made: %1</translation>
    </message>
    <message>
        <source>Gremien: %1.</source>
        <translation>Bodies: %1.</translation>
    </message>
    <message>
        <source>Sitzungen: %1; Aufgaben: %2; Personen: %3.</source>
        <translation>Meetings: %1; tasks: %2; people: %3.</translation>
    </message>
    <message>
        <source>Für die Sitzung mitgenommen: %1 (bis zum nächsten Abgleich ändert sie im Register niemand sonst).</source>
        <translation>Taken along for the meeting: %1 (nobody else changes it in the register until the next sync).</translation>
    </message>
    <message>
        <source>Replik angelegt</source>
        <translation>Replica made</translation>
    </message>
    <message>
        <source>Replik jetzt ö&amp;ffnen</source>
        <translation>&amp;Open the replica now</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Abgleich abgeschlossen</source>
        <translation>Sync finished</translation>
    </message>
    <message>
        <source>&amp;Konflikte ansehen…</source>
        <translation>&amp;View conflicts…</translation>
    </message>
</context>
<context>
    <name>SyncExisting</name>
    <message>
        <source>Abgleich abgeschlossen.</source>
        <translation>Sync finished.</translation>
    </message>
    <message>
        <source>Zusammengeführt (hier und im Register in verschiedenen Feldern geändert): %1.</source>
        <translation>Merged (changed here and in the register in different fields): %1.</translation>
    </message>
    <message>
        <source>Konflikte: %1. Bis zu Ihrer Entscheidung gilt die Fassung des Registers; Ihre ist aufbewahrt.</source>
        <translation>Conflicts: %1. Until you decide, the register&apos;s version stands; yours is kept.</translation>
    </message>
    <message>
        <source>Im Register gerade von anderen geändert (der nächste Abgleich führt sie zusammen): %1.</source>
        <translation>Just changed by others in the register (the next sync merges them): %1.</translation>
    </message>
    <message>
        <source>Das Änderungsprotokoll des Registers war seit Ihrem letzten Abgleich gekürzt; die Replik wurde deshalb ganz mit dem Register verglichen. Ihre eigenen Änderungen sind erhalten und wurden ins Register geschrieben.</source>
        <translation>The register&apos;s change log was trimmed since your last sync, so the replica was compared with the whole register. Your own changes were kept and written to the register.</translation>
    </message>
    <message>
        <source>Mit dem Register abgleichen</source>
        <translation>Sync with the register</translation>
    </message>
    <message>
        <source>Abgleich mit dem Register läuft …</source>
        <translation>Syncing with the register …</translation>
    </message>
    <message>
        <source>Abgebrochen. Was schon abgeglichen war, bleibt es; der nächste Abgleich schließt den Rest ab.</source>
        <translation>Cancelled. What was already synced stays so; the next sync completes the rest.</translation>
    </message>
    <message>
        <source>Abgebrochen: ohne Passwort wurde nicht abgeglichen; die Replik ist unverändert.</source>
        <translation>Cancelled: without a password nothing was synced; the replica is unchanged.</translation>
    </message>
    <message>
        <source>Einträge ins Register geschrieben: %1; aus dem Register geholt: %2.</source>
        <translation>Entries written to the register: %1; fetched from the register: %2.</translation>
    </message>
    <message>
        <source>Zurückgegeben: %1.</source>
        <translation>Returned: %1.</translation>
    </message>
    <message>
        <source>Für die Sitzung mitgenommen: %1 (bis zum nächsten Abgleich ändert sie im Register niemand sonst).</source>
        <translation>Taken along for the meeting: %1 (nobody else changes it in the register until the next sync).</translation>
    </message>
    <message>
        <source>Neu nummeriert (die Nummer war im Register vergeben): %1 → %2</source>
        <translation>Renumbered (the number was taken in the register): %1 → %2</translation>
    </message>
</context>
<context>
    <name>TakeAlongDialog</name>
    <message>
        <source>Mit dem Register abgleichen</source>
        <translation>Sync with the register</translation>
    </message>
    <message>
        <source>Der Abgleich schreibt die Änderungen dieses Laptops ins Register und holt die der anderen. Sitzungen, die Sie mitgenommen hatten, gibt er zurück. Wählen Sie, welche Sitzungen Sie (wieder) für die Sitzung mitnehmen: bis zum nächsten Abgleich ändert sie im Register niemand sonst.</source>
        <translation>The sync writes this laptop&apos;s changes to the register and fetches the others&apos;. Meetings you had taken along are returned. Choose which meetings to take along (again): until the next sync nobody else changes them in the register.</translation>
    </message>
    <message>
        <source>Für die Sitzung &amp;mitnehmen:</source>
        <translation>&amp;Take along for the meeting:</translation>
    </message>
    <message>
        <source>Sitzungen zum Mitnehmen</source>
        <translation>Meetings to take along</translation>
    </message>
    <message>
        <source>Abgleichen</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>TaskDetailPane</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Bis wann</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Priorität</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Bezirksregion</source>
        <translation>District region</translation>
    </message>
    <message>
        <source>Beschluss</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Herkunft</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Bemerkung</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verlauf&lt;/b&gt;</source>
        <translation>&lt;b&gt;History&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Notiz hinzufügen…</source>
        <translation>Add note…</translation>
    </message>
    <message>
        <source>Wann – von wem</source>
        <translation>When – by whom</translation>
    </message>
    <message>
        <source>Was – woher – Notiz</source>
        <translation>What – from where – note</translation>
    </message>
    <message>
        <source>Eingetragen von (Anmeldung oder Benutzer des Rechners)</source>
        <translation>Entered by (login or the computer&apos;s user)</translation>
    </message>
    <message>
        <source>Keine Aufgabe gewählt</source>
        <translation>No task selected</translation>
    </message>
    <message>
        <source>Mit Ihrer Anmeldung dürfen Sie diese Aufgabe nicht ändern.</source>
        <translation>Your login may not change this task.</translation>
    </message>
    <message>
        <source> – überfällig</source>
        <translation> – overdue</translation>
    </message>
    <message>
        <source>außerhalb einer Sitzung angelegt</source>
        <translation>created outside a meeting</translation>
    </message>
    <message>
        <source>Notiz zur Aufgabe</source>
        <translation>Note on the task</translation>
    </message>
</context>
<context>
    <name>TaskFilterBar</name>
    <message>
        <source>Amt</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>alle Personen</source>
        <translation>all people</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>nur überfällige</source>
        <translation>overdue only</translation>
    </message>
    <message>
        <source>Wörter in Nr., Aufgabe, Bemerkung …</source>
        <translation>Words in no., task, remark …</translation>
    </message>
    <message>
        <source>Suche in den Aufgaben</source>
        <translation>Search the tasks</translation>
    </message>
    <message>
        <source>Gremium</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Bezirksregion</source>
        <translation>District region</translation>
    </message>
    <message>
        <source>fällig ab</source>
        <translation>due from</translation>
    </message>
    <message>
        <source>fällig bis</source>
        <translation>due by</translation>
    </message>
    <message>
        <source>Filter zurücksetzen</source>
        <translation>Reset filters</translation>
    </message>
    <message>
        <source>fällig von</source>
        <translation>due from</translation>
    </message>
    <message>
        <source>bis</source>
        <translation>to</translation>
    </message>
    <message>
        <source>alle Ämter</source>
        <translation>all offices</translation>
    </message>
    <message>
        <source>alle Gremien</source>
        <translation>all bodies</translation>
    </message>
    <message>
        <source>alle Bezirksregionen</source>
        <translation>all district regions</translation>
    </message>
    <message>
        <source>alle Status</source>
        <translation>all statuses</translation>
    </message>
    <message>
        <source>unerledigt (offen, in Bearbeitung, zurückgestellt)</source>
        <translation>outstanding (open, in progress, deferred)</translation>
    </message>
    <message>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <source>in Bearbeitung</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>erledigt</source>
        <translation>done</translation>
    </message>
    <message>
        <source>zurückgestellt</source>
        <translation>deferred</translation>
    </message>
    <message>
        <source>entfällt</source>
        <translation>dropped</translation>
    </message>
</context>
<context>
    <name>TaskForm</name>
    <message>
        <source>Was ist zu tun?</source>
        <translation>What needs to be done?</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Kürzel oder Name, z. B. Jug</source>
        <translation>Abbreviation or name, e.g. Jug</translation>
    </message>
    <message>
        <source>Amt</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>z. B. 15.12., 15.12.2026 oder +2w</source>
        <translation>e.g. 15.12., 15.12.2026 or +2w</translation>
    </message>
    <message>
        <source>Bis wann</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Aufgabe festhalten (Enter)</source>
        <translation>Record task (Enter)</translation>
    </message>
    <message>
        <source>Aufgabe (Strg+T) – Was:</source>
        <translation>Task (Ctrl+T) – what:</translation>
    </message>
    <message>
        <source>Amt:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <source>Bis wann:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>(Datum unklar)</source>
        <translation>(date unclear)</translation>
    </message>
</context>
<context>
    <name>TaskRegisterScreen</name>
    <message>
        <source>Zählung</source>
        <translation>Counts</translation>
    </message>
    <message>
        <source>Aufgaben</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Status setzen</source>
        <translation>Set status</translation>
    </message>
    <message>
        <source>Aufgabenliste exportieren…</source>
        <translation>Export task list…</translation>
    </message>
    <message>
        <source>Aufgabenliste importieren…</source>
        <translation>Import task list…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Den Detailbereich der gewählten Aufgabe ein- oder ausblenden</source>
        <translation>Show or hide the details of the chosen task</translation>
    </message>
    <message>
        <source>Detailbereich anzeigen</source>
        <translation>Show details pane</translation>
    </message>
    <message>
        <source>Noch keine offenen Aufgaben</source>
        <translation>No open tasks yet</translation>
    </message>
    <message>
        <source>Aufgaben entstehen in den Sitzungen (Reiter „Beschlüsse &amp; Aufgaben“) oder kommen aus einer bearbeiteten Excel-Liste.</source>
        <translation>Tasks arise in meetings (tab “Decisions &amp; tasks”) or come from an edited Excel list.</translation>
    </message>
    <message>
        <source>Alle Aufgaben anzeigen</source>
        <translation>Show all tasks</translation>
    </message>
    <message>
        <source>Keine Aufgabe passt zu diesen Filtern.</source>
        <translation>No task matches these filters.</translation>
    </message>
    <message>
        <source>Filter zurücksetzen</source>
        <translation>Reset filters</translation>
    </message>
    <message>
        <source>Alle Ämter</source>
        <translation>All offices</translation>
    </message>
    <message>
        <source>%1: %2 offen, %3 überfällig · %4 Aufgaben in der Auswahl</source>
        <translation>%1: %2 open, %3 overdue · %4 tasks in the selection</translation>
    </message>
    <message>
        <source>%1: %2 offen, %3 überfällig · 1 Aufgabe in der Auswahl</source>
        <translation>%1: %2 open, %3 overdue · 1 task in the selection</translation>
    </message>
    <message>
        <source>Mit Ihrer Anmeldung dürfen Sie den Status dieser Aufgaben nicht ändern.</source>
        <translation>Your login may not change the status of these tasks.</translation>
    </message>
    <message>
        <source>Sitzung und TOP öffnen</source>
        <translation>Open meeting and agenda item</translation>
    </message>
    <message>
        <source>Status von %1 auf „%2“ setzen</source>
        <translation>Set status of %1 to “%2”</translation>
    </message>
    <message>
        <source>Status von %1 Aufgaben auf „%2“ setzen</source>
        <translation>Set status of %1 tasks to “%2”</translation>
    </message>
    <message>
        <source>%1 Aufgaben auf „%2“ gesetzt.</source>
        <translation>%1 tasks set to “%2”.</translation>
    </message>
    <message>
        <source>1 Aufgabe auf „%2“ gesetzt.</source>
        <translation>1 task set to “%2”.</translation>
    </message>
    <message>
        <source>Nichts geändert: die gewählten Aufgaben stehen schon auf „%2“.</source>
        <translation>Nothing changed: the chosen tasks are already “%2”.</translation>
    </message>
    <message>
        <source>Notiz zur Aufgabe</source>
        <translation>Note on the task</translation>
    </message>
    <message>
        <source>wie im Register gefiltert</source>
        <translation>as filtered in the register</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>%1. Sitzung, %2</source>
        <translation>Meeting %1, %2</translation>
    </message>
    <message>
        <source>überfällig</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Amt</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Fällig am</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Überfällig</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Priorität</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Bezirksregion</source>
        <translation>District region</translation>
    </message>
    <message>
        <source>Gremium</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Sitzung</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Bemerkung</source>
        <translation>Remark</translation>
    </message>
</context>
<context>
    <name>UndoFeedback</name>
    <message>
        <source>Anzeigen</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Dorthin gehen, wo der Schritt gemacht wurde</source>
        <translation>Go to where the step was taken</translation>
    </message>
    <message>
        <source>Ort des rückgängig gemachten Schritts anzeigen</source>
        <translation>Show the place of the undone step</translation>
    </message>
    <message>
        <source>Rückgängig gemacht: %1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <source>Wiederholt: %1</source>
        <translation>Redone: %1</translation>
    </message>
</context>
<context>
    <name>VoteOverrideDialog</name>
    <message>
        <source>Mehr Stimmen als Stimmberechtigte</source>
        <translation>More votes than voting members</translation>
    </message>
    <message>
        <source>Bitte die Zahlen prüfen. Sind sie richtig (z. B. eine Vertretung mit zwei Stimmen), geben Sie den Grund an; er wird mit dem Beschluss festgehalten.</source>
        <translation>Please check the numbers. If they are right (e.g. a substitute holding two votes), give the reason; it is recorded with the decision.</translation>
    </message>
    <message>
        <source>&amp;Begründung:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Mit Begründung übernehmen</source>
        <translation>Accept with reason</translation>
    </message>
    <message>
        <source>Zahlen korrigieren</source>
        <translation>Correct the numbers</translation>
    </message>
    <message>
        <source>Ohne Begründung werden nicht mehr Stimmen als Stimmberechtigte übernommen.</source>
        <translation>Without a reason, no more votes than voting members are accepted.</translation>
    </message>
    <message>
        <source>%1 Stimmen abgegeben, aber nur %2 stimmberechtigte Mitglieder anwesend.</source>
        <translation>%1 votes cast, but only %2 voting members present.</translation>
    </message>
    <message>
        <source>%1 Stimmen abgegeben bei %2 anwesenden stimmberechtigten Mitgliedern.</source>
        <translation>%1 votes cast with %2 voting members present.</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>TOP %1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <source>%1. Sitzung der %2</source>
        <translation>Meeting %1 of the %2</translation>
    </message>
    <message>
        <source>%1, %2. Sitzung, %3</source>
        <translation>%1, meeting %2, %3</translation>
    </message>
    <message>
        <source>einstimmig angenommen</source>
        <translation>adopted unanimously</translation>
    </message>
    <message>
        <source>einstimmig abgelehnt</source>
        <translation>rejected unanimously</translation>
    </message>
    <message>
        <source>%1 angenommen</source>
        <translation>adopted %1</translation>
    </message>
    <message>
        <source>%1 abgelehnt</source>
        <translation>rejected %1</translation>
    </message>
    <message>
        <source>mit %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <source>ohne Ja-Stimme</source>
        <translation>with no vote in favour</translation>
    </message>
    <message>
        <source>bei %1</source>
        <translation>to %1</translation>
    </message>
    <message>
        <source>%1 und %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>1 Ja-Stimme</source>
        <translation>1 vote</translation>
    </message>
    <message>
        <source>%1 Ja-Stimmen</source>
        <translation>%1 votes</translation>
    </message>
    <message>
        <source>1 Nein-Stimme</source>
        <translation>1 against</translation>
    </message>
    <message>
        <source>%1 Nein-Stimmen</source>
        <translation>%1 against</translation>
    </message>
    <message>
        <source>1 Enthaltung</source>
        <translation>1 abstention</translation>
    </message>
    <message>
        <source>%1 Enthaltungen</source>
        <translation>%1 abstentions</translation>
    </message>
    <message>
        <source>Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern beschlussfähig.</source>
        <translation>The %1 is quorate with %2 of %3 voting members.</translation>
    </message>
    <message>
        <source>Die %1 ist mit %2 von %3 stimmberechtigten Mitgliedern nicht beschlussfähig.</source>
        <translation>The %1 is not quorate with %2 of %3 voting members.</translation>
    </message>
    <message>
        <source>Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern nicht mehr beschlussfähig.</source>
        <translation>From %1 the %2 was no longer quorate with %3 of %4 voting members.</translation>
    </message>
    <message>
        <source>Ab %1 Uhr war die %2 mit %3 von %4 stimmberechtigten Mitgliedern wieder beschlussfähig.</source>
        <translation>From %1 the %2 was quorate again with %3 of %4 voting members.</translation>
    </message>
    <message>
        <source>„%1“</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Blatt „%1“, Zeile %2</source>
        <translation>Sheet “%1”, row %2</translation>
    </message>
    <message>
        <source>Blatt „%1“, Zeile %2 (%3)</source>
        <translation>Sheet “%1”, row %2 (%3)</translation>
    </message>
    <message>
        <source>Die Datei „%1“ kann nicht gelesen werden: der Zugriff wurde verweigert (ist sie noch in einem anderen Programm geöffnet?).</source>
        <translation>The file “%1” cannot be read: access was denied (is it still open in another program?).</translation>
    </message>
    <message>
        <source>Die Datei „%1“ gibt es nicht.</source>
        <translation>The file “%1” does not exist.</translation>
    </message>
    <message>
        <source>Die Datei „%1“ kann nicht gelesen werden: sie ist keine Excel-Arbeitsmappe (.xlsx) oder beschädigt.</source>
        <translation>The file “%1” cannot be read: it is not an Excel workbook (.xlsx) or it is damaged.</translation>
    </message>
    <message>
        <source>Die Datei „%1“ kann nicht gelesen werden: sie ist beschädigt.</source>
        <translation>The file “%1” cannot be read: it is damaged.</translation>
    </message>
    <message>
        <source>Die Datei „%1“ ist keine Aufgabenliste von sromod: es fehlt ein Blatt mit den Spalten „%2“ und „%3“.</source>
        <translation>The file “%1” is not a sromod task list: no sheet has the columns “%2” and “%3”.</translation>
    </message>
    <message>
        <source>%1, Spalte „%2“ (%3): eine Formel kann nicht eingelesen werden; bitte den Wert eintragen.</source>
        <translation>%1, column “%2” (%3): a formula cannot be imported; please enter the value.</translation>
    </message>
    <message>
        <source>%1: die Spalte „%2“ ist leer; neue Aufgaben können nicht per Excel angelegt werden, bitte in sromod erfassen.</source>
        <translation>%1: the column “%2” is empty; new tasks cannot be created through Excel, please enter them in sromod.</translation>
    </message>
    <message>
        <source>%1: die Aufgabe %2 gibt es in dieser Datenbank nicht.</source>
        <translation>%1: the task %2 does not exist in this database.</translation>
    </message>
    <message>
        <source>%1: der Status ist leer.</source>
        <translation>%1: the status is empty.</translation>
    </message>
    <message>
        <source>%1: den Status „%2“ kennt sromod nicht (möglich: %3).</source>
        <translation>%1: sromod does not know the status “%2” (possible: %3).</translation>
    </message>
    <message>
        <source>%1: „%2“ in der Spalte „%3“ ist kein Datum.</source>
        <translation>%1: “%2” in the column “%3” is not a date.</translation>
    </message>
    <message>
        <source>%1: die Spalte „Stand“ fehlt oder ist leer; so lässt sich nicht prüfen, ob %2 seit dem Export geändert wurde.</source>
        <translation>%1: the column “Stand” is missing or empty, so sromod cannot check whether %2 was changed since the export.</translation>
    </message>
    <message>
        <source>Die Aufgabe %1 steht in mehreren Blättern mit verschiedenen Angaben (%2; %3).</source>
        <translation>The task %1 is on several sheets with different entries (%2; %3).</translation>
    </message>
    <message>
        <source>Status: %1 → %2</source>
        <translation>Status: %1 → %2</translation>
    </message>
    <message>
        <source>Fällig am: %1 → %2</source>
        <translation>Due: %1 → %2</translation>
    </message>
    <message>
        <source>Bemerkung: %1 → %2</source>
        <translation>Remark: %1 → %2</translation>
    </message>
    <message>
        <source>(leer)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>status %1</translation>
    </message>
    <message>
        <source>fällig %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>Bemerkung %1</source>
        <translation>remark %1</translation>
    </message>
    <message>
        <source>in sromod: %1</source>
        <translation>in sromod: %1</translation>
    </message>
    <message>
        <source>in der Datei: %1</source>
        <translation>in the file: %1</translation>
    </message>
    <message>
        <source>Spalte „%1“ geändert in %2 (%3) – wird nicht übernommen.</source>
        <translation>Column “%1” changed in %2 (%3) – not taken over.</translation>
    </message>
    <message>
        <source>Spalte „%1“ (nicht Teil der Liste) geändert in %2 (%3) – wird nicht übernommen.</source>
        <translation>Column “%1” (not part of the list) changed in %2 (%3) – not taken over.</translation>
    </message>
    <message>
        <source>1 Zeile</source>
        <translation>1 row</translation>
    </message>
    <message>
        <source>%1 Zeilen</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <source>%1: ein Text von %2 Zeichen in der Spalte „%3“ – wird nicht übernommen.</source>
        <translation>%1: a text of %2 characters in the column “%3” – not taken over.</translation>
    </message>
    <message>
        <source>Nicht eingelesen (keine Aufgabenblätter): %1.</source>
        <translation>Not read (no task sheets): %1.</translation>
    </message>
    <message>
        <source>die Aufgabe %1</source>
        <translation>task %1</translation>
    </message>
    <message>
        <source>die Aufgabe</source>
        <translation>the task</translation>
    </message>
    <message>
        <source>der Beschluss %1</source>
        <translation>decision %1</translation>
    </message>
    <message>
        <source>der Beschluss</source>
        <translation>the decision</translation>
    </message>
    <message>
        <source>die Sitzung Nr. %1</source>
        <translation>meeting no. %1</translation>
    </message>
    <message>
        <source>die Sitzung</source>
        <translation>the meeting</translation>
    </message>
    <message>
        <source>der TOP „%1“</source>
        <translation>agenda item “%1”</translation>
    </message>
    <message>
        <source>der TOP</source>
        <translation>the agenda item</translation>
    </message>
    <message>
        <source>das Gremium %1</source>
        <translation>body %1</translation>
    </message>
    <message>
        <source>das Gremium</source>
        <translation>the body</translation>
    </message>
    <message>
        <source>der Eintrag von %1</source>
        <translation>the entry of %1</translation>
    </message>
    <message>
        <source>der Eintrag</source>
        <translation>the entry</translation>
    </message>
    <message>
        <source>das Amt %1</source>
        <translation>office %1</translation>
    </message>
    <message>
        <source>das Amt</source>
        <translation>the office</translation>
    </message>
    <message>
        <source>der Anwesenheitseintrag</source>
        <translation>the attendance entry</translation>
    </message>
    <message>
        <source>die Wiedervorlage</source>
        <translation>the follow-up review</translation>
    </message>
    <message>
        <source>die Mitgliedschaft</source>
        <translation>the membership</translation>
    </message>
    <message>
        <source>die Anlage „%1“</source>
        <translation>attachment “%1”</translation>
    </message>
    <message>
        <source>die Anlage</source>
        <translation>the attachment</translation>
    </message>
    <message>
        <source>der Vorlage-TOP „%1“</source>
        <translation>template agenda item “%1”</translation>
    </message>
    <message>
        <source>der Vorlage-TOP</source>
        <translation>the template agenda item</translation>
    </message>
    <message>
        <source>dieser Eintrag</source>
        <translation>this entry</translation>
    </message>
    <message>
        <source>%1 wurde inzwischen von jemand anderem geändert. Ihre Änderung wurde nicht gespeichert; angezeigt wird jetzt der aktuelle Stand.</source>
        <translation>%1 has been changed by someone else in the meantime. Your change was not saved; the current state is shown now.</translation>
    </message>
    <message>
        <source>%1 wurde inzwischen von jemand anderem gelöscht. Ihre Änderung wurde nicht gespeichert; angezeigt wird jetzt der aktuelle Stand.</source>
        <translation>%1 has been deleted by someone else in the meantime. Your change was not saved; the current state is shown now.</translation>
    </message>
    <message>
        <source>Rückgängig ist nicht möglich: %1 wurde seit Ihrer Änderung von jemand anderem geändert. Der aktuelle Stand bleibt erhalten.</source>
        <translation>Undo is not possible: %1 has been changed by someone else since your change. The current state is kept.</translation>
    </message>
    <message>
        <source>Rückgängig ist nicht möglich: %1 wurde seit Ihrer Änderung von jemand anderem gelöscht. Der aktuelle Stand bleibt erhalten.</source>
        <translation>Undo is not possible: %1 has been deleted by someone else since your change. The current state is kept.</translation>
    </message>
    <message>
        <source>Rückgängig ist nicht möglich: %1 wird inzwischen anderswo verwendet (etwa in der Wiedervorlage einer Sitzung). Der aktuelle Stand bleibt erhalten.</source>
        <translation>Undo is not possible: %1 is now used elsewhere (for example in a meeting&apos;s review of tasks). The current state is kept.</translation>
    </message>
    <message>
        <source>Rückgängig ist nicht möglich: %1 verweist auf einen Eintrag, der inzwischen gelöscht wurde. Der aktuelle Stand bleibt erhalten.</source>
        <translation>Undo is not possible: %1 refers to an entry that has been deleted since. The current state is kept.</translation>
    </message>
    <message>
        <source>Ihre Anmeldung „%1“ darf im Register nur lesen; es wurde nichts geändert.</source>
        <translation>Your login “%1” may only read the register; nothing was changed.</translation>
    </message>
    <message>
        <source>Sie dürfen nur Aufgaben Ihres eigenen Amtes ändern; es wurde nichts geändert.</source>
        <translation>You may only change tasks of your own office; nothing was changed.</translation>
    </message>
    <message>
        <source>Als Amt dürfen Sie bei den Aufgaben Ihres Amtes nur Status, Fälligkeit und Bemerkung ändern; es wurde nichts geändert.</source>
        <translation>As an office you may change only status, due date and remark of your office&apos;s tasks; nothing was changed.</translation>
    </message>
    <message>
        <source>Ihre Anmeldung „%1“ darf das nicht ändern; es wurde nichts geändert.</source>
        <translation>Your login “%1” may not change this; nothing was changed.</translation>
    </message>
    <message>
        <source>Ihre Anmeldung darf im Register nur lesen; es wurde nichts geändert.</source>
        <translation>Your login may only read the register; nothing was changed.</translation>
    </message>
    <message>
        <source>Ihre Anmeldung darf das nicht ändern; es wurde nichts geändert.</source>
        <translation>Your login may not change this; nothing was changed.</translation>
    </message>
    <message>
        <source>Der Server %1 ist nicht erreichbar. Prüfen Sie die Adresse und die Netzwerkverbindung, oder öffnen Sie eine Datenbankdatei auf diesem Rechner.</source>
        <translation>The server %1 cannot be reached. Check the address and the network connection, or open a database file on this computer.</translation>
    </message>
    <message>
        <source>Das Zertifikat des Servers %1 lässt sich mit der gewählten CA-Datei nicht bestätigen; die Verbindung wurde nicht aufgebaut.</source>
        <translation>The certificate of the server %1 cannot be verified with the chosen CA file; no connection was made.</translation>
    </message>
    <message>
        <source>Das Zertifikat des Servers %1 ist für einen anderen Rechnernamen ausgestellt; die Verbindung wurde nicht aufgebaut.</source>
        <translation>The certificate of the server %1 was issued for another host name; no connection was made.</translation>
    </message>
    <message>
        <source>Die CA-Datei zur Prüfung des Servers %1 fehlt oder ist nicht lesbar; wählen Sie sie unter Datei → Mit Register verbinden… aus.</source>
        <translation>The CA file for checking the server %1 is missing or cannot be read; choose it under File → Connect to register….</translation>
    </message>
    <message>
        <source>Der Server %1 bietet keine verschlüsselte Verbindung (TLS) an; sie wurde aber verlangt.</source>
        <translation>The server %1 offers no encrypted connection (TLS), but one was required.</translation>
    </message>
    <message>
        <source>Der Server %1 verlangt ein Passwort; geben Sie es unter Datei → Mit Register verbinden… ein.</source>
        <translation>The server %1 wants a password; enter it under File → Connect to register….</translation>
    </message>
    <message>
        <source>Der Server %1 hat die Anmeldung abgelehnt (Name oder Passwort falsch).</source>
        <translation>The server %1 refused the login (wrong name or password).</translation>
    </message>
    <message>
        <source>Auf dem Server %1 gibt es diese Datenbank nicht.</source>
        <translation>The server %1 has no such database.</translation>
    </message>
    <message>
        <source>Die Serveradresse ist ungültig; sie hat die Form postgresql://NAME@SERVER:5432/DATENBANK.</source>
        <translation>The server address is not valid; it has the form postgresql://NAME@SERVER:5432/DATABASE.</translation>
    </message>
    <message>
        <source>Der Server hat die Anmeldung „%2“ abgelehnt: es gibt sie dort nicht mehr, oder das Passwort stimmt nicht. Ohne gültige Anmeldung lässt sich die Replik nicht abgleichen; sie bleibt unverändert.</source>
        <translation>The server refused the login “%2”: it no longer exists there, or the password is wrong. Without a valid login the replica cannot be synced; it stays unchanged.</translation>
    </message>
    <message>
        <source>Abgleichen mit %1 geht nur verschlüsselt mit geprüftem Zertifikat (sslmode=verify-full oder verify-ca, mit sslrootcert=CA-DATEI in der Adresse, im Verbindungsdialog „immer, Zertifikat und Servernamen prüfen“); es wurde keine Verbindung aufgebaut.</source>
        <translation>Syncing with %1 is possible only encrypted with a verified certificate (sslmode=verify-full or verify-ca, with sslrootcert=CA-FILE in the address; in the connection dialog “always, verify certificate and server name”); no connection was made.</translation>
    </message>
    <message>
        <source>Die Sitzung %1 ist von %2 für die Sitzung mitgenommen (seit %3 Uhr); Änderungen sind erst nach dem Abgleich möglich.</source>
        <translation>The meeting %1 has been taken along by %2 (since %3); changes are possible only after the sync.</translation>
    </message>
    <message>
        <source>Diese Replik wurde im Register für ungültig erklärt (etwa weil der Laptop verloren ging); ihr Abgleich wird abgelehnt, und es wurde nichts geändert. Bitte legen Sie eine neue Replik an.</source>
        <translation>This replica has been declared void in the register (for instance because the laptop was lost); its sync is refused, and nothing was changed. Please make a new replica.</translation>
    </message>
    <message>
        <source>%1 ist keine Replik des Registers; „sync“ gleicht nur eine Replik ab. Die Datei bleibt unverändert.</source>
        <translation>%1 is no replica of the register; “sync” syncs only a replica. The file stays unchanged.</translation>
    </message>
    <message>
        <source>Die Replik gehört zum Register %1, nicht zu diesem; sie bleibt unverändert.</source>
        <translation>The replica belongs to the register %1, not to this one; it stays unchanged.</translation>
    </message>
    <message>
        <source>Das Register führt noch kein Änderungsprotokoll; die IT bringt es mit „sromod server init“ auf den neuen Stand. Die Replik bleibt unverändert.</source>
        <translation>The register keeps no change journal yet; IT brings it up to date with “sromod server init”. The replica stays unchanged.</translation>
    </message>
    <message>
        <source>Diese Datenbank ist keine Replik des Registers; es wurde nichts geändert.</source>
        <translation>This database is no replica of the register; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>chart</name>
    <message>
        <source>davon überfällig</source>
        <translation>of which overdue</translation>
    </message>
</context>
<context>
    <name>connecting</name>
    <message>
        <source>Mit Register verbinden</source>
        <translation>Connect to register</translation>
    </message>
    <message>
        <source>Register nicht verbunden</source>
        <translation>Register not connected</translation>
    </message>
    <message>
        <source>Sie können stattdessen eine Datenbank auf diesem Rechner öffnen.</source>
        <translation>You can open a database on this computer instead.</translation>
    </message>
    <message>
        <source>Datenbankdatei &amp;wählen…</source>
        <translation>&amp;Choose database file…</translation>
    </message>
    <message>
        <source>&amp;Erneut verbinden…</source>
        <translation>Connect &amp;again…</translation>
    </message>
    <message>
        <source>Mit Register &amp;verbinden…</source>
        <translation>&amp;Connect to register…</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Datenbank nicht geöffnet</source>
        <translation>Database not opened</translation>
    </message>
    <message>
        <source>Sie können eine andere Datenbank öffnen oder sich mit einem Register verbinden.</source>
        <translation>You can open another database or connect to a register.</translation>
    </message>
    <message>
        <source>Verbindung zu %1 wird hergestellt …</source>
        <translation>Connecting to %1 …</translation>
    </message>
    <message>
        <source>Verbindung zu %1 auf %2 wird hergestellt …</source>
        <translation>Connecting to %1 on %2 …</translation>
    </message>
    <message>
        <source>„%1“ öffnen</source>
        <translation>Open “%1”</translation>
    </message>
</context>
<context>
    <name>erasure</name>
    <message>
        <source>tägliche Sicherung</source>
        <translation>daily backup</translation>
    </message>
    <message>
        <source>vor einer Aktualisierung</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <source>vor einer Wiederherstellung</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>nach einer Anonymisierung</source>
        <translation>after an anonymisation</translation>
    </message>
    <message>
        <source>Durch eine neue Sicherung ersetzen? Die aufgeführten Sicherungen werden gelöscht; ein früherer Stand lässt sich danach nicht mehr wiederherstellen. Sicherungen, die Sie selbst an anderer Stelle abgelegt haben, kennt sromod nicht.</source>
        <translation>Replace them with a new backup? The backups listed will be deleted; an earlier state can no longer be restored afterwards. Backups you have stored elsewhere yourself are unknown to sromod.</translation>
    </message>
    <message>
        <source>Ältere Sicherungen ersetzen</source>
        <translation>Replace older backups</translation>
    </message>
    <message>
        <source>• und %1 weitere</source>
        <translation>• and %1 more</translation>
    </message>
    <message>
        <source>Diese Sicherungen enthalten noch den alten Namen und die Kontaktdaten (%1):</source>
        <translation>These backups still hold the old name and contact details (%1):</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <source>Protokollauszug</source>
        <translation>Minutes excerpt</translation>
    </message>
    <message>
        <source>Für welches Amt?</source>
        <translation>For which office?</translation>
    </message>
    <message>
        <source>Absage</source>
        <translation>Cancellation</translation>
    </message>
    <message>
        <source>Grund der Absage (freiwillig, erscheint im Schreiben):</source>
        <translation>Reason for the cancellation (optional, appears in the letter):</translation>
    </message>
    <message>
        <source>Export fertig</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>Datei öffnen</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Eine Absage gibt es nur für eine abgesagte Sitzung.</source>
        <translation>A cancellation letter is only for a cancelled meeting.</translation>
    </message>
    <message>
        <source>Aufgabenliste wird geschrieben …</source>
        <translation>Writing the task list …</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export abgebrochen; es wurde keine Datei geschrieben.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>1 Aufgabe, %2</source>
        <translation>1 task, %2</translation>
    </message>
    <message>
        <source>%1 Aufgaben, %2</source>
        <translation>%1 tasks, %2</translation>
    </message>
    <message>
        <source>Die Sitzung wurde abgesagt; dafür gibt es kein Protokoll. Exportieren Sie stattdessen die Absage (Sitzung → Exportieren → Absage).</source>
        <translation>The meeting was cancelled, so it has no minutes. Export the cancellation letter instead (Meeting → Export → Cancellation).</translation>
    </message>
    <message>
        <source>Die Datei wurde gespeichert:
%1</source>
        <translation>The file has been saved:
%1</translation>
    </message>
    <message>
        <source>Der Export ist fehlgeschlagen; Einzelheiten stehen im Protokoll.</source>
        <translation>The export failed; details are in the log file.</translation>
    </message>
    <message>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Die Datei konnte nicht geschrieben werden: %1.</source>
        <translation>The file could not be written: %1.</translation>
    </message>
    <message>
        <source>Protokoll exportieren</source>
        <translation>Export minutes</translation>
    </message>
    <message>
        <source>Protokollauszug exportieren</source>
        <translation>Export minutes excerpt</translation>
    </message>
    <message>
        <source>Einladung exportieren</source>
        <translation>Export invitation</translation>
    </message>
    <message>
        <source>Anwesenheitsliste exportieren</source>
        <translation>Export attendance list</translation>
    </message>
    <message>
        <source>Termin als Kalenderdatei exportieren</source>
        <translation>Export meeting as calendar file</translation>
    </message>
    <message>
        <source>Absage exportieren</source>
        <translation>Export cancellation letter</translation>
    </message>
    <message>
        <source>Aufgabenliste exportieren</source>
        <translation>Export task list</translation>
    </message>
    <message>
        <source>Word-Dokumente (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Kalenderdateien (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <source>Excel-Arbeitsmappen (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>store_jobs</name>
    <message>
        <source>Der Vorgang ist fehlgeschlagen; Einzelheiten stehen im Protokoll.</source>
        <translation>The operation failed; details are in the log.</translation>
    </message>
</context>
<context>
    <name>sync_run</name>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wird abgebrochen …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <source>Der Abgleich ist fehlgeschlagen; Einzelheiten stehen im Protokoll. Es wurde nichts Halbes gespeichert.</source>
        <translation>The sync failed; the log has the details. Nothing half-done was saved.</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>— niemand —</source>
        <translation>— nobody —</translation>
    </message>
</context>
</TS>
