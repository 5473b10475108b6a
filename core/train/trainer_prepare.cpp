// Trainer: preparing a run (device, model, adapters, data, optimiser, the step plan) and the
// epoch's micro-batches.
#include "train/trainer_impl.h"

namespace ft {

using namespace trainer_detail;

void Trainer::Impl::prepare() {
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
        lora.dropout = config.lora.dropout; // dropout is a training setting, not part of the weights
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

    planOptions = trainingPlanOptions(s);
    const RunPlan plan = planRun(trainLengths, s); // the Setup view's count too
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

const std::vector<MicroBatch>& Trainer::Impl::epochPlan() {
    if (plannedEpoch != state.epoch) {
        plan = ft::planEpoch(trainLengths, planOptions, state.epoch);
        plannedEpoch = state.epoch;
    }
    return plan;
}

} // namespace ft
