// A few real steps of a configured run, timed, before the run.
#include "train/step_probe.h"

#include "model/model_loader.h"
#include "train/train_bench.h"
#include "util/error.h"

#include "torch_pch.h"

namespace ft {

StepProbeResult probeTrainingStep(const RunConfig& config, int64_t steps) {
    config.validate();
    LoadOptions load;
    load.device = parseDevice(config.device);
    load.dtype = resolveDtype(config.dtype, load.device);
    LoadedModel m = loadModel(config.model, load);
    TrainBenchOptions o;
    o.batch = config.train.batchSize;
    o.seqLen = config.train.maxSeqLen;
    o.steps = std::max<int64_t>(1, steps);
    o.warmup = 1;
    o.gradientCheckpointing = config.train.gradientCheckpointing;
    o.seed = uint64_t(config.train.seed);
    TrainBenchResult r;
    try {
        r = benchTraining(m.model, config.lora, o);
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        if (what.find("out of memory") != std::string::npos || what.find("can't allocate memory") != std::string::npos)
            throw Error("out of memory for batch_size " + std::to_string(o.batch) + " x max_seq_len " + std::to_string(o.seqLen),
                        "lower train.batch_size or train.max_seq_len, or turn on gradient_checkpointing");
        throw Error(what);
    }
    StepProbeResult out;
    out.secondsPerStep = r.secondsPerStep;
    out.tokensPerSecond = r.tokensPerSecond;
    out.peakBytes = r.peakBytes;
    out.device = load.device.str();
    return out;
}

} // namespace ft
