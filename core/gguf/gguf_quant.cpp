// The numeric encodings of GGUF tensors: half, bfloat16 and q8_0 blocks.
#include "gguf/gguf_quant.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ft::gguf {

namespace {
uint32_t bitsOf(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    return u;
}
float floatOf(uint32_t u) {
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}
} // namespace

uint16_t floatToHalf(float value) {
    const uint32_t x = bitsOf(value);
    const uint16_t sign = uint16_t((x >> 16) & 0x8000u);
    const uint32_t absBits = x & 0x7fffffffu;
    if (absBits >= 0x7f800000u) // inf or NaN (NaN keeps a quiet payload bit)
        return uint16_t(sign | 0x7c00u | (absBits > 0x7f800000u ? 0x200u : 0u));
    if (absBits >= 0x477ff000u) return uint16_t(sign | 0x7c00u); // rounds to >= 65520: infinity
    if (absBits < 0x38800000u) {
        // Subnormal half (or zero): value / 2^-24, rounded to nearest even.
        const float scaled = std::fabs(value) * 16777216.0f; // exact: a power-of-two scale
        return uint16_t(sign | uint16_t(std::nearbyint(scaled)));
    }
    const uint32_t mantissa = absBits & 0x7fffffu;
    const int32_t exponent = int32_t(absBits >> 23) - 127 + 15;
    uint32_t half = (uint32_t(exponent) << 10) | (mantissa >> 13);
    const uint32_t rest = mantissa & 0x1fffu;
    if (rest > 0x1000u || (rest == 0x1000u && (half & 1u))) ++half; // may carry into the exponent
    return uint16_t(sign | half);
}

float halfToFloat(uint16_t h) {
    const uint32_t sign = uint32_t(h & 0x8000u) << 16;
    const uint32_t exponent = (h >> 10) & 0x1fu;
    const uint32_t mantissa = h & 0x3ffu;
    if (exponent == 0) {
        const float v = float(mantissa) / 16777216.0f; // mantissa * 2^-24
        return sign ? -v : v;
    }
    if (exponent == 31) return floatOf(sign | 0x7f800000u | (mantissa << 13));
    return floatOf(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

uint16_t floatToBf16(float value) {
    const uint32_t x = bitsOf(value);
    if ((x & 0x7fffffffu) > 0x7f800000u) return uint16_t((x >> 16) | 0x40u); // quiet NaN
    return uint16_t((x + 0x7fffu + ((x >> 16) & 1u)) >> 16);
}

float bf16ToFloat(uint16_t bits) {
    return floatOf(uint32_t(bits) << 16);
}

void quantizeQ8_0(const float* x, size_t n, uint8_t* out) {
    for (size_t b = 0; b < n / kQ8_0Block; ++b) {
        const float* block = x + b * kQ8_0Block;
        float amax = 0.0f;
        for (size_t j = 0; j < kQ8_0Block; ++j) amax = std::max(amax, std::fabs(block[j]));
        const float d = amax / 127.0f;
        const float id = d != 0.0f ? 1.0f / d : 0.0f;
        uint8_t* dst = out + b * kQ8_0BlockBytes;
        const uint16_t dh = floatToHalf(d);
        std::memcpy(dst, &dh, 2);
        for (size_t j = 0; j < kQ8_0Block; ++j) dst[2 + j] = uint8_t(int8_t(std::round(block[j] * id)));
    }
}

void dequantizeQ8_0(const uint8_t* in, size_t n, float* out) {
    for (size_t b = 0; b < n / kQ8_0Block; ++b) {
        const uint8_t* src = in + b * kQ8_0BlockBytes;
        uint16_t dh;
        std::memcpy(&dh, src, 2);
        const float d = halfToFloat(dh);
        for (size_t j = 0; j < kQ8_0Block; ++j) out[b * kQ8_0Block + j] = d * float(int8_t(src[2 + j]));
    }
}

} // namespace ft::gguf
