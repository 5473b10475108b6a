// Trainer: one training run (LoRA, QLoRA, DoRA or full fine-tuning), from a RunConfig or resumed from a run folder's checkpoint.
// run() blocks on the calling thread (a worker's); pause(), resumeRun() and stop() may be called
// from any other thread at any moment. Progress comes out as typed events (train_events.h), given to
// the observer (on the training thread) and appended to the run's metrics.jsonl (all but log lines).
// No libtorch in this header: the studio includes it.
#pragma once
#include "train/run_config.h"
#include "train/train_events.h"

#include <functional>
#include <memory>
#include <string>

namespace ft {

using TrainObserver = std::function<void(const TrainEvent& event)>;

struct TrainOutcome {
    TrainStatus status = TrainStatus::Failed;
    int64_t step = 0;
    std::string runDir;
    std::string resultDir; // the trained adapter, or full fine-tuning's model folder ("" when failed before any)
    std::string message;   // the failure's reason
    std::string hint;      // what to change
};

class Trainer {
public:
    // A new run into config.outputDir. Validates the configuration (throws ft::Error naming the
    // field) and refuses a folder that already holds a run.
    static std::unique_ptr<Trainer> create(const RunConfig& config, TrainObserver observer = {});
    // Continues the run in `runDir` from `checkpoint` (a folder; "" = the newest).
    static std::unique_ptr<Trainer> resume(const std::string& runDir, TrainObserver observer = {}, const std::string& checkpoint = {});
    ~Trainer();

    // Loads the model and data, trains, checkpoints, and reports. Training failures (NaN loss, out of
    // memory, a full disk, bad data) end in a RunFailed event and TrainStatus::Failed; run() does not throw.
    TrainOutcome run();

    void pause();
    void resumeRun();
    void stop(); // finishes the current step, checkpoints, saves the trained weights
    bool isPaused() const;

    const RunConfig& config() const;
    const std::string& runDir() const;

private:
    Trainer();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ft
