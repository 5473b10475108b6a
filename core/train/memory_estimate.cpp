// A run's peak memory (LoRA, QLoRA, DoRA, full fine-tuning) estimated from the model's shapes and the run's settings.
#include "train/memory_estimate.h"

#include "train/cross_entropy_slices.h"

#include <algorithm>

namespace ft {

namespace {

struct Projection {
    const char* name;
    int64_t in, out;
};

std::vector<Projection> projections(const ModelSummary& m) {
    const int64_t headDim = m.headDim > 0 ? m.headDim : (m.heads > 0 ? m.hiddenSize / m.heads : 0);
    const int64_t q = m.heads * headDim, kv = m.kvHeads * headDim;
    return {{"q_proj", m.hiddenSize, q},
            {"k_proj", m.hiddenSize, kv},
            {"v_proj", m.hiddenSize, kv},
            {"o_proj", q, m.hiddenSize},
            {"gate_proj", m.hiddenSize, m.intermediateSize},
            {"up_proj", m.hiddenSize, m.intermediateSize},
            {"down_proj", m.intermediateSize, m.hiddenSize}};
}

bool targeted(const LoraConfig& lora, const std::string& name) {
    return lora.targets_("model.layers.0." +
                         std::string(name == "gate_proj" || name == "up_proj" || name == "down_proj" ? "mlp." : "self_attn.") + name);
}

} // namespace

int64_t loraParameterCount(const ModelSummary& model, const LoraConfig& lora) {
    int64_t perLayer = 0;
    for (const auto& p : projections(model))
        if (targeted(lora, p.name)) perLayer += lora.r * (p.in + p.out);
    return perLayer * model.layers;
}

static uint64_t nf4Bytes(int64_t values) {
    // 4 bits a value, a byte of absmax code per block of 64, a float32 per 256 blocks (bitsandbytes' layout).
    return uint64_t(values) / 2 + uint64_t(values) / 64 + uint64_t(values) / (64 * 256) * 4 + 1024;
}

MemoryEstimate estimateTrainingMemory(const ModelSummary& m, const RunConfig& config, bool cuda, bool fusedAttention) {
    MemoryEstimate e;
    const bool bf16 = config.dtype == "bf16" || (config.dtype == "auto" && cuda);
    const uint64_t act = bf16 ? 2 : 4; // bytes per activation value
    const LoraConfig lora = config.adapterConfig();
    e.weights = uint64_t(m.parameters) * act;
    int64_t largestProjection = 0, quantizedPerLayer = 0;
    for (const auto& p : projections(m)) {
        largestProjection = std::max(largestProjection, p.in * p.out);
        if (config.method == TrainMethod::Qlora && (config.qlora.quantizeAll || targeted(lora, p.name))) quantizedPerLayer += p.in * p.out;
    }
    if (config.method == TrainMethod::Qlora) {
        // The quantized projections in NF4, the rest in the training dtype, and the buffers one
        // projection is dequantized into at a time (quant/nf4.h: its bytes widened to int32, the
        // float32 values, and under bf16 the result).
        const int64_t quantized = quantizedPerLayer * m.layers;
        e.weights = uint64_t(m.parameters - quantized) * act + nf4Bytes(quantized) + uint64_t(largestProjection) * (6 + (bf16 ? 2 : 0));
    }
    if (config.method == TrainMethod::Full) {
        int64_t trainable = 0;
        const int64_t perLayer =
            (m.parameters - (m.tieWordEmbeddings ? 1 : 2) * m.vocabSize * m.hiddenSize - m.hiddenSize) / std::max<int64_t>(1, m.layers);
        trainable = config.full.layers.empty() ? perLayer * m.layers : perLayer * int64_t(config.full.layers.size());
        if (config.full.embeddings) trainable += (m.tieWordEmbeddings ? 1 : 2) * m.vocabSize * m.hiddenSize + m.hiddenSize;
        e.trainableParams = trainable;
        // Gradients in the training dtype, AdamW's two float32 moments, a float32 master copy of
        // bfloat16 weights.
        e.adapters = uint64_t(trainable) * (act + 8 + (bf16 ? 4 : 0));
    } else {
        e.trainableParams = loraParameterCount(m, lora);
        e.adapters = uint64_t(e.trainableParams) * 4 * 4; // weight, gradient, two moments; fp32
    }

    const int64_t headDim = m.headDim > 0 ? m.headDim : (m.heads > 0 ? m.hiddenSize / m.heads : 0);
    const int64_t kv = m.kvHeads * headDim;
    const int64_t H = m.hiddenSize, I = m.intermediateSize, T = config.train.maxSeqLen;
    const int64_t tokens = config.train.batchSize * T; // the worst case: every row at max_seq_len
    // Values kept per token and layer: the two norms' inputs, q/k/v, their rotated copies and the
    // key/value heads repeated for grouped-query attention, the attention output, the adapters'
    // r-wide middles, the MLP's gate, up and product (the engine's own autograd nodes keep no more:
    // model/training_nodes.h), and the attention scores and probabilities unless attention is fused;
    // with dropout, one byte per adapter input for its mask. Plus 6 H for what the measured CPU peaks
    // (docs/performance.md) hold beyond that count: gradients in flight and the allocator's slack.
    int64_t loraWidth = 0, loraInputs = 0, doraOutputs = 0;
    if (trainsAdapter(config.method))
        for (const auto& p : projections(m))
            if (targeted(lora, p.name)) loraWidth += lora.r, loraInputs += p.in, doraOutputs += p.out;
    const int64_t perToken = 4 * H + (H + 2 * kv) * 2 + 2 * H + H + 3 * I + loraWidth + 6 * H + (fusedAttention ? 0 : 2 * m.heads * T);
    uint64_t perLayerPerToken = uint64_t(perToken) * act + (lora.dropout > 0 ? uint64_t(loraInputs) : 0);
    // DoRA runs as composed ops (model/dora.h): each adapted projection also keeps its input in float32
    // and its float32 output for the magnitude's gradient.
    if (lora.dora) perLayerPerToken += uint64_t(loraInputs + doraOutputs) * 4;
    const uint64_t perLayer = perLayerPerToken * uint64_t(tokens);
    if (config.train.gradientCheckpointing) // each layer keeps its input; one layer is recomputed at a time
        e.activations = uint64_t(m.layers) * uint64_t(tokens) * uint64_t(H) * act + perLayer;
    else e.activations = uint64_t(m.layers) * perLayer;
    // The LM-head loss runs a slice of rows at a time (linear_cross_entropy.h): one slice's logits
    // (float32, their exp-shifted copy, and the model-dtype matmul output and gradient under bf16),
    // plus the target rows' hidden states and their gradient. The worst case: every position a target.
    const uint64_t sliceRows = uint64_t(std::min<int64_t>(tokens, crossEntropySliceRows(m.vocabSize)));
    e.logits = sliceRows * uint64_t(m.vocabSize) * (bf16 ? 12 : 8) + uint64_t(tokens) * uint64_t(H) * act * 2;
    e.overhead = cuda ? 600ull << 20 : 350ull << 20;
    return e;
}

bool fitsOnDevice(uint64_t estimateBytes, uint64_t deviceBytes) {
    return double(estimateBytes) <= 0.95 * double(deviceBytes);
}

const std::vector<int>& commonCardGiB() {
    static const std::vector<int> cards = {8, 12, 16, 24};
    return cards;
}

} // namespace ft
