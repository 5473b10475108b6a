// A frozen linear layer plus its LoRA adapter as one autograd node:
//   y = (x Wᵀ + b  +  scaling · B(A(drop(x))))   (the adapter in its own dtype, the sum in float32)
// the same arithmetic as composing the ops, but what the backward pass keeps is the input x in the
// model's dtype (shared by q/k/v, which read the same x) and the r-wide middle A(x). Composed ops
// keep the adapter's float32 copy of x instead, one per projection: under bf16 that is 4 bytes per
// input value where this keeps 2, and q/k/v kept three copies of one input.
#pragma once
#include "quant/nf4.h"

#include <torch/types.h>

namespace ft {

// x [..., in]; weight [out, in] and bias [out] (or undefined) frozen; loraA [r, in], loraB [out, r].
// keepMask: undefined for no dropout, else a bool tensor shaped like x (true = kept), applied as
// x * keepMask / keepProbability. Gradients flow to x, loraA and loraB.
torch::Tensor loraLinear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias, const torch::Tensor& loraA,
                         const torch::Tensor& loraB, double scaling, const torch::Tensor& keepMask = {}, double keepProbability = 1.0);

// The same with the frozen weight in NF4 (QLoRA): dequantized in the model's dtype for the forward
// pass and again for the backward pass; `weight` must outlive the backward pass.
torch::Tensor qloraLinear(const torch::Tensor& x, const Nf4Tensor& weight, const torch::Tensor& bias, const torch::Tensor& loraA,
                          const torch::Tensor& loraB, double scaling, const torch::Tensor& keepMask = {}, double keepProbability = 1.0);

// A dropout mask for x (true = kept, with probability keepProbability) from the default generator of
// x's device: the same draws whichever way the adapter is computed.
torch::Tensor loraKeepMask(const torch::Tensor& x, double keepProbability);

} // namespace ft
