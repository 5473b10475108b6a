// NF4 quantization and dequantization, bit for bit as bitsandbytes.
#include "quant/nf4.h"

#include "util/error.h"

#include "torch_pch.h"

#include <cmath>
#include <map>
#include <string>

namespace ft {

namespace {

constexpr int64_t kAbsmaxBlock = 256; // double quantization's block, as bitsandbytes

// Multiplies each block of `x` (float32 [n], contiguous) by its block's `perBlock` value, in place:
// the same float32 products as bitsandbytes'. Returns x.
torch::Tensor scaleBlocks(torch::Tensor x, const torch::Tensor& perBlock, int64_t blockSize) {
    const int64_t n = x.numel(), full = n - n % blockSize;
    if (full > 0) x.slice(0, 0, full).view({full / blockSize, blockSize}).mul_(perBlock.slice(0, 0, full / blockSize).view({-1, 1}));
    if (full < n) x.slice(0, full).mul_(perBlock[full / blockSize]);
    return x;
}

// The two levels of each packed byte, [256, 2] float32: a byte's dequantization is one lookup.
torch::Tensor byteLevelPairs(const torch::Tensor& levels) {
    const auto bytes = torch::arange(256, torch::TensorOptions().dtype(torch::kInt).device(levels.device()));
    return torch::stack({levels.index_select(0, bytes.bitwise_right_shift(4)), levels.index_select(0, bytes.bitwise_and(15))}, 1);
}

void checkBlockSize(int64_t b) {
    if (b < 32 || b > 4096 || (b & (b - 1)) != 0)
        throw Error("NF4 block size " + std::to_string(b) + " is not a power of two from 32 to 4096");
}

} // namespace

int64_t Nf4Tensor::numel() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
}

uint64_t Nf4Tensor::bytes() const {
    uint64_t b = 0;
    for (const auto* t : {&packed, &absmax, &levels, &absmax2, &code2, &offset})
        if (t->defined()) b += uint64_t(t->numel()) * t->element_size();
    return b;
}

Nf4Tensor Nf4Tensor::to(const torch::Device& device) const {
    Nf4Tensor q = *this;
    for (auto* t : {&q.packed, &q.absmax, &q.levels, &q.absmax2, &q.code2, &q.offset})
        if (t->defined()) *t = t->to(device);
    return q;
}

torch::Tensor nf4Levels(const torch::Device& device) {
    // The NormalFloat levels of the QLoRA paper, as bitsandbytes tabulates them.
    static const std::vector<float> levels = {-1.0f,
                                              -0.6961928009986877f,
                                              -0.5250730514526367f,
                                              -0.39491748809814453f,
                                              -0.28444138169288635f,
                                              -0.18477343022823334f,
                                              -0.09105003625154495f,
                                              0.0f,
                                              0.07958029955625534f,
                                              0.16093020141124725f,
                                              0.24611230194568634f,
                                              0.33791524171829224f,
                                              0.44070982933044434f,
                                              0.5626170039176941f,
                                              0.7229568362236023f,
                                              1.0f};
    return torch::tensor(levels, torch::kFloat32).to(device);
}

torch::Tensor signedDynamicMap(const torch::Device& device) {
    // bitsandbytes' dynamic map with 7 exponent bits: for each decade 10^(i-6), i = 0..6, the means of
    // 2^i + 1 evenly spaced points in [0.1, 1] scaled by the decade, both signs; then 0 and 1. The
    // same float32 ops as its Python, so the same values.
    std::vector<torch::Tensor> parts;
    for (int i = 0; i < 7; ++i) {
        const auto bounds = torch::linspace(0.1, 1, (int64_t(1) << i) + 1, torch::kFloat32);
        const auto means = (bounds.slice(0, 0, -1) + bounds.slice(0, 1)) / 2.0;
        const double decade = std::pow(10.0, double(i - 6));
        parts.push_back(means * decade);
        parts.push_back(means * -decade);
    }
    parts.push_back(torch::tensor({0.0f, 1.0f}));
    return std::get<0>(torch::cat(parts).sort()).to(device);
}

