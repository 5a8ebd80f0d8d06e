#!/usr/bin/env bash
# A Debian/Ubuntu package from the PyInstaller bundle, for lab PCs:
#   python -m PyInstaller build.spec --noconfirm && resources/packaging/build_deb.sh [OUT_DIR]
# -> OUT_DIR/netcanvas_<version>_<arch>.deb (default OUT_DIR: dist/). Install and remove with
#   sudo apt install ./dist/netcanvas_0.1.0_amd64.deb      sudo apt remove netcanvas
#
# It installs the bundle under /opt/netcanvas, puts `netcanvas` and `netcanvas-cli` on PATH
# (/usr/bin links), the menu entry, the icons (hicolor) and the application/x-netcanvas type.
# No maintainer scripts: dpkg's own triggers (shared-mime-info, desktop-file-utils,
# hicolor-icon-theme) refresh the MIME, menu and icon caches on install and on removal, and
# dpkg removes every file it installed. The bundle writes nothing under /opt at run time.
#
# DEB_COMPRESSION: xz (smallest, the default), zstd (several times faster to build), gzip, none.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUNDLE="$ROOT/dist/NetCanvas"
OUT="${1:-$ROOT/dist}"
COMPRESSION="${DEB_COMPRESSION:-xz}"
RES="$ROOT/resources"

[ -x "$BUNDLE/NetCanvas" ] || { echo "build_deb: no $BUNDLE/NetCanvas: build the bundle first" >&2; exit 1; }
[ -x "$BUNDLE/netcanvas-cli" ] || { echo "build_deb: the bundle has no netcanvas-cli" >&2; exit 1; }
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/engine/__init__.py")"
ARCH="$(dpkg --print-architecture)"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT

mkdir -p "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
  "$STAGE/usr/share/doc/netcanvas" "$STAGE/DEBIAN"
cp -a "$BUNDLE" "$STAGE/opt/netcanvas"
ln -s /opt/netcanvas/NetCanvas "$STAGE/usr/bin/netcanvas"
ln -s /opt/netcanvas/netcanvas-cli "$STAGE/usr/bin/netcanvas-cli"
sed -e 's|^Exec=.*|Exec=/usr/bin/netcanvas %f|' -e 's|^TryExec=.*|TryExec=/usr/bin/netcanvas|' \
  -e '/^# The installer script/d' "$RES/netcanvas.desktop" > "$STAGE/usr/share/applications/netcanvas.desktop"
cp "$RES/netcanvas-mime.xml" "$STAGE/usr/share/mime/packages/netcanvas.xml"
for size in 16 32 48 64 128 256 512; do
  mkdir -p "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
  cp "$RES/icons/netcanvas-$size.png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/netcanvas.png"
done
cp "$RES/icons/netcanvas.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/netcanvas.svg"
cp "$ROOT/LICENSE" "$STAGE/usr/share/doc/netcanvas/copyright"

# Depends: what Qt's xcb platform plugin loads from the system (README, Quick start); the rest
# (Python, Qt, torch, their libraries) travels inside the bundle.
cat > "$STAGE/DEBIAN/control" <<EOF
Package: netcanvas
Version: $VERSION
Architecture: $ARCH
Maintainer: The NetCanvas authors <netcanvas@localhost>
Section: education
Priority: optional
Installed-Size: $(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
Depends: libc6, libegl1, libgl1, libfontconfig1, libxkbcommon0, libxkbcommon-x11-0, libdbus-1-3, libx11-xcb1, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-randr0, libxcb-shape0, libxcb-xfixes0, libxcb-sync1, libxcb-shm0, libxcb-xkb1
Recommends: shared-mime-info, desktop-file-utils, hicolor-icon-theme, fonts-noto-cjk
Description: build, train, inspect and export neural networks on a desktop canvas
 NetCanvas is a desktop app for learning and doing deep learning: drag layers onto a
 canvas, load a dataset, train with live plots, inspect what the network learned and
 export it to ONNX, offline, in English and Chinese. Includes the headless netcanvas-cli.
EOF

mkdir -p "$OUT"
DEB="$OUT/netcanvas_${VERSION}_${ARCH}.deb"
# --root-owner-group: every file root-owned whoever builds (no fakeroot needed).
dpkg-deb --root-owner-group -Z"$COMPRESSION" --build "$STAGE" "$DEB" >/dev/null
echo "$DEB"
