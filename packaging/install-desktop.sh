#!/usr/bin/env bash
# Put the launcher, the AppStream metainfo and the icons where freedesktop menus find them
# (`make install-desktop`). Usage: packaging/install-desktop.sh [DATA_HOME]
# DATA_HOME defaults to $XDG_DATA_HOME or ~/.local/share (this user); /usr/local/share for
# everyone (as root). The launcher starts the packaged app (dist/annotator) when it exists,
# else this checkout's .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
APP_ID=io.github.annotator.Annotator
DATA_HOME=${1:-${XDG_DATA_HOME:-$HOME/.local/share}}

if [ -x dist/annotator/annotator ]; then
  program="$PWD/dist/annotator/annotator"
elif [ -x .venv/bin/annotator ]; then
  program="$PWD/.venv/bin/annotator"
else
  echo "install-desktop: build the program first (make package, or make run)" >&2
  exit 1
fi

install -d "$DATA_HOME/applications" "$DATA_HOME/metainfo"
# the launcher names the program by its full path: a menu does not read the shell's PATH
sed "s|^Exec=annotator |Exec=$program |" "packaging/$APP_ID.desktop" \
  > "$DATA_HOME/applications/$APP_ID.desktop"
install -m 644 "packaging/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/"
for png in packaging/icons/hicolor/*/apps/$APP_ID.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  install -D -m 644 "$png" "$DATA_HOME/icons/hicolor/$size/apps/$APP_ID.png"
done
install -D -m 644 "resources/icons/$APP_ID.svg" "$DATA_HOME/icons/hicolor/scalable/apps/$APP_ID.svg"

# refresh the menus' caches where the tools exist (desktops also notice on their own)
command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA_HOME/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" || true
echo "install-desktop: $DATA_HOME/applications/$APP_ID.desktop starts $program"
