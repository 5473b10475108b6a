#!/usr/bin/env bash
# Builds the Debian package with CPack and checks it: metadata (name, version, dependencies by
# Debian package name), contents (binaries, SentencePiece module, desktop entry, metainfo, icons,
# man page, the starter model and the demo's data), the desktop entry and the metainfo against their
# validators, that the packaged `finetune` runs from the unpacked tree and makes the demo from the
# packaged starter and data, and that the studio starts from its desktop entry's Exec line and stays
# up. Usage: check_package.sh BUILD_DIR
set -euo pipefail
build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "check_package: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
deb="$(ls "$work"/out/*.deb | head -1)"
[ -f "$deb" ] || fail "no .deb produced"
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# Outputs are captured, then searched from here-strings: `producer | grep -q` is a race under
# pipefail (grep -q exits at the match, and a producer still writing dies of SIGPIPE).
info="$(dpkg-deb -I "$deb")"
grep -q "^ Package: finetune-studio$" <<< "$info" || fail "wrong package name"
depends="$(echo "$info" | sed -n 's/^ Depends: //p')"
echo "depends: $depends"
for dep in libtorch libopenblas0-pthread libsqlite3-0 libqt6widgets6 libqt6svg6 libqcustomplot; do
  grep -q "$dep" <<< "$depends" || fail "Depends lacks $dep"
done

contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for path in ./usr/bin/finetune ./usr/bin/finetune-studio ./usr/lib/finetune-studio/libft_spm.so \
            ./usr/share/applications/io.github.finetune_studio.FinetuneStudio.desktop \
            ./usr/share/metainfo/io.github.finetune_studio.FinetuneStudio.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/finetune-studio.svg \
            ./usr/share/icons/hicolor/48x48/apps/finetune-studio.png \
            ./usr/share/icons/hicolor/256x256/apps/finetune-studio.png \
            ./usr/share/man/man1/finetune.1.gz ./usr/share/doc/finetune-studio/copyright \
            ./usr/share/finetune-studio/starter/model.safetensors ./usr/share/finetune-studio/starter/SHA256SUMS \
            ./usr/share/finetune-studio/demo/orders-train.jsonl ./usr/share/finetune-studio/demo/orders-test.jsonl; do
  grep -qx "$path" <<< "$contents" || fail "the package lacks $path"
done

dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/io.github.finetune_studio.FinetuneStudio.desktop" || fail "desktop entry invalid"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/io.github.finetune_studio.FinetuneStudio.metainfo.xml" || fail "metainfo invalid"
man_page=$(zcat "$work/root/usr/share/man/man1/finetune.1.gz") || fail "man page unreadable"
grep -q "^.TH FINETUNE 1" <<< "$man_page" || fail "man page has no .TH line"
help_text=$("$work/root/usr/bin/finetune" --help) || fail "the packaged finetune does not run"
grep -q "usage: finetune COMMAND" <<< "$help_text" || fail "the packaged finetune prints no usage"
(cd "$work/root/usr/share/finetune-studio/starter" && sha256sum --quiet -c SHA256SUMS) || fail "the packaged starter fails its SHA256SUMS"
# The demo from the package's own starter and data (not the source tree's).
demo_json=$(env -u FT_RESOURCES_DIR HOME="$work/home" "$work/root/usr/bin/finetune" demo --dir "$work/home/demo" --json) ||
  fail "the packaged finetune cannot make the demo"
grep -q "\"model\":\"$work/root/usr/share/finetune-studio/starter\"" <<< "$demo_json" || fail "the demo does not use the packaged starter: $demo_json"
echo "demo: $demo_json"
# Start the studio as the menu does (the desktop entry's Exec line, from the unpacked tree), under
# Xvfb when there is one: it must come up and still be running 8 seconds later.
exec_line="$(sed -n 's/^Exec=//p' "$work/root/usr/share/applications/io.github.finetune_studio.FinetuneStudio.desktop")"
read -r -a argv <<<"${exec_line//%[fFuU]/}"
argv[0]="$work/root/usr/bin/${argv[0]}"
mkdir -p "$work/home"
display=(env QT_QPA_PLATFORM=offscreen)
if command -v xvfb-run >/dev/null 2>&1; then display=(env -u QT_QPA_PLATFORM xvfb-run -a); fi
rc=0
env HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" "${display[@]}" timeout 8 "${argv[@]}" >"$work/launch.log" 2>&1 || rc=$?
[ "$rc" = 124 ] || { cat "$work/launch.log"; fail "the studio started from its desktop entry exited early (status $rc)"; }
echo "launch: '$exec_line' was up after 8 s (${display[*]})"
echo "check_package: ok"
