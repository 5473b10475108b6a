// Full optimiser steps on random tokens, timed (see train_bench.h).
#include "train/train_bench.h"

#include "lora/lora_adapter.h"
#include "train/adamw.h"
#include "train/cuda_graph.h"
#include "train/full_finetune.h"
#include "train/train_batch.h"
#include "util/memory_stats.h"
#include "util/op_counter.h"

#include "torch_pch.h"

#include <chrono>
#include <memory>

namespace ft {

TrainBenchResult benchTraining(CausalLM& model, const LoraConfig& lora, const TrainBenchOptions& o) {
    std::vector<std::pair<std::string, torch::Tensor>> params;
    if (o.method == TrainMethod::Full) {
        params = selectFullTrainable(model, FullSettings{});
    } else {
        LoraConfig adapter = lora;
        adapter.dora = o.method == TrainMethod::Dora;
        if (o.method == TrainMethod::Qlora)
            for (auto& [path, linear] : loraTargets(model, adapter))
                if (!linear->isQuantized()) linear->quantizeWeight();
        applyLora(model, adapter, o.seed);
        params = adapterTensors(model);
    }
    TrainBenchResult r;
    for (const auto& [name, t] : params) r.trainableParams += t.numel();
    AdamW optimizer(params, {});
    const auto device = model->device();
    const std::string deviceName = device.str();

    // Every position is a target: the heaviest case for the loss head.
    std::vector<TrainingSequence> seqs(size_t(o.batch));
    auto gen = at::detail::createCPUGenerator(o.seed);
    const auto ids = torch::randint(0, model->config().vocabSize, {o.batch, o.seqLen}, gen, torch::kInt64);
    MicroBatch batch;
    for (int64_t b = 0; b < o.batch; ++b) {
        seqs[size_t(b)].ids.assign(ids[b].data_ptr<int64_t>(), ids[b].data_ptr<int64_t>() + o.seqLen);
        seqs[size_t(b)].lossMask.assign(size_t(o.seqLen), 1);
        batch.rows.push_back({int32_t(b)});
    }
    model->train();
    const BatchTensors tensors = collateBatch(batch, seqs, device);
    resetPeakMemory(deviceName);
    // As the trainer's step: the update queued whole, then one read of the loss and the norm.
    const auto work = [&] {
        const auto loss = summedNll(*model, tensors, o.gradientCheckpointing) / double(tensors.targetCount());
        loss.backward();
        const auto norm = gradNorm(params);
        const auto observed = torch::stack({loss.detach(), norm});
        clipGradients(params, norm, 1.0);
        optimizer.step(1e-4, nonFinite(observed));
        optimizer.zeroGrad();
        return observed;
    };
    std::unique_ptr<CapturedWork> graph;
    if (o.cudaGraph) graph = std::make_unique<CapturedWork>(work, deviceName, int(std::max<int64_t>(1, o.warmup)));
    const auto step = [&] { (void)(graph ? graph->replay() : work()).to(torch::kCPU); };
    using Clock = std::chrono::steady_clock;
    Clock::time_point start;
    for (int64_t i = graph ? o.warmup : 0; i < o.warmup + o.steps; ++i) { // the capture warmed up already
        if (i == o.warmup) start = Clock::now();
        step();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    r.secondsPerStep = seconds / double(std::max<int64_t>(1, o.steps));
    r.tokensPerSecond = double(o.batch * o.seqLen) / r.secondsPerStep;
    r.peakBytes = memoryUse(deviceName).peak;
    if (o.countOps) { // one more step, untimed: the callbacks slow every op down
        const OpCounter counter;
        step();
        r.opsPerStep = counter.count();
        r.leafOpsPerStep = counter.leafCount();
        r.leafOpsByName = counter.leavesByName();
    }
    if (o.profile) {
        try { // the measurement above stands even where the profiler cannot run
            r.profile = profileDeviceWork(step, deviceName, o.tracePath);
        } catch (const std::exception& e) {
            r.profileError = e.what();
        }
    }
    return r;
}

} // namespace ft
