// Whether training runs through the model's own autograd nodes (lora_linear_function.h,
// swiglu_function.h, attention_function.h, RmsNorm's), which keep less for the backward pass, or
// through composed libtorch ops. On by default; switched off only to measure what the nodes save
// (finetune bench --train --composed-ops) and by the tests that compare both ways. Torch-free, so
// the studio's views can ask it.
#pragma once

namespace ft {

void setFusedTrainingNodes(bool on);
bool fusedTrainingNodes();

// Whether an op takes its node: gradients are being recorded, one of its inputs wants them (the
// caller says), and the nodes are on. Inference and evaluation take the composed ops.
bool useTrainingNode(bool inputsRequireGrad);

// Whether a training step keeps no [B, heads, T, S] attention probabilities for backward: the
// blockwise node where the nodes are on, scaled_dot_product_attention (libtorch 2.x) on CUDA.
bool trainingAttentionIsFused(bool cuda);

} // namespace ft
