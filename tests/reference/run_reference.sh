#!/usr/bin/env bash
# Runs one reference check (tests/reference/test_ref_*.py) with the project's Python environment.
# usage: run_reference.sh PYTHON SCRIPT [ARGS...]   (SCRIPT.py runs with PYTHON; SCRIPT.sh with bash)
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
if [[ "$1" == *.sh ]]; then   # a bench script (bench/gpu_check.sh --cpu): bash, with this Python for its Python steps
  FT_GPU_PYTHON="$python" exec bash "$@"
fi
exec "$python" "$@"
