// Trainer: creating and resuming runs, the controls, and the run folder's own files (run.json,
// metrics.jsonl through the events, the log). The work is in trainer_prepare.cpp, trainer_loop.cpp
// and trainer_eval.cpp; the shared state in trainer_impl.h.
#include "train/trainer_impl.h"

namespace ft {

using namespace trainer_detail;

void Trainer::Impl::emit(TrainEvent::Kind kind) {
    TrainEvent event{std::move(kind), unixTime()};
    if (observer) observer(event);
    if (metrics && !event.is<LogLine>()) metrics->append(event);
}

void Trainer::Impl::log(const std::string& message) {
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
    if (logFile) logFile << stamp << "  " << message << std::endl;
    emit(LogLine{state.step, message});
}

void Trainer::Impl::openFiles() {
    std::error_code ec;
    fs::create_directories(runDir + "/logs", ec);
    if (ec) throw Error("output_dir: cannot create " + runDir + ": " + ec.message());
    fs::create_directories(runfiles::checkpoints(runDir), ec);
    logFile.open(runfiles::log(runDir), std::ios::app);
    metrics = std::make_unique<MetricsWriter>(runfiles::metrics(runDir));
}

void Trainer::Impl::writeRunJson(const std::string& status) {
    json j = fileExists(runfiles::runJson(runDir)) ? readJsonFile(runfiles::runJson(runDir)) : json::object();
    if (!j.contains("created")) j["created"] = unixTime();
    j["format"] = 1;
    j["config"] = config.toJson();
    j["status"] = status;
    j["step"] = state.step;
    j["updated"] = unixTime();
    j["versions"] = {{"finetune", FT_VERSION}, {"libtorch", torchVersion()}};
    if (model.model) {
        j["resolved"] = {{"device", deviceName}, {"dtype", dtypeName(dtype)}, {"total_steps", state.totalSteps}, {"lora", loraJson(lora)}};
        j["model_fingerprint"] = modelFingerprint(config.model);
        j["dataset"] = {{"workspace", data.workspace},
                        {"dataset", data.dataset},
                        {"fingerprint", data.fingerprint},
                        {"train_examples", data.report.trainExamples},
                        {"validation_examples", data.report.validationExamples},
                        {"train_tokens", data.report.trainTokens},
                        {"train_targets", data.report.trainTargets},
                        {"truncated", data.report.truncated},
                        {"left_out_invalid", data.report.invalid},
                        {"left_out_no_targets", data.report.noTargets}};
    }
    if (state.bestEvalLoss >= 0) j["best_eval"] = {{"loss", state.bestEvalLoss}, {"step", state.bestStep}};
    if (state.lastTrainLoss >= 0) j["last_train_loss"] = state.lastTrainLoss;
    writeFileAtomic(runfiles::runJson(runDir), j.dump(2) + "\n");
}

Trainer::Trainer() : d(std::make_unique<Impl>()) {}
Trainer::~Trainer() = default;

std::unique_ptr<Trainer> Trainer::create(const RunConfig& config, TrainObserver observer) {
    config.validate();
    if (!isDirectory(config.model)) throw Error("model: " + config.model + " is not a folder");
    if (fileExists(runfiles::runJson(config.outputDir))) {
        // A run that ended before its first checkpoint (bad data, a crash while preparing) has
        // nothing to resume and nothing trained to lose: starting it again replaces it, including
        // its imported copy of the data files, which may just have been fixed.
        const std::string status = readJsonFile(runfiles::runJson(config.outputDir)).value("status", "");
        if ((status != "failed" && status != "preparing") || !listCheckpoints(config.outputDir).empty())
            throw Error("output_dir: " + config.outputDir + " already holds a run",
                        "resume it with `finetune train --resume " + config.outputDir + "`, or choose another output_dir");
        std::error_code ec;
        for (const auto& path : {runfiles::runJson(config.outputDir), runfiles::metrics(config.outputDir), config.outputDir + "/data"})
            fs::remove_all(path, ec);
    }
    std::unique_ptr<Trainer> t(new Trainer());
    t->d->config = config;
    t->d->runDir = config.outputDir;
    t->d->observer = std::move(observer);
    t->d->openFiles();
    t->d->writeRunJson("preparing");
    return t;
}

std::unique_ptr<Trainer> Trainer::resume(const std::string& runDir, TrainObserver observer, const std::string& checkpoint) {
    const std::string runJson = runfiles::runJson(runDir);
    if (!fileExists(runJson)) throw Error(runDir + " holds no run.json: it is not a run folder");
    const json j = readJsonFile(runJson);
    if (!j.contains("config")) throw Error(runJson + ": no \"config\" section");
    RunConfig config;
    try {
        config = RunConfig::fromJson(j["config"]);
    } catch (...) {
        rethrowWithContext(runJson);
    }
    config.outputDir = runDir;
    config.validate();
    std::string dir = checkpoint;
    const auto all = listCheckpoints(runDir);
    if (dir.empty()) {
        if (all.empty())
            throw Error(runDir + " has no checkpoint to resume from",
                        "start it again with `finetune train` (a run that failed before its first checkpoint is replaced)");
        dir = all.back().path;
    }
    if (!fileExists(dir + "/trainer_state.json")) throw Error(dir + " is not a complete checkpoint (no trainer_state.json)");
    const TrainerState saved = TrainerState::fromJson(readJsonFile(dir + "/trainer_state.json"), dir + "/trainer_state.json");
    // Checkpoints past the one resumed from belong to the abandoned continuation.
    for (const auto& c : all)
        if (c.step > saved.step) {
            std::error_code ec;
            fs::remove_all(c.path, ec);
        }
    truncateMetrics(runfiles::metrics(runDir), saved.step);
    std::unique_ptr<Trainer> t(new Trainer());
    t->d->config = config;
    t->d->runDir = runDir;
    t->d->resumeCheckpoint = dir;
    t->d->observer = std::move(observer);
    t->d->state = saved;
    t->d->openFiles();
    return t;
}

TrainOutcome Trainer::run() {
    try {
        return d->train();
    } catch (const StepFailure& e) {
        return d->fail(e.step, e.what(), e.hint());
    } catch (const Error& e) {
        return d->fail(d->state.step, e.what(), e.hint());
    } catch (const std::exception& e) {
        if (isOutOfMemory(e)) return d->fail(d->state.step + 1, d->outOfMemoryMessage(e), "lower train.batch_size or train.max_seq_len");
        return d->fail(d->state.step, messageOf(e), "");
    }
}

void Trainer::pause() {
    d->control.pause();
}
void Trainer::resumeRun() {
    d->control.resume();
}
void Trainer::stop() {
    d->control.stop();
}
bool Trainer::isPaused() const {
    return d->control.isPaused();
}

const RunConfig& Trainer::config() const {
    return d->config;
}
const std::string& Trainer::runDir() const {
    return d->runDir;
}

} // namespace ft
