// Trainer: validation loss (with early stopping and the best weights) and checkpoints (with
// rotation).
#include "train/trainer_impl.h"

namespace ft {

using namespace trainer_detail;

Trainer::Impl::EvalResult Trainer::Impl::evaluate() {
    EvalResult r;
    torch::NoGradGuard noGrad;
    model.model->eval();
    const auto& s = config.train;
    const BatchPlanOptions o{s.evalBatchSize > 0 ? s.evalBatchSize : s.batchSize, s.maxSeqLen, false, uint64_t(s.seed), false};
    double total = 0;
    for (const auto& b : ft::planEpoch(validationLengths, o, 0)) {
        if (!checkControl()) { // a stop does not wait for the whole validation split
            r.complete = false;
            break;
        }
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
bool Trainer::Impl::runEvaluation() {
    const EvalResult r = evaluate();
    if (!r.complete) return false;
    lastEvalStep = state.step;
    lastEvalLoss = r.loss;
    const bool improved = state.bestEvalLoss < 0 || r.loss < state.bestEvalLoss;
    if (improved) {
        state.bestEvalLoss = r.loss;
        state.bestStep = state.step;
        state.evalsWithoutImprovement = 0;
        saveWeightsAtomically(resultDir(/*best=*/true), [this](const std::string& dir) { saveWeights(dir); });
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

void Trainer::Impl::checkpoint() {
    const std::string dir = runfiles::checkpoints(runDir) + "/" + runfiles::checkpointName(state.step);
    try {
        if (fs::exists(dir)) fs::remove_all(dir);
        saveCheckpoint(
            dir, [this](const std::string& d) { saveWeights(d); }, *optimizer, state, device);
    } catch (const Error& e) {
        throw StepFailure(state.step, e.what(),
                          lastCheckpoint.empty()
                              ? "free disk space and start again"
                              : "the previous checkpoint " + lastCheckpoint + " is intact: free disk space and resume from it");
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

} // namespace ft
