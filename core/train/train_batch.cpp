// One micro-batch as tensors, and its summed next-token loss.
#include "train/train_batch.h"

#include "model/llama_model.h"
#include "train/linear_cross_entropy.h"

#include "torch_pch.h"

#include <algorithm>

namespace ft {

BatchTensors collateBatch(const MicroBatch& batch, const std::vector<TrainingSequence>& seqs, const torch::Device& device) {
    const int64_t B = int64_t(batch.rows.size());
    int64_t T = 1;
    bool packed = false;
    for (const auto& row : batch.rows) {
        int64_t len = 0;
        for (int32_t i : row) len += int64_t(seqs[size_t(i)].ids.size());
        T = std::max(T, len);
        packed |= row.size() > 1;
    }
    std::vector<int64_t> ids(size_t(B * T), 0), positions, segments;
    if (packed) {
        positions.assign(size_t(B * T), 0);
        segments.assign(size_t(B * T), -1);
    }
    std::vector<int64_t> targetIndex, targets;
    BatchTensors out;
    out.examples = 0;
    for (int64_t b = 0; b < B; ++b) {
        int64_t t0 = 0, segment = 0;
        for (int32_t i : batch.rows[size_t(b)]) {
            const auto& s = seqs[size_t(i)];
            const int64_t n = int64_t(s.ids.size());
            for (int64_t t = 0; t < n; ++t) {
                const size_t at = size_t(b * T + t0 + t);
                ids[at] = s.ids[size_t(t)];
                if (packed) {
                    positions[at] = t;
                    segments[at] = segment;
                }
                if (t + 1 < n && s.lossMask[size_t(t + 1)]) {
                    targetIndex.push_back(int64_t(at));
                    targets.push_back(s.ids[size_t(t + 1)]);
                }
            }
            t0 += n;
            ++segment;
            ++out.examples;
        }
        out.tokens += t0;
        // Padding slots each form their own segment, so they attend to themselves only.
        if (packed)
            for (int64_t t = t0; t < T; ++t) segments[size_t(b * T + t)] = 1'000'000 + t;
    }
    const auto i64 = torch::TensorOptions().dtype(torch::kInt64);
    out.ids = torch::tensor(ids, i64).view({B, T}).to(device);
    out.targetIndex = torch::tensor(targetIndex, i64).to(device);
    out.targets = torch::tensor(targets, i64).to(device);
    if (packed) {
        out.positions = torch::tensor(positions, i64).view({B, T}).to(device);
        const auto seg = torch::tensor(segments, i64).view({B, T}).to(device);
        const auto causal = torch::ones({T, T}, torch::TensorOptions().dtype(torch::kBool).device(device)).tril();
        out.mask = seg.unsqueeze(2).eq(seg.unsqueeze(1)).logical_and(causal).unsqueeze(1); // [B, 1, T, T]
    }
    return out;
}

torch::Tensor summedNll(CausalLMImpl& model, const BatchTensors& b, bool checkpointLayers) {
    ForwardOptions options;
    options.positions = b.positions;
    options.mask = b.mask;
    options.checkpointLayers = checkpointLayers;
    const auto hidden = model.hidden(b.ids, options);                                         // [B, T, H]
    const auto picked = hidden.reshape({-1, hidden.size(-1)}).index_select(0, b.targetIndex); // [N, H]
    return linearCrossEntropySum(picked, model.lmHeadWeight(), b.targets);
}

} // namespace ft