std::pair<torch::Tensor, torch::Tensor> quantizeBlockwise(const torch::Tensor& values, const torch::Tensor& code, int64_t blockSize,
                                                          bool padTo2) {
    const auto x = values.reshape({-1}).to(torch::kFloat32);
    const int64_t n = x.numel(), full = n - n % blockSize, blocks = full / blockSize;
    std::vector<torch::Tensor> absmax, scaled;
    if (blocks > 0) {
        const auto b = x.slice(0, 0, full).view({blocks, blockSize});
        const auto m = std::get<0>(b.abs().max(1));
        absmax.push_back(m);
        scaled.push_back(torch::clamp(b * (1.0 / m.clamp_min(1e-38)).view({-1, 1}), -1, 1).view({full}));
    }
    if (full < n) {
        const auto rest = x.slice(0, full);
        const auto m = rest.abs().max().clamp_min(1e-38);
        absmax.push_back(m.view({1}));
        scaled.push_back(torch::clamp(rest / m, -1, 1));
    }
    auto s = torch::cat(scaled);
    if (padTo2 && s.numel() % 2) s = torch::cat({s, torch::zeros({1}, s.options())});
    const auto midpoints = (code.slice(0, 0, -1) + code.slice(0, 1)) / 2;
    return {torch::bucketize(s, midpoints.to(s.device())), torch::cat(absmax)};
}

Nf4Tensor quantizeNf4(const torch::Tensor& weight, int64_t blockSize, bool doubleQuant) {
    checkBlockSize(blockSize);
    if (weight.numel() == 0) throw Error("cannot quantize an empty tensor");
    torch::NoGradGuard noGrad;
    const auto device = weight.device();
    Nf4Tensor q;
    q.shape = weight.sizes().vec();
    q.dtype = weight.scalar_type();
    q.blockSize = blockSize;
    q.doubleQuant = doubleQuant;
    q.levels = nf4Levels(device);
    auto [codes, absmax] = quantizeBlockwise(weight, q.levels, blockSize, /*padTo2=*/true);
    const auto c = codes.to(torch::kUInt8);
    q.packed = torch::bitwise_or(c.slice(0, 0, c.numel(), 2).bitwise_left_shift(4), c.slice(0, 1, c.numel(), 2));
    if (!doubleQuant) {
        q.absmax = absmax;
        return q;
    }
    q.offset = absmax.mean();
    q.code2 = signedDynamicMap(device);
    auto [absmaxCodes, absmax2] = quantizeBlockwise(absmax - q.offset, q.code2, kAbsmaxBlock);
    q.absmax = absmaxCodes.to(torch::kUInt8);
    q.absmax2 = absmax2;
    return q;
}

torch::Tensor dequantizeNf4(const Nf4Tensor& q) {
    return dequantizeNf4(q, q.dtype);
}

torch::Tensor dequantizeNf4(const Nf4Tensor& q, torch::ScalarType dtype) {
    return dequantizeNf4Transient(q, dtype).clone();
}

torch::Tensor dequantizeNf4Transient(const Nf4Tensor& q, torch::ScalarType dtype) {
    torch::NoGradGuard noGrad;
    const auto device = q.packed.device();
    // One set of buffers per thread and device, grown to the largest weight seen.
    struct Buffers {
        torch::Tensor bytes, values, out;
        torch::Tensor pairs; // the byte table of the NF4 levels (every Nf4Tensor has the same levels)
    };
    thread_local std::map<std::string, Buffers> buffers;
    Buffers& b = buffers[device.str()];
    const auto take = [](torch::Tensor& buffer, int64_t n, const torch::TensorOptions& options) {
        if (!buffer.defined() || buffer.numel() < n || buffer.scalar_type() != options.dtype().toScalarType() ||
            buffer.device() != options.device())
            buffer = torch::empty({n}, options);
        return buffer.slice(0, 0, n);
    };
    torch::Tensor absmax = q.absmax;
    if (q.doubleQuant) absmax = scaleBlocks(q.code2.index_select(0, q.absmax.to(torch::kInt)), q.absmax2, kAbsmaxBlock) + q.offset;
    // Each packed byte looks up its two levels at once.
    if (!b.pairs.defined()) b.pairs = byteLevelPairs(q.levels);
    const auto& pairs = b.pairs;
    const int64_t n = q.numel(), packed = q.packed.numel();
    auto bytes = take(b.bytes, packed, torch::TensorOptions().dtype(torch::kInt).device(device));
    bytes.copy_(q.packed);
    auto values = take(b.values, 2 * packed, torch::TensorOptions().dtype(torch::kFloat32).device(device));
    auto pairView = values.view({packed, 2});
    torch::index_select_out(pairView, pairs, 0, bytes);
    values = scaleBlocks(values.slice(0, 0, n), absmax, q.blockSize);
    if (dtype == torch::kFloat32) return values.view(q.shape);
    auto out = take(b.out, n, torch::TensorOptions().dtype(dtype).device(device));
    out.copy_(values);
    return out.view(q.shape);
}

} // namespace ft
