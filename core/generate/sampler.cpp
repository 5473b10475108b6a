// Choosing the next token from logits: penalties, temperature, top-k, top-p, in Hugging Face's
// order.
#include "generate/sampler.h"

#include "util/error.h"

#include <cmath>
#include "torch_pch.h"

namespace ft {

void SamplingOptions::validate() const {
    if (!(temperature >= 0) || !std::isfinite(temperature)) throw Error(format("temperature must be >= 0 (got %g)", temperature));
    if (topK < 0) throw Error(format("top-k must be >= 0 (got %lld)", (long long)topK));
    if (!(topP > 0 && topP <= 1)) throw Error(format("top-p must be in (0, 1] (got %g)", topP));
    if (!(repetitionPenalty > 0) || !std::isfinite(repetitionPenalty))
        throw Error(format("repetition penalty must be > 0 (got %g)", repetitionPenalty));
}

int64_t sampleToken(torch::Tensor logits, const std::vector<int64_t>& history, const SamplingOptions& o, at::Generator& generator) {
    const int64_t V = logits.size(0);
    float* data = logits.data_ptr<float>();
    if (o.repetitionPenalty != 1.0) {
        std::vector<char> seen(size_t(V), 0);
        for (int64_t t : history)
            if (t >= 0 && t < V && !seen[size_t(t)]) {
                seen[size_t(t)] = 1;
                float& x = data[t];
                x = x < 0 ? float(x * o.repetitionPenalty) : float(x / o.repetitionPenalty);
            }
    }
    if (o.temperature == 0.0) return logits.argmax().item<int64_t>();

    logits.div_(o.temperature);
    const float negInf = -std::numeric_limits<float>::infinity();
    if (o.topK > 0 && o.topK < V) {
        const float kth = std::get<0>(logits.topk(o.topK)).min().item<float>();
        logits.masked_fill_(logits < kth, negInf);
    }
    if (o.topP < 1.0) {
        auto [sorted, order] = logits.sort(/*dim=*/0, /*descending=*/true);
        auto probs = torch::softmax(sorted, 0);
        auto before = probs.cumsum(0) - probs; // mass of strictly better tokens
        auto drop = before >= o.topP;          // keeps the smallest prefix reaching top_p (>= 1 token)
        logits.index_put_({order.masked_select(drop)}, negInf);
    }
    auto probs = torch::softmax(logits, 0);
    return torch::multinomial(probs, 1, /*replacement=*/false, generator).item<int64_t>();
}

} // namespace ft
