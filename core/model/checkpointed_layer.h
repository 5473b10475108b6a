// Gradient checkpointing for one decoder layer: the forward pass keeps only the layer's input; the
// backward pass runs the layer again (with the random state of the first run, so dropout masks
// match) and back-propagates through that. Activation memory drops from every intermediate of
// every layer to one hidden state per layer, for about a third more compute.
#pragma once
#include "model/decoder_layer.h"

namespace ft {

torch::Tensor checkpointedLayer(DecoderLayerImpl& layer, const torch::Tensor& h, const AttentionContext& ctx, int64_t layerIndex);

} // namespace ft
