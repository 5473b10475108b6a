// NF4: 4-bit NormalFloat weights in blocks, stored exactly as bitsandbytes' quantize_4bit(...,
// quant_type="nf4", compress_statistics=True) stores them, so that QLoRA here trains on the same
// numbers as QLoRA in PEFT:
//   * each block of 64 consecutive values (the weight flattened row by row) is scaled by its largest
//     magnitude (absmax) and each value replaced by the nearest of the 16 NF4 levels (ties to the
//     lower), two 4-bit codes per byte, the first in the high nibble;
//   * with double quantization, the blocks' absmax values less their mean (offset) are themselves
//     quantized to 8 bits in blocks of 256 against bitsandbytes' signed dynamic map, each such block
//     keeping its own float32 absmax.
// About 4.13 bits per weight. Dequantization gives float32 values (cast to the requested dtype),
// equal to bitsandbytes' dequantize_4bit. libtorch ops only: CPU and CUDA alike.
#pragma once
#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace ft {

struct Nf4Tensor {
    torch::Tensor packed;  // uint8 [ceil(n / 2)]
    torch::Tensor absmax;  // double quantization: uint8 [blocks]; otherwise float32 [blocks]
    torch::Tensor levels;  // float32 [16], the NF4 levels (on the codes' device: no copy per use)
    torch::Tensor absmax2; // double quantization: float32 [ceil(blocks / 256)], the absmax of absmax's blocks
    torch::Tensor code2;   // double quantization: float32 [256], the map absmax's codes index
    torch::Tensor offset;  // double quantization: float32 scalar, the mean subtracted from absmax
    std::vector<int64_t> shape;
    torch::ScalarType dtype = torch::kFloat32; // of the original weight, and dequantize's default
    int64_t blockSize = 64;
    bool doubleQuant = true;

    bool defined() const { return packed.defined(); }
    int64_t numel() const;
    uint64_t bytes() const; // what the stored tensors take
    Nf4Tensor to(const torch::Device& device) const;
};

// `weight` in any floating dtype, on any device (the work happens there). blockSize: 32 to 4096, a
// power of two (bitsandbytes' choices). Throws ft::Error for other values or an empty weight.
Nf4Tensor quantizeNf4(const torch::Tensor& weight, int64_t blockSize = 64, bool doubleQuant = true);

// The weights back, shaped as the original, in `dtype` (default: the original's).
torch::Tensor dequantizeNf4(const Nf4Tensor& q);
torch::Tensor dequantizeNf4(const Nf4Tensor& q, torch::ScalarType dtype);
// The same values in buffers this thread reuses for every call: valid only until the thread's next
// call, for use within one operation (a projection's matrix product). One projection after another
// then reuses the same memory instead of leaving a trail of freed blocks behind.
torch::Tensor dequantizeNf4Transient(const Nf4Tensor& q, torch::ScalarType dtype);

// The 16 NF4 levels (float32, ascending; bitsandbytes' table).
torch::Tensor nf4Levels(const torch::Device& device = torch::kCPU);
// bitsandbytes' create_dynamic_map(signed=True): 256 ascending float32 values in [-1, 1].
torch::Tensor signedDynamicMap(const torch::Device& device = torch::kCPU);

// Blockwise quantization against an ascending code, as bitsandbytes' portable implementation does
// it (its CPU library approximates the same rounding with a lookup table): per block of
// `blockSize`, absmax = max |x|, x·(1/absmax) (the last, partial block: x / absmax) clamped to
// [-1, 1], then the index of the nearest code value (ties to the lower). Returns {codes (int64,
// flat), absmax (float32 [blocks])}. `padTo2` pads the scaled values with a zero to an even count
// (4-bit packing).
std::pair<torch::Tensor, torch::Tensor> quantizeBlockwise(const torch::Tensor& values, const torch::Tensor& code, int64_t blockSize,
                                                          bool padTo2 = false);

} // namespace ft
