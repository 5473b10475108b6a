#include "train/trainer.h"

#include "chat/chat_template.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "lora/lora_adapter.h"
#include "model/model_loader.h"
#include "tokenizer/tokenizer.h"
#include "train/adamw.h"
#include "train/batch_plan.h"
#include "train/checkpoint.h"
#include "train/lr_schedule.h"
#include "train/run_folder.h"
#include "train/run_plan.h"
#include "train/train_batch.h"
#include "train/training_data.h"
#include "util/error.h"
#include "util/memory_stats.h"

#include "torch_pch.h"
#include <torch/version.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <new>
#include <optional>

#ifndef FT_VERSION
#define FT_VERSION "unknown"
#endif

namespace ft {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

double unixTime() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool isOutOfMemory(const std::exception& e) {
    if (dynamic_cast<const std::bad_alloc*>(&e) || dynamic_cast<const c10::OutOfMemoryError*>(&e)) return true;
    const std::string what = e.what();
    return what.find("out of memory") != std::string::npos || what.find("not enough memory") != std::string::npos ||
           what.find("can't allocate memory") != std::string::npos;
}

// A training failure with the step it happened at (the "failed" event's step).
struct StepFailure : Error {
    StepFailure(int64_t s, const std::string& message, const std::string& hint) : Error(message, hint), step(s) {}
    int64_t step;
};

// An exception's message without libtorch's C++ backtrace.
std::string messageOf(const std::exception& e) {
    const auto* c10 = dynamic_cast<const c10::Error*>(&e);
    std::string text = c10 ? c10->what_without_backtrace() : e.what();
    const auto frames = text.find("\nframe #");   // some allocator errors carry the backtrace in the message itself
    if (frames != std::string::npos) text.resize(frames);
    return text;
}

std::string torchVersion() {
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." + std::to_string(TORCH_VERSION_PATCH);
}

} // namespace

struct Trainer::Impl {
    RunConfig config;
    std::string runDir;
    std::string resumeCheckpoint;   // "" for a fresh run
    TrainObserver observer;

    // Control, shared with other threads.
    std::mutex mutex;
    std::condition_variable wake;
    bool paused = false;
    std::atomic<bool> stopRequested{false};

    std::unique_ptr<MetricsWriter> metrics;
    std::ofstream logFile;

    // The run, once prepared.
    torch::Device device{torch::kCPU};
    std::string deviceName;
    torch::ScalarType dtype = torch::kFloat32;
    LoadedModel model;
    LoraConfig lora;
    TrainingSet data;
    std::unique_ptr<AdamW> optimizer;
    TrainerState state;
    std::vector<int64_t> trainLengths, validationLengths;
    BatchPlanOptions planOptions;
    std::vector<MicroBatch> plan;   // of state.epoch
    int64_t plannedEpoch = -1;
    int64_t lastCheckpointStep = -1, lastEvalStep = -1;
    std::string lastCheckpoint;
    double lastEvalLoss = -1;
    double pausedSeconds = 0;       // within the current step

    void emit(TrainEvent::Kind kind) {
        TrainEvent event{std::move(kind), unixTime()};
        if (observer) observer(event);
        if (metrics && !event.is<LogLine>()) metrics->append(event);
    }

    void log(const std::string& message) {
        const std::time_t now = std::time(nullptr);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
        if (logFile) logFile << stamp << "  " << message << std::endl;
        emit(LogLine{state.step, message});
    }

    void openFiles() {
        std::error_code ec;
        fs::create_directories(runDir + "/logs", ec);
        if (ec) throw Error("output_dir: cannot create " + runDir + ": " + ec.message());
        fs::create_directories(runfiles::checkpoints(runDir), ec);
        logFile.open(runfiles::log(runDir), std::ios::app);
        metrics = std::make_unique<MetricsWriter>(runfiles::metrics(runDir));
    }

