// finetune generate --model DIR (--prompt TEXT | --ids 1,2,3): continue a prompt with the KV cache.
// Without --json the new token ids stream to stdout as they are produced.
#include "args.h"
#include "cmd_common.h"
#include "commands.h"
#include "generate/generator.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

int runGenerate(const Argv& argv) {
    const Args args(argv,
                    {"model", "adapter", "dtype", "device", "prompt", "ids", "max-new-tokens", "temperature", "top-k", "top-p",
                     "repetition-penalty", "seed", "stop-ids", "stop"},
                    {"ignore-eos", "json"});
    if (args.has("prompt") == args.has("ids")) throw Error("give exactly one of --prompt TEXT or --ids 1,2,3");
    std::shared_ptr<const Tokenizer> tokenizer;
    if (args.has("prompt") || args.has("stop")) tokenizer = Tokenizer::load(args.required("model"));
    std::vector<int64_t> prompt;
    if (args.has("prompt")) {
        for (int32_t id : tokenizer->encode(args.value("prompt"), /*addSpecialTokens=*/true)) prompt.push_back(id);
    } else {
        prompt = parseIdList(args.required("ids"), "ids");
    }

    GenerateOptions o;
    o.maxNewTokens = args.integer("max-new-tokens", 128);
    o.sampling.temperature = args.number("temperature", 0.0);
    o.sampling.topK = args.integer("top-k", 0);
    o.sampling.topP = args.number("top-p", 1.0);
    o.sampling.repetitionPenalty = args.number("repetition-penalty", 1.0);
    o.sampling.seed = uint64_t(args.integer("seed", 0));
    o.ignoreEos = args.flag("ignore-eos");
    if (args.has("stop-ids")) o.stopSequences.push_back(parseIdList(args.value("stop-ids"), "stop-ids"));
    if (args.has("stop")) {
        o.stopStrings.push_back(args.value("stop"));
        o.decode = [tokenizer](const std::vector<int64_t>& ids) {
            return tokenizer->decode(std::vector<int32_t>(ids.begin(), ids.end()), /*skipSpecialTokens=*/false);
        };
    }
    o.sampling.validate(); // before the model is loaded: a bad flag should fail fast

    LoadedModel m = loadModelFromArgs(args);
    o.eosTokenIds = m.eosTokenIds;
    const bool json = args.flag("json");
    std::unique_ptr<StreamingDecoder> stream;
    if (!json && tokenizer) {
        stream = std::make_unique<StreamingDecoder>(*tokenizer, /*skipSpecialTokens=*/true);
        std::cout << args.value("prompt") << std::flush;
        o.onToken = [&stream](size_t, int64_t token) {
            std::cout << stream->push(int32_t(token)) << std::flush;
            return true;
        };
    } else if (!json) {
        o.onToken = [](size_t, int64_t token) {
            std::cout << token << ' ' << std::flush;
            return true;
        };
    }
    const auto results = generate(*m.model, {prompt}, o);
    const auto& r = results.at(0);
    if (json) {
        std::vector<int64_t> all = prompt;
        all.insert(all.end(), r.tokens.begin(), r.tokens.end());
        nlohmann::json out = {{"ids", all},
                              {"text", nullptr},
                              {"completion", nullptr},
                              {"new_tokens", r.tokens.size()},
                              {"finish_reason", finishReasonName(r.reason)}};
        if (!tokenizer) tokenizer = loadTokenizerIfPresent(args.required("model")); // to show the text of ids
        if (tokenizer) {
            out["text"] = tokenizer->decode(std::vector<int32_t>(all.begin(), all.end()), true);
            out["completion"] = tokenizer->decode(std::vector<int32_t>(r.tokens.begin(), r.tokens.end()), true);
        }
        std::cout << out.dump() << std::endl;
    } else {
        if (stream) std::cout << stream->finish();
        std::cout << std::endl;
    }
    return 0;
}

} // namespace ft::cli
