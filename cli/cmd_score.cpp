// finetune score --model DIR: per-token log-probabilities of JSON lines {"ids": [...]} read on stdin.
// All input is read and validated first and all output is computed before anything is printed, so a
// failure never leaves half an answer on stdout.
#include "args.h"
#include "cmd_common.h"
#include "commands.h"
#include "generate/generator.h"
#include "util/error.h"

#include "tokenizer/tokenizer.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

namespace {
struct ScoreInput {
    size_t line;
    std::vector<int64_t> ids;
    std::string text; // set when the line gave text instead of ids
    bool hasText = false;
};

std::vector<ScoreInput> parseScoreInput(const std::vector<std::string>& lines) {
    std::vector<ScoreInput> inputs;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].find_first_not_of(" \t") == std::string::npos) continue; // blank lines are skipped
        const size_t lineNo = i + 1;
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(lines[i]);
        } catch (const nlohmann::json::exception& e) {
            throw Error(format("stdin line %zu: not valid JSON: %s", lineNo, e.what()));
        }
        if (!j.is_object()) throw Error(format("stdin line %zu: expected an object {\"ids\": [...]}", lineNo));
        ScoreInput in{lineNo, {}, {}, false};
        if (j.contains("text") && !j.contains("ids")) {
            if (!j["text"].is_string()) throw Error(format("stdin line %zu: \"text\" must be a string", lineNo));
            in.text = j["text"].get<std::string>();
            in.hasText = true;
            inputs.push_back(std::move(in));
            continue;
        }
        if (!j.contains("ids") || !j["ids"].is_array())
            throw Error(format("stdin line %zu: expected {\"ids\": [...]} or {\"text\": \"...\"}", lineNo));
        for (const auto& v : j["ids"]) {
            if (!v.is_number_integer()) throw Error(format("stdin line %zu: \"ids\" must hold integers", lineNo));
            in.ids.push_back(v.get<int64_t>());
        }
        inputs.push_back(std::move(in));
    }
    return inputs;
}
} // namespace

int runScore(const Argv& argv) {
    const Args args(argv, {"model", "dtype", "device", "adapter"}, {});
    auto inputs = parseScoreInput(readStdinLines());
    if (std::any_of(inputs.begin(), inputs.end(), [](const ScoreInput& in) { return in.hasText; })) {
        // Text is scored as the model sees it: with the tokenizer's special tokens (BOS).
        const auto tokenizer = Tokenizer::load(args.required("model"));
        for (auto& in : inputs)
            if (in.hasText)
                for (int32_t id : tokenizer->encode(in.text, /*addSpecialTokens=*/true)) in.ids.push_back(id);
    }
    LoadedModel m = loadModelFromArgs(args);
    std::string output;
    for (const auto& in : inputs) {
        std::vector<double> logprobs;
        try {
            logprobs = scoreTokens(*m.model, in.ids);
        } catch (...) {
            rethrowWithContext(format("stdin line %zu", in.line));
        }
        nlohmann::json out = {{"ids", in.ids}, {"logprobs", logprobs}};
        if (logprobs.empty()) {
            out["nll"] = nullptr; // a single token has nothing to predict
            out["ppl"] = nullptr;
        } else {
            double sum = 0;
            for (double lp : logprobs) sum += lp;
            const double nll = -sum / double(logprobs.size());
            out["nll"] = nll;
            out["ppl"] = std::exp(nll);
        }
        output += out.dump() + "\n";
    }
    std::cout << output << std::flush;
    return 0;
}

} // namespace ft::cli
