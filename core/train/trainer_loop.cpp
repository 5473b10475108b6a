// Trainer: the training loop. trainStep does one optimiser step's work; train() keeps the books
// around it (throughput, ETA, events, evaluation and checkpoint cadence, stop and pause); finish
// and fail end the run.
#include "train/trainer_impl.h"

namespace ft {

using namespace trainer_detail;

// Blocks while paused (reporting the pause); returns false when a stop was asked for.
bool Trainer::Impl::checkControl() {
    return control.check([this] { emit(Paused{state.step}); }, [this] { emit(Resumed{state.step}); });
}

// One optimiser step over up to grad_accum micro-batches. Returns nothing at the end of an epoch
// that had no micro-batch left (the position moves to the next epoch).
std::optional<Trainer::Impl::StepResult> Trainer::Impl::trainStep() {
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
        if (m > first) checkControl(); // a pause may fall between micro-batches; a stop waits for the step's end
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
        throw StepFailure(
            state.step + 1,
            format("the loss became %s at step %lld (gradient norm %g); training stopped before that update",
                   std::isfinite(loss) ? "finite but the gradients did not" : (std::isnan(loss) ? "NaN" : "infinite"),
                   (long long)(state.step + 1), gradNormValue),
            "lower train.lr, keep train.max_grad_norm on, or use fp32; " +
                (lastCheckpoint.empty() ? std::string("no checkpoint was saved yet") : "the last good checkpoint is " + lastCheckpoint));
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

std::string Trainer::Impl::outOfMemoryMessage(const std::exception& e) {
    const MemoryUse m = memoryUse(deviceName);
    const auto& s = config.train;
    return format("out of memory on %s at step %lld (batch_size %lld, max_seq_len %lld, longest example %lld tokens; %s in use of %s): %s",
                  deviceName.c_str(), (long long)(state.step + 1), (long long)s.batchSize, (long long)s.maxSeqLen,
                  (long long)data.report.longest, formatBytes(m.current).c_str(), formatBytes(m.total).c_str(),
                  messageOf(e).substr(0, 300).c_str());
}

TrainOutcome Trainer::Impl::train() {
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
        const double pausedBefore = control.pausedSeconds();
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
        const double stepSeconds = std::max(1e-9, seconds(Clock::now() - t0) - (control.pausedSeconds() - pausedBefore));
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

TrainOutcome Trainer::Impl::finish(TrainStatus status) {
    if (state.step > 0) {
        // A stop means now: no final pass over the validation split (it may take minutes).
        if (!data.validation.empty() && lastEvalStep != state.step && status != TrainStatus::EarlyStopped && status != TrainStatus::Stopped)
            runEvaluation();
        if (lastCheckpointStep != state.step) checkpoint();
        saveWeightsAtomically(resultDir(/*best=*/false), [this](const std::string& dir) { saveWeights(dir); });
    }
    TrainOutcome out;
    out.status = status;
    out.step = state.step;
    out.runDir = runDir;
    out.resultDir = state.step > 0 ? resultDir(/*best=*/false) : std::string();
    writeRunJson(trainStatusName(status));
    RunFinished finished;
    finished.step = state.step;
    finished.status = status;
    finished.adapter = out.resultDir;
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

TrainOutcome Trainer::Impl::fail(int64_t step, const std::string& message, const std::string& hint) {
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

} // namespace ft
