// finetune bench --tokenizer DIR --text FILE: single-threaded encoding throughput of a tokenizer on
// a text file (load time reported apart), plus a check that decoding gives the text back.
#include "args.h"
#include "commands.h"
#include "io/atomic_file.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

int runBenchTokenizer(const Argv& argv) {
    const Args args(argv, {"tokenizer", "text", "repeat"}, {"json"});
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const auto tokenizer = Tokenizer::load(args.required("tokenizer"));
    const double loadSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    const std::string text = readFile(args.required("text"));
    const int64_t repeat = args.integer("repeat", 3);
    if (repeat < 1) throw Error("--repeat must be >= 1");

    double best = 1e30;
    size_t tokens = 0;
    std::vector<int32_t> ids;
    for (int64_t i = 0; i < repeat; ++i) {
        const auto t = Clock::now();
        ids = tokenizer->encode(text, /*addSpecialTokens=*/false);
        best = std::min(best, std::chrono::duration<double>(Clock::now() - t).count());
        tokens = ids.size();
    }
    const auto td = Clock::now();
    const bool roundTrip = tokenizer->decode(ids, false) == text;
    const double decodeSeconds = std::chrono::duration<double>(Clock::now() - td).count();
    const double mb = double(text.size()) / 1e6;
    const nlohmann::json out = {{"tokenizer", args.value("tokenizer")},
                                {"kind", tokenizer->kind()},
                                {"bytes", text.size()},
                                {"tokens", tokens},
                                {"load_seconds", loadSeconds},
                                {"encode_seconds", best},
                                {"encode_mb_per_s", mb / best},
                                {"encode_tokens_per_s", double(tokens) / best},
                                {"decode_mb_per_s", mb / decodeSeconds},
                                {"round_trip_exact", roundTrip}};
    if (args.flag("json")) {
        std::cout << out.dump() << std::endl;
    } else {
        std::cout << "tokenizer  " << args.value("tokenizer") << " (" << tokenizer->kind() << "), loaded in " << loadSeconds << " s\n"
                  << "encode     " << mb / best << " MB/s, " << double(tokens) / best << " tokens/s (" << mb << " MB -> " << tokens
                  << " tokens, best of " << repeat << ")\n"
                  << "decode     " << mb / decodeSeconds << " MB/s, round trip " << (roundTrip ? "exact" : "differs") << "\n";
    }
    return 0;
}

} // namespace ft::cli
