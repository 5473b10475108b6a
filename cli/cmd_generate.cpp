// finetune generate --model DIR (--prompt TEXT | --ids 1,2,3): continue a prompt with the KV cache.
// Without --json the new token ids stream to stdout as they are produced.
#include "args.h"
#include "cmd_common.h"
#include "commands.h"
#include "generate/generator.h"
#include "util/error.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

int runGenerate(const Argv& argv) {
    const Args args(argv,
                    {"model", "dtype", "device", "prompt", "ids", "max-new-tokens", "temperature", "top-k", "top-p",
                     "repetition-penalty", "seed", "stop-ids"},
                    {"ignore-eos", "json"});
    if (args.has("prompt") == args.has("ids")) throw Error("give exactly one of --prompt TEXT or --ids 1,2,3");
    if (args.has("prompt"))
        throw Error("--prompt needs a tokenizer, which this build does not read yet", "pass token ids with --ids");
    const std::vector<int64_t> prompt = parseIdList(args.required("ids"), "ids");

    GenerateOptions o;
    o.maxNewTokens = args.integer("max-new-tokens", 128);
    o.sampling.temperature = args.number("temperature", 0.0);
    o.sampling.topK = args.integer("top-k", 0);
    o.sampling.topP = args.number("top-p", 1.0);
    o.sampling.repetitionPenalty = args.number("repetition-penalty", 1.0);
    o.sampling.seed = uint64_t(args.integer("seed", 0));
    o.ignoreEos = args.flag("ignore-eos");
    if (args.has("stop-ids")) o.stopSequences.push_back(parseIdList(args.value("stop-ids"), "stop-ids"));
    o.sampling.validate();   // before the model is loaded: a bad flag should fail fast

    LoadedModel m = loadModelFromArgs(args);
    o.eosTokenIds = m.eosTokenIds;
    const bool json = args.flag("json");
    if (!json) {
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
        nlohmann::json out = {{"ids", all}, {"text", nullptr}, {"new_tokens", r.tokens.size()},
                              {"finish_reason", finishReasonName(r.reason)}};
        std::cout << out.dump() << std::endl;
    } else {
        std::cout << std::endl;
    }
    return 0;
}

} // namespace ft::cli
