@echo off
rem Runs Gatehouse from a checkout on Windows, building it first when there is no build or the sources changed.
rem   app\gatehouse                the desktop app on the demo tenant
rem   app\gatehouse COMMAND ...    the command line (app\gatehouse --help)
setlocal
set "ROOT=%~dp0.."
set "JAR=%ROOT%\target\gatehouse.jar"
set "BUILD="
if not exist "%JAR%" set "BUILD=1"
if not exist "%ROOT%\target\lib" set "BUILD=1"
if not defined BUILD (
  rem PowerShell compares timestamps: any file under src\main or the pom newer than the jar means rebuild
  powershell -NoProfile -Command "$j=(Get-Item -LiteralPath $env:JAR).LastWriteTime; if ((Get-Item -LiteralPath '%ROOT%\pom.xml').LastWriteTime -gt $j -or (Get-ChildItem -LiteralPath '%ROOT%\src\main' -Recurse -File | Where-Object { $_.LastWriteTime -gt $j } | Select-Object -First 1)) { exit 1 } else { exit 0 }"
  if errorlevel 1 set "BUILD=1"
)
if defined BUILD (
  where mvn >nul 2>nul || (
    echo gatehouse: Maven ^(mvn^) is needed to build Gatehouse from a checkout 1>&2
    exit /b 1
  )
  echo gatehouse: building ^(first run or sources changed^)... 1>&2
  if exist "%ROOT%\target\lib" rmdir /s /q "%ROOT%\target\lib"
  pushd "%ROOT%"
  call mvn -B -q -DskipTests package 1>&2
  if errorlevel 1 (
    popd
    echo gatehouse: the build failed; see the output above 1>&2
    exit /b 1
  )
  popd
)
set "JAVA_CMD=java"
if defined JAVA_HOME set "JAVA_CMD=%JAVA_HOME%\bin\java"
rem app\gui.options: the window's own JIT settings, which start it fastest (decision 0014)
set GUI_OPTS=
if "%~1"=="" set GUI_OPTS="@%ROOT%\app\gui.options"
if "%~1"=="gui" set GUI_OPTS="@%ROOT%\app\gui.options"
rem app\jvm.options: a heap that returns memory when idle; GATEHOUSE_JAVA_OPTS after it wins
"%JAVA_CMD%" "@%ROOT%\app\jvm.options" %GUI_OPTS% %GATEHOUSE_JAVA_OPTS% -cp "%JAR%;%ROOT%\target\lib\*" dev.gatehouse.Launcher %*
exit /b %ERRORLEVEL%
