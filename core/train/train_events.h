// What a training run reports, as types: the trainer's observer receives them, metrics.jsonl holds
// them one JSON object per line (toJson/trainEventFromJson are the only code that knows its keys),
// and the CLI, the studio and the run folder read them back through readMetrics. No libtorch and no
// Qt here: every layer includes it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ft {

enum class TrainStatus { Completed, Stopped, EarlyStopped, Failed };
const char* trainStatusName(TrainStatus status); // "completed", "stopped", "early_stopped", "failed"
std::optional<TrainStatus> trainStatusFromName(const std::string& name);

struct LogLine { // a line of the run's log (not kept in metrics.jsonl)
    int64_t step = 0;
    std::string message;
};
struct RunStarted {
    int64_t step = 0, totalSteps = 0, stepsPerEpoch = 0;
    int64_t trainExamples = 0, validationExamples = 0, trainTokens = 0, truncated = 0, trainableParams = 0;
    std::string device, dtype;
    bool resumed = false;
    std::vector<std::string> warnings;
};
struct StepDone { // one optimiser step (every train.log_every steps)
    int64_t step = 0, totalSteps = 0;
    double epoch = 0, loss = 0, lr = 0, gradNorm = 0;
    int64_t tokens = 0;
    double tokensPerSecond = 0, examplesPerSecond = 0, elapsedSeconds = 0, etaSeconds = -1;
    uint64_t memoryBytes = 0, peakMemoryBytes = 0;
};
struct EvalDone { // a validation pass
    int64_t step = 0;
    double loss = 0, perplexity = 0;
    int64_t tokens = 0, examples = 0;
    double bestLoss = -1;
    int64_t bestStep = -1;
    bool improved = false;
};
struct CheckpointSaved {
    int64_t step = 0;
    std::string path;
};
struct Paused {
    int64_t step = 0;
};
struct Resumed {
    int64_t step = 0;
};
struct RunFinished { // completed, stopped or stopped early
    int64_t step = 0;
    TrainStatus status = TrainStatus::Completed;
    std::string adapter, checkpoint;
    double elapsedSeconds = 0;
    std::optional<double> trainLoss, evalLoss, bestEvalLoss;
    int64_t bestStep = -1;
};
struct RunFailed {
    int64_t step = 0;
    std::string reason, hint, checkpoint; // checkpoint: the last good one, "" when none
};

struct TrainEvent {
    using Kind = std::variant<LogLine, RunStarted, StepDone, EvalDone, CheckpointSaved, Paused, Resumed, RunFinished, RunFailed>;
    Kind kind;
    double time = 0; // seconds since the Unix epoch

    template <typename T>
    const T* as() const {
        return std::get_if<T>(&kind);
    }
    template <typename T>
    bool is() const {
        return std::holds_alternative<T>(kind);
    }
};

const char* trainEventName(const TrainEvent& event); // "log", "started", "step", "eval", ... (metrics.jsonl's "event")
int64_t trainEventStep(const TrainEvent& event);

nlohmann::json toJson(const TrainEvent& event);
// nullopt for an object that is not an event this version knows (a newer run's, say); a missing
// field takes its default.
std::optional<TrainEvent> trainEventFromJson(const nlohmann::json& object);

} // namespace ft
