#!/usr/bin/env bash
# Builds a native Gatehouse package with jpackage (JDK 17+) for the OS it runs on.
#   packaging/build-installer.sh [TYPE]
# TYPE: app-image (default; a runnable folder), deb or rpm (Linux), dmg or pkg (macOS), msi or exe (Windows,
# from Git Bash/WSL with the Windows JDK on PATH). Output: target/dist/.
# JavaFX jars are per-OS (build-facts G10): build each OS's package on that OS.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
type=${1:-app-image}
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' "$root/pom.xml" | head -1)

command -v jpackage >/dev/null || { echo "build-installer: jpackage not found; use a full JDK 17+" >&2; exit 1; }
cd "$root"
mvn -B -q -DskipTests package

input=target/jpackage-input
rm -rf "$input" target/dist
mkdir -p "$input"
cp target/gatehouse.jar target/lib/*.jar "$input/"

# Modules the app needs at run time (the SDK's jdeps output is unusable: reactor.core has no module descriptor).
modules=java.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,java.management,java.prefs,java.scripting,java.security.jgss,jdk.crypto.ec,jdk.unsupported,jdk.jsobject,jdk.localedata,jdk.zipfs,jdk.httpserver,jdk.charsets,jdk.net

# The image is made first, then (where it can be started) trained for class data sharing, then packaged.
# --generate-cds-archive gives the runtime the base archive the app's own archive is laid on; it runs the image's
# bin/java, so the native commands stay in (--strip-native-commands would remove them).
image_args=(--type app-image --name Gatehouse --app-version "$version" --vendor "Gatehouse"
      --input "$input" --main-jar gatehouse.jar --main-class dev.gatehouse.Launcher
      --dest target/dist --add-modules "$modules"
      --jlink-options "--strip-debug --no-header-files --no-man-pages --generate-cds-archive"
      --java-options "-Dprism.order=es2,sw"
      --java-options "-XX:SharedArchiveFile=\$APPDIR/gatehouse.jsa" --java-options -Xshare:auto
      --java-options -Xlog:cds=off --java-options -Xlog:cds+dynamic=off)
package_args=(--type "$type" --name Gatehouse --app-version "$version" --vendor "Gatehouse"
      --description "Console for the Microsoft Entra ID registration gate" --dest target/dist)
# the heap settings the launchers use (app/jvm.options), one --java-options per line that is not a comment
while IFS= read -r option; do
  [[ -z $option || $option == \#* ]] && continue
  image_args+=(--java-options "$option")
done < "$root/app/jvm.options"

case "$(uname -s)" in
  Linux)
    image_args+=(--icon icons/gatehouse-256.png)
    # JavaFX natives live inside jars, so jpackage cannot see that they need GTK 3 (build-facts §6).
    # packaging/linux: the install scripts, which tolerate a system without a desktop menu
    [[ $type == deb ]] && package_args+=(--linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Utility
                                          --resource-dir packaging/linux)
    [[ $type == rpm ]] && package_args+=(--linux-package-deps gtk3 --linux-shortcut)
    ;;
  Darwin)
    iconset=target/Gatehouse.iconset
    mkdir -p "$iconset"
    for s in 16 32 64 128 256 512; do cp "icons/gatehouse-$s.png" "$iconset/icon_${s}x${s}.png"; done
    iconutil -c icns "$iconset" -o target/Gatehouse.icns
    image_args+=(--icon target/Gatehouse.icns)
    ;;
  MINGW*|MSYS*|CYGWIN*)
    image_args+=(--icon icons/gatehouse.ico)
    [[ $type == msi || $type == exe ]] && package_args+=(--win-menu --win-shortcut --win-dir-chooser)
    ;;
esac

jpackage "${image_args[@]}"

# Class data sharing: one start of the image to its first data, with the archive written at exit, so every
# installed start maps the classes instead of loading them (the launcher's -XX:SharedArchiveFile; a missing
# archive is simply not used). It needs a display: Xvfb on a Linux build machine without one. Elsewhere, or when
# the start fails, the package is built without it and says so.
first_of() { local f; for f in "$@"; do [[ -e $f ]] && { echo "$f"; return 0; }; done; return 0; }
case "$(uname -s)" in
  Darwin) image=target/dist/Gatehouse.app ;;
  *) image=target/dist/Gatehouse ;;
esac
cfg=$(first_of "$image/lib/app/Gatehouse.cfg" "$image/app/Gatehouse.cfg" "$image/Contents/app/Gatehouse.cfg")
archive_dir=$(dirname "$cfg")
launcher=$(first_of "$image/bin/Gatehouse" "$image/Gatehouse.exe" "$image/Contents/MacOS/Gatehouse")
display=()
[[ -z ${DISPLAY:-} && $(uname -s) == Linux ]] && command -v xvfb-run >/dev/null && display=(xvfb-run -a)
if [[ -n ${GATEHOUSE_NO_CDS:-} ]]; then
  echo "build-installer: class data sharing left out (GATEHOUSE_NO_CDS)"
elif [[ -z ${DISPLAY:-} && ${#display[@]} -eq 0 && $(uname -s) == Linux ]]; then
  echo "build-installer: no display and no xvfb-run: the package is built without a class-data archive" >&2
else
  cp "$cfg" "$cfg.orig"
  training=$(mktemp -d)
  sed -i.bak -e 's|-XX:SharedArchiveFile=|-XX:ArchiveClassesAtExit=|' "$cfg"
  printf '%s\n' "java-options=-Dgatehouse.exitAfterFirstData=true" "java-options=-Dgatehouse.dataDir=$training" >> "$cfg"
  # ${a[@]+…}: an empty array under set -u, which the bash 3.2 of macOS refuses as unbound
  if ${display[@]+"${display[@]}"} "$launcher" gui --scenario baseline >"$training/start.log" 2>&1 && [[ -s $archive_dir/gatehouse.jsa ]]; then
    echo "build-installer: class-data archive $(du -h "$archive_dir/gatehouse.jsa" | cut -f1)"
  else
    rm -f "$archive_dir/gatehouse.jsa"
    echo "build-installer: the trial start failed, so the package has no class-data archive:" >&2
    tail -n 20 "$training/start.log" >&2
  fi
  mv -f "$cfg.orig" "$cfg"
  rm -f "$cfg.bak"
  rm -rf "$training"
fi

if [[ $type != app-image ]]; then
  jpackage "${package_args[@]}" --app-image "$image"
fi
echo "build-installer: $(ls -d target/dist/*)"
