// The SwiGLU gate, silu(gate) * up, as one autograd node that keeps only its two inputs: composed
// ops also keep silu(gate), one more [tokens, intermediate] tensor per layer. silu(gate) is
// recomputed in the backward pass with the same kernels, so the gradients are unchanged.
#pragma once
#include <torch/types.h>

namespace ft {

// gate, up [..., I] -> silu(gate) * up; gradients flow to both.
torch::Tensor swiGlu(const torch::Tensor& gate, const torch::Tensor& up);

} // namespace ft
