@echo off
rem Runs Gatehouse from a checkout on Windows, building it first when no build exists.
rem   app\gatehouse                the desktop app on the demo tenant
rem   app\gatehouse COMMAND ...    the command line (app\gatehouse --help)
rem After changing the sources, run "mvn -DskipTests package" (or delete target\gatehouse.jar).
setlocal
set "ROOT=%~dp0.."
set "JAR=%ROOT%\target\gatehouse.jar"
if not exist "%JAR%" (
  echo gatehouse: building ^(first run^)... 1>&2
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
"%JAVA_CMD%" %GATEHOUSE_JAVA_OPTS% -cp "%JAR%;%ROOT%\target\lib\*" dev.gatehouse.Launcher %*
exit /b %ERRORLEVEL%
