// finetune bench: prefill and decode throughput of a model folder (--model) or of random weights in
// the shape of a config.json (--config), on CPU or CUDA.
#include "args.h"
#include "cmd_common.h"
#include "commands.h"
#include "generate/generator.h"
#include "model/model_loader.h"
#include "util/error.h"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include "torch_pch.h"

namespace ft::cli {

int runBench(const Argv& argv) {
    for (const auto& a : argv)
        if (a == "--tokenizer" || a.rfind("--tokenizer=", 0) == 0) return runBenchTokenizer(argv);
    for (const auto& a : argv)
        if (a == "--train") return runBenchTrain(argv);
    const Args args(argv, {"model", "config", "dtype", "device", "batch", "prompt-len", "new-tokens", "repeat", "seed", "threads"},
                    {"json"});
    const auto device = parseDevice(args.value("device", "cpu"));
    const auto dtype = parseDtype(args.value("dtype", "fp32"));
    const int64_t batch = args.integer("batch", 1), promptLen = args.integer("prompt-len", 128);
    const int64_t newTokens = args.integer("new-tokens", 32), repeat = args.integer("repeat", 3);
    if (batch < 1 || promptLen < 1 || newTokens < 1 || repeat < 1)
        throw Error("--batch, --prompt-len, --new-tokens and --repeat must be >= 1");
    if (args.has("threads")) torch::set_num_threads(int(args.integer("threads", 1)));

    std::string source;
    CausalLM model = benchModelFromArgs(args, device, dtype, &source);
    model->eval();
    const LlamaConfig& c = model->config();

    auto gen = at::detail::createCPUGenerator(uint64_t(args.integer("seed", 0)));
    auto randomIds = torch::randint(0, c.vocabSize, {batch, promptLen}, gen, torch::kInt64);
    std::vector<std::vector<int64_t>> prompts;
    for (int64_t b = 0; b < batch; ++b)
        prompts.emplace_back(randomIds[b].data_ptr<int64_t>(), randomIds[b].data_ptr<int64_t>() + promptLen);

    GenerateOptions o;
    o.maxNewTokens = newTokens;
    o.ignoreEos = true;
    std::vector<double> prefill, decode;
    for (int64_t i = 0; i <= repeat; ++i) { // run 0 is the warm-up
        GenerationTiming t;
        generate(*model, prompts, o, &t);
        if (i == 0) continue;
        prefill.push_back(double(t.prefillTokens) / t.prefillSeconds);
        if (t.decodeSteps > 0) decode.push_back(double(batch * t.decodeSteps) / t.decodeSeconds);
    }
    auto median = [](std::vector<double> v) {
        if (v.empty()) return 0.0;
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    nlohmann::json out = {{"source", source},
                          {"device", device.str()},
                          {"dtype", dtypeName(dtype)},
                          {"parameters", c.parameterCount()},
                          {"batch", batch},
                          {"prompt_len", promptLen},
                          {"new_tokens", newTokens},
                          {"threads", torch::get_num_threads()},
                          {"prefill_tokens_per_s", median(prefill)},
                          {"decode_tokens_per_s", median(decode)}};
    if (args.flag("json")) {
        std::cout << out.dump() << std::endl;
    } else {
        std::cout << "model      " << source << " (" << c.parameterCount() / 1e6 << " M parameters)\n"
                  << "device     " << device.str() << ", " << dtypeName(dtype) << ", " << torch::get_num_threads() << " threads\n"
                  << "prefill    " << median(prefill) << " tokens/s (batch " << batch << " x " << promptLen << ")\n"
                  << "decode     " << median(decode) << " tokens/s (batch " << batch << ", " << newTokens << " new tokens)\n";
    }
    return 0;
}

} // namespace ft::cli
