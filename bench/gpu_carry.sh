#!/usr/bin/env bash
# Lays out .deps/gpu (ignored by git) for the device tool's `carry`: what bench/gpu_check.sh needs on a
# bare CUDA machine that has PyTorch but no Qt, SQLite headers or SentencePiece.
#   bin/     finetune and libft_spm.so from build/ (PyTorch's libtorch, the release the device has)
#   lib/     libsqlite3, libsentencepiece (the carried binary's and a device build's run-time needs)
#   include/ and share/cmake/: sqlite3.h, SentencePiece's and nlohmann_json's headers (for a build there
#            when the carried binary does not run)
# Usage (repository root, after scripts/build): bash bench/gpu_carry.sh; then carry [".deps/gpu"].
set -euo pipefail
dest=.deps/gpu
rm -rf "$dest"
mkdir -p "$dest/bin" "$dest/lib" "$dest/include" "$dest/share/cmake"
cp build/cli/finetune build/core/libft_spm.so "$dest/bin/"
multiarch=/usr/lib/$(gcc -print-multiarch)
cp -L "$multiarch/libsqlite3.so.0" "$multiarch/libsentencepiece.so.0" "$dest/lib/"
cp /usr/include/sqlite3.h /usr/include/sqlite3ext.h /usr/include/sentencepiece_processor.h \
   /usr/include/sentencepiece_trainer.h "$dest/include/"
cp -r /usr/include/nlohmann "$dest/include/"
cp -r /usr/share/cmake/nlohmann_json "$dest/share/cmake/"
strip --strip-unneeded "$dest/bin/finetune" "$dest/bin/libft_spm.so" 2>/dev/null || true
du -sh "$dest"
