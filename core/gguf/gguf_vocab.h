// The tokenizer of a model folder as GGUF metadata (tokenizer.ggml.*), built so that llama.cpp
// splits text into the same ids as our tokenizer does: tokenizer.model files keep their
// SentencePiece scores and piece types; tokenizer.json files become "gpt2" (byte-level BPE, with
// the pre-tokenizer named by its regexes) or "llama" (SentencePiece-style BPE, scored by merge rank).
#pragma once
#include "gguf/gguf_writer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ft::gguf {

enum TokenType : int32_t { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };

struct Vocab {
    std::string model; // "llama" | "gpt2"
    std::string pre;   // "default", "llama-bpe", "qwen2", ... (gpt2 only)
    std::vector<std::string> tokens;
    std::vector<float> scores; // empty for gpt2
    std::vector<int32_t> types;
    std::vector<std::string> merges; // "a b", gpt2 only
    int32_t bos = -1, eos = -1, eot = -1, unk = -1, pad = -1;
    bool addBos = false, addEos = false, addSpacePrefix = false;
    std::vector<std::string> warnings; // what llama.cpp may do differently, for the user
};

// Reads tokenizerDir's tokenizer files. modelVocabSize is the model's embedding rows: shorter
// vocabularies are padded with unused "[PAD<id>]" tokens; a longer one is an error.
// eosIds are the model's end-of-sequence ids (the first that is not the tokenizer's EOS becomes EOT).
Vocab readVocab(const std::string& tokenizerDir, int64_t modelVocabSize, const std::vector<int64_t>& eosIds);

// Writes the tokenizer.ggml.* keys and tokenizer.chat_template (when not empty).
void writeVocab(Writer& writer, const Vocab& vocab, const std::string& chatTemplate);

// The llama.cpp pre-tokenizer name for a tokenizer.json "pre_tokenizer" value, or "" when unknown.
std::string preTokenizerName(const std::string& preTokenizerJson);

} // namespace ft::gguf
