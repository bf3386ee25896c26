; Inno Setup script: the Windows installer of fupin_desktop (脱贫攻坚作战室).
;
; Build the one-folder bundle on Windows first, then compile this script (Inno Setup 6.3 or later):
;     python packaging\build_bundle.py
;     iscc packaging\installer.iss          -> build\installer\fupin-desktop-<version>-setup.exe
;
; - per-user install without administrator rights (PrivilegesRequired=lowest): the program goes to
;   %LOCALAPPDATA%\Programs\fupin-desktop, shortcuts to the user's Start menu and desktop;
; - the data folder (%LOCALAPPDATA%\fupin_desktop: database, backups) is never installed or removed by
;   this script, so uninstalling (or upgrading) keeps every record; the uninstaller says where it is;
; - the wizard speaks Simplified Chinese (ChineseSimplified.isl: official from Inno Setup 6.5; for older
;   versions put the translation from jrsoftware.org/files/istrans/ into Inno Setup's Languages folder).
; The version comes from the bundle's fupin-desktop.exe (its version resource, set by the spec), or
; iscc /DAppVersion=1.2.3.

#define AppName "脱贫攻坚作战室"
#define AppExe "fupin-desktop.exe"
#define CliExe "fupin.exe"
#define BundleDir SourcePath + "..\build\dist\fupin-desktop"

#if !FileExists(BundleDir + "\" + AppExe)
  #error 没有找到程序包 build\dist\fupin-desktop\fupin-desktop.exe：请先在 Windows 上运行 python packaging\build_bundle.py
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif
#if !FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
  #error 这个 Inno Setup 没有简体中文界面文件 Languages\ChineseSimplified.isl：请升级到 6.5 以上，或从 jrsoftware.org/files/istrans/ 下载放入
#endif

[Setup]
AppId={{5BD42ED9-5BAD-4590-8EC4-9661A18FCCCE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=fupin_desktop
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
PrivilegesRequired=lowest
DefaultDirName={autopf}\fupin-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir={#SourcePath}..\build\installer
OutputBaseFilename=fupin-desktop-{#AppVersion}-setup
SetupIconFile={#SourcePath}..\resources\icons\fupin-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[CustomMessages]
chinesesimplified.SelfTest=程序自检
chinesesimplified.CommandLine=命令行（fupin）
chinesesimplified.DataKept=您的数据没有删除，仍保存在：%n%1%n%n重新安装本程序后会自动打开这些数据；如确实不再需要，可以手动删除该文件夹（请先备份到U盘）。

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the bundle's libraries whole, so no file of an older version lingers.
; (Only the program folder: the data folder is elsewhere and never touched.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName}\{cm:SelfTest}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --self-test"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autoprograms}\{#AppName}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k cd /d ""{app}"" && {#CliExe} --help"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The data folder is platformdirs.user_data_dir("fupin_desktop", appauthor=False) on Windows.
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\fupin_desktop');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder()) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolder()]), mbInformation, MB_OK);
end;
