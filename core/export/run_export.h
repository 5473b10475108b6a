// Exporting what a run made: its adapter in PEFT's layout, or merged into the base as a complete
// Hugging Face model folder. Both carry the tokenizer files with the chat template the run trained
// with written into them, so that whatever loads the export formats prompts exactly as training did
// (a mismatch there is the classic cause of a fine-tune that "talks gibberish").
#pragma once
#include "chat/tokenizer_files.h"

#include <string>

namespace ft {

// The trained weights of a run: which = "final" (adapter/ or, for full fine-tuning, model/), "best"
// (best_adapter/, best_model/), a checkpoint name ("step-00000100") or a checkpoint folder. The
// folder holds a PEFT adapter or a whole model (holdsAdapter / holdsModel, train/run_folder.h).
// Throws ft::Error naming what the run has when it does not exist.
std::string runResultDir(const std::string& runDir, const std::string& which);

struct ExportSource {
    std::string modelDir;     // the base model (or the tuned model itself, see tunedModel)
    std::string tokenizerDir; // "" = modelDir
    std::string chatTemplate; // the run's chat_template setting ("" = the tokenizer's own)
    std::string adapterDir;   // "" when there is no adapter to apply
    bool tunedModel = false;  // modelDir is a full fine-tune's own model: nothing to merge
};

// The base model, tokenizer, chat template and adapter (final|best|step-N) of a run, from run.json;
// for a full fine-tune, its tuned model folder instead.
ExportSource exportSourceOfRun(const std::string& runDir, const std::string& which);

// Copies the adapter (adapter_config.json, adapter_model.safetensors) and the tokenizer files to
// outDir, which must not hold an adapter yet.
void exportPeftAdapter(const ExportSource& source, const std::string& outDir);

// Merges the adapter into the base (in float32) and writes config, weights in `dtype` ("fp32" |
// "bf16" | "fp16"), generation config and tokenizer files to outDir (which must not hold a model).
void exportMergedModel(const ExportSource& source, const std::string& outDir, const std::string& dtype);

} // namespace ft
