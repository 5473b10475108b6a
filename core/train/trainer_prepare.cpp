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

    const bool full = config.method == TrainMethod::Full;
    // A full fine-tune resumes from the model its checkpoint holds.
    const std::string modelDir = full && !resumeCheckpoint.empty() ? resumeCheckpoint : config.model;
    log(std::string("method ") + trainMethodName(config.method) + "; loading model " + modelDir + " on " + deviceName + " (" +
        dtypeName(dtype) + ")");
    LoadOptions load{device, dtype};
    if (config.method == TrainMethod::Qlora) load.quantizeNf4 = qloraQuantizes(config);
    model = loadModel(modelDir, load);
    if (load.quantizeNf4) log(format("base weights: %s of the projections in NF4", config.qlora.quantizeAll ? "all" : "the adapted ones"));
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

    if (full) {
        trainable = selectFullTrainable(model.model, config.full);
    } else {
        prepareAdapter();
        trainable = adapterTensors(model.model);
    }
    // Dropout draws from the global generators: seeded here, so that a run is reproducible from
    // its seed; a resumed run restores their saved state below instead.
    torch::manual_seed(uint64_t(config.train.seed));
    int64_t trainableCount = 0;
    for (auto& [name, t] : trainable) trainableCount += t.numel();
    const auto& s = config.train;
    AdamWOptions adam;
    adam.beta1 = s.adamBeta1;
    adam.beta2 = s.adamBeta2;
    adam.eps = s.adamEps;
    adam.weightDecay = s.weightDecay;
    if (full) adam.decays = fullFineTuneDecays;
    if (s.loraplusLrRatio != 1.0) {
        const double ratio = s.loraplusLrRatio;
        adam.lrScale = [ratio](const std::string& name) { return isLoraB(name) ? ratio : 1.0; };
    }
    optimizer = std::make_unique<AdamW>(trainable, adam);

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
    started.trainableParams = trainableCount;
    started.device = deviceName;
    started.dtype = dtypeName(dtype);
    started.resumed = !resumeCheckpoint.empty();
    started.warnings = data.report.warnings;
    emit(started);
}

void Trainer::Impl::prepareAdapter() {
    const std::string adapterSource = !resumeCheckpoint.empty() ? resumeCheckpoint : config.initAdapter;
    const LoraConfig wanted = config.adapterConfig();
    if (adapterSource.empty()) {
        lora = wanted;
        applyLora(model.model, lora, uint64_t(config.train.seed));
        return;
    }
    lora = loadAdapter(adapterSource, model.model);
    if (lora.dora != wanted.dora)
        throw Error(adapterSource + (lora.dora ? " is a DoRA adapter" : " is a LoRA adapter without DoRA") + ", the run's method is " +
                        trainMethodName(config.method),
                    lora.dora ? "set \"method\": \"dora\" to continue it" : "set \"method\": \"lora\" to continue it");
    lora.dropout = config.lora.dropout; // dropout is a training setting, not part of the weights
    for (auto& [path, linear] : loraTargets(model.model, lora)) linear->loraDropout = lora.dropout;
    log("adapter loaded from " + adapterSource);
}

void Trainer::Impl::saveWeights(const std::string& dir) {
    if (trainsAdapter(config.method)) {
        saveAdapter(dir, model.model, lora, config.model);
        return;
    }
    saveModel(dir, model.model, model.eosTokenIds);
    const std::string tokenizerDir = config.tokenizer.empty() ? config.model : config.tokenizer;
    copyTokenizerFiles(tokenizerDir, config.chatTemplate, dir);
}

std::string Trainer::Impl::resultDir(bool best) const {
    if (trainsAdapter(config.method)) return best ? runfiles::bestAdapter(runDir) : runfiles::adapter(runDir);
    return best ? runfiles::bestModel(runDir) : runfiles::model(runDir);
}

const std::vector<MicroBatch>& Trainer::Impl::epochPlan() {
    if (plannedEpoch != state.epoch) {
        plan = ft::planEpoch(trainLengths, planOptions, state.epoch);
        plannedEpoch = state.epoch;
    }
    return plan;
}

} // namespace ft
