// finetune tokenize (--tokenizer DIR | --model DIR): text to ids and back.
//   stdin text                -> {"ids": [...]}
//   --jsonl: {"text": ...} per line -> {"ids": [...]} per line (the tokenizer is loaded once)
//   --decode: {"ids": [...]} (per line with --jsonl) -> {"text": ...}
#include "args.h"
#include "cmd_common.h"
#include "commands.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

namespace {

std::string readAllStdin() {
    std::string data;
    char buf[1 << 16];
    for (size_t n; (n = std::fread(buf, 1, sizeof(buf), stdin)) > 0;) data.append(buf, n);
    return data;
}

nlohmann::json parseLine(const std::string& line, size_t lineNo) {
    try {
        return nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
        throw Error(format("stdin line %zu: not valid JSON: %s", lineNo, e.what()));
    }
}

std::vector<int32_t> idsField(const nlohmann::json& j, size_t lineNo) {
    if (!j.is_object() || !j.contains("ids") || !j["ids"].is_array())
        throw Error(format("stdin line %zu: expected {\"ids\": [...]}", lineNo));
    std::vector<int32_t> ids;
    for (const auto& v : j["ids"]) {
        if (!v.is_number_integer()) throw Error(format("stdin line %zu: \"ids\" must hold integers", lineNo));
        ids.push_back(v.get<int32_t>());
    }
    return ids;
}

} // namespace

int runTokenize(const Argv& argv) {
    const Args args(argv, {"tokenizer", "model"}, {"add-special", "jsonl", "decode", "skip-special"});
    const auto tokenizer = loadTokenizerFromArgs(args);
    const bool addSpecial = args.flag("add-special"), skipSpecial = args.flag("skip-special");
    std::string output;
    if (!args.flag("jsonl")) {
        const std::string input = readAllStdin();
        if (args.flag("decode")) {
            const auto ids = idsField(parseLine(input, 1), 1);
            output = nlohmann::json{{"text", tokenizer->decode(ids, skipSpecial)}}.dump() + "\n";
        } else {
            output = nlohmann::json{{"ids", tokenizer->encode(input, addSpecial)}}.dump() + "\n";
        }
    } else {
        const auto lines = readStdinLines();
        for (size_t i = 0; i < lines.size(); ++i) {
            if (lines[i].find_first_not_of(" \t") == std::string::npos) continue;
            const auto j = parseLine(lines[i], i + 1);
            if (args.flag("decode")) {
                output += nlohmann::json{{"text", tokenizer->decode(idsField(j, i + 1), skipSpecial)}}.dump() + "\n";
            } else {
                if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
                    throw Error(format("stdin line %zu: expected {\"text\": \"...\"}", i + 1));
                output += nlohmann::json{{"ids", tokenizer->encode(j["text"].get<std::string>(), addSpecial)}}.dump() + "\n";
            }
        }
    }
    std::cout << output << std::flush;
    return 0;
}

} // namespace ft::cli
