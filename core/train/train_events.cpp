// The training events and their metrics.jsonl form (see train_events.h). The keys written here are
// the file format: runs written by earlier versions read back unchanged.
#include "train/train_events.h"

#include <nlohmann/json.hpp>

namespace ft {

using json = nlohmann::json;

const char* trainStatusName(TrainStatus s) {
    switch (s) {
    case TrainStatus::Completed: return "completed";
    case TrainStatus::Stopped: return "stopped";
    case TrainStatus::EarlyStopped: return "early_stopped";
    case TrainStatus::Failed: return "failed";
    }
    return "failed";
}

std::optional<TrainStatus> trainStatusFromName(const std::string& name) {
    for (TrainStatus s : {TrainStatus::Completed, TrainStatus::Stopped, TrainStatus::EarlyStopped, TrainStatus::Failed})
        if (name == trainStatusName(s)) return s;
    return std::nullopt;
}

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

json optionalNumber(const std::optional<double>& v) {
    return v ? json(*v) : json(nullptr);
}

std::optional<double> optionalNumber(const json& o, const char* key) {
    const auto it = o.find(key);
    if (it == o.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

template <typename T>
T value(const json& o, const char* key, T fallback) {
    const auto it = o.find(key);
    if (it == o.end() || it->is_null()) return fallback;
    try {
        return it->get<T>();
    } catch (const json::exception&) {
        return fallback;
    }
}

} // namespace

const char* trainEventName(const TrainEvent& e) {
    return std::visit(Overloaded{[](const LogLine&) { return "log"; }, [](const RunStarted&) { return "started"; },
                                 [](const StepDone&) { return "step"; }, [](const EvalDone&) { return "eval"; },
                                 [](const CheckpointSaved&) { return "checkpoint"; }, [](const Paused&) { return "paused"; },
                                 [](const Resumed&) { return "resumed"; }, [](const RunFinished&) { return "finished"; },
                                 [](const RunFailed&) { return "failed"; }},
                      e.kind);
}

int64_t trainEventStep(const TrainEvent& e) {
    return std::visit([](const auto& k) { return k.step; }, e.kind);
}

json toJson(const TrainEvent& e) {
    json o = std::visit(Overloaded{[](const LogLine& k) {
                                       return json{{"step", k.step}, {"message", k.message}};
                                   },
                                   [](const RunStarted& k) {
                                       return json{{"step", k.step},
                                                   {"total_steps", k.totalSteps},
                                                   {"steps_per_epoch", k.stepsPerEpoch},
                                                   {"train_examples", k.trainExamples},
                                                   {"validation_examples", k.validationExamples},
                                                   {"train_tokens", k.trainTokens},
                                                   {"truncated", k.truncated},
                                                   {"trainable_params", k.trainableParams},
                                                   {"device", k.device},
                                                   {"dtype", k.dtype},
                                                   {"resumed", k.resumed},
                                                   {"warnings", k.warnings}};
                                   },
                                   [](const StepDone& k) {
                                       return json{{"step", k.step},
                                                   {"total_steps", k.totalSteps},
                                                   {"epoch", k.epoch},
                                                   {"loss", k.loss},
                                                   {"lr", k.lr},
                                                   {"grad_norm", k.gradNorm},
                                                   {"tokens", k.tokens},
                                                   {"tokens_per_s", k.tokensPerSecond},
                                                   {"examples_per_s", k.examplesPerSecond},
                                                   {"elapsed_s", k.elapsedSeconds},
                                                   {"eta_s", k.etaSeconds},
                                                   {"memory_bytes", k.memoryBytes},
                                                   {"peak_memory_bytes", k.peakMemoryBytes}};
                                   },
                                   [](const EvalDone& k) {
                                       return json{{"step", k.step},          {"loss", k.loss},         {"ppl", k.perplexity},
                                                   {"tokens", k.tokens},      {"examples", k.examples}, {"best_loss", k.bestLoss},
                                                   {"best_step", k.bestStep}, {"improved", k.improved}};
                                   },
                                   [](const CheckpointSaved& k) {
                                       return json{{"step", k.step}, {"path", k.path}};
                                   },
                                   [](const Paused& k) {
                                       return json{{"step", k.step}};
                                   },
                                   [](const Resumed& k) {
                                       return json{{"step", k.step}};
                                   },
                                   [](const RunFinished& k) {
                                       return json{{"step", k.step},
                                                   {"status", trainStatusName(k.status)},
                                                   {"adapter", k.adapter},
                                                   {"checkpoint", k.checkpoint},
                                                   {"elapsed_s", k.elapsedSeconds},
                                                   {"train_loss", optionalNumber(k.trainLoss)},
                                                   {"eval_loss", optionalNumber(k.evalLoss)},
                                                   {"best_eval_loss", optionalNumber(k.bestEvalLoss)},
                                                   {"best_step", k.bestStep}};
                                   },
                                   [](const RunFailed& k) {
                                       return json{{"step", k.step},
                                                   {"reason", k.reason},
                                                   {"hint", k.hint},
                                                   {"checkpoint", k.checkpoint.empty() ? json(nullptr) : json(k.checkpoint)}};
                                   }},
                        e.kind);
    o["event"] = trainEventName(e);
    o["time"] = e.time;
    return o;
}

std::optional<TrainEvent> trainEventFromJson(const json& o) {
    if (!o.is_object()) return std::nullopt;
    const std::string name = value<std::string>(o, "event", "");
    const int64_t step = value<int64_t>(o, "step", 0);
    TrainEvent e;
    e.time = value<double>(o, "time", 0.0);
    if (name == "log") {
        e.kind = LogLine{step, value<std::string>(o, "message", "")};
    } else if (name == "started") {
        RunStarted k;
        k.step = step;
        k.totalSteps = value<int64_t>(o, "total_steps", 0);
        k.stepsPerEpoch = value<int64_t>(o, "steps_per_epoch", 0);
        k.trainExamples = value<int64_t>(o, "train_examples", 0);
        k.validationExamples = value<int64_t>(o, "validation_examples", 0);
        k.trainTokens = value<int64_t>(o, "train_tokens", 0);
        k.truncated = value<int64_t>(o, "truncated", 0);
        k.trainableParams = value<int64_t>(o, "trainable_params", 0);
        k.device = value<std::string>(o, "device", "");
        k.dtype = value<std::string>(o, "dtype", "");
        k.resumed = value<bool>(o, "resumed", false);
        k.warnings = value<std::vector<std::string>>(o, "warnings", {});
        e.kind = k;
    } else if (name == "step") {
        StepDone k;
        k.step = step;
        k.totalSteps = value<int64_t>(o, "total_steps", 0);
        k.epoch = value<double>(o, "epoch", 0.0);
        k.loss = value<double>(o, "loss", 0.0);
        k.lr = value<double>(o, "lr", 0.0);
        k.gradNorm = value<double>(o, "grad_norm", 0.0);
        k.tokens = value<int64_t>(o, "tokens", 0);
        k.tokensPerSecond = value<double>(o, "tokens_per_s", 0.0);
        k.examplesPerSecond = value<double>(o, "examples_per_s", 0.0);
        k.elapsedSeconds = value<double>(o, "elapsed_s", 0.0);
        k.etaSeconds = value<double>(o, "eta_s", -1.0);
        k.memoryBytes = value<uint64_t>(o, "memory_bytes", 0);
        k.peakMemoryBytes = value<uint64_t>(o, "peak_memory_bytes", 0);
        e.kind = k;
    } else if (name == "eval") {
        EvalDone k;
        k.step = step;
        k.loss = value<double>(o, "loss", 0.0);
        k.perplexity = value<double>(o, "ppl", 0.0);
        k.tokens = value<int64_t>(o, "tokens", 0);
        k.examples = value<int64_t>(o, "examples", 0);
        k.bestLoss = value<double>(o, "best_loss", -1.0);
        k.bestStep = value<int64_t>(o, "best_step", -1);
        k.improved = value<bool>(o, "improved", false);
        e.kind = k;
    } else if (name == "checkpoint") {
        e.kind = CheckpointSaved{step, value<std::string>(o, "path", "")};
    } else if (name == "paused") {
        e.kind = Paused{step};
    } else if (name == "resumed") {
        e.kind = Resumed{step};
    } else if (name == "finished") {
        RunFinished k;
        k.step = step;
        k.status = trainStatusFromName(value<std::string>(o, "status", "")).value_or(TrainStatus::Completed);
        k.adapter = value<std::string>(o, "adapter", "");
        k.checkpoint = value<std::string>(o, "checkpoint", "");
        k.elapsedSeconds = value<double>(o, "elapsed_s", 0.0);
        k.trainLoss = optionalNumber(o, "train_loss");
        k.evalLoss = optionalNumber(o, "eval_loss");
        k.bestEvalLoss = optionalNumber(o, "best_eval_loss");
        k.bestStep = value<int64_t>(o, "best_step", -1);
        e.kind = k;
    } else if (name == "failed") {
        e.kind = RunFailed{step, value<std::string>(o, "reason", ""), value<std::string>(o, "hint", ""),
                           value<std::string>(o, "checkpoint", "")};
    } else {
        return std::nullopt;
    }
    return e;
}

} // namespace ft
