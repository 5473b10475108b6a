// Whether training runs through the model's own autograd nodes (lora_linear_function.h,
// swiglu_function.h, attention_function.h, RmsNorm's), which keep less for the backward pass, or
// through composed libtorch ops. On by default; switched off only to measure what the nodes save
// (finetune bench --train --composed-ops) and by the tests that compare both ways. Torch-free, so
// the studio's views can ask it.
#pragma once

namespace ft {

void setFusedTrainingNodes(bool on);
bool fusedTrainingNodes();

// Whether a LoRA projection under a bfloat16/float16 model multiplies in the model's dtype (tensor
// cores, no float32 copies of its activations; gradients still summed into float32) instead of
// float32 as PEFT does. Off by default until the GPU checks (bench/gpu_check.sh) confirm it.
void setLoraInModelDtype(bool on);
bool loraInModelDtype();
// Whether an op takes its node: gradients are being recorded, one of its inputs wants them (the
// caller says), and the nodes are on. Inference and evaluation take the composed ops.
bool useTrainingNode(bool inputsRequireGrad);

// Whether a training step keeps no [B, heads, T, S] attention probabilities for backward: the
// blockwise node where the nodes are on, scaled_dot_product_attention (libtorch 2.x) on CUDA.
bool trainingAttentionIsFused(bool cuda);

} // namespace ft
