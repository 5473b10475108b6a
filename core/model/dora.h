// DoRA (weight-decomposed LoRA, PEFT's use_dora): a LoRA projection whose output rows are rescaled
// by a trained magnitude m over the norm of the adapted weight,
//   y = m / ‖W + s·B A‖ ⊙ (x Wᵀ + s · B A x) + b,
// where the row norms ‖·‖ are a constant of the step (no gradient flows through them, as the DoRA
// paper and PEFT do). With dropout while training, the dropped input feeds the rescaled part only,
// as in PEFT: y = x Wᵀ + b + (m/‖·‖ − 1) ⊙ drop(x) Wᵀ + m/‖·‖ ⊙ s · B A drop(x).
#pragma once
#include <torch/types.h>

namespace ft {

// The row norms ‖W + scaling · B A‖ [out] in float32, detached: the magnitude a fresh adapter starts
// from, and the denominator of every forward pass.
torch::Tensor doraWeightNorm(const torch::Tensor& weight, const torch::Tensor& loraA, const torch::Tensor& loraB, double scaling);

// x [..., in] -> [..., out], in x's dtype; the adapter's arithmetic in float32 as PEFT's. keepMask
// as loraLinear's (undefined: no dropout).
torch::Tensor doraLinear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias, const torch::Tensor& loraA,
                         const torch::Tensor& loraB, const torch::Tensor& magnitude, double scaling, const torch::Tensor& keepMask = {},
                         double keepProbability = 1.0);

// The merged weight m / ‖W + s·B A‖ ⊙ (W + s·B A) in float32 (what PEFT's merge writes).
torch::Tensor doraMergedWeight(const torch::Tensor& weight, const torch::Tensor& loraA, const torch::Tensor& loraB,
                               const torch::Tensor& magnitude, double scaling);

} // namespace ft
