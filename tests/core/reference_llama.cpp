// A deliberately naive float64 Llama forward pass, the engine's independent reference.
#include "reference_llama.h"

#include <cmath>

namespace ft::test {

namespace {

using Weights = std::map<std::string, torch::Tensor>;

torch::Tensor w(const Weights& ws, const std::string& name) {
    return ws.at(name).to(torch::kFloat64);
}

torch::Tensor optionalBias(const Weights& ws, const std::string& name, int64_t n) {
    const auto it = ws.find(name);
    return it == ws.end() ? torch::zeros({n}, torch::kFloat64) : it->second.to(torch::kFloat64);
}

// x [T, H] -> [T, H]
torch::Tensor rmsNorm(const torch::Tensor& x, const torch::Tensor& weight, double eps) {
    auto out = torch::empty_like(x);
    for (int64_t t = 0; t < x.size(0); ++t) {
        const double ms = x[t].pow(2).mean().item<double>();
        out[t] = x[t] / std::sqrt(ms + eps) * weight;
    }
    return out;
}

std::vector<double> inverseFrequencies(const LlamaConfig& c) {
    std::vector<double> inv;
    const int64_t d = c.headDim;
    for (int64_t i = 0; i < d / 2; ++i) {
        double f = 1.0 / std::pow(c.ropeTheta, double(2 * i) / double(d));
        if (c.ropeScaling == RopeScaling::Linear) {
            f /= c.ropeFactor;
        } else if (c.ropeScaling == RopeScaling::Llama3) {
            const double wavelen = 2 * M_PI / f;
            const double lo = c.ropeOriginalMaxPositions / c.ropeLowFreqFactor;
            const double hi = c.ropeOriginalMaxPositions / c.ropeHighFreqFactor;
            if (wavelen > lo) {
                f /= c.ropeFactor;
            } else if (wavelen >= hi) {
                const double s =
                    (c.ropeOriginalMaxPositions / wavelen - c.ropeLowFreqFactor) / (c.ropeHighFreqFactor - c.ropeLowFreqFactor);
                f = (1 - s) * f / c.ropeFactor + s * f;
            }
        }
        inv.push_back(f);
    }
    return inv;
}

// Rotates one head vector v [hd] at position p: pairs (i, i + hd/2).
torch::Tensor rotate(const torch::Tensor& v, int64_t p, const std::vector<double>& inv) {
    const int64_t half = v.size(0) / 2;
    auto out = v.clone();
    auto a = v.accessor<double, 1>();
    auto o = out.accessor<double, 1>();
    for (int64_t i = 0; i < half; ++i) {
        const double angle = double(p) * inv[size_t(i)];
        o[i] = a[i] * std::cos(angle) - a[i + half] * std::sin(angle);
        o[i + half] = a[i + half] * std::cos(angle) + a[i] * std::sin(angle);
    }
    return out;
}

} // namespace

torch::Tensor referenceLogits(const LlamaConfig& c, const Weights& ws, const std::vector<int64_t>& ids) {
    const int64_t T = int64_t(ids.size()), hd = c.headDim, nh = c.numHeads, nkv = c.numKvHeads;
    const auto inv = inverseFrequencies(c);
    auto emb = w(ws, "model.embed_tokens.weight");
    auto h = torch::empty({T, c.hiddenSize}, torch::kFloat64);
    for (int64_t t = 0; t < T; ++t) h[t] = emb[ids[size_t(t)]];

    for (int64_t l = 0; l < c.numLayers; ++l) {
        const std::string p = "model.layers." + std::to_string(l) + ".";
        auto x = rmsNorm(h, w(ws, p + "input_layernorm.weight"), c.rmsNormEps);
        auto q = x.matmul(w(ws, p + "self_attn.q_proj.weight").t()) + optionalBias(ws, p + "self_attn.q_proj.bias", nh * hd);
        auto k = x.matmul(w(ws, p + "self_attn.k_proj.weight").t()) + optionalBias(ws, p + "self_attn.k_proj.bias", nkv * hd);
        auto v = x.matmul(w(ws, p + "self_attn.v_proj.weight").t()) + optionalBias(ws, p + "self_attn.v_proj.bias", nkv * hd);
        auto attnOut = torch::zeros({T, nh * hd}, torch::kFloat64);
        for (int64_t head = 0; head < nh; ++head) {
            const int64_t kvHead = head / (nh / nkv);
            for (int64_t i = 0; i < T; ++i) {
                auto qi = rotate(q[i].narrow(0, head * hd, hd), i, inv);
                std::vector<double> scores;
                std::vector<int64_t> keys;
                for (int64_t j = 0; j <= i; ++j) {
                    if (c.slidingWindow > 0 && j <= i - c.slidingWindow) continue;
                    auto kj = rotate(k[j].narrow(0, kvHead * hd, hd), j, inv);
                    scores.push_back(qi.dot(kj).item<double>() / std::sqrt(double(hd)));
                    keys.push_back(j);
                }
                double mx = -1e300, sum = 0;
                for (double s : scores) mx = std::max(mx, s);
                for (double& s : scores) sum += (s = std::exp(s - mx));
                auto acc = torch::zeros({hd}, torch::kFloat64);
                for (size_t n = 0; n < keys.size(); ++n) acc += scores[n] / sum * v[keys[n]].narrow(0, kvHead * hd, hd);
                attnOut[i].narrow(0, head * hd, hd).copy_(acc);
            }
        }
        h = h + attnOut.matmul(w(ws, p + "self_attn.o_proj.weight").t()) + optionalBias(ws, p + "self_attn.o_proj.bias", c.hiddenSize);
        x = rmsNorm(h, w(ws, p + "post_attention_layernorm.weight"), c.rmsNormEps);
        auto gate = x.matmul(w(ws, p + "mlp.gate_proj.weight").t()) + optionalBias(ws, p + "mlp.gate_proj.bias", c.intermediateSize);
        auto up = x.matmul(w(ws, p + "mlp.up_proj.weight").t()) + optionalBias(ws, p + "mlp.up_proj.bias", c.intermediateSize);
        auto act = gate / (1 + torch::exp(-gate)) * up;
        h = h + act.matmul(w(ws, p + "mlp.down_proj.weight").t()) + optionalBias(ws, p + "mlp.down_proj.bias", c.hiddenSize);
    }
    h = rmsNorm(h, w(ws, "model.norm.weight"), c.rmsNormEps);
    const auto head = ws.count("lm_head.weight") && !c.tieWordEmbeddings ? w(ws, "lm_head.weight") : emb;
    return h.matmul(head.t());
}

} // namespace ft::test
