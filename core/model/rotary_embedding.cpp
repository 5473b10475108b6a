// Rotary position embeddings in Hugging Face's rotate-half convention, with rope scaling.
#include "model/rotary_embedding.h"

#include <cmath>
#include "torch_pch.h"

namespace ft {

torch::Tensor ropeInverseFrequencies(const LlamaConfig& c) {
    const int64_t d = c.headDim;
    // 1 / theta^(2i/d), exponent from an int64 arange cast to float, as transformers does.
    auto exponent = torch::arange(0, d, 2, torch::kInt64).to(torch::kFloat32) / float(d);
    auto invFreq = (1.0 / torch::pow(c.ropeTheta, exponent)).to(torch::kFloat32);
    if (c.ropeScaling == RopeScaling::Linear) {
        invFreq = invFreq / float(c.ropeFactor);
    } else if (c.ropeScaling == RopeScaling::Llama3) {
        const double factor = c.ropeFactor, lowF = c.ropeLowFreqFactor, highF = c.ropeHighFreqFactor;
        const double orig = double(c.ropeOriginalMaxPositions);
        const double lowWavelen = orig / lowF, highWavelen = orig / highF;
        auto wavelen = 2.0 * M_PI / invFreq;
        auto scaled = torch::where(wavelen > lowWavelen, invFreq / factor, invFreq);
        auto smooth = (orig / wavelen - lowF) / (highF - lowF);
        auto smoothed = (1 - smooth) * scaled / factor + smooth * scaled;
        auto isMedium = (wavelen >= highWavelen).logical_and(wavelen <= lowWavelen);
        invFreq = torch::where(isMedium, smoothed, scaled).to(torch::kFloat32);
    }
    return invFreq;
}

std::pair<torch::Tensor, torch::Tensor> ropeCosSin(const torch::Tensor& invFreq, const torch::Tensor& positions, torch::ScalarType dtype) {
    auto freqs = positions.to(torch::kFloat32).unsqueeze(-1) * invFreq.to(positions.device()).view({1, 1, -1});
    auto emb = torch::cat({freqs, freqs}, /*dim=*/-1); // [B, T, hd]
    return {emb.cos().to(dtype), emb.sin().to(dtype)};
}

torch::Tensor applyRope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    const int64_t half = x.size(-1) / 2;
    auto c = cos.unsqueeze(1); // [B, 1, T, hd]
    auto s = sin.unsqueeze(1);
    auto rotated = torch::cat({-x.narrow(-1, half, half), x.narrow(-1, 0, half)}, /*dim=*/-1);
    return x * c + rotated * s;
}

} // namespace ft
