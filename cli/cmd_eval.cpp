// finetune eval --run RUN_DIR [--split validation|test] [--limit N] [--few-shot K] [--adapter final|best|step-N|DIR]
// [--max-new-tokens N] [--temperature T] [--top-p P] [--top-k K] [--seed S] [--metric M] [--labels a,b|none]
// [--device D] [--batch N] [--json]: held-out evaluation of a run (base vs tuned, and the few-shot
// baseline), written to <run>/eval/<split>/report.json and report.html. A progress line on a
// terminal; the headline figures (or, with --json, the summary object) on stdout.
#include "args.h"
#include "commands.h"
#include "interrupt.h"
#include "eval/evaluator.h"
#include "util/error.h"
#include "util/run_control.h"

#include <atomic>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace ft::cli {

int runEval(const Argv& argv) {
    const Args args(argv,
                    {"run", "split", "limit", "few-shot", "adapter", "max-new-tokens", "temperature", "top-p", "top-k", "seed", "metric",
                     "labels", "device", "batch"},
                    {"json"});
    EvalOptions o;
    o.runDir = args.required("run");
    o.split = args.value("split", "validation");
    o.limit = args.integer("limit", 0);
    o.fewShot = args.integer("few-shot", 0);
    o.adapter = args.value("adapter", "final");
    o.maxNewTokens = args.integer("max-new-tokens", 256);
    o.temperature = args.number("temperature", 0.0);
    o.topP = args.number("top-p", 1.0);
    o.topK = args.integer("top-k", 0);
    o.seed = uint64_t(args.integer("seed", 0));
    o.metric = args.value("metric", "auto");
    o.device = args.value("device", "");
    o.batchSize = args.integer("batch", 8);
    if (args.has("labels")) {
        std::stringstream in(args.value("labels"));
        for (std::string l; std::getline(in, l, ',');)
            if (!l.empty()) o.labels.push_back(l);
    }
    const bool tty = isatty(STDERR_FILENO);
    RunControl control;
    const InterruptScope interrupts([&] { control.stop(); }); // Ctrl-C: stop; twice: quit
    const EvalResult r = evaluateRun(
        o,
        [tty](const std::string& phase, int64_t done, int64_t total) {
            if (!tty) return;
            const int width = 24, filled = total > 0 ? int(width * done / total) : 0;
            std::fprintf(stderr, "\r%-24s [%s%s] %lld/%lld   ", phase.c_str(), std::string(size_t(filled), '=').c_str(),
                         std::string(size_t(width - filled), ' ').c_str(), (long long)done, (long long)total);
            if (done == total) std::fprintf(stderr, "\n");
        },
        &control);
    const nlohmann::json& rep = r.report;
    const std::string headline = rep["headline_metric"];
    nlohmann::json summary = {{"report", r.jsonPath},
                              {"html", r.htmlPath},
                              {"examples", rep["examples"]},
                              {"headline_metric", headline},
                              {"likelihood", rep["likelihood"]},
                              {"differences", rep["differences"]},
                              {"regressions", rep["regressions"]}};
    for (const auto& s : rep["systems"]) {
        summary["metrics"][s.get<std::string>()] = rep["metrics"][s.get<std::string>()];
    }
    if (args.flag("json")) {
        std::cout << summary.dump() << std::endl;
        return 0;
    }
    std::printf("%lld %s examples; headline metric %s\n", (long long)rep["examples"].get<int64_t>(), o.split.c_str(), headline.c_str());
    for (const auto& s : rep["systems"]) {
        const auto& m = rep["metrics"][s.get<std::string>()];
        std::printf("  %-9s %s %.3f [%.3f, %.3f]   exact match %.3f\n", s.get<std::string>().c_str(), headline.c_str(),
                    m[headline]["mean"].get<double>(), m[headline]["low"].get<double>(), m[headline]["high"].get<double>(),
                    m["exact_match"]["mean"].get<double>());
    }
    std::printf("  loss      base %.4f (ppl %.2f), tuned %.4f (ppl %.2f)\n", rep["likelihood"]["base"]["loss"].get<double>(),
                rep["likelihood"]["base"]["ppl"].get<double>(), rep["likelihood"]["tuned"]["loss"].get<double>(),
                rep["likelihood"]["tuned"]["ppl"].get<double>());
    std::printf("  %lld regression(s)\nreport: %s\n        %s\n", (long long)rep["regressions"].get<int64_t>(), r.jsonPath.c_str(),
                r.htmlPath.c_str());
    return 0;
}

} // namespace ft::cli
