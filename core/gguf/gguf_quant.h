// The numeric encodings GGUF tensors use: IEEE half, bfloat16 and Q8_0 (blocks of 32 int8 values
// sharing one half-precision scale), bit-exact with ggml's reference code.
#pragma once
#include <cstddef>
#include <cstdint>

namespace ft::gguf {

uint16_t floatToHalf(float value); // round to nearest even; overflow to infinity
float halfToFloat(uint16_t bits);
uint16_t floatToBf16(float value); // round to nearest even; NaN stays NaN
float bf16ToFloat(uint16_t bits);

constexpr size_t kQ8_0Block = 32;
constexpr size_t kQ8_0BlockBytes = 34; // f16 scale + 32 int8

// n must be a multiple of 32; out receives n / 32 * 34 bytes.
void quantizeQ8_0(const float* x, size_t n, uint8_t* out);
void dequantizeQ8_0(const uint8_t* in, size_t n, float* out);

} // namespace ft::gguf
