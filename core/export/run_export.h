// Exporting what a run made: its adapter in PEFT's layout, or merged into the base as a complete
// Hugging Face model folder. Both carry the tokenizer files with the chat template the run trained
// with written into them, so that whatever loads the export formats prompts exactly as training did
// (a mismatch there is the classic cause of a fine-tune that "talks gibberish").
#pragma once
#include <string>

namespace ft {

// The adapter folder of a run: which = "final" (adapter/), "best" (best_adapter/), a checkpoint
// name ("step-00000100") or a checkpoint folder. Throws ft::Error when it does not exist.
std::string runAdapterDir(const std::string& runDir, const std::string& which);

struct ExportSource {
    std::string modelDir;     // the base model
    std::string tokenizerDir; // "" = modelDir
    std::string chatTemplate; // the run's chat_template setting ("" = the tokenizer's own)
    std::string adapterDir;
};

// The base model, tokenizer, chat template and adapter (final|best|step-N) of a run, from run.json.
ExportSource exportSourceOfRun(const std::string& runDir, const std::string& which);

// Copies the adapter (adapter_config.json, adapter_model.safetensors) and the tokenizer files to
// outDir, which must not hold an adapter yet.
void exportPeftAdapter(const ExportSource& source, const std::string& outDir);

// Merges the adapter into the base (in float32) and writes config, weights in `dtype` ("fp32" |
// "bf16" | "fp16"), generation config and tokenizer files to outDir (which must not hold a model).
void exportMergedModel(const ExportSource& source, const std::string& outDir, const std::string& dtype);

// Copies tokenizer.json / tokenizer.model / special_tokens_map.json / tokenizer_config.json from
// tokenizerDir, with the chat template the run used written into tokenizer_config.json (and
// chat_template.jinja when the source has one).
void copyTokenizerFiles(const std::string& tokenizerDir, const std::string& chatTemplate, const std::string& outDir);

} // namespace ft
