// Writing a model (a base model, or a run's adapter merged into its base) as one GGUF file that
// llama.cpp, Ollama and LM Studio load: weights renamed and, for the llama architecture, q/k rows
// reordered to llama.cpp's rotary layout; hyper-parameters; the tokenizer; and the chat template the
// run trained with, so the file prompts exactly as training did.
#pragma once
#include "export/run_export.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ft {

struct GgufOptions {
    std::string type = "f16"; // what the weight matrices are stored as: f32 | f16 | bf16 | q8_0
    std::string name;         // general.name; "" = the output file's name without .gguf
    bool overwrite = false;   // replace an existing file (atomically, once the new one is complete)
};

struct GgufExportResult {
    std::string path;
    uint64_t bytes = 0;
    size_t tensors = 0;
    std::string architecture;          // GGUF general.architecture: "llama" | "qwen2"
    std::vector<std::string> warnings; // what llama.cpp may do differently; shown to the user
};

// Throws ft::Error naming the value when `type` is not one of the four.
void validateGgufType(const std::string& type);

// The base model of `source` with its adapter (when adapterDir is not empty) merged in float32,
// written to outPath (which must not exist yet unless options.overwrite; its folder is created).
GgufExportResult exportGguf(const ExportSource& source, const std::string& outPath, const GgufOptions& options);

// The adapter of `source` alone as a GGUF LoRA adapter (llama.cpp's --lora, Ollama's ADAPTER), for
// the base model exported as GGUF. options.type: f32 | f16 | bf16. The scaling (alpha/r, or rsLoRA's
// alpha/sqrt(r)) is kept through adapter.lora.alpha, which llama.cpp divides by the rank.
GgufExportResult exportGgufAdapter(const ExportSource& source, const std::string& outPath, const GgufOptions& options);

// The GGUF name of a Hugging Face tensor name ("model.layers.3.mlp.up_proj.weight" ->
// "blk.3.ffn_up.weight"); throws ft::Error for a tensor GGUF has no place for.
std::string ggufTensorName(const std::string& hfName);

} // namespace ft
