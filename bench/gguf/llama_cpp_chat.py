#!/usr/bin/env python3
"""Answers chat prompts with a GGUF file in llama.cpp (llama-cpp-python, from the project's Python
environment), as a user of llama.cpp would get them: llama.cpp's own tokenizer (BOS as the file says),
greedy decoding until an end-of-generation token. For bench/gguf/llama_cpp_run_check.sh.
usage: llama_cpp_chat.py MODEL.gguf [ADAPTER.gguf | -] < {"prompts": ["rendered chat text", ...], "max_tokens": 96}
stdout: {"replies": ["...", ...]}
"""
import json, sys

from llama_cpp import Llama


def main():
    request = json.load(sys.stdin)
    adapter = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else None
    # One thread: on a 2-core machine two of llama.cpp's threads wait for each other, busily.
    llm = Llama(model_path=sys.argv[1], lora_path=adapter, n_ctx=1024, n_threads=1, verbose=False)
    replies = []
    for prompt in request["prompts"]:
        tokens = llm.tokenize(prompt.encode(), add_bos=llm.metadata.get("tokenizer.ggml.add_bos_token", "true") == "true",
                              special=True)
        out = []
        llm.reset()
        for token in llm.generate(tokens, top_k=1, temp=0.0, reset=True):
            if llm._model.token_is_eog(token) or len(out) >= request["max_tokens"]:
                break
            out.append(token)
        replies.append(llm.detokenize(out).decode("utf-8", errors="replace"))
    print(json.dumps({"replies": replies}))


if __name__ == "__main__":
    main()
