// finetune bench --train (--model DIR | --config config.json) [--method lora|qlora|dora|full] [--device cuda] [--dtype bf16] [--batch 8]
// [--seq 1024] [--r 16] [--alpha 32] [--targets all|q_proj,v_proj] [--steps 10] [--warmup 3]
// [--gradient-checkpointing] [--composed-ops] [--count-ops] [--json]: LoRA training throughput and
// peak memory on random tokens. --composed-ops trains through composed libtorch ops instead of the
// model's own autograd nodes (model/training_nodes.h), to measure what those save. --count-ops adds
// the ATen operators one step dispatches (about one kernel launch each on a GPU). --profile adds one
// profiled step: device busy time against wall time and the kernels by time (--trace FILE keeps the
// Chrome trace). --cuda-graph captures the step once and replays it (CUDA only). --lora-model-dtype
// multiplies the adapters in the model's dtype (model/training_nodes.h).
#include "args.h"
#include "cmd_common.h"
#include "commands.h"
#include "model/model_loader.h"
#include "model/model_summary.h"
#include "model/training_nodes.h"
#include "train/memory_estimate.h"
#include "train/train_bench.h"
#include "util/device_info.h"
#include "util/error.h"
#include "util/memory_stats.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include "torch_pch.h"

namespace ft::cli {

int runBenchTrain(const Argv& argv) {
    const Args args(
        argv,
        {"model", "config", "method", "dtype", "device", "batch", "seq", "r", "alpha", "targets", "steps", "warmup", "threads", "trace"},
        {"train", "json", "gradient-checkpointing", "composed-ops", "count-ops", "profile", "cuda-graph", "lora-model-dtype"});
    const auto device = parseDevice(args.value("device", "cpu"));
    const auto dtype = parseDtype(args.value("dtype", device.is_cuda() ? "bf16" : "fp32"));
    if (args.has("threads")) torch::set_num_threads(int(args.integer("threads", 1)));
    TrainBenchOptions o;
    o.method = trainMethodFromName(args.value("method", "lora"));
    o.batch = args.integer("batch", 8);
    o.seqLen = args.integer("seq", 1024);
    o.steps = args.integer("steps", 10);
    o.warmup = args.integer("warmup", 3);
    o.gradientCheckpointing = args.flag("gradient-checkpointing");
    o.countOps = args.flag("count-ops");
    o.profile = args.flag("profile") || args.has("trace");
    o.cudaGraph = args.flag("cuda-graph");
    o.tracePath = args.value("trace", "");
    const bool composedOps = args.flag("composed-ops");
    setFusedTrainingNodes(!composedOps);
    const bool loraModelDtype = args.flag("lora-model-dtype");
    setLoraInModelDtype(loraModelDtype);
    if (o.cudaGraph && !device.is_cuda()) throw Error("--cuda-graph needs --device cuda");
    if (o.batch < 1 || o.seqLen < 2 || o.steps < 1 || o.warmup < 0) throw Error("--batch, --seq and --steps must be positive");
    LoraConfig lora;
    lora.r = args.integer("r", 16);
    lora.alpha = args.number("alpha", 2.0 * double(lora.r));
    const std::string targets = args.value("targets", "all");
    if (targets == "all") {
        lora.targets = loraTargetNames();
    } else {
        lora.targets.clear();
        std::stringstream in(targets);
        for (std::string t; std::getline(in, t, ',');) lora.targets.push_back(t);
    }
    lora.validate();

    std::string source;
    RunConfig estimateConfig;
    estimateConfig.method = o.method;
    estimateConfig.lora = lora;
    // QLoRA from a folder: quantized as it loads (the dense model never whole in memory).
    CausalLM model = o.method == TrainMethod::Qlora && args.has("model")
                         ? [&] {
                               LoadOptions load(device, dtype);
                               load.quantizeNf4 = qloraQuantizes(estimateConfig);
                               source = args.value("model");
                               return loadModel(source, load).model;
                           }()
                         : benchModelFromArgs(args, device, dtype, &source);
    // The estimate the studio shows before a run, for the same settings, beside the measured peak.
    estimateConfig.dtype = dtypeName(dtype);
    estimateConfig.train.batchSize = o.batch;
    estimateConfig.train.maxSeqLen = o.seqLen;
    estimateConfig.train.gradientCheckpointing = o.gradientCheckpointing;
    const MemoryEstimate estimate = estimateTrainingMemory(summarizeConfig(model->config()), estimateConfig, device.is_cuda(),
                                                           trainingAttentionIsFused(device.is_cuda()));
    const TrainBenchResult r = benchTraining(model, lora, o);
    const nlohmann::json out = {{"source", source},
                                {"device", device.str()},
                                {"dtype", dtypeName(dtype)},
                                {"method", trainMethodName(o.method)},
                                {"parameters", model->config().parameterCount()},
                                {"trainable_parameters", r.trainableParams},
                                {"batch", o.batch},
                                {"seq", o.seqLen},
                                {"r", lora.r},
                                {"targets", lora.targets},
                                {"gradient_checkpointing", o.gradientCheckpointing},
                                {"composed_ops", composedOps},
                                {"cuda_graph", o.cudaGraph},
                                {"lora_model_dtype", loraModelDtype},
                                {"steps", o.steps},
                                {"seconds_per_step", r.secondsPerStep},
                                {"tokens_per_s", r.tokensPerSecond},
                                {"peak_memory_bytes", r.peakBytes},
                                {"estimated_memory_bytes", estimate.total()},
                                {"engine", describeEngineBuild()}};
    if (args.flag("json")) {
        nlohmann::json line = out;
        if (o.countOps) {
            line["aten_ops_per_step"] = r.opsPerStep;
            line["leaf_aten_ops_per_step"] = r.leafOpsPerStep;
            auto& byName = line["leaf_aten_ops_by_name"] = nlohmann::json::object();
            for (const auto& [name, n] : r.leafOpsByName) byName[name] = n;
        }
        if (o.profile) {
            const auto& p = r.profile;
            nlohmann::json top = nlohmann::json::array();
            for (size_t i = 0; i < p.byName.size() && i < 20; ++i) top.push_back({p.byName[i].first, p.byName[i].second});
            line["profile"] = {{"wall_s", p.wallSeconds},
                               {"device_busy_s", p.deviceBusySeconds},
                               {"device_events", p.deviceEvents},
                               {"busy_fraction", p.wallSeconds > 0 ? p.deviceBusySeconds / p.wallSeconds : 0.0},
                               {"top_kernels_s", top}};
            if (!r.profileError.empty()) line["profile"] = {{"error", r.profileError}};
        }
        std::cout << line.dump() << std::endl;
    } else {
        std::cout << "model      " << source << " (" << double(model->config().parameterCount()) / 1e6 << " M parameters, "
                  << r.trainableParams << " trainable)\n"
                  << "device     " << device.str() << ", " << dtypeName(dtype) << "\n"
                  << "batch      " << o.batch << " x " << o.seqLen << " tokens, " << trainMethodName(o.method) << " r " << lora.r << " on "
                  << lora.targets.size() << " projections" << (o.gradientCheckpointing ? ", gradient checkpointing" : "")
                  << (composedOps ? ", composed ops" : "") << (o.cudaGraph ? ", CUDA graph" : "")
                  << (loraModelDtype ? ", LoRA in the model's dtype" : "") << "\n"
                  << "throughput " << r.tokensPerSecond << " tokens/s (" << r.secondsPerStep << " s/step)\n"
                  << "peak mem   " << formatBytes(r.peakBytes) << " (estimated before the run: " << formatBytes(estimate.total()) << ")\n";
        if (o.countOps) std::cout << "aten ops   " << r.opsPerStep << " per step, " << r.leafOpsPerStep << " of them leaves\n";
        if (o.profile) {
            const auto& p = r.profile;
            std::cout << "profile    " << p.deviceEvents << " device events, busy " << p.deviceBusySeconds << " s of " << p.wallSeconds
                      << " s\n";
            for (size_t i = 0; i < p.byName.size() && i < 10; ++i)
                std::cout << "           " << p.byName[i].second << " s  " << p.byName[i].first << "\n";
        }
    }
    return 0;
}

} // namespace ft::cli
