// Whether training runs through the model's own autograd nodes (lora_linear_function.h,
// swiglu_function.h, RmsNorm's), which keep less for the backward pass, or through composed libtorch
// ops. On by default; switched off only to measure what the nodes save (finetune bench --train
// --composed-ops) and by the tests that compare both ways.
#pragma once

namespace ft {

void setFusedTrainingNodes(bool on);
bool fusedTrainingNodes();

} // namespace ft
