#!/usr/bin/env bash
# Builds the Debian package with CPack and checks it: metadata (name, version, dependencies by
# Debian package name), contents (binaries, SentencePiece module, desktop entry, metainfo, icons,
# man page), the desktop entry and the metainfo against their validators, and that the packaged
# `finetune` runs from the unpacked tree. Usage: check_package.sh BUILD_DIR
set -euo pipefail
build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "check_package: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
deb="$(ls "$work"/out/*.deb | head -1)"
[ -f "$deb" ] || fail "no .deb produced"
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"

info="$(dpkg-deb -I "$deb")"
echo "$info" | grep -q "^ Package: finetune-studio$" || fail "wrong package name"
depends="$(echo "$info" | sed -n 's/^ Depends: //p')"
echo "depends: $depends"
for dep in libtorch libopenblas0-pthread libsqlite3-0 libqt6widgets6 libqcustomplot; do
  echo "$depends" | grep -q "$dep" || fail "Depends lacks $dep"
done

contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for path in ./usr/bin/finetune ./usr/bin/finetune-studio ./usr/lib/finetune-studio/libft_spm.so \
            ./usr/share/applications/io.github.finetune_studio.FinetuneStudio.desktop \
            ./usr/share/metainfo/io.github.finetune_studio.FinetuneStudio.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/finetune-studio.svg \
            ./usr/share/icons/hicolor/48x48/apps/finetune-studio.png \
            ./usr/share/icons/hicolor/256x256/apps/finetune-studio.png \
            ./usr/share/man/man1/finetune.1.gz ./usr/share/doc/finetune-studio/copyright; do
  echo "$contents" | grep -qx "$path" || fail "the package lacks $path"
done

dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/io.github.finetune_studio.FinetuneStudio.desktop" || fail "desktop entry invalid"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/io.github.finetune_studio.FinetuneStudio.metainfo.xml" || fail "metainfo invalid"
zcat "$work/root/usr/share/man/man1/finetune.1.gz" | grep -q "^.TH FINETUNE 1" || fail "man page unreadable"
"$work/root/usr/bin/finetune" --help | grep -q "usage: finetune COMMAND" || fail "the packaged finetune does not run"
echo "check_package: ok"
