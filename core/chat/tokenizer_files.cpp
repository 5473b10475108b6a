// Copying a tokenizer's files with a run's chat template.
#include "chat/tokenizer_files.h"

#include "chat/chat_template.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

namespace ft {

void copyTokenizerFiles(const std::string& tokenizerDir, const std::string& chatTemplate, const std::string& outDir) {
    const auto tokenizer = Tokenizer::load(tokenizerDir);
    const ChatTemplate tmpl = ChatTemplate::forTokenizer(*tokenizer, chatTemplate);
    for (const char* f : {"tokenizer.json", "tokenizer.model", "special_tokens_map.json", "added_tokens.json", "vocab.json", "merges.txt"})
        if (fileExists(tokenizerDir + "/" + f)) writeFileAtomic(outDir + "/" + f, readFile(tokenizerDir + "/" + f));
    const std::string configPath = tokenizerDir + "/tokenizer_config.json";
    nlohmann::json config = fileExists(configPath) ? readJsonFile(configPath) : nlohmann::json::object();
    config["chat_template"] = tmpl.source();
    writeFileAtomic(outDir + "/tokenizer_config.json", config.dump(2) + "\n");
    if (fileExists(tokenizerDir + "/chat_template.jinja")) writeFileAtomic(outDir + "/chat_template.jinja", tmpl.source());
}

} // namespace ft