    void writeRunJson(const std::string& status) {
        json j = fileExists(runfiles::runJson(runDir)) ? readJsonFile(runfiles::runJson(runDir)) : json::object();
        if (!j.contains("created")) j["created"] = unixTime();
        j["format"] = 1;
        j["config"] = config.toJson();
        j["status"] = status;
        j["step"] = state.step;
        j["updated"] = unixTime();
        j["versions"] = {{"finetune", FT_VERSION}, {"libtorch", torchVersion()}};
        if (model.model) {
            j["resolved"] = {{"device", deviceName},
                             {"dtype", dtypeName(dtype)},
                             {"total_steps", state.totalSteps},
                             {"lora", loraJson(lora)}};
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

    void prepare() {
        device = parseDevice(config.device);
        deviceName = device.str();
        dtype = resolveDtype(config.dtype, device);
        if (dtype == torch::kFloat16) throw Error("dtype: fp16 base weights are not supported for training", "use bf16 or fp32");

        log("loading model " + config.model + " on " + deviceName + " (" + dtypeName(dtype) + ")");
        model = loadModel(config.model, {device, dtype});
        const std::string tokenizerDir = config.tokenizer.empty() ? config.model : config.tokenizer;
        const auto tokenizer = Tokenizer::load(tokenizerDir);
        const ChatTemplate tmpl = ChatTemplate::forTokenizer(*tokenizer, config.chatTemplate);
        if (tmpl.isBuiltinFallback())
            log("the tokenizer has no chat template: using the plain built-in template (set chat_template to choose one)");
        log("reading the data");
        data = loadTrainingSet(config, *tokenizer, tmpl, runDir, [this](const std::string& m) { log(m); });
        for (const auto& w : data.report.warnings) log("warning: " + w);
        const int64_t vocab = model.config.vocabSize;
        for (const auto* set : {&data.train, &data.validation})
            for (const auto& s : *set)
                for (int32_t id : s.ids)
                    if (id < 0 || id >= vocab)
                        throw Error(format("example %lld has token id %d, outside the model's vocabulary of %lld", (long long)s.exampleId, id,
                                           (long long)vocab),
                                    "the tokenizer does not belong to this model");
        if (config.train.maxEvalExamples > 0 && int64_t(data.validation.size()) > config.train.maxEvalExamples)
            data.validation.resize(size_t(config.train.maxEvalExamples));
        for (const auto& s : data.train) trainLengths.push_back(int64_t(s.ids.size()));
        for (const auto& s : data.validation) validationLengths.push_back(int64_t(s.ids.size()));

        const std::string adapterSource = !resumeCheckpoint.empty() ? resumeCheckpoint : config.initAdapter;
        if (!adapterSource.empty()) {
            lora = loadAdapter(adapterSource, model.model);
            lora.dropout = config.lora.dropout;   // dropout is a training setting, not part of the weights
            for (auto& [path, linear] : loraTargets(model.model, lora)) linear->loraDropout = lora.dropout;
            log("adapter loaded from " + adapterSource);
        } else {
            lora = config.lora;
            applyLora(model.model, lora, uint64_t(config.train.seed));
        }
        // Dropout draws from the global generators: seeded here, so that a run is reproducible from
        // its seed; a resumed run restores their saved state below instead.
        torch::manual_seed(uint64_t(config.train.seed));
        auto params = adapterTensors(model.model);
        int64_t trainable = 0;
        for (auto& [name, t] : params) trainable += t.numel();
        const auto& s = config.train;
        AdamWOptions adam;
        adam.beta1 = s.adamBeta1;
        adam.beta2 = s.adamBeta2;
        adam.eps = s.adamEps;
        adam.weightDecay = s.weightDecay;
        if (s.loraplusLrRatio != 1.0) {
            const double ratio = s.loraplusLrRatio;
            adam.lrScale = [ratio](const std::string& name) { return isLoraB(name) ? ratio : 1.0; };
        }
        optimizer = std::make_unique<AdamW>(params, adam);

        planOptions = {s.batchSize, s.maxSeqLen, s.packing, uint64_t(s.seed), true};
        const RunPlan plan = planRun(trainLengths, s);   // the Setup view's count too
        const int64_t stepsPerEpoch = plan.stepsPerEpoch;
        state.totalSteps = plan.totalSteps;
        if (!resumeCheckpoint.empty()) {
            const int64_t total = state.totalSteps;
            state = loadCheckpointState(resumeCheckpoint, *optimizer, device);
            state.totalSteps = total;
            lastCheckpointStep = state.step;
            lastCheckpoint = resumeCheckpoint;
            log(format("resuming at step %lld of %lld", (long long)state.step, (long long)total));
        }
        writeRunJson("running");
        RunStarted started;
        started.step = state.step;
        started.totalSteps = state.totalSteps;
        started.stepsPerEpoch = stepsPerEpoch;
        started.trainExamples = data.report.trainExamples;
        started.validationExamples = int64_t(data.validation.size());
        started.trainTokens = data.report.trainTokens;
        started.truncated = data.report.truncated;
        started.trainableParams = trainable;
        started.device = deviceName;
        started.dtype = dtypeName(dtype);
        started.resumed = !resumeCheckpoint.empty();
        started.warnings = data.report.warnings;
        emit(started);
    }

    const std::vector<MicroBatch>& epochPlan() {
        if (plannedEpoch != state.epoch) {
            plan = ft::planEpoch(trainLengths, planOptions, state.epoch);
            plannedEpoch = state.epoch;
        }
        return plan;
    }

    // Blocks while paused; returns false when a stop was asked for.
    bool checkControl() {
        std::unique_lock<std::mutex> lock(mutex);
        if (paused && !stopRequested) {
            lock.unlock();
            emit(Paused{state.step});
            const auto t0 = Clock::now();
            lock.lock();
            wake.wait(lock, [&] { return !paused || stopRequested; });
            lock.unlock();
            pausedSeconds += seconds(Clock::now() - t0);
            if (!stopRequested) emit(Resumed{state.step});
        }
        return !stopRequested;
    }

    struct EvalResult {
        double loss = 0;
        int64_t tokens = 0, examples = 0;
    };

    EvalResult evaluate() {
        EvalResult r;
        torch::NoGradGuard noGrad;
        model.model->eval();
        const auto& s = config.train;
        const BatchPlanOptions o{s.evalBatchSize > 0 ? s.evalBatchSize : s.batchSize, s.maxSeqLen, false, uint64_t(s.seed), false};
        double total = 0;
        for (const auto& b : ft::planEpoch(validationLengths, o, 0)) {
            const BatchTensors t = collateBatch(b, data.validation, device);
            total += summedNll(*model.model, t).item<double>();
            r.tokens += t.targetCount();
            r.examples += t.examples;
        }
        model.model->train();
        r.loss = r.tokens ? total / double(r.tokens) : 0;
        return r;
    }

    // Returns true when early stopping says to stop.
    bool runEvaluation() {
        const EvalResult r = evaluate();
        lastEvalStep = state.step;
        lastEvalLoss = r.loss;
        const bool improved = state.bestEvalLoss < 0 || r.loss < state.bestEvalLoss;
        if (improved) {
            state.bestEvalLoss = r.loss;
            state.bestStep = state.step;
            state.evalsWithoutImprovement = 0;
            saveAdapterAtomically(runfiles::bestAdapter(runDir), model.model, lora, config.model);
        } else {
            ++state.evalsWithoutImprovement;
        }
        EvalDone done;
        done.step = state.step;
        done.loss = r.loss;
        done.perplexity = std::exp(r.loss);
        done.tokens = r.tokens;
        done.examples = r.examples;
        done.bestLoss = state.bestEvalLoss;
        done.bestStep = state.bestStep;
        done.improved = improved;
        emit(done);
        const int64_t patience = config.train.earlyStoppingPatience;
        return patience > 0 && state.evalsWithoutImprovement >= patience;
    }

    void checkpoint() {
        const std::string dir = runfiles::checkpoints(runDir) + "/" + runfiles::checkpointName(state.step);
        try {
            if (fs::exists(dir)) fs::remove_all(dir);
            saveCheckpoint(dir, model.model, lora, config.model, *optimizer, state);
        } catch (const Error& e) {
            throw StepFailure(state.step, e.what(),
                              lastCheckpoint.empty() ? "free disk space and start again"
                                                     : "the previous checkpoint " + lastCheckpoint +
                                                           " is intact: free disk space and resume from it");
        }
        lastCheckpointStep = state.step;
        lastCheckpoint = dir;
        emit(CheckpointSaved{state.step, dir});
        const int64_t keep = config.train.keepCheckpoints;
        auto all = listCheckpoints(runDir);
        for (size_t i = 0; keep > 0 && all.size() - i > size_t(keep); ++i) {
            std::error_code ec;
            fs::remove_all(all[i].path, ec);
        }
    }

    struct StepResult {
        double loss = 0, gradNorm = 0, lr = 0;
        int64_t tokens = 0, examples = 0;
    };

    // One optimiser step over up to grad_accum micro-batches. Returns nothing at the end of an epoch
    // that had no micro-batch left (the position moves to the next epoch).
    std::optional<StepResult> trainStep() {
        const auto& s = config.train;
        const auto& p = epochPlan();
        if (state.microIndex >= int64_t(p.size())) {
            ++state.epoch;
            state.microIndex = 0;
            return std::nullopt;
        }
        StepResult r;
        const int64_t first = state.microIndex, last = std::min<int64_t>(int64_t(p.size()), first + s.gradAccum);
        int64_t stepTargets = 0;
        for (int64_t m = first; m < last; ++m)
            for (const auto& row : p[size_t(m)].rows)
                for (int32_t i : row) stepTargets += data.train[size_t(i)].targets();
        model.model->train();
        torch::Tensor lossSum = torch::zeros({}, torch::TensorOptions().dtype(torch::kFloat32).device(device));
        for (int64_t m = first; m < last; ++m) {
            if (m > first) checkControl();   // a pause may fall between micro-batches; a stop waits for the step's end
            const BatchTensors b = collateBatch(p[size_t(m)], data.train, device);
            const auto scaled = summedNll(*model.model, b, s.gradientCheckpointing) / double(stepTargets);
            scaled.backward();
            lossSum += scaled.detach();
            r.tokens += b.tokens;
            r.examples += b.examples;
        }
        // The whole update is queued before the host reads anything: one synchronisation per step, and
        // a step with a non-finite loss or gradient norm is cancelled on the device (skipIf).
        const auto& params = optimizer->params();
        const auto norm = gradNorm(params);
        const auto observed = torch::stack({lossSum, norm});
        clipGradients(params, norm, s.maxGradNorm);
        r.lr = learningRate(s, state.step, state.totalSteps);
        optimizer->step(r.lr, nonFinite(observed));
        const auto host = observed.to(torch::kCPU);
        const double loss = r.loss = host[0].item<double>();
        const double gradNormValue = r.gradNorm = host[1].item<double>();
        if (!std::isfinite(loss) || !std::isfinite(gradNormValue)) {
            optimizer->zeroGrad();
            throw StepFailure(state.step + 1,
                              format("the loss became %s at step %lld (gradient norm %g); training stopped before that update",
                                     std::isfinite(loss) ? "finite but the gradients did not" : (std::isnan(loss) ? "NaN" : "infinite"),
                                     (long long)(state.step + 1), gradNormValue),
                              "lower train.lr, keep train.max_grad_norm on, or use fp32; " +
                                  (lastCheckpoint.empty() ? std::string("no checkpoint was saved yet")
                                                          : "the last good checkpoint is " + lastCheckpoint));
        }
        optimizer->zeroGrad();
        ++state.step;
        state.microIndex = last;
        if (state.microIndex >= int64_t(p.size())) {
            ++state.epoch;
            state.microIndex = 0;
        }
        state.tokensSeen += r.tokens;
        state.lastTrainLoss = loss;
        return r;
    }

    std::string outOfMemoryMessage(const std::exception& e) {
        const MemoryUse m = memoryUse(deviceName);
        const auto& s = config.train;
        return format("out of memory on %s at step %lld (batch_size %lld, max_seq_len %lld, longest example %lld tokens; %s in use of %s): %s",
                      deviceName.c_str(), (long long)(state.step + 1), (long long)s.batchSize, (long long)s.maxSeqLen,
                      (long long)data.report.longest, formatBytes(m.current).c_str(), formatBytes(m.total).c_str(),
                      messageOf(e).substr(0, 300).c_str());
    }

    TrainOutcome finish(TrainStatus status) {
        if (state.step > 0) {
            if (!data.validation.empty() && lastEvalStep != state.step && status != TrainStatus::EarlyStopped) runEvaluation();
            if (lastCheckpointStep != state.step) checkpoint();
            saveAdapterAtomically(runfiles::adapter(runDir), model.model, lora, config.model);
        }
        TrainOutcome out;
        out.status = status;
        out.step = state.step;
        out.runDir = runDir;
        out.adapterDir = state.step > 0 ? runfiles::adapter(runDir) : std::string();
        writeRunJson(trainStatusName(status));
        RunFinished finished;
        finished.step = state.step;
        finished.status = status;
        finished.adapter = out.adapterDir;
        finished.checkpoint = lastCheckpoint;
        finished.elapsedSeconds = state.elapsedSeconds;
        if (state.lastTrainLoss >= 0) finished.trainLoss = state.lastTrainLoss;
        if (lastEvalLoss >= 0) finished.evalLoss = lastEvalLoss;
        if (state.bestEvalLoss >= 0) finished.bestEvalLoss = state.bestEvalLoss;
        finished.bestStep = state.bestStep;
        log(format("finished (%s) at step %lld", trainStatusName(status), (long long)state.step));
        emit(finished);
        return out;
    }

    TrainOutcome train() {
        prepare();
        const auto& s = config.train;
        const std::string memDevice = deviceName;
        resetPeakMemory(memDevice);
        int64_t sessionSteps = 0;
        double sessionSeconds = 0;
        double intervalSeconds = 0;
        int64_t intervalTokens = 0, intervalExamples = 0;
        TrainStatus status = TrainStatus::Completed;
        while (state.step < state.totalSteps) {
            if (!checkControl()) {
                status = TrainStatus::Stopped;
                break;
            }
            pausedSeconds = 0;
            const auto t0 = Clock::now();
            std::optional<StepResult> r;
            try {
                r = trainStep();
                if (!r) continue;
            } catch (const StepFailure&) {
                throw;
            } catch (const std::exception& e) {
                if (!isOutOfMemory(e)) throw;
                optimizer->zeroGrad();
                releaseCachedMemory(memDevice);
                throw StepFailure(state.step + 1, outOfMemoryMessage(e),
                                  "lower train.batch_size (raise train.grad_accum to keep the effective batch), lower train.max_seq_len, "
                                  "or turn on train.gradient_checkpointing");
            }
            const double stepSeconds = std::max(1e-9, seconds(Clock::now() - t0) - pausedSeconds);
            ++sessionSteps;
            sessionSeconds += stepSeconds;
            state.elapsedSeconds += stepSeconds;
            intervalSeconds += stepSeconds;
            intervalTokens += r->tokens;
            intervalExamples += r->examples;
            if (state.step % s.logEvery == 0 || state.step == state.totalSteps) {
                const MemoryUse m = memoryUse(memDevice);
                const double planSize = double(std::max<size_t>(1, epochPlan().size()));
                StepDone done;
                done.step = state.step;
                done.totalSteps = state.totalSteps;
                done.epoch = double(state.epoch) + double(state.microIndex) / planSize;
                done.loss = r->loss;
                done.lr = r->lr;
                done.gradNorm = r->gradNorm;
                done.tokens = r->tokens;
                done.tokensPerSecond = double(intervalTokens) / intervalSeconds;
                done.examplesPerSecond = double(intervalExamples) / intervalSeconds;
                done.elapsedSeconds = state.elapsedSeconds;
                done.etaSeconds = double(state.totalSteps - state.step) * sessionSeconds / double(sessionSteps);
                done.memoryBytes = m.current;
                done.peakMemoryBytes = m.peak;
                emit(done);
                intervalSeconds = 0;
                intervalTokens = intervalExamples = 0;
            }
            if (s.evalEvery > 0 && state.step % s.evalEvery == 0 && !data.validation.empty() && runEvaluation()) {
                log(format("early stopping: no better validation loss in %lld evaluations (best %.4f at step %lld)",
                           (long long)s.earlyStoppingPatience, state.bestEvalLoss, (long long)state.bestStep));
                status = TrainStatus::EarlyStopped;
                break;
            }
            if (s.saveEvery > 0 && state.step % s.saveEvery == 0 && state.step < state.totalSteps) checkpoint();
        }
        return finish(status);
    }

    TrainOutcome fail(int64_t step, const std::string& message, const std::string& hint) {
        TrainOutcome out;
        out.status = TrainStatus::Failed;
        out.step = step;
        out.runDir = runDir;
        out.message = message;
        out.hint = hint;
        try {
            log("failed: " + message + (hint.empty() ? "" : " (" + hint + ")"));
            emit(RunFailed{step, message, hint, lastCheckpoint});
            writeRunJson("failed");
        } catch (const std::exception&) {
            // The disk may be what failed; the outcome still says why.
        }
        return out;
    }
};

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
    std::lock_guard<std::mutex> lock(d->mutex);
    d->paused = true;
}

void Trainer::resumeRun() {
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->paused = false;
    }
    d->wake.notify_all();
}

void Trainer::stop() {
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->stopRequested = true;
    }
    d->wake.notify_all();
}

bool Trainer::isPaused() const {
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->paused;
}

const RunConfig& Trainer::config() const { return d->config; }
const std::string& Trainer::runDir() const { return d->runDir; }

} // namespace ft
