// finetune train RUN.json [--preset NAME] | --resume RUN_DIR [--checkpoint DIR] | --print-defaults [--preset NAME] [--json]
// Runs a LoRA training run. On a terminal: a live progress line (loss, learning rate, gradient norm,
// throughput, memory, ETA) with evaluations and checkpoints on their own lines; with --json: every
// event as one JSON line on stdout. Ctrl-C stops cleanly (checkpoint + adapter); a second one quits.
#include "args.h"
#include "commands.h"
#include "interrupt.h"
#include "train/run_config.h"
#include "train/run_presets.h"
#include "train/trainer.h"
#include "util/error.h"
#include "util/memory_stats.h"
#include "util/strings.h"

#include <cstdio>
#include <optional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace ft::cli {

namespace {

// Human-readable progress on stderr-free stdout; a carriage-return line on a terminal.
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool tty) : m_tty(tty) {}

    void operator()(const TrainEvent& e) {
        if (const auto* k = e.as<LogLine>()) {
            line("  " + k->message);
        } else if (const auto* k = e.as<RunStarted>()) {
            line(format("training %lld steps on %s (%s): %lld train / %lld validation examples, %lld trainable parameters",
                        (long long)k->totalSteps, k->device.c_str(), k->dtype.c_str(), (long long)k->trainExamples,
                        (long long)k->validationExamples, (long long)k->trainableParams));
        } else if (const auto* k = e.as<StepDone>()) {
            const int width = 24;
            const int filled = int(double(width) * double(k->step) / double(std::max<int64_t>(1, k->totalSteps)));
            const std::string bar = std::string(size_t(filled), '=') + std::string(size_t(width - filled), ' ');
            const std::string text = format("step %lld/%lld [%s] loss %.4f  lr %.2e  gnorm %.3f  %.0f tok/s  mem %s  eta %s",
                                            (long long)k->step, (long long)k->totalSteps, bar.c_str(), k->loss, k->lr, k->gradNorm,
                                            k->tokensPerSecond, formatBytes(k->memoryBytes).c_str(), formatDuration(k->etaSeconds).c_str());
            if (m_tty) {
                std::cout << "\r" << text << "\033[K" << std::flush;
                m_open = true;
            } else {
                std::cout << text << "\n" << std::flush;
            }
        } else if (const auto* k = e.as<EvalDone>()) {
            line(format("eval at step %lld: loss %.4f  ppl %.3f%s", (long long)k->step, k->loss, k->perplexity,
                        k->improved ? "  (best)" : ""));
        } else if (const auto* k = e.as<CheckpointSaved>()) {
            line("checkpoint " + k->path);
        } else if (e.is<Paused>() || e.is<Resumed>()) {
            line(trainEventName(e));
        } else if (const auto* k = e.as<RunFinished>()) {
            line(format("%s at step %lld; adapter: %s", trainStatusName(k->status), (long long)k->step, k->adapter.c_str()));
        } else if (const auto* k = e.as<RunFailed>()) {
            line(format("failed at step %lld: %s", (long long)k->step, k->reason.c_str()));
        }
    }

private:
    void line(const std::string& text) {
        if (m_open) std::cout << "\n";
        m_open = false;
        std::cout << text << "\n" << std::flush;
    }
    bool m_tty;
    bool m_open = false;
};

} // namespace

int runTrain(const Argv& argv) {
    const Args args(argv, {"resume", "checkpoint", "preset"}, {"json", "print-defaults"});
    // --preset: the preset's settings under the file's own (a key the file sets wins).
    std::optional<RunPreset> preset;
    if (args.has("preset")) {
        preset = runPresetFromName(args.value("preset"));
        if (!preset) {
            std::string names;
            for (RunPreset p : runPresets()) names += std::string(names.empty() ? "" : ", ") + runPresetName(p);
            throw Error("unknown preset \"" + args.value("preset") + "\"", "the presets are " + names);
        }
        if (args.has("resume")) throw Error("--preset applies to a new run, not to --resume (a run keeps its settings)");
    }
    if (args.flag("print-defaults")) {
        nlohmann::json defaults = RunConfig::defaultsJson();
        if (preset) applyRunPreset(defaults, *preset);
        std::cout << defaults.dump(2) << std::endl;
        return 0;
    }
    const bool json = args.flag("json");
    ProgressPrinter printer(!json && isatty(STDOUT_FILENO));
    auto observer = [&](const TrainEvent& e) {
        if (json) std::cout << toJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n" << std::flush;
        else printer(e);
    };
    std::unique_ptr<Trainer> trainer;
    if (args.has("resume")) {
        trainer = Trainer::resume(args.value("resume"), observer, args.value("checkpoint"));
    } else {
        if (args.positionals().size() != 1) throw Error("give one run configuration file", "usage: finetune train RUN.json");
        nlohmann::json underlay = nlohmann::json::object();
        if (preset) applyRunPreset(underlay, *preset);
        trainer = Trainer::create(RunConfig::fromFile(args.positionals()[0], underlay), observer);
    }
    TrainOutcome outcome;
    {
        const InterruptScope interrupts([&] { trainer->stop(); }); // Ctrl-C: checkpoint and stop; twice: quit
        outcome = trainer->run();
    }
    if (outcome.status == TrainStatus::Failed) {
        std::cerr << "finetune train: error: " << outcome.message << "\n";
        if (!outcome.hint.empty()) std::cerr << "hint: " << outcome.hint << "\n";
        return 1;
    }
    return 0;
}

} // namespace ft::cli
