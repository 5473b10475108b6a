// A model folder's tokenizer files, copied with the chat template a run used written into them, so
// that whatever loads the folder formats prompts exactly as training did.
#pragma once
#include <string>

namespace ft {

// Copies tokenizer.json / tokenizer.model / special_tokens_map.json / tokenizer_config.json (and the
// other tokenizer files present) from tokenizerDir to outDir, with `chatTemplate` (a run's
// chat_template setting; "" = the tokenizer's own) written into tokenizer_config.json, and into
// chat_template.jinja when the source has one.
void copyTokenizerFiles(const std::string& tokenizerDir, const std::string& chatTemplate, const std::string& outDir);

} // namespace ft
