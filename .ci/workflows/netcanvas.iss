; NOT RUN HERE (see README.md): Inno Setup script, called by windows.yml as
;   iscc /DVersion=0.1.0 .ci\workflows\netcanvas.iss
#ifndef Version
  #define Version "0.0.0"
#endif
[Setup]
AppName=NetCanvas
AppVersion={#Version}
AppId=NetCanvas
DefaultDirName={autopf}\NetCanvas
DefaultGroupName=NetCanvas
UninstallDisplayIcon={app}\NetCanvas.exe
OutputDir=..\..\dist
OutputBaseFilename=NetCanvas-{#Version}-setup
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
LicenseFile=..\..\LICENSE

[Files]
Source: "..\..\dist\NetCanvas\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\NetCanvas"; Filename: "{app}\NetCanvas.exe"
Name: "{group}\Uninstall NetCanvas"; Filename: "{uninstallexe}"

[Registry]
; .netcanvas files open in NetCanvas (removed again by the uninstaller).
Root: HKA; Subkey: "Software\Classes\.netcanvas"; ValueType: string; ValueData: "NetCanvas.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\NetCanvas.Project"; ValueType: string; ValueData: "NetCanvas project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\NetCanvas.Project\DefaultIcon"; ValueType: string; ValueData: "{app}\NetCanvas.exe,0"
Root: HKA; Subkey: "Software\Classes\NetCanvas.Project\shell\open\command"; ValueType: string; ValueData: """{app}\NetCanvas.exe"" ""%1"""
