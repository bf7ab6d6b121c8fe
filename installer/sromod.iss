; Inno Setup script: wraps the one-folder build (dist\sromod) into sromod-<version>-setup.exe.
; Build the bundle first (python installer\build.py), then:
;   iscc /DAppVersion=0.1.0 installer\sromod.iss   (without /D the version comes from sromod.exe)
; Installs per user without administrator rights (into the user's program folder); an
; administrator may choose an installation for all users in the first dialog.

#ifndef AppVersion
  ; Without /DAppVersion=..., the version resource of the built program (from pyproject.toml).
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + "..\dist\sromod\sromod.exe")
#endif
#define AppName "sromod"
#define AppExe "sromod.exe"

[Setup]
; The AppId ties updates and the uninstaller together: never change it.
AppId={{6F1C2B7E-4D1A-4E3B-9C55-5B0E2A7D8F31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Bezirksamt Treptow-Köpenick
AppComments=Moderation der AG SRO und lokaler Steuerungsrunden
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\resources\icons\sromod.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The store, its backups and the log live in the user's data folders, not in {app}:
; uninstalling never deletes meetings.
CloseApplications=yes

[Languages]
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\sromod\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version replaces the old program folder wholesale: no stale modules from the last one.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"; Comment: "Sitzungen der AG SRO moderieren"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
