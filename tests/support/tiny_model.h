// Test support: tiny random Llama-family models written in real Hugging Face layout, and temp folders.
#pragma once
#include "model/llama_config.h"

#include <string>

namespace ft::test {

// A fresh, empty folder under $FT_TEST_TMP (or /tmp) named after `tag`.
std::string makeTempDir(const std::string& tag);

// A small config of the given family. Variants:
//   "llama-gqa"     Llama, 4 query heads over 2 kv heads, untied head
//   "llama-mha"     Llama, MHA, tied embeddings
//   "llama3-rope"   Llama with llama3 rope scaling and explicit head_dim different from H/nh
//   "llama-linear"  Llama with linear rope scaling and attention/mlp biases
//   "qwen2"         Qwen2 (q/k/v bias), GQA, tied
//   "mistral"       Mistral with a sliding window of 5
//   "mqa"           Llama with a single kv head
LlamaConfig tinyConfig(const std::string& variant);

// Writes config.json, generation_config.json and random weights (seeded) into `dir`.
// shardBytes > 0 forces sharded safetensors with an index.
void writeTinyModel(const std::string& dir, const LlamaConfig& config, uint64_t seed, uint64_t shardBytes = 0);

// A tiny Llama with the tiny byte-level tokenizer and its ChatML template (tiny_tokenizer.h) in one
// folder: a model that can be trained on text end to end. Returns its config.
LlamaConfig writeTinyChatModel(const std::string& dir, uint64_t seed);

// Path of the built `finetune` executable (from $FT_CLI).
std::string cliPath();

} // namespace ft::test
