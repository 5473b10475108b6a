// finetune train RUN.json | --resume RUN_DIR [--checkpoint DIR] | --print-defaults [--json]
// Runs a LoRA training run. On a terminal: a live progress line (loss, learning rate, gradient norm,
// throughput, memory, ETA) with evaluations and checkpoints on their own lines; with --json: every
// event as one JSON line on stdout. Ctrl-C stops cleanly (checkpoint + adapter); a second one quits.
#include "args.h"
#include "commands.h"
#include "train/run_config.h"
#include "train/trainer.h"
#include "util/error.h"
#include "util/memory_stats.h"
#include "util/strings.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace ft::cli {

namespace {

std::atomic<int> g_interrupts{0};

void onInterrupt(int) {
    if (g_interrupts.fetch_add(1) >= 1) _exit(130);
}

// Human-readable progress on stderr-free stdout; a carriage-return line on a terminal.
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool tty) : m_tty(tty) {}

    void operator()(const nlohmann::json& e) {
        const std::string kind = e.value("event", "");
        if (kind == "log") {
            line("  " + e.value("message", ""));
        } else if (kind == "started") {
            line(format("training %lld steps on %s (%s): %lld train / %lld validation examples, %lld trainable parameters",
                        (long long)e.value("total_steps", 0), e.value("device", "").c_str(), e.value("dtype", "").c_str(),
                        (long long)e.value("train_examples", 0), (long long)e.value("validation_examples", 0),
                        (long long)e.value("trainable_params", 0)));
        } else if (kind == "step") {
            const int64_t step = e.value("step", 0), total = e.value("total_steps", 1);
            const int width = 24;
            const int filled = int(double(width) * double(step) / double(std::max<int64_t>(1, total)));
            const std::string bar = std::string(size_t(filled), '=') + std::string(size_t(width - filled), ' ');
            const std::string text = format("step %lld/%lld [%s] loss %.4f  lr %.2e  gnorm %.3f  %.0f tok/s  mem %s  eta %s",
                                            (long long)step, (long long)total, bar.c_str(), e.value("loss", 0.0), e.value("lr", 0.0),
                                            e.value("grad_norm", 0.0), e.value("tokens_per_s", 0.0),
                                            formatBytes(e.value("memory_bytes", uint64_t(0))).c_str(), formatDuration(e.value("eta_s", -1.0)).c_str());
            if (m_tty) {
                std::cout << "\r" << text << "\033[K" << std::flush;
                m_open = true;
            } else {
                std::cout << text << "\n" << std::flush;
            }
        } else if (kind == "eval") {
            line(format("eval at step %lld: loss %.4f  ppl %.3f%s", (long long)e.value("step", 0), e.value("loss", 0.0),
                        e.value("ppl", 0.0), e.value("improved", false) ? "  (best)" : ""));
        } else if (kind == "checkpoint") {
            line("checkpoint " + e.value("path", ""));
        } else if (kind == "paused" || kind == "resumed") {
            line(kind);
        } else if (kind == "finished") {
            line(format("%s at step %lld; adapter: %s", e.value("status", "").c_str(), (long long)e.value("step", 0),
                        e.value("adapter", "").c_str()));
        } else if (kind == "failed") {
            line(format("failed at step %lld: %s", (long long)e.value("step", 0), e.value("reason", "").c_str()));
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
    const Args args(argv, {"resume", "checkpoint"}, {"json", "print-defaults"});
    if (args.flag("print-defaults")) {
        std::cout << RunConfig::defaultsJson().dump(2) << std::endl;
        return 0;
    }
    const bool json = args.flag("json");
    ProgressPrinter printer(!json && isatty(STDOUT_FILENO));
    Trainer* current = nullptr;
    auto observer = [&](const nlohmann::json& e) {
        if (g_interrupts.load() > 0 && current) current->stop();
        if (json) std::cout << e.dump() << "\n" << std::flush;
        else printer(e);
    };
    std::unique_ptr<Trainer> trainer;
    if (args.has("resume")) {
        trainer = Trainer::resume(args.value("resume"), observer, args.value("checkpoint"));
    } else {
        if (args.positionals().size() != 1) throw Error("give one run configuration file", "usage: finetune train RUN.json");
        trainer = Trainer::create(RunConfig::fromFile(args.positionals()[0]), observer);
    }
    current = trainer.get();
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const TrainOutcome outcome = trainer->run();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (outcome.status == TrainStatus::Failed) {
        std::cerr << "finetune train: error: " << outcome.message << "\n";
        if (!outcome.hint.empty()) std::cerr << "hint: " << outcome.hint << "\n";
        return 1;
    }
    return 0;
}

} // namespace ft::cli
