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

# The image is made first, then packaged. --generate-cds-archive gives the runtime its own class-data archive of the
# JDK's classes (a jlinked runtime has none otherwise); it runs the image's bin/java, so the native commands stay in.
# No archive of the app's own classes is shipped: on Java 17 it only works at the path it was written at, and an
# installed app is not where it was built (decision 0013).
image_args=(--type app-image --name Gatehouse --app-version "$version" --vendor "Gatehouse"
      --input "$input" --main-jar gatehouse.jar --main-class dev.gatehouse.Launcher
      --dest target/dist --add-modules "$modules"
      --jlink-options "--strip-debug --no-header-files --no-man-pages --generate-cds-archive"
      --java-options "-Dprism.order=es2,sw")
package_args=(--type "$type" --name Gatehouse --app-version "$version" --vendor "Gatehouse"
      --description "Console for the Microsoft Entra ID registration gate" --dest target/dist)
# the options the launchers use, one --java-options per line that is not a comment: the heap (app/jvm.options) and,
# since an installed Gatehouse is first of all its window, the window's JIT (app/gui.options, decision 0014)
for file in jvm.options gui.options; do
  while IFS= read -r option; do
    [[ -z $option || $option == \#* ]] && continue
    image_args+=(--java-options "$option")
  done < "$root/app/$file"
done

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

image=target/dist/Gatehouse
[[ $(uname -s) == Darwin ]] && image=target/dist/Gatehouse.app
if [[ $type != app-image ]]; then
  jpackage "${package_args[@]}" --app-image "$image"
fi
echo "build-installer: $(ls -d target/dist/*)"
