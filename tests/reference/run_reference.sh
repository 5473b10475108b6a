#!/usr/bin/env bash
# Runs one reference check (tests/reference/test_ref_*.py) with the project's Python environment.
# usage: run_reference.sh PYTHON SCRIPT [ARGS...]
# Without that environment: a skip that says so (exit 77, which ctest reports as skipped); under
# CI=true a failure instead, because CI never skips the reference checks.
python="$1"
shift
if [[ ! -x "$python" ]] || ! "$python" -c "import torch, transformers, peft, tokenizers, sentencepiece, llama_cpp, gguf" 2>/dev/null; then
  message="no reference environment at $python (scripts/pyenv makes it)"
  if [[ "${CI:-}" == "true" ]]; then
    echo "FAIL: $message; CI never skips the reference checks"
    exit 1
  fi
  echo "SKIPPED: $message"
  exit 77
fi
exec "$python" "$@"
